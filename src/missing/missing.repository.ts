import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { type Actor, type Placement } from '../access/policy';
import { shapeRow, type WithheldMarks } from '../access/fields';
import {
  matchDisclosureAggregates,
  matchesReachingActor,
  missingRecordOwn,
  photoProjection,
  recordProjection,
  recordViewSql,
  type MissingRecordView,
} from '../access/missing';
import { location } from '../locations/locations.schema';
import { missingBlockKey, missingMatch, missingRecord } from './missing.schema';
import type { RecordKind } from './domain/vocabulary';
import { newReference } from './domain/reference';
import { placeNames } from '../locations/place-names';

/**
 * Missing and found children's records. A person reads a record through the access rule of
 * src/access/missing.ts, in the query: their own jurisdiction in full (`getRecord`, the only
 * path for edits), another district's record through a match reaching into theirs at the view
 * that match allows (`getRecordsSeen`: the columns a view does not permit come back NULL from
 * the database). Matching itself reads across jurisdictions (`candidateRows`), as a system
 * process, and writes only matches.
 */
export type RecordRow = typeof missingRecord.$inferSelect;
/**
 * A record as one reader sees it (the permitted-fields policy and the view, in the query): the
 * columns outside the reader's view are null, the fields its role may not read are absent, and
 * under a CWC non-disclosure order the name is initials and the identifying fields are absent
 * (`withheld`, `initialsOnly`).
 */
export type SeenRecord = RecordRow & { view: MissingRecordView } & WithheldMarks;

/** Records in the actor's jurisdiction. */
export const recordInJurisdiction = (actor: Actor) => missingRecordOwn(actor);

export const placeOfRecord = (
  r: Pick<RecordRow, 'stateCode' | 'districtCode' | 'subdistrictCode' | 'blockCode' | 'villageId'>,
): Placement => ({
  stateCode: r.stateCode,
  districtCode: r.districtCode,
  subdistrictCode: r.subdistrictCode,
  blockCode: r.blockCode,
  villageId: r.villageId,
});

// ---------------------------------------------------------------- writes

/**
 * Inserts a record under a new random reference (domain/reference.ts). A reference already
 * taken is skipped by ON CONFLICT (no error, so the caller's transaction stays usable) and the
 * insert retried with a new draw.
 */
export async function insertRecord(db: Db, values: Omit<typeof missingRecord.$inferInsert, 'reference'>): Promise<RecordRow> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const bytes = randomBytes(64);
    let i = 0;
    const reference = newReference(values.kind as RecordKind, () => bytes[i++ % bytes.length]);
    const [row] = await db
      .insert(missingRecord)
      .values({ ...values, reference })
      .onConflictDoNothing() // no target: on a state-partitioned PostgreSQL the index is (reference, state_code) (src/db/partition)
      .returning();
    if (row) return row;
  }
  throw new Error('could not draw a free reference in 5 attempts');
}

/** Optimistic update inside the actor's jurisdiction (a record seen only through a match is not editable). */
export async function updateRecord(
  db: Db,
  actor: Actor,
  id: string,
  version: number | undefined,
  set: Partial<typeof missingRecord.$inferInsert>,
  /** The app's clock (ctx.now()), never the machine's. */
  now: Date,
) {
  const conds = [eq(missingRecord.id, id), recordInJurisdiction(actor)];
  if (version !== undefined) conds.push(eq(missingRecord.version, version));
  const [row] = await db
    .update(missingRecord)
    .set({ ...set, version: sql`${missingRecord.version} + 1`, updatedAt: now })
    .where(and(...conds))
    .returning();
  return row ?? null;
}

/** System update (matching, confirmation): no actor, no version bump for bookkeeping columns. */
export async function setRecordSystem(db: Db, id: string, set: Partial<typeof missingRecord.$inferInsert>) {
  await db.update(missingRecord).set(set).where(eq(missingRecord.id, id));
}

// ---------------------------------------------------------------- reads

/** A record in the actor's own jurisdiction (everything of it), for reading and editing. */
export async function getRecord(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<RecordRow | null> {
  const q = db
    .select()
    .from(missingRecord)
    .where(and(eq(missingRecord.id, id), recordInJurisdiction(actor)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/**
 * Records as the actor sees them (src/access/missing.ts): own, or another district's through a
 * match at the view it allows. `atLeast` leaves out the records seen below it (a record read
 * needs 'compared'; a match's side may be a bare 'reference'). `roleLevel` also lists in
 * `withheld` the fields the role never gets (a single record's page).
 */
export async function getRecordsSeen(
  db: Db,
  actor: Actor,
  ids: string[],
  atLeast: 'reference' | 'compared' = 'reference',
  roleLevel = false,
): Promise<SeenRecord[]> {
  if (!ids.length) return [];
  const agg = disclosure(db, actor);
  const view = recordViewSql(actor, agg);
  const allowed = atLeast === 'compared' ? sql`${view} IN ('own', 'full', 'compared')` : sql`${view} IS NOT NULL`;
  const rows = await db
    .select({ ...recordProjection(actor, view), view })
    .from(missingRecord)
    .leftJoinLateral(agg, sql`true`)
    .where(and(inArray(missingRecord.id, ids), allowed));
  return rows.map((r) => shapeRow(r, 'missingRecord', actor, roleLevel)) as SeenRecord[];
}

/** The matches reaching the actor's jurisdiction, aggregated per record (a LATERAL subquery). */
function disclosure(db: Db, actor: Actor) {
  return db
    .select({
      full: matchDisclosureAggregates.full.as('full'),
      live: matchDisclosureAggregates.live.as('live'),
      seen: matchDisclosureAggregates.seen.as('seen'),
    })
    .from(missingMatch)
    .where(matchesReachingActor(actor, missingRecord.id))
    .as('disclosure');
}

export async function getRecordSeen(
  db: Db,
  actor: Actor,
  id: string,
  atLeast: 'reference' | 'compared' = 'compared',
): Promise<SeenRecord | null> {
  const [row] = await getRecordsSeen(db, actor, [id], atLeast, true);
  return row ?? null;
}

/** A record the actor just wrote, as the actor may read it back (the policy's fields; a writer who reads no reports gets its reference). */
export async function readBack(db: Db, actor: Actor, id: string): Promise<SeenRecord> {
  const [row] = await getRecordsSeen(db, actor, [id], 'reference', true);
  if (!row) throw new Error('a record just written is not readable by its writer');
  return row;
}

/**
 * A record's photo as the actor may see it (the policy's `photo` fields, at the own or full
 * view; not under a non-disclosure order the actor may not see past): the stored name and type,
 * or null.
 */
export async function getPhotoSeen(db: Db, actor: Actor, id: string) {
  const agg = disclosure(db, actor);
  const view = recordViewSql(actor, agg);
  const [row] = await db
    .select({ ...photoProjection(actor, view), view, stateCode: missingRecord.stateCode, districtCode: missingRecord.districtCode })
    .from(missingRecord)
    .leftJoinLateral(agg, sql`true`)
    .where(and(eq(missingRecord.id, id), sql`${view} IN ('own', 'full')`));
  if (!row) return null;
  const p = shapeRow(row as Record<string, unknown>, 'photo') as {
    content?: string | null;
    contentType?: string | null;
    view: MissingRecordView;
    stateCode: number;
    districtCode: number;
    withheld?: string[];
  };
  return p;
}

/** Without an actor: for matching and the system's own bookkeeping only. */
export async function getRecordSystem(db: Db, id: string, forUpdate = false): Promise<RecordRow | null> {
  const q = db.select().from(missingRecord).where(eq(missingRecord.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export interface RecordFilter {
  kind?: RecordKind;
  status?: string;
  districtCode?: number;
  ids?: string[];
  /** Only records whose id is in this subquery (the records behind a dashboard figure, src/dashboards/lists.service.ts). */
  idsIn?: SQL;
}

export function recordConditions(actor: Actor, f: RecordFilter): SQL {
  const conds: SQL[] = [recordInJurisdiction(actor)];
  if (f.kind) conds.push(eq(missingRecord.kind, f.kind));
  if (f.status) conds.push(eq(missingRecord.status, f.status as RecordRow['status']));
  if (f.districtCode) conds.push(eq(missingRecord.districtCode, f.districtCode));
  if (f.ids) conds.push(f.ids.length ? inArray(missingRecord.id, f.ids) : sql`false`);
  if (f.idsIn) conds.push(sql`${missingRecord.id} IN (${f.idsIn})`);
  return and(...conds)!;
}

/** Records of the actor's own jurisdiction (`where` includes `recordConditions`), through the policy. */
export async function listRecords(db: Db, actor: Actor, where: SQL, limit: number, offset: number): Promise<SeenRecord[]> {
  const view = sql<MissingRecordView>`'own'::text`;
  const rows = await db
    .select({ ...recordProjection(actor, view), view })
    .from(missingRecord)
    .where(where)
    .orderBy(desc(missingRecord.createdAt), asc(missingRecord.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => shapeRow(r, 'missingRecord')) as SeenRecord[];
}

export async function countRecords(db: Db, where: SQL): Promise<number> {
  const [r] = await db.select({ n: count() }).from(missingRecord).where(where);
  return Number(r.n);
}

/**
 * New keys for a stale record, only if it is still the version they were computed from and still
 * stale: an edit in between has keyed it itself, and must not be overwritten with old-name keys.
 */
export async function setRecordKeys(db: Db, r: Pick<RecordRow, 'id' | 'version'>, keys: string[], modelVersion: string): Promise<boolean> {
  const rows = await db
    .update(missingRecord)
    .set({ blockKeys: keys, blockKeysModel: modelVersion, matchState: 'pending' })
    .where(
      and(
        eq(missingRecord.id, r.id),
        eq(missingRecord.version, r.version),
        sql`${missingRecord.blockKeysModel} IS DISTINCT FROM ${modelVersion}`,
      ),
    )
    .returning({ id: missingRecord.id });
  return rows.length > 0;
}

/** Open records keyed under another model version (or none recorded). */
export async function staleKeyRecords(db: Db, version: string, limit: number): Promise<RecordRow[]> {
  return db
    .select()
    .from(missingRecord)
    .where(and(eq(missingRecord.status, 'open'), sql`${missingRecord.blockKeysModel} IS DISTINCT FROM ${version}`))
    .orderBy(asc(missingRecord.createdAt))
    .limit(limit);
}

/** Records still waiting to be matched (a crash between commit and matching), oldest first. */
export async function pendingRecordIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: missingRecord.id })
    .from(missingRecord)
    .where(and(eq(missingRecord.status, 'open'), eq(missingRecord.matchState, 'pending')))
    .orderBy(asc(missingRecord.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------- candidates for matching

/** Columns the engine needs, plus the place codes the match row copies. */
export const candidateColumns = {
  id: missingRecord.id,
  kind: missingRecord.kind,
  stateCode: missingRecord.stateCode,
  districtCode: missingRecord.districtCode,
  name: missingRecord.name,
  nameLocal: missingRecord.nameLocal,
  aliases: missingRecord.aliases,
  sex: missingRecord.sex,
  ageYears: missingRecord.ageYears,
  fatherName: missingRecord.fatherName,
  motherName: missingRecord.motherName,
  language: missingRecord.language,
  marks: missingRecord.marks,
  eventDate: missingRecord.eventDate,
  place: missingRecord.place,
  eventPlace: missingRecord.eventPlace,
};
export type CandidateRow = { [K in keyof typeof candidateColumns]: (typeof candidateColumns)[K]['_']['data'] | null } & {
  id: string;
  kind: RecordKind;
  stateCode: number;
  districtCode: number;
  sex: string;
  aliases: string[];
};

/** How many open records of a kind carry each of these keys ('*': all open records of the kind). */
export async function keyCounts(db: Db, kind: RecordKind, keys: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ key: missingBlockKey.key, n: missingBlockKey.n })
    .from(missingBlockKey)
    .where(and(eq(missingBlockKey.kind, kind), inArray(missingBlockKey.key, [...keys, '*'])));
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

/**
 * Open records of `kind` sharing a blocking key with the query, those sharing the most keys
 * (blocking rules) first. The kind is a literal so the planner picks that kind's partial GIN index.
 */
export async function candidateRows(db: Db, kind: RecordKind, keys: string[], limit: number, excludeId?: string): Promise<CandidateRow[]> {
  if (!keys.length) return [];
  const keyArray = sql`${`{${keys.map((k) => `"${k.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
  const rows = await db
    .select(candidateColumns)
    .from(missingRecord)
    .where(
      and(
        sql.raw(`"missing_record"."kind" = '${kind === 'missing' ? 'missing' : 'found'}' AND "missing_record"."status" = 'open'`),
        sql`${missingRecord.blockKeys} && ${keyArray}`,
        excludeId ? sql`${missingRecord.id} <> ${excludeId}` : undefined,
      ),
    )
    .orderBy(
      sql`(SELECT count(*) FROM unnest(${missingRecord.blockKeys}) AS k WHERE k = ANY(${keyArray})) DESC`,
      desc(missingRecord.eventDate),
    )
    .limit(limit);
  return rows as CandidateRow[];
}

// ---------------------------------------------------------------- place names

/** LGD state and district names (src/locations/place-names.ts). */
export { placeNames };

export async function districtExists(db: Db, districtCode: number): Promise<{ stateCode: number; name: string } | null> {
  const [row] = await db
    .select({ stateCode: location.stateCode, name: location.name })
    .from(location)
    .where(eq(location.id, `di:${districtCode}`));
  return row ?? null;
}
