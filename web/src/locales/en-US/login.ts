import type { SameKeys } from '..';
import type zh from '../zh-CN/login';

export default {
  'pages.login.title': 'Log in',
  'pages.login.welcome': 'Welcome',
  'pages.login.subtitle': 'Log in with the account your office issued to you',
  'pages.login.username': 'Username',
  'pages.login.password': 'Password',
  'pages.login.usernameRequired': 'Please enter your username',
  'pages.login.passwordRequired': 'Please enter your password',
  'pages.login.submit': 'Log in',
  'pages.login.failed': 'Login failed',
  'pages.login.locked': 'Sign-in paused',
  'pages.login.expired': 'Session ended',
  'pages.login.hint':
    'Five wrong passwords in a row stop sign-in from this computer for 15 minutes, doubling after that. Forgot your password? Ask the security administrator.',
  'pages.login.code': 'One-time code',
  'pages.login.codeRequired': 'Enter the 6-digit code',
  'pages.login.codeHint':
    'Open the authenticator app on your phone and enter the 6-digit code for “问责 Wenze”.',
  'pages.login.back': 'Back',
  'pages.login.feature1': 'Fault catalogue and liability determination, every conclusion cited',
  'pages.login.feature2': 'One register of agencies, officers and certificates',
  'pages.login.feature3': 'Every action recorded in a tamper-evident log',
  'pages.login.basis':
    'Implements the Guizhou Measures for Pursuing Fault Liability in Administrative Law Enforcement',
  'pages.login.publicHint': 'Complaints need no login:',
  'pages.login.publicComplaint': 'File a complaint',
  'pages.login.publicTrack': 'Track one',
} satisfies SameKeys<typeof zh>;
