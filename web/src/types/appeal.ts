// 申诉 (officers' appeals heard by the relief panel, 救济委员会) as the API serves them
// (src/server/appeals/service.ts: fileSchema, appealActionSchemas, appealSummarySchema,
// appealDetailSchema; src/server/routes/appeals.ts: the register, its figures and the pool). The
// vocabularies are core's (src/core/workflow/appeal.ts, src/core/relief/*).
import type { MemberKind } from '../../../src/core/relief/panel';
import type { AppealOutcome } from '../../../src/core/relief/vote';
import {
  AGENCY_MEASURES,
  type AgencyMeasure,
  SANCTION_FORMS,
  type SanctionForm,
} from '../../../src/core/rulebook/types';
import type {
  AppealAction,
  AppealActor,
  AppealDocumentKind,
  AppealInputs,
  AppealStage,
  AppealState,
  AppellantKind,
} from '../../../src/core/workflow/appeal';
import type { Page } from '../services/request';
import type { ActionAvailability } from './procedure';

export { MEMBER_KINDS } from '../../../src/core/relief/panel';
export { APPEAL_OUTCOMES } from '../../../src/core/relief/vote';
export {
  APPEAL_DOCUMENT_KINDS,
  APPEAL_OPEN_STATES,
  APPEAL_PROCEDURE,
  APPEAL_STAGES,
  APPEAL_STATES,
} from '../../../src/core/workflow/appeal';
/** The input of each step (appealActionSchemas without the version): core's. */
export type {
  AppealAction,
  AppealActor,
  AppealDocumentKind,
  AppealInputs,
  AppealOutcome,
  AppealStage,
  AppealState,
  AppellantKind,
  MemberKind,
};

/** The register's state filter: core's states in the order the work flows. */
export const APPEAL_TABS = [
  'filed',
  'accepted',
  'panel',
  'voting',
  'decided',
  'rejected',
  'withdrawn',
] as const satisfies readonly AppealState[];

/**
 * The forms a vote may change the sanction to: strictly lighter than the original (不因申诉加重处理;
 * core's SANCTION_FORMS runs from the lightest), lightest first. None when no sanction was given.
 */
export function lighterForms(original: SanctionForm | null): SanctionForm[] {
  if (original === null) return [];
  return SANCTION_FORMS.slice(0, SANCTION_FORMS.indexOf(original));
}

/**
 * The measures a vote may change an agency's Art. 25 measures to: those strictly lighter than the
 * heaviest of the original (core's AGENCY_MEASURES run from the lightest), lightest first.
 */
export function lighterMeasures(original: readonly AgencyMeasure[] | null): AgencyMeasure[] {
  if (!original || original.length === 0) return [];
  const heaviest = Math.max(...original.map((m) => AGENCY_MEASURES.indexOf(m)));
  return AGENCY_MEASURES.slice(0, heaviest);
}

export interface AppealSummary {
  id: string;
  number: string;
  state: AppealState;
  /** 复核 by the office that decided, or 申诉 to the relief panel. */
  stage: AppealStage;
  caseId: string;
  caseNumber: string;
  caseSubject: string;
  /** The officer, or (Art. 25 measures) the agency, appeals. */
  appellantKind: AppellantKind;
  /** The appellant by name: the officer's, or the agency's. */
  appellantName: string;
  officerId: string | null;
  officerName: string | null;
  agencyName: string;
  filedOn: string;
  /** Filed after the appeal period (it is rejected, with a document that says why). */
  late: boolean;
  originalForm: SanctionForm | null;
  originalFormLabel: string | null;
  /** The Art. 25 measures appealed against (an agency's appeal), lightest first. */
  originalMeasures: AgencyMeasure[] | null;
  originalMeasuresLabel: string | null;
  outcome: AppealOutcome | null;
  /** While open: when the panel must decide (red once past). */
  dueOn: string | null;
  overdue: boolean;
}

export type AppealPage = Page<AppealSummary>;

interface Signed {
  by: string;
  byName: string;
  on: string;
}

export interface AppealPanelMember {
  id: string;
  name: string;
  kind: MemberKind;
  kindLabel: string;
  chair: boolean;
  /** Attended every session that received evidence: may vote. */
  eligible: boolean;
  /** Has voted (never how). */
  voted: boolean;
}

export interface AppealPanel {
  seed: string;
  drawnOn: string;
  size: number;
  members: AppealPanelMember[];
  conflicts: { memberId: string; name: string; reason: string; on: string }[];
  /** The eligible pool in the draw's order: with the seed, anyone can re-run the draw. */
  order: string[];
}

export interface AppealSession {
  id: string;
  on: string;
  place: string;
  evidence: boolean;
  recorded: boolean;
  attendees: string[];
  appellantHeard: boolean | null;
  representative: string | null;
  note: string | null;
}

export interface AppealDecision {
  outcome: AppealOutcome;
  form: SanctionForm | null;
  formLabel: string | null;
  /** The agency's new measures, when its appeal changed them. */
  measures: AgencyMeasure[] | null;
  measuresLabel: string | null;
  counts: Record<AppealOutcome, number>;
  voters: number;
  dissenting: number;
  reasons: string[];
  on: string;
}

export interface AppealDetail extends AppealSummary {
  regionCode: string;
  officerPost: string | null;
  grounds: string;
  servedOn: string | null;
  /** The last day to file (from service; after a 复核, from its decision). */
  appealUntil: string | null;
  /** The period to file, in words (送达后 30 个工作日 / 复核决定作出后 15 日). */
  appealPeriod: string;
  /** The 复核 this appeal follows, and when it was decided. */
  review: { id: string; decidedOn: string } | null;
  /** The case file, read-only (the appellant reads the decision, not the findings). */
  caseFile: {
    findings: string | null;
    decisionOn: string | null;
    decisionReasons: string | null;
    documents: { id: number; kind: string; title: string; filename: string }[];
  };
  acceptance: {
    opinion?: string;
    reject?: Signed & { reason: string; late: boolean };
    withdraw?: Signed & { reason: string };
    by?: string;
    byName?: string;
    on?: string;
  } | null;
  panel: AppealPanel | null;
  sessions: AppealSession[];
  /** How many have voted of how many may; the reader's own vote; never anyone else's. */
  voting: { cast: number; eligible: number; mine: AppealOutcome | null };
  decision: AppealDecision | null;
  extensions: (Signed & { reason: string })[];
  documents: { id: number; kind: AppealDocumentKind; title: string }[];
  roles: AppealActor[];
  availability: ActionAvailability<AppealAction>[];
  version: number;
  createdAt: string;
}

export interface AppealFilter {
  state?: AppealState;
  caseId?: string;
  q?: string;
}

/** POST /appeals: the officer concerned, against a served decision. */
export interface AppealFileInput {
  caseId: string;
  grounds: string;
  /** The agency appeals (through its legal office) against its Art. 25 measures. */
  appellant?: AppellantKind;
  /** 申诉 to the relief panel (default), or 复核 by the office that decided. */
  stage?: AppealStage;
}

export interface AppealStatistics {
  rows: {
    year: number;
    agencyId: string;
    agencyName: string;
    /** 复核 by the office, or 申诉 to the panel: the page shows one at a time. */
    stage: AppealStage;
    state: AppealState;
    outcome: string | null;
    n: number;
  }[];
}

/** A member of the relief pool (GET /relief-members). */
export interface ReliefMember {
  id: string;
  name: string;
  kind: MemberKind;
  kindLabel: string;
  expertise: string;
  regionCode: string;
  agencyName: string | null;
  officeRegion: string | null;
  /** A serving enforcement officer (at most one sits on a panel). */
  enforcementOfficer: boolean;
  hasAccount: boolean;
  active: boolean;
}
