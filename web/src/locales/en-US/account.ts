import type { SameKeys } from '..';
import type zh from '../zh-CN/account';

export default {
  'menu.account': 'Account security',
  'pages.account.title': 'Account security',
  'pages.account.profile': 'My account',
  'pages.account.username': 'Username',
  'pages.account.role': 'Role',
  'pages.account.demo':
    'This is a demo account: its password is published, so password expiry and two-factor sign-in do not apply. For real use, have the system administrator create an account.',
  'pages.account.mustChangePassword':
    'Change your password before you continue: it has expired, or an administrator set it (a new account or a reset must be changed by its owner).',
  'pages.account.mustEnrol':
    'Your role signs in with two factors. Set up the one-time code before you continue.',
  'pages.account.password.title': 'Change password',
  'pages.account.password.policy': 'Password policy',
  'pages.account.password.length': '{min}–{max} characters',
  'pages.account.password.classes': 'at least {n} of: upper case, lower case, digits, symbols',
  'pages.account.password.notUsername':
    'not containing the username; not the published demo password or a common one',
  'pages.account.password.maxAge': 'changed every {days} days',
  'pages.account.password.noMaxAge': 'no periodic change required',
  'pages.account.password.lockout':
    'after 5 wrong passwords (including a wrong current password here) the account is locked from this address for 15 minutes, doubling with each further failure',
  'pages.account.password.submit': 'Change password',
  'pages.account.totp.title': 'Two-factor sign-in (one-time code)',
  'pages.account.totp.enabled':
    'On: signing in asks for the code of your authenticator app. To move to a new phone, ask the security administrator to reset it.',
  'pages.account.totp.on': 'On',
  'pages.account.totp.disabled': 'Off',
  'pages.account.totp.required': 'Your role must use two-factor sign-in',
  'pages.account.totp.optional': 'When on, signing in asks for a one-time code besides the password',
  'pages.account.totp.demo': 'Demo accounts do not use two-factor sign-in',
  'pages.account.totp.start': 'Set up two-factor sign-in',
  'pages.account.totp.step1':
    '1. Scan the QR code with an authenticator app (Microsoft Authenticator, Google Authenticator, FreeOTP or any TOTP app), or enter the key:',
  'pages.account.totp.step2': '2. Enter the 6-digit code the app shows to confirm:',
  'pages.account.totp.secret': 'Key',
  'pages.account.totp.code': 'One-time code',
  'pages.account.totp.codeRule': 'Enter 6 digits',
  'pages.account.totp.confirm': 'Confirm',
  'pages.account.totp.done': 'Two-factor sign-in is on',
} satisfies SameKeys<typeof zh>;
