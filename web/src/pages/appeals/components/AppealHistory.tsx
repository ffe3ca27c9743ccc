// The history of an appeal (办理记录): the filing, each step and who took it, and, once the last
// vote is cast, the tally — for the office and the panel with every vote and its reasons (the
// audit chain unseals them), for the appellant and the agency the result only. Newest first.
import { Card } from 'antd';
import { type HistoryFormat, HistoryTimeline } from '../../../components/HistoryTimeline';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useIntl } from '../../../locales/intl';
import { appealHistory } from '../../../services/appeals';
import type { AppealDetail } from '../../../types/appeal';

interface TalliedVote {
  member: string;
  outcome: string;
  form: string | null;
  reasons: string;
  dissent: string | null;
}

export default function AppealHistory({ appeal: a }: { appeal: AppealDetail }) {
  const { t } = useIntl();
  // Reload whenever the appeal changes (its version moves with every step).
  const history = useApi((signal) => appealHistory(a.id, signal), [a.id, a.version]);
  const memberName = new Map((a.panel?.members ?? []).map((m) => [m.id, m.name]));
  const sessionOf = new Map(a.sessions.map((s) => [s.id, `${s.on} · ${s.place}`]));
  const format: HistoryFormat = {
    enums: { from: 'enums.appealState', to: 'enums.appealState', outcome: 'enums.appealOutcome' },
    hidden: ['caseId', 'from', 'version'],
    fields: {
      to: 'pages.appeals.history.state',
      number: 'pages.appeals.field.number',
      officerId: 'pages.appeals.field.officer',
      outcome: 'pages.appeals.field.outcome',
      form: 'pages.appeals.field.form',
      opinion: 'pages.appeals.field.opinion',
      reason: 'pages.appeals.history.reason',
      reasons: 'pages.appeals.field.reasons',
      seed: 'pages.appeals.field.seed',
      on: 'pages.appeals.field.hearingOn',
      place: 'pages.appeals.field.place',
      evidence: 'pages.appeals.field.evidence',
      sessionId: 'pages.appeals.field.session',
      attendees: 'pages.appeals.field.attendees',
      appellantHeard: 'pages.appeals.field.appellantHeard',
      representative: 'pages.appeals.field.representative',
      note: 'pages.appeals.field.note',
      counts: 'pages.appeals.history.counts',
      votes: 'pages.appeals.history.votes',
      voted: 'pages.appeals.history.voted',
    },
    value: (key, value) => {
      if (key === 'officerId' && value === a.officerId) return `${a.officerName}（${a.officerId}）`;
      if (key === 'attendees' && Array.isArray(value))
        return value.map((id) => memberName.get(String(id)) ?? String(id)).join('、') || t('common.none');
      if (key === 'sessionId' && typeof value === 'string') return sessionOf.get(value) ?? value;
      if (key === 'form' && value === null) return t('common.none');
      if (key === 'voted') return t('pages.appeals.history.sealed');
      if (key === 'counts' && value && typeof value === 'object') {
        const c = value as Record<string, number>;
        return t('pages.appeals.decision.counts', {
          upheld: c.upheld ?? 0,
          changed: c.changed ?? 0,
          revoked: c.revoked ?? 0,
        });
      }
      if (key === 'votes' && Array.isArray(value))
        return (value as TalliedVote[])
          .map(
            (v) =>
              `${v.member}：${v.outcome}${v.form ? `（${v.form}）` : ''}，${v.reasons}${v.dissent ? `；${t('pages.appeals.field.dissent')}：${v.dissent}` : ''}`,
          )
          .join('；');
      return undefined;
    },
    colors: {
      'appeal.file': 'green',
      'appeal.reject': 'orange',
      'appeal.withdraw': 'gray',
      'appeal.declare_conflict': 'orange',
      'appeal.tally': 'green',
    },
  };
  return (
    <Card title={t('pages.appeals.history')} variant="borderless" size="small">
      {history.error ? (
        <LoadError error={history.error} onRetry={history.reload} />
      ) : (
        <HistoryTimeline items={history.data ?? []} format={format} testId="appeal-history" />
      )}
    </Card>
  );
}
