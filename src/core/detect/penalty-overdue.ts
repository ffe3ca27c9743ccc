// 行政处罚法第六十条：行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。法律、法规、规章
// 另有规定的，从其规定。
// Counting as in 民法典第二百零一条、第二百零三条: the filing day is not counted; when the last day of
// the period is a day off (法定休假日), the period ends on the first working day after it.
// Catalogue penalty.12: 其他违反法律规定的.
import type { Act } from '../acts/schema.js';
import { fromDayNumber, toDayNumber } from '../calendar/day-number.js';
import { type Calendar, nextWorkingDayNumber } from '../calendar/lookup.js';
import { type ActRule, finding, isOrdinaryPenalty, type RuleContext } from './rule.js';

export const PENALTY_DAYS = 90;

/** The last day to decide: the 90th day after filing, or the first working day after it. */
export function penaltyDeadline(cal: Calendar, filedDay: number): number {
  return nextWorkingDayNumber(cal, filedDay + PENALTY_DAYS);
}

export const penaltyOverdue: ActRule = {
  name: 'penalty-overdue',
  fires:
    "kind = 'penalty' and procedure is not 'summary' and filed and decided are set and " +
    'decided > next_working_day_on_or_after(filed + 90)',
  check(act: Act, ctx: RuleContext) {
    if (!isOrdinaryPenalty(act)) return null;
    const { filed, decided } = act.dates;
    if (!filed || !decided) return null;
    const filedDay = toDayNumber(filed);
    const decidedDay = toDayNumber(decided);
    const deadline = penaltyDeadline(ctx.calendar, filedDay);
    if (decidedDay <= deadline) return null;
    const lastDay = filedDay + PENALTY_DAYS;
    const postponed =
      deadline !== lastDay ? `（期间最后一日为法定休假日，顺延至${fromDayNumber(deadline)}）` : '';
    return finding(
      act,
      'penalty-overdue',
      'penalty.12',
      '行政处罚法第六十条',
      `立案后第${decidedDay - filedDay}日作出处罚决定，法定期限${PENALTY_DAYS}日${postponed}`,
    );
  },
};
