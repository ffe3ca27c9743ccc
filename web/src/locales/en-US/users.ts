import type { SameKeys } from '..';
import type zh from '../zh-CN/users';

export default {
  'pages.users.subtitle': 'Accounts, roles and jurisdictions',
  'pages.users.searchPlaceholder': 'Username or name',
  'pages.users.create': 'New account',
  'pages.users.created': 'Account {username} created',
  'pages.users.edit': 'Edit account: {username}',
  'pages.users.field.username': 'Username',
  'pages.users.field.displayName': 'Name / office',
  'pages.users.field.password': 'Initial password',
  'pages.users.field.role': 'Role',
  'pages.users.field.region': 'Jurisdiction',
  'pages.users.field.agency': 'Agency',
  'pages.users.field.officer': 'Officer record',
  'pages.users.field.passwordChangedAt': 'Password changed',
  'pages.users.usernameRule':
    '3–32 lowercase letters, digits or _ . -, starting with a letter; cannot change later',
  'pages.users.displayNamePlaceholder': 'e.g. A City Justice Bureau, Supervision Section',
  'pages.users.regionHint': 'The regions this account may see; agency roles must match their agency’s region',
  'pages.users.pickAgencyFirst': 'Choose the agency first',
  'pages.users.locked': 'Locked',
  'pages.users.unlock': 'Unlock',
  'pages.users.unlockConfirm': 'Unlock account {username}?',
  'pages.users.unlocked': 'Account unlocked',
  'pages.users.totp': '2FA',
  'pages.users.demo': 'Demo',
  'pages.users.resetTotp': 'Reset two-factor sign-in',
  'pages.users.resetTotpConfirm': 'Reset two-factor sign-in of {username}?',
  'pages.users.resetTotpHint':
    'The authenticator of this account stops working and its sessions end; it enrols again at the next sign-in.',
  'pages.users.totpResetDone': 'Two-factor sign-in reset',
  'pages.users.resetPassword': 'Reset password',
  'pages.users.resetPasswordFor': 'Reset password: {username}',
  'pages.users.resetPasswordHint':
    'All sessions of this account end at once. Tell the holder the new password securely.',
  'pages.users.passwordReset': 'Password of {username} reset',
  'pages.users.disable': 'Disable',
  'pages.users.enable': 'Enable',
  'pages.users.disableConfirm': 'Disable account {username}?',
  'pages.users.disableHint':
    'The account can no longer log in and its sessions end now; you can enable it again.',
  'pages.users.enableConfirm': 'Enable account {username}?',
  'pages.users.disabledDone': 'Account disabled',
  'pages.users.enabledDone': 'Account enabled',
  'pages.users.commandLineOnly': 'Administrator accounts are changed on the server only (wenze user set)',
  'pages.users.cannotDisableSelf': 'You cannot disable your own account',
} satisfies SameKeys<typeof zh>;
