// A grade as a coloured tag; without a grade, "no data".
import { Tag } from 'antd';
import { useIntl } from '../../../locales/intl';
import type { AssessmentGrade } from '../types';

const COLORS: Record<AssessmentGrade, string> = {
  excellent: 'green',
  pass: 'blue',
  basic_pass: 'gold',
  fail: 'red',
};

export function GradeTag({ grade }: { grade: AssessmentGrade | null }) {
  const { t } = useIntl();
  if (grade === null) return <Tag>{t('pages.assessment.noGrade')}</Tag>;
  return (
    <Tag color={COLORS[grade]} data-testid={`grade-${grade}`}>
      {t(`enums.assessmentGrade.${grade}`)}
    </Tag>
  );
}
