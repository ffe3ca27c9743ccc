// 行政处罚法第四十四条：行政机关在作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、
// 依据，并告知当事人依法享有的陈述、申辩、要求听证等权利。
// Catalogue penalty.09: 未履行法定告知义务的.
// The notice must precede the decision day; under the summary procedure (当场处罚, 第五十一条) notice
// and decision happen on the spot, so the same day suffices.
import type { Act } from '../acts/schema.js';
import { type ActRule, finding } from './rule.js';

export const noPriorNotice: ActRule = {
  name: 'no-prior-notice',
  fires:
    "kind = 'penalty' and decided is set and (notified is null or notified > decided or " +
    "(notified = decided and procedure is not 'summary'))",
  check(act: Act) {
    if (act.kind !== 'penalty') return null;
    const { notified, decided } = act.dates;
    if (!decided) return null;
    let detail: string;
    if (!notified)
      detail = `${decided}作出处罚决定，此前未告知拟作出的处罚及陈述、申辩、听证权利（无告知日期）`;
    else if (notified > decided) detail = `告知日期${notified}晚于处罚决定日期${decided}`;
    else if (notified === decided && act.procedure !== 'summary')
      detail = `告知与处罚决定同日（${decided}），未在决定前告知`;
    else return null;
    return finding(act, 'no-prior-notice', 'penalty.09', '行政处罚法第四十四条', detail);
  },
};
