// 纠错 (correction) as a procedure of the engine: every tolerated fault (a tolerance application
// decided 免责 or 从轻减轻) and every detected fault (a finding) may carry correction measures —
// what is to be done, by whom, by when. The agency reports the measure done; when it falls due the
// system re-checks: the same detection rule (a finding's) or the same catalogue items (a tolerated
// fault's) over the agency's acts after the fault. A recurrence opens a lead in the supervision
// office's inbox (整改到期复查发现再次发生); none clears the measure. This closes the loop
// detection → case → tolerance or sanction → correction → re-check.
import { defineProcedure, type Problems, problem } from './engine.js';

export const MEASURE_STATES = ['open', 'reported', 'cleared', 'recurred'] as const;
export type MeasureState = (typeof MEASURE_STATES)[number];

export const MEASURE_STATE_LABELS: Record<MeasureState, string> = {
  open: '整改中',
  reported: '已报告整改',
  cleared: '复查通过',
  recurred: '复查发现再次发生',
};

/** What a measure corrects: a tolerated fault, or a detected one. */
export const CORRECTION_SOURCES = ['tolerance', 'finding'] as const;
export type CorrectionSource = (typeof CORRECTION_SOURCES)[number];
export const CORRECTION_SOURCE_LABELS: Record<CorrectionSource, string> = {
  tolerance: '容错后纠错',
  finding: '监督发现问题整改',
};

/** The office sets and re-checks measures; the agency concerned reports them done; the system re-checks when due. */
export type CorrectionActor = 'office' | 'agency' | 'system';

export interface CorrectionSnapshot {
  state: MeasureState;
  dueOn: string;
}

export interface CorrectionContext {
  today: string;
}

/** What a re-check found: the later acts with the same fault (none: cleared). */
export interface Recurrence {
  actId: string;
  rule: string;
  occurredOn: string | null;
}

export interface CorrectionInputs {
  report: { note: string };
  recheck: { recurrences: Recurrence[] };
}
export type CorrectionAction = keyof CorrectionInputs;

const due = (s: CorrectionSnapshot, ctx: CorrectionContext): Problems =>
  ctx.today < s.dueOn ? problem('dueOn', `整改期限 ${s.dueOn} 届满后方可复查`) : [];

export const CORRECTION_PROCEDURE = defineProcedure<
  MeasureState,
  CorrectionSnapshot,
  CorrectionInputs,
  CorrectionActor,
  CorrectionContext
>({
  name: 'correction',
  noun: '纠错措施',
  states: MEASURE_STATES,
  stateLabels: MEASURE_STATE_LABELS,
  actions: {
    report: {
      from: ['open'],
      to: 'reported',
      by: ['agency', 'office'],
      label: '报告整改情况',
      guards: [(_s, i) => (i.note.trim().length >= 4 ? [] : problem('note', '请写明整改情况（至少 4 字）'))],
    },
    recheck: {
      from: ['open', 'reported'],
      to: (_s, i) => (i.recurrences.length > 0 ? 'recurred' : 'cleared'),
      by: ['office', 'system'],
      label: '到期复查',
      pre: [due],
      guards: [],
      audit: (i) => ({ recurrences: i.recurrences.length }),
    },
  },
});
