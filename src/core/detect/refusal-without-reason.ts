// 行政许可法第三十二条：行政机关对申请人提出的行政许可申请，应当根据下列情况分别作出处理：（一）申请事项
// 依法不需要取得行政许可的，应当即时告知申请人不受理；（二）申请事项依法不属于本行政机关职权范围的，应当
// 即时作出不予受理的决定，并告知申请人向有关行政机关申请；……
// 第三十八条第二款：行政机关依法作出不予行政许可的书面决定的，应当说明理由，并告知申请人享有依法申请
// 行政复议或者提起行政诉讼的权利。
// Catalogue licensing.04: 未依法说明不受理行政许可申请或者不予行政许可理由的.
// No reason: absent, or only spaces.
import type { Act } from '../acts/schema.js';
import { type ActRule, finding } from './rule.js';

/** Absent, empty or only spaces (the SQL twin: coalesce(trim(reason), '') = ''). */
export function isBlankReason(reason: string | null | undefined): boolean {
  if (reason == null) return true;
  for (let i = 0; i < reason.length; i++) if (reason.charCodeAt(i) !== 32) return false;
  return true;
}

export const refusalWithoutReason: ActRule = {
  name: 'refusal-without-reason',
  fires: "kind = 'licensing' and decision in ('refused', 'not_accepted') and coalesce(trim(reason), '') = ''",
  check(act: Act) {
    if (act.kind !== 'licensing') return null;
    const d = act.decision;
    if ((d !== 'refused' && d !== 'not_accepted') || !isBlankReason(act.reason)) return null;
    return d === 'refused'
      ? finding(
          act,
          'refusal-without-reason',
          'licensing.04',
          '行政许可法第三十八条',
          `作出不予行政许可决定${act.dates.decided ? `（${act.dates.decided}）` : ''}，未说明理由`,
        )
      : finding(
          act,
          'refusal-without-reason',
          'licensing.04',
          '行政许可法第三十二条',
          `作出不予受理决定${act.dates.decided ? `（${act.dates.decided}）` : ''}，未说明理由`,
        );
  },
};
