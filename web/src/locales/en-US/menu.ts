import type { SameKeys } from '..';
import type zh from '../zh-CN/menu';

export default {
  'menu.home': 'Home',
  'menu.me': 'My record',
  'menu.group.organisation': 'Agencies & officers',
  'menu.group.rules': 'Rules & determination',
  'menu.group.system': 'Administration',
  'menu.agencies': 'Agencies',
  'menu.officers': 'Officers',
  'menu.users': 'Users & roles',
  'menu.rulebook': 'Regulations',
  'menu.simulator': 'Liability simulator',
  'menu.group.cases': 'Accountability',
  'menu.leads': 'Leads',
  'menu.cases': 'Cases',
  'menu.myCases': 'My cases',
  'menu.due': 'Due soon',
  'menu.referrals': 'Referrals',
  'menu.calendar': 'Working calendar',
} satisfies SameKeys<typeof zh>;
