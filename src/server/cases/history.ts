// A case's history (its audit trail) as each reader may see it: the same view rules as the
// case's detail (present.ts). The full view — the supervision office, the investigators, the
// administrator — reads every entry; the agency's legal office and the officer concerned read
// only what their detail shows: no facts as recorded, no investigators, no referrals, no reads
// of the complainant's identity, and no usernames but their own.
import type { Actor } from '../../core/policies/actor.js';
import type { CaseView } from '../../core/policies/case.js';

export interface HistoryRow {
  id: number;
  at: Date;
  actorId?: string | null;
  actorName: string | null;
  action: string;
  detail: Record<string, unknown>;
}

type Narrow = Exclude<CaseView, 'full' | 'organ' | 'none'>;

/** Detail keys each narrow view may read, per action; an action not listed shows none. */
const VISIBLE: Record<string, Record<Narrow, readonly string[]>> = {
  'case.register': { agency: ['number'], subject: ['number'] },
  'case.accept': { agency: ['opinion'], subject: [] },
  'case.decline': { agency: ['reason'], subject: ['reason'] },
  'case.assign_investigators': { agency: [], subject: [] },
  'case.recuse': { agency: [], subject: [] },
  'case.start_investigation': { agency: [], subject: [] },
  'case.extend_investigation': {
    agency: ['days', 'reason', 'approvedBy'],
    subject: ['days', 'reason', 'approvedBy'],
  },
  'case.record_findings': { agency: ['findingsText', 'overrides'], subject: ['findingsText', 'overrides'] },
  'case.notify_statement': { agency: [], subject: [] },
  'case.record_statement': { agency: ['personId', 'text', 'hearingRequested'], subject: ['personId'] },
  'case.waive_statement': { agency: ['personId', 'reason'], subject: ['personId'] },
  'case.hold_hearing': { agency: ['personId', 'heldOn', 'summary'], subject: ['personId', 'heldOn'] },
  // 审批定案: the proposal and its approval are the office's (the detail shows them to it alone);
  // the others read the decision itself on the case.
  'case.propose_decision': { agency: [], subject: [] },
  'case.return_proposal': { agency: [], subject: [] },
  'case.decide': { agency: [], subject: [] },
  'case.serve': {
    agency: ['servedOn', 'recipient', 'method', 'place'],
    subject: ['servedOn', 'recipient', 'method', 'place'],
  },
  'case.execute': { agency: ['note'], subject: ['note'] },
  'case.close': { agency: ['note'], subject: ['note'] },
  'case.appeal': { agency: [], subject: [] },
  'case.review_appeal': { agency: ['result', 'reasons'], subject: ['result', 'reasons'] },
  'case.evidence': { agency: ['filename', 'size', 'sha256'], subject: [] },
};

/** Entries a narrow view does not see at all (its detail shows none of them). */
const HIDDEN: Record<Narrow, ReadonlySet<string>> = {
  agency: new Set(['complaint.identity_read', 'referral.outcome']),
  subject: new Set(['complaint.identity_read', 'referral.outcome', 'case.evidence']),
};

/** The officer's own statement, hearing and appeal are theirs to read in full. */
const OWN_WHEN_SUBJECT: Record<string, readonly string[]> = {
  'case.record_statement': ['text', 'hearingRequested'],
  'case.waive_statement': ['reason'],
  'case.hold_hearing': ['summary'],
};

function pickKeys(detail: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in detail) out[k] = detail[k];
  return out;
}

export function caseHistoryFor(actor: Actor, view: CaseView, rows: HistoryRow[]): HistoryRow[] {
  if (view === 'full') return rows;
  if (view === 'none') return [];
  // A referral organ reads the case file whole, but not who read the complainant's identity.
  if (view === 'organ') return rows.filter((r) => r.action !== 'complaint.identity_read');
  return rows
    .filter((r) => !HIDDEN[view].has(r.action))
    .map((r) => {
      const mine = Boolean(r.actorId) && r.actorId === actor.id;
      const keys = [...(VISIBLE[r.action]?.[view] ?? [])];
      if (view === 'subject' && r.detail.personId === actor.officerId)
        keys.push(...(OWN_WHEN_SUBJECT[r.action] ?? []));
      if (view === 'subject' && r.action === 'case.appeal' && mine) keys.push('grounds');
      // The workflow's states are on the detail for every reader.
      keys.push('from', 'to');
      return {
        id: r.id,
        at: r.at,
        actorName: mine ? r.actorName : null,
        action: r.action,
        detail: pickKeys(r.detail, keys),
      };
    });
}
