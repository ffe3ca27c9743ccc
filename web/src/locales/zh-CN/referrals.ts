export default {
  'pages.referrals.subtitle': '处理决定移送纪检监察机关、任免机关或司法机关的案件及其处理结果',
  'pages.referrals.pending': '待反馈',
  'pages.referrals.empty': '暂无移送',
  'pages.referrals.emptyPending': '没有待反馈的移送',
  'pages.referrals.record': '登记处理结果',
  'pages.referrals.recorded': '处理结果已登记',
  'pages.referrals.outcomePlaceholder': '如：经审查，给予警告处分（X纪发〔2026〕X号）',
  'pages.referrals.field.officer': '被移送人员',
  'pages.referrals.field.organ': '移送机关',
  'pages.referrals.field.note': '移送事由',
  'pages.referrals.field.referredOn': '移送日期',
  'pages.referrals.field.outcome': '处理结果',
};
