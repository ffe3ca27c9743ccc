// 容错纠错 in tags, wherever an application or its outcome shows: its state (awaiting acceptance
// blue, in verification gold, verified cyan, decided green, declined orange, withdrawn grey), the
// outcome (免责 green, 从轻减轻 blue, 不予容错 red), and on a person of a case the tolerance decided
// for them with the application's number linking to it.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useIntl } from '../locales/intl';
import { toleranceHref } from '../services/tolerance';
import type { PersonTolerance } from '../types/case';
import type { ToleranceOutcome, ToleranceState } from '../types/tolerance';

const STATE_COLORS: Record<ToleranceState, string> = {
  submitted: 'processing',
  verifying: 'gold',
  verified: 'cyan',
  decided: 'success',
  declined: 'warning',
  withdrawn: 'default',
};

export const OUTCOME_COLORS: Record<ToleranceOutcome, string> = {
  exempt: 'green',
  mitigate: 'blue',
  reject: 'red',
};

export function ToleranceStateTag({ state }: { state: ToleranceState }) {
  const { t } = useIntl();
  return (
    <Tag
      color={STATE_COLORS[state]}
      data-testid="tolerance-state"
      data-state={state}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`enums.toleranceState.${state}`)}
    </Tag>
  );
}

export function ToleranceOutcomeTag({ outcome, testId }: { outcome: ToleranceOutcome; testId?: string }) {
  const { t } = useIntl();
  return (
    <Tag
      color={OUTCOME_COLORS[outcome]}
      data-testid={testId ?? 'tolerance-outcome'}
      data-outcome={outcome}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`enums.toleranceOutcome.${outcome}`)}
    </Tag>
  );
}

/** On a person of a case: 免责 / 从轻减轻, with the application's number as a link. */
export function PersonToleranceTag({ tolerance }: { tolerance: PersonTolerance }) {
  const { t } = useIntl();
  return (
    <Tag
      color={OUTCOME_COLORS[tolerance.outcome]}
      icon={<SafetyCertificateOutlined />}
      data-testid="person-tolerance"
      data-outcome={tolerance.outcome}
      title={`${tolerance.cite} · ${tolerance.on}`}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`pages.tolerance.person.${tolerance.outcome}`)}{' '}
      <Link to={toleranceHref(tolerance.applicationId)} data-testid="person-tolerance-link">
        {tolerance.number}
      </Link>
    </Tag>
  );
}
