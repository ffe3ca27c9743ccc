export default {
  'pages.exception.403': '抱歉，当前角色无权访问此页面',
  'pages.exception.404': '抱歉，您访问的页面不存在',
  'pages.exception.500': '页面出错了',
  'pages.exception.500.desc': '请刷新页面重试；如果问题仍然存在，请联系系统管理员。',
  'pages.exception.backHome': '返回首页',
  'pages.exception.notFoundObject': '记录不存在，或不在您的查看范围内',
};
