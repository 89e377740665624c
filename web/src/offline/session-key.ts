import { request } from '../api/client';
import type { Me } from '../api/types';
import { importKey } from './crypto';

/**
 * The session's key for the offline copy (src/auth/offline-key.ts says why the server makes it).
 * Held in this tab's memory and sessionStorage only, never in IndexedDB or localStorage: a
 * reload without signal still opens the copy, while a phone that restarts (or a browser
 * closed) has to reach the server with the same session before the copy opens again. The queue
 * waits, sealed, meanwhile.
 */
const KEY_ITEM = 'samanvay.offline.key';
const ME_ITEM = 'samanvay.offline.me';

export interface SessionKey {
  key: CryptoKey;
  sessionId: string;
}
interface Held {
  key: string;
  sessionId: string;
}

let memo: SessionKey | null = null;

function readHeld(): Held | null {
  try {
    const v = sessionStorage.getItem(KEY_ITEM);
    return v ? (JSON.parse(v) as Held) : null;
  } catch {
    return null;
  }
}

/** The key this tab holds, or (when `ask`) the server's for this session. Null when neither is at hand. */
export async function sessionKey(ask: boolean): Promise<SessionKey | null> {
  if (memo) return memo;
  let held = readHeld();
  if (!held && ask) {
    const got = await request<{ key: string; sessionId: string }>('POST', '/auth/offline-key');
    held = { key: got.key, sessionId: got.sessionId };
    try {
      sessionStorage.setItem(KEY_ITEM, JSON.stringify(held));
    } catch {
      // storage refused: the key lives in memory for this page only
    }
  }
  if (!held) return null;
  memo = { key: await importKey(held.key), sessionId: held.sessionId };
  return memo;
}

/**
 * Who is signed in, for a reload without signal: the session layer (auth/session.tsx) asks for
 * it when /auth/me cannot be reached. Only kept while an offline copy is in use.
 */
export function holdMe(me: Me) {
  try {
    sessionStorage.setItem(ME_ITEM, JSON.stringify(me));
  } catch {
    // no storage: a reload without signal shows sign-in
  }
}

export function heldMe(): Me | null {
  try {
    const v = sessionStorage.getItem(ME_ITEM);
    return v && readHeld() ? (JSON.parse(v) as Me) : null;
  } catch {
    return null;
  }
}

export function forgetSessionKey() {
  memo = null;
  try {
    sessionStorage.removeItem(KEY_ITEM);
    sessionStorage.removeItem(ME_ITEM);
  } catch {
    // nothing held
  }
}
