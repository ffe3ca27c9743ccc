// What a detection rule is. Each rule sits in its own file with the statute it enforces; its
// predicate is kept to a few field comparisons so that the set-based SQL twin (over the imported
// acts and a calendar table `day, is_working, ordinal`) can state the same thing and must find
// exactly the same acts.
import type { Act } from '../acts/schema.js';
import type { Calendar } from '../calendar/lookup.js';
import type { DiscretionStandard } from './discretion.js';
import type { DutyLookup } from './duty-list.js';

export const RULE_NAMES = [
  'criminal-not-referred',
  'disclosure-overdue',
  'duplicate-fine',
  'fewer-than-two-officers',
  'fine-not-remitted',
  'fine-outlier',
  'fine-outside-range',
  'hearing-not-held',
  'hearing-notice-late',
  'licensing-overdue',
  'no-application-receipt',
  'no-prior-notice',
  'no-receipt',
  'onsite-collection',
  'outside-duty-list',
  'overturned',
  'penalty-overdue',
  'refusal-without-reason',
  'seizure-overdue',
  'uncertified-officer',
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/** The rules across acts; every other rule is decided by one act alone. */
export const CROSS_ACT_RULES = ['duplicate-fine', 'fine-outlier'] as const satisfies readonly RuleName[];

/**
 * Rules whose findings are signals for review, not faults: the console and the leads say so
 * (fine-outlier: a fine far from the agency's usual ones for the same violation).
 */
export const SIGNAL_RULES = ['fine-outlier'] as const satisfies readonly RuleName[];

/** One finding (CONTRACTS.md §4), the fields in the contract's order. */
export interface Finding {
  act: string;
  rule: RuleName;
  /** Catalogue code; null for `overturned`, where the agency answers (Measures Art. 25). */
  fault: string | null;
  /** The statutory basis, e.g. 行政许可法第四十二条. */
  basis: string;
  /** What was found, in Chinese. */
  detail: string;
}

export interface RuleContext {
  /** Date the time-based rules measure against (e.g. licensing still undecided). */
  asOf: string;
  /** Its day number. */
  asOfDay: number;
  calendar: Calendar;
  /** The discretion standard fine-outside-range measures fines against (none: the rule is off). */
  discretion?: DiscretionStandard;
  /** The agencies' duty lists outside-duty-list measures acts against (none: the rule is off). */
  duties?: DutyLookup;
}

/** A rule decided by one act alone. */
export interface ActRule {
  name: RuleName;
  /** The predicate in words — the specification of the SQL twin. */
  fires: string;
  /** A finding, or null when the act does not trigger the rule. */
  check(act: Act, ctx: RuleContext): Finding | null;
}

export function finding(
  act: Act,
  rule: RuleName,
  fault: string | null,
  basis: string,
  detail: string,
): Finding {
  return { act: act.id, rule, fault, basis, detail };
}

/** Deterministic order of findings: by act id, then rule name (code-unit order, as SQL `COLLATE "C"`). */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.act !== b.act) return a.act < b.act ? -1 : 1;
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}

/** A penalty is decided under the ordinary procedure unless it declares the summary one. */
export function isOrdinaryPenalty(act: Act): boolean {
  return act.kind === 'penalty' && act.procedure !== 'summary';
}
