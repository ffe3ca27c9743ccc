// 《贵州省行政执法过错责任追究办法》第二十五条（摘要）：行政执法部门的执法行为在行政复议、行政诉讼中被
// 变更、撤销或者确认违法的，由追责机关责令限期整改；情节严重的，予以通报批评或者取消评比先进资格。
// Not a catalogue item: the agency answers (Art. 25(1), trigger `overturned_in_review`), so fault is null.
import type { Act } from '../acts/schema.js';
import { type ActRule, finding } from './rule.js';

const OUTCOME = { changed: '变更', revoked: '撤销', confirmed_illegal: '确认违法' } as const;

export const overturned: ActRule = {
  name: 'overturned',
  fires: "review in ('changed', 'revoked', 'confirmed_illegal')",
  check(act: Act) {
    const r = act.review;
    if (r !== 'changed' && r !== 'revoked' && r !== 'confirmed_illegal') return null;
    return finding(
      act,
      'overturned',
      null,
      '贵州省行政执法过错责任追究办法第二十五条',
      `执法行为在行政复议或者行政诉讼中被${OUTCOME[r]}，由执法机关${act.agency}承担责任`,
    );
  },
};
