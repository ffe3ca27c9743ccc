// 行政处罚法第六十三条：行政机关拟作出下列行政处罚决定，应当告知当事人有要求听证的权利，当事人要求听证的，
// 行政机关应当组织听证……  第六十四条：听证应当依照以下程序组织……
// 行政许可法第四十七条：行政许可直接涉及申请人与他人之间重大利益关系的……申请人、利害关系人在被告知听证
// 权利之日起五日内提出听证申请的，行政机关应当在二十日内组织听证。
// Catalogue penalty.10 依法应当组织听证而不组织听证的 / licensing.05 依法应当举行听证而不举行听证的.
import type { Act } from '../acts/schema.js';
import { type ActRule, finding } from './rule.js';

export const hearingNotHeld: ActRule = {
  name: 'hearing-not-held',
  fires: "kind in ('penalty', 'licensing') and hearing.requested and not hearing.held and decided is set",
  check(act: Act) {
    const h = act.hearing;
    if (!h?.requested || h.held) return null;
    const decided = act.dates.decided;
    if (!decided) return null;
    if (act.kind === 'penalty') {
      return finding(
        act,
        'hearing-not-held',
        'penalty.10',
        '行政处罚法第六十三条、第六十四条',
        `当事人要求听证，未组织听证即于${decided}作出处罚决定`,
      );
    }
    if (act.kind === 'licensing') {
      return finding(
        act,
        'hearing-not-held',
        'licensing.05',
        '行政许可法第四十七条',
        `申请人、利害关系人申请听证，未举行听证即于${decided}作出许可决定`,
      );
    }
    return null;
  },
};
