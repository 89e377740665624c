import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { permittedColumns, rowsWhere, shapeRow } from '../access/fields';
import { child } from '../registry/registry.schema';
import { organisation } from '../users/users.schema';
import { careInspection, careInstitution, carePlan, carePlanReview, careStay, careStayEvent } from './care.schema';

/**
 * The care module's queries. Every read of a child's stay or plan selects through the
 * permitted-fields policy (`permittedColumns`, `rowsWhere`: src/access/fields.ts), so a field a
 * role may not read, or a row outside its jurisdiction, never leaves the database.
 */
export type InstitutionRow = typeof careInstitution.$inferSelect & {
  name: string;
  nameLocal: string | null;
  kind: string;
  active: boolean;
};
export type StayRow = typeof careStay.$inferSelect;

/** The place columns of a care table, for the row rules (`rowsWhere`, src/access/fields.ts). */
export function scopeOf(t: {
  stateCode: AnyPgColumn;
  districtCode: AnyPgColumn;
  subdistrictCode?: AnyPgColumn;
  blockCode?: AnyPgColumn;
  villageId?: AnyPgColumn;
}) {
  return {
    stateCode: t.stateCode,
    districtCode: t.districtCode,
    subdistrictCode: t.subdistrictCode,
    blockCode: t.blockCode,
    villageId: t.villageId,
  };
}

/** A CCI's staff see their own institution only (the institutions list is organisational, not a child's record). */
export function ownInstitutionOnly(actor: Actor): SQL | undefined {
  return actor.role === 'cci_staff'
    ? actor.organisationId
      ? eq(careInstitution.organisationId, actor.organisationId)
      : sql`false`
    : undefined;
}

/** Institutions are not children's records: the jurisdiction rule still scopes who lists them. */
export async function listInstitutions(db: Db, where: SQL | undefined): Promise<InstitutionRow[]> {
  const rows = await db
    .select({
      i: careInstitution,
      name: organisation.name,
      nameLocal: organisation.nameLocal,
      kind: organisation.kind,
      active: organisation.active,
    })
    .from(careInstitution)
    .innerJoin(organisation, eq(organisation.id, careInstitution.organisationId))
    .where(where)
    .orderBy(asc(careInstitution.districtCode), asc(organisation.name));
  return rows.map((r) => ({ ...r.i, name: r.name, nameLocal: r.nameLocal, kind: r.kind, active: r.active }));
}

export async function lockInstitution(db: Db, id: string) {
  const [row] = await db.select().from(careInstitution).where(eq(careInstitution.organisationId, id)).for('update');
  return row ?? null;
}

/** Children in care now (not left), per institution: sex and age band for the capacity slots. */
export async function openStaysOf(db: Db, institutionIds: string[]) {
  if (!institutionIds.length) return [];
  return db
    .select({ institutionId: careStay.institutionId, sex: careStay.sex, ageBand: careStay.ageBand, status: careStay.status })
    .from(careStay)
    .where(and(inArray(careStay.institutionId, institutionIds), ne(careStay.status, 'left')));
}

/** Stays the actor may see, shaped by the policy (names as initials under a non-disclosure order). */
export async function selectStays(db: Db, actor: Actor, today: string, extra: SQL[], limit = 500) {
  const rows = await db
    .select(permittedColumns(actor, 'careStay', { today }))
    .from(careStay)
    .innerJoin(child, eq(child.id, careStay.childId))
    .innerJoin(organisation, eq(organisation.id, careStay.institutionId))
    .where(and(rowsWhere(actor, 'careStay', { ...scopeOf(careStay), organisation: careStay.institutionId }), ...extra))
    .orderBy(desc(careStay.admittedOn), asc(careStay.id))
    .limit(limit);
  return rows.map((r) => shapeRow(r as Record<string, unknown>, 'careStay', actor));
}

export async function lockStay(db: Db, id: string): Promise<StayRow | null> {
  const [row] = await db.select().from(careStay).where(eq(careStay.id, id)).for('update');
  return row ?? null;
}

export function stayEvents(db: Db, stayIds: string[]) {
  if (!stayIds.length) return Promise.resolve([]);
  return db
    .select({
      stayId: careStayEvent.stayId,
      type: careStayEvent.type,
      on: careStayEvent.onDay,
      detail: careStayEvent.detail,
      at: careStayEvent.at,
    })
    .from(careStayEvent)
    .where(inArray(careStayEvent.stayId, stayIds))
    .orderBy(asc(careStayEvent.id));
}

export async function selectPlans(db: Db, actor: Actor, today: string, extra: SQL[]) {
  const rows = await db
    .select(permittedColumns(actor, 'carePlan', { today }))
    .from(carePlan)
    .where(and(rowsWhere(actor, 'carePlan', { ...scopeOf(carePlan), organisation: carePlan.institutionId }), ...extra));
  return rows.map((r) => shapeRow(r as Record<string, unknown>, 'carePlan', actor));
}

export function reviewsOf(db: Db, planIds: string[]) {
  if (!planIds.length) return Promise.resolve([]);
  return db.select().from(carePlanReview).where(inArray(carePlanReview.planId, planIds)).orderBy(asc(carePlanReview.reviewedOn));
}

export async function selectInspections(db: Db, actor: Actor, today: string, institutionId: string) {
  return db
    .select(permittedColumns(actor, 'careInspection', { today }))
    .from(careInspection)
    .where(
      and(
        rowsWhere(actor, 'careInspection', { ...scopeOf(careInspection), organisation: careInspection.institutionId }),
        eq(careInspection.institutionId, institutionId),
      ),
    )
    .orderBy(desc(careInspection.inspectedOn));
}
