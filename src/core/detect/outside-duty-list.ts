// An act outside its agency's duty list (权责清单, issue 13): its matter is not on the list the
// agency had in force on the act's date, or the agency holds it there only as 协办 (another agency
// leads it). The act's date is that of uncertified-officer (`actDate`): the decision date, else the
// filing, acceptance or incident date.
//   行政许可法第二十二条：行政许可由具有行政许可权的行政机关在其法定职权范围内实施。
//   行政处罚法第十七条：行政处罚由具有行政处罚权的行政机关在法定职权范围内实施。
//   行政强制法第十七条第一款：行政强制措施由法律、法规规定的行政机关在法定职权范围内实施。
// Inspections and levies have no such article in a national law: the Measures' own catalogue item
// is cited, by chapter, category and item (the seed gives Ch. 2 no article numbers).
// Catalogue: licensing.12 将行政许可权违法委托给公民、法人和他组织行使的 (the licensing item on who may
// exercise the power, as the case-file review's 执法主体合法 maps it) / levy.01 无法定依据、法定职权实施征收、征用的 / inspection.01
// 无法定依据、法定职权实施行政检查的, and inspection.02 超越法定权限实施行政检查的 for a matter held only as
// 协办 / coercion.01 无法定职权或者超越法定职权实施行政强制的 / penalty.01 无法定处罚依据和事实依据实施行政处罚的.
// Acts of kind 'other' are left out: no item of the catalogue's 其他 category is about authority.
//
// The rule finds nothing without lists (ctx.duties), and nothing for an agency without a list in
// force on the act's date: that is a gap of the lists (the duty worklist's), not a fault of the act.
import type { Act } from '../acts/schema.js';
import { toDayNumber } from '../calendar/day-number.js';
import { MEASURES_TITLE } from '../rulebook/measures.js';
import { inForce } from './duty-list.js';
import { type ActRule, finding } from './rule.js';
import { actDate } from './uncertified-officer.js';

type Kind = 'licensing' | 'levy' | 'inspection' | 'coercion' | 'penalty';

/** The catalogue item and the basis, by kind: [not on the list, held only as 协办]. */
export const OUTSIDE_DUTY_FAULTS: Readonly<Record<Kind, readonly [string, string]>> = {
  licensing: ['licensing.12', 'licensing.12'],
  levy: ['levy.01', 'levy.01'],
  inspection: ['inspection.01', 'inspection.02'],
  coercion: ['coercion.01', 'coercion.01'],
  penalty: ['penalty.01', 'penalty.01'],
};
const MEASURES = `《${MEASURES_TITLE}》第二章`;
export const OUTSIDE_DUTY_BASES: Readonly<Record<Kind, readonly [string, string]>> = {
  licensing: ['行政许可法第二十二条', '行政许可法第二十二条'],
  levy: [`${MEASURES} 行政征收、征用（一）`, `${MEASURES} 行政征收、征用（一）`],
  inspection: [`${MEASURES} 行政检查（一）`, `${MEASURES} 行政检查（二）`],
  coercion: ['行政强制法第十七条', '行政强制法第十七条'],
  penalty: ['行政处罚法第十七条', '行政处罚法第十七条'],
};

export const outsideDutyList: ActRule = {
  name: 'outside-duty-list',
  fires:
    "lists are given and kind in ('licensing', 'levy', 'inspection', 'coercion', 'penalty') and matter is " +
    'neither null nor empty and act_date = coalesce(decided, filed, accepted, incidentDate) is set and the ' +
    "agency has some item in force on act_date and none with role 'lead' in force on act_date whose code " +
    "or name equals matter (held only as 'assist' when one with role 'assist' is)",
  check(act: Act, ctx) {
    const duties = ctx.duties;
    if (duties === undefined) return null;
    const kind = act.kind;
    if (kind === 'other') return null;
    const matter = act.matter;
    if (!matter) return null;
    const list = duties.get(act.agency);
    if (list === undefined) return null;
    const when = actDate(act);
    if (when === null) return null;
    const day = toDayNumber(when.date);
    if (!inForce(list.listed, day)) return null;
    const held = list.matters.get(matter);
    if (held !== undefined && inForce(held.lead, day)) return null;
    const assist = held !== undefined && inForce(held.assist, day) ? 1 : 0;
    const where = `${act.agency}在${when.label}${when.date}有效的权责清单中`;
    return finding(
      act,
      'outside-duty-list',
      OUTSIDE_DUTY_FAULTS[kind][assist],
      OUTSIDE_DUTY_BASES[kind][assist],
      assist ? `${where}“${matter}”为协办事项，不是主办` : `${where}没有“${matter}”事项`,
    );
  },
};
