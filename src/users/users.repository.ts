import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appUser, organisation } from './users.schema';
import { jurisdictionWhere, type Actor, type ScopeLevel } from '../access/policy';
import type { Role } from '../access/roles';

export type UserRow = typeof appUser.$inferSelect;

/** The user columns an Actor is made of: what a signed-in request reads of its user (issue #19). */
export const actorColumns = {
  id: appUser.id,
  username: appUser.username,
  displayName: appUser.displayName,
  role: appUser.role,
  organisationId: appUser.organisationId,
  scopeLevel: appUser.scopeLevel,
  stateCode: appUser.stateCode,
  districtCode: appUser.districtCode,
  subdistrictCode: appUser.subdistrictCode,
  blockCode: appUser.blockCode,
  villageId: appUser.villageId,
};
export type ActorColumns = Pick<UserRow, keyof typeof actorColumns>;

export async function findUserByUsername(db: Db, username: string) {
  const [row] = await db
    .select({ user: appUser, orgKind: organisation.kind, orgName: organisation.name })
    .from(appUser)
    .leftJoin(organisation, eq(organisation.id, appUser.organisationId))
    .where(eq(appUser.username, username));
  return row ?? null;
}

export async function findUserById(db: Db, id: string) {
  const [row] = await db
    .select({ user: appUser, orgKind: organisation.kind, orgName: organisation.name })
    .from(appUser)
    .leftJoin(organisation, eq(organisation.id, appUser.organisationId))
    .where(eq(appUser.id, id));
  return row ?? null;
}

export function toActor(user: ActorColumns, orgKind: string | null, ip?: string): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    organisationId: user.organisationId,
    organisationKind: orgKind,
    scope: {
      level: user.scopeLevel as ScopeLevel,
      stateCode: user.stateCode,
      districtCode: user.districtCode,
      subdistrictCode: user.subdistrictCode,
      blockCode: user.blockCode,
      villageId: user.villageId,
    },
    ip,
  };
}

/** A user the actor manages: inside the actor's jurisdiction, decided in the query. */
export async function findUserInScope(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ user: appUser, orgKind: organisation.kind, orgName: organisation.name })
    .from(appUser)
    .leftJoin(organisation, eq(organisation.id, appUser.organisationId))
    .where(and(eq(appUser.id, id), userScopeWhere(actor)));
  return row ?? null;
}

/** The users an administrator sees and manages: those placed inside their jurisdiction. */
export function userScopeWhere(actor: Actor): SQL | undefined {
  if (actor.scope.level === 'national') return undefined;
  return jurisdictionWhere(actor, {
    stateCode: appUser.stateCode,
    districtCode: appUser.districtCode,
    subdistrictCode: appUser.subdistrictCode,
    blockCode: appUser.blockCode,
    villageId: appUser.villageId,
  });
}

/** Each user's language for messages written to them (en, hi or mr; English when unknown). */
export async function languagesOfUsers(db: Db, ids: string[]): Promise<Map<string, 'en' | 'hi' | 'mr'>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: appUser.id, language: appUser.language }).from(appUser).where(inArray(appUser.id, ids));
  return new Map(rows.map((r) => [r.id, r.language === 'hi' || r.language === 'mr' ? r.language : 'en']));
}
