import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Scheme } from './scheme';
import { schemeRevision } from './schemes.schema';

export type SchemeRevisionRow = typeof schemeRevision.$inferSelect;

/** Every revision, oldest first (a catalogue has tens of schemes and a handful of revisions each). */
export function allRevisions(db: Db) {
  return db.select().from(schemeRevision).orderBy(asc(schemeRevision.seq));
}

export function revisionsOf(db: Db, schemeId: string) {
  return db
    .select({
      revision: schemeRevision.revision,
      change: schemeRevision.change,
      note: schemeRevision.note,
      createdBy: schemeRevision.createdBy,
      createdAt: schemeRevision.createdAt,
      versions: sql<number>`jsonb_array_length(${schemeRevision.definition} -> 'versions')`,
    })
    .from(schemeRevision)
    .where(eq(schemeRevision.schemeId, schemeId))
    .orderBy(asc(schemeRevision.revision));
}

/** The latest change to the catalogue: what the per-process cache is keyed on. */
export async function latestSeq(db: Db): Promise<number> {
  const [r] = await db.select({ seq: sql<number | null>`max(${schemeRevision.seq})` }).from(schemeRevision);
  return Number(r?.seq ?? 0);
}

export async function insertRevision(
  db: Db,
  values: {
    schemeId: string;
    revision: number;
    definition: Scheme;
    change: SchemeRevisionRow['change'];
    note?: string | null;
    createdBy?: string | null;
  },
) {
  const [row] = await db.insert(schemeRevision).values(values).returning();
  return row;
}

/** Serialises catalogue seeding when two servers start on one database. */
export async function lockCatalogue(db: Db) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(727300)`);
}
