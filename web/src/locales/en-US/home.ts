import type { SameKeys } from '..';
import type zh from '../zh-CN/home';

export default {
  'pages.home.greeting.night': 'Working late',
  'pages.home.greeting.morning': 'Good morning',
  'pages.home.greeting.noon': 'Good day',
  'pages.home.greeting.afternoon': 'Good afternoon',
  'pages.home.greeting.evening': 'Good evening',
  'pages.home.hello': '{greeting}, {name}',
  'pages.home.jurisdiction': 'Jurisdiction: {name}',
  'pages.home.today': 'Today is {date}',
  'pages.home.dateFormat': 'dddd, D MMMM YYYY',
  'pages.home.stat.agencies': 'Agencies',
  'pages.home.stat.officers': 'Officers',
  'pages.home.stat.valid': 'Valid certificates',
  'pages.home.stat.expired': 'Expired certificates',
  'pages.home.chart.title': 'Certificates by status',
  'pages.home.attention': 'Needs attention',
  'pages.home.attentionHint':
    'Officers without a valid certificate may not enforce; have them renewed or reassigned.',
  'pages.home.persons': '{n}',
  'pages.home.quickLinks': 'Shortcuts',
  'pages.home.link.expired': 'Expired certificates',
  'pages.home.link.import': 'Import officers',
  'pages.home.noOfficers': 'No officers in your jurisdiction yet',
  'pages.home.todo': 'My tasks',
  'pages.home.todoEmpty': 'Nothing to do right now',
  'pages.home.myRecord': 'My enforcement record',
  'pages.home.expiresSoon': 'Your certificate expires in {days} days; apply for renewal in time.',
  'pages.home.certProblem': 'Your certificate is "{status}"; you may not enforce until it is valid again.',
} satisfies SameKeys<typeof zh>;
