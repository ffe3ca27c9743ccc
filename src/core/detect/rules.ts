// The per-act rules, and applying them to one act. No validation here (no zod): scan workers load
// only this, the rules and the act reader. The scan's fast lane (screen.ts) evaluates the same
// predicates on an act's bytes: change a rule, change it there too (screen.test.ts compares them).
import type { Act } from '../acts/schema.js';
import { criminalNotReferred } from './criminal-not-referred.js';
import { disclosureOverdue } from './disclosure-overdue.js';
import { fewerThanTwoOfficers } from './fewer-than-two-officers.js';
import { fineNotRemitted } from './fine-not-remitted.js';
import { fineOutsideRange } from './fine-outside-range.js';
import { hearingNotHeld } from './hearing-not-held.js';
import { hearingNoticeLate } from './hearing-notice-late.js';
import { licensingOverdue } from './licensing-overdue.js';
import { noApplicationReceipt } from './no-application-receipt.js';
import { noPriorNotice } from './no-prior-notice.js';
import { noReceipt } from './no-receipt.js';
import { onsiteCollection } from './onsite-collection.js';
import { outsideDutyList } from './outside-duty-list.js';
import { overturned } from './overturned.js';
import { penaltyOverdue } from './penalty-overdue.js';
import { refusalWithoutReason } from './refusal-without-reason.js';
import type { ActRule, Finding, RuleContext } from './rule.js';
import { seizureOverdue } from './seizure-overdue.js';
import { uncertifiedOfficer } from './uncertified-officer.js';

/** The per-act rules, in rule-name order (duplicate-fine and fine-outlier are the cross-act ones). */
export const actRules: readonly ActRule[] = [
  criminalNotReferred,
  disclosureOverdue,
  fewerThanTwoOfficers,
  fineNotRemitted,
  fineOutsideRange,
  hearingNotHeld,
  hearingNoticeLate,
  licensingOverdue,
  noApplicationReceipt,
  noPriorNotice,
  noReceipt,
  onsiteCollection,
  outsideDutyList,
  overturned,
  penaltyOverdue,
  refusalWithoutReason,
  seizureOverdue,
  uncertifiedOfficer,
];

/** Apply the per-act rules to one act, appending its findings; how many there were. */
export function checkAct(act: Act, ctx: RuleContext, out: Finding[]): number {
  let n = 0;
  for (let i = 0; i < actRules.length; i++) {
    const f = actRules[i].check(act, ctx);
    if (f !== null) {
      out.push(f);
      n++;
    }
  }
  return n;
}
