import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { appUser } from './users.schema';
import { findUserInScope } from './users.repository';
import { HttpError, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { hashPassword } from '../auth/passwords';
import { revokeAllSessionsOf } from '../auth/sessions.repository';

/**
 * What an administrator (`users.manage`) does to another user of their own jurisdiction.
 * A user outside it is "not found", as records are. One's own account is changed on the
 * Account screen, which asks for the current password.
 */

async function managed(db: Db, by: Actor, id: string) {
  const found = await findUserInScope(db, by, id);
  if (!found) throw notFound('User');
  if (found.user.id === by.userId) {
    throw new HttpError(409, 'own_account', 'Use the Account screen for your own account', [
      { field: 'id', message: 'is your own account' },
    ]);
  }
  return found.user;
}

const placeOf = (u: typeof appUser.$inferSelect) => ({ stateCode: u.stateCode ?? undefined, districtCode: u.districtCode ?? undefined });

// No 0/o, 1/l/i: read aloud over the phone or copied from a screen without mistakes.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function oneTimePassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

/**
 * Sets a one-time password (shown once, to the administrator, to hand over) that only opens the
 * change-password screen; every session and token of the user ends, and a lock is lifted.
 */
export async function resetPassword(db: Db, by: Actor, id: string, now: Date) {
  const user = await managed(db, by, id);
  const password = oneTimePassword();
  await db
    .update(appUser)
    .set({
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      passwordChangedAt: now,
      failedLogins: 0,
      lockedUntil: null,
    })
    .where(eq(appUser.id, user.id));
  const ended = await revokeAllSessionsOf(db, user.id, now);
  await audit(db, by, 'password_reset', 'user', user.id, placeOf(user), { sessionsEnded: ended });
  return { id: user.id, oneTimePassword: password, mustChangePassword: true, sessionsEnded: ended };
}

/** A deactivated user cannot sign in, and their sessions and tokens end at once. */
export async function setActive(db: Db, by: Actor, id: string, active: boolean, now: Date) {
  const user = await managed(db, by, id);
  await db
    .update(appUser)
    .set(active ? { active, failedLogins: 0, lockedUntil: null } : { active })
    .where(eq(appUser.id, user.id));
  const ended = active ? 0 : await revokeAllSessionsOf(db, user.id, now);
  await audit(db, by, active ? 'user_reactivated' : 'user_deactivated', 'user', user.id, placeOf(user), { sessionsEnded: ended });
  return { id: user.id, active, sessionsEnded: ended };
}

/** Lifts a lockout before it runs out (the user called the office). */
export async function unlock(db: Db, by: Actor, id: string) {
  const user = await managed(db, by, id);
  await db.update(appUser).set({ failedLogins: 0, lockedUntil: null }).where(eq(appUser.id, user.id));
  await audit(db, by, 'user_unlocked', 'user', user.id, placeOf(user));
  return { id: user.id, lockedUntil: null };
}
