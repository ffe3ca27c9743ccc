// 《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》
// （国办发〔2018〕118号）二（三）：行政执法机关要在执法决定作出之日起20个工作日内，向社会公布执法机关、
// 执法对象、执法类别、执法结论等信息……其中，行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个
// 工作日内公开，但法律、行政法规另有规定的除外。
// 《政府信息公开条例》第二十条第（六）项：行政机关应当依照本条例第十九条的规定，主动公开本行政机关的
// ……实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定；
// 第二十六条：属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。
// Catalogue licensing.02: 不公开依法应当公开的信息的; penalty.12: 其他违法实施行政处罚的.
// The scope is that of the publication on import (src/core/disclosure): a granted licensing decision
// or a penalty decision, not withheld by a do-not-publish rule (a declared ground, or a minor party).
import type { Act } from '../acts/schema.js';
import { fromDayNumber, toDayNumber } from '../calendar/day-number.js';
import { ordinal, workingDayWithOrdinal } from '../calendar/lookup.js';
import { categoryOfAct } from '../disclosure/categories.js';
import { DEFAULT_DISCLOSURE } from '../disclosure/params.js';
import { withholdingOf } from '../disclosure/withhold.js';
import { workingDayNumber } from './licensing-overdue.js';
import { type ActRule, finding } from './rule.js';

/** Working days after the decision within which it is published (国办发〔2018〕118号: 7). */
export const DISCLOSURE_DAYS = DEFAULT_DISCLOSURE.licensingPenalty.days;
export const DISCLOSURE_BASIS = '国办发〔2018〕118号、政府信息公开条例第二十六条';

export const disclosureOverdue: ActRule = {
  name: 'disclosure-overdue',
  fires:
    "(kind = 'licensing' and decision in (null, 'granted') or kind = 'penalty') and decided is set and " +
    'withhold is null and not (party.type = person and the ID number is a minor’s on decided): ' +
    'ceil_ordinal(coalesce(publishedOn, asOf)) - ordinal(decided) > 7 ' +
    '(in the database: the earlier of publishedOn and the publication’s published_on; withheld publications never)',
  check(act: Act, ctx) {
    const category = categoryOfAct(act);
    const decided = act.dates.decided;
    if (category === null || !decided || withholdingOf(act) !== null) return null;
    const decidedDay = toDayNumber(decided);
    const published = act.publishedOn;
    const end = published ? toDayNumber(published) : ctx.asOfDay;
    const n = workingDayNumber(ctx.calendar, decidedDay, end);
    if (n <= DISCLOSURE_DAYS) return null;
    const due = fromDayNumber(
      workingDayWithOrdinal(ctx.calendar, ordinal(ctx.calendar, decidedDay) + DISCLOSURE_DAYS),
    );
    const what = category === 'licensing' ? '行政许可决定' : '行政处罚决定';
    return finding(
      act,
      'disclosure-overdue',
      category === 'licensing' ? 'licensing.02' : 'penalty.12',
      DISCLOSURE_BASIS,
      published
        ? `${decided}作出${what}，${published}公示，为决定后第${n}个工作日，应于${DISCLOSURE_DAYS}个工作日内（${due}前）公示`
        : `${decided}作出${what}，截至${ctx.asOf}未公示，应于${DISCLOSURE_DAYS}个工作日内（${due}前）公示`,
    );
  },
};
