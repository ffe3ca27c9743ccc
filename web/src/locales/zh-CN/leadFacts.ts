// The findings form's start from a detection lead (FindingsDrawer, GET /cases/:id/lead-facts).
export default {
  'pages.cases.leadFacts.prefilled': '已根据线索预填：{parts}',
  'pages.cases.leadFacts.fault': '违法事项 {code}{text}',
  'pages.cases.leadFacts.act': '执法行为 {id}',
  'pages.cases.leadFacts.officers': '执法人员 {names}',
  'pages.cases.leadFacts.sep': '、',
  'pages.cases.leadFacts.gap': '',
  'pages.cases.leadFacts.rule': '检测规则：{rule}。',
  'pages.cases.leadFacts.basis': '依据：{basis}。',
  'pages.cases.leadFacts.check': '人员的角色、行为和情节请逐项核实后再提交。',
  'pages.cases.leadFacts.otherAgency': '该人员不属于执法行为的实施机关（{agency}），登记所属机关：{own}',
};
