import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
// Types only from the contracts: a value import would bundle every schema of the platform into the page.
import type { Principal, Role } from '@kc/contracts';
import { api, ApiError, SIGNED_OUT_EVENT } from '../api/http';

type Status = 'loading' | 'signed-in' | 'signed-out';

interface SessionContext {
  status: Status;
  principal: Principal | null;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const Context = createContext<SessionContext | null>(null);

/**
 * Who is signed in, asked as soon as the app's script runs — in parallel with the first page's chunk rather
 * than after React's first render. A hall screen has no session: it does not ask.
 */
const firstMe: Promise<Principal> | null = window.location.pathname.startsWith('/screen/')
  ? null
  : api<Principal>('/api/v1/auth/me');
firstMe?.catch(() => undefined);

/**
 * The browser session: the gateway keeps the access and refresh tokens in HttpOnly SameSite=Strict cookies,
 * so no script on the page can read them; the app only learns who is signed in.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [principal, setPrincipal] = useState<Principal | null>(null);

  useEffect(() => {
    (firstMe ?? api<Principal>('/api/v1/auth/me')).then(
      (me) => {
        setPrincipal(me);
        setStatus('signed-in');
      },
      () => setStatus('signed-out'),
    );
    const onSignedOut = () => {
      setPrincipal(null);
      setStatus('signed-out');
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const session = await api<{ principal: Principal }>('/api/v1/auth/session', {
      method: 'POST',
      body: { username, password },
    });
    setPrincipal(session.principal);
    setStatus('signed-in');
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('/api/v1/auth/session/end', { method: 'POST' });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
    setPrincipal(null);
    setStatus('signed-out');
  }, []);

  const value = useMemo(() => ({ status, principal, signIn, signOut }), [status, principal, signIn, signOut]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const context = useContext(Context);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

const AGENCY_ROLES: readonly Role[] = ['central-admin', 'central-officer'];
const STAFF_ROLES: readonly Role[] = [...AGENCY_ROLES, 'province-officer'];

/** The agency's roles see everything; a province officer only their unit; viewers only published figures. */
export function isAgency(principal: Principal | null): boolean {
  return !!principal && AGENCY_ROLES.includes(principal.role);
}

/** The agency and the provincial departments: the watchlist and hall-screen links are theirs. */
export function isStaff(principal: Principal | null): boolean {
  return !!principal && STAFF_ROLES.includes(principal.role);
}
