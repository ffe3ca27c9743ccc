export default {
  'menu.account': '账号安全',
  'pages.account.title': '账号安全',
  'pages.account.profile': '我的账号',
  'pages.account.username': '用户名',
  'pages.account.role': '角色',
  'pages.account.demo':
    '这是演示账号：密码公开，不适用密码定期更换和双因素认证。正式使用请由系统管理员另建账号。',
  'pages.account.mustChangePassword':
    '请先修改密码，然后才能继续使用系统：密码已过期，或由管理员设置（新建账号、重置密码后须由本人修改）。',
  'pages.account.mustEnrol': '您的角色须使用双因素认证登录。请先启用动态验证码，然后才能继续使用系统。',
  'pages.account.password.title': '修改密码',
  'pages.account.password.policy': '密码策略',
  'pages.account.password.length': '长度 {min}–{max} 位',
  'pages.account.password.classes': '包含大写字母、小写字母、数字、符号中的至少 {n} 类',
  'pages.account.password.notUsername': '不得包含用户名，不得使用公开的演示密码或常见密码',
  'pages.account.password.maxAge': '每 {days} 天须更换一次',
  'pages.account.password.noMaxAge': '不要求定期更换',
  'pages.account.password.lockout':
    '连续输错 5 次（含修改密码时输错当前密码），该账号在本地址锁定 15 分钟，此后每次再错锁定时间加倍',
  'pages.account.password.submit': '修改密码',
  'pages.account.totp.title': '双因素认证（动态验证码）',
  'pages.account.totp.enabled':
    '已启用：登录时须输入身份验证器上的动态验证码。如需更换手机，请联系安全管理员重置。',
  'pages.account.totp.on': '已启用',
  'pages.account.totp.disabled': '未启用',
  'pages.account.totp.required': '您的角色须启用双因素认证',
  'pages.account.totp.optional': '启用后，登录时除密码外还须输入动态验证码',
  'pages.account.totp.demo': '演示账号不启用双因素认证',
  'pages.account.totp.start': '启用双因素认证',
  'pages.account.totp.step1':
    '1. 用身份验证器（如 Microsoft Authenticator、Google Authenticator、FreeOTP 或支持 TOTP 的手机令牌）扫描二维码，或手动输入密钥：',
  'pages.account.totp.step2': '2. 输入身份验证器显示的 6 位动态验证码以确认：',
  'pages.account.totp.secret': '密钥',
  'pages.account.totp.code': '动态验证码',
  'pages.account.totp.codeRule': '请输入 6 位数字',
  'pages.account.totp.confirm': '确认启用',
  'pages.account.totp.done': '双因素认证已启用',
};
