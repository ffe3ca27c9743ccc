// A市's annual assessment of enforcement (行政执法年度考核办法), an example: the three parts and their
// weights (general 30 / sector 50 / external evaluation 20) and the rule for officers 不合格 two years
// running (取消执法资格或者调离执法岗位) follow the published practice in PRACTICE.md (e); the indicators'
// weights within each part, the points-free thresholds, the grade bands and the peer comparison are
// this pack's own example choices. `summary: true` until the city's official text is pasted.
import type { AssessmentPolicy } from '../../assessment/policy.js';

const TITLE = '《A市行政执法年度考核办法（示例）》';

export const A_CITY_ASSESSMENT: AssessmentPolicy = {
  title: TITLE,
  summary: true,
  source:
    '百分制及通用 30%、业务 50%、外部评议 20% 的权重和连续两年不合格的处理据各地行政执法考核办法；各指标权重、分数线（优秀 90、合格 75、基本合格 60）和同行比较参数为示例',
  weights: { general: 30, sector: 50, external: 20 },
  indicators: {
    case_timeliness: { part: 'general', weight: 35, zeroAt: null },
    disclosure_timeliness: { part: 'general', weight: 35, zeroAt: null },
    // 10 complaints per 1,000 acts or more: nothing.
    complaint_rate: { part: 'general', weight: 30, zeroAt: 10 },
    // The centre of the assessment: of the faults found, how many were pursued.
    pursued_rate: { part: 'sector', weight: 40, zeroAt: null },
    review_score: { part: 'sector', weight: 40, zeroAt: null },
    // 5 faults per 100 acts or more: nothing.
    finding_rate: { part: 'sector', weight: 20, zeroAt: 5 },
    evaluation_score: { part: 'external', weight: 100, zeroAt: null },
  },
  bands: { excellent: 90, pass: 75, basicPass: 60 },
  pursuedExcludesExemptions: true,
  sanctionBarsExcellent: true,
  consecutiveFail: { years: 2, action: '调离执法岗位或者取消执法资格', cite: `${TITLE}第十二条` },
  peer: { minActs: 20, minPeers: 5, attentionAt: 80, warningAt: 95 },
};
