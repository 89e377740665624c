import type { Db } from '../db/client';
import { HttpError } from '../http/errors';
import type { ResolvedSession } from './auth.service';
import { offlineKeyOf } from './sessions.repository';

/**
 * The key a browser encrypts its offline copy of the village with (issue #17: "encrypted at
 * rest with a key bound to the session").
 *
 * Why a random key per session, held by the server:
 * - The device must not hold what opens its own data. A key derived on the device (from the
 *   password, or from the session cookie) could be derived again by whoever takes the phone: the
 *   cookie sits on the same disk as IndexedDB. So the key comes from the server, only to the
 *   session's own cookie, and the web app keeps it in memory and sessionStorage, never in
 *   IndexedDB or localStorage (web/src/offline/session-key.ts).
 * - Bound to the session: when it ends (sign-out, revoked on the Account screen, expired after
 *   8 idle hours) the server stops handing the key out, so the copy on the phone is unreadable
 *   even if the browser never ran the wipe. A new sign-in is a new session with a new key.
 * - Random rather than an HMAC of the session id under a server secret: no new secret to
 *   configure and rotate; the key dies with its row's session.
 * What it costs: after a restart without signal the copy stays locked (the key left with
 * sessionStorage) until the phone reaches the server again with the same session; nothing in
 * the queue is lost meanwhile, it is only unreadable.
 */
export async function offlineKey(db: Db, session: ResolvedSession) {
  const key = await offlineKeyOf(db, session.sessionId);
  if (!key) throw new HttpError(401, 'unauthenticated', 'Sign in to continue (your session may have expired)');
  return { key, algorithm: 'AES-GCM' as const, keyBits: 256 as const, sessionId: session.sessionId };
}
