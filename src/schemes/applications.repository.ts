import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, type Actor } from '../access/policy';
import { identityColumns, shapeRow } from '../access/fields';
import { child, family } from '../registry/registry.schema';
import { location } from '../locations/locations.schema';
import { schemeApplication, schemeApplicationStep } from './schemes.schema';

export type ApplicationRow = typeof schemeApplication.$inferSelect;
export type StepRow = typeof schemeApplicationStep.$inferSelect;

/** Applications, always seen through the actor's jurisdiction (in SQL). */
export const visibleApplication = (actor: Actor) => jurisdictionWhere(actor, schemeApplication);

export async function getApplication(db: Db, actor: Actor, id: string): Promise<ApplicationRow | null> {
  const [row] = await db
    .select()
    .from(schemeApplication)
    .where(and(eq(schemeApplication.id, id), visibleApplication(actor)));
  return row ?? null;
}

export function stepsOf(db: Db, applicationId: string) {
  return db
    .select()
    .from(schemeApplicationStep)
    .where(eq(schemeApplicationStep.applicationId, applicationId))
    .orderBy(asc(schemeApplicationStep.seq));
}

export function applicationsOfFamily(db: Db, familyId: string) {
  return db.select().from(schemeApplication).where(eq(schemeApplication.familyId, familyId)).orderBy(desc(schemeApplication.createdAt));
}

export async function insertApplication(db: Db, values: typeof schemeApplication.$inferInsert) {
  const [row] = await db.insert(schemeApplication).values(values).returning();
  return row;
}

export async function insertStep(db: Db, values: typeof schemeApplicationStep.$inferInsert) {
  await db.insert(schemeApplicationStep).values(values);
}

/** Rewrites the projection only at the version the client saw (optimistic lock). */
export async function updateApplication(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  set: Partial<typeof schemeApplication.$inferInsert>,
) {
  const [row] = await db
    .update(schemeApplication)
    .set({ ...set, version: sql`${schemeApplication.version} + 1`, updatedAt: new Date() })
    .where(and(eq(schemeApplication.id, id), eq(schemeApplication.version, version), visibleApplication(actor)))
    .returning();
  return row ?? null;
}

export interface ApplicationFilter {
  familyId?: string;
  schemeId?: string;
  status?: string;
  area?: SQL;
}

export function applicationConditions(actor: Actor, f: ApplicationFilter): SQL {
  const conds: (SQL | undefined)[] = [visibleApplication(actor)];
  if (f.familyId) conds.push(eq(schemeApplication.familyId, f.familyId));
  if (f.schemeId) conds.push(eq(schemeApplication.schemeId, f.schemeId));
  if (f.status) conds.push(eq(schemeApplication.status, f.status as ApplicationRow['status']));
  if (f.area) conds.push(f.area);
  return and(...conds)!;
}

/**
 * A page of applications with the family head's and child's names. Under a CWC non-disclosure
 * order of the family's or child's case the actor may not see past (JJ Act 2015 s.74,
 * src/access/fields.ts), the names are initials and the local-script names absent.
 */
export async function listApplications(db: Db, actor: Actor, where: SQL, limit: number, offset: number) {
  const cols = {
    id: schemeApplication.id,
    schemeId: schemeApplication.schemeId,
    subject: schemeApplication.subject,
    subjectId: schemeApplication.subjectId,
    familyId: schemeApplication.familyId,
    childId: schemeApplication.childId,
    status: schemeApplication.status,
    identifiedOn: schemeApplication.identifiedOn,
    appliedOn: schemeApplication.appliedOn,
    sanctionedOn: schemeApplication.sanctionedOn,
    lastStepOn: schemeApplication.lastStepOn,
    amount: schemeApplication.amount,
    officerName: schemeApplication.officerName,
    villageId: schemeApplication.villageId,
    villageName: location.name,
    districtCode: schemeApplication.districtCode,
    headName: family.headName,
    headNameLocal: family.headNameLocal,
    childName: child.name,
    childNameLocal: child.nameLocal,
    version: schemeApplication.version,
  };
  const rows = await db
    .select(
      identityColumns(actor, 'schemeApplication', { childId: schemeApplication.childId, familyId: schemeApplication.familyId }, cols, [
        'headName',
        'headNameLocal',
        'childName',
        'childNameLocal',
      ]),
    )
    .from(schemeApplication)
    .innerJoin(family, eq(family.id, schemeApplication.familyId))
    .leftJoin(child, eq(child.id, schemeApplication.childId))
    .leftJoin(location, eq(location.id, schemeApplication.villageId))
    .where(where)
    .orderBy(desc(schemeApplication.lastStepOn), asc(schemeApplication.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => shapeRow(r, 'schemeApplication'));
}

export async function countApplications(db: Db, where: SQL) {
  const [r] = await db.select({ n: count() }).from(schemeApplication).where(where);
  return Number(r.n);
}

export function stepsOfMany(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as StepRow[]);
  return db
    .select()
    .from(schemeApplicationStep)
    .where(inArray(schemeApplicationStep.applicationId, ids))
    .orderBy(asc(schemeApplicationStep.applicationId), asc(schemeApplicationStep.seq));
}
