/**
 * 第十九条 行政执法人员具有下列情形，应当从重追究其行政执法过错责任：
 * （一）行政执法人员明知本人的行政执法过错行为处于继续状态，而不积极采取措施予以纠正的；
 * （二）行政执法人员一年内发生三次以上行政执法过错行为，或者两次以上被追究行政执法过错责任，仍然发生同一性质、同一种类行政执法过错行为的；
 * （三）干扰、阻碍、抗拒对其行政执法过错行为进行调查的；
 * （四）对投诉人、检举人、控告人或者责任追究承办人员打击报复的。
 *
 * (二) is computed from the person's `history` with the pack's `repeat` parameters
 * (DECISIONS.md D8). guizhou reading, as CONTRACTS.md decides it:
 * - "一年内" bounds the three faults, not the two earlier sanctions;
 * - "一年内" = the year ending on the current fault's date (inclusive), counted by the calendar as
 *   民法典 第二百零一条、第二百零二条 count a year: it begins the day after the corresponding date a
 *   year before, so a year containing 29 February has 366 days (`window: { count: 1, unit: 'year' }`);
 * - the current act counts as one fault, however many catalogue items it matches;
 * - "三次以上" / "两次以上" include the number itself (以上 includes 本数, as in Chinese law);
 * - "同一性质、同一种类" = the same catalogue item (`sameKindBy: 'item'`; a pack may say 'category');
 * - history entries dated after the current fault are ignored.
 * Aggravation applies to liable persons only, and (pack parameter
 * `leniency.aggravationBarsMayNotPursue`) bars the "may not pursue" of Art. 21 and 23.
 */
import { articleText, MEASURES_FROM } from './measures.js';
import type { Period } from './period.js';
import type { AdjustmentRule } from './types.js';

export const ARTICLE_19 = articleText(19, '行政执法人员具有下列情形，应当从重追究其行政执法过错责任：', [
  '行政执法人员明知本人的行政执法过错行为处于继续状态，而不积极采取措施予以纠正的；',
  '行政执法人员一年内发生三次以上行政执法过错行为，或者两次以上被追究行政执法过错责任，仍然发生同一性质、同一种类行政执法过错行为的；',
  '干扰、阻碍、抗拒对其行政执法过错行为进行调查的；',
  '对投诉人、检举人、控告人或者责任追究承办人员打击报复的。',
]);

const inForce = { validFrom: MEASURES_FROM, validTo: null } as const;

export const art19Rules: readonly AdjustmentRule[] = [
  {
    id: 'art19.1',
    kind: 'adjustment',
    adjustment: 'aggravate',
    discretionary: false,
    cite: { article: 19, clause: 1 },
    ...inForce,
    personalCircumstance: 'continuing_uncorrected',
    conclusion: '明知本人的过错行为处于继续状态而不积极纠正，应当从重追究',
  },
  {
    id: 'art19.2',
    kind: 'adjustment',
    adjustment: 'aggravate',
    discretionary: false,
    cite: { article: 19, clause: 2 },
    ...inForce,
    computed: 'repeat',
    conclusion: '一年内多次发生过错行为，或者多次被追究后仍发生同一种类过错行为，应当从重追究',
  },
  {
    id: 'art19.3',
    kind: 'adjustment',
    adjustment: 'aggravate',
    discretionary: false,
    cite: { article: 19, clause: 3 },
    ...inForce,
    personalCircumstance: 'obstructed_investigation',
    conclusion: '干扰、阻碍、抗拒调查，应当从重追究',
  },
  {
    id: 'art19.4',
    kind: 'adjustment',
    adjustment: 'aggravate',
    discretionary: false,
    cite: { article: 19, clause: 4 },
    ...inForce,
    personalCircumstance: 'retaliated',
    conclusion: '对投诉人、检举人、控告人或者责任追究承办人员打击报复，应当从重追究',
  },
];

/** The pack parameters of Art. 19(2). */
export interface RepeatParams {
  /** "一年内": the window ending on the current fault's date (inclusive), by the calendar. */
  window: Period;
  /** "三次以上": faults within the window, the current one included. */
  minFaultsInWindow: number;
  /** "两次以上被追究": earlier sanctioned faults of the same kind. */
  minEarlierSanctions: number;
  /** Window for the earlier sanctions; null = no time limit (guizhou). */
  sanctionsWindow: Period | null;
  /** "同一性质、同一种类": same catalogue item, or same category. */
  sameKindBy: 'item' | 'category';
}

export interface HistoryEntry {
  date: string;
  fault: string;
  sanctioned: boolean;
}

/** Which branch of 19(2) holds, if any: 'faults' (three within a year), 'sanctions', or null. */
export type RepeatBranch = 'faults' | 'sanctions' | null;
