import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { can, jurisdictionWhere, type Actor } from '../access/policy';
import { HttpError } from '../http/errors';
import { DEPARTMENT_KINDS, type DepartmentKind } from './domain';
import { balPanchayatIssue, convergenceAction, convergenceGroup, convergenceMeeting } from './convergence.schema';

/**
 * Who sees what of the convergence records. Like the registry, the rules are SQL
 * conditions applied in the repositories, never filters after loading.
 *
 * - Jurisdiction: groups, meetings, actions and Bal Panchayat issues carry their place
 *   (state, district, block) and go through `jurisdictionWhere`.
 * - **Full view** (roles that may read the whole registry: DCPU, CWC, caseworkers, NGO
 *   caseworkers, auditors): every action, case reference and decision of the groups in
 *   their jurisdiction.
 * - **Department view** (department nodal officers, who see only a minimal registry view):
 *   the actions assigned to their own department (and, when an action names an
 *   organisation, only that organisation's), and the cases where they have one
 *   (JJ Act 2015 s.74: each department learns only what its work needs). The chair and
 *   secretary of a group get its full view whatever their role: they keep the register.
 */
export type ConvergenceView = 'full' | 'department';

export function convergenceView(actor: Actor): ConvergenceView {
  if (!can(actor, 'convergence.read'))
    throw new HttpError(403, 'forbidden', `Your role (${actor.role}) may not see convergence records (needs convergence.read)`);
  return can(actor, 'registry.read') ? 'full' : 'department';
}

/** The actor's department, when their organisation is one the Matrix knows. */
export function actorDepartment(actor: Actor): DepartmentKind | null {
  return (DEPARTMENT_KINDS as readonly string[]).includes(actor.organisationKind ?? '') ? (actor.organisationKind as DepartmentKind) : null;
}

export const groupInJurisdiction = (actor: Actor) => jurisdictionWhere(actor, convergenceGroup);
export const meetingInJurisdiction = (actor: Actor) => jurisdictionWhere(actor, convergenceMeeting);
export const actionInJurisdiction = (actor: Actor) => jurisdictionWhere(actor, convergenceAction);
export const issueInJurisdiction = (actor: Actor) => jurisdictionWhere(actor, balPanchayatIssue);

/** SQL: the actor chairs or keeps the minutes of the group (a current seat linked to their user). */
export function officerOf(actor: Actor, groupId: SQL | typeof convergenceAction.groupId): SQL {
  return sql`EXISTS (SELECT 1 FROM convergence_member om WHERE om.group_id = ${groupId} AND om.user_id = ${actor.userId}
    AND om.roles && ARRAY['chair','secretary']::text[] AND om.until IS NULL)`;
}

/** SQL: the action is the actor's department's (and organisation's, when it names one). */
export function ownDepartmentAction(actor: Actor): SQL {
  const dept = actorDepartment(actor);
  if (!dept) return sql`false`;
  return and(
    eq(convergenceAction.department, dept),
    actor.organisationId
      ? or(isNull(convergenceAction.organisationId), eq(convergenceAction.organisationId, actor.organisationId))
      : isNull(convergenceAction.organisationId),
  )!;
}

/** SQL: the actions the actor may read. */
export function actionVisible(actor: Actor): SQL {
  const view = convergenceView(actor);
  if (view === 'full') return actionInJurisdiction(actor);
  return and(actionInJurisdiction(actor), or(ownDepartmentAction(actor), officerOf(actor, convergenceAction.groupId)))!;
}
