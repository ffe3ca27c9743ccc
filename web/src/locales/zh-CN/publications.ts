// 执法决定公示 (issue 15): the supervision side's register of publications; the disclosure rule and
// the exchange format's 双公示 columns in the import dialog (meanings from core).
import { ACT_COLUMNS } from '../../../../src/core/acts/columns';

const meaning = (name: string) => ACT_COLUMNS.find((c) => c.name === name)?.meaning ?? name;

export default {
  'enums.rule.disclosure-overdue': '执法决定未按期公示',
  'pages.acts.column.party.name': meaning('party.name'),
  'pages.acts.column.party.creditCode': meaning('party.creditCode'),
  'pages.acts.column.party.idNumber': meaning('party.idNumber'),
  'pages.acts.column.documentNo': meaning('documentNo'),
  'pages.acts.column.itemName': meaning('itemName'),
  'pages.acts.column.category': meaning('category'),
  'pages.acts.column.content': meaning('content'),
  'pages.acts.column.basis': meaning('basis'),
  'pages.acts.column.result': meaning('result'),
  'pages.acts.column.publishedOn': meaning('publishedOn'),
  'pages.acts.column.withhold': meaning('withhold'),
  'menu.publications': '执法决定公示',
  'pages.publications.subtitle':
    '行政许可、行政处罚决定的公示情况：自决定之日起7个工作日内公示（国办发〔2018〕118号）；不予公开的注明依据，被变更、撤销或确认违法的撤回，公示期满撤下',
  'pages.publications.byAgency': '各机关公示情况',
  'pages.publications.agency': '执法机关',
  'pages.publications.total': '合计',
  'pages.publications.overdue': '逾期公示',
  'pages.publications.overdueOnly': '仅看逾期',
  'pages.publications.decision': '决定',
  'pages.publications.category': '类别',
  'pages.publications.category.licensing': '行政许可',
  'pages.publications.category.penalty': '行政处罚',
  'pages.publications.category.other': '其他决定',
  'pages.publications.category.accountability': '问责处理',
  'pages.publications.stateTitle': '状态',
  'pages.publications.state.published': '公示中',
  'pages.publications.state.withheld': '不予公开',
  'pages.publications.state.withdrawn': '已撤回',
  'pages.publications.state.taken_down': '期满撤下',
  'pages.publications.decidedOn': '决定日期',
  'pages.publications.dueOn': '应公示期限',
  'pages.publications.publishedOn': '公示日期',
  'pages.publications.note': '依据与说明',
  'pages.publications.empty': '没有公示记录',
};
