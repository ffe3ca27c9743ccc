// 职责边界清单 (issue 13): handling an overlap of the duty lists (明确牵头单位 or 移交编制部门) and the
// list of the decisions. The states are core's (src/core/duties/boundary.ts, OVERLAP_STATUS_LABELS).
export default {
  'pages.duties.view.boundaries': '职责边界清单',
  'pages.duties.boundary.status': '处理状态',
  'pages.duties.boundary.handle': '处理',
  'pages.duties.boundary.state.open': '待处理',
  'pages.duties.boundary.state.referred': '已移交编制部门',
  'pages.duties.boundary.state.reopened': '边界清单未涵盖新的主办部门',
  'pages.duties.boundary.referredLine': '{on} 移交{to}（{number}），确定前维持原分工',
  'pages.duties.boundary.uncovered': '未涵盖：{agencies}',
  'pages.duties.boundary.settled': '已列入职责边界清单 {n} 项',
  'pages.duties.boundary.action.resolve': '明确牵头单位',
  'pages.duties.boundary.action.refer': '移交编制部门',
  'pages.duties.boundary.actionDone': '已{action}',
  'pages.duties.boundary.resolveHint':
    '“{name}”：选定牵头（主办）单位，其余涉及部门为协办，列入职责边界清单；须写明依据。自生效日期起该职责交叉移出待办。',
  'pages.duties.boundary.referHint':
    '“{name}”：报请机构编制部门确定职责分工。确定之前维持原分工，该职责交叉标为“已移交编制部门”。',
  'pages.duties.boundary.lead': '牵头（主办）单位',
  'pages.duties.boundary.assisting': '协办单位',
  'pages.duties.boundary.ground': '依据',
  'pages.duties.boundary.groundHint': '如：机构编制部门的意见、政府常务会议纪要、规范性文件及条款',
  'pages.duties.boundary.validFrom': '生效日期',
  'pages.duties.boundary.validFromHint': '不填为今天；不得早于今天',
  'pages.duties.boundary.number': '移交文号',
  'pages.duties.boundary.referredOn': '移交日期',
  'pages.duties.boundary.referredTo': '接收部门',
  'pages.duties.boundary.establishmentOffice': '机构编制部门',
  'pages.duties.boundary.note': '说明',
  'pages.duties.boundary.decidedBy': '决定人',
  'pages.duties.boundary.kind.boundary': '职责边界',
  'pages.duties.boundary.kind.referral': '移交待定',
  'pages.duties.boundary.hint.boundary':
    '同一职权多个部门主办时明确的牵头（主办）单位和协办单位及其依据，按所选日期有效的列出。',
  'pages.duties.boundary.hint.referral':
    '已移交机构编制部门、尚未确定职责边界的职责交叉；确定之前维持原分工。',
  'pages.duties.boundary.search': '搜索职权名称、编码、依据或文号',
  'pages.duties.boundary.export': '下载 CSV',
  'pages.duties.boundary.empty.boundary': '该日没有有效的职责边界',
  'pages.duties.boundary.empty.referral': '没有移交待定的事项',
};
