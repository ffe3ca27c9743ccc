// A市's tolerance policy (容错纠错实施办法), an example modelled on published local policies: the
// conditions of 应急管理部门容错纠错办法 art. 4 and 呼伦贝尔; the three distinctions and the office that
// runs it from 济南市历城区 济历城政发〔2025〕1号 arts. 2–3; 事前备案 from 昆明市《容错报备办法（试行）》
// (2023: initial review within one working day). Periods the sources leave open (apply, decide,
// "already tolerated") are this pack's own choices. `summary: true` until the city's text is pasted.
import type { TolerancePolicy } from '../../tolerance/policy.js';

const TITLE = '《A市行政执法容错纠错实施办法（示例）》';
const at = (article: string, item?: string) => `${TITLE}${article}${item ? `第（${item}）项` : ''}`;

export const A_CITY_TOLERANCE: TolerancePolicy = {
  title: TITLE,
  summary: true,
  conditions: {
    within_duty: { cite: at('第四条', '一'), text: '在法定职责或者岗位职责范围内依法履职的' },
    procedure_followed: {
      cite: at('第四条', '二'),
      text: '按照规定履行了集体决策、请示报告等决策程序的',
    },
    no_private_gain: { cite: at('第四条', '三'), text: '未谋取私利，未与他人恶意串通的' },
    excusable_cause: {
      cite: at('第四条', '四'),
      text: '失误因法律法规没有明确规定、政策没有明确要求或者没有职业要求，或者因客观因素、难以预见而产生的',
    },
    corrected: { cite: at('第四条', '五'), text: '及时纠正失误、积极挽回损失或者消除不良影响的' },
  },
  exclusions: {
    private_gain: { cite: at('第六条', '一'), text: '为本人或者他人谋取私利的' },
    knowing_violation: { cite: at('第六条', '二'), text: '明知故犯、违反法律法规规定的' },
    expressly_prohibited: {
      cite: at('第六条', '三'),
      text: '上级明令禁止后依然我行我素的',
    },
    misconduct: { cite: at('第六条', '四'), text: '玩忽职守、滥用职权、徇私舞弊的' },
    falsified: { cite: at('第六条', '五'), text: '弄虚作假、隐瞒事实真相的' },
    obstructed: { cite: at('第六条', '六'), text: '阻挠、干扰、对抗调查核实的' },
    crime_suspected: { cite: at('第六条', '七'), text: '涉嫌犯罪的' },
    tolerated_before: {
      cite: at('第六条', '八'),
      text: '同一类过错在一年内已经被容错免责或者从轻、减轻处理的',
    },
  },
  distinctions: {
    cite: at('第五条'),
    text: '认定容错，应当把因缺乏经验、先行先试出现的失误与明知故犯的违纪违法行为区分开来，把上级尚无明确限制的探索性试验中的失误与上级明令禁止后依然我行我素的违纪违法行为区分开来，把为推动发展的无意过失与为谋取私利的违纪违法行为区分开来，并在认定意见中写明理由。',
  },
  outcomes: {
    exempt: {
      cite: at('第七条'),
      text: '同时符合本办法第四条规定条件，且不具有第六条所列情形的，免予追究行政执法过错责任。',
    },
    mitigate: {
      cite: at('第八条'),
      text: '符合本办法第四条第（一）项至第（四）项规定条件，已经纠正失误或者挽回损失但不及时，且不具有第六条所列情形的，可以从轻或者减轻追究行政执法过错责任。',
    },
    reject: {
      cite: at('第九条'),
      text: '不符合本办法第四条规定条件，或者具有第六条所列情形之一的，不予容错，依法追究责任。',
    },
  },
  lateCorrectionMitigates: true,
  preRegistrationShowsCause: true,
  repeatWithin: { count: 1, unit: 'year' },
  sameKindBy: 'item',
  preRegistrationReview: { days: 1, unit: 'working_day' },
  preRegistration: {
    cite: at('第十条'),
    text: '行政执法机关或者执法人员开展法律法规没有明确规定、政策没有明确要求的探索性工作，可以在实施前向本级行政执法监督机构报备，说明拟采取的措施、理由、法律政策空白、可能的风险和防范措施。行政执法监督机构应当自收到报备之日起1个工作日内完成初审，符合条件的予以受理并出具《报备容错受理决定书》；不符合条件的予以退回并说明理由，报备人可以修改后重新报备。',
  },
  applyAfterDecision: { days: 15, unit: 'working_day' },
  decideWithin: { days: 20, unit: 'working_day' },
};
