// From the stored case to the workflow's snapshot, procedure and deadlines.
import type { Calendar } from '../../core/calendar/index.js';
import type { Determination } from '../../core/determine/types.js';
import { selectPack } from '../../core/rulebook/packs/registry.js';
import type { SanctionForm } from '../../core/rulebook/types.js';
import { type PersonTolerance, toleratedSanctions } from '../../core/tolerance/effect.js';
import type {
  CaseInputs,
  CaseProcedure,
  CaseSnapshot,
  CaseState,
  CollectiveDiscussion,
  DecisionKind,
} from '../../core/workflow/case.js';
import { caseDeadlines } from '../../core/workflow/deadlines.js';
import type { LoadedCase } from '../../store/cases.repository.js';

/** 审批定案 as stored: the investigators' proposal, and who approved it how. */
export type ProposalRecord = CaseInputs['propose_decision'] & {
  by: string;
  byName: string;
  on: string;
};
export interface ApprovalRecord {
  opinion: string;
  collective: CollectiveDiscussion | null;
  by: string;
  byName: string;
  on: string;
}

export const proposalOf = (c: Pick<LoadedCase, 'proposal'>) => (c.proposal ?? null) as ProposalRecord | null;
export const approvalOf = (c: Pick<LoadedCase, 'approval'>) => (c.approval ?? null) as ApprovalRecord | null;

/** The tolerance decided for a person of the case (容错), as the case keeps it. */
export const toleranceOf = (p: { tolerance: unknown }) => (p.tolerance ?? null) as PersonTolerance | null;

/** What the relief panel decided on the person's appeal (申诉), when it changed or revoked the decision. */
export interface PersonRelief {
  appealId: string;
  number: string;
  outcome: 'changed' | 'revoked';
  form: SanctionForm | null;
  on: string;
}
export const reliefOf = (p: { relief: unknown }) => (p.relief ?? null) as PersonRelief | null;

export function snapshotOf(c: LoadedCase): CaseSnapshot {
  const det = c.determination as Determination | null;
  const sanctions = new Map((det?.persons ?? []).map((p) => [p.id, p.sanctions ?? null]));
  const ladder = selectPack(c.pack, c.registeredOn).params.sanctions;
  const proposal = proposalOf(c);
  const suspected = new Set((det?.persons ?? []).filter((p) => p.referrals.length > 0).map((p) => p.id));
  return {
    state: c.state as CaseState,
    registeredOn: c.registeredOn,
    acceptedOn: c.acceptedOn,
    investigators: c.investigators.map((i) => ({ userId: i.userId, recused: i.recused })),
    investigationStartedOn: c.investigationStartedOn,
    extensions: c.extensions.map((e) => ({ days: e.days })),
    findingsRecorded: c.findingsOn !== null,
    statementNoticeOn: c.statementNoticeOn,
    persons: c.persons.map((p) => ({
      id: p.officerId,
      liable: p.liable,
      statement: p.statementOn ? { on: p.statementOn } : null,
      waived: p.waived,
      hearingRequested: p.hearingRequested,
      hearingHeld: p.hearingHeldOn !== null,
      suspected: suspected.has(p.officerId),
      sanctions: toleratedSanctions(sanctions.get(p.officerId) ?? null, toleranceOf(p), ladder),
      tolerance: toleranceOf(p)?.outcome ?? null,
    })),
    proposal: proposal
      ? {
          kind: proposal.kind,
          sanctions: proposal.sanctions.map((x) => ({ personId: x.personId, form: x.form })),
        }
      : null,
    decision:
      c.decisionKind && c.decisionOn ? { kind: c.decisionKind as DecisionKind, on: c.decisionOn } : null,
    servedOn: c.servedOn,
    appeal: c.appeal
      ? {
          filedOn: c.appeal.filedOn,
          by: c.appeal.officerId,
          result: c.appeal.result,
          reviewedOn: c.appeal.reviewedOn,
          dueOn: c.appeal.dueOn,
        }
      : null,
    agencyAppealOpen: c.agencyAppealOpen,
  };
}

/** The procedure parameters of the case's pack, in force on the day the case was registered. */
export function procedureOf(c: { pack: string; registeredOn: string }): {
  procedure: CaseProcedure;
  label: string;
} {
  const pack = selectPack(c.pack, c.registeredOn);
  return {
    procedure: { statementWithin: { days: 5, unit: 'working_day' }, ...pack.params.procedure },
    label: `${pack.title}规则包 ${pack.name} ${pack.version}`,
  };
}

export function deadlinesOf(c: LoadedCase, calendar: Calendar, today: string) {
  const { procedure, label } = procedureOf(c);
  return caseDeadlines(snapshotOf(c), procedure, calendar, today, label);
}
