import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { publicChallenge, publicLimitCounter } from './missing.schema';

/**
 * The public forms' counters and challenges (migration 0420). Each counter moves in one
 * statement, INSERT … ON CONFLICT DO UPDATE … WHERE under-the-limit … RETURNING: two servers
 * (or two requests) adding at once are serialised by the row lock, and the second sees the
 * first's total, so a limit is never passed however many servers share the database.
 */
/** `short_link`: GET /s/:code per address (src/notifications/short-link.ts). */
export type CounterScope = 'submit' | 'challenge' | 'districts' | 'queue' | 'photo_bytes' | 'short_link';

/**
 * Adds to a counter unless the total would pass `max`; the new totals, or null when refused
 * (nothing added). `max` of hits and bytes: a row is refused if either would be passed.
 */
export async function addToCounter(
  db: Db,
  key: { scope: CounterScope; subject: string; windowStart: Date },
  add: { hits?: number; bytes?: number },
  max: { hits?: number; bytes?: number },
): Promise<{ hits: number; bytes: number } | null> {
  const hits = add.hits ?? 0,
    bytes = add.bytes ?? 0;
  if ((max.hits != null && hits > max.hits) || (max.bytes != null && bytes > max.bytes)) return null;
  const t = publicLimitCounter;
  const under = and(
    max.hits != null ? sql`${t.hits} + excluded.hits <= ${max.hits}::bigint` : undefined,
    max.bytes != null ? sql`${t.bytes} + excluded.bytes <= ${max.bytes}::bigint` : undefined,
  );
  const [row] = await db
    .insert(t)
    .values({ ...key, hits, bytes })
    .onConflictDoUpdate({
      target: [t.scope, t.subject, t.windowStart],
      set: { hits: sql`${t.hits} + excluded.hits`, bytes: sql`${t.bytes} + excluded.bytes` },
      ...(under ? { setWhere: under } : {}),
    })
    .returning({ hits: t.hits, bytes: t.bytes });
  return row ? { hits: Number(row.hits), bytes: Number(row.bytes) } : null;
}

export async function insertChallenge(db: Db, row: typeof publicChallenge.$inferInsert) {
  await db.insert(publicChallenge).values(row);
}

export async function findChallenge(db: Db, id: string) {
  const [row] = await db.select().from(publicChallenge).where(eq(publicChallenge.id, id));
  return row ?? null;
}

/** Marks a challenge used, once: false when it was used (or expired) already. */
export async function useChallenge(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(publicChallenge)
    .set({ usedAt: now })
    .where(and(eq(publicChallenge.id, id), isNull(publicChallenge.usedAt), gt(publicChallenge.expiresAt, now)))
    .returning({ id: publicChallenge.id });
  return rows.length > 0;
}

/** Old counters and challenges go (called now and then, when challenges are issued). */
export async function pruneLimits(db: Db, countersBefore: Date, challengesBefore: Date) {
  await db.delete(publicLimitCounter).where(lt(publicLimitCounter.windowStart, countersBefore));
  await db.delete(publicChallenge).where(lt(publicChallenge.expiresAt, challengesBefore));
}
