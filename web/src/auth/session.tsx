import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Permission } from '../../../src/access/roles';
import { api, ApiError, onUnauthorized, request } from '../api/client';
import type { Me } from '../api/types';
import i18n, { applyProfileLanguage } from '../i18n';
import { clearDraftsOf } from '../forms/drafts';
import { holdsAny } from '../app/module-api';
import { heldMe } from '../offline/session-key';
import { takeEarlyMe } from './early-me';
import { wipeOffline } from '../offline/store';

/**
 * Who is signed in (GET /auth/me), and what happens when that changes.
 * - Any 401 from any request means the session ended: sign-in is shown in place of the
 *   screen, the address stays, and after signing in the same screen returns with its draft.
 * - Signing out in one tab ends the session in the others at once (a storage event).
 * - Cached records are dropped whenever the user changes, so nobody sees a colleague's data.
 */
export const ME_KEY = ['auth', 'me'] as const;
const SIGNED_OUT_KEY = 'samanvay.signedOut';
const SIGNED_IN_KEY = 'samanvay.signedIn';

interface Session {
  me: Me | null;
  loading: boolean;
  /** The session ended without the user asking (expiry, sign-out elsewhere). */
  ended: boolean;
  signIn(username: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

async function fetchMe(): Promise<Me | null> {
  // A clear answer to the early request is used as is; anything else (no signal, a server error)
  // is asked again below, so the offline and error handling stay in one place.
  const early = await takeEarlyMe();
  if (early?.ok) return (await early.json()) as Me;
  if (early?.status === 401) {
    void wipeOffline();
    return null;
  }
  try {
    return await request<Me>('GET', '/auth/me', { expect401: true });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      // The session ended: the village kept on this device goes with it (issue #17).
      void wipeOffline();
      return null;
    }
    // No signal: whoever this tab held for the offline copy stays signed in, so its screens
    // open; the server checks the session again with the next request that gets through.
    const held = e instanceof ApiError && e.status === 0 ? heldMe() : null;
    if (held) return held;
    throw e;
  }
}

/**
 * Everything cached except the session itself (its observer must stay subscribed, which
 * a full clear() would break).
 */
function dropRecords(qc: QueryClient) {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
}

function broadcast(key: string) {
  try {
    localStorage.setItem(key, String(Date.now()));
  } catch {
    // no storage: other tabs learn on their next request instead
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [ended, setEnded] = useState(false);
  const meQuery = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, refetchOnWindowFocus: true });
  const me = meQuery.data ?? null;

  useEffect(() => {
    if (me) applyProfileLanguage(me.language);
  }, [me]);

  // Someone was signed in and now nobody is, without signing out here: the session ended
  // (a 401 anywhere, a refetch of /auth/me, or a sign-out in another tab).
  const previous = useRef<Me | null>(null);
  const signingOut = useRef(false);
  useEffect(() => {
    if (previous.current && !me && !signingOut.current) setEnded(true);
    if (me) setEnded(false);
    signingOut.current = false;
    previous.current = me;
  }, [me]);

  useEffect(() => {
    onUnauthorized(() => {
      void wipeOffline();
      qc.setQueryData(ME_KEY, null);
    });
    const onStorage = (e: StorageEvent) => {
      if (e.key === SIGNED_OUT_KEY) {
        void wipeOffline();
        qc.setQueryData(ME_KEY, null);
      }
      if (e.key === SIGNED_IN_KEY) void qc.invalidateQueries({ queryKey: ME_KEY });
    };
    window.addEventListener('storage', onStorage);
    return () => {
      onUnauthorized(null);
      window.removeEventListener('storage', onStorage);
    };
  }, [qc]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const who = await request<Me>('POST', '/auth/login', { body: { username, password }, expect401: true });
      dropRecords(qc);
      qc.setQueryData(ME_KEY, who);
      broadcast(SIGNED_IN_KEY);
      return who;
    },
    [qc],
  );

  const signOut = useCallback(async () => {
    const who = qc.getQueryData<Me | null>(ME_KEY);
    // Signing out wipes the offline copy: first send what she changed without signal, and ask
    // before throwing away what could not be sent (loaded on demand: most users never go offline).
    const { sendBeforeSignOut } = await import('../offline/sync');
    const unsent = await sendBeforeSignOut();
    if (unsent > 0 && !window.confirm(i18n.t('offline.signOutUnsent', { count: unsent }))) return;
    signingOut.current = true;
    try {
      await api.post('/auth/logout');
    } catch {
      // signed out locally either way
    }
    if (who) clearDraftsOf(who.id);
    await wipeOffline();
    dropRecords(qc);
    qc.setQueryData(ME_KEY, null);
    broadcast(SIGNED_OUT_KEY);
  }, [qc]);

  const value = useMemo<Session>(
    () => ({ me, loading: meQuery.isPending, ended, signIn, signOut }),
    [me, meQuery.isPending, ended, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user; screens under the session gate may rely on it. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe with nobody signed in');
  return me;
}

/** `can('registry.write')`, or any of several. Hides what a role may not do (the server refuses it anyway). */
export function useCan() {
  const { me } = useSession();
  return useCallback((anyOf: Permission | Permission[]) => !!me && holdsAny(me.permissions, Array.isArray(anyOf) ? anyOf : [anyOf]), [me]);
}
