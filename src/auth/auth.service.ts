import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appUser, userSession } from '../users/users.schema';
import { findUserById, findUserByUsername, toActor } from '../users/users.repository';
import { verifyPassword } from './passwords';
import { HttpError } from '../http/errors';
import type { Actor } from '../access/policy';
import { audit } from '../audit/audit.service';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const SESSION_HOURS = 8; // one working day on a shared office computer
export const API_TOKEN_DAYS = 90;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function signIn(db: Db, username: string, password: string, ip: string, now = new Date()) {
  const found = await findUserByUsername(db, username);
  // One message for unknown user and wrong password: don't reveal which usernames exist.
  const invalid = new HttpError(401, 'invalid_credentials', 'Username or password is wrong');
  if (!found || !found.user.active) {
    await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$0000000000000000000000000000000000000000000', password);
    throw invalid;
  }
  const { user } = found;
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new HttpError(423, 'account_locked', `Too many failed attempts; try again after ${user.lockedUntil.toISOString()}`, undefined, {
      lockedUntil: user.lockedUntil.toISOString(),
    });
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failed = user.failedLogins + 1;
    const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
    await db.update(appUser).set({ failedLogins: lockedUntil ? 0 : failed, lockedUntil }).where(eq(appUser.id, user.id));
    await audit(db, toActor(user, found.orgKind, ip), 'login_failed', 'user', user.id);
    throw invalid;
  }
  await db.update(appUser).set({ failedLogins: 0, lockedUntil: null }).where(eq(appUser.id, user.id));
  const actor = toActor(user, found.orgKind, ip);
  const token = await createSession(db, user.id, 'cookie', now);
  await audit(db, actor, 'login', 'user', user.id);
  return { token, actor, orgName: found.orgName, language: user.language };
}

export async function createSession(db: Db, userId: string, kind: 'cookie' | 'api', now = new Date(), label?: string) {
  const token = randomBytes(32).toString('base64url');
  const ms = kind === 'cookie' ? SESSION_HOURS * 3600_000 : API_TOKEN_DAYS * 86400_000;
  await db.insert(userSession).values({ tokenHash: sha256(token), userId, kind, label, expiresAt: new Date(now.getTime() + ms) });
  return token;
}

export async function actorForToken(db: Db, token: string, ip: string, now = new Date()): Promise<Actor | null> {
  const [s] = await db
    .select()
    .from(userSession)
    .where(and(eq(userSession.tokenHash, sha256(token)), isNull(userSession.revokedAt), gt(userSession.expiresAt, now)));
  if (!s) return null;
  const found = await findUserById(db, s.userId);
  if (!found || !found.user.active) return null;
  // Cookie sessions slide while in use; API tokens keep their fixed expiry.
  if (s.kind === 'cookie' && now.getTime() - s.lastSeenAt.getTime() > 60_000) {
    await db
      .update(userSession)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000) })
      .where(eq(userSession.id, s.id));
  }
  return toActor(found.user, found.orgKind, ip);
}

export async function signOut(db: Db, token: string) {
  await db.update(userSession).set({ revokedAt: sql`now()` }).where(eq(userSession.tokenHash, sha256(token)));
}
