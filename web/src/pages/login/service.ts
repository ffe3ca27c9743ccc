// Turning a failed login into what the user is told: wrong credentials, a lockout with
// its remaining time (423), throttling, or no connection.
import type { Translate } from '../../locales/intl';
import { ApiError } from '../../services/request';
import type { LoginProblem } from './types';

/** The server wants the second factor: the password was right, the code is missing or wrong. */
export const needsCode = (err: unknown) =>
  err instanceof ApiError && err.status === 401 && err.fields.some((f) => f.path === 'code');

export function loginProblem(err: unknown, t: Translate): LoginProblem {
  if (err instanceof ApiError) {
    if (err.status === 423) return { kind: 'locked', message: err.message };
    if (err.status === 0) return { kind: 'failed', message: t('errors.network') };
    if (err.status >= 500) return { kind: 'failed', message: t('errors.server') };
    return { kind: 'failed', message: err.message };
  }
  return { kind: 'failed', message: t('errors.server') };
}

/** Only same-site paths may be a redirect target after login. */
export function safeRedirect(target: string | null): string {
  return target?.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login')
    ? target
    : '/home';
}
