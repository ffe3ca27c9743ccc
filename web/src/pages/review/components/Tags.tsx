// The campaign's state, a file's stage and its grade, as tags.
import { Tag } from 'antd';
import { useIntl } from '../../../locales/intl';
import type { Agreement, ReviewCampaignState, ReviewGrade, ReviewStage } from '../types';

const STATE_COLORS: Record<ReviewCampaignState, string> = {
  draft: 'default',
  sampled: 'blue',
  self_check: 'gold',
  spot_check: 'orange',
  closed: 'green',
};

export function CampaignStateTag({ state }: { state: ReviewCampaignState }) {
  const { t } = useIntl();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="review-state" data-state={state}>
      {t(`enums.reviewCampaignState.${state}`)}
    </Tag>
  );
}

const GRADE_COLORS: Record<ReviewGrade, string> = { excellent: 'green', pass: 'blue', fail: 'red' };

export function GradeTag({ grade, testId }: { grade: ReviewGrade | null; testId?: string }) {
  const { t } = useIntl();
  if (grade === null)
    return (
      <Tag data-testid={testId} data-grade="">
        {t('pages.review.unscored')}
      </Tag>
    );
  return (
    <Tag color={GRADE_COLORS[grade]} data-testid={testId} data-grade={grade}>
      {t(`enums.reviewGrade.${grade}`)}
    </Tag>
  );
}

export function StageTag({ stage }: { stage: ReviewStage }) {
  const { t } = useIntl();
  return <Tag color={stage === 'self' ? 'gold' : 'purple'}>{t(`enums.reviewStage.${stage}`)}</Tag>;
}

const AGREEMENT_COLORS: Record<Agreement, string> = { same: 'green', lenient: 'orange', strict: 'blue' };

export function AgreementTag({ agreement }: { agreement: Agreement | null }) {
  const { t } = useIntl();
  if (agreement === null) return <>{t('common.none')}</>;
  return (
    <Tag color={AGREEMENT_COLORS[agreement]} data-agreement={agreement}>
      {t(`enums.reviewAgreement.${agreement}`)}
    </Tag>
  );
}
