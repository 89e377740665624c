import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { can, requirePermission, type Actor } from '../access/policy';
import { requireWritable, rowsWhere } from '../access/fields';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { careMovementRequest, carePlan, carePlanProgress, careStay } from './care.schema';
import { scopeOf, selectPlans, selectStays } from './care.repository';
import { afterMove, alreadyInCare, applyMove, checkMove, isUnique } from './stays.service';
import type { MovementDecisionInput, MovementRequestInput, ProgressInput } from './family.model';

/**
 * What a child care institution's own staff record day to day (role cci_staff, roles.ts):
 * progress notes on a child's Individual Care Plan (JJ Model Rules 2016 Form 7) and
 * requests about a stay (leave, transfer, discharge, a medical visit) that the
 * CWC or the DCPU decides. The institution never records an order itself (JJ Act 2015 s.37).
 * Rows are the permitted-fields policy's (`own_organisation`: the stay's institution is theirs).
 */

/** May record: the institution's staff (care.record) or the district's care writers (care.write). */
function requireRecorder(actor: Actor) {
  if (!can(actor, 'care.record')) requirePermission(actor, 'care.write');
}

export async function addProgress(ctx: AppContext, actor: Actor, planId: string, input: ProgressInput) {
  requireRecorder(actor);
  requireWritable(actor, 'carePlan', ['progress']);
  const today = istToday(ctx.now());
  if (input.on > today) throw badRequest('on', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const [plan] = await selectPlans(tx, actor, today, [eq(carePlan.id, planId)]);
    if (!plan) throw notFound('Care plan');
    if (input.on < (plan.preparedOn as string)) throw badRequest('on', `must be on or after the plan (${plan.preparedOn as string})`);
    const [row] = await tx
      .insert(carePlanProgress)
      .values({ planId, onDay: input.on, domain: input.domain ?? null, note: input.note, byUser: actor.userId, at: ctx.now() })
      .returning();
    await audit(tx, actor, 'update', 'care_plan', planId, plan as never, { progress: row.id }, { children: [plan.childId as string] });
    return { id: row.id, planId, on: row.onDay, domain: row.domain, note: row.note };
  });
}

export async function progressOf(db: Db, planIds: string[]) {
  if (!planIds.length) return [];
  return db
    .select({
      id: carePlanProgress.id,
      planId: carePlanProgress.planId,
      on: carePlanProgress.onDay,
      domain: carePlanProgress.domain,
      note: carePlanProgress.note,
    })
    .from(carePlanProgress)
    .where(inArray(carePlanProgress.planId, planIds))
    .orderBy(asc(carePlanProgress.onDay));
}

export async function requestMovement(ctx: AppContext, actor: Actor, stayId: string, input: MovementRequestInput) {
  requireRecorder(actor);
  requireWritable(actor, 'careStay', ['movementRequests']);
  const today = istToday(ctx.now());
  if (input.wantedFrom && input.wantedFrom < today) throw badRequest('wantedFrom', 'cannot be in the past');
  return ctx.db.transaction(async (tx) => {
    const [stay] = await selectStays(tx, actor, today, [eq(careStay.id, stayId)], 1);
    if (!stay) throw notFound('Stay');
    if (stay.status === 'left')
      throw new HttpError(409, 'stay_ended', 'The child has left the institution', [{ field: 'stayId', message: 'the stay has ended' }]);
    const [row] = await tx
      .insert(careMovementRequest)
      .values({
        stayId,
        childId: stay.childId as string,
        institutionId: stay.institutionId as string,
        stateCode: stay.stateCode as number,
        districtCode: stay.districtCode as number,
        kind: input.kind,
        requestedOn: today,
        wantedFrom: input.wantedFrom ?? null,
        reason: input.reason,
        createdBy: actor.userId,
        createdAt: ctx.now(),
      })
      .returning();
    await audit(tx, actor, 'create', 'care_movement_request', row.id, row, { kind: row.kind, stayId }, { children: [row.childId] });
    return requestView(row);
  });
}

const requestView = (r: typeof careMovementRequest.$inferSelect) => ({
  id: r.id,
  stayId: r.stayId,
  childId: r.childId,
  institutionId: r.institutionId,
  kind: r.kind,
  requestedOn: r.requestedOn,
  wantedFrom: r.wantedFrom,
  reason: r.reason,
  status: r.status,
  decidedOn: r.decidedOn,
  decisionNote: r.decisionNote,
  recordedStayId: r.recordedStayId,
  version: r.version,
});

/** Requests the actor may see: through the stays the policy lets it see (its institution's, or its district's). */
function requestsWhere(actor: Actor): SQL {
  return rowsWhere(actor, 'careStay', { ...scopeOf(careMovementRequest), organisation: careMovementRequest.institutionId });
}

export async function listMovementRequests(ctx: AppContext, actor: Actor, q: { status?: string; stayId?: string }) {
  requirePermission(actor, 'care.read');
  const rows = await ctx.db
    .select()
    .from(careMovementRequest)
    .where(
      and(
        requestsWhere(actor),
        q.status ? eq(careMovementRequest.status, q.status) : undefined,
        q.stayId ? eq(careMovementRequest.stayId, q.stayId) : undefined,
      ),
    )
    .orderBy(desc(careMovementRequest.requestedOn))
    .limit(500);
  await audit(ctx.db, actor, 'list', 'care_movement_request', null, null, { count: rows.length }, { children: rows.map((r) => r.childId) });
  return { items: rows.map(requestView) };
}

/** Kinds whose grant moves the child: the move is recorded with the grant (a medical visit or other: the child stays). */
const MOVING_KINDS = new Set(['leave', 'transfer', 'discharge']);

/**
 * The CWC or the DCPU decides (care.write). A grant of a leave, transfer or discharge records
 * the move on the stay in the same transaction (`applyMove`, as POST /care/stays/:id/moves:
 * occupancy follows the stay, a transfer's new stay is checked against capacity), so a granted
 * request never waits for a second entry; if the move is refused (e.g. over capacity) nothing
 * is written. The request's version guards both: two members deciding at once get one decision.
 */
export async function decideMovement(ctx: AppContext, actor: Actor, id: string, input: MovementDecisionInput) {
  requirePermission(actor, 'care.write');
  const today = istToday(ctx.now());
  if (input.on > today) throw badRequest('on', 'cannot be in the future');
  const { move } = input;
  if (move) {
    if (input.decision !== 'granted') throw badRequest('move', 'only a grant records a move');
    checkMove(actor, move, today);
    if (move.on < input.on) throw badRequest('move.on', `must be on or after the decision (${input.on})`);
  }
  try {
    const out = await ctx.db.transaction(async (tx) => {
      const [cur] = await tx
        .select()
        .from(careMovementRequest)
        .where(and(eq(careMovementRequest.id, id), requestsWhere(actor)))
        .for('update');
      if (!cur) throw notFound('Movement request');
      if (cur.version !== input.version) throw conflict('The request was decided by someone else', requestView(cur));
      if (cur.status !== 'open')
        throw new HttpError(409, 'already_decided', 'The request is already decided', [
          { field: 'decision', message: `already ${cur.status}` },
        ]);
      if (input.on < cur.requestedOn) throw badRequest('on', `must be on or after the request (${cur.requestedOn})`);
      const moves = input.decision === 'granted' && MOVING_KINDS.has(cur.kind);
      if (moves && !move) throw badRequest('move', `a granted ${cur.kind} needs the move to record (its date and details)`);
      if (move && !moves) throw badRequest('move', `a ${cur.kind} request does not move the child`);
      if (move && move.type !== cur.kind) throw badRequest('move.type', `must be ${cur.kind}, the kind requested`);
      const done = move ? await applyMove(tx, actor, cur.stayId, move, null, ctx.now(), { requestId: id }) : null;
      const [row] = await tx
        .update(careMovementRequest)
        .set({
          status: input.decision,
          decidedBy: actor.userId,
          decidedOn: input.on,
          decisionNote: input.note ?? null,
          recordedStayId: done?.stayId ?? null,
          version: cur.version + 1,
        })
        .where(eq(careMovementRequest.id, id))
        .returning();
      await audit(tx, actor, 'update', 'care_movement_request', id, cur, { decision: input.decision }, { children: [cur.childId] });
      return { view: requestView(row), done };
    });
    if (out.done && move) await afterMove(ctx, actor, out.done, move);
    return out.view;
  } catch (e) {
    if (isUnique(e)) throw alreadyInCare();
    throw e;
  }
}
