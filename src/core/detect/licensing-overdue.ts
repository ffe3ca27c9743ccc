// 行政许可法第四十二条：除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内
// 作出行政许可决定。二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的
// 理由告知申请人。
// 第八十二条：本法规定的行政机关实施行政许可的期限以工作日计算，不含法定节假日。
// Catalogue licensing.07: 不在规定时限内作出行政许可决定的.
import type { Act } from '../acts/schema.js';
import { fromDayNumber, toDayNumber } from '../calendar/day-number.js';
import { type Calendar, isWorkingDayNumber, ordinal, workingDayWithOrdinal } from '../calendar/lookup.js';
import { type ActRule, finding, type RuleContext } from './rule.js';

export const LICENSING_DAYS = 20;
export const LICENSING_EXTENDED_DAYS = 30;
const BASIS = '行政许可法第四十二条';

/**
 * The working-day number of a day counted from acceptance: the ordinal difference, a day off
 * counting as the working day that follows it (a Saturday decision after a Friday deadline is late).
 */
export function workingDayNumber(cal: Calendar, acceptedDay: number, day: number): number {
  const o = ordinal(cal, day);
  return (isWorkingDayNumber(cal, day) ? o : o + 1) - ordinal(cal, acceptedDay);
}

export const licensingOverdue: ActRule = {
  name: 'licensing-overdue',
  fires:
    "kind = 'licensing' and accepted is set, limit = 30 if extended else 20 working days; with decided: " +
    'ceil_ordinal(decided) - ordinal(accepted) > limit; without decided: ceil_ordinal(asOf) - ordinal(accepted) > limit ' +
    '(ceil_ordinal(d) = ordinal(d) + (d is a day off ? 1 : 0))',
  check(act: Act, ctx: RuleContext) {
    if (act.kind !== 'licensing') return null;
    const accepted = act.dates.accepted;
    if (!accepted) return null;
    const acceptedDay = toDayNumber(accepted);
    const limit = act.dates.extended ? LICENSING_EXTENDED_DAYS : LICENSING_DAYS;
    const decided = act.dates.decided;
    if (decided) {
      const n = workingDayNumber(ctx.calendar, acceptedDay, toDayNumber(decided));
      if (n <= limit) return null;
      return finding(
        act,
        'licensing-overdue',
        'licensing.07',
        BASIS,
        `受理后第${n}个工作日作出决定，法定期限${limit}个工作日`,
      );
    }
    if (workingDayNumber(ctx.calendar, acceptedDay, ctx.asOfDay) <= limit) return null;
    const deadline = fromDayNumber(
      workingDayWithOrdinal(ctx.calendar, ordinal(ctx.calendar, acceptedDay) + limit),
    );
    return finding(
      act,
      'licensing-overdue',
      'licensing.07',
      BASIS,
      `截至${ctx.asOf}仍未作出决定，已超过法定期限${limit}个工作日（期限届满日${deadline}）`,
    );
  },
};
