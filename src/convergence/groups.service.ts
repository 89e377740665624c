import { eq } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { can, requireCovers, requirePermission, type Actor, type Placement } from '../access/policy';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { getLocation, placementOf } from '../locations/locations.repository';
import { organisation, appUser } from '../users/users.schema';
import {
  DEPARTMENT_KINDS,
  attendanceSummary,
  chairProblem,
  membersOn,
  representedDepartments,
  rolesOf,
  type ConvergenceGroup,
  type DepartmentKind,
} from './domain';
import { convergenceView } from './convergence.access';
import { istDay } from './convergence.time';
import {
  getGroup,
  insertGroup,
  insertMembers,
  listGroups,
  lockGroup,
  membersOf,
  toDomainGroup,
  updateGroup,
  updateMember,
  type GroupRow,
  type MemberRow,
} from './groups.repository';
import { meetingsOfGroups } from './meetings.repository';
import type { GroupInput, GroupPatch, MemberInput, MemberPatch } from './convergence.model';

/** A refusal with a stable code and the field it is about. */
export const refused = (status: number, code: string, message: string, field?: string) =>
  new HttpError(status, code, message, field ? [{ field, message }] : undefined);

export const placeOfGroup = (g: GroupRow): Placement => ({
  stateCode: g.stateCode,
  districtCode: g.districtCode,
  subdistrictCode: g.subdistrictCode,
  blockCode: g.blockCode,
});

/** A unique index refused the row (drizzle wraps the driver's error in `cause`). */
export const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

const isDept = (k: string | null | undefined): k is DepartmentKind => (DEPARTMENT_KINDS as readonly string[]).includes(k ?? '');

/** Loads a group the actor may see with its members, or 404. */
export async function loadGroup(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ row: GroupRow; members: MemberRow[]; group: ConvergenceGroup }> {
  const row = await getGroup(db, actor, id);
  if (!row) throw notFound('Convergence group');
  const members = await membersOf(db, [row.id]);
  return { row, members, group: toDomainGroup(row, members) };
}

function memberView(m: MemberRow, withContact: boolean) {
  return {
    id: m.id,
    department: m.department,
    name: m.name,
    designation: m.designation,
    organisationId: m.organisationId,
    userId: m.userId,
    roles: m.roles,
    since: m.since,
    until: m.until,
    ...(withContact ? { email: m.email, phone: m.phone } : {}),
  };
}

function groupView(row: GroupRow, members: MemberRow[], actor: Actor, today: string) {
  const group = toDomainGroup(row, members);
  const current = membersOn(group, today);
  const chair = current.find((m) => m.roles.includes('chair'));
  return {
    ...row,
    members: members.map((m) => memberView(m, can(actor, 'convergence.manage'))),
    memberCount: current.length,
    chairMemberId: chair?.personId ?? null,
    chair: chair
      ? { memberId: chair.personId, name: chair.name, designation: chair.designation ?? null, department: chair.department }
      : null,
    departments: representedDepartments(group, today),
  };
}

export async function listGroupsFor(ctx: AppContext, actor: Actor) {
  convergenceView(actor);
  const rows = await listGroups(ctx.db, actor);
  const members = await membersOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const today = istDay(ctx.now());
  return {
    items: rows.map((r) =>
      groupView(
        r,
        members.filter((m) => m.groupId === r.id),
        actor,
        today,
      ),
    ),
  };
}

export async function readGroup(ctx: AppContext, actor: Actor, id: string) {
  convergenceView(actor);
  const { row, members, group } = await loadGroup(ctx.db, actor, id);
  const today = istDay(ctx.now());
  const meetings = await meetingsOfGroups(ctx.db, [row.id]);
  const held = meetings.filter((m) => m.status === 'held');
  const next =
    meetings
      .filter((m) => m.status === 'scheduled' && m.meetingDate >= today)
      .sort((a, b) => a.meetingDate.localeCompare(b.meetingDate))[0] ?? null;
  return {
    ...groupView(row, members, actor, today),
    meetings: meetings
      .map((m) => ({ id: m.id, date: m.meetingDate, status: m.status, minuted: !!m.minutedAt, noteSent: !!m.noteSentAt }))
      .sort((a, b) => b.date.localeCompare(a.date)),
    nextMeeting: next ? { id: next.id, date: next.meetingDate } : null,
    attendance: attendanceSummary(
      group,
      held.map((m) => m.domain),
    ),
  };
}

/** Two seats for one person: the same name, ignoring case, spacing and dots ("Dr. A  Joshi" = "dr a joshi"). */
const sameName = (a: string, b: string) => {
  const norm = (x: string) =>
    x
      .toLocaleLowerCase('en-IN')
      .replace(/[.\s]+/g, ' ')
      .trim();
  return norm(a) === norm(b);
};

/** Checks one seat against the group before it is written. Throws a 400/409 naming the field. */
async function checkMember(
  db: Db,
  group: Pick<GroupRow, 'level' | 'stateCode' | 'districtCode'>,
  input: MemberInput,
  existing: MemberRow[],
  field: string,
): Promise<{ organisationId: string | null }> {
  let organisationId = input.organisationId ?? null;
  if (input.userId) {
    const [u] = await db
      .select({ id: appUser.id, active: appUser.active, organisationId: appUser.organisationId })
      .from(appUser)
      .where(eq(appUser.id, input.userId));
    if (!u || !u.active) throw refused(400, 'validation_failed', 'no such active user', `${field}.userId`);
    if (organisationId && u.organisationId && u.organisationId !== organisationId) {
      throw refused(
        400,
        'member_organisation_mismatch',
        'the user belongs to another organisation than the one given',
        `${field}.organisationId`,
      );
    }
    organisationId ??= u.organisationId;
    if (existing.some((m) => m.userId === input.userId && m.until === null)) {
      throw refused(409, 'already_member', 'this user already has a seat on the group', `${field}.userId`);
    }
  }
  if (organisationId) {
    const [o] = await db.select().from(organisation).where(eq(organisation.id, organisationId));
    if (!o) throw refused(400, 'validation_failed', 'no such organisation', `${field}.organisationId`);
    if (isDept(o.kind) && o.kind !== input.department) {
      throw refused(400, 'member_department_mismatch', `the organisation is ${o.kind}, not ${input.department}`, `${field}.department`);
    }
    if ((o.stateCode != null && o.stateCode !== group.stateCode) || (o.districtCode != null && o.districtCode !== group.districtCode)) {
      throw refused(400, 'organisation_outside_area', 'the organisation works in another district', `${field}.organisationId`);
    }
  }
  if (existing.some((m) => m.until === null && m.department === input.department && sameName(m.name, input.name))) {
    throw refused(409, 'duplicate_member', `${input.name.trim()} already sits on the group for ${input.department}`, `${field}.name`);
  }
  if (input.roles.includes('chair')) {
    const p = chairProblem(group.level, input.department);
    if (p) throw refused(400, p.code, p.message, `${field}.roles`);
    if (existing.some((m) => m.roles.includes('chair') && m.until === null)) {
      throw refused(409, 'chair_exists', 'the group already has a chair; end that seat first', `${field}.roles`);
    }
  }
  return { organisationId };
}

export async function createGroup(ctx: AppContext, actor: Actor, input: GroupInput) {
  requirePermission(actor, 'convergence.manage');
  const loc = await getLocation(ctx.db, input.locationId);
  if (!loc) throw badRequest('locationId', `no location "${input.locationId}"`);
  if (loc.level !== input.level) throw badRequest('locationId', `a ${input.level} group needs a ${input.level} (got a ${loc.level})`);
  const p = placementOf(loc)!;
  requireCovers(actor, p, 'group area');
  if (input.members.length && !input.members.some((m) => m.roles.includes('chair'))) {
    // A group can be created empty and filled in; but a member list without a chair is a mistake.
    throw refused(
      400,
      'chair_required',
      `the members include no chair (${input.level === 'district' ? 'the DLSA Secretary or the District Magistrate' : 'the Tahsildar, BDO or Taluka Legal Services Committee'})`,
      'members',
    );
  }
  return ctx.db.transaction(async (tx) => {
    let row: GroupRow;
    try {
      row = await insertGroup(tx, {
        stateCode: p.stateCode,
        districtCode: p.districtCode,
        subdistrictCode: p.subdistrictCode ?? null,
        blockCode: input.level === 'block' ? (p.blockCode ?? loc.lgdCode) : null,
        level: input.level,
        name: input.name,
        nameLocal: input.nameLocal ?? null,
        meetingFrequency: input.meetingFrequency,
        meetingDay: input.meetingDay ?? null,
        anchorDepartments: input.anchorDepartments,
        balPanchayatAfterDays: input.balPanchayatAfterDays,
        createdBy: actor.userId,
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw refused(409, 'group_exists', `there is already a ${input.level} convergence group for this ${input.level}`, 'locationId');
      }
      throw err;
    }
    const members: MemberRow[] = [];
    for (const [i, m] of input.members.entries()) {
      const { organisationId } = await checkMember(tx, row, m, members, `members[${i}]`);
      members.push(...(await insertMembers(tx, [memberValues(row, m, organisationId)])));
    }
    await audit(tx, actor, 'create', 'convergence_group', row.id, row, { members: members.length });
    return groupView(row, members, actor, istDay(ctx.now()));
  });
}

const memberValues = (g: GroupRow, m: MemberInput, organisationId: string | null) => ({
  groupId: g.id,
  stateCode: g.stateCode,
  districtCode: g.districtCode,
  department: m.department,
  organisationId,
  userId: m.userId ?? null,
  name: m.name,
  designation: m.designation ?? null,
  roles: [...new Set(m.roles)],
  email: m.email ?? null,
  phone: m.phone ?? null,
  since: m.since ?? null,
});

export async function patchGroup(ctx: AppContext, actor: Actor, id: string, patch: GroupPatch) {
  requirePermission(actor, 'convergence.manage');
  const { row } = await loadGroup(ctx.db, actor, id);
  requireCovers(actor, placeOfGroup(row), 'group');
  const { version, ...set } = patch;
  return ctx.db.transaction(async (tx) => {
    const updated = await updateGroup(tx, id, version, set);
    if (!updated) throw conflict(`Someone else changed this group (now version ${row.version}, you edited version ${version})`, row);
    await audit(tx, actor, 'update', 'convergence_group', id, updated, { fields: Object.keys(set) });
    return updated;
  });
}

export async function addMember(ctx: AppContext, actor: Actor, groupId: string, input: MemberInput) {
  requirePermission(actor, 'convergence.manage');
  const { row } = await loadGroup(ctx.db, actor, groupId);
  requireCovers(actor, placeOfGroup(row), 'group');
  return ctx.db.transaction(async (tx) => {
    await lockGroup(tx, groupId);
    const existing = await membersOf(tx, [groupId]);
    const { organisationId } = await checkMember(tx, row, input, existing, 'body');
    const [m] = await insertMembers(tx, [memberValues(row, input, organisationId)]);
    await audit(tx, actor, 'create', 'convergence_member', m.id, row, { groupId, department: m.department });
    return memberView(m, true);
  });
}

export async function patchMember(ctx: AppContext, actor: Actor, groupId: string, memberId: string, patch: MemberPatch) {
  requirePermission(actor, 'convergence.manage');
  const { row } = await loadGroup(ctx.db, actor, groupId);
  requireCovers(actor, placeOfGroup(row), 'group');
  return ctx.db.transaction(async (tx) => {
    await lockGroup(tx, groupId);
    const existing = await membersOf(tx, [groupId]);
    const m = existing.find((x) => x.id === memberId);
    if (!m) throw notFound('Member');
    if (patch.roles?.includes('chair') && !m.roles.includes('chair')) {
      const p = chairProblem(row.level, m.department as DepartmentKind);
      if (p) throw refused(400, p.code, p.message, 'roles');
      if (existing.some((x) => x.id !== m.id && x.roles.includes('chair') && x.until === null))
        throw refused(409, 'chair_exists', 'the group already has a chair; end that seat first', 'roles');
    }
    if (patch.until && m.since && patch.until < m.since) throw badRequest('until', 'must not be before the seat began');
    if (
      patch.name &&
      existing.some((x) => x.id !== m.id && x.until === null && x.department === m.department && sameName(x.name, patch.name!))
    ) {
      throw refused(409, 'duplicate_member', `${patch.name.trim()} already sits on the group for ${m.department}`, 'name');
    }
    const updated = await updateMember(tx, memberId, {
      ...patch,
      roles: patch.roles ? [...new Set(patch.roles)] : undefined,
      version: m.version + 1,
    });
    await audit(tx, actor, 'update', 'convergence_member', memberId, row, { groupId, fields: Object.keys(patch) });
    return memberView(updated!, true);
  });
}

/** The actor's seat on a group (by user), and the roles it carries on a date. */
export function seatOf(group: ConvergenceGroup, members: MemberRow[], actor: Actor, on: string) {
  const seat = members.find((m) => m.userId === actor.userId && (m.since === null || m.since <= on) && (m.until === null || on <= m.until));
  return { seat: seat ?? null, roles: seat ? rolesOf(group, seat.id, on) : [] };
}

/** Every group of a district (and its blocks), for reports. */
export async function groupsOfArea(db: Db, actor: Actor, groupId?: string) {
  const rows = groupId ? [await getGroup(db, actor, groupId)].filter((g): g is GroupRow => !!g) : await listGroups(db, actor);
  if (groupId && !rows.length) throw notFound('Convergence group');
  const members = await membersOf(
    db,
    rows.map((r) => r.id),
  );
  return { rows, members, groups: rows.map((r) => toDomainGroup(r, members)) };
}
