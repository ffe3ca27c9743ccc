// The demo city's 事前备案 (pre-registrations of exploratory measures): one accepted with its
// number and 《报备容错受理决定书》, one awaiting the initial review, one returned with reasons.
// Pure data, dated from `today` on the working-day calendar, so the one awaiting review is due soon.
import { addWorkingDays, defaultCalendar } from '../core/calendar/index.js';
import type { MeasureContent, PreRegistrationState } from '../core/workflow/pre-registration.js';

/** The day A市's tolerance policy (guizhou-a-city 2.0) came into force. */
export const DEMO_TOLERANCE_FROM = '2026-01-01';

export interface DemoPreRegistration extends MeasureContent {
  regionCode: string;
  agencyId: string;
  officerId: string | null;
  /** The demo account that registered it. */
  registeredBy: string;
  registeredOn: string;
  state: PreRegistrationState;
  /** The initial review: the demo supervisor, the office, the text and the day. */
  review: { by: string; organName: string; kind: 'accept' | 'return'; text: string; on: string } | null;
}

/** The demo's registrations, oldest first (the numbers follow this order per region and year). */
export function demoPreRegistrations(today: string): DemoPreRegistration[] {
  // Before the policy came into force there is nothing to register against.
  if (today < DEMO_TOLERANCE_FROM) return [];
  const cal = defaultCalendar();
  const back = (n: number) => {
    const d = addWorkingDays(cal, today, -n);
    return d < DEMO_TOLERANCE_FROM ? DEMO_TOLERANCE_FROM : d;
  };
  const accepted = back(15);
  const returned = back(4);
  return [
    {
      regionCode: '529900',
      agencyId: '529900-SCJ',
      officerId: null,
      registeredBy: 'scjfz',
      registeredOn: accepted,
      state: 'accepted',
      title: '新业态经营者首次轻微违法“指导整改代替罚款”',
      measure:
        '对直播电商、社区团购等新业态经营者首次出现、危害后果轻微并及时改正的违法行为，以书面指导整改代替罚款，整改期限十五日，期满复查。',
      reason: '新业态处于发展初期，经营者对监管要求了解不足，一罚了之不利于培育市场主体。',
      legalGap:
        '《行政处罚法》第三十三条规定首次违法且危害后果轻微并及时改正的可以不予处罚，但新业态中哪些情形属于“危害后果轻微”，上位法和本省裁量基准均未作规定。',
      risks: '可能被质疑放松监管；个别经营者可能利用整改期限继续违法。',
      safeguards:
        '建立整改台账，期满逐户复查；复查不合格或者再次违法的依法处罚；每季度向市司法局报告实施情况。',
      plannedFrom: addWorkingDays(cal, accepted, 3),
      review: {
        by: 'sfj',
        organName: 'A市司法局',
        kind: 'accept',
        text: '报备事项属于法律政策尚无明确规定的探索性措施，风险研判充分，防范措施具体可行，同意受理。请严格落实整改复查制度。',
        on: addWorkingDays(cal, accepted, 1),
      },
    },
    {
      regionCode: '529921',
      agencyId: '529921-ZHJ',
      officerId: null,
      registeredBy: 'jxzhfz',
      registeredOn: returned,
      state: 'returned',
      title: '占道经营“疏堵结合”临时摊点试点',
      measure: '在城关镇两处路段设置临时摊点，准许流动摊贩在规定时段经营，超出时段、区域的依法查处。',
      reason: '群众有便民购物需求，单纯取缔易引发矛盾。',
      legalGap: '县级临时摊点的设置程序和审批主体，现行规定不明确。',
      risks: '可能影响道路通行和市容环境。',
      safeguards: '设置专人管理。',
      plannedFrom: addWorkingDays(cal, returned, 10),
      review: {
        by: 'jxsfj',
        organName: '甲县司法局',
        kind: 'return',
        text: '防范措施过于简单：未说明交通安全评估、环境卫生保洁责任和试点期满后的评估办法，请补充完善后重新报备。',
        on: addWorkingDays(cal, returned, 1),
      },
    },
    {
      regionCode: '529900',
      agencyId: '529900-SCJ',
      officerId: 'O-0001',
      registeredBy: 'officer',
      registeredOn: today,
      state: 'submitted',
      title: '食品快检结果当场告知并同步推送整改提示',
      measure:
        '对农贸市场食用农产品快速检测不合格的，当场告知经营者并通过小程序推送整改提示，复检合格前暂停销售该批次产品。',
      reason: '缩短问题产品在售时间，减少群众投诉。',
      legalGap: '快检结果能否作为暂停销售的依据，上位法和部门规章没有明确规定。',
      risks: '快检存在假阳性，可能造成经营者损失并引发争议。',
      safeguards: '经营者有异议的，当日送法定检验机构复检；复检合格的立即恢复销售并告知。',
      plannedFrom: addWorkingDays(cal, today, 5),
      review: null,
    },
  ];
}
