// The vocabulary of the Measures as code: the codes CONTRACTS.md §2 fixes, and the shapes of
// rules, citations and article texts. Codes are English; labels (Chinese) live in vocabulary.ts.

export const ROLES = ['handler', 'reviewer', 'approver', 'principal', 'superior', 'officer'] as const;
export type Role = (typeof ROLES)[number];

export const DECISION_KINDS = ['approval', 'collective', 'joint', 'direct'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const CONDUCT_CODES = [
  'acted_without_approval',
  'falsified',
  'deviated_from_approval',
  'negligent_wrong_opinion',
  'failed_to_detect',
  'overrode_correct_opinion',
  'decided_without_referral',
  'decided_without_proposal',
  'objected_to_order',
  'ordered_execution',
  'order_obviously_illegal',
] as const;
export type ConductCode = (typeof CONDUCT_CODES)[number];

export const PERSONAL_CIRCUMSTANCES = [
  'continuing_uncorrected',
  'obstructed_investigation',
  'retaliated',
  'remedied_harm_prevented',
  'remedied_harm_occurred',
] as const;
export type PersonalCircumstance = (typeof PERSONAL_CIRCUMSTANCES)[number];

export const ACT_CIRCUMSTANCES = [
  'force_majeure',
  'self_defence_or_necessity',
  'counterparty_fault',
  'trivial',
] as const;
export type ActCircumstance = (typeof ACT_CIRCUMSTANCES)[number];

export const AGENCY_TRIGGERS = ['overturned_in_review'] as const;
export type AgencyTrigger = (typeof AGENCY_TRIGGERS)[number];

export const SHARES = ['main', 'secondary'] as const;
export type Share = (typeof SHARES)[number];

export const NATURES = ['minor', 'ordinary', 'egregious'] as const;
export type Nature = (typeof NATURES)[number];
export const HARMS = ['small', 'large'] as const;
export type Harm = (typeof HARMS)[number];
export const IMPACTS = ['small', 'large'] as const;
export type Impact = (typeof IMPACTS)[number];

export const OUTCOMES = ['pursue', 'may_not_pursue', 'not_liable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ADJUSTMENT_KINDS = ['aggravate', 'lighten_or_reduce'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

export const SANCTION_FORMS = [
  'admonition_talk',
  'written_self_criticism',
  'circulated_criticism',
  'off_post_training',
  'removal_from_post',
  'suspension_of_qualification',
  'disqualification',
] as const;
export type SanctionForm = (typeof SANCTION_FORMS)[number];

export const AGENCY_MEASURES = [
  'rectify_within_limit',
  'circulated_criticism',
  'award_disqualification',
] as const;
export type AgencyMeasure = (typeof AGENCY_MEASURES)[number];

export const REFERRALS = ['discipline', 'judicial'] as const;
export type Referral = (typeof REFERRALS)[number];

export const CATEGORY_CODES = [
  'licensing',
  'levy',
  'inspection',
  'coercion',
  'penalty',
  'other',
  'nonperformance',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

/** A citation of an article of the Measures, and of one of its clauses (项) when it has them. */
export interface Cite {
  article: number;
  clause?: number;
}

/**
 * A citation of a provision of Ch. 1 (总则). The seed renders Ch. 1 without article numbers, so it
 * is cited by chapter and item; never by an invented article number.
 */
export interface ChapterCite {
  chapter: number;
  item: number;
}

/** What a person's or agency's liability rests on. */
export type Basis = Cite | ChapterCite;

/** Facts about the act that are derived from the people in it (e.g. "a handler's wrong opinion"). */
export const ACT_FACTS = [
  'handler_negligent',
  'reviewer_overrode',
  'handler_acted_alone',
  'handler_not_alone',
  'order_objected',
  'order_kept',
] as const;
export type ActFact = (typeof ACT_FACTS)[number];

interface RuleBase {
  /** Stable id, naming the article: `art15.4.checker`. */
  id: string;
  cite: Basis;
  /** First and last day (inclusive) the rule is in force; null = open-ended. */
  validFrom: string;
  validTo: string | null;
  /** The conclusion in Chinese, used in the explanation after "依第…条…，". */
  conclusion: string;
}

/**
 * A derived act fact: "some person with one of these roles whose own conduct meets the condition"
 * (all of `conductAll`, one of `conductAny` if given, none of `conductNone`). The condition is on
 * one person, so "a handler who was negligent and did not act alone" is one handler (Art. 15).
 */
export interface ActFactRule {
  fact: ActFact;
  roles: readonly Role[];
  conductAll?: readonly ConductCode[];
  conductAny?: readonly ConductCode[];
  conductNone?: readonly ConductCode[];
}

/** Makes a person liable (a basis) when every condition holds. */
export interface AttributionRule extends RuleBase {
  kind: 'attribution';
  roles: readonly Role[];
  /** Decision kinds; 'art15' = the pack parameter `attribution.art15Decisions`. */
  decisions: readonly DecisionKind[] | 'art15';
  conductAll?: readonly ConductCode[];
  conductAny?: readonly ConductCode[];
  actAll?: readonly ActFact[];
}

/**
 * Catala-style exception: when it holds, the rules it names (or every attribution rule, '*')
 * give no basis. With `outcome`, the person is also declared not liable on this citation.
 */
export interface ExceptionRule extends RuleBase {
  kind: 'exception';
  defeats: readonly string[] | '*';
  /** With `defeats: '*'`: the rules it leaves standing (Art. 18 spares the officer's own 15(1)–(3)). */
  spares?: readonly string[];
  conductAll?: readonly ConductCode[];
  conductNone?: readonly ConductCode[];
  actAll?: readonly ActFact[];
  actAny?: readonly ActFact[];
  actNone?: readonly ActFact[];
  /** The person is not liable on this citation (Art. 18), rather than merely lacking a basis. */
  shields?: boolean;
}

/** Art. 22: act circumstances that exempt everybody (persons and agencies). */
export interface ExemptionRule extends RuleBase {
  kind: 'exemption';
  circumstance: ActCircumstance;
}

/** Art. 21, 23: the authority may decline to pursue. */
export interface LeniencyRule extends RuleBase {
  kind: 'leniency';
  /** Act circumstance (Art. 23) or personal circumstance (Art. 21). */
  actCircumstance?: ActCircumstance;
  personalCircumstance?: PersonalCircumstance;
  /** Applies to agencies too (Art. 23 speaks of the fault, not of the officer). */
  agencies: boolean;
}

/** Art. 19–21: aggravating or lightening circumstances of a liable person. */
export interface AdjustmentRule extends RuleBase {
  kind: 'adjustment';
  adjustment: AdjustmentKind;
  personalCircumstance?: PersonalCircumstance;
  /** Art. 19(2): computed from the person's history with the pack's repeat parameters. */
  computed?: 'repeat';
  /** Art. 20: the person's share in a common fault. */
  share?: Share;
  /** The text says "可以" (Art. 21): the authority may adjust; "应当" (Art. 19, 20): it must. */
  discretionary: boolean;
}

/** Art. 24: one clause of sanction forms for officers. */
export interface SanctionClause {
  cite: Cite;
  forms: readonly SanctionForm[];
  validFrom: string;
  validTo: string | null;
}

/** Art. 24: referral to another organ when something is suspected. */
export interface ReferralRule extends RuleBase {
  kind: 'referral';
  referral: Referral;
  suspected: 'discipline' | 'crime';
}

/** Art. 17, 25: what makes an agency liable. */
export interface AgencyRule extends RuleBase {
  kind: 'agency';
  decisions?: readonly DecisionKind[];
  trigger?: AgencyTrigger;
}

export type Rule =
  | AttributionRule
  | ExceptionRule
  | ExemptionRule
  | LeniencyRule
  | AdjustmentRule
  | ReferralRule
  | AgencyRule;

/** The text of one clause (项) of an article. */
export interface ClauseText {
  number: number;
  text: string;
}

/** The text of an article as the pack carries it. */
export interface ArticleText {
  number: number;
  /** The sentence before the clauses, or the whole article when it has none. */
  intro: string;
  clauses: readonly ClauseText[];
  /** Paragraphs after the clauses ('' when none). */
  closing: string;
  /** True when this is our summary, not the official text (Art. 24–25: not in the seed). */
  summary: boolean;
  /** Where the text comes from, for the browser. */
  source: string;
}

/** A chapter's heading and, where it has no articles here, its text. */
export interface ChapterText {
  number: number;
  title: string;
  /** Text shown for the chapter itself (Ch. 1 from the deck, Ch. 4 summary); empty otherwise. */
  text: string;
  summary: boolean;
  source: string;
}
