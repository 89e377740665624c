// Following up a missing document beyond a plain request: as a convergence action item
// assigned to the issuing department (src/convergence), or as a task in the child's or
// family's open case (src/cases: a referral to that department's office, which gives the
// case a due item). Both are created through those modules' own functions, inside the
// request's transaction, and the request keeps the link; the checklist reads back how
// the action or task stands.

import { and, asc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { can, type Actor } from '../access/policy';
import { HttpError } from '../http/errors';
import { caseRecord, caseReferral } from '../cases/cases.schema';
import { caseVisibleWhere } from '../cases/cases.access';
import { recordAction } from '../cases/cases.service';
import { organisation } from '../users/users.schema';
import type { DepartmentKind } from '../convergence/domain';
import { convergenceAction, convergenceGroup } from '../convergence/convergence.schema';
import { actionVisible } from '../convergence/convergence.access';
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

const refused = (status: number, code: string, message: string, field: string) =>
  new HttpError(status, code, message, [{ field, message }], { reason: code });

/** The open case of the child (or, for a household document, of any child of the family) that the actor may work on. */
async function openCaseOf(db: Db, actor: Actor, s: Pick<FollowUpSubject, 'familyId' | 'childId'>) {
  const [row] = await db
    .select({ id: caseRecord.id, number: caseRecord.number, childId: caseRecord.childId })
    .from(caseRecord)
    .where(
      and(
        s.childId ? eq(caseRecord.childId, s.childId) : eq(caseRecord.familyId, s.familyId),
        ne(caseRecord.status, 'closed'),
        caseVisibleWhere(actor),
      ),
    )
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
export async function createDocumentAction(
  db: Db,
  actor: Actor,
  s: FollowUpSubject,
): Promise<{ id: string; groupId: string; assignedOn: string }> {
  const covering = or(
    and(
      eq(convergenceGroup.level, 'block'),
      eq(convergenceGroup.districtCode, s.place.districtCode),
      s.place.blockCode === null ? eq(convergenceGroup.blockCode, -1) : eq(convergenceGroup.blockCode, s.place.blockCode),
    ),
    and(eq(convergenceGroup.level, 'district'), eq(convergenceGroup.districtCode, s.place.districtCode)),
  );
  const rows = (await listGroups(db, actor, and(eq(convergenceGroup.stateCode, s.place.stateCode), covering))).sort((a, b) =>
    a.level === b.level ? 0 : a.level === 'block' ? -1 : 1,
  );
  if (!rows.length) {
    throw refused(
      409,
      'no_convergence_group',
      "No convergence group covers this family's block or district; ask the department with a plain request, or set up the group first",
      'followUp',
    );
  }
  const notRepresented: string[] = [];
  for (const row of rows) {
    try {
      const action = await raiseAction(
        db,
        actor,
        row.id,
        {
          description: what(s),
          department: s.department,
          dueDate: s.dueOn,
          domain: 'legal_aid_documents',
          ...(s.officer ? { officer: s.officer } : {}),
          ...(s.childId ? { childId: s.childId } : { familyId: s.familyId }),
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
      throw refused(
        err.status,
        err.code,
        `${row.name}: ${err.message}`,
        field === 'dueDate' ? 'dueOn' : field && field !== 'body' ? field : 'followUp',
      );
    }
  }
  throw refused(
    409,
    'department_not_represented',
    `${s.department} has no representative in ${notRepresented.join(' or ')}, the convergence group(s) covering this family; add a member from ${s.department} or make a plain request`,
    'department',
  );
}

/**
 * A task in the open case: a referral to the issuing department's office in the district
 * (`recordAction`, so the case's own rules, projections and due items apply).
 */
export async function createDocumentTask(
  ctx: AppContext,
  actor: Actor,
  s: FollowUpSubject,
): Promise<{ caseId: string; referralId: string; caseNumber: number }> {
  const open = await openCaseOf(ctx.db, actor, s);
  if (!open) {
    throw refused(
      409,
      'no_open_case',
      s.childId
        ? 'The child has no open case you can work on; open a case or make a plain request'
        : 'No child of this family has an open case you can work on; open a case or make a plain request',
      'followUp',
    );
  }
  const [org] = await ctx.db
    .select({ id: organisation.id })
    .from(organisation)
    .where(
      and(
        eq(organisation.kind, s.department),
        eq(organisation.stateCode, s.place.stateCode),
        eq(organisation.districtCode, s.place.districtCode),
      ),
    )
    .orderBy(asc(organisation.name))
    .limit(1);
  if (!org)
    throw refused(
      409,
      'no_department_office',
      `No ${s.department} office is registered in this district to refer the case to`,
      'department',
    );
  const referralId = `doc-${s.docType}-${Math.random().toString(36).slice(2, 8)}`;
  await recordAction(ctx, actor, open.id, {
    type: 'referral',
    referralId,
    need: what(s),
    domain: 'social_mainstreaming',
    to: { orgId: org.id },
    dueDate: s.dueOn,
  } as never);
  return { caseId: open.id, referralId, caseNumber: open.number };
}

/** SQL: the convergence actions the actor may read (none without convergence.read; `actionVisible` refuses with 403). */
function actionSeenWhere(actor: Actor): SQL {
  return can(actor, 'convergence.read') ? actionVisible(actor) : sql`false`;
}

/**
 * How the linked actions and tasks stand, keyed by request id. Callers have checked the
 * requests' visibility, but the linked action item or case is not the request: each is read
 * with its own module's rule in the query (`actionVisible`, `caseVisibleWhere`). A reader who
 * may not see it gets only `{ kind, status, done }`: no ids, case reference, dates or text.
 */
export async function followUpsOf(
  db: Db,
  actor: Actor,
  requests: { id: string; followUp: string; convergenceActionId: string | null; caseId: string | null; caseReferralId: string | null }[],
) {
  const out = new Map<string, FollowUpView>();
  const actionIds = [...new Set(requests.map((r) => r.convergenceActionId).filter((x): x is string => !!x))];
  const tasks = requests.filter(
    (r): r is typeof r & { caseId: string; caseReferralId: string } => !r.convergenceActionId && !!r.caseId && !!r.caseReferralId,
  );
  const caseIds = [...new Set(tasks.map((r) => r.caseId))];
  const referralIds = [...new Set(tasks.map((r) => r.caseReferralId))];
  const referralsOf = and(inArray(caseReferral.caseId, caseIds), inArray(caseReferral.referralId, referralIds));
  const [actionStates, actions, referralStates, referrals, cases] = await Promise.all([
    // How each stands (status only), for every reader of the request.
    actionIds.length
      ? db
          .select({ id: convergenceAction.id, status: convergenceAction.status })
          .from(convergenceAction)
          .where(inArray(convergenceAction.id, actionIds))
      : Promise.resolve([]),
    // The rest only where the convergence module's rule lets the reader see the action.
    actionIds.length
      ? db
          .select()
          .from(convergenceAction)
          .where(and(inArray(convergenceAction.id, actionIds), actionSeenWhere(actor)))
      : Promise.resolve([]),
    caseIds.length
      ? db
          .select({ caseId: caseReferral.caseId, referralId: caseReferral.referralId, status: caseReferral.status })
          .from(caseReferral)
          .where(referralsOf)
      : Promise.resolve([]),
    caseIds.length
      ? db
          .select({ caseId: caseReferral.caseId, referralId: caseReferral.referralId, dueDate: caseReferral.dueDate })
          .from(caseReferral)
          .innerJoin(caseRecord, eq(caseRecord.id, caseReferral.caseId))
          .where(and(referralsOf, caseVisibleWhere(actor)))
      : Promise.resolve([]),
    caseIds.length
      ? db
          .select({ id: caseRecord.id, number: caseRecord.number })
          .from(caseRecord)
          .where(and(inArray(caseRecord.id, caseIds), caseVisibleWhere(actor)))
      : Promise.resolve([]),
  ]);
  for (const r of requests) {
    if (r.convergenceActionId) {
      const state = actionStates.find((x) => x.id === r.convergenceActionId);
      if (!state) continue;
      const a = actions.find((x) => x.id === r.convergenceActionId);
      out.set(
        r.id,
        a
          ? {
              kind: 'convergence_action',
              id: a.id,
              status: a.status,
              done: a.status === 'done',
              doneOn: a.doneOn,
              result: a.result ?? a.blockedReason,
              dueOn: a.dueDate,
              department: a.department,
              ...(a.caseRef ? { caseRef: a.caseRef } : {}),
            }
          : { kind: 'convergence_action', status: state.status, done: state.status === 'done' },
      );
    } else if (r.caseId && r.caseReferralId) {
      const status = referralStates.find((y) => y.caseId === r.caseId && y.referralId === r.caseReferralId)?.status ?? 'pending';
      const c = cases.find((y) => y.id === r.caseId);
      if (!c) {
        out.set(r.id, { kind: 'case_task', status, done: status === 'done' });
        continue;
      }
      const x = referrals.find((y) => y.caseId === r.caseId && y.referralId === r.caseReferralId);
      out.set(r.id, {
        kind: 'case_task',
        id: r.caseReferralId,
        status,
        done: status === 'done',
        doneOn: null,
        result: null,
        dueOn: x?.dueDate ?? null,
        caseId: r.caseId,
        caseRef: `C-${c.number}`,
      });
    }
  }
  return out;
}

/** Whether the reader may see the request's linked case (its follow-up came back with the case id). */
export const caseSeenIn = (view: FollowUpView | null | undefined, caseId: string | null): boolean => !!caseId && view?.caseId === caseId;
