import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor, Scope } from '../access/policy';
import { coversPlace, requireAdministers, roleLevelProblem, type HierarchyPlace } from '../access/administration';
import { ROLES, type Role } from '../access/roles';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { getLocation } from '../locations/locations.repository';
import { audit } from '../audit/audit.service';
import { appUser } from './users.schema';
import { findOrganisationById, findUserAdministered } from './organisations.repository';
import { organisationArea } from './organisations.service';

/**
 * A user's place in the hierarchy: their role, the organisation they belong to and their
 * jurisdiction, given together and checked together (src/access/administration.ts):
 * - the jurisdiction exists, and fits the role (an SCPS officer works a whole state);
 * - the administrator's own jurisdiction takes it in (403 naming `jurisdictionId`);
 * - the organisation exists, is active, is the administrator's to staff (403 naming
 *   `organisationId`), and the user's jurisdiction lies inside the organisation's area (a
 *   VCPC member works their village, not the district).
 */
export interface Assignment {
  role: Role;
  organisationId?: string | null;
  /** A location id ('st:27', 'di:468', 'sd:4009', 'bl:4299', 'vi:…'), or null for national. */
  jurisdictionId: string | null;
}

/** `by` is null only for the command line's operator (the first administrator of a deployment). */
export async function checkAssignment(db: Db, by: Actor | null, a: Assignment): Promise<{ scope: Scope }> {
  if (!ROLES.includes(a.role)) throw badRequest('role', `must be one of ${ROLES.join(', ')}`);
  let scope: Scope = { level: 'national' };
  if (a.jurisdictionId) {
    const loc = await getLocation(db, a.jurisdictionId);
    if (!loc) throw badRequest('jurisdictionId', `no location "${a.jurisdictionId}"`);
    scope = {
      level: loc.level,
      stateCode: loc.stateCode,
      districtCode: loc.districtCode,
      subdistrictCode: loc.subdistrictCode,
      blockCode: loc.blockCode,
      villageId: loc.level === 'village' ? loc.id : null,
    };
  }
  const levelProblem = roleLevelProblem(a.role, scope.level);
  if (levelProblem) throw badRequest('role', levelProblem);
  // An administrator places users only inside their own jurisdiction; so an administrator they
  // make is never above them (a district administrator cannot make a state-wide one).
  if (by) requireAdministers(by.scope, scope as HierarchyPlace, 'jurisdictionId', 'jurisdiction');
  if (a.organisationId) {
    const org = await findOrganisationById(db, a.organisationId);
    if (!org) throw badRequest('organisationId', 'no such organisation');
    if (!org.active) throw badRequest('organisationId', 'the organisation is inactive');
    const area = organisationArea(org);
    if (by) requireAdministers(by.scope, area, 'organisationId', 'organisation');
    if (!coversPlace(area as Scope, scope as HierarchyPlace)) {
      throw badRequest('jurisdictionId', `must lie within the area of the organisation (${org.kind} at ${org.placeId ?? org.level})`);
    }
  }
  return { scope };
}

export interface AssignmentPatch {
  version: number;
  role?: Role;
  organisationId?: string | null;
  jurisdictionId?: string | null;
  displayName?: string;
}

/** Changes a user's role, organisation, jurisdiction or name; a stale version gets 409. */
export async function reassignUser(db: Db, by: Actor, id: string, p: AssignmentPatch) {
  // Outside the administrator's jurisdiction a user is "not found", as records are.
  const cur = await findUserAdministered(db, by, id);
  if (!cur) throw notFound('User');
  if (cur.id === by.userId) {
    throw new HttpError(409, 'own_account', 'Another administrator changes your own role and jurisdiction', [
      { field: 'id', message: 'is your own account' },
    ]);
  }
  const next: Assignment = {
    role: p.role ?? (cur.role as Role),
    organisationId: p.organisationId !== undefined ? p.organisationId : cur.organisationId,
    jurisdictionId: p.jurisdictionId !== undefined ? p.jurisdictionId : cur.jurisdictionId,
  };
  const { scope } = await checkAssignment(db, by, next);
  const [row] = await db
    .update(appUser)
    .set({
      role: next.role,
      organisationId: next.organisationId ?? null,
      displayName: p.displayName ?? cur.displayName,
      scopeLevel: scope.level,
      jurisdictionId: next.jurisdictionId,
      stateCode: scope.stateCode ?? null,
      districtCode: scope.districtCode ?? null,
      subdistrictCode: scope.subdistrictCode ?? null,
      blockCode: scope.blockCode ?? null,
      villageId: scope.villageId ?? null,
      version: sql`${appUser.version} + 1`,
    })
    .where(and(eq(appUser.id, id), eq(appUser.version, p.version)))
    .returning();
  if (!row) throw conflict('The user was changed by someone else; reload and try again', assignmentView(cur));
  const changed = (['role', 'organisationId', 'jurisdictionId', 'displayName'] as const).filter((k) => cur[k] !== row[k]);
  // Roles and place codes only: never the person's name (it is a user, but the log is read widely).
  await audit(
    db,
    by,
    'user_assigned',
    'user',
    id,
    { stateCode: row.stateCode ?? undefined, districtCode: row.districtCode ?? undefined },
    {
      changed,
      fromRole: cur.role,
      toRole: row.role,
      fromJurisdiction: cur.jurisdictionId,
      toJurisdiction: row.jurisdictionId,
      organisationId: row.organisationId,
    },
  );
  return assignmentView(row);
}

export function assignmentView(u: typeof appUser.$inferSelect) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    organisationId: u.organisationId,
    scopeLevel: u.scopeLevel,
    jurisdictionId: u.jurisdictionId,
    active: u.active,
    version: u.version,
  };
}
