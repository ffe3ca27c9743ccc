// Rule packs: the Measures of one jurisdiction, versioned by effective date. A pack either stands
// alone (the province) or names a parent and overrides only what it names (a city).
import type { AssessmentPolicy } from '../../assessment/policy.js';
import type { DisclosureParams } from '../../disclosure/params.js';
import type { EvaluationForm } from '../../evaluation/form.js';
import type { ReviewRubric } from '../../review/rubric.js';
import type { TolerancePolicy } from '../../tolerance/policy.js';
import type { RepeatParams } from '../art-19.js';
import type { CatalogueItem } from '../catalogue.js';
import type { Period } from '../period.js';
import type { ArticleText, ChapterText, DecisionKind, Harm, Impact, Nature, SanctionForm } from '../types.js';

export interface Deadline {
  days: number;
  unit: 'working_day' | 'calendar_day';
}

/** Ch. 4 (not in the seed): procedure deadlines and rules, used by the case workflow. */
export interface ProcedureParams {
  /** Decide whether to accept a complaint. */
  acceptComplaint: Deadline;
  minInvestigators: number;
  investigation: Deadline;
  /** Each extension of the investigation, with the head's approval, at most this long. */
  extension: Deadline;
  maxExtensions: number;
  /** Hear the person's statement and defence before deciding. */
  hearDefenceBeforeDecision: boolean;
  /** The person may appeal within this period after service (the relief panel decides: `relief`). */
  appealWithin: Deadline;
  decisionStandsDuringAppeal: boolean;
  /**
   * 审批定案: a proposal to give this form of sanction or a heavier one (SANCTION_FORMS is lightest
   * first) is decided by a collective discussion of the office, not by its head alone; null: never.
   */
  collectiveDiscussionFrom: SanctionForm | null;
}

export interface SanctionParams {
  /** Severity score = nature + harm + impact weights. */
  weights: {
    nature: Record<Nature, number>;
    harm: Record<Harm, number>;
    impact: Record<Impact, number>;
  };
  /**
   * Art. 24 forms, lightest first; the score is the rung (capped at the top). A recommendation no
   * article makes (DECISIONS.md D14): a pack may reorder or shorten it (each form at most once).
   */
  ladder: SanctionForm[];
  /** Rungs up for an Art. 19 aggravation, down for an Art. 20/21 lightening or reduction. */
  aggravateSteps: number;
  lightenSteps: number;
}

/** Early intervention on repeat faults (Art. 19(2)), for supervision dashboards. */
export interface EarlyWarningParams {
  /** The rolling window ending on the as-of date, by the calendar (Art. 19(2)'s "一年内"). */
  window: Period;
  /** Faults within the window that put an officer on the watch list. */
  attentionAt: number;
  /** Faults within the window that raise a warning (guizhou: Art. 19(2)'s three). */
  warningAt: number;
  /** Earlier sanctions that raise a warning. */
  sanctionsWarningAt: number;
}

export interface PackParams {
  attribution: {
    /** Decision kinds to which Art. 15 (the approval chain) applies. */
    art15Decisions: DecisionKind[];
  };
  repeat: RepeatParams;
  commonFault: {
    /** Art. 20 "共同": another liable person is needed for a secondary share to lighten. */
    secondaryNeedsAnotherLiable: boolean;
  };
  leniency: {
    /** An Art. 19 aggravation bars "may not pursue" under Art. 21 and 23. */
    aggravationBarsMayNotPursue: boolean;
    /** A may_not_pursue person still gets the sanction forms that apply if pursued. */
    sanctionsIfMayNotPursue: boolean;
  };
  sanctions: SanctionParams;
  agencies: {
    /** Severity score from which an agency's fault is serious (Art. 25). */
    seriousFromScore: number;
  };
  procedure: ProcedureParams;
  earlyWarning: EarlyWarningParams;
  /** The city's 容错纠错 policy; null where the pack has none (the province's Measures have none). */
  tolerance: TolerancePolicy | null;
  /** The city's case-file review rubric (案卷评查标准); null where the pack has none. */
  review: ReviewRubric | null;
  /** The city's annual assessment policy (年度考核办法); null where the pack has none. */
  assessment: AssessmentPolicy | null;
  /** The city's external evaluation form (社会评议表); null where the pack has none. */
  evaluation: EvaluationForm | null;
  relief: ReliefParams;
  /** 行政执法公示: publication deadlines, withdrawal and retention (国办发〔2018〕118号). */
  disclosure: DisclosureParams;
}

/** The relief panel (救济委员会) that hears appeals (PRACTICE.md (b)). */
export interface ReliefParams {
  /** Members drawn for each appeal: an odd number. */
  panelSize: number;
  /** The panel decides within this period of acceptance… */
  decideWithin: Deadline;
  /** …extendable by this much… */
  extension: Deadline;
  /** …this many times. */
  maxExtensions: number;
  /** The appellant is notified of a hearing at least this long before it. */
  hearingNotice: Deadline;
  /** 复核: a re-examination by the office that decided, before (or instead of going straight to) 申诉. */
  review: ReviewFirstParams;
  /** Where the sources of these figures are named. */
  source: string;
}

/**
 * 复核 by the office that decided (公务员申诉规定: request within 30 days of learning of the decision,
 * decided within 30 days; 申诉 within 15 days of the 复核 decision, or within 30 days directly).
 */
export interface ReviewFirstParams {
  /** The pack requires a 复核 before an appeal to the panel (复核前置); otherwise it is optional. */
  required: boolean;
  /** 复核 is requested within this period after service. */
  requestWithin: Deadline;
  /** The office decides within this period of acceptance (no extension). */
  decideWithin: Deadline;
  /** After a 复核 decision, the appeal to the panel runs this long from that decision. */
  appealAfter: Deadline;
  source: string;
}

export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Text replacements: an admin pastes the official text of Art. 24–25 or Ch. 4 here. */
export interface PackTexts {
  /** By article number. A replaced text is official unless `summary` says otherwise. */
  articles?: Record<
    string,
    { intro?: string; clauses?: string[]; closing?: string; summary?: boolean; source?: string }
  >;
  chapters?: Record<string, { text?: string; summary?: boolean; source?: string }>;
  /** Catalogue item texts by code (codes themselves are fixed by the contract). */
  catalogue?: Record<string, string>;
}

export interface PackVersion {
  version: string;
  /** First and last day in force (inclusive); validTo null = open-ended. */
  validFrom: string;
  validTo: string | null;
  note?: string;
  /** A root pack gives every parameter; a child gives only what it changes. */
  params?: DeepPartial<PackParams>;
  texts?: PackTexts;
}

export interface PackDefinition {
  name: string;
  title: string;
  /** 6-digit administrative division code. */
  region: string;
  parent: string | null;
  measuresTitle?: string;
  versions: PackVersion[];
}

/** A pack version in force on a date, merged with its ancestors. Immutable. */
export interface ResolvedPack {
  name: string;
  title: string;
  region: string;
  parent: string | null;
  version: string;
  validFrom: string;
  validTo: string | null;
  /** Root first: which version of each ancestor was merged. */
  lineage: readonly { name: string; version: string }[];
  measuresTitle: string;
  params: PackParams;
  chapters: readonly ChapterText[];
  articles: readonly ArticleText[];
  catalogue: readonly CatalogueItem[];
  /** Unique per lineage, e.g. "guizhou@1.0>guizhou-a-city@1.0". */
  key: string;
}

export interface PackSummary {
  name: string;
  title: string;
  region: string;
  parent: string | null;
  default: boolean;
  versions: { version: string; validFrom: string; validTo: string | null; note?: string }[];
}
