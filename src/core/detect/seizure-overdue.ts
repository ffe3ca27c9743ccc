// 行政强制法第二十五条：查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，
// 但是延长期限不得超过三十日。法律、行政法规另有规定的除外。
// 第六十九条：本法中十日以内期限的规定是指工作日，不含法定节假日。 (So the thirty days are calendar
// days.) Counting as in 民法典第二百零一条、第二百零三条, like penalty-overdue: the day of sealing or
// seizing is not counted; when the last day is a day off the period runs to the next working day.
// Catalogue coercion.03: 违反法定程序实施行政强制的.
import type { Act } from '../acts/schema.js';
import { fromDayNumber, toDayNumber } from '../calendar/day-number.js';
import { type Calendar, nextWorkingDayNumber } from '../calendar/lookup.js';
import { type ActRule, finding, type RuleContext } from './rule.js';

export const SEIZURE_DAYS = 30;
export const SEIZURE_EXTENDED_DAYS = 60;

/** The last day of a seal or seizure: day 30 (60 when extended) after it, or the next working day. */
export function seizureDeadline(cal: Calendar, seizedDay: number, extended: boolean): number {
  return nextWorkingDayNumber(cal, seizedDay + (extended ? SEIZURE_EXTENDED_DAYS : SEIZURE_DAYS));
}

export const seizureOverdue: ActRule = {
  name: 'seizure-overdue',
  fires:
    "kind = 'coercion' and measure in ('seal', 'seize') and dates.seized is set, limit = 60 if " +
    'extension.approved else 30 days: coalesce(dates.released, asOf) > next_working_day_on_or_after(seized + limit)',
  check(act: Act, ctx: RuleContext) {
    if (act.kind !== 'coercion' || (act.measure !== 'seal' && act.measure !== 'seize')) return null;
    const seized = act.dates.seized;
    if (!seized) return null;
    const seizedDay = toDayNumber(seized);
    const extended = act.extension?.approved === true;
    const deadline = seizureDeadline(ctx.calendar, seizedDay, extended);
    const released = act.dates.released;
    const end = released ? toDayNumber(released) : ctx.asOfDay;
    if (end <= deadline) return null;
    const what = act.measure === 'seal' ? '查封' : '扣押';
    const limit = extended ? `经批准延长后${SEIZURE_EXTENDED_DAYS}日` : `${SEIZURE_DAYS}日`;
    const held = released
      ? `${released}解除，共${end - seizedDay}日`
      : `截至${ctx.asOf}仍未解除，已${end - seizedDay}日`;
    return finding(
      act,
      'seizure-overdue',
      'coercion.03',
      '行政强制法第二十五条',
      `${seized}${what}，${held}，超过法定期限${limit}（期限届满日${fromDayNumber(deadline)}）`,
    );
  },
};
