import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { requirePermission, type Actor } from '../access/policy';
import { requireWritable, rowsWhere } from '../access/fields';
import { HttpError, badRequest } from '../http/errors';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { getChild } from '../registry/children.repository';
import { cwcOrdersOnCase } from '../cases/orders';
import { organisation } from '../users/users.schema';
import { careAdoptionHandoff, careAftercarePlan, careFamilyPlacement, careInstitution, careStay } from './care.schema';
import { scopeOf } from './care.repository';
import { placementWhere } from './foster.service';
import { lockedAtVersion } from './versioned';
import { addMonths, careTimelines } from './domain';
import type { AftercareInput, AftercareReviewInput, HandoffInput, HandoffPatch } from './family.model';

/**
 * Leaving care: aftercare plans for care leavers from 18 to 21 (JJ Act 2015 s.46; JJ Model Rules
 * 2016 r.25; the CWC's aftercare order, Form 37) with their follow-up reviews, and the hand-off
 * of a child the CWC has declared legally free for adoption (s.38, Form 25) to a Specialised
 * Adoption Agency and CARINGS. Adoption itself is CARA's (Adoption Regulations 2022): this
 * records only the hand-off and the status that comes back. The s.38/s.35 clocks before the
 * declaration live on the case (src/cases, adoptionInquiry).
 */

// ---------------------------------------------------------------- aftercare

type AftercareRow = typeof careAftercarePlan.$inferSelect;
const aftercareWhere = (actor: Actor): SQL => rowsWhere(actor, 'careAftercare', scopeOf(careAftercarePlan));
type Origin = {
  kind: 'stay_discharge' | 'foster_placement';
  id: string;
  endedOn: string | null;
  endReason: string | null;
  place: string | null;
};
const aftercareView = (r: AftercareRow, today: string, origins: Map<string, Origin> = new Map()) => ({
  id: r.id,
  childId: r.childId,
  stateCode: r.stateCode,
  districtCode: r.districtCode,
  orderRef: r.orderRef,
  planOn: r.planOn,
  turns18On: r.turns18On,
  endsOn: r.endsOn,
  needs: r.needs,
  nextReviewDue: r.nextReviewDue,
  reviewOverdue: r.status === 'active' && r.nextReviewDue < today,
  reviews: r.reviews,
  status: r.status,
  follows: origins.get(r.followsStayId ?? r.followsPlacementId ?? '') ?? null,
  version: r.version,
});

/** What the plans follow: the stays (with the institution's name) and the foster placements (with the family). */
async function originsOf(db: Db, rows: AftercareRow[]): Promise<Map<string, Origin>> {
  const stayIds = rows.flatMap((r) => (r.followsStayId ? [r.followsStayId] : []));
  const placementIds = rows.flatMap((r) => (r.followsPlacementId ? [r.followsPlacementId] : []));
  const out = new Map<string, Origin>();
  if (stayIds.length)
    for (const s of await db
      .select({ id: careStay.id, endedOn: careStay.endedOn, endReason: careStay.endReason, place: organisation.name })
      .from(careStay)
      .leftJoin(organisation, eq(organisation.id, careStay.institutionId))
      .where(inArray(careStay.id, stayIds)))
      out.set(s.id, { kind: 'stay_discharge', ...s });
  if (placementIds.length)
    for (const p of await db
      .select({
        id: careFamilyPlacement.id,
        endedOn: careFamilyPlacement.endedOn,
        endReason: careFamilyPlacement.endReason,
        place: careFamilyPlacement.carer,
      })
      .from(careFamilyPlacement)
      .where(inArray(careFamilyPlacement.id, placementIds)))
      out.set(p.id, { kind: 'foster_placement', ...p });
  return out;
}

/**
 * Checks what a new plan follows (s.46): a stay of the young person discharged with reason
 * 'aftercare', or a foster placement of theirs that ended because they turned 18 or still runs
 * (the proposal from 17 years 6 months). Each may be followed by one plan only.
 */
async function checkOrigin(db: Db, actor: Actor, childId: string, input: AftercareInput) {
  if (input.followsStayId && input.followsPlacementId)
    throw badRequest('followsPlacementId', 'a plan follows either a stay or a foster placement, not both');
  if (input.followsStayId) {
    const [s] = await db
      .select()
      .from(careStay)
      .where(
        and(
          eq(careStay.id, input.followsStayId),
          rowsWhere(actor, 'careStay', { ...scopeOf(careStay), organisation: careStay.institutionId }),
        ),
      );
    if (!s || s.childId !== childId) throw badRequest('followsStayId', "no such stay of the young person's in your jurisdiction");
    if (s.endReason !== 'aftercare' || !s.endedOn)
      throw badRequest('followsStayId', `the stay was not discharged to aftercare (${s.endReason ?? 'still running'})`);
  }
  if (input.followsPlacementId) {
    const [p] = await db
      .select()
      .from(careFamilyPlacement)
      .where(and(eq(careFamilyPlacement.id, input.followsPlacementId), placementWhere(actor)));
    if (!p || p.childId !== childId) throw badRequest('followsPlacementId', "no such placement of the young person's in your jurisdiction");
    if (p.kind !== 'foster' && p.kind !== 'group_foster') throw badRequest('followsPlacementId', 'must be a foster placement');
    if (p.endedOn && p.endReason !== 'turned_18')
      throw badRequest('followsPlacementId', `the placement ended for another reason (${p.endReason ?? 'none recorded'})`);
  }
}

export async function createAftercarePlan(ctx: AppContext, actor: Actor, input: AftercareInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'careAftercare', ['childId', 'orderRef', 'planOn', 'needs']);
  const today = istToday(ctx.now());
  if (input.planOn > today) throw badRequest('planOn', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const c = await getChild(tx, actor, input.childId);
    if (!c) throw badRequest('childId', 'no such child in your jurisdiction');
    if (!c.dob) throw badRequest('childId', "the child's date of birth (or an estimate) is needed for aftercare (18 to 21)");
    const turns18On = addMonths(c.dob, 12 * 18);
    const endsOn = addMonths(c.dob, 12 * 21);
    // Planned from 17 years 6 months (timelines aftercareFlag), given until 21 (s.46).
    const from = addMonths(c.dob, careTimelines().aftercareFlag.atMonths);
    if (input.planOn < from) throw badRequest('planOn', `an aftercare plan is made from 17 years 6 months (${from})`);
    if (input.planOn >= endsOn) throw badRequest('planOn', `aftercare ends at 21 (${endsOn})`);
    await checkOrigin(tx, actor, c.id, input);
    const [row] = await tx
      .insert(careAftercarePlan)
      .values({
        childId: c.id,
        stateCode: c.stateCode,
        districtCode: c.districtCode,
        orderRef: input.orderRef,
        planOn: input.planOn,
        turns18On,
        endsOn,
        needs: input.needs,
        nextReviewDue: addMonths(input.planOn, careTimelines().aftercareReview.everyMonths),
        reviews: [],
        followsStayId: input.followsStayId ?? null,
        followsPlacementId: input.followsPlacementId ?? null,
        createdBy: actor.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new HttpError(
        409,
        'plan_exists',
        'The young person has an active aftercare plan (or one follows this stay or placement): review it instead',
        [{ field: 'childId', message: 'already has an active aftercare plan, or one follows the same stay or placement' }],
      );
    await audit(
      tx,
      actor,
      'create',
      'care_aftercare_plan',
      row.id,
      c,
      { follows: row.followsStayId ? 'stay' : row.followsPlacementId ? 'placement' : null },
      { children: [c.id] },
    );
    return aftercareView(row, today, await originsOf(tx, [row]));
  });
}

export async function reviewAftercarePlan(ctx: AppContext, actor: Actor, id: string, input: AftercareReviewInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'careAftercare', ['reviews']);
  const today = istToday(ctx.now());
  if (input.on > today) throw badRequest('on', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const cur = await lockedAtVersion(
      tx
        .select()
        .from(careAftercarePlan)
        .where(and(eq(careAftercarePlan.id, id), aftercareWhere(actor)))
        .for('update'),
      input.version,
      { name: 'Aftercare plan', changed: 'The plan was reviewed by someone else', current: (r) => aftercareView(r, today) },
    );
    if (cur.status !== 'active')
      throw new HttpError(409, 'plan_ended', 'The aftercare plan has ended', [{ field: 'on', message: 'the plan has ended' }]);
    const last = cur.reviews.at(-1)?.on ?? cur.planOn;
    if (input.on < last) throw badRequest('on', `must be on or after the last review or the plan (${last})`);
    const [row] = await tx
      .update(careAftercarePlan)
      .set({
        reviews: [...cur.reviews, { on: input.on, notes: input.notes }],
        nextReviewDue: addMonths(input.on, careTimelines().aftercareReview.everyMonths),
        status: input.end ? 'ended' : 'active',
        version: cur.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(careAftercarePlan.id, id))
      .returning();
    await audit(tx, actor, 'update', 'care_aftercare_plan', id, cur, { ended: !!input.end }, { children: [cur.childId] });
    return aftercareView(row, today, await originsOf(tx, [row]));
  });
}

export async function listAftercarePlans(ctx: AppContext, actor: Actor, q: { childId?: string }) {
  requirePermission(actor, 'care.read');
  const today = istToday(ctx.now());
  const rows = await ctx.db
    .select()
    .from(careAftercarePlan)
    .where(and(aftercareWhere(actor), q.childId ? eq(careAftercarePlan.childId, q.childId) : undefined))
    .orderBy(asc(careAftercarePlan.nextReviewDue))
    .limit(500);
  await audit(ctx.db, actor, 'list', 'care_aftercare_plan', null, null, { count: rows.length }, { children: rows.map((r) => r.childId) });
  const origins = await originsOf(ctx.db, rows);
  return { items: rows.map((r) => aftercareView(r, today, origins)) };
}

// ---------------------------------------------------------------- adoption hand-off

type HandoffRow = typeof careAdoptionHandoff.$inferSelect;
const handoffWhere = (actor: Actor): SQL => rowsWhere(actor, 'careAdoption', scopeOf(careAdoptionHandoff));
const handoffView = (r: HandoffRow) => ({
  id: r.id,
  childId: r.childId,
  caseId: r.caseId,
  stateCode: r.stateCode,
  districtCode: r.districtCode,
  declaredFreeOn: r.declaredFreeOn,
  orderRef: r.orderRef,
  saaId: r.saaId,
  caringsRef: r.caringsRef,
  handedOverOn: r.handedOverOn,
  status: r.status,
  statusOn: r.statusOn,
  version: r.version,
});

async function saaOf(db: Db, id: string) {
  const [i] = await db.select().from(careInstitution).where(eq(careInstitution.organisationId, id));
  return i && i.type === 'saa' ? i : null;
}

export async function handOverForAdoption(ctx: AppContext, actor: Actor, input: HandoffInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'careAdoption', ['childId', 'caseId', 'saaId', 'caringsRef', 'handedOverOn']);
  const today = istToday(ctx.now());
  if (input.handedOverOn > today) throw badRequest('handedOverOn', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const c = await getChild(tx, actor, input.childId);
    if (!c) throw badRequest('childId', 'no such child in your jurisdiction');
    const orders = await cwcOrdersOnCase(tx, actor, input.caseId, 'lfa_declaration');
    if (orders === null) throw badRequest('caseId', 'no such case you may see');
    const lfa = orders.at(-1);
    if (!lfa)
      throw new HttpError(
        400,
        'not_legally_free',
        'The CWC has not declared the child legally free for adoption on this case (JJ Act 2015 s.38, Form 25)',
        [{ field: 'caseId', message: 'no declaration of legal freedom on the case' }],
      );
    if (!(await saaOf(tx, input.saaId))) throw badRequest('saaId', 'must be a Specialised Adoption Agency (s.65)');
    if (input.handedOverOn < lfa.orderedOn) throw badRequest('handedOverOn', `must be on or after the declaration (${lfa.orderedOn})`);
    const [row] = await tx
      .insert(careAdoptionHandoff)
      .values({
        childId: c.id,
        caseId: input.caseId,
        stateCode: c.stateCode,
        districtCode: c.districtCode,
        declaredFreeOn: lfa.orderedOn,
        orderRef: lfa.orderRef,
        saaId: input.saaId,
        caringsRef: input.caringsRef ?? null,
        handedOverOn: input.handedOverOn,
        status: 'handed_over',
        statusOn: input.handedOverOn,
        createdBy: actor.userId,
        createdAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new HttpError(409, 'handoff_exists', 'The child is already handed over for adoption', [
        { field: 'childId', message: 'an open hand-off exists' },
      ]);
    await audit(tx, actor, 'create', 'care_adoption_handoff', row.id, c, { saaId: row.saaId }, { children: [c.id] });
    return handoffView(row);
  });
}

/** The status coming back from the SAA/CARINGS (referred to parents, adopted, returned to the CWC). */
export async function updateHandoff(ctx: AppContext, actor: Actor, id: string, input: HandoffPatch) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'careAdoption', ['status', 'caringsRef']);
  const today = istToday(ctx.now());
  if (input.on > today) throw badRequest('on', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const cur = await lockedAtVersion(
      tx
        .select()
        .from(careAdoptionHandoff)
        .where(and(eq(careAdoptionHandoff.id, id), handoffWhere(actor)))
        .for('update'),
      input.version,
      { name: 'Adoption hand-off', changed: 'The hand-off was updated by someone else', current: handoffView },
    );
    if (cur.status === 'adopted' || cur.status === 'returned')
      throw new HttpError(409, 'handoff_closed', 'The hand-off is closed', [{ field: 'status', message: `already ${cur.status}` }]);
    if (input.on < cur.statusOn) throw badRequest('on', `must be on or after the last status (${cur.statusOn})`);
    const [row] = await tx
      .update(careAdoptionHandoff)
      .set({ status: input.status, statusOn: input.on, caringsRef: input.caringsRef ?? cur.caringsRef, version: cur.version + 1 })
      .where(eq(careAdoptionHandoff.id, id))
      .returning();
    await audit(tx, actor, 'update', 'care_adoption_handoff', id, cur, { from: cur.status, to: row.status }, { children: [cur.childId] });
    return handoffView(row);
  });
}

export async function listHandoffs(ctx: AppContext, actor: Actor) {
  requirePermission(actor, 'care.read');
  const rows = await ctx.db
    .select()
    .from(careAdoptionHandoff)
    .where(handoffWhere(actor))
    .orderBy(asc(careAdoptionHandoff.handedOverOn))
    .limit(500);
  await audit(ctx.db, actor, 'list', 'care_adoption_handoff', null, null, { count: rows.length }, { children: rows.map((r) => r.childId) });
  return { items: rows.map(handoffView) };
}
