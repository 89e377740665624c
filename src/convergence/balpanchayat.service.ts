import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { can, jurisdictionWhere, requireCovers, type Actor } from '../access/policy';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { publish } from '../events/events';
import { getLocation, placementOf } from '../locations/locations.repository';
import { location } from '../locations/locations.schema';
import { child, family } from '../registry/registry.schema';
import { addDays } from './domain';
import { issueInJurisdiction } from './convergence.access';
import { balPanchayatIssue, convergenceAction, convergenceDiscussion, convergenceGroup, convergenceMeeting } from './convergence.schema';
import { istDay } from './convergence.time';
import type { IssueInput } from './convergence.model';

/**
 * Bal Panchayat (children's council) issues. A council records what the children raised —
 * a child out of school, a family in distress, a village problem; the VCPC takes it up; if
 * it is not solved within the group's N days, or the VCPC escalates it, it comes onto the
 * convergence group's agenda (agenda.sources.ts). The council then sees what became of it:
 * the status, the group's decision, which departments were given what to do by when, and
 * the outcome. No child's name is asked for; a linked child is shown to registry readers
 * only, as an id (JJ Act 2015 s.74).
 */
type IssueRow = typeof balPanchayatIssue.$inferSelect;

function requireIssueReader(actor: Actor) {
  if (!can(actor, 'balpanchayat.write') && !can(actor, 'convergence.read')) {
    throw new HttpError(403, 'forbidden', `Your role (${actor.role}) may not see Bal Panchayat issues`);
  }
}
function requireIssueWriter(actor: Actor) {
  if (!can(actor, 'balpanchayat.write') && !can(actor, 'convergence.manage')) {
    throw new HttpError(403, 'forbidden', `Your role (${actor.role}) may not record Bal Panchayat issues (needs balpanchayat.write)`);
  }
}

async function trailOf(db: Db, issueIds: string[]) {
  if (!issueIds.length) return { discussions: [], actions: [] };
  const [discussions, actions] = await Promise.all([
    db
      .select({
        issueId: convergenceDiscussion.issueId,
        decision: convergenceDiscussion.decision,
        meetingDate: convergenceMeeting.meetingDate,
        group: convergenceGroup.name,
      })
      .from(convergenceDiscussion)
      .innerJoin(convergenceMeeting, eq(convergenceMeeting.id, convergenceDiscussion.meetingId))
      .innerJoin(convergenceGroup, eq(convergenceGroup.id, convergenceDiscussion.groupId))
      .where(inArray(convergenceDiscussion.issueId, issueIds))
      .orderBy(asc(convergenceMeeting.meetingDate)),
    db
      .select({
        issueId: convergenceAction.issueId,
        department: convergenceAction.department,
        dueDate: convergenceAction.dueDate,
        status: convergenceAction.status,
        doneOn: convergenceAction.doneOn,
      })
      .from(convergenceAction)
      .where(inArray(convergenceAction.issueId, issueIds))
      .orderBy(asc(convergenceAction.dueDate)),
  ]);
  return { discussions, actions };
}

async function afterDaysFor(db: Db, rows: IssueRow[]) {
  const districts = [...new Set(rows.map((r) => r.districtCode))];
  if (!districts.length) return new Map<string, number>();
  const groups = await db.select().from(convergenceGroup).where(inArray(convergenceGroup.districtCode, districts));
  const out = new Map<string, number>();
  for (const r of rows) {
    const g =
      groups.find((x) => x.level === 'block' && x.districtCode === r.districtCode && x.blockCode === r.blockCode) ??
      groups.find((x) => x.level === 'district' && x.districtCode === r.districtCode);
    if (g) out.set(r.id, g.balPanchayatAfterDays);
  }
  return out;
}

async function issueViews(db: Db, actor: Actor, rows: (IssueRow & { villageName: string })[], today: string) {
  const trail = await trailOf(
    db,
    rows.map((r) => r.id),
  );
  const after = await afterDaysFor(db, rows);
  const seesChild = can(actor, 'registry.read');
  return rows.map((r) => {
    const n = after.get(r.id);
    return {
      id: r.id,
      village: { id: r.villageId, name: r.villageName },
      councilName: r.councilName,
      category: r.category,
      summary: r.summary,
      raisedOn: r.raisedOn,
      status: r.status,
      escalatedOn: r.escalatedOn,
      escalationReason: r.escalationReason,
      resolvedOn: r.resolvedOn,
      resolvedBy: r.resolvedBy,
      outcome: r.outcome,
      childLinked: r.childId !== null,
      ...(seesChild ? { childId: r.childId, familyId: r.familyId } : {}),
      /** When an unsolved issue goes to the group by itself (raised + N days), if a group exists. */
      toGroupOn: n === undefined || r.status === 'resolved' ? null : addDays(r.raisedOn, n),
      daysOpen: r.status === 'resolved' ? null : Math.max(0, Math.round((Date.parse(today) - Date.parse(r.raisedOn)) / 86_400_000)),
      discussions: trail.discussions.filter((d) => d.issueId === r.id).map(({ issueId: _i, ...d }) => d),
      actions: trail.actions
        .filter((a) => a.issueId === r.id)
        .map(({ issueId: _i, ...a }) => ({ ...a, overdue: a.status !== 'done' && a.dueDate < today })),
      version: r.version,
    };
  });
}

const withVillage = { issue: balPanchayatIssue, villageName: location.name };

export async function listIssues(
  ctx: AppContext,
  actor: Actor,
  q: { status?: IssueRow['status']; villageId?: string; page: number; pageSize: number },
) {
  requireIssueReader(actor);
  const conds: (SQL | undefined)[] = [issueInJurisdiction(actor)];
  if (q.status) conds.push(eq(balPanchayatIssue.status, q.status));
  if (q.villageId) conds.push(eq(balPanchayatIssue.villageId, q.villageId));
  const where = and(...conds)!;
  const [rows, [{ n }]] = await Promise.all([
    ctx.db
      .select(withVillage)
      .from(balPanchayatIssue)
      .innerJoin(location, eq(location.id, balPanchayatIssue.villageId))
      .where(where)
      .orderBy(desc(balPanchayatIssue.raisedOn), asc(balPanchayatIssue.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(balPanchayatIssue).where(where),
  ]);
  const items = await issueViews(
    ctx.db,
    actor,
    rows.map((r) => ({ ...r.issue, villageName: r.villageName })),
    istDay(ctx.now()),
  );
  await audit(
    ctx.db,
    actor,
    'list',
    'bal_panchayat_issue',
    null,
    null,
    { ids: items.map((i) => i.id), total: Number(n) },
    { children: rows.map((r) => r.issue.childId), families: rows.map((r) => r.issue.familyId) },
  );
  return { items, total: Number(n), page: q.page, pageSize: q.pageSize };
}

async function loadIssue(db: Db, actor: Actor, id: string) {
  const [r] = await db
    .select(withVillage)
    .from(balPanchayatIssue)
    .innerJoin(location, eq(location.id, balPanchayatIssue.villageId))
    .where(and(eq(balPanchayatIssue.id, id), issueInJurisdiction(actor)));
  if (!r) throw notFound('Issue');
  return { ...r.issue, villageName: r.villageName };
}

export async function readIssue(ctx: AppContext, actor: Actor, id: string) {
  requireIssueReader(actor);
  const row = await loadIssue(ctx.db, actor, id);
  await audit(
    ctx.db,
    actor,
    'read',
    'bal_panchayat_issue',
    id,
    row,
    { childId: row.childId, familyId: row.familyId },
    { children: [row.childId], families: [row.familyId] },
  );
  return (await issueViews(ctx.db, actor, [row], istDay(ctx.now())))[0];
}

export async function raiseIssue(ctx: AppContext, actor: Actor, input: IssueInput) {
  requireIssueWriter(actor);
  const loc = await getLocation(ctx.db, input.villageId);
  if (!loc || loc.level !== 'village') throw badRequest('villageId', 'choose the village whose Bal Panchayat raised the issue');
  const p = placementOf(loc)!;
  requireCovers(actor, p, 'village');
  const today = istDay(ctx.now());
  const raisedOn = input.raisedOn ?? today;
  if (raisedOn > today) throw badRequest('raisedOn', 'must not be in the future');
  let childId: string | null = null;
  let familyId: string | null = input.familyId ?? null;
  if (input.childId) {
    const [k] = await ctx.db
      .select({ id: child.id, familyId: child.familyId, districtCode: child.districtCode })
      .from(child)
      .where(and(eq(child.id, input.childId), jurisdictionWhere(actor, child)));
    if (!k || k.districtCode !== p.districtCode) throw badRequest('childId', 'no such child in your jurisdiction and this district');
    childId = k.id;
    if (familyId && k.familyId && familyId !== k.familyId) throw badRequest('familyId', "is not the child's family");
    familyId ??= k.familyId;
  }
  if (familyId && !input.childId) {
    const [f] = await ctx.db
      .select({ id: family.id, districtCode: family.districtCode })
      .from(family)
      .where(and(eq(family.id, familyId), jurisdictionWhere(actor, family)));
    if (!f || f.districtCode !== p.districtCode) throw badRequest('familyId', 'no such family in your jurisdiction and this district');
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(balPanchayatIssue)
      .values({
        stateCode: p.stateCode,
        districtCode: p.districtCode,
        subdistrictCode: p.subdistrictCode ?? null,
        blockCode: p.blockCode ?? null,
        villageId: loc.id,
        councilName: input.councilName ?? `Bal Panchayat, ${loc.name}`,
        category: input.category,
        summary: input.summary,
        raisedOn,
        raisedBy: actor.userId,
        childId,
        familyId,
      })
      .returning();
    await audit(
      tx,
      actor,
      'create',
      'bal_panchayat_issue',
      row.id,
      row,
      { childId, familyId },
      { children: [childId], families: [familyId] },
    );
    await publish(tx, {
      type: 'balpanchayat.issue_raised',
      aggregateType: 'bal_panchayat_issue',
      aggregateId: row.id,
      actorUserId: actor.userId,
      stateCode: row.stateCode,
      districtCode: row.districtCode,
      at: ctx.now(),
      payload: {
        issueId: row.id,
        category: row.category,
        raisedOn: String(row.raisedOn),
        place: placementOf(loc)!,
        childId: row.childId ?? null,
      },
    });
    return (await issueViews(tx, actor, [{ ...row, villageName: loc.name }], today))[0];
  });
}

async function changeIssue(
  ctx: AppContext,
  actor: Actor,
  id: string,
  verb: string,
  change: (row: IssueRow, today: string) => Partial<IssueRow>,
) {
  requireIssueWriter(actor);
  const current = await loadIssue(ctx.db, actor, id);
  requireCovers(actor, current, 'village');
  const today = istDay(ctx.now());
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(balPanchayatIssue).where(eq(balPanchayatIssue.id, id)).for('update');
    const set = change(row, today);
    const [updated] = await tx
      .update(balPanchayatIssue)
      .set({ ...set, updatedAt: new Date(), version: row.version + 1 })
      .where(eq(balPanchayatIssue.id, id))
      .returning();
    await audit(
      tx,
      actor,
      'update',
      'bal_panchayat_issue',
      id,
      row,
      { event: verb, childId: row.childId, familyId: row.familyId },
      { children: [row.childId], families: [row.familyId] },
    );
    return (await issueViews(tx, actor, [{ ...updated, villageName: current.villageName }], today))[0];
  });
}

/** The VCPC could not solve it: it goes to the group's next meeting without waiting N days. */
export function escalateIssue(ctx: AppContext, actor: Actor, id: string, input: { reason: string; on?: string }) {
  return changeIssue(ctx, actor, id, 'escalated', (row, today) => {
    if (row.status !== 'with_vcpc') throw conflict(`Only an issue still with the VCPC can be escalated (this one is ${row.status})`);
    const on = input.on ?? today;
    if (on > today || on < row.raisedOn) throw badRequest('on', 'must be between the day it was raised and today');
    return { status: 'escalated', escalatedOn: on, escalationReason: input.reason };
  });
}

/** Solved: by the VCPC (still in the village) or after the group took it up. */
export function resolveIssue(ctx: AppContext, actor: Actor, id: string, input: { outcome: string; on?: string }) {
  return changeIssue(ctx, actor, id, 'resolved', (row, today) => {
    if (row.status === 'resolved') throw conflict('The issue is already resolved');
    const on = input.on ?? today;
    if (on > today || on < row.raisedOn) throw badRequest('on', 'must be between the day it was raised and today');
    return { status: 'resolved', resolvedOn: on, resolvedBy: row.status === 'on_agenda' ? 'group' : 'vcpc', outcome: input.outcome };
  });
}
