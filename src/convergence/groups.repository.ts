import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import type { ConvergenceGroup, DepartmentKind, GroupRole } from './domain';
import { convergenceGroup, convergenceMember } from './convergence.schema';
import { groupInJurisdiction } from './convergence.access';

export type GroupRow = typeof convergenceGroup.$inferSelect;
export type MemberRow = typeof convergenceMember.$inferSelect;

export function listGroups(db: Db, actor: Actor, extra?: SQL) {
  return db
    .select()
    .from(convergenceGroup)
    .where(and(groupInJurisdiction(actor), extra))
    .orderBy(asc(convergenceGroup.districtCode), asc(convergenceGroup.level), asc(convergenceGroup.name));
}

export async function getGroup(db: Db, actor: Actor, id: string): Promise<GroupRow | null> {
  const [row] = await db
    .select()
    .from(convergenceGroup)
    .where(and(eq(convergenceGroup.id, id), groupInJurisdiction(actor)));
  return row ?? null;
}

/** Row lock on the group: serialises changes to its membership and meetings. */
export async function lockGroup(db: Db, id: string): Promise<GroupRow | null> {
  const [row] = await db.select().from(convergenceGroup).where(eq(convergenceGroup.id, id)).for('update');
  return row ?? null;
}

export async function insertGroup(db: Db, values: typeof convergenceGroup.$inferInsert) {
  const [row] = await db.insert(convergenceGroup).values(values).returning();
  return row;
}

export async function updateGroup(db: Db, id: string, version: number, set: Partial<typeof convergenceGroup.$inferInsert>) {
  const [row] = await db
    .update(convergenceGroup)
    .set({ ...set, version: version + 1, updatedAt: new Date() })
    .where(and(eq(convergenceGroup.id, id), eq(convergenceGroup.version, version)))
    .returning();
  return row ?? null;
}

export function membersOf(db: Db, groupIds: string[]) {
  if (!groupIds.length) return Promise.resolve([] as MemberRow[]);
  return db
    .select()
    .from(convergenceMember)
    .where(inArray(convergenceMember.groupId, groupIds))
    .orderBy(asc(convergenceMember.createdAt), asc(convergenceMember.id));
}

export async function insertMembers(db: Db, values: (typeof convergenceMember.$inferInsert)[]) {
  if (!values.length) return [];
  return db.insert(convergenceMember).values(values).returning();
}

export async function updateMember(db: Db, id: string, set: Partial<typeof convergenceMember.$inferInsert>) {
  const [row] = await db.update(convergenceMember).set(set).where(eq(convergenceMember.id, id)).returning();
  return row ?? null;
}

/** The group as the pure domain sees it. */
export function toDomainGroup(g: GroupRow, members: MemberRow[]): ConvergenceGroup {
  return {
    id: g.id,
    name: g.name,
    level: g.level,
    areaCode: String(g.level === 'block' ? g.blockCode : g.districtCode),
    members: members
      .filter((m) => m.groupId === g.id)
      .map((m) => ({
        personId: m.id,
        name: m.name,
        designation: m.designation ?? undefined,
        department: m.department as DepartmentKind,
        roles: m.roles as GroupRole[],
        since: m.since ?? undefined,
        until: m.until ?? undefined,
      })),
  };
}
