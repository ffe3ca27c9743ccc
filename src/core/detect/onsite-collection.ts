// 行政处罚法第六十七条：作出罚款决定的行政机关应当与收缴罚款的机构分离。除依照本法第六十八条、第六十九条
// 的规定当场收缴的罚款外，作出行政处罚决定的行政机关及其执法人员不得自行收缴罚款。
// 第六十八条：……当场作出行政处罚决定，有下列情形之一，执法人员可以当场收缴罚款：（一）依法给予一百元
// 以下罚款的；（二）不当场收缴事后难以执行的。
// Catalogue penalty.05: 违反"罚缴分离"规定，擅自收取罚款的. (A finding above 100 yuan is a lead: the
// exceptions of Art. 68(2) and Art. 69 are for the investigator to weigh.)
import type { Act } from '../acts/schema.js';
import { type ActRule, finding } from './rule.js';

export const ONSITE_LIMIT = 100;

export const onsiteCollection: ActRule = {
  name: 'onsite-collection',
  fires: "kind = 'penalty' and payment.method = 'onsite' and fine > 100",
  check(act: Act) {
    if (act.kind !== 'penalty' || act.payment?.method !== 'onsite') return null;
    const fine = act.fine;
    if (fine == null || fine <= ONSITE_LIMIT) return null;
    return finding(
      act,
      'onsite-collection',
      'penalty.05',
      '行政处罚法第六十七条、第六十八条',
      `当场收缴罚款${fine}元，超过${ONSITE_LIMIT}元`,
    );
  },
};
