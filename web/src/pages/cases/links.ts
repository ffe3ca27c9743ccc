// Where a case opens: an officer's own cases live under 我的案件, everyone else's under 案件.
import type { CurrentUser } from '../../services/auth';

export const caseBase = (user: Pick<CurrentUser, 'role'>) =>
  user.role === 'officer' ? '/my-cases' : '/cases';

export const caseHref = (user: Pick<CurrentUser, 'role'>, id: string) =>
  `${caseBase(user)}/${encodeURIComponent(id)}`;
