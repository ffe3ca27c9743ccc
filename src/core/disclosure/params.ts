// The disclosure (行政执法公示) figures as rule-pack parameters, with their source. A city pack may
// shorten or lengthen them (Zhejiang withdraws within 5 working days and keeps decisions online one
// year, PRACTICE.md (f)).
import type { Period } from '../rulebook/period.js';
import type { SanctionForm } from '../rulebook/types.js';

/** A period in working or calendar days (the same shape as the pack's procedure deadlines). */
export interface DisclosureDeadline {
  days: number;
  unit: 'working_day' | 'calendar_day';
}

export interface DisclosureParams {
  /** 行政许可、行政处罚 decisions are published within this period of the decision. */
  licensingPenalty: DisclosureDeadline;
  /** Other enforcement decisions. */
  others: DisclosureDeadline;
  /** A decision changed, revoked or confirmed illegal is withdrawn within this period. */
  withdrawal: DisclosureDeadline;
  /** How long a publication stays online, by the party: natural persons, organisations. */
  retention: { person: Period; org: Period };
  /**
   * Accountability results made public (问责处理结果公开): the sanction forms whose decisions are
   * published, in masked summary, once served; none where the pack says nothing.
   */
  accountability: { forms: SanctionForm[]; source: string };
  /** Where these figures come from. */
  source: string;
}

const workingDays = (days: number): DisclosureDeadline => ({ days, unit: 'working_day' });

/** The province's figures (the guizhou pack; PRACTICE.md (f)). */
export const DEFAULT_DISCLOSURE: DisclosureParams = {
  licensingPenalty: workingDays(7),
  others: workingDays(20),
  withdrawal: workingDays(3),
  retention: { person: { count: 2, unit: 'year' }, org: { count: 5, unit: 'year' } },
  // The Measures do not say that accountability results are published; a city's pack may.
  accountability: { forms: [], source: '《贵州省行政执法过错责任追究办法》未规定追责结果公开' },
  source:
    '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》' +
    '（国办发〔2018〕118号）：行政执法决定自作出之日起20个工作日内公开，行政许可、行政处罚的执法决定' +
    '自作出之日起7个工作日内公开；执法决定被依法变更、撤销、确认违法或者确认无效的，应当及时撤回原公开' +
    '信息（住建部门规定3个工作日内）；公示期限：自然人2年，法人和其他组织5年（各地规定，可配置）。' +
    '另见《政府信息公开条例》第二十条第（六）项、第二十六条',
};
