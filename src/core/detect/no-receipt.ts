// 行政处罚法第七十条：行政机关及其执法人员当场收缴罚款的，必须向当事人出具国务院财政部门或者省、自治区、
// 直辖市人民政府财政部门统一制发的专用票据；不出具财政部门统一制发的专用票据的，当事人有权拒绝缴纳罚款。
// Catalogue penalty.06: 对当事人进行罚款、没收财物的处罚不开具法定部门制发的罚款、没收财物单据的.
import type { Act } from '../acts/schema.js';
import { type ActRule, finding } from './rule.js';

export const noReceipt: ActRule = {
  name: 'no-receipt',
  fires: "kind = 'penalty' and payment is set and payment.receipt = false",
  check(act: Act) {
    if (act.kind !== 'penalty' || !act.payment || act.payment.receipt) return null;
    const what = act.fine != null ? `罚款${act.fine}元` : '罚没款';
    return finding(
      act,
      'no-receipt',
      'penalty.06',
      '行政处罚法第七十条',
      `收缴${what}未出具财政部门统一制发的专用票据`,
    );
  },
};
