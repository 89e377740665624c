import { and, asc, count, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { identityColumns } from '../access/fields';
import { can, type Actor } from '../access/policy';
import { child } from '../registry/registry.schema';
import { caseVisibleWhere } from './cases.access';
import { caseDue, caseRecord } from './cases.schema';

/**
 * Task lists: the due items of cases (case_due, kept by every append) assigned to a person
 * or to a unit, soonest first. A task is listed only on a case the actor may see, or, for a
 * referred-to organisation, on its own referrals (the referred part).
 */
export type TaskScope = 'mine' | 'unit';
const REFERRAL_KINDS = ['referral_response', 'referral_completion'];

export function taskConditions(actor: Actor, scope: TaskScope, f: { overdue?: boolean; kind?: string }, now: Date): SQL {
  const org = actor.organisationId;
  const assigned = scope === 'mine' ? eq(caseDue.assignedUserId, actor.userId) : org ? eq(caseDue.assignedUnitId, org) : sql`false`;
  const referred =
    org && (can(actor, 'cases.read') || can(actor, 'cases.referral'))
      ? and(inArray(caseDue.kind, REFERRAL_KINDS), eq(caseDue.assignedUnitId, org))!
      : sql`false`;
  // The access rule on the case's place and owners as copied on the due item: no join needed.
  return and(
    assigned,
    or(caseVisibleWhere(actor, caseDue), referred),
    f.overdue === true ? lt(caseDue.dueAt, now) : f.overdue === false ? sql`${caseDue.dueAt} >= ${now}` : undefined,
    f.kind ? eq(caseDue.kind, f.kind) : undefined,
  )!;
}

export async function listTasks(db: Db, actor: Actor, where: SQL, limit: number, offset: number) {
  return db
    .select({
      caseId: caseDue.caseId,
      caseNumber: caseRecord.number,
      kind: caseDue.kind,
      ref: caseDue.ref,
      dueAt: caseDue.dueAt,
      statutory: caseDue.statutory,
      source: caseDue.source,
      assignedUserId: caseDue.assignedUserId,
      assignedUnitId: caseDue.assignedUnitId,
      stateCode: caseDue.stateCode,
      fullView: sql<boolean>`coalesce(${caseVisibleWhere(actor, caseDue)}, false)`,
      status: caseRecord.status,
      level: caseRecord.level,
      risk: caseRecord.risk,
      childId: caseRecord.childId,
      // Initials, no local-script name, under a CWC order the actor may not see past (src/access/fields.ts, JJ Act 2015 s.74).
      ...identityColumns(actor, 'case', { childId: caseRecord.childId }, { childName: child.name, childNameLocal: child.nameLocal }, [
        'childName',
        'childNameLocal',
      ]),
    })
    .from(caseDue)
    .innerJoin(caseRecord, eq(caseRecord.id, caseDue.caseId))
    .innerJoin(child, eq(child.id, caseRecord.childId))
    .where(
      and(where, sql`(${caseDue.caseId}, ${caseDue.kind}, ${caseDue.ref}, ${caseDue.stateCode}) IN (${pageOfDue(where, limit, offset)})`),
    )
    .orderBy(...TASK_ORDER)
    .limit(limit);
}

const TASK_ORDER = [asc(caseDue.dueAt), asc(caseDue.caseId), asc(caseDue.kind), asc(caseDue.ref)];

/**
 * The page's due items, chosen on `case_due` alone (the access rule is on its own copied columns):
 * sorted and cut before any case or child row is read. Joined first, a unit with 5,000 due items read
 * 5,000 cases and children to show 25 — 40–100 ms at 1 crore children where this takes 3–5 (docs/SCALE.md §5).
 */
function pageOfDue(where: SQL, limit: number, offset: number) {
  return sql`SELECT ${caseDue.caseId}, ${caseDue.kind}, ${caseDue.ref}, ${caseDue.stateCode} FROM ${caseDue} WHERE ${where} ORDER BY ${sql.join(TASK_ORDER, sql`, `)} LIMIT ${limit} OFFSET ${offset}`;
}

export async function countTasks(db: Db, where: SQL, now: Date) {
  const [r] = await db
    .select({ total: count(), overdue: sql<number>`count(*) FILTER (WHERE ${caseDue.dueAt} < ${now})` })
    .from(caseDue)
    .where(where);
  return { total: Number(r.total), overdue: Number(r.overdue) };
}
