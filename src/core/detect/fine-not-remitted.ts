// 行政处罚法第七十一条：执法人员当场收缴的罚款，应当自收缴罚款之日起二日内，交至行政机关；在水上当场
// 收缴的罚款，应当自抵岸之日起二日内交至行政机关；行政机关应当在二日内将罚款缴付指定的银行。
// 第八十五条：本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。
// Late when handed in after the 2nd working day after collection (the collection day not counted), as
// licensing-overdue counts: ceil_ordinal(remittedOn) - ordinal(collectedOn) > 2.
// Catalogue other.05: 违反有关规定，截留、私分、挪用罚没款、征收款……的 (money kept back is the lead).
import type { Act } from '../acts/schema.js';
import { fromDayNumber, toDayNumber } from '../calendar/day-number.js';
import { ordinal, workingDayWithOrdinal } from '../calendar/lookup.js';
import { workingDayNumber } from './licensing-overdue.js';
import { type ActRule, finding, type RuleContext } from './rule.js';

export const REMIT_DAYS = 2;

export const fineNotRemitted: ActRule = {
  name: 'fine-not-remitted',
  fires:
    "kind = 'penalty' and payment.method = 'onsite' and payment.collectedOn is set: " +
    'ceil_ordinal(coalesce(payment.remittedOn, asOf)) - ordinal(collectedOn) > 2',
  check(act: Act, ctx: RuleContext) {
    const p = act.payment;
    if (act.kind !== 'penalty' || p?.method !== 'onsite' || !p.collectedOn) return null;
    const collectedDay = toDayNumber(p.collectedOn);
    const remitted = p.remittedOn;
    const n = workingDayNumber(ctx.calendar, collectedDay, remitted ? toDayNumber(remitted) : ctx.asOfDay);
    if (n <= REMIT_DAYS) return null;
    const what = act.fine != null ? `罚款${act.fine}元` : '罚款';
    const deadline = fromDayNumber(
      workingDayWithOrdinal(ctx.calendar, ordinal(ctx.calendar, collectedDay) + REMIT_DAYS),
    );
    const detail = remitted
      ? `${p.collectedOn}当场收缴${what}，收缴后第${n}个工作日（${remitted}）才上缴，法定期限2个工作日（${deadline}）`
      : `${p.collectedOn}当场收缴${what}，截至${ctx.asOf}未上缴，法定期限2个工作日（${deadline}）`;
    return finding(act, 'fine-not-remitted', 'other.05', '行政处罚法第七十一条', detail);
  },
};
