// A市's external evaluation form (行政执法社会评议表), an example: rating cards for experts,
// 行政执法监督员 and the public are the external part of the assessment in published practice
// (PRACTICE.md (e): 评议卡、行政执法监督员); the items follow what 行政执法 is held to — lawful,
// by the rules, fair, open and civil — and the 1–5 scale, the 30-day validity of a code and the
// length of a comment are this pack's own example choices. `summary: true` until the city's
// official form is pasted.
import type { EvaluationForm } from '../../evaluation/form.js';

export const A_CITY_EVALUATION: EvaluationForm = {
  title: '《A市行政执法社会评议表（示例）》',
  summary: true,
  source:
    '评议主体（专家、行政执法监督员、群众）和评议卡形式据各地行政执法考核中的外部评议做法；评议项目、1–5 分制、评议码有效期 30 日和意见字数为示例',
  items: [
    { key: 'lawful', label: '依法履职', hint: '是否在法定职责和权限内执法，有无乱作为、不作为' },
    { key: 'procedure', label: '程序规范', hint: '是否出示证件、告知权利、听取陈述申辩，文书是否规范' },
    { key: 'fairness', label: '公正文明', hint: '处罚是否过罚相当、同案同罚，执法态度是否文明' },
    { key: 'openness', label: '公开透明', hint: '执法依据、程序、结果和救济途径是否公开' },
    { key: 'efficiency', label: '办事效率', hint: '是否在承诺和法定期限内办结' },
    { key: 'integrity', label: '廉洁自律', hint: '有无吃拿卡要、以罚代管等问题' },
  ],
  scale: ['很不满意', '不满意', '一般', '满意', '很满意'],
  codeValidDays: 30,
  commentMax: 500,
};
