import { and, arrayContains, arrayOverlaps, asc, count, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { identityWithheldWhere, nameSearchable, permittedColumns, rowsWhere } from '../access/fields';
import { child } from './registry.schema';
import { istToday, istYearsBefore } from '../kernel/clock';
import { actorKey, placeholderAs, preparedOnce } from '../db/prepared';

/**
 * Children, always seen through the actor's jurisdiction (applied in SQL here, never after
 * loading). What leaves the server is selected through the permitted-fields policy
 * (src/access/fields.ts): minimal-view roles get names, sex, age and village only, and a
 * child under a CWC non-disclosure order shows initials (JJ Act 2015 s.74).
 * `childFull`/`getChild` are the whole row for checks inside the server (writes, links).
 */
export const childFull = {
  id: child.id,
  familyId: child.familyId,
  stateCode: child.stateCode,
  districtCode: child.districtCode,
  subdistrictCode: child.subdistrictCode,
  blockCode: child.blockCode,
  villageId: child.villageId,
  name: child.name,
  nameLocal: child.nameLocal,
  otherNames: child.otherNames,
  sex: child.sex,
  dob: child.dob,
  dobEstimated: child.dobEstimated,
  careStatus: child.careStatus,
  schoolStatus: child.schoolStatus,
  school: child.school,
  healthNotes: child.healthNotes,
  disability: child.disability,
  mergedInto: child.mergedInto,
  version: child.version,
  createdAt: child.createdAt,
  updatedAt: child.updatedAt,
};
export const childMinimal = {
  id: child.id,
  stateCode: child.stateCode,
  districtCode: child.districtCode,
  villageId: child.villageId,
  name: child.name,
  nameLocal: child.nameLocal,
  sex: child.sex,
  dob: child.dob,
  dobEstimated: child.dobEstimated,
  version: child.version,
};

export const visibleChild = (actor: Actor) => rowsWhere(actor, 'child', child);

export interface ChildFilter {
  sex?: string;
  careStatus?: string;
  villageId?: string;
  subdistrictCode?: number;
  districtCode?: number;
  familyId?: string;
  factor?: string;
  ageMin?: number;
  ageMax?: number;
  /** The name keys, or the placeholder of a query built once (`childCandidatesByName`). */
  keys?: string[] | SQL;
  /** all: every query key must match (multi-word names); any: one is enough. */
  keysMode?: 'all' | 'any';
  /** Only children whose id is in this subquery (the records behind a dashboard figure, src/dashboards/lists.service.ts). */
  idsIn?: SQL;
}

export function childConditions(actor: Actor, f: ChildFilter, today: Date): SQL {
  // A record merged into another is reached through the survivor, never listed on its own.
  const conds: (SQL | undefined)[] = [visibleChild(actor), isNull(child.mergedInto)];
  if (f.sex) conds.push(eq(child.sex, f.sex));
  if (f.careStatus) conds.push(eq(child.careStatus, f.careStatus));
  if (f.villageId) conds.push(eq(child.villageId, f.villageId));
  if (f.subdistrictCode) conds.push(eq(child.subdistrictCode, f.subdistrictCode));
  if (f.districtCode) conds.push(eq(child.districtCode, f.districtCode));
  if (f.familyId) conds.push(eq(child.familyId, f.familyId));
  if (f.idsIn) conds.push(sql`${child.id} IN (${f.idsIn})`);
  if (f.factor)
    conds.push(sql`EXISTS (SELECT 1 FROM family fa WHERE fa.id = ${child.familyId} AND ${f.factor} = ANY(fa.vulnerability_factors))`);
  if (f.ageMin != null) conds.push(lte(child.dob, yearsBefore(today, f.ageMin)));
  if (f.ageMax != null) conds.push(gte(child.dob, dayAfter(yearsBefore(today, f.ageMax + 1))));
  if (f.keys && (!Array.isArray(f.keys) || f.keys.length)) {
    conds.push(f.keysMode === 'all' ? arrayContains(child.nameKeys, f.keys) : arrayOverlaps(child.nameKeys, f.keys));
    // A child under a CWC non-disclosure order is not found by name by those who may not identify it (s.74).
    conds.push(nameSearchable(actor, { childId: child.id }));
  }
  return and(...conds)!;
}

/** The IST calendar day `years` years before `d`'s (see kernel/clock). */
export function yearsBefore(d: Date, years: number): string {
  return istYearsBefore(d, years);
}
const dayAfter = (iso: string) => new Date(Date.parse(iso + 'T00:00:00Z') + 86400_000).toISOString().slice(0, 10);

/** A child row as the actor may receive it (permitted fields only; `today` is the IST day for the age). */
export type PermittedChildRow = Record<string, unknown> & { id: string; version: number; stateCode: number; districtCode: number };

export async function listChildren(
  db: Db,
  actor: Actor,
  where: SQL,
  limit: number,
  offset: number,
  today: string,
): Promise<PermittedChildRow[]> {
  const rows = await db
    .select(permittedColumns(actor, 'child', { today }))
    .from(child)
    .where(where)
    .orderBy(asc(child.name), asc(child.id))
    .limit(limit)
    .offset(offset);
  return rows as PermittedChildRow[];
}

/** Candidates for ranking: no ORDER BY, so the index scan can stop at the limit. */
export async function childCandidates(db: Db, actor: Actor, where: SQL, limit: number, today: string): Promise<PermittedChildRow[]> {
  return (await db
    .select(permittedColumns(actor, 'child', { today }))
    .from(child)
    .where(where)
    .limit(limit)) as PermittedChildRow[];
}

/**
 * The candidates of a name search, the query built once per actor, IST day, filter and mode
 * (src/db/prepared.ts): the keys and the limit are its placeholders. A filter on a subquery
 * (`idsIn`, the dashboards' lists) is built each time.
 */
export async function childCandidatesByName(
  db: Db,
  actor: Actor,
  filter: Omit<ChildFilter, 'keys' | 'keysMode'>,
  keys: string[],
  keysMode: 'all' | 'any',
  limit: number,
  today: Date,
): Promise<PermittedChildRow[]> {
  const day = istToday(today);
  if (filter.idsIn) return childCandidates(db, actor, childConditions(actor, { ...filter, keys, keysMode }, today), limit, day);
  const key = `child.candidates|${keysMode}|${day}|${JSON.stringify(filter)}|${actorKey(actor)}`;
  const query = preparedOnce(db, key, () =>
    db
      .select(permittedColumns(actor, 'child', { today: day }))
      .from(child)
      .where(childConditions(actor, { ...filter, keys: placeholderAs('keys', child.nameKeys), keysMode }, today))
      .limit(sql.placeholder('limit')),
  );
  return (await query.execute({ keys, limit })) as PermittedChildRow[];
}

/** One child as the actor may receive it, or null outside the jurisdiction. */
export async function readPermittedChild(db: Db, actor: Actor, id: string, today: string): Promise<PermittedChildRow | null> {
  const [row] = await db
    .select(permittedColumns(actor, 'child', { today }))
    .from(child)
    .where(and(eq(child.id, id), visibleChild(actor)));
  return (row as PermittedChildRow | undefined) ?? null;
}

/** Whether the child is under a non-disclosure order the actor may not see past (before a write). */
export async function childIdentityWithheld(db: Db, actor: Actor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ nd: identityWithheldWhere(actor, { childId: child.id }) })
    .from(child)
    .where(eq(child.id, id));
  return row?.nd === true;
}

export async function countChildren(db: Db, where: SQL): Promise<number> {
  const [r] = await db.select({ n: count() }).from(child).where(where);
  return Number(r.n);
}

export type ChildFullRow = {
  [K in keyof typeof childFull]: (typeof childFull)[K]['_']['data'] | ((typeof childFull)[K]['_']['notNull'] extends true ? never : null);
};
export type ChildMinimalRow = {
  [K in keyof typeof childMinimal]:
    (typeof childMinimal)[K]['_']['data'] | ((typeof childMinimal)[K]['_']['notNull'] extends true ? never : null);
};

export async function getChild(db: Db, actor: Actor, id: string, view?: 'full'): Promise<ChildFullRow | null>;
export async function getChild(db: Db, actor: Actor, id: string, view: 'full' | 'minimal'): Promise<ChildFullRow | ChildMinimalRow | null>;
export async function getChild(
  db: Db,
  actor: Actor,
  id: string,
  view: 'full' | 'minimal' = 'full',
): Promise<ChildFullRow | ChildMinimalRow | null> {
  const cols = view === 'full' ? childFull : childMinimal;
  const [row] = await db
    .select(cols)
    .from(child)
    .where(and(eq(child.id, id), visibleChild(actor)));
  return (row ?? null) as ChildFullRow | null;
}

export async function insertChild(db: Db, values: typeof child.$inferInsert) {
  const [row] = await db.insert(child).values(values).returning(childFull);
  return row;
}

/** Optimistic update: succeeds only at the version the editor saw, inside the jurisdiction. */
export async function updateChild(db: Db, actor: Actor, id: string, version: number, set: Partial<typeof child.$inferInsert>) {
  const [row] = await db
    .update(child)
    .set({ ...set, version: sql`${child.version} + 1`, updatedAt: new Date() })
    .where(and(eq(child.id, id), eq(child.version, version), visibleChild(actor)))
    .returning(childFull);
  return row ?? null;
}
