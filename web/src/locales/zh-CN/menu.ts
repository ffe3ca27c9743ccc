export default {
  'menu.home': '首页',
  'menu.me': '我的档案',
  'menu.group.organisation': '机关与人员',
  'menu.group.rules': '规则与认定',
  'menu.group.system': '系统管理',
  'menu.agencies': '执法机关',
  'menu.officers': '执法人员',
  'menu.users': '用户与角色',
  'menu.rulebook': '法规浏览',
  'menu.simulator': '责任认定模拟',
};
