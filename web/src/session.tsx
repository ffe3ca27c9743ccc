// The logged-in user for the whole console. A 401 from any call ends the session and
// sends the user to the login page with the server's reason (expired, logged out elsewhere).
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  type CurrentUser,
  currentSession,
  login as loginCall,
  logout as logoutCall,
  type Restriction,
} from './services/auth';
import { forgetRegions } from './services/regions';
import { setCsrfToken, setSessionExpiredHandler } from './services/request';

type Status = 'loading' | 'anonymous' | 'authenticated';

interface SessionValue {
  status: Status;
  user: CurrentUser | null;
  /** Why the user is on the login page (session expired); cleared on login. */
  notice: string | null;
  /** The account must change its password or enrol 2FA before anything else. */
  restriction: Restriction | null;
  login(username: string, password: string, code?: string): Promise<CurrentUser>;
  logout(): Promise<void>;
  /** Reload the session (after changing the password or enrolling 2FA). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [restriction, setRestriction] = useState<Restriction | null>(null);

  const end = useCallback((reason: string | null) => {
    setCsrfToken(null);
    forgetRegions();
    setUser(null);
    setNotice(reason);
    setStatus('anonymous');
  }, []);

  useEffect(() => {
    setSessionExpiredHandler((message) => end(message || null));
    let live = true;
    currentSession().then(
      (s) => {
        if (!live) return;
        setCsrfToken(s.csrfToken);
        setUser(s.user);
        setRestriction(s.restriction);
        setStatus('authenticated');
      },
      () => live && setStatus('anonymous'),
    );
    return () => {
      live = false;
      setSessionExpiredHandler(null);
    };
  }, [end]);

  const login = useCallback(async (username: string, password: string, code?: string) => {
    const s = await loginCall(username, password, code);
    setCsrfToken(s.csrfToken);
    setUser(s.user);
    setRestriction(s.restriction);
    setNotice(null);
    setStatus('authenticated');
    return s.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await logoutCall();
    } catch {
      // already gone on the server: nothing to undo
    }
    end(null);
  }, [end]);

  const refresh = useCallback(async () => {
    const s = await currentSession();
    setCsrfToken(s.csrfToken);
    setUser(s.user);
    setRestriction(s.restriction);
  }, []);

  const value = useMemo(
    () => ({ status, user, notice, restriction, login, logout, refresh }),
    [status, user, notice, restriction, login, logout, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The current user, inside the authenticated layout. */
export function useUser(): CurrentUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a session');
  return user;
}
