// 行政处罚法第三十四条：行政机关可以依法制定行政处罚裁量基准，规范行使行政处罚裁量权。行政处罚裁量基准
// 应当向社会公布。
// Catalogue penalty.03: 擅自设定行政处罚或者改变行政处罚种类、幅度的.
// A fine below the lowest or above the highest amount the discretion standard sets for the act's
// violation (both ends allowed). A violation the standard does not list gives no finding.
import type { Act } from '../acts/schema.js';
import { type ActRule, finding, type RuleContext } from './rule.js';

export const fineOutsideRange: ActRule = {
  name: 'fine-outside-range',
  fires:
    "kind = 'penalty' and fine > 0 and violation is in the discretion standard and " +
    '(fine < standard.min or fine > standard.max)',
  check(act: Act, ctx: RuleContext) {
    if (act.kind !== 'penalty' || !ctx.discretion || !act.violation) return null;
    const fine = act.fine;
    if (fine == null || fine <= 0) return null;
    const e = ctx.discretion.get(act.violation);
    if (e === undefined || (fine >= e.min && fine <= e.max)) return null;
    const side = fine < e.min ? `低于下限${e.min}元` : `高于上限${e.max}元`;
    return finding(
      act,
      'fine-outside-range',
      'penalty.03',
      '行政处罚法第三十四条',
      `违法行为${act.violation}罚款${fine}元，${side}（裁量基准${e.min}至${e.max}元，${e.basis}）`,
    );
  },
};
