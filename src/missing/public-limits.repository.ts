import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { pruneCounters } from '../kernel/rate-counter';
import { publicChallenge } from './missing.schema';

/** The public forms' proof-of-work challenges (migration 0420); their counters are the kernel's rate counter. */
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
  await pruneCounters(db, countersBefore);
  await db.delete(publicChallenge).where(lt(publicChallenge.expiresAt, challengesBefore));
}
