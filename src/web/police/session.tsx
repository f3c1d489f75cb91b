import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, request, setCsrfToken, setUnauthorizedHandler } from './api.js';
import type { Officer, OfficerSessionView } from './types.js';

type SessionState =
  | { status: 'loading' }
  /** `left`: the officer signed out here, so there is no page to return to after signing in. */
  | { status: 'signed-out'; left?: boolean }
  | { status: 'signed-in'; officer: Officer };

interface SessionValue {
  state: SessionState;
  signIn(email: string, password: string, totp?: string): Promise<void>;
  signOut(): Promise<void>;
  /** After enrolling TOTP: the officer's record changed. */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Pages an officer reaches without a session (the links in the confirmation mail land here). */
export const PUBLIC_PATHS = ['/signin', '/signup', '/confirm'];

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const navigate = useNavigate();
  const location = useLocation();

  const apply = useCallback((session: OfficerSessionView) => {
    // Signed out, the server may still hand a token for the sign-in request itself.
    setCsrfToken(session.csrfToken);
    setState(session.officer ? { status: 'signed-in', officer: session.officer } : { status: 'signed-out' });
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await request<OfficerSessionView>('/police/api/session', { quietUnauthorized: true }));
    } catch {
      setCsrfToken(null);
      setState({ status: 'signed-out' });
    }
  }, [apply]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setState({ status: 'signed-out' });
      if (!PUBLIC_PATHS.includes(location.pathname)) {
        navigate('/signin', { state: { from: location.pathname } });
      }
    });
  }, [location.pathname, navigate]);

  const signIn = useCallback(
    async (email: string, password: string, totp?: string) => {
      const body = totp ? { email, password, totp } : { email, password };
      apply(
        await request<OfficerSessionView>('/police/api/session', {
          method: 'POST',
          body,
          quietUnauthorized: true,
        }),
      );
    },
    [apply],
  );

  const signOut = useCallback(async () => {
    try {
      await request<void>('/police/api/session', { method: 'DELETE', quietUnauthorized: true });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setCsrfToken(null);
    setState({ status: 'signed-out', left: true });
    navigate('/signin', { replace: true });
    // A fresh token for the next sign-in on this page.
    void refresh();
  }, [navigate, refresh]);

  const value = useMemo(() => ({ state, signIn, signOut, refresh }), [state, signIn, signOut, refresh]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}

export function useOfficer(): Officer {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useOfficer outside a signed-in page');
  return state.officer;
}
