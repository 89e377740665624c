import { and, asc, count, desc, eq, getTableColumns, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, type Actor } from '../access/policy';
import { decidedSideVisible } from '../access/missing';
import type { PersonRecord } from '../linkage/record';
import { missingMatch, missingRestoration } from './missing.schema';

/**
 * Match candidates and restorations. A match is seen by the districts of both its sides (the
 * codes are copied onto the row so the filter needs no join); what of the other side's record
 * is shown depends on the match's status (matches.service.ts).
 */
export type MatchRow = typeof missingMatch.$inferSelect;
export type RestorationRow = typeof missingRestoration.$inferSelect;

export function matchVisible(actor: Actor): SQL {
  return or(
    jurisdictionWhere(actor, { stateCode: missingMatch.missingStateCode, districtCode: missingMatch.missingDistrictCode }),
    jurisdictionWhere(actor, { stateCode: missingMatch.foundStateCode, districtCode: missingMatch.foundDistrictCode }),
  )!;
}

export interface MatchFilter {
  status?: MatchRow['status'];
  statuses?: MatchRow['status'][];
  minProbability?: number;
  recordId?: string;
}

export function matchConditions(actor: Actor, f: MatchFilter): SQL {
  const conds: (SQL | undefined)[] = [matchVisible(actor)];
  if (f.status) conds.push(eq(missingMatch.status, f.status));
  if (f.statuses) conds.push(inArray(missingMatch.status, f.statuses));
  if (f.minProbability != null) conds.push(gte(missingMatch.probability, f.minProbability));
  if (f.recordId) conds.push(or(eq(missingMatch.missingId, f.recordId), eq(missingMatch.foundId, f.recordId)));
  return and(...conds)!;
}

export function listMatches(db: Db, where: SQL, limit: number, offset: number) {
  return db
    .select()
    .from(missingMatch)
    .where(where)
    .orderBy(desc(missingMatch.probability), asc(missingMatch.id))
    .limit(limit)
    .offset(offset);
}

export async function countMatches(db: Db, where: SQL): Promise<number> {
  const [r] = await db.select({ n: count() }).from(missingMatch).where(where);
  return Number(r.n);
}

export async function getMatch(db: Db, actor: Actor, id: string, forUpdate = false): Promise<MatchRow | null> {
  const q = db
    .select()
    .from(missingMatch)
    .where(and(eq(missingMatch.id, id), matchVisible(actor)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function updateMatch(db: Db, id: string, set: Partial<typeof missingMatch.$inferInsert>) {
  const [row] = await db
    .update(missingMatch)
    .set({ ...set, version: sql`${missingMatch.version} + 1`, updatedAt: new Date() })
    .where(eq(missingMatch.id, id))
    .returning();
  return row;
}

/**
 * Decided pairs (the labelled data), oldest decision first. A side's person record comes back
 * only when the reader sees that side in full (src/access/missing.ts `decidedSideVisible`):
 * another district's child of a rejected pair stays in its district.
 */
export function decidedMatches(db: Db, actor: Actor, limit: number) {
  return db
    .select({
      ...getTableColumns(missingMatch),
      decidedLeft: sql<PersonRecord | null>`CASE WHEN ${decidedSideVisible(actor, 'missing')} THEN ${missingMatch.decidedLeft} END`.mapWith(
        missingMatch.decidedLeft,
      ),
      decidedRight: sql<PersonRecord | null>`CASE WHEN ${decidedSideVisible(actor, 'found')} THEN ${missingMatch.decidedRight} END`.mapWith(
        missingMatch.decidedRight,
      ),
    })
    .from(missingMatch)
    .where(and(matchVisible(actor), inArray(missingMatch.status, ['confirmed', 'rejected'])))
    .orderBy(asc(missingMatch.decidedAt), asc(missingMatch.id))
    .limit(limit);
}

// ---------------------------------------------------------------- restorations

export function restorationVisible(actor: Actor): SQL {
  return or(
    jurisdictionWhere(actor, missingRestoration),
    jurisdictionWhere(actor, { stateCode: missingRestoration.foundStateCode, districtCode: missingRestoration.foundDistrictCode }),
  )!;
}

export async function insertRestoration(db: Db, values: typeof missingRestoration.$inferInsert): Promise<RestorationRow> {
  const [row] = await db.insert(missingRestoration).values(values).returning();
  return row;
}

export async function getRestoration(db: Db, actor: Actor, id: string, forUpdate = false): Promise<RestorationRow | null> {
  const q = db
    .select()
    .from(missingRestoration)
    .where(and(eq(missingRestoration.id, id), restorationVisible(actor)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function updateRestoration(db: Db, id: string, set: Partial<typeof missingRestoration.$inferInsert>) {
  const [row] = await db
    .update(missingRestoration)
    .set({ ...set, version: sql`${missingRestoration.version} + 1`, updatedAt: new Date() })
    .where(eq(missingRestoration.id, id))
    .returning();
  return row;
}

export function listRestorations(db: Db, actor: Actor, status: RestorationRow['status'] | undefined, limit: number, offset: number) {
  const where = and(restorationVisible(actor), status ? eq(missingRestoration.status, status) : undefined);
  return Promise.all([
    db
      .select()
      .from(missingRestoration)
      .where(where)
      .orderBy(desc(missingRestoration.createdAt), asc(missingRestoration.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: count() })
      .from(missingRestoration)
      .where(where)
      .then(([r]) => Number(r.n)),
  ]);
}
