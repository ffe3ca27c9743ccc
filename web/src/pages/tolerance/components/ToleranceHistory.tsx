// The history of a tolerance application (办理记录): who applied, accepted or declined, verified,
// decided or withdrew it, and when, with what they wrote — from the audit log, newest first.
import { Card } from 'antd';
import { type HistoryFormat, HistoryTimeline } from '../../../components/HistoryTimeline';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useIntl } from '../../../locales/intl';
import { toleranceHistory } from '../../../services/tolerance';
import type { ToleranceDetail } from '../../../types/tolerance';

const FORMAT: HistoryFormat = {
  enums: {
    from: 'enums.toleranceState',
    to: 'enums.toleranceState',
    applicantKind: 'enums.toleranceApplicant',
    outcome: 'enums.toleranceOutcome',
  },
  fields: {
    number: 'pages.tolerance.field.number',
    officerId: 'pages.tolerance.field.person',
    applicantKind: 'pages.tolerance.field.applicant',
    outcome: 'pages.tolerance.field.outcome',
    facts: 'pages.tolerance.history.facts',
    to: 'pages.tolerance.history.state',
  },
  // The state a step left is the one the step before it reached.
  hidden: ['caseId', 'from'],
  colors: {
    'tolerance.apply': 'green',
    'tolerance.decide': 'green',
    'tolerance.decline': 'orange',
    'tolerance.withdraw': 'gray',
  },
};

export default function ToleranceHistory({
  application: a,
}: {
  application: Pick<ToleranceDetail, 'id' | 'version' | 'officerId' | 'officerName'>;
}) {
  const { t } = useIntl();
  // Reload whenever the application changes (its version moves with every step).
  const history = useApi((signal) => toleranceHistory(a.id, signal), [a.id, a.version]);
  const format: HistoryFormat = {
    ...FORMAT,
    // The verified facts are shown whole under 核实与评估; the trail says that they were recorded.
    value: (key, value) =>
      key === 'facts'
        ? t('pages.tolerance.history.factsRecorded')
        : key === 'officerId' && value === a.officerId
          ? `${a.officerName}（${a.officerId}）`
          : undefined,
  };
  return (
    <Card title={t('pages.tolerance.history')} variant="borderless" size="small">
      {history.error ? (
        <LoadError error={history.error} onRetry={history.reload} />
      ) : (
        <HistoryTimeline items={history.data ?? []} format={format} testId="tolerance-history" />
      )}
    </Card>
  );
}
