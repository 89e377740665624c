import type { Db } from '../db/client';
import { appUser } from './users.schema';
import { hashPassword, passwordProblem } from '../auth/passwords';
import type { Actor } from '../access/policy';
import { ROLES, type Role } from '../access/roles';
import { HttpError, badRequest } from '../http/errors';
import { findUserByUsername } from './users.repository';
import { checkAssignment } from './assignments.service';

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
  // Role, organisation and jurisdiction are checked together, inside the creator's jurisdiction.
  const { scope } = await checkAssignment(db, by, u);
  if (await findUserByUsername(db, u.username))
    throw new HttpError(409, 'username_taken', `username "${u.username}" is already taken`, [
      { field: 'username', message: 'is already taken' },
    ]);
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
    .returning({
      id: appUser.id,
      username: appUser.username,
      role: appUser.role,
      scopeLevel: appUser.scopeLevel,
      jurisdictionId: appUser.jurisdictionId,
    });
  return row;
}
