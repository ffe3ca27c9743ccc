// The panel's vote on an appeal. Only members who attended every session at which evidence was
// received may vote (Clark County NV §2.62.100); a majority of the panel must be such members
// present (the quorum); a majority of them decides. Outcomes are ordered by leniency — uphold,
// change to a lighter form (the lighter the more lenient), revoke — and the result is the most
// lenient outcome a majority supports (the median vote): a member who votes to revoke also
// supports changing to a lighter form rather than upholding. An appeal never makes the sanction
// heavier (不因申诉加重处理, 公务员申诉规定 2022): a change must name a strictly lighter form.
// An agency's appeal against Art. 25 measures (问责办法 第二十五条) is voted the same way: a change
// names lighter measures — measures are ordered by AGENCY_MEASURES, lightest first (限期整改 <
// 通报批评 < 取消评优评先资格), and a set of measures weighs as its heaviest.
import { AGENCY_MEASURES, type AgencyMeasure, SANCTION_FORMS, type SanctionForm } from '../rulebook/types.js';
import { AGENCY_MEASURE_LABELS, SANCTION_FORM_LABELS } from '../rulebook/vocabulary.js';
import { type Problems, problem } from '../workflow/engine.js';

export const APPEAL_OUTCOMES = ['upheld', 'changed', 'revoked'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome, string> = {
  upheld: '维持原决定',
  changed: '变更（从轻）',
  revoked: '撤销原决定',
};

export interface Session {
  id: string;
  on: string;
  /** Evidence was received at this session (only those who attended every such session vote). */
  evidence: boolean;
  attendees: readonly string[];
}

export interface Vote {
  memberId: string;
  outcome: AppealOutcome;
  /** The lighter form, when the vote is to change (an officer's appeal). */
  form: SanctionForm | null;
  /** The lighter Art. 25 measures, when the vote is to change an agency's (absent on an officer's appeal). */
  measures?: readonly AgencyMeasure[] | null;
  reasons: string;
}

/** The weight of a set of agency measures: its heaviest measure's rank plus one (none: 0). */
export function measuresWeight(ms: readonly AgencyMeasure[]): number {
  return ms.reduce((w, m) => Math.max(w, AGENCY_MEASURES.indexOf(m) + 1), 0);
}

/** A set of measures, lightest first, without repeats (as stored and printed). */
export const orderedMeasures = (ms: readonly AgencyMeasure[]): AgencyMeasure[] =>
  AGENCY_MEASURES.filter((m) => ms.includes(m));

export const measuresLabel = (ms: readonly AgencyMeasure[]) =>
  orderedMeasures(ms)
    .map((m) => AGENCY_MEASURE_LABELS[m])
    .join('、');

/** The members who may vote: on the panel, and present at every session that received evidence. */
export function eligibleVoters(members: readonly string[], sessions: readonly Session[]): string[] {
  const evidence = sessions.filter((s) => s.evidence);
  return members.filter((m) => evidence.every((s) => s.attendees.includes(m)));
}

/** The quorum: more than half the panel are eligible voters. */
export function quorumProblems(panelSize: number, eligible: number): Problems {
  return eligible * 2 > panelSize
    ? []
    : problem(
        'quorum',
        `有表决权的委员（出席全部举证会议）仅 ${eligible} 名，不足委员会 ${panelSize} 名的过半数，须补开会议或重新组成委员会`,
      );
}

/** The rank of a form: lightest 0. */
const rank = (f: SanctionForm) => SANCTION_FORMS.indexOf(f);

/**
 * Problems with one vote against the original sanction: a change must be strictly lighter. On an
 * agency's appeal (`originalMeasures` given) a change names lighter measures instead of a form.
 */
export function voteProblems(
  v: Pick<Vote, 'outcome' | 'form' | 'reasons' | 'measures'>,
  original: SanctionForm | null,
  originalMeasures: readonly AgencyMeasure[] | null = null,
): Problems {
  const out: Problems = [];
  if (v.reasons.trim().length < 4) out.push(...problem('reasons', '须写明表决理由（至少 4 字）'));
  if (originalMeasures !== null) {
    if (v.form !== null && v.form !== undefined) out.push(...problem('form', '机关申诉不选定个人的追究形式'));
    const ms = v.measures ?? [];
    if (v.outcome !== 'changed') {
      if (ms.length > 0) out.push(...problem('measures', '只有变更才选定处理措施'));
    } else if (ms.length === 0) out.push(...problem('measures', '变更须选定从轻的处理措施'));
    else if (measuresWeight(ms) >= measuresWeight(originalMeasures))
      out.push(
        ...problem(
          'measures',
          `不因申诉加重处理：变更后的“${measuresLabel(ms)}”须轻于原决定的“${measuresLabel(originalMeasures) || '无'}”`,
        ),
      );
    return out;
  }
  if (v.measures && v.measures.length > 0)
    out.push(...problem('measures', '执法人员的申诉不选定机关的处理措施'));
  if (v.outcome === 'changed') {
    if (!v.form) out.push(...problem('form', '变更须选定从轻的追究形式'));
    else if (original === null)
      out.push(...problem('form', '原决定未给予追究形式，无从变更，只能维持或撤销'));
    else if (rank(v.form) >= rank(original))
      out.push(
        ...problem(
          'form',
          `不因申诉加重处理：变更后的“${SANCTION_FORM_LABELS[v.form]}”须轻于原决定的“${SANCTION_FORM_LABELS[original]}”`,
        ),
      );
  } else if (v.form !== null) out.push(...problem('form', '只有变更才选定追究形式'));
  return out;
}

/** Leniency of a vote: uphold 0, change to a lighter form (lighter: higher), revoke highest. */
function leniency(v: Vote): number {
  if (v.outcome === 'upheld') return 0;
  if (v.outcome === 'revoked') return SANCTION_FORMS.length + 2;
  if (v.measures && v.measures.length > 0) return SANCTION_FORMS.length + 1 - measuresWeight(v.measures);
  return SANCTION_FORMS.length - rank(v.form as SanctionForm);
}

export interface Tally {
  outcome: AppealOutcome;
  /** The new form, when changed. */
  form: SanctionForm | null;
  /** The new agency measures, when an agency's appeal is changed (else null). */
  measures: AgencyMeasure[] | null;
  counts: Record<AppealOutcome, number>;
  voters: number;
  /** Members whose vote differs from the result: they dissent (their reasons are recorded). */
  dissenting: number;
}

/**
 * The result of the votes cast by all eligible members: the most lenient outcome that more than
 * half of them support (each voter supports every outcome no more lenient than their own vote).
 */
export function tally(votes: readonly Vote[]): Tally {
  const counts: Record<AppealOutcome, number> = { upheld: 0, changed: 0, revoked: 0 };
  for (const v of votes) counts[v.outcome]++;
  const sorted = [...votes].sort((a, b) => leniency(b) - leniency(a));
  const need = Math.floor(votes.length / 2) + 1;
  const median = votes.length > 0 ? (sorted[need - 1] as Vote) : null;
  const result = median ?? { outcome: 'upheld' as const, form: null, memberId: '', reasons: '' };
  return {
    outcome: result.outcome,
    form: result.outcome === 'changed' ? result.form : null,
    measures:
      result.outcome === 'changed' && result.measures && result.measures.length > 0
        ? orderedMeasures(result.measures)
        : null,
    counts,
    voters: votes.length,
    dissenting: votes.filter((v) => leniency(v) !== leniency(result)).length,
  };
}
