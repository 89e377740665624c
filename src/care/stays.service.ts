import { and, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { can, covers, jurisdictionWhere, requirePermission, type Actor } from '../access/policy';
import { requireWritable } from '../access/fields';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { publish } from '../events/events';
import { getChild } from '../registry/children.repository';
import { getCase } from '../cases/cases.repository';
import { cwcOrdersOnCase } from '../cases/orders';
import { createMissingReport } from '../missing/missing.service';
import { careGatekeeping, careStay, careStayEvent } from './care.schema';
import { listInstitutions, lockInstitution, lockStay, openStaysOf, selectStays, stayEvents, type StayRow } from './care.repository';
import {
  INSTITUTION_TYPES,
  ageBandOf,
  aftercareDue,
  allowedMoves,
  careStatusAfterDischarge,
  gatekeepingProblems,
  icpDueAfterAdmission,
  nextStayStatus,
  slotFor,
  slotKey,
  yearsBetween,
  type InstitutionType,
  type StayStatus,
} from './domain';
import { refusedType } from './institutions.service';
import { careInstitution } from './care.schema';
import type { AdmissionInput, GatekeepingInput, StayMoveInput, StayView } from './care.model';
import { planOfStay } from './plans.service';

/**
 * Children's stays in institutions: gatekeeping, admission only on an order (a CWC order on the
 * child's case, JJ Act 2015 s.37(1)(c); or a JJB order for a child in conflict with law, kept
 * apart, s.47–49), leave, running away (opens a missing report), transfer and discharge. Each
 * change publishes a domain event so the registry's care status follows (registry.events.ts),
 * and every read and write is audited with the child as the subject (ids only).
 */

export const isUnique = (e: unknown) => {
  const x = e as { code?: string; cause?: { code?: string } };
  return x?.code === '23505' || x?.cause?.code === '23505';
};
export const alreadyInCare = () =>
  new HttpError(409, 'already_in_care', 'The child already has a current stay in an institution (one placement at a time)', [
    { field: 'childId', message: 'is already in an institution: transfer or discharge that stay first' },
  ]);

// ---------------------------------------------------------------- gatekeeping

export async function recordGatekeeping(ctx: AppContext, actor: Actor, input: GatekeepingInput) {
  requirePermission(actor, 'care.write');
  const today = istToday(ctx.now());
  if (input.assessedOn > today) throw badRequest('assessedOn', 'cannot be in the future');
  const problems = gatekeepingProblems(input.options, input.decision);
  if (problems.length) throw new HttpError(400, 'gatekeeping_incomplete', problems.map((p) => p.message).join('; '), problems);
  return ctx.db.transaction(async (tx) => {
    const c = await getChild(tx, actor, input.childId);
    if (!c) throw badRequest('childId', 'no such child in your jurisdiction');
    if (input.caseId) {
      const k = await getCase(tx, actor, input.caseId);
      if (!k || k.access !== 'full' || k.childId !== input.childId)
        throw badRequest('caseId', "is not this child's case, or you may not see it");
    }
    const [row] = await tx
      .insert(careGatekeeping)
      .values({
        childId: input.childId,
        caseId: input.caseId ?? null,
        stateCode: c.stateCode,
        districtCode: c.districtCode,
        subdistrictCode: c.subdistrictCode,
        blockCode: c.blockCode,
        villageId: c.villageId,
        assessedOn: input.assessedOn,
        options: input.options,
        decision: input.decision,
        reason: input.reason,
        createdBy: actor.userId,
        createdAt: ctx.now(),
      })
      .returning();
    await audit(tx, actor, 'create', 'care_gatekeeping', row.id, c, { decision: row.decision }, { children: [row.childId] });
    return gatekeepingView(row);
  });
}

const gatekeepingView = (g: typeof careGatekeeping.$inferSelect) => ({
  id: g.id,
  childId: g.childId,
  caseId: g.caseId,
  assessedOn: g.assessedOn,
  options: g.options,
  decision: g.decision,
  reason: g.reason,
  diverted: g.decision !== 'institution',
});

/** District figures: proposed admissions assessed, and how many were diverted to family-based care. */
export async function gatekeepingFigures(ctx: AppContext, actor: Actor, q: { from?: string; to?: string }) {
  requirePermission(actor, 'care.read');
  const where: SQL[] = [jurisdictionWhere(actor, careGatekeeping)];
  if (q.from) where.push(sql`${careGatekeeping.assessedOn} >= ${q.from}`);
  if (q.to) where.push(sql`${careGatekeeping.assessedOn} <= ${q.to}`);
  const rows = await ctx.db
    .select({ districtCode: careGatekeeping.districtCode, decision: careGatekeeping.decision, n: sql<number>`count(*)::int` })
    .from(careGatekeeping)
    .where(and(...where))
    .groupBy(careGatekeeping.districtCode, careGatekeeping.decision);
  const by = new Map<
    number,
    { districtCode: number; assessed: number; diverted: number; institution: number; decisions: Record<string, number> }
  >();
  for (const r of rows) {
    const d = by.get(r.districtCode) ?? { districtCode: r.districtCode, assessed: 0, diverted: 0, institution: 0, decisions: {} };
    d.assessed += r.n;
    if (r.decision === 'institution') d.institution += r.n;
    else d.diverted += r.n;
    d.decisions[r.decision] = r.n;
    by.set(r.districtCode, d);
  }
  await audit(ctx.db, actor, 'list', 'care_gatekeeping', null, null, { districts: by.size });
  return { items: [...by.values()] };
}

// ---------------------------------------------------------------- admission

interface OrderFacts {
  orderBy: 'cwc' | 'jjb';
  caseId: string | null;
  orderType: string;
  orderRef: string | null;
  orderForm: string | null;
  orderedOn: string;
  gatekeepingId: string | null;
}

/** The order behind an admission, checked against the case (CWC) — never taken on the client's word. */
async function orderFor(db: Db, actor: Actor, input: AdmissionInput): Promise<OrderFacts> {
  if (input.orderBy === 'jjb') {
    return {
      orderBy: 'jjb',
      caseId: null,
      orderType: input.orderType,
      orderRef: input.orderRef,
      orderForm: null,
      orderedOn: input.orderedOn,
      gatekeepingId: null,
    };
  }
  const k = await getCase(db, actor, input.caseId);
  if (!k || k.access !== 'full') throw badRequest('caseId', 'no such case that you may see');
  if (k.childId !== input.childId) throw badRequest('caseId', "is not this child's case");
  const orders = (await cwcOrdersOnCase(db, actor, input.caseId, input.orderType)) ?? [];
  const order = orders.at(-1);
  if (!order) {
    throw new HttpError(
      400,
      'no_cwc_order',
      `No CWC order "${input.orderType}" is recorded on the case: admission only by a CWC order (JJ Act 2015 s.37)`,
      [{ field: 'orderType', message: 'no such CWC order on the case' }],
    );
  }
  let gatekeepingId: string | null = null;
  // Institutional care needs a gatekeeping assessment that found no family-based option (s.3(xii)).
  // An SAA placement is the way to an adoptive family, not institutional care for its own sake.
  if (input.orderType !== 'saa_placement') {
    if (!input.gatekeepingId)
      throw new HttpError(400, 'gatekeeping_required', 'Institutional care needs a gatekeeping assessment first (JJ Act 2015 s.3(xii))', [
        { field: 'gatekeepingId', message: 'record the family-based options considered before admission' },
      ]);
    const [g] = await db.select().from(careGatekeeping).where(eq(careGatekeeping.id, input.gatekeepingId));
    if (!g || g.childId !== input.childId) throw badRequest('gatekeepingId', "is not this child's gatekeeping assessment");
    if (g.decision !== 'institution')
      throw new HttpError(400, 'gatekeeping_diverted', `The gatekeeping assessment chose ${g.decision}, not institutional care`, [
        { field: 'gatekeepingId', message: `the assessment diverted the child to ${g.decision}` },
      ]);
    gatekeepingId = g.id;
  }
  return {
    orderBy: 'cwc',
    caseId: input.caseId,
    orderType: input.orderType,
    orderRef: input.orderRef || order.orderRef,
    orderForm: order.form,
    orderedOn: order.orderedOn,
    gatekeepingId,
  };
}

/** Locks the institution and checks type, place and capacity; answers the child's slot facts. */
async function placeIn(
  db: Db,
  actor: Actor,
  institutionId: string,
  orderBy: 'cwc' | 'jjb',
  who: { sex: string; ageBand: string },
  overCapacityReason: string | null | undefined,
) {
  const inst = await lockInstitution(db, institutionId);
  if (!inst || !covers(actor.scope, inst)) throw badRequest('institutionId', 'no such institution in your jurisdiction');
  const type = INSTITUTION_TYPES[inst.type as InstitutionType];
  if (type.orderBy !== orderBy) throw refusedType(inst.type, orderBy);
  const stays = await openStaysOf(db, [institutionId]);
  const slot = slotFor(inst.capacity, who.sex, who.ageBand as never);
  const occupied = slot ? stays.filter((s) => slotFor(inst.capacity, s.sex, s.ageBand as never) === slot).length : 0;
  if ((!slot || occupied >= slot.places) && !overCapacityReason?.trim()) {
    const why = slot
      ? `all ${slot.places} sanctioned places for ${slotKey(slot)} are taken`
      : `no place is sanctioned for ${who.sex}, ${who.ageBand}`;
    throw new HttpError(409, 'over_capacity', `Over capacity: ${why}; admit only with a reason`, [
      { field: 'overCapacityReason', message: `${why}: give the reason to admit over capacity` },
    ]);
  }
  return inst;
}

async function childFacts(db: Db, actor: Actor, childId: string, on: string) {
  const c = await getChild(db, actor, childId);
  if (!c) throw badRequest('childId', 'no such child in your jurisdiction');
  const age = c.dob ? yearsBetween(c.dob, on) : null;
  return { child: c, sex: c.sex, ageBand: ageBandOf(age) };
}

export async function admit(ctx: AppContext, actor: Actor, input: AdmissionInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'careStay', ['childId', 'institutionId', 'orderBy', 'admittedOn', 'overCapacityReason']);
  const today = istToday(ctx.now());
  if (input.admittedOn > today) throw badRequest('admittedOn', 'cannot be in the future');
  try {
    return await ctx.db.transaction(async (tx) => {
      const order = await orderFor(tx, actor, input);
      if (order.orderedOn > input.admittedOn) throw badRequest('admittedOn', `must be on or after the order (${order.orderedOn})`);
      const who = await childFacts(tx, actor, input.childId, input.admittedOn);
      // One admission of a child at a time, whichever state's institution: on a state-partitioned
      // server the open-stay index is per state (a stay's state is its institution's), so this
      // lock, not the index, keeps two admissions in two states from both passing the check below
      // (docs/SCALE.md §3). A transfer closes the stay it replaces under that stay's lock.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`care_stay:${input.childId}`}, 0))`);
      const [open] = await tx
        .select({ id: careStay.id })
        .from(careStay)
        .where(and(eq(careStay.childId, input.childId), ne(careStay.status, 'left')));
      if (open) throw alreadyInCare();
      const inst = await placeIn(tx, actor, input.institutionId, input.orderBy, who, input.overCapacityReason);
      const [stay] = await tx
        .insert(careStay)
        .values({
          childId: input.childId,
          institutionId: inst.organisationId,
          stateCode: inst.stateCode,
          districtCode: inst.districtCode,
          subdistrictCode: inst.subdistrictCode,
          blockCode: inst.blockCode,
          villageId: inst.villageId,
          ...order,
          admittedOn: input.admittedOn,
          sex: who.sex,
          ageBand: who.ageBand,
          status: 'in_care',
          overCapacityReason: input.overCapacityReason?.trim() || null,
          createdBy: actor.userId,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        })
        .returning();
      await afterAdmission(tx, actor, stay, ctx.now(), 'admitted');
      return stay.id;
    });
  } catch (e) {
    if (isUnique(e)) throw alreadyInCare();
    throw e;
  }
}

async function afterAdmission(tx: Db, actor: Actor, stay: StayRow, now: Date, type: 'admitted' | 'transferred_in') {
  await tx.insert(careStayEvent).values({
    stayId: stay.id,
    type,
    onDay: stay.admittedOn,
    detail: { orderBy: stay.orderBy, orderType: stay.orderType, overCapacity: !!stay.overCapacityReason },
    byUser: actor.userId,
    at: now,
  });
  await publish(tx, {
    type: 'care.child_admitted',
    aggregateType: 'care_stay',
    aggregateId: stay.id,
    payload: {
      stayId: stay.id,
      childId: stay.childId,
      institutionId: stay.institutionId,
      orderBy: stay.orderBy as 'cwc' | 'jjb',
      on: stay.admittedOn,
    },
    actorUserId: actor.userId,
    stateCode: stay.stateCode,
    districtCode: stay.districtCode,
    at: now,
  });
  await audit(
    tx,
    actor,
    'create',
    'care_stay',
    stay.id,
    stay,
    { type, orderBy: stay.orderBy, institutionId: stay.institutionId },
    { children: [stay.childId] },
  );
}

// ---------------------------------------------------------------- reading

/** CWC members work with children in need of care and protection only: JJB stays are not theirs (JJ Act 2015 s.27, s.4). */
const keptApart = (actor: Actor): SQL[] => (actor.role === 'cwc_member' ? [eq(careStay.orderBy, 'cwc')] : []);

export async function listStays(
  ctx: AppContext,
  actor: Actor,
  q: { institutionId?: string; childId?: string; status: 'current' | 'left' | 'all'; orderBy?: 'cwc' | 'jjb' },
) {
  requirePermission(actor, 'care.read');
  const today = istToday(ctx.now());
  const where: SQL[] = [...keptApart(actor)];
  if (q.institutionId) where.push(eq(careStay.institutionId, q.institutionId));
  if (q.childId) where.push(eq(careStay.childId, q.childId));
  if (q.orderBy) where.push(eq(careStay.orderBy, q.orderBy));
  if (q.status === 'current') where.push(ne(careStay.status, 'left'));
  if (q.status === 'left') where.push(eq(careStay.status, 'left'));
  const rows = await selectStays(ctx.db, actor, today, where);
  const items = await Promise.all(rows.map((r) => withDue(ctx.db, actor, r, today)));
  await audit(
    ctx.db,
    actor,
    'list',
    'care_stay',
    null,
    null,
    { count: items.length, institutionId: q.institutionId ?? null },
    {
      children: items.map((i) => i.childId),
    },
  );
  return { items };
}

async function withDue(db: Db, actor: Actor, r: Record<string, unknown>, today: string) {
  const plan = await planOfStay(db, actor, today, r.id as string);
  const current = r.status !== 'left';
  return {
    ...r,
    icpDue: current ? (plan ? plan.nextReviewDue : icpDueAfterAdmission(r.admittedOn as string)) : null,
    // The list says whether the ICP exists, so the screen offers to prepare it or to record a review (r.69).
    planId: plan?.id ?? null,
    planVersion: plan?.version ?? null,
    aftercareDue: current && aftercareDue((r.childDob as string | undefined) ?? null, today),
    allowedMoves: allowedMoves(r.status as StayStatus),
  } as StayView;
}

export async function readStay(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'care.read');
  const today = istToday(ctx.now());
  const [row] = await selectStays(ctx.db, actor, today, [eq(careStay.id, id), ...keptApart(actor)], 1);
  if (!row) throw notFound('Stay');
  const events = await stayEvents(ctx.db, [id]);
  const plan = await planOfStay(ctx.db, actor, today, id);
  await audit(ctx.db, actor, 'read', 'care_stay', id, row as never, {}, { children: [row.childId as string] });
  return { stay: { ...(await withDue(ctx.db, actor, row, today)), events }, plan };
}

// ---------------------------------------------------------------- movements

export type Move = StayMoveInput extends infer M ? (M extends { version: number } ? Omit<M, 'version'> : never) : never;
export interface MoveDone {
  /** The stay the child is now in (a transfer: the new one). */
  stayId: string;
  /** Set when the child ran away: the missing report is opened after the commit (`afterMove`). */
  ranAway: StayRow | null;
}

/** Who may record a move, and not on a day to come: checked before the transaction. */
export function checkMove(actor: Actor, input: Move, today: string) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'careStay', ['status', ...(input.type === 'discharge' ? ['endedOn', 'endReason'] : [])]);
  if (input.on > today) throw badRequest('on', 'cannot be in the future');
}

export async function moveStay(ctx: AppContext, actor: Actor, id: string, input: StayMoveInput) {
  const { version, ...move } = input;
  checkMove(actor, move, istToday(ctx.now()));
  try {
    const done = await ctx.db.transaction((tx) => applyMove(tx, actor, id, move, version, ctx.now()));
    await afterMove(ctx, actor, done, move);
    return done.stayId;
  } catch (e) {
    if (isUnique(e)) throw alreadyInCare();
    throw e;
  }
}

/**
 * One move of a stay inside the caller's transaction: the stay's status, the event, the new
 * stay of a transfer (capacity checked under the institution's lock), the domain events. Used by
 * POST /care/stays/:id/moves and by a granted movement request (`version` null: the request's
 * own version guards it; `extra` goes on the event, e.g. the request's id).
 */
export async function applyMove(
  tx: Db,
  actor: Actor,
  id: string,
  input: Move,
  version: number | null,
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<MoveDone> {
  let ranAway: StayRow | null = null;
  const cur = await lockStay(tx, id);
  if (!cur || !covers(actor.scope, cur) || (actor.role === 'cwc_member' && cur.orderBy !== 'cwc')) throw notFound('Stay');
  if (version !== null && cur.version !== version)
    throw conflict('The stay was changed by someone else', { version: cur.version, status: cur.status });
  const to = nextStayStatus(cur.status as StayStatus, input.type);
  if (!to)
    throw new HttpError(
      409,
      'invalid_move',
      `A stay that is ${cur.status} cannot take "${input.type}"`,
      [{ field: 'type', message: `allowed: ${allowedMoves(cur.status as StayStatus).join(', ') || 'none'}` }],
      {
        allowedNext: allowedMoves(cur.status as StayStatus),
      },
    );
  if (input.on < cur.admittedOn) throw badRequest('on', `must be on or after the admission (${cur.admittedOn})`);
  const [last] = await tx
    .select({ on: careStayEvent.onDay })
    .from(careStayEvent)
    .where(eq(careStayEvent.stayId, id))
    .orderBy(desc(careStayEvent.id))
    .limit(1);
  if (last && input.on < last.on) throw badRequest('on', `must be on or after the last movement (${last.on})`);
  if (input.type === 'leave' && input.until < input.on) throw badRequest('until', 'must be on or after the start of the leave');
  const ending = input.type === 'discharge' || input.type === 'transfer';
  await tx
    .update(careStay)
    .set({
      status: to,
      endedOn: ending ? input.on : null,
      endReason: input.type === 'discharge' ? input.reason : input.type === 'transfer' ? 'transferred' : null,
      version: cur.version + 1,
      updatedAt: now,
    })
    .where(eq(careStay.id, id));
  const { type, on, ...detail } = input;
  await tx.insert(careStayEvent).values({ stayId: id, type, onDay: on, detail: { ...detail, ...extra }, byUser: actor.userId, at: now });
  await audit(tx, actor, 'update', 'care_stay', id, cur, { move: type, from: cur.status, to }, { children: [cur.childId] });
  const common = {
    aggregateType: 'care_stay',
    aggregateId: id,
    actorUserId: actor.userId,
    stateCode: cur.stateCode,
    districtCode: cur.districtCode,
    at: now,
  };
  if (input.type === 'ran_away') {
    ranAway = cur;
    await publish(tx, {
      ...common,
      type: 'care.child_ran_away',
      payload: { stayId: id, childId: cur.childId, institutionId: cur.institutionId, on },
    });
  }
  if (input.type === 'returned' && cur.status === 'absconded') {
    // Back from running away: in care again (the registry's care status returns to the institution).
    await publish(tx, {
      ...common,
      type: 'care.child_admitted',
      payload: { stayId: id, childId: cur.childId, institutionId: cur.institutionId, orderBy: cur.orderBy as 'cwc' | 'jjb', on },
    });
  }
  if (input.type === 'discharge') {
    await publish(tx, {
      ...common,
      type: 'care.child_left',
      payload: { stayId: id, childId: cur.childId, reason: input.reason, careStatus: careStatusAfterDischarge(input.reason), on },
    });
  }
  if (input.type === 'transfer') {
    if (input.toInstitutionId === cur.institutionId) throw badRequest('toInstitutionId', 'is the institution the child is in');
    const inst = await placeIn(tx, actor, input.toInstitutionId, cur.orderBy as 'cwc' | 'jjb', cur, input.overCapacityReason);
    const [next] = await tx
      .insert(careStay)
      .values({
        childId: cur.childId,
        institutionId: inst.organisationId,
        stateCode: inst.stateCode,
        districtCode: inst.districtCode,
        subdistrictCode: inst.subdistrictCode,
        blockCode: inst.blockCode,
        villageId: inst.villageId,
        orderBy: cur.orderBy,
        caseId: cur.caseId,
        orderType: cur.orderType,
        orderRef: input.orderRef,
        orderForm: cur.orderForm,
        orderedOn: cur.orderedOn,
        gatekeepingId: cur.gatekeepingId,
        admittedOn: on,
        sex: cur.sex,
        ageBand: cur.ageBand,
        status: 'in_care',
        overCapacityReason: input.overCapacityReason?.trim() || null,
        transferredFrom: cur.id,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await afterAdmission(tx, actor, next, now, 'transferred_in');
    return { stayId: next.id, ranAway };
  }
  return { stayId: id, ranAway };
}

/** After the commit: a child who ran away gets a missing report (as the move path always did). */
export async function afterMove(ctx: AppContext, actor: Actor, done: MoveDone, input: Move) {
  if (done.ranAway) await openMissingReport(ctx, actor, done.ranAway, input.on, input.type === 'ran_away' ? input.circumstances : null);
}

/**
 * Running away opens a missing-child report through the missing module's public service (its
 * matching starts at once). It runs after the stay's change commits: the stay is marked
 * absconded even if the report cannot be made (e.g. a role without missing.write), and the
 * report's id is kept on the stay when it is.
 */
async function openMissingReport(ctx: AppContext, actor: Actor, stay: StayRow, on: string, circumstances: string | null | undefined) {
  if (!can(actor, 'missing.write')) return;
  const c = await getChild(ctx.db, actor, stay.childId);
  if (!c) return;
  const [inst] = await listInstitutions(ctx.db, eq(careInstitution.organisationId, stay.institutionId));
  const report = await createMissingReport(ctx, actor, {
    name: c.name,
    nameLocal: c.nameLocal ?? undefined,
    sex: c.sex as never,
    ageYears: c.dob ? Math.min(yearsBetween(c.dob, on), 17) : null,
    ageEstimated: c.dobEstimated ?? true,
    districtCode: stay.districtCode,
    lastSeenOn: on,
    lastSeenPlace: inst ? `ran away from ${inst.name}` : 'ran away from a child care institution',
    lastSeenDistrictCode: stay.districtCode,
    description: circumstances || undefined,
    source: 'dcpu',
    childId: stay.childId,
  } as never);
  await ctx.db
    .update(careStay)
    .set({ missingReportId: (report as { id: string }).id })
    .where(eq(careStay.id, stay.id));
}
