// A complaint's attachments, on the lead and on the case.
export default {
  'attachments.title': '投诉附件',
  'attachments.none': '投诉人未上传附件',
  'attachments.hint': '每次下载均记入审计日志。',
  'attachments.download': '下载（记入审计日志）',
  'attachments.forbidden': '投诉附件仅对本辖区执法监督机构和本案调查人员可见',
  'attachments.kind.image': '图片',
  'attachments.kind.pdf': 'PDF',
  'attachments.kind.document': '文档',
  'attachments.kind.audio': '音频',
  'attachments.kind.video': '视频',
  'attachments.kind.other': '其他',
  'history.action.attachment.download': '下载投诉附件',
};
