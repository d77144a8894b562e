import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionResponse, type SessionResponse, type SessionUser } from '../../shared/contracts/auth.ts';
import type { Language } from '../../shared/contracts/common.ts';
import { can, type Permission } from '../../shared/domain/permissions.ts';
import { mayUse } from './access.ts';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from './api.ts';
import { currentLanguage, setLanguage } from './i18n.ts';

export const SESSION_KEY = ['session'] as const;

function readSession(body: unknown): SessionResponse {
  const parsed = sessionResponse.safeParse(body);
  if (parsed.success) return parsed.data;
  // A newer server may add or rename fields; keep working and say so in the console.
  console.error('Unexpected session response', parsed.error.issues);
  return body as SessionResponse;
}

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    return readSession(await api('/api/auth/session', { allowUnauthenticated: true }));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

interface AuthContextValue {
  /** null while signed out; undefined only during the first probe. */
  user: SessionUser | null | undefined;
  sessionError: unknown;
  /** True after the server ended the session (idle timeout, signed out elsewhere), until the next login. */
  sessionExpired: boolean;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
  /**
   * Whether the user may use `permission` (in the unit `facilityId` when given): the role's
   * permission, and for partner staff what their agreements with the unit cover (`mayUse`).
   */
  can(permission: Permission, facilityId?: string): boolean;
  /** Switches the interface language and, when signed in, stores it as the account's choice. */
  changeLanguage(lng: Language): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Set when someone picks a language on the login screen: that choice then wins over the account's stored one. */
let languagePickedWhileSignedOut = false;

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Infinity,
    retry: (count, err) => !(err instanceof ApiError && err.status > 0) && count < 2,
  });
  const data = session.data;
  const [sessionExpired, setSessionExpired] = useState(false);

  useEffect(() => {
    setCsrfToken(data?.csrfToken ?? null);
  }, [data?.csrfToken]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setSessionExpired(true);
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, null);
    });
  }, [queryClient]);

  const login = useCallback(
    async (username: string, password: string) => {
      const res = readSession(
        await api('/api/auth/login', { method: 'POST', json: { username, password }, allowUnauthenticated: true }),
      );
      setCsrfToken(res.csrfToken);
      let user = res.user;
      const chosen = currentLanguage();
      if (languagePickedWhileSignedOut && chosen !== user.language) {
        try {
          await api('/api/auth/language', { method: 'PUT', json: { language: chosen } });
          user = { ...user, language: chosen };
        } catch {
          // not fatal: the account keeps its stored language
        }
      }
      languagePickedWhileSignedOut = false;
      setSessionExpired(false);
      await setLanguage(user.language);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, { ...res, user });
      return user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST', allowUnauthenticated: true });
    } finally {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, null);
    }
  }, [queryClient]);

  const changeLanguage = useCallback(
    async (lng: Language) => {
      await setLanguage(lng);
      const current = queryClient.getQueryData<SessionResponse | null>(SESSION_KEY);
      if (!current) {
        languagePickedWhileSignedOut = true;
        return;
      }
      queryClient.setQueryData(SESSION_KEY, { ...current, user: { ...current.user, language: lng } });
      await api('/api/auth/language', { method: 'PUT', json: { language: lng } });
    },
    [queryClient],
  );

  // The account's stored language applies whenever a session is (re)loaded, e.g. after a page reload.
  const userLanguage = data?.user.language;
  useEffect(() => {
    if (userLanguage) void setLanguage(userLanguage);
  }, [userLanguage]);

  const value = useMemo<AuthContextValue>(() => {
    const user = session.isPending ? undefined : (data?.user ?? null);
    return {
      user,
      sessionError: session.error,
      sessionExpired,
      login,
      logout,
      changeLanguage,
      can: (permission, facilityId) => !!user && mayUse(user, permission, facilityId),
    };
  }, [session.isPending, session.error, sessionExpired, data, login, logout, changeLanguage]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for screens behind RequireAuth. */
export function useUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

/** Where a user starts: managers on the dashboard, everyone working with people on the register. */
export function homePath(user: SessionUser): string {
  if (can(user.role, 'wbp.read')) return '/wbp';
  if (can(user.role, 'stats.read')) return '/dashboard';
  if (can(user.role, 'user.manage')) return '/admin/users';
  return '/account';
}
