import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Permission } from '../../src/common/permissions.js';
import { type ApiResponse, client, ok, onUnauthenticated, queryClient, setCsrfToken } from './api/client.js';
import { I18nContext, type Lang, storeLang, storedLang } from './i18n.js';

type SessionView = ApiResponse<'/api/v1/auth/me'>;
export type UserView = SessionView['user'];

/** A session the server confirmed: its CSRF token goes with every write from now on. */
async function startSession(call: Promise<{ data?: SessionView }>): Promise<SessionView> {
  const s = await ok(call);
  setCsrfToken(s.csrfToken);
  return s;
}
const fetchSession = () => startSession(client.GET('/api/v1/auth/me'));
const saveLocale = (locale: Lang) => ok(client.PATCH('/api/v1/auth/me', { body: { locale } }));

type SessionState =
  { status: 'loading' } | { status: 'anonymous' } | { status: 'authenticated'; user: UserView; permissions: readonly Permission[] };

interface SessionValue {
  state: SessionState;
  /** The logged-in user; only call inside pages that the router shows to authenticated users. */
  user: UserView;
  /** Whether the logged-in user holds a permission (src/common/permissions.ts, as `GET /auth/me` lists them). */
  can(permission: Permission): boolean;
  login(username: string, password: string): Promise<UserView>;
  logout(): Promise<void>;
  /** Re-reads the user from the server (after a password change, a profile edit …). */
  refresh(): Promise<void>;
  setUser(user: UserView): void;
}

const SessionContext = createContext<SessionValue | null>(null);

const signedIn = (s: SessionView): SessionState => ({ status: 'authenticated', user: s.user, permissions: s.permissions });

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/**
 * Holds who is logged in and the interface language. Before login the language comes from this
 * browser (localStorage); after login the user's saved choice wins (unless they switched on the
 * login page just now) and a switch is saved to the server (`PATCH /auth/me {locale}`) as well as
 * locally, so the login page opens in it next time.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [anonLang, setAnonLang] = useState<Lang>(storedLang);
  // Switched on the login page during this visit: an explicit choice that the account then adopts.
  const [switchedBeforeLogin, setSwitchedBeforeLogin] = useState(false);

  useEffect(() => {
    let live = true;
    fetchSession()
      .then((s) => live && setState(signedIn(s)))
      .catch(() => live && setState({ status: 'anonymous' }));
    const off = onUnauthenticated(() => {
      queryClient.clear();
      setState({ status: 'anonymous' });
    });
    return () => {
      live = false;
      off();
    };
  }, []);

  const login = useCallback(
    async (username: string, password: string) => {
      const s = await startSession(client.POST('/api/v1/auth/login', { body: { username, password } }));
      let user = s.user;
      if (switchedBeforeLogin && anonLang !== user.locale) user = await saveLocale(anonLang).catch(() => user);
      storeLang(user.locale);
      setState(signedIn({ ...s, user }));
      return user;
    },
    [switchedBeforeLogin, anonLang],
  );

  const logout = useCallback(async () => {
    await client.POST('/api/v1/auth/logout').catch(() => {});
    setCsrfToken('');
    // The next person at this browser sees nothing of what the last one loaded.
    queryClient.clear();
    setState({ status: 'anonymous' });
  }, []);

  const refresh = useCallback(async () => {
    setState(signedIn(await fetchSession()));
  }, []);

  // A profile edit changes neither role nor permissions.
  const setUser = useCallback((user: UserView) => setState((s) => (s.status === 'authenticated' ? { ...s, user } : s)), []);

  const lang: Lang = state.status === 'authenticated' ? state.user.locale : anonLang;
  const setLang = useCallback(
    (next: Lang) => {
      storeLang(next);
      setAnonLang(next);
      if (state.status !== 'authenticated') {
        setSwitchedBeforeLogin(true);
        return;
      }
      setState({ ...state, user: { ...state.user, locale: next } });
      saveLocale(next).then(setUser, () => {
        // Not saved on the server (offline, session gone): the local choice still applies.
      });
    },
    [state, setUser],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<SessionValue>(
    () => ({
      state,
      get user() {
        if (state.status !== 'authenticated') throw new Error('not logged in');
        return state.user;
      },
      can: (permission: Permission) => state.status === 'authenticated' && state.permissions.includes(permission),
      login,
      logout,
      refresh,
      setUser,
    }),
    [state, login, logout, refresh, setUser],
  );
  const i18n = useMemo(() => ({ lang, setLang }), [lang, setLang]);

  return (
    <I18nContext.Provider value={i18n}>
      <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
    </I18nContext.Provider>
  );
}
