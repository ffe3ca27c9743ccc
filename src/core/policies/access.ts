// What each role may open in the console: the access map. The server sends it with the session
// (GET /auth/me, POST /auth/login) and the console's menu and routes read it; every request is
// still decided by the policies of each object. DOMAIN.md's role table.
import type { Role } from './actor.js';

/** Each key, what it opens. */
export const ACCESS_KEYS = {
  /** The home page with figures of one's jurisdiction. */
  home: '首页',
  /** The register of agencies (read; editing follows the permissions the API returns). */
  agencies: '执法机关',
  /** Duty lists (权责清单): items in force, versions and differences, overlaps and gaps, import. */
  duties: '权责清单',
  /** Posts (岗位) of the agencies: the stages each answers for, who held them; kept per agency as the API says. */
  posts: '岗位',
  /** The register of officers and their certificates. */
  officers: '执法人员',
  /** An officer's own record (我的档案). */
  ownRecord: '我的档案',
  /** User accounts and roles. */
  users: '用户管理',
  /** The Measures: regulation browser. */
  rulebook: '办法条文',
  /** The determination simulator (also a training tool). */
  simulator: '认定模拟',
  /** The leads inbox (线索): the supervision office triages and opens cases. */
  leads: '线索',
  /** Accountability cases of one's jurisdiction or agency (the legal office reads only). */
  cases: '案件',
  /** An officer's own cases (我的案件): defence, appeal. */
  myCases: '我的案件',
  /** Deadlines that are near or past (待办/临期). */
  dueSoon: '临期事项',
  /** Referrals to discipline and judicial organs (移送). */
  referrals: '移送',
  /** 事前备案: the register of exploratory measures; agencies and officers register, offices review. */
  preRegistrations: '事前备案',
  /** 容错纠错: tolerance applications (apply, accept, verify, decide), their figures and the assessment tool. */
  tolerance: '容错纠错',
  /** 申诉与救济: appeals heard by the relief panel — the office's register, a panel member's inbox, an officer's own appeals, the figures and the pool. */
  appeals: '申诉与救济',
  /** 案卷评查: review campaigns — the office organises them, agencies self-check, reviewers score; admins read. */
  review: '案卷评查',
  /** 外部评议: the office sets up campaigns, issues codes, moderates; evaluators answer; agencies read their results. */
  evaluation: '外部评议',
  /** 年度考核: the annual assessment of agencies and officers (the office reads its region, a legal office its agency). */
  assessment: '年度考核',
  /** The working-day calendar (administrators edit it). */
  calendar: '工作日历',
  /** Full-process supervision: the dashboard, enforcement acts and their findings, early warning. */
  supervision: '执法监督',
  /** One's own account: password and two-factor sign-in. */
  account: '账户',
  /** The audit log (the audit administrator's: 三权分立). */
  auditLog: '审计日志',
} as const;

export type AccessKey = keyof typeof ACCESS_KEYS;
export type Access = Record<AccessKey, boolean>;
export const ACCESS_KEY_LIST = Object.keys(ACCESS_KEYS) as [AccessKey, ...AccessKey[]];

const REGISTER_READERS: readonly Role[] = [
  'admin',
  'supervisor',
  'agency_legal',
  'panel',
  'discipline',
  'evaluator',
];
const OFFICER_READERS: readonly Role[] = ['admin', 'supervisor', 'agency_legal'];

export interface AccessSubject {
  role: Role;
  /** The officer record of an officer's account, if any. */
  officerId: string | null;
}

export function accessOf(user: AccessSubject | null): Access {
  const role = user?.role;
  const is = (roles: readonly Role[]) => role !== undefined && roles.includes(role);
  return {
    home: Boolean(role),
    agencies: is(REGISTER_READERS),
    officers: is(OFFICER_READERS),
    duties: is(REGISTER_READERS),
    posts: is(REGISTER_READERS),
    ownRecord: role === 'officer' && Boolean(user?.officerId),
    users: is(['admin', 'security_admin']),
    rulebook: Boolean(role),
    simulator: Boolean(role),
    leads: role === 'supervisor',
    cases: is(['supervisor', 'agency_legal', 'admin']),
    myCases: role === 'officer' && Boolean(user?.officerId),
    dueSoon: is(['supervisor', 'officer', 'admin']),
    referrals: is(['discipline', 'supervisor']),
    preRegistrations:
      is(['supervisor', 'agency_legal', 'admin']) || (role === 'officer' && Boolean(user?.officerId)),
    tolerance:
      is(['supervisor', 'agency_legal', 'admin']) || (role === 'officer' && Boolean(user?.officerId)),
    appeals:
      is(['supervisor', 'panel', 'agency_legal', 'admin']) ||
      (role === 'officer' && Boolean(user?.officerId)),
    review: is(['supervisor', 'agency_legal', 'evaluator', 'admin']),
    evaluation: is(['supervisor', 'agency_legal', 'evaluator', 'admin']),
    assessment: is(['supervisor', 'agency_legal', 'admin']),
    calendar: is(['admin', 'supervisor']),
    supervision: is(['admin', 'supervisor', 'agency_legal']),
    account: Boolean(role),
    auditLog: role === 'audit_admin',
  };
}

/** Who may change the calendar (the page is read-only for the others). */
export const canEditCalendar = (user: Pick<AccessSubject, 'role'> | null) => user?.role === 'admin';
