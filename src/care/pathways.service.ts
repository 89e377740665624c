import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { can, covers, requirePermission, type Actor } from '../access/policy';
import { identityColumns, requireWritable, rowsWhere, shapeRow } from '../access/fields';
import { scopeOf } from './care.repository';
import { approvedCarer, placementRecords } from './foster.service';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { getChild } from '../registry/children.repository';
import { child } from '../registry/registry.schema';
import { organisation } from '../users/users.schema';
import { getCase } from '../cases/cases.repository';
import { cwcOrdersOnCase } from '../cases/orders';
import { careFamilyPlacement, careFollowUp, careReintegration, careStay } from './care.schema';
import { followUpSchedule, pathwayMoveProblem, type PathwayStage } from './domain';
import type { FamilyPlacementInput, FollowUpInput, PathwayInput, PathwayReassignInput, PathwayStepInput, PathwayView } from './care.model';
import { lockedAtVersion } from './versioned';

/**
 * The way home (the Centers for Excellence' case management, seed 001): a reintegration pathway
 * per child — identified, family assessment, family preparation, the CWC's restoration order
 * (JJ Act 2015 s.37(1)(b), s.40; Form 44), restoration, follow-up visits on the configured
 * schedule (domain/timelines.json), closure, or re-entry to care (which counts against it).
 * The DCPU assigns a pathway to an NGO; that NGO's caseworkers see only the pathways assigned
 * to their organisation. Family-based placements (kinship, foster s.44, sponsorship s.45,
 * aftercare s.46) are recorded on the CWC's order.
 */

/** Who sees which pathways: the policy's row rule (an NGO caseworker only its organisation's, fields/policy.data.ts). */
function pathwaysWhere(actor: Actor): SQL {
  return rowsWhere(actor, 'carePathway', { ...scopeOf(careReintegration), organisation: careReintegration.ngoId });
}

async function pathwayViews(db: Db, actor: Actor, today: string, extra: SQL[]): Promise<PathwayView[]> {
  const rows = await db
    .select(
      identityColumns(
        actor,
        'careStay',
        { childId: careReintegration.childId },
        {
          id: careReintegration.id,
          childId: careReintegration.childId,
          childName: child.name,
          stayId: careReintegration.stayId,
          ngoId: careReintegration.ngoId,
          kind: careReintegration.kind,
          stateCode: careReintegration.stateCode,
          districtCode: careReintegration.districtCode,
          stage: careReintegration.stage,
          stageOn: careReintegration.stageOn,
          history: careReintegration.history,
          restoredOn: careReintegration.restoredOn,
          version: careReintegration.version,
        },
        ['childName'],
      ),
    )
    .from(careReintegration)
    .innerJoin(child, eq(child.id, careReintegration.childId))
    .where(and(pathwaysWhere(actor), ...extra))
    .orderBy(asc(careReintegration.stageOn));
  const ids = rows.map((r) => r.id as string);
  // The stay in a CCI the pathway started from (its institution and dates: no name of the child).
  const stayIds = [...new Set(rows.map((r) => r.stayId as string | null).filter((x): x is string => !!x))];
  const stays = stayIds.length
    ? await db
        .select({
          id: careStay.id,
          institutionId: careStay.institutionId,
          institutionName: organisation.name,
          admittedOn: careStay.admittedOn,
          status: careStay.status,
          endedOn: careStay.endedOn,
        })
        .from(careStay)
        .innerJoin(organisation, eq(organisation.id, careStay.institutionId))
        .where(inArray(careStay.id, stayIds))
    : [];
  const stayOf = new Map(stays.map((x) => [x.id, x]));
  const visits = ids.length
    ? await db.select().from(careFollowUp).where(inArray(careFollowUp.reintegrationId, ids)).orderBy(asc(careFollowUp.dueOn))
    : [];
  return rows.map((r) => {
    const shaped = shapeRow(r as Record<string, unknown>, 'careStay', actor) as Record<string, unknown>;
    return {
      ...shaped,
      stay: r.stayId ? (stayOf.get(r.stayId as string) ?? null) : null,
      followUps: visits
        .filter((v) => v.reintegrationId === r.id)
        .map((v) => ({
          id: v.id,
          dueOn: v.dueOn,
          visitedOn: v.visitedOn,
          findings: v.findings,
          risk: v.risk,
          overdue: !v.visitedOn && v.dueOn < today,
        })),
    } as unknown as PathwayView;
  });
}

export async function listPathways(ctx: AppContext, actor: Actor, q: { stage?: string; childId?: string }) {
  requirePermission(actor, 'care.read');
  const today = istToday(ctx.now());
  const extra: SQL[] = [];
  if (q.stage) extra.push(eq(careReintegration.stage, q.stage));
  if (q.childId) extra.push(eq(careReintegration.childId, q.childId));
  const items = await pathwayViews(ctx.db, actor, today, extra);
  await audit(ctx.db, actor, 'list', 'care_reintegration', null, null, { count: items.length }, { children: items.map((i) => i.childId) });
  return { items };
}

async function onePathway(db: Db, actor: Actor, today: string, id: string) {
  const [p] = await pathwayViews(db, actor, today, [eq(careReintegration.id, id)]);
  if (!p) throw notFound('Reintegration pathway');
  return p;
}

export async function readPathway(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'care.read');
  const p = await onePathway(ctx.db, actor, istToday(ctx.now()), id);
  await audit(ctx.db, actor, 'read', 'care_reintegration', id, p, {}, { children: [p.childId] });
  return p;
}

/**
 * The DCPU (care.write) opens a pathway and may assign it to a Center for Excellence; an NGO's
 * caseworker (care.reintegrate) opens one for a child of its jurisdiction, always assigned to its
 * own NGO (it sees only its organisation's pathways, pathwaysWhere).
 */
export async function openPathway(ctx: AppContext, actor: Actor, input: PathwayInput) {
  requireReintegrator(actor);
  const district = can(actor, 'care.write');
  if (!district) {
    if (!actor.organisationId) throw new HttpError(403, 'forbidden', 'Only a caseworker of an NGO opens a pathway for it');
    if (input.ngoId && input.ngoId !== actor.organisationId) throw badRequest('ngoId', 'must be your own organisation');
    input = { ...input, ngoId: actor.organisationId };
  }
  requireWritable(actor, 'carePathway', [
    'childId',
    'kind',
    'stage',
    'stageOn',
    'history',
    ...(input.stayId ? ['stayId'] : []),
    ...(input.ngoId && district ? ['ngoId'] : []),
  ]);
  const today = istToday(ctx.now());
  if (input.on > today) throw badRequest('on', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const c = await getChild(tx, actor, input.childId);
    if (!c) throw badRequest('childId', 'no such child in your jurisdiction');
    if (input.stayId) {
      const [s] = await tx.select().from(careStay).where(eq(careStay.id, input.stayId));
      if (!s || s.childId !== input.childId || !covers(actor.scope, s)) throw badRequest('stayId', "is not this child's stay");
    } else {
      // Left out: the stay the child is in now, so the pathway records where it started from.
      const [open] = await tx
        .select({ id: careStay.id })
        .from(careStay)
        .where(and(eq(careStay.childId, input.childId), isNull(careStay.endedOn)))
        .limit(1);
      if (open) input = { ...input, stayId: open.id };
    }
    if (input.ngoId) {
      const [o] = await tx
        .select({ kind: organisation.kind, districtCode: organisation.districtCode })
        .from(organisation)
        .where(eq(organisation.id, input.ngoId));
      if (!o || o.kind !== 'NGO') throw badRequest('ngoId', 'must be an NGO (a Center for Excellence)');
    }
    const [open] = await tx
      .select({ id: careReintegration.id })
      .from(careReintegration)
      .where(and(eq(careReintegration.childId, input.childId), sql`${careReintegration.stage} NOT IN ('closed','re_entered')`));
    if (open)
      throw new HttpError(409, 'pathway_exists', 'The child already has an open reintegration pathway', [
        { field: 'childId', message: 'has an open pathway' },
      ]);
    const [row] = await tx
      .insert(careReintegration)
      .values({
        childId: input.childId,
        stayId: input.stayId ?? null,
        stateCode: c.stateCode,
        districtCode: c.districtCode,
        ngoId: input.ngoId ?? null,
        kind: input.kind ?? 'parents',
        stage: 'identified',
        stageOn: input.on,
        history: [{ stage: 'identified', on: input.on, note: input.note ?? null }],
        createdBy: actor.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await audit(tx, actor, 'create', 'care_reintegration', row.id, c, { ngoId: row.ngoId }, { children: [row.childId] });
    return onePathway(tx, actor, today, row.id);
  });
}

/**
 * The NGO a pathway is assigned to works it (care.reintegrate: its caseworkers see only their own
 * pathways, pathwaysWhere); everyone else needs care.write.
 */
function requireReintegrator(actor: Actor) {
  if (!can(actor, 'care.reintegrate')) requirePermission(actor, 'care.write');
}

export async function stepPathway(ctx: AppContext, actor: Actor, id: string, input: PathwayStepInput) {
  requireReintegrator(actor);
  const today = istToday(ctx.now());
  if (input.on > today) throw badRequest('on', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const seen = await pathwayViews(tx, actor, today, [eq(careReintegration.id, id)]);
    if (!seen.length) throw notFound('Reintegration pathway');
    const [cur] = await tx.select().from(careReintegration).where(eq(careReintegration.id, id)).for('update');
    if (cur.version !== input.version)
      throw conflict('The pathway was changed by someone else', { version: cur.version, stage: cur.stage });
    const problem = pathwayMoveProblem(cur.stage as PathwayStage, input.stage);
    if (problem) throw new HttpError(409, 'invalid_stage', problem, [{ field: 'stage', message: problem }]);
    if (input.on < cur.stageOn) throw badRequest('on', `must be on or after the last step (${cur.stageOn})`);
    // The restoration is the CWC's decision (s.37(1)(b), Form 44): on the case when there is one.
    if (input.stage === 'restoration_ordered') {
      const [stay] = cur.stayId ? await tx.select({ caseId: careStay.caseId }).from(careStay).where(eq(careStay.id, cur.stayId)) : [];
      if (stay?.caseId) {
        const k = await getCase(tx, actor, stay.caseId);
        const orders = k ? ((await cwcOrdersOnCase(tx, actor, stay.caseId, 'restoration')) ?? []) : [];
        if (!orders.length)
          throw new HttpError(400, 'no_cwc_order', 'No CWC restoration order is recorded on the case (Form 44)', [
            { field: 'stage', message: 'record the CWC restoration order on the case first' },
          ]);
      } else if (!input.orderRef) throw badRequest('orderRef', "give the CWC restoration order's reference (Form 44)");
    }
    const restoredOn = input.stage === 'restored' ? input.on : cur.restoredOn;
    await tx
      .update(careReintegration)
      .set({
        stage: input.stage,
        stageOn: input.on,
        restoredOn,
        history: [...cur.history, { stage: input.stage, on: input.on, note: input.note ?? input.orderRef ?? null }],
        version: cur.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(careReintegration.id, id));
    if (input.stage === 'restored') {
      await tx
        .insert(careFollowUp)
        .values(followUpSchedule(input.on).map((dueOn) => ({ reintegrationId: id, dueOn })))
        .onConflictDoNothing();
    }
    await audit(tx, actor, 'update', 'care_reintegration', id, cur, { from: cur.stage, to: input.stage }, { children: [cur.childId] });
    return onePathway(tx, actor, today, id);
  });
}

export async function recordFollowUp(ctx: AppContext, actor: Actor, followUpId: string, input: FollowUpInput) {
  requireReintegrator(actor);
  const today = istToday(ctx.now());
  if (input.visitedOn > today) throw badRequest('visitedOn', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const [v] = await tx.select().from(careFollowUp).where(eq(careFollowUp.id, followUpId)).for('update');
    if (!v) throw notFound('Follow-up visit');
    const seen = await pathwayViews(tx, actor, today, [eq(careReintegration.id, v.reintegrationId)]);
    if (!seen.length) throw notFound('Follow-up visit');
    if (v.visitedOn)
      throw new HttpError(409, 'already_visited', 'This follow-up visit is already recorded', [
        { field: 'visitedOn', message: 'already recorded' },
      ]);
    if (seen[0].restoredOn && input.visitedOn < seen[0].restoredOn) throw badRequest('visitedOn', 'must be on or after the restoration');
    await tx
      .update(careFollowUp)
      .set({ visitedOn: input.visitedOn, findings: input.findings, risk: input.risk })
      .where(eq(careFollowUp.id, followUpId));
    await audit(tx, actor, 'update', 'care_follow_up', followUpId, seen[0], { risk: input.risk }, { children: [seen[0].childId] });
    return onePathway(tx, actor, today, v.reintegrationId);
  });
}

// ---------------------------------------------------------------- family-based placements

const CWC_ORDER_OF: Record<string, string> = {
  kinship: 'kinship_care',
  foster: 'foster_care',
  group_foster: 'foster_care',
  sponsorship: 'sponsorship',
  aftercare: 'aftercare',
};

export async function recordFamilyPlacement(ctx: AppContext, actor: Actor, input: FamilyPlacementInput) {
  requirePermission(actor, 'care.write');
  const today = istToday(ctx.now());
  if (input.startedOn > today) throw badRequest('startedOn', 'cannot be in the future');
  if (input.approvedOn && input.approvedOn > input.startedOn) throw badRequest('startedOn', 'must be on or after the approval');
  return ctx.db.transaction(async (tx) => {
    const c = await getChild(tx, actor, input.childId);
    if (!c) throw badRequest('childId', 'no such child in your jurisdiction');
    // A foster family approved by the Sponsorship and Foster Care Approval Committee (JJ Model Rules 2016 r.23).
    const carer = input.carerId ? await approvedCarer(tx, actor, input.carerId, input.startedOn) : null;
    if (carer && !['foster', 'group_foster', 'kinship'].includes(input.kind))
      throw badRequest('carerId', 'only a foster or kinship placement has a carer');
    if (input.caseId) {
      const orders = (await cwcOrdersOnCase(tx, actor, input.caseId, CWC_ORDER_OF[input.kind] as never)) ?? [];
      if (!orders.length)
        throw new HttpError(400, 'no_cwc_order', `No CWC ${CWC_ORDER_OF[input.kind]} order is recorded on the case`, [
          { field: 'caseId', message: 'no such order on the case' },
        ]);
    }
    const [row] = await tx
      .insert(careFamilyPlacement)
      .values({
        childId: input.childId,
        kind: input.kind,
        stateCode: c.stateCode,
        districtCode: c.districtCode,
        carer: input.carer ?? carer?.name ?? null,
        carerId: carer?.id ?? null,
        caseId: input.caseId ?? null,
        orderRef: input.orderRef,
        orderForm:
          input.orderForm ??
          (input.kind === 'foster' || input.kind === 'group_foster' ? 'form32' : input.kind === 'aftercare' ? 'form37' : null),
        approvedOn: input.approvedOn ?? null,
        startedOn: input.startedOn,
        createdBy: actor.userId,
        createdAt: ctx.now(),
      })
      .returning();
    await audit(tx, actor, 'create', 'care_family_placement', row.id, c, { kind: row.kind }, { children: [row.childId] });
    return row;
  });
}

export async function listFamilyPlacements(ctx: AppContext, actor: Actor, q: { kind?: string }) {
  requirePermission(actor, 'care.read');
  // With each foster placement's monthly inspection clock (foster.service.ts, r.23(18)).
  const items = await placementRecords(ctx.db, actor, istToday(ctx.now()), q.kind ? [eq(careFamilyPlacement.kind, q.kind)] : []);
  await audit(
    ctx.db,
    actor,
    'list',
    'care_family_placement',
    null,
    null,
    { count: items.length },
    { children: items.map((r) => r.childId) },
  );
  return { items };
}

/**
 * The DCPU reassigns a pathway to another NGO (Center for Excellence), or takes it back (null):
 * the old NGO's caseworkers no longer see it (the policy's row rule, pathwaysWhere, in the query),
 * the new one's do. 409 on a stale version or a closed pathway; audited with the child.
 */
export async function reassignPathway(ctx: AppContext, actor: Actor, id: string, input: PathwayReassignInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'carePathway', ['ngoId']);
  const today = istToday(ctx.now());
  return ctx.db.transaction(async (tx) => {
    const cur = await lockedAtVersion(
      tx
        .select()
        .from(careReintegration)
        .where(and(eq(careReintegration.id, id), pathwaysWhere(actor)))
        .for('update'),
      input.version,
      {
        name: 'Reintegration pathway',
        changed: 'The pathway was changed by someone else',
        current: (r) => ({ version: r.version, stage: r.stage, ngoId: r.ngoId }),
      },
    );
    if (cur.stage === 'closed' || cur.stage === 're_entered')
      throw new HttpError(409, 'pathway_closed', `The pathway is ${cur.stage}`, [
        { field: 'ngoId', message: 'only an open pathway is reassigned' },
      ]);
    if (input.ngoId === cur.ngoId) throw badRequest('ngoId', 'the pathway is already with this organisation');
    if (input.ngoId) {
      const [o] = await tx
        .select({ kind: organisation.kind, active: organisation.active })
        .from(organisation)
        .where(eq(organisation.id, input.ngoId));
      if (!o || o.kind !== 'NGO' || !o.active) throw badRequest('ngoId', 'must be an active NGO (a Center for Excellence)');
    }
    await tx
      .update(careReintegration)
      .set({ ngoId: input.ngoId, version: cur.version + 1, updatedAt: ctx.now() })
      .where(eq(careReintegration.id, id));
    await audit(
      tx,
      actor,
      'update',
      'care_reintegration',
      id,
      cur,
      { reassigned: { from: cur.ngoId, to: input.ngoId }, reason: input.reason },
      { children: [cur.childId] },
    );
    return onePathway(tx, actor, today, id);
  });
}
