import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, request, setCsrfToken, setUnauthorizedHandler } from './api.js';
import type { Session, User } from './types.js';

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  // mustEnrolTotp: an admin who may do nothing until an authenticator app is set up.
  | { status: 'signed-in'; user: User; mustEnrolTotp: boolean };

/** What the session endpoints answer; mustEnrolTotp is absent from older servers. */
type SessionAnswer = Session & { mustEnrolTotp?: boolean };

interface SessionValue {
  state: SessionState;
  /** totp: the authenticator code, when the server asked for it (a 401 naming body/totp). */
  signIn(email: string, password: string, totp?: string): Promise<void>;
  signOut(): Promise<void>;
  /** After the authenticator app is confirmed: the user as the server now has it. */
  totpEnabled(user: User): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    let cancelled = false;
    request<SessionAnswer>('/v1/console/session', { quietUnauthorized: true })
      .then((session) => {
        if (cancelled) return;
        setCsrfToken(session.csrfToken);
        setState({ status: 'signed-in', user: session.user, mustEnrolTotp: session.mustEnrolTotp === true });
      })
      .catch(() => {
        if (!cancelled) setState({ status: 'signed-out' });
      });
    return () => {
      cancelled = true;
    };
  }, []);

  // Re-registered on navigation so that after signing in again the user comes back to this page.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setState({ status: 'signed-out' });
      if (location.pathname !== '/signin') navigate('/signin', { state: { from: location.pathname } });
    });
  }, [location.pathname, navigate]);

  const signIn = useCallback(async (email: string, password: string, totp?: string) => {
    const session = await request<SessionAnswer>('/v1/console/session', {
      method: 'POST',
      body: totp ? { email, password, totp } : { email, password },
      quietUnauthorized: true,
    });
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', user: session.user, mustEnrolTotp: session.mustEnrolTotp === true });
  }, []);

  const totpEnabled = useCallback((user: User) => {
    setState({ status: 'signed-in', user, mustEnrolTotp: false });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await request<void>('/v1/console/session', { method: 'DELETE', quietUnauthorized: true });
    } catch (error) {
      // Already signed out on the server: the result the user asked for.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setCsrfToken(null);
    setState({ status: 'signed-out' });
    navigate('/signin');
  }, [navigate]);

  const value = useMemo(
    () => ({ state, signIn, signOut, totpEnabled }),
    [state, signIn, signOut, totpEnabled],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}

/** The signed-in user; only for pages rendered inside RequireSession. */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser outside a signed-in page');
  return state.user;
}

export const roleLabel: Record<User['role'], string> = {
  admin: 'Administrator',
  analyst: 'Analyst',
  partner_reviewer: 'Partner reviewer',
  le_responder: 'Police-request responder',
};
