import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { location } from '../locations/locations.schema';
import { caseAction, caseRecord } from '../cases/cases.schema';
import { caseVisibleWhere } from '../cases/cases.access';
import { casesFlaggedForConvergence } from '../cases/cases.repository';
import { organisation } from '../users/users.schema';
import type { AgendaInputs, BalPanchayatIssue, EscalatedCase, FlaggedCase, IsoDate } from './domain';
import { balPanchayatIssue, convergenceDiscussion, convergenceGroup, convergenceMeeting } from './convergence.schema';
import { istDay, subjectRef } from './convergence.time';
import type { GroupRow } from './groups.repository';
import { actionsOfGroups } from './actions.repository';

/** What an agenda line points at, for the meeting page to link (full view only). */
export interface AgendaSubject {
  caseId?: string;
  familyId?: string | null;
  childId?: string | null;
  issueId?: string;
}

/**
 * Gathers what the domain's `buildAgenda` needs for one meeting of a group:
 * - cases flagged for the group by the case module (`casesFlaggedForConvergence`, its
 *   access rule applied) — a flag is answered once the case was discussed at a meeting of
 *   this group on or after the flag;
 * - cases escalated to the group's level (district or block) and still waiting;
 * - the group's action items (overdue ones roll over: `buildAgenda` finds them), and which
 *   items raised between meetings an earlier meeting already took up (the others come up now);
 * - Bal Panchayat issues of the group's area not yet discussed or resolved.
 */
export async function agendaSources(db: Db, actor: Actor, group: GroupRow, meeting: { id: string; date: IsoDate }) {
  const subjects = new Map<string, AgendaSubject>();
  const discussed = await db
    .select({ caseId: convergenceDiscussion.caseId, issueId: convergenceDiscussion.issueId, date: convergenceMeeting.meetingDate })
    .from(convergenceDiscussion)
    .innerJoin(convergenceMeeting, eq(convergenceMeeting.id, convergenceDiscussion.meetingId))
    .where(
      and(
        eq(convergenceDiscussion.groupId, group.id),
        ne(convergenceDiscussion.meetingId, meeting.id),
        lte(convergenceMeeting.meetingDate, meeting.date),
      ),
    );
  const lastDiscussed = new Map<string, IsoDate>();
  for (const d of discussed) {
    for (const key of [d.caseId, d.issueId]) if (key && (lastDiscussed.get(key) ?? '') < d.date) lastDiscussed.set(key, d.date);
  }
  const answered = (id: string, since: IsoDate) => (lastDiscussed.get(id) ?? '') >= since;

  // Flagged cases (one line per case: its latest unanswered flag).
  const flags = (await casesFlaggedForConvergence(db, actor, group.districtCode)).filter(
    (f) =>
      (group.level === 'district' ? f.groupId === null || f.groupId === group.id : f.groupId === group.id) &&
      f.flaggedOn <= meeting.date &&
      !answered(f.caseId, f.flaggedOn),
  );
  const unitKinds = await unitKindsOf(
    db,
    flags.map((f) => f.flaggedByUnit),
  );
  const flaggedCases = new Map<string, FlaggedCase>();
  for (const f of flags) {
    const caseRef = subjectRef({ caseNumber: f.caseNumber })!;
    flaggedCases.set(caseRef, { caseRef, flaggedOn: f.flaggedOn, flaggedBy: unitKinds.get(f.flaggedByUnit) ?? undefined, note: f.reason });
    subjects.set(caseRef, { caseId: f.caseId, childId: f.childId });
  }

  // Cases escalated to this group's level and still waiting for it.
  const area: SQL =
    group.level === 'block'
      ? and(eq(caseRecord.districtCode, group.districtCode), eq(caseRecord.blockCode, group.blockCode!))!
      : eq(caseRecord.districtCode, group.districtCode);
  const escalations = await db
    .select({
      caseId: caseRecord.id,
      number: caseRecord.number,
      familyId: caseRecord.familyId,
      childId: caseRecord.childId,
      at: caseAction.at,
      payload: caseAction.payload,
    })
    .from(caseAction)
    .innerJoin(caseRecord, eq(caseRecord.id, caseAction.caseId))
    .where(
      and(
        eq(caseAction.type, 'escalation'),
        sql`${caseAction.payload}->>'toLevel' = ${group.level}`,
        eq(caseRecord.status, 'escalated'),
        area,
        caseVisibleWhere(actor),
      ),
    )
    .orderBy(asc(caseAction.at));
  const escalatedCases = new Map<string, EscalatedCase>();
  for (const e of escalations) {
    const on = istDay(e.at);
    if (on > meeting.date || answered(e.caseId, on)) continue;
    const caseRef = subjectRef({ caseNumber: e.number })!;
    const p = e.payload as { fromLevel?: string; reason?: string };
    escalatedCases.set(caseRef, {
      caseRef,
      escalatedOn: on,
      fromLevel: (p.fromLevel ?? 'village') as EscalatedCase['fromLevel'],
      reason: p.reason,
    });
    subjects.set(caseRef, { caseId: e.caseId, familyId: e.familyId, childId: e.childId });
  }

  // The group's action items, any status.
  const { rows: actionRows, items: actions } = await actionsOfGroups(db, [group.id]);
  // Items raised between meetings come up once, at the group's next meeting: those already on
  // the frozen agenda of another (held) meeting of the group have been taken up.
  const actionsTakenUp = new Set<string>();
  if (actionRows.some((a) => a.meetingId === null)) {
    const frozen = await db
      .select({ agenda: convergenceMeeting.agenda })
      .from(convergenceMeeting)
      .where(and(eq(convergenceMeeting.groupId, group.id), ne(convergenceMeeting.id, meeting.id), isNotNull(convergenceMeeting.agenda)));
    for (const f of frozen) for (const l of f.agenda ?? []) if (l.actionId) actionsTakenUp.add(l.actionId);
  }

  // Bal Panchayat issues of the area, not resolved by the meeting date and not yet taken up
  // by any group. An issue goes to its block's group when the block has one (formed by the
  // meeting date), otherwise to the district group.
  let issueArea: SQL;
  if (group.level === 'block') {
    issueArea = and(eq(balPanchayatIssue.districtCode, group.districtCode), eq(balPanchayatIssue.blockCode, group.blockCode!))!;
  } else {
    const blockGroups = await db
      .select({ blockCode: convergenceGroup.blockCode, createdAt: convergenceGroup.createdAt })
      .from(convergenceGroup)
      .where(and(eq(convergenceGroup.districtCode, group.districtCode), eq(convergenceGroup.level, 'block')));
    const covered = blockGroups.filter((b) => istDay(b.createdAt) <= meeting.date).map((b) => b.blockCode!);
    issueArea = and(
      eq(balPanchayatIssue.districtCode, group.districtCode),
      covered.length ? or(isNull(balPanchayatIssue.blockCode), notInArray(balPanchayatIssue.blockCode, covered)) : undefined,
    )!;
  }
  const takenUp = new Set(
    (
      await db
        .select({ issueId: convergenceDiscussion.issueId })
        .from(convergenceDiscussion)
        .innerJoin(convergenceMeeting, eq(convergenceMeeting.id, convergenceDiscussion.meetingId))
        .where(
          and(
            isNotNull(convergenceDiscussion.issueId),
            ne(convergenceDiscussion.meetingId, meeting.id),
            lte(convergenceMeeting.meetingDate, meeting.date),
          ),
        )
    ).map((r) => r.issueId!),
  );
  const issueRows = await db
    .select({ issue: balPanchayatIssue, village: location.name })
    .from(balPanchayatIssue)
    .innerJoin(location, eq(location.id, balPanchayatIssue.villageId))
    .where(
      and(
        issueArea,
        eq(balPanchayatIssue.stateCode, group.stateCode),
        lte(balPanchayatIssue.raisedOn, meeting.date),
        or(ne(balPanchayatIssue.status, 'resolved'), gt(balPanchayatIssue.resolvedOn, meeting.date)),
      ),
    )
    .orderBy(asc(balPanchayatIssue.raisedOn));
  const balPanchayatIssues: BalPanchayatIssue[] = [];
  for (const { issue, village } of issueRows) {
    if (takenUp.has(issue.id)) continue;
    const caseRef = issue.childId || issue.familyId ? subjectRef({ familyId: issue.familyId, childId: issue.childId })! : undefined;
    balPanchayatIssues.push({
      id: issue.id,
      village,
      raisedOn: issue.raisedOn,
      summary: issue.summary,
      resolvedOn: issue.resolvedOn ?? undefined,
      escalatedOn: issue.escalatedOn ?? undefined,
      caseRef,
    });
    if (caseRef) subjects.set(caseRef, { familyId: issue.familyId, childId: issue.childId });
  }
  for (const a of actionRows) {
    if (a.caseRef && !subjects.has(a.caseRef))
      subjects.set(a.caseRef, { caseId: a.caseId ?? undefined, familyId: a.familyId, childId: a.childId });
  }

  const inputs: AgendaInputs = {
    meeting,
    flaggedCases: [...flaggedCases.values()],
    escalatedCases: [...escalatedCases.values()],
    actions,
    balPanchayatIssues,
    balPanchayatAfterDays: group.balPanchayatAfterDays,
    takenUp: actionsTakenUp,
  };
  return { inputs, actionRows, subjects, issues: new Map(issueRows.map((r) => [r.issue.id, r])) };
}

async function unitKindsOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const valid = [...new Set(ids.filter((x) => uuid.test(x)))];
  if (!valid.length) return new Map();
  const rows = await db.select({ id: organisation.id, kind: organisation.kind }).from(organisation).where(inArray(organisation.id, valid));
  return new Map(rows.map((r) => [r.id, r.kind]));
}
