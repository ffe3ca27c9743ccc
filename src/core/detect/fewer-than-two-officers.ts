// 行政处罚法第四十二条：行政处罚应当由具有行政执法资格的执法人员实施。执法人员不得少于两人，法律另有
// 规定的除外。
// 行政强制法第十八条：行政机关实施行政强制措施应当遵守下列规定：……（二）由两名以上行政执法人员实施；
// Catalogue penalty.12 其他违反法律规定的 / inspection.04 不按法定程序、时限实施行政检查的 /
// coercion.03 违反法定程序实施行政强制的.
import type { Act } from '../acts/schema.js';
import { type ActRule, finding, isOrdinaryPenalty } from './rule.js';

const FAULT = { penalty: 'penalty.12', inspection: 'inspection.04', coercion: 'coercion.03' } as const;
const BASIS = {
  penalty: '行政处罚法第四十二条',
  inspection: '行政处罚法第四十二条',
  coercion: '行政强制法第十八条',
};

/** Officers counted once each, by id. */
export function distinctOfficers(act: Act): number {
  const officers = act.officers;
  if (officers.length < 2) return officers.length;
  return new Set(officers.map((o) => o.id)).size;
}

export const fewerThanTwoOfficers: ActRule = {
  name: 'fewer-than-two-officers',
  fires:
    "(kind = 'penalty' and procedure is not 'summary' or kind in ('inspection', 'coercion')) and " +
    'count(distinct officers[].id) < 2',
  check(act: Act) {
    if (!(isOrdinaryPenalty(act) || act.kind === 'inspection' || act.kind === 'coercion')) return null;
    const n = distinctOfficers(act);
    if (n >= 2) return null;
    const kind = act.kind as keyof typeof FAULT;
    return finding(
      act,
      'fewer-than-two-officers',
      FAULT[kind],
      BASIS[kind],
      `仅有${n}名执法人员实施，法定不得少于两人`,
    );
  },
};
