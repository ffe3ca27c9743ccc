// 行政处罚法第四十二条：行政处罚应当由具有行政执法资格的执法人员实施。
// 行政强制法第十七条：行政强制措施应当由法律、法规规定的行政机关在法定职权范围内实施……由行政机关具备
// 资格的行政执法人员实施，其他人员不得实施。
// Catalogue penalty.02 指派、委托不具备行政执法资格组织、人员实施行政处罚的 / inspection.01 无法定依据、
// 法定职权实施行政检查的 / coercion.01 无法定职权或者超越法定职权实施行政强制的.
// A certificate's validUntil is its last valid day.
import type { Act, ActOfficer } from '../acts/schema.js';
import { type ActRule, finding } from './rule.js';

const FAULT = { penalty: 'penalty.02', inspection: 'inspection.01', coercion: 'coercion.01' } as const;
const BASIS = {
  penalty: '行政处罚法第四十二条',
  inspection: '行政处罚法第四十二条',
  coercion: '行政强制法第十七条',
};

/** The act's date for certificate validity: the decision date, else the filing, acceptance or incident date. */
export function actDate(act: Act): { date: string; label: string } | null {
  const d = act.dates;
  if (d.decided) return { date: d.decided, label: '作出决定之日' };
  if (d.filed) return { date: d.filed, label: '立案之日' };
  if (d.accepted) return { date: d.accepted, label: '受理之日' };
  if (act.incidentDate) return { date: act.incidentDate, label: '行为发生之日' };
  return null;
}

function problem(o: ActOfficer, date: string, label: string): string | null {
  if (!o.certificate) return `执法人员${o.id}未持有行政执法证件`;
  if (!o.validUntil) return `执法人员${o.id}的执法证${o.certificate}未载明有效期`;
  if (o.validUntil >= date) return null;
  return `执法人员${o.id}的执法证${o.certificate}有效期至${o.validUntil}，${label}${date}已失效`;
}

export const uncertifiedOfficer: ActRule = {
  name: 'uncertified-officer',
  fires:
    "kind in ('penalty', 'inspection', 'coercion') and act_date = coalesce(decided, filed, accepted, incidentDate) " +
    "is set and some officer has certificate null or '' or validUntil null or validUntil < act_date",
  check(act: Act) {
    if (act.kind !== 'penalty' && act.kind !== 'inspection' && act.kind !== 'coercion') return null;
    const when = actDate(act);
    if (!when) return null;
    let problems: string[] | null = null;
    for (const o of act.officers) {
      const p = problem(o, when.date, when.label);
      if (p === null) continue;
      if (problems === null) problems = [];
      problems.push(p);
    }
    if (problems === null) return null;
    return finding(act, 'uncertified-officer', FAULT[act.kind], BASIS[act.kind], problems.join('；'));
  },
};
