import { and, asc, count, desc, eq, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, type Actor } from '../access/policy';
import { shapeRow, type WithheldMarks } from '../access/fields';
import { decidedSideVisible, matchColumns, matchRowsWhere } from '../access/missing';
import type { PersonRecord } from '../linkage/record';
import { missingMatch, missingRestoration } from './missing.schema';

/**
 * Match candidates and restorations. A match is seen by the districts of both its sides (the
 * codes are copied onto the row so the filter needs no join); what of the other side's record
 * is shown depends on the match's status (matches.service.ts). A reader gets the columns the
 * permitted-fields policy gives its role (`missingMatch`, src/access/missing.ts `matchColumns`):
 * the pair as stored at the decision only to those who decide, and not under a CWC
 * non-disclosure order of either side's child the reader may not see past (JJ Act 2015 s.74).
 */
export type MatchRow = typeof missingMatch.$inferSelect;
/** A match as one reader may see it (the policy's fields; the stored pair may be absent). */
export type SeenMatch = MatchRow & WithheldMarks;
export type RestorationRow = typeof missingRestoration.$inferSelect;

/** The matches the actor sees (the policy's row rule on either side). */
export const matchVisible = (actor: Actor): SQL => matchRowsWhere(actor);

const seenMatches = (rows: Record<string, unknown>[]) => rows.map((r) => shapeRow(r, 'missingMatch')) as unknown as SeenMatch[];

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

export async function listMatches(db: Db, actor: Actor, where: SQL, limit: number, offset: number): Promise<SeenMatch[]> {
  const rows = await db
    .select(matchColumns(actor))
    .from(missingMatch)
    .where(where)
    .orderBy(desc(missingMatch.probability), asc(missingMatch.id))
    .limit(limit)
    .offset(offset);
  return seenMatches(rows);
}

export async function countMatches(db: Db, where: SQL): Promise<number> {
  const [r] = await db.select({ n: count() }).from(missingMatch).where(where);
  return Number(r.n);
}

/** One match as the actor may read it. */
export async function getMatchSeen(db: Db, actor: Actor, id: string): Promise<SeenMatch | null> {
  const rows = await db
    .select(matchColumns(actor))
    .from(missingMatch)
    .where(and(eq(missingMatch.id, id), matchVisible(actor)));
  return seenMatches(rows)[0] ?? null;
}

/** The whole match row, for a decision on it (the write path; its answer is read back through `getMatchSeen`'s columns). */
export async function getMatch(db: Db, actor: Actor, id: string, forUpdate = false): Promise<MatchRow | null> {
  const q = db
    .select()
    .from(missingMatch)
    .where(and(eq(missingMatch.id, id), matchVisible(actor)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** `now` is the app's clock (ctx.now()), never the machine's. */
export async function updateMatch(db: Db, id: string, set: Partial<typeof missingMatch.$inferInsert>, now: Date) {
  const [row] = await db
    .update(missingMatch)
    .set({ ...set, version: sql`${missingMatch.version} + 1`, updatedAt: now })
    .where(eq(missingMatch.id, id))
    .returning();
  return row;
}

/**
 * Decided pairs (the labelled data), oldest decision first. A side's person record comes back
 * only when the reader sees that side in full (src/access/missing.ts `decidedSideVisible`):
 * another district's child of a rejected pair stays in its district.
 */
export async function decidedMatches(db: Db, actor: Actor, limit: number): Promise<SeenMatch[]> {
  const cols = matchColumns(actor);
  const side = (key: 'decidedLeft' | 'decidedRight', which: 'missing' | 'found') =>
    key in cols
      ? { [key]: sql<PersonRecord | null>`CASE WHEN ${decidedSideVisible(actor, which)} THEN ${cols[key]} END`.mapWith(missingMatch[key]) }
      : {};
  const rows = await db
    .select({ ...cols, ...side('decidedLeft', 'missing'), ...side('decidedRight', 'found') })
    .from(missingMatch)
    .where(and(matchVisible(actor), inArray(missingMatch.status, ['confirmed', 'rejected'])))
    .orderBy(asc(missingMatch.decidedAt), asc(missingMatch.id))
    .limit(limit);
  return seenMatches(rows);
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

/** A restoration that may already exist (a re-delivered national proposal: the unique
 * (national_match_id, state_code) index): null when it does. */
export async function insertRestorationOnce(db: Db, values: typeof missingRestoration.$inferInsert): Promise<{ id: string } | null> {
  const [row] = await db.insert(missingRestoration).values(values).onConflictDoNothing().returning({ id: missingRestoration.id });
  return row ?? null;
}

export async function getRestoration(db: Db, actor: Actor, id: string, forUpdate = false): Promise<RestorationRow | null> {
  const q = db
    .select()
    .from(missingRestoration)
    .where(and(eq(missingRestoration.id, id), restorationVisible(actor)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** `now` is the app's clock (ctx.now()), never the machine's. */
export async function updateRestoration(db: Db, id: string, set: Partial<typeof missingRestoration.$inferInsert>, now: Date) {
  const [row] = await db
    .update(missingRestoration)
    .set({ ...set, version: sql`${missingRestoration.version} + 1`, updatedAt: now })
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
