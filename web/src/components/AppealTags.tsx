// 申诉 in tags, wherever an appeal or its result shows: its state (awaiting acceptance blue,
// accepted cyan, before the panel gold, voting purple, decided green, rejected orange, withdrawn
// grey), the panel's result (维持 grey, 变更 blue, 撤销 green), and on a person of a case the relief
// the panel gave them, the appeal's number linking to it.
import { FlagOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useVocabLabel } from '../hooks/useVocabLabel';
import { useIntl } from '../locales/intl';
import { appealHref } from '../services/appeals';
import type { AppealOutcome, AppealState } from '../types/appeal';
import type { PersonRelief } from '../types/case';

const STATE_COLORS: Record<AppealState, string> = {
  filed: 'processing',
  accepted: 'cyan',
  panel: 'gold',
  voting: 'purple',
  decided: 'success',
  rejected: 'warning',
  withdrawn: 'default',
};

export const APPEAL_OUTCOME_COLORS: Record<AppealOutcome, string> = {
  upheld: 'default',
  changed: 'blue',
  revoked: 'green',
};

export function AppealStateTag({ state, testId }: { state: AppealState; testId?: string }) {
  const { t } = useIntl();
  return (
    <Tag
      color={STATE_COLORS[state]}
      data-testid={testId ?? 'appeal-state'}
      data-state={state}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`enums.appealState.${state}`)}
    </Tag>
  );
}

export function AppealOutcomeTag({
  outcome,
  formLabel,
  testId,
}: {
  outcome: AppealOutcome;
  /** The new form, when changed. */
  formLabel?: string | null;
  testId?: string;
}) {
  const { t } = useIntl();
  return (
    <Tag
      color={APPEAL_OUTCOME_COLORS[outcome]}
      data-testid={testId ?? 'appeal-outcome'}
      data-outcome={outcome}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`enums.appealOutcome.${outcome}`)}
      {outcome === 'changed' && formLabel ? `：${formLabel}` : ''}
    </Tag>
  );
}

/** On a person of a case: the panel changed or revoked the decision, with the appeal's number as a link. */
export function PersonReliefTag({ relief }: { relief: PersonRelief }) {
  const { t } = useIntl();
  const label = useVocabLabel();
  return (
    <Tag
      color={APPEAL_OUTCOME_COLORS[relief.outcome]}
      icon={<FlagOutlined />}
      data-testid="person-relief"
      data-outcome={relief.outcome}
      title={relief.on}
      style={{ marginInlineEnd: 0 }}
    >
      {relief.outcome === 'changed' && relief.form
        ? t('pages.appeals.person.changed', { form: label('sanction', relief.form) })
        : t('pages.appeals.person.revoked')}{' '}
      <Link to={appealHref(relief.appealId)} data-testid="person-relief-link">
        {relief.number}
      </Link>
    </Tag>
  );
}
