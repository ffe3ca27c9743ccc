// 行政处罚法第二十七条：违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关，依法追究刑事责任。
// Catalogue penalty.07: 应当移交司法机关追究刑事责任而不移交的.
import type { Act } from '../acts/schema.js';
import { type ActRule, finding } from './rule.js';

export const criminalNotReferred: ActRule = {
  name: 'criminal-not-referred',
  fires: 'criminal.suspected and not criminal.referred (any kind)',
  check(act: Act) {
    const c = act.criminal;
    if (!c?.suspected || c.referred) return null;
    return finding(
      act,
      'criminal-not-referred',
      'penalty.07',
      '行政处罚法第二十七条',
      '案卷记载涉嫌犯罪，未移送司法机关追究刑事责任',
    );
  },
};
