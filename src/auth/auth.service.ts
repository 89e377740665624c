import type { Db } from '../db/client';
import { findUserByUsername, toActor } from '../users/users.repository';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { HttpError } from '../http/errors';
import type { Actor } from '../access/policy';
import { audit } from '../audit/audit.service';
import {
  claimAccountAttempt,
  claimAddressAttempt,
  clearAccountAttempts,
  forgetWindowsBefore,
  lockIfExhausted,
  releaseAddressAttempt,
  windowStart,
} from './lockout.repository';
import { insertSession, liveSessionWithUser, revokeSessionTree, touchSession, type SessionKind } from './sessions.repository';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/** Failed sign-ins one client address may make per window, whatever the usernames. */
export const ADDRESS_MAX_FAILURES = 20;
export const ADDRESS_WINDOW_MINUTES = 15;
export const SESSION_HOURS = 8; // one working day on a shared office computer
export const API_TOKEN_DAYS = 90;

/** Who asks: the address Fastify derives under TRUST_PROXY (req.ip) and the browser's user agent. */
export interface Client {
  ip: string;
  userAgent?: string | null;
}

/**
 * One answer for every refused sign-in: unknown username, wrong password, deactivated user and
 * locked account alike, so that the answer never tells whether a username exists. A locked
 * account is shown to administrators on the users screen (and audited), not to the person
 * typing. Each of these paths spends one argon2 verification, so they also take the same time.
 */
const invalidCredentials = () => new HttpError(401, 'invalid_credentials', 'Username or password is wrong');

/** Who tried to sign in, before anyone is known: only the address goes into the audit entry. */
const anonymous = (ip: string) => ({ ip }) as Actor;
/** No account has it: the statements an unknown username runs match no row. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

export class TooManyAttempts extends HttpError {
  constructor(public readonly retryAfterSeconds: number) {
    super(
      429,
      'too_many_attempts',
      `Too many failed sign-ins from this address; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
      undefined,
      {
        retryAfterSeconds,
      },
    );
  }
}

export async function signIn(db: Db, username: string, password: string, client: Client, now = new Date()) {
  const window = windowStart(now, ADDRESS_WINDOW_MINUTES);
  if ((await claimAddressAttempt(db, client.ip, ADDRESS_MAX_FAILURES, window)) === null) {
    throw new TooManyAttempts(Math.ceil((window.getTime() + ADDRESS_WINDOW_MINUTES * 60_000 - now.getTime()) / 1000));
  }
  const found = await findUserByUsername(db, username);
  const user = found?.user ?? null;
  const actor = user ? toActor(user, found!.orgKind, client.ip) : anonymous(client.ip);
  // Whatever the username, the same statements run in the same order (claim an attempt, one
  // argon2 verification, an audit entry, the lock check): neither the answer nor its time
  // tells whether the account exists, is deactivated or is locked. The claim finds no row for
  // an unknown username and refuses a deactivated or locked account.
  const attempt = await claimAccountAttempt(db, user?.id ?? NO_USER, MAX_FAILED_LOGINS, now);
  if (attempt === null || !user) {
    await verifyAgainstDummy(password);
    // Without the username typed for an unknown account: it is sometimes a password typed into the wrong box.
    if (user) await audit(db, actor, 'login_refused', 'user', user.id, null, { reason: user.active ? 'locked' : 'deactivated' });
    else await audit(db, actor, 'login_failed', 'user', null, null, { reason: 'unknown_user' });
    await lockIfExhausted(db, NO_USER, MAX_FAILED_LOGINS, now); // the round trip a wrong password makes; no row
    throw invalidCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await audit(db, actor, 'login_failed', 'user', user.id, null, { attempt });
    if (await lockIfExhausted(db, user.id, MAX_FAILED_LOGINS, new Date(now.getTime() + LOCKOUT_MINUTES * 60_000))) {
      await audit(db, actor, 'account_locked', 'user', user.id, null, { minutes: LOCKOUT_MINUTES });
    }
    throw invalidCredentials();
  }
  await clearAccountAttempts(db, user.id);
  await releaseAddressAttempt(db, client.ip, window);
  await forgetWindowsBefore(db, new Date(window.getTime() - 86_400_000));
  const { token, id } = await createSession(db, { userId: user.id, kind: 'cookie', now, client });
  await audit(db, actor, 'login', 'user', user.id, null, { session: id });
  return { token, sessionId: id, actor, mustChangePassword: user.mustChangePassword };
}

export async function createSession(
  db: Db,
  s: { userId: string; kind: SessionKind; now: Date; client?: Client; label?: string; parentId?: string | null },
) {
  const ms = s.kind === 'cookie' ? SESSION_HOURS * 3600_000 : API_TOKEN_DAYS * 86400_000;
  return insertSession(db, {
    userId: s.userId,
    kind: s.kind,
    now: s.now,
    expiresAt: new Date(s.now.getTime() + ms),
    label: s.label,
    parentId: s.parentId,
    ip: s.client?.ip,
    userAgent: s.client?.userAgent,
  });
}

export interface ResolvedSession {
  actor: Actor;
  sessionId: string;
  mustChangePassword: boolean;
}

/** The session a cookie or bearer token stands for, if it is in force and its user active. */
export async function resolveSession(db: Db, token: string, ip: string, now = new Date()): Promise<ResolvedSession | null> {
  const found = await liveSessionWithUser(db, token, now);
  if (!found || !found.user.active) return null;
  const s = found.session;
  // Last use is kept to the minute for the Account screen; cookie sessions also slide while in
  // use, API tokens keep their fixed expiry.
  if (now.getTime() - s.lastSeenAt.getTime() > 60_000) {
    await touchSession(db, s.id, now, s.kind === 'cookie' ? new Date(now.getTime() + SESSION_HOURS * 3600_000) : undefined);
  }
  return { actor: toActor(found.user, found.orgKind, ip), sessionId: s.id, mustChangePassword: found.user.mustChangePassword };
}

export async function actorForToken(db: Db, token: string, ip: string, now = new Date()): Promise<Actor | null> {
  return (await resolveSession(db, token, ip, now))?.actor ?? null;
}

/** Ends the session and every token made from it. */
export async function signOut(db: Db, session: { sessionId: string; actor: Actor }, now: Date) {
  const revoked = await revokeSessionTree(db, session.sessionId, session.actor.userId, now);
  await audit(db, session.actor, 'logout', 'user', session.actor.userId, null, { sessions: revoked });
}
