import type { SameKeys } from '..';
import type zh from '../zh-CN/referrals';

export default {
  'pages.referrals.subtitle':
    'Cases referred to discipline inspection, appointing or judicial organs, and their outcomes',
  'pages.referrals.pending': 'Awaiting outcome',
  'pages.referrals.empty': 'No referrals',
  'pages.referrals.emptyPending': 'No referral awaits an outcome',
  'pages.referrals.record': 'Record outcome',
  'pages.referrals.recorded': 'Outcome recorded',
  'pages.referrals.outcomePlaceholder': 'E.g. a warning was given (file no. …)',
  'pages.referrals.field.officer': 'Officer',
  'pages.referrals.field.organ': 'Referred to',
  'pages.referrals.field.note': 'Matter',
  'pages.referrals.field.referredOn': 'Referred on',
  'pages.referrals.field.outcome': 'Outcome',
  'pages.referrals.kind.discipline': 'Suspected breach of discipline',
  'pages.referrals.kind.judicial': 'Suspected crime',
} satisfies SameKeys<typeof zh>;
