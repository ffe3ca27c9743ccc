// 行政许可法第三十二条第二款：行政机关受理或者不予受理行政许可申请，应当出具加盖本行政机关专用印章和注明
// 日期的书面凭证。
// Catalogue licensing.11: 不按规定向申请人出具相关书面凭证的.
// receiptIssued false is the fault; absent (unknown) is not.
import type { Act } from '../acts/schema.js';
import { type ActRule, finding } from './rule.js';

export const noApplicationReceipt: ActRule = {
  name: 'no-application-receipt',
  fires: "kind = 'licensing' and receiptIssued = false",
  check(act: Act) {
    if (act.kind !== 'licensing' || act.receiptIssued !== false) return null;
    const applied = act.dates.applied ? `${act.dates.applied}申请，` : '';
    return finding(
      act,
      'no-application-receipt',
      'licensing.11',
      '行政许可法第三十二条',
      `${applied}未向申请人出具加盖专用印章和注明日期的书面凭证`,
    );
  },
};
