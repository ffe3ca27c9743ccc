// 行政处罚法第六十四条：听证应当依照以下程序组织：……（二）行政机关应当在举行听证的七日前，通知当事人
// 及有关人员听证的时间、地点……
// 第八十五条：本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。
// In time when the hearing is held on or after the 7th working day after the notice (the notice day
// not counted): ordinal(heldOn) - ordinal(noticedOn) >= 7.
// Catalogue penalty.10: 依法应当组织听证而不组织听证的 (a hearing without lawful notice is not the
// hearing the law requires).
import type { Act } from '../acts/schema.js';
import { fromDayNumber, toDayNumber } from '../calendar/day-number.js';
import { ordinal, workingDayWithOrdinal } from '../calendar/lookup.js';
import { type ActRule, finding, type RuleContext } from './rule.js';

export const HEARING_NOTICE_DAYS = 7;

export const hearingNoticeLate: ActRule = {
  name: 'hearing-notice-late',
  fires:
    "kind = 'penalty' and hearing.held and hearing.noticedOn and hearing.heldOn are set and " +
    'ordinal(heldOn) - ordinal(noticedOn) < 7',
  check(act: Act, ctx: RuleContext) {
    if (act.kind !== 'penalty' || !act.hearing?.held) return null;
    const noticed = act.hearing?.noticedOn;
    const held = act.hearing?.heldOn;
    if (!noticed || !held) return null;
    const o = ordinal(ctx.calendar, toDayNumber(noticed));
    const n = ordinal(ctx.calendar, toDayNumber(held)) - o;
    if (n >= HEARING_NOTICE_DAYS) return null;
    const earliest = fromDayNumber(workingDayWithOrdinal(ctx.calendar, o + HEARING_NOTICE_DAYS));
    return finding(
      act,
      'hearing-notice-late',
      'penalty.10',
      '行政处罚法第六十四条、第八十五条',
      `${noticed}通知听证，${held}举行听证，间隔${Math.max(n, 0)}个工作日，未在举行听证的七日前通知（最早应于${earliest}举行）`,
    );
  },
};
