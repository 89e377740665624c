import { and, arrayContains, arrayOverlaps, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, type Actor } from '../access/policy';
import { family, familyMember } from './registry.schema';

export const visibleFamily = (actor: Actor) => jurisdictionWhere(actor, family);

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
  const conds: (SQL | undefined)[] = [visibleFamily(actor)];
  if (f.villageId) conds.push(eq(family.villageId, f.villageId));
  if (f.subdistrictCode) conds.push(eq(family.subdistrictCode, f.subdistrictCode));
  if (f.factor) conds.push(arrayContains(family.vulnerabilityFactors, [f.factor]));
  if (f.caregiverType) conds.push(eq(family.caregiverType, f.caregiverType));
  if (f.keys?.length) conds.push(arrayOverlaps(family.nameKeys, f.keys));
  return and(...conds)!;
}

export function listFamilies(db: Db, view: 'full' | 'minimal', where: SQL, limit: number, offset: number) {
  const q = view === 'full' ? db.select().from(family) : db.select(familyMinimal).from(family);
  return q.where(where).orderBy(asc(family.headName), asc(family.id)).limit(limit).offset(offset) as Promise<Array<Partial<FamilyRow> & { id: string; headName: string; headNameLocal: string | null; version: number }>>;
}

export async function countFamilies(db: Db, where: SQL) {
  const [r] = await db.select({ n: count() }).from(family).where(where);
  return Number(r.n);
}

export type FamilyRow = typeof family.$inferSelect;

export async function getFamily(db: Db, actor: Actor, id: string): Promise<FamilyRow | null> {
  const [row] = await db.select().from(family).where(and(eq(family.id, id), visibleFamily(actor)));
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
