// 办理记录: the case's audit trail (hash-chained on the server), newest first — every step,
// who took it and with what input, and every read of a complainant's identity.
import { Flex, Skeleton, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { type HistoryFormat, HistoryTimeline } from '../../../components/HistoryTimeline';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useVocabLabel } from '../../../hooks/useVocabLabel';
import { useIntl } from '../../../locales/intl';
import { caseHistory } from '../../../services/cases';
import type { CaseDetail, CollectiveDiscussion } from '../../../types/case';

const READ = 'complaint.identity_read';

export default function HistoryTab({ c }: { c: CaseDetail }) {
  const { t } = useIntl();
  const label = useVocabLabel();
  // Reload whenever the case changes (its version moves with every step).
  const history = useApi((signal) => caseHistory(c.id, signal), [c.id, c.version]);
  const format = useMemo<HistoryFormat>(() => {
    const userName = new Map(c.investigators.map((i) => [i.userId, i.displayName]));
    const personName = new Map(c.persons.map((p) => [p.officerId, `${p.name}（${p.officerId}）`]));
    return {
      enums: {
        from: 'enums.caseState',
        to: 'enums.caseState',
        kind: 'enums.decision',
        result: 'enums.appealOutcome',
      },
      hidden: ['facts', 'complaint', 'from', 'lead'],
      fields: {
        kind: 'pages.cases.field.decisionKind',
        to: 'pages.cases.history.state',
        result: 'pages.cases.field.reviewResult',
        reasons: 'pages.cases.history.reasons',
        text: 'pages.cases.field.statement',
        note: 'pages.cases.history.note',
        summary: 'pages.cases.history.summary',
        number: 'pages.cases.field.number',
      },
      value: (key, value) => {
        if (key === 'userIds' && Array.isArray(value))
          return value.map((id) => userName.get(id) ?? id).join('、');
        if (key === 'userId' && typeof value === 'string') return userName.get(value) ?? value;
        if (key === 'personId' && typeof value === 'string') return personName.get(value) ?? value;
        if (key === 'overrides' && Array.isArray(value)) {
          if (value.length === 0) return t('common.none');
          return (value as { personId: string; outcome: string; reason: string }[])
            .map(
              (o) =>
                `${personName.get(o.personId) ?? o.personId} → ${label('outcome', o.outcome)}（${o.reason}）`,
            )
            .join('；');
        }
        if (key === 'sanctions' && Array.isArray(value)) {
          if (value.length === 0) return t('common.none');
          return (value as { personId: string; form: string; reason?: string }[])
            .map(
              (x) =>
                `${personName.get(x.personId) ?? x.personId} → ${label('sanction', x.form)}${x.reason ? `（${x.reason}）` : ''}`,
            )
            .join('；');
        }
        if (key === 'collective' && value && typeof value === 'object') {
          const m = value as CollectiveDiscussion;
          return t('pages.cases.history.collective', {
            on: m.meetingOn,
            attendees: (m.attendees ?? []).join('、'),
            votes: t('pages.cases.decision.votes', {
              for: m.votesFor,
              against: m.votesAgainst,
              abstain: m.votesAbstain,
            }),
            minutes: m.minutes,
          });
        }
        return undefined;
      },
      colors: {
        'case.decline': 'gray',
        'case.decide': 'red',
        'case.return_proposal': 'orange',
        'case.appeal': 'orange',
        'case.close': 'green',
        'complaint.identity_read': 'gray',
      },
    };
  }, [c.investigators, c.persons, t, label]);
  // Every detail view by an investigator reads the complainant's identity: those reads are
  // audited, and shown on request so that the steps of the case stay readable.
  const [showReads, setShowReads] = useState(false);
  if (history.error) return <LoadError error={history.error} onRetry={history.reload} />;
  if (!history.data) return <Skeleton active />;
  const reads = history.data.filter((h) => h.action === READ).length;
  const items = showReads ? history.data : history.data.filter((h) => h.action !== READ);
  return (
    <Flex vertical gap={16}>
      {reads > 0 && (
        <Flex gap={8} align="center">
          <Switch size="small" checked={showReads} onChange={setShowReads} data-testid="history-show-reads" />
          <Typography.Text type="secondary">
            {t('pages.cases.history.showReads', { n: reads })}
          </Typography.Text>
        </Flex>
      )}
      <HistoryTimeline items={items} format={format} testId="case-history" />
    </Flex>
  );
}
