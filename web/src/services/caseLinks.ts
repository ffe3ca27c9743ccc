// Where a case opens: an officer's own cases live under 我的案件, a referral organ's under 移送
// (the case files referred to it), everyone else's under 案件.
import type { CurrentUser } from './auth';

export const caseBase = (user: Pick<CurrentUser, 'role'>) =>
  user.role === 'officer' ? '/my-cases' : user.role === 'discipline' ? '/referrals' : '/cases';

export const caseHref = (user: Pick<CurrentUser, 'role'>, id: string) =>
  `${caseBase(user)}/${encodeURIComponent(id)}`;
