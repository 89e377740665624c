import { and, arrayContains, arrayOverlaps, asc, count, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { identityWithheldWhere, nameSearchable, permittedColumns, rowsWhere } from '../access/fields';
import { family, familyMember } from './registry.schema';

/**
 * Families through the actor's jurisdiction; what leaves the server is selected through the
 * permitted-fields policy (src/access/fields.ts). `getFamily` is the whole row for checks
 * inside the server.
 */
export const visibleFamily = (actor: Actor) => rowsWhere(actor, 'family', family);
export type PermittedFamilyRow = Record<string, unknown> & {
  id: string;
  version: number;
  stateCode: number;
  districtCode: number;
  headName: string;
  headNameLocal?: string | null;
};

export const familyMinimal = {
  id: family.id,
  stateCode: family.stateCode,
  districtCode: family.districtCode,
  villageId: family.villageId,
  headName: family.headName,
  headNameLocal: family.headNameLocal,
  version: family.version,
};

export interface FamilyFilter {
  villageId?: string;
  subdistrictCode?: number;
  factor?: string;
  caregiverType?: string;
  keys?: string[];
}

export function familyConditions(actor: Actor, f: FamilyFilter): SQL {
  const conds: (SQL | undefined)[] = [visibleFamily(actor), isNull(family.mergedInto)];
  if (f.villageId) conds.push(eq(family.villageId, f.villageId));
  if (f.subdistrictCode) conds.push(eq(family.subdistrictCode, f.subdistrictCode));
  if (f.factor) conds.push(arrayContains(family.vulnerabilityFactors, [f.factor]));
  if (f.caregiverType) conds.push(eq(family.caregiverType, f.caregiverType));
  if (f.keys?.length) {
    conds.push(arrayOverlaps(family.nameKeys, f.keys));
    // The family of a child under a CWC non-disclosure order is not found by name (JJ Act 2015 s.74).
    conds.push(nameSearchable(actor, { familyId: family.id }));
  }
  return and(...conds)!;
}

export async function listFamilies(
  db: Db,
  actor: Actor,
  where: SQL,
  limit: number,
  offset: number,
  today: string,
): Promise<PermittedFamilyRow[]> {
  const rows = await db
    .select(permittedColumns(actor, 'family', { today }))
    .from(family)
    .where(where)
    .orderBy(asc(family.headName), asc(family.id))
    .limit(limit)
    .offset(offset);
  return rows as PermittedFamilyRow[];
}

export async function readPermittedFamily(db: Db, actor: Actor, id: string, today: string): Promise<PermittedFamilyRow | null> {
  const [row] = await db
    .select(permittedColumns(actor, 'family', { today }))
    .from(family)
    .where(and(eq(family.id, id), visibleFamily(actor)));
  return (row as PermittedFamilyRow | undefined) ?? null;
}

export async function familyIdentityWithheld(db: Db, actor: Actor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ nd: identityWithheldWhere(actor, { familyId: family.id }) })
    .from(family)
    .where(eq(family.id, id));
  return row?.nd === true;
}

/** A family's members as the actor may receive them (the family's visibility is checked by the caller). */
export async function permittedMembersOf(db: Db, actor: Actor, familyId: string, today: string) {
  const rows = await db
    .select(permittedColumns(actor, 'member', { today }))
    .from(familyMember)
    .where(eq(familyMember.familyId, familyId))
    .orderBy(asc(familyMember.createdAt));
  return rows as (Record<string, unknown> & { id: string })[];
}

export async function countFamilies(db: Db, where: SQL) {
  const [r] = await db.select({ n: count() }).from(family).where(where);
  return Number(r.n);
}

export type FamilyRow = typeof family.$inferSelect;

export async function getFamily(db: Db, actor: Actor, id: string): Promise<FamilyRow | null> {
  const [row] = await db
    .select()
    .from(family)
    .where(and(eq(family.id, id), visibleFamily(actor)));
  return row ?? null;
}

export async function insertFamily(db: Db, values: typeof family.$inferInsert) {
  const [row] = await db.insert(family).values(values).returning();
  return row;
}

export async function updateFamily(db: Db, actor: Actor, id: string, version: number, set: Partial<typeof family.$inferInsert>) {
  const [row] = await db
    .update(family)
    .set({ ...set, version: sql`${family.version} + 1`, updatedAt: new Date() })
    .where(and(eq(family.id, id), eq(family.version, version), visibleFamily(actor)))
    .returning();
  return row ?? null;
}

export function membersOf(db: Db, familyId: string) {
  return db.select().from(familyMember).where(eq(familyMember.familyId, familyId)).orderBy(asc(familyMember.createdAt));
}

export async function insertMember(db: Db, values: typeof familyMember.$inferInsert) {
  const [row] = await db.insert(familyMember).values(values).returning();
  return row;
}

export async function updateMember(db: Db, familyId: string, id: string, version: number, set: Partial<typeof familyMember.$inferInsert>) {
  const [row] = await db
    .update(familyMember)
    .set({ ...set, version: sql`${familyMember.version} + 1` })
    .where(and(eq(familyMember.id, id), eq(familyMember.familyId, familyId), eq(familyMember.version, version)))
    .returning();
  return row ?? null;
}
