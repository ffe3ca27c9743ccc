import type { SameKeys } from '..';
import type zh from '../zh-CN/layout';

export default {
  'layout.jurisdiction': 'Jurisdiction',
  'layout.agency': 'Agency',
  'layout.language': 'Language',
  'layout.changePassword': 'Change password',
  'layout.logout': 'Log out',
  'layout.logoutConfirm': 'Log out now?',
  'layout.loggedOut': 'Logged out',
  'layout.sessionExpired': 'Your session has expired. Please log in again.',
  'layout.collapse': 'Collapse menu',
  'layout.menu': 'Menu',
  'layout.expand': 'Expand menu',
  'layout.password.title': 'Change password',
  'layout.password.current': 'Current password',
  'layout.password.new': 'New password',
  'layout.password.confirm': 'Confirm new password',
  'layout.password.rule':
    'At least 8 characters of three of: upper case, lower case, digits, symbols; not the username or a common password',
  'layout.password.mismatch': 'The two new passwords differ',
  'layout.password.done': 'Password changed; sessions on other devices have ended',
  'layout.apiDocs': 'API docs',
} satisfies SameKeys<typeof zh>;
