// Following up a missing document beyond a plain request: as a convergence action item
// assigned to the issuing department (src/convergence), or as a task in the child's or
// family's open case (src/cases: a referral to that department's office, which gives the
// case a due item). Both are created through those modules' own functions, inside the
// request's transaction, and the request keeps the link; the checklist reads back how
// the action or task stands.

import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { HttpError } from '../http/errors';
import { caseRecord, caseReferral } from '../cases/cases.schema';
import { caseVisibleWhere } from '../cases/cases.access';
import { recordAction } from '../cases/cases.service';
import { organisation } from '../users/users.schema';
import type { DepartmentKind } from '../convergence/domain';
import { convergenceAction, convergenceGroup } from '../convergence/convergence.schema';
import { listGroups } from '../convergence/groups.repository';
import { raiseAction } from '../convergence/actions.service';
import { DOCUMENT_LABELS, type DocumentType } from './documents';
import type { FollowUpView } from './document-followup';

export interface FollowUpSubject {
  familyId: string;
  childId: string | null;
  place: { stateCode: number; districtCode: number; blockCode: number | null };
  docType: DocumentType;
  department: DepartmentKind;
  officer: string | null;
  dueOn: string;
  today: string;
}

const refused = (status: number, code: string, message: string, field: string) => new HttpError(status, code, message, [{ field, message }], { reason: code });

/** The open case of the child (or, for a household document, of any child of the family) that the actor may work on. */
async function openCaseOf(db: Db, actor: Actor, s: Pick<FollowUpSubject, 'familyId' | 'childId'>) {
  const [row] = await db
    .select({ id: caseRecord.id, number: caseRecord.number, childId: caseRecord.childId })
    .from(caseRecord)
    .where(and(s.childId ? eq(caseRecord.childId, s.childId) : eq(caseRecord.familyId, s.familyId), ne(caseRecord.status, 'closed'), caseVisibleWhere(actor)))
    .orderBy(asc(caseRecord.number))
    .limit(1);
  return row ?? null;
}

function what(s: FollowUpSubject): string {
  return `Obtain the ${DOCUMENT_LABELS[s.docType]} (missing document for a scheme application)`;
}

/**
 * A convergence action item for the issuing department, in the group covering the family's
 * block (else district), raised between meetings with the convergence module's own function
 * (`raiseAction`: the department must have a representative in the group today, the due date
 * must not be past; no meeting, assigned today). It comes up on the group's next meeting
 * agenda. The caller has checked schemes.write; the action is audited as from a document request.
 */
export async function createDocumentAction(db: Db, actor: Actor, s: FollowUpSubject): Promise<{ id: string; groupId: string; assignedOn: string }> {
  const covering = or(
    and(eq(convergenceGroup.level, 'block'), eq(convergenceGroup.districtCode, s.place.districtCode), s.place.blockCode === null ? eq(convergenceGroup.blockCode, -1) : eq(convergenceGroup.blockCode, s.place.blockCode)),
    and(eq(convergenceGroup.level, 'district'), eq(convergenceGroup.districtCode, s.place.districtCode)),
  );
  const rows = (await listGroups(db, actor, and(eq(convergenceGroup.stateCode, s.place.stateCode), covering))).sort((a, b) => (a.level === b.level ? 0 : a.level === 'block' ? -1 : 1));
  if (!rows.length) {
    throw refused(409, 'no_convergence_group', "No convergence group covers this family's block or district; ask the department with a plain request, or set up the group first", 'followUp');
  }
  const notRepresented: string[] = [];
  for (const row of rows) {
    try {
      const action = await raiseAction(
        db, actor, row.id,
        {
          description: what(s), department: s.department, dueDate: s.dueOn, domain: 'legal_aid_documents',
          ...(s.officer ? { officer: s.officer } : {}), ...(s.childId ? { childId: s.childId } : { familyId: s.familyId }),
        },
        { today: s.today, source: 'document_request' },
      );
      return { id: action.id, groupId: row.id, assignedOn: action.assignedOn };
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      // Say why: the department is not at any covering table (try the next group), or the dates do not fit.
      if (err.code === 'department_not_represented') {
        notRepresented.push(row.name);
        continue;
      }
      const field = err.issues?.[0]?.field;
      throw refused(err.status, err.code, `${row.name}: ${err.message}`, field === 'dueDate' ? 'dueOn' : field && field !== 'body' ? field : 'followUp');
    }
  }
  throw refused(409, 'department_not_represented', `${s.department} has no representative in ${notRepresented.join(' or ')}, the convergence group(s) covering this family; add a member from ${s.department} or make a plain request`, 'department');
}

/**
 * A task in the open case: a referral to the issuing department's office in the district
 * (`recordAction`, so the case's own rules, projections and due items apply).
 */
export async function createDocumentTask(ctx: AppContext, actor: Actor, s: FollowUpSubject): Promise<{ caseId: string; referralId: string; caseNumber: number }> {
  const open = await openCaseOf(ctx.db, actor, s);
  if (!open) {
    throw refused(409, 'no_open_case', s.childId ? 'The child has no open case you can work on; open a case or make a plain request' : 'No child of this family has an open case you can work on; open a case or make a plain request', 'followUp');
  }
  const [org] = await ctx.db
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(eq(organisation.kind, s.department), eq(organisation.stateCode, s.place.stateCode), eq(organisation.districtCode, s.place.districtCode)))
    .orderBy(asc(organisation.name))
    .limit(1);
  if (!org) throw refused(409, 'no_department_office', `No ${s.department} office is registered in this district to refer the case to`, 'department');
  const referralId = `doc-${s.docType}-${Math.random().toString(36).slice(2, 8)}`;
  await recordAction(ctx, actor, open.id, {
    type: 'referral', referralId, need: what(s), domain: 'social_mainstreaming', to: { orgId: org.id }, dueDate: s.dueOn,
  } as never);
  return { caseId: open.id, referralId, caseNumber: open.number };
}

/** How the linked actions and tasks stand, keyed by request id. Callers have already checked the requests' visibility. */
export async function followUpsOf(db: Db, requests: { id: string; followUp: string; convergenceActionId: string | null; caseId: string | null; caseReferralId: string | null }[]) {
  const out = new Map<string, FollowUpView>();
  const actionIds = requests.map((r) => r.convergenceActionId).filter((x): x is string => !!x);
  const caseIds = [...new Set(requests.map((r) => r.caseId).filter((x): x is string => !!x))];
  const [actions, referrals, cases] = await Promise.all([
    actionIds.length ? db.select().from(convergenceAction).where(inArray(convergenceAction.id, actionIds)) : Promise.resolve([]),
    caseIds.length ? db.select().from(caseReferral).where(inArray(caseReferral.caseId, caseIds)) : Promise.resolve([]),
    caseIds.length ? db.select({ id: caseRecord.id, number: caseRecord.number }).from(caseRecord).where(inArray(caseRecord.id, caseIds)) : Promise.resolve([]),
  ]);
  for (const r of requests) {
    if (r.convergenceActionId) {
      const a = actions.find((x) => x.id === r.convergenceActionId);
      if (a) out.set(r.id, { kind: 'convergence_action', id: a.id, status: a.status, done: a.status === 'done', doneOn: a.doneOn, result: a.result ?? a.blockedReason, dueOn: a.dueDate, department: a.department, ...(a.caseRef ? { caseRef: a.caseRef } : {}) });
    } else if (r.caseId && r.caseReferralId) {
      const x = referrals.find((y) => y.caseId === r.caseId && y.referralId === r.caseReferralId);
      const c = cases.find((y) => y.id === r.caseId);
      out.set(r.id, {
        kind: 'case_task', id: r.caseReferralId, status: x?.status ?? 'pending', done: x?.status === 'done', doneOn: null, result: null, dueOn: x?.dueDate ?? null,
        caseId: r.caseId, ...(c ? { caseRef: `C-${c.number}` } : {}),
      });
    }
  }
  return out;
}
