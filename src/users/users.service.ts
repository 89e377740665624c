import type { Db } from '../db/client';
import { appUser, organisation } from './users.schema';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { getLocation, placementOf } from '../locations/locations.repository';
import { covers, type Actor, type Scope } from '../access/policy';
import { ROLES, type Role } from '../access/roles';
import { HttpError, badRequest } from '../http/errors';
import { findUserByUsername } from './users.repository';
import { eq } from 'drizzle-orm';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  organisationId?: string | null;
  /** A location id ('st:27', 'di:468', 'sd:4009', 'vi:…'), or null for national. */
  jurisdictionId: string | null;
  language?: string;
}

/** Creates a user. `by` is null only for the CLI's first administrator. */
export async function createUser(db: Db, by: Actor | null, u: NewUser) {
  if (!ROLES.includes(u.role)) throw badRequest('role', `must be one of ${ROLES.join(', ')}`);
  if (!/^[a-z0-9._-]{3,40}$/.test(u.username)) throw badRequest('username', 'use 3–40 lowercase letters, digits, dot, dash or underscore');
  const problem = passwordProblem(u.password, { username: u.username });
  if (problem) throw badRequest('password', problem);
  let scope: Scope = { level: 'national' };
  if (u.jurisdictionId) {
    const loc = await getLocation(db, u.jurisdictionId);
    if (!loc) throw badRequest('jurisdictionId', `no location "${u.jurisdictionId}"`);
    scope = {
      level: loc.level,
      stateCode: loc.stateCode,
      districtCode: loc.districtCode,
      subdistrictCode: loc.subdistrictCode,
      blockCode: loc.blockCode,
      villageId: loc.level === 'village' ? loc.id : null,
    };
  }
  if (by) {
    // An administrator can only create users inside their own jurisdiction.
    const p = u.jurisdictionId ? placementOf((await getLocation(db, u.jurisdictionId))!) : null;
    const inside = by.scope.level === 'national' || (p ? covers(by.scope, p) : false) || (scope.level === 'state' && by.scope.level === 'state' && by.scope.stateCode === scope.stateCode);
    if (!inside) throw new HttpError(403, 'outside_jurisdiction', 'You can only create users inside your own jurisdiction');
  }
  if (u.organisationId) {
    const [org] = await db.select().from(organisation).where(eq(organisation.id, u.organisationId));
    if (!org) throw badRequest('organisationId', 'no such organisation');
  }
  if (await findUserByUsername(db, u.username)) throw new HttpError(409, 'username_taken', `username "${u.username}" is already taken`, [{ field: 'username', message: 'is already taken' }]);
  const [row] = await db
    .insert(appUser)
    .values({
      username: u.username,
      displayName: u.displayName,
      passwordHash: await hashPassword(u.password),
      role: u.role,
      organisationId: u.organisationId ?? null,
      scopeLevel: scope.level,
      jurisdictionId: u.jurisdictionId,
      stateCode: scope.stateCode ?? null,
      districtCode: scope.districtCode ?? null,
      subdistrictCode: scope.subdistrictCode ?? null,
      blockCode: scope.blockCode ?? null,
      villageId: scope.villageId ?? null,
      language: u.language ?? 'en',
    })
    .returning({ id: appUser.id, username: appUser.username, role: appUser.role, scopeLevel: appUser.scopeLevel, jurisdictionId: appUser.jurisdictionId });
  return row;
}

export async function createOrganisation(db: Db, o: { name: string; kind: string; stateCode?: number | null; districtCode?: number | null }) {
  const [row] = await db.insert(organisation).values(o).returning();
  return row;
}
