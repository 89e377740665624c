import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, type Actor } from '../access/policy';
import { location } from '../locations/locations.schema';
import { appUser, organisation, type OrganisationLevel } from './users.schema';

export type OrganisationRow = typeof organisation.$inferSelect;
export type NewOrganisationRow = typeof organisation.$inferInsert;

/** The organisations an administrator sees: those placed inside their jurisdiction, in SQL. */
export function organisationScopeWhere(actor: Actor): SQL {
  return jurisdictionWhere(actor, {
    stateCode: organisation.stateCode,
    districtCode: organisation.districtCode,
    subdistrictCode: organisation.subdistrictCode,
    blockCode: organisation.blockCode,
    villageId: organisation.villageId,
  });
}

const memberCount = sql<number>`(SELECT count(*)::int FROM app_user u WHERE u.organisation_id = ${organisation.id} AND u.active)`;

const listColumns = {
  id: organisation.id,
  name: organisation.name,
  nameLocal: organisation.nameLocal,
  kind: organisation.kind,
  level: organisation.level,
  placeId: organisation.placeId,
  placeName: location.name,
  placeNameLocal: location.nameLocal,
  stateCode: organisation.stateCode,
  districtCode: organisation.districtCode,
  subdistrictCode: organisation.subdistrictCode,
  blockCode: organisation.blockCode,
  villageId: organisation.villageId,
  registration: organisation.registration,
  active: organisation.active,
  version: organisation.version,
  createdAt: organisation.createdAt,
  memberCount,
};

export interface OrganisationFilter {
  level?: OrganisationLevel;
  kind?: string;
  districtCode?: number;
  active?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listOrganisationsIn(db: Db, actor: Actor, f: OrganisationFilter) {
  const where = and(
    organisationScopeWhere(actor),
    f.level ? eq(organisation.level, f.level) : undefined,
    f.kind ? eq(organisation.kind, f.kind) : undefined,
    f.districtCode ? eq(organisation.districtCode, f.districtCode) : undefined,
    f.active === undefined ? undefined : eq(organisation.active, f.active),
    f.q ? ilike(organisation.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db
      .select(listColumns)
      .from(organisation)
      .leftJoin(location, eq(location.id, organisation.placeId))
      .where(where)
      // The hierarchy from the top: state, district, taluka, block, village; then by name.
      .orderBy(
        sql`array_position(ARRAY['national','state','district','subdistrict','block','village']::text[], ${organisation.level})`,
        asc(organisation.name),
        asc(organisation.id),
      )
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(organisation)
      .where(where),
  ]);
  return { items, total: Number(total) };
}

/** One organisation inside the actor's jurisdiction (null outside it: the two look the same). */
export async function findOrganisationIn(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select(listColumns)
    .from(organisation)
    .leftJoin(location, eq(location.id, organisation.placeId))
    .where(and(eq(organisation.id, id), organisationScopeWhere(actor)));
  return row ?? null;
}

export async function findOrganisationById(db: Db, id: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisation).where(eq(organisation.id, id));
  return row ?? null;
}

/** Active organisations of a kind at exactly this place (a state has one SCPS, a village one VCPC). */
export async function activeOfKindAt(db: Db, kind: string, placeId: string) {
  return db
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(eq(organisation.kind, kind), eq(organisation.placeId, placeId), eq(organisation.active, true)));
}

/** The active users of these units, by name: a unit's staff to choose from (e.g. the 1098 responder picker). */
export async function activeUsersOfUnits(db: Db, unitIds: string[]) {
  if (!unitIds.length) return [];
  return db
    .select({ id: appUser.id, displayName: appUser.displayName, role: appUser.role, organisationId: appUser.organisationId })
    .from(appUser)
    .where(and(inArray(appUser.organisationId, unitIds), eq(appUser.active, true)))
    .orderBy(asc(appUser.displayName), asc(appUser.id));
}

export async function sameNameAt(db: Db, name: string, placeId: string, exceptId?: string) {
  const [row] = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(
      and(
        sql`lower(${organisation.name}) = lower(${name})`,
        eq(organisation.placeId, placeId),
        exceptId ? sql`${organisation.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function insertOrganisation(db: Db, values: NewOrganisationRow) {
  const [row] = await db.insert(organisation).values(values).returning({ id: organisation.id });
  return row;
}

/** Compare-and-set on the version: null when someone else changed it first. */
export async function updateOrganisation(db: Db, id: string, version: number, set: Partial<NewOrganisationRow>) {
  const [row] = await db
    .update(organisation)
    .set({ ...set, version: sql`${organisation.version} + 1` })
    .where(and(eq(organisation.id, id), eq(organisation.version, version)))
    .returning({ id: organisation.id, version: organisation.version });
  return row ?? null;
}

/** The users an administrator manages: those whose jurisdiction lies inside theirs, in SQL. */
export function usersAdministeredWhere(actor: Actor): SQL | undefined {
  if (actor.scope.level === 'national') return undefined;
  return jurisdictionWhere(actor, {
    stateCode: appUser.stateCode,
    districtCode: appUser.districtCode,
    subdistrictCode: appUser.subdistrictCode,
    blockCode: appUser.blockCode,
    villageId: appUser.villageId,
  });
}

export async function findUserAdministered(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(appUser)
    .where(and(eq(appUser.id, id), usersAdministeredWhere(actor)));
  return row ?? null;
}

/** The users of an organisation that the administrator manages (inside their jurisdiction). */
export async function listMembers(db: Db, actor: Actor, organisationId: string) {
  const inScope = usersAdministeredWhere(actor);
  return db
    .select({
      id: appUser.id,
      username: appUser.username,
      displayName: appUser.displayName,
      role: appUser.role,
      scopeLevel: appUser.scopeLevel,
      jurisdictionId: appUser.jurisdictionId,
      jurisdictionName: location.name,
      active: appUser.active,
      version: appUser.version,
    })
    .from(appUser)
    .leftJoin(location, eq(location.id, appUser.jurisdictionId))
    .where(and(eq(appUser.organisationId, organisationId), inScope))
    .orderBy(asc(appUser.username))
    .limit(500);
}
