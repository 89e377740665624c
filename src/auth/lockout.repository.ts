import { and, eq, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appUser, loginThrottle } from '../users/users.schema';

/**
 * Both counters are raised BEFORE the password is checked, in one statement that refuses once
 * the limit is reached: an attempt holds its place while argon2 runs, so a hundred concurrent
 * guesses get exactly the allowed number of checks, not "as many as read the count before
 * the first one wrote it". A right password gives its place back.
 */

/**
 * Takes one of the account's attempts. Null when the account is locked, or when the allowed
 * attempts are all taken (failed, or still being checked). An expired lock starts a new count.
 */
export async function claimAccountAttempt(db: Db, userId: string, max: number, now: Date): Promise<number | null> {
  const [row] = await db
    .update(appUser)
    .set({
      failedLogins: sql`CASE WHEN ${appUser.lockedUntil} IS NOT NULL THEN 1 ELSE ${appUser.failedLogins} + 1 END`,
      lockedUntil: null,
    })
    .where(
      and(
        eq(appUser.id, userId),
        eq(appUser.active, true),
        or(and(isNull(appUser.lockedUntil), lt(appUser.failedLogins, max)), lte(appUser.lockedUntil, now)),
      ),
    )
    .returning({ attempt: appUser.failedLogins });
  return row?.attempt ?? null;
}

/** After a wrong password: lock once the attempts are used up. True when this call locked it. */
export async function lockIfExhausted(db: Db, userId: string, max: number, until: Date): Promise<boolean> {
  const rows = await db
    .update(appUser)
    .set({ lockedUntil: until })
    .where(and(eq(appUser.id, userId), isNull(appUser.lockedUntil), gte(appUser.failedLogins, max)))
    .returning({ id: appUser.id });
  return rows.length > 0;
}

export async function clearAccountAttempts(db: Db, userId: string) {
  await db.update(appUser).set({ failedLogins: 0, lockedUntil: null }).where(eq(appUser.id, userId));
}

export function windowStart(now: Date, windowMinutes: number): Date {
  const ms = windowMinutes * 60_000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/**
 * Takes one of a client address's attempts in the current window; null when they are used up.
 * The address is `req.ip`, which honours TRUST_PROXY and nothing else.
 */
export async function claimAddressAttempt(db: Db, address: string, max: number, window: Date): Promise<number | null> {
  const [row] = await db
    .insert(loginThrottle)
    .values({ address, windowStart: window, failures: 1 })
    .onConflictDoUpdate({
      target: [loginThrottle.address, loginThrottle.windowStart],
      set: { failures: sql`${loginThrottle.failures} + 1` },
      setWhere: lt(loginThrottle.failures, max),
    })
    .returning({ failures: loginThrottle.failures });
  return row?.failures ?? null;
}

/** A successful sign-in was not a failure: give the address its attempt back. */
export async function releaseAddressAttempt(db: Db, address: string, window: Date) {
  await db
    .update(loginThrottle)
    .set({ failures: sql`GREATEST(${loginThrottle.failures} - 1, 0)` })
    .where(and(eq(loginThrottle.address, address), eq(loginThrottle.windowStart, window)));
}

/** Old windows are of no further use. */
export async function forgetWindowsBefore(db: Db, before: Date) {
  await db.delete(loginThrottle).where(lt(loginThrottle.windowStart, before));
}
