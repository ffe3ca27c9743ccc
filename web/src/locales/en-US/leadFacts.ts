import type { SameKeys } from '..';
import type zh from '../zh-CN/leadFacts';

export default {
  'pages.cases.leadFacts.prefilled': 'Prefilled from the lead: {parts}',
  'pages.cases.leadFacts.fault': 'fault {code}{text}',
  'pages.cases.leadFacts.act': 'enforcement act {id}',
  'pages.cases.leadFacts.officers': 'officers {names}',
  'pages.cases.leadFacts.sep': ', ',
  'pages.cases.leadFacts.gap': ' ',
  'pages.cases.leadFacts.rule': 'Detection rule: {rule}.',
  'pages.cases.leadFacts.basis': 'Basis: {basis}.',
  'pages.cases.leadFacts.check': "Check each person's role, conduct and circumstances before submitting.",
  'pages.cases.leadFacts.otherAgency':
    'This officer is not of the agency that took the enforcement act ({agency}); registered with: {own}',
} satisfies SameKeys<typeof zh>;
