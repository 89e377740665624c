import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { requireWritable } from '../access/fields';
import { HttpError, badRequest } from '../http/errors';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { publish } from '../events/events';
import { getChild, visibleChild } from '../registry/children.repository';
import { child } from '../registry/registry.schema';
import { fosterCareClocks } from '../law/care-clocks';
import { careFamilyPlacement, careFosterCarer, careFosterInspection } from './care.schema';
import { carerView, carerWhere, placedCount, placementRecords, placementWhere } from './foster.service';
import { lockedAtVersion } from './versioned';
import { withholdAfterEnd } from './ledger-due.service';
import {
  addMonths,
  careStatusAfterPlacement,
  careTimelines,
  matchingRules,
  placeLimit,
  placementEndProblem,
  rankCarers,
  yearsBetween,
  type MatchCarer,
} from './domain';
import type { CarerProfileInput, MatchQuery, PlacementEndInput } from './foster-life.model';

/**
 * The foster care lifecycle (JJ Act 2015 s.44; JJ Model Rules 2016 r.23), after a family is
 * approved (foster.service.ts): what the family can take, matching a child to the approved
 * families of the district, ending a placement on the CWC's order (the ledger stops, the
 * registry's care status follows), the monthly Form 35 visits due (r.23(18)), and an aftercare
 * proposal (s.46) for a foster child reaching 18. Rows follow the permitted-fields policy
 * (fosterCarer, carePlacement, careAftercare); every read and write is audited, ids only.
 */

const FOSTER_KINDS = ['foster', 'group_foster'];

// ---------------------------------------------------------------- what the family can take

export async function setCarerProfile(ctx: AppContext, actor: Actor, id: string, input: CarerProfileInput) {
  requirePermission(actor, 'care.read');
  requireWritable(actor, 'fosterCarer', ['profile', ...(input.validUntil !== undefined ? ['reviewDue'] : [])], {
    as: { reviewDue: 'validUntil' },
  });
  return ctx.db.transaction(async (tx) => {
    const cur = await lockedAtVersion(
      tx
        .select()
        .from(careFosterCarer)
        .where(and(eq(careFosterCarer.id, id), carerWhere(actor)))
        .for('update'),
      input.version,
      { name: 'Foster carer', changed: 'The family’s record was changed by someone else', current: carerView },
    );
    // A group foster family takes more children than a foster family, up to the guidelines' limit (domain/foster-approval.json, unverified).
    const limit = placeLimit(cur.kind);
    if (input.capacity > limit)
      throw badRequest(
        'capacity',
        `a ${cur.kind === 'group_foster' ? 'group foster family' : 'foster family'} takes at most ${limit} children`,
      );
    if (input.validUntil && cur.approvedOn && input.validUntil < cur.approvedOn)
      throw badRequest('validUntil', `must be on or after the committee's approval (${cur.approvedOn})`);
    const [{ placed }] = await tx
      .select({ placed: sql<number>`count(*)`.mapWith(Number) })
      .from(careFamilyPlacement)
      .where(and(eq(careFamilyPlacement.carerId, id), isNull(careFamilyPlacement.endedOn)));
    if (input.capacity < placed) throw badRequest('capacity', `${placed} children are placed with the family now`);
    const [row] = await tx
      .update(careFosterCarer)
      .set({
        capacity: input.capacity,
        prefersSex: input.prefersSex,
        ageMin: input.ageMin ?? null,
        ageMax: input.ageMax ?? null,
        languages: [...new Set(input.languages.map((l) => l.toLowerCase()))],
        takesSiblings: input.takesSiblings,
        ...(input.validUntil !== undefined ? { reviewDue: input.validUntil } : {}),
        version: cur.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(careFosterCarer.id, id))
      .returning();
    await audit(tx, actor, 'update', 'care_foster_carer', id, cur, { profile: true, capacity: input.capacity });
    return carerView(row);
  });
}

// ---------------------------------------------------------------- matching

/**
 * The approved families of the child's district ranked for the child (domain/matching.ts). The
 * query keeps only what "approved" means: the home study made (Form 30), the committee's approval,
 * not past its end (review_due), a foster or group foster family (a kinship carer is a relative of
 * one child), in the child's district and the actor's jurisdiction; with the children placed with
 * each now.
 */
export async function matchCarers(ctx: AppContext, actor: Actor, q: MatchQuery) {
  requirePermission(actor, 'care.read');
  const today = istToday(ctx.now());
  const c = await getChild(ctx.db, actor, q.childId);
  if (!c) throw badRequest('childId', 'no such child in your jurisdiction');
  // Brothers and sisters (the registry's family) placed with a family now: keep them together.
  const siblings = c.familyId
    ? await ctx.db
        .select({ carerId: careFamilyPlacement.carerId })
        .from(careFamilyPlacement)
        .innerJoin(child, eq(child.id, careFamilyPlacement.childId))
        .where(
          and(
            eq(child.familyId, c.familyId),
            ne(child.id, c.id),
            visibleChild(actor),
            placementWhere(actor),
            isNull(careFamilyPlacement.endedOn),
            isNotNull(careFamilyPlacement.carerId),
          ),
        )
    : [];
  const rows = await ctx.db
    .select({ carer: careFosterCarer, placed: placedCount() })
    .from(careFosterCarer)
    .where(
      and(
        carerWhere(actor),
        eq(careFosterCarer.stateCode, c.stateCode),
        eq(careFosterCarer.districtCode, c.districtCode),
        eq(careFosterCarer.status, 'approved'),
        isNotNull(careFosterCarer.approvedOn),
        isNotNull(careFosterCarer.homeStudy),
        inArray(careFosterCarer.kind, FOSTER_KINDS),
        or(isNull(careFosterCarer.reviewDue), gte(careFosterCarer.reviewDue, today)),
      ),
    )
    .orderBy(asc(careFosterCarer.id))
    .limit(500);
  const carers: MatchCarer[] = rows.map(({ carer: r, placed: n }) => ({
    id: r.id,
    capacity: r.capacity,
    placed: n,
    prefersSex: r.prefersSex,
    ageMin: r.ageMin,
    ageMax: r.ageMax,
    languages: r.languages,
    takesSiblings: r.takesSiblings,
    subdistrictCode: r.subdistrictCode,
    blockCode: r.blockCode,
    villageId: r.villageId,
  }));
  const siblingCarerIds = new Set(siblings.map((s) => s.carerId!));
  const ageYears = c.dob ? yearsBetween(c.dob, today) : null;
  const ranked = rankCarers(
    {
      sex: c.sex,
      ageYears,
      subdistrictCode: c.subdistrictCode,
      blockCode: c.blockCode,
      villageId: c.villageId,
      languages: q.languages ?? [],
      siblingsToPlace: q.siblingsToPlace ?? 0,
      siblingCarerIds,
    },
    carers,
  );
  const byId = new Map(rows.map((r) => [r.carer.id, r]));
  const lite = (id: string) => {
    const v = carerView(byId.get(id)!.carer);
    return {
      id: v.id,
      kind: v.kind,
      name: v.name,
      villageId: v.villageId,
      approvedOn: v.approvedOn,
      reviewDue: v.reviewDue,
      profile: v.profile,
      version: v.version,
    };
  };
  await audit(ctx.db, actor, 'list', 'care_foster_carer', null, c, { purpose: 'matching', count: rows.length }, { children: [c.id] });
  const rules = matchingRules();
  return {
    child: { id: c.id, sex: c.sex, ageYears, siblingsPlaced: siblings.length },
    rules: { version: rules.version, basis: rules.basis, verification: rules.verification },
    candidates: ranked.candidates.map((m) => ({
      carer: lite(m.carerId),
      score: m.score,
      placed: byId.get(m.carerId)!.placed,
      freePlaces: m.freePlaces,
      reasons: m.reasons,
    })),
    excluded: ranked.excluded.map((m) => ({
      carer: lite(m.carerId),
      placed: byId.get(m.carerId)!.placed,
      freePlaces: m.freePlaces,
      exclusions: m.exclusions,
    })),
  };
}

// ---------------------------------------------------------------- ending a placement

/**
 * Ends a family-based placement on the CWC's order (JJ Act 2015 s.37, s.44): the grant ledger
 * stops after the end month (its 'due' months after are withheld with the reason; months already
 * paid after it are returned for recovery), the registry's care status follows through
 * `care.placement_ended`, and a child leaving at 18 is proposed for aftercare (s.46).
 */
export async function endPlacement(ctx: AppContext, actor: Actor, id: string, input: PlacementEndInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'carePlacement', ['endedOn', 'endReason', 'endOrderRef']);
  const today = istToday(ctx.now());
  if (input.endedOn > today) throw badRequest('endedOn', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const cur = await lockedAtVersion(
      tx
        .select()
        .from(careFamilyPlacement)
        .where(and(eq(careFamilyPlacement.id, id), placementWhere(actor)))
        .for('update'),
      input.version,
      {
        name: 'Placement',
        changed: 'The placement was changed by someone else',
        current: (p) => ({ version: p.version, endedOn: p.endedOn }),
      },
    );
    if (cur.endedOn)
      throw new HttpError(409, 'already_ended', 'The placement has ended', [
        { field: 'endedOn', message: `ended on ${cur.endedOn} (${cur.endReason ?? 'no reason recorded'})` },
      ]);
    if (input.endedOn < cur.startedOn) throw badRequest('endedOn', `must be on or after the placement began (${cur.startedOn})`);
    const [lastVisit] = await tx
      .select({ on: careFosterInspection.visitedOn })
      .from(careFosterInspection)
      .where(and(eq(careFosterInspection.placementId, id), gt(careFosterInspection.visitedOn, input.endedOn)))
      .limit(1);
    if (lastVisit) throw badRequest('endedOn', `a visit is recorded after it (${lastVisit.on})`);
    const c = await getChild(tx, actor, cur.childId);
    const problem = placementEndProblem(input.reason, input.endedOn, c?.dob ?? null);
    if (problem) throw badRequest(problem.field, problem.message);
    const now = ctx.now();
    await tx
      .update(careFamilyPlacement)
      .set({
        endedOn: input.endedOn,
        endReason: input.reason,
        endOrderRef: input.orderRef,
        endedBy: actor.userId,
        version: cur.version + 1,
        updatedAt: now,
      })
      .where(eq(careFamilyPlacement.id, id));
    // The ledger stops with the end month (the month the child left is still the placement's).
    const withheld = await withholdAfterEnd(
      tx,
      id,
      input.endedOn,
      `placement ended on ${input.endedOn} (${input.reason}; order ${input.orderRef})`,
      now,
    );
    const careStatus = careStatusAfterPlacement(input.reason);
    await publish(tx, {
      type: 'care.placement_ended',
      aggregateType: 'care_family_placement',
      aggregateId: id,
      actorUserId: actor.userId,
      stateCode: cur.stateCode,
      districtCode: cur.districtCode,
      at: now,
      payload: { placementId: id, childId: cur.childId, reason: input.reason, careStatus, on: input.endedOn },
    });
    await audit(
      tx,
      actor,
      'update',
      'care_family_placement',
      id,
      cur,
      { ended: input.reason, withheldMonths: withheld.withheld.length },
      { children: [cur.childId] },
    );
    const [placement] = await placementRecords(tx, actor, today, [eq(careFamilyPlacement.id, id)]);
    return {
      placement,
      withheldMonths: withheld.withheld,
      paidAfterEnd: withheld.paidAfterEnd,
      careStatus,
      aftercareProposed: input.reason === 'turned_18',
    };
  });
}

// ---------------------------------------------------------------- the monthly visits due (Form 35)

/** Every running foster placement with its next Form 35 visit (r.23(18)); `overdue` keeps those past due. */
export async function visitsDue(ctx: AppContext, actor: Actor, q: { overdue?: 'true' | 'false' }) {
  requirePermission(actor, 'care.read');
  const today = istToday(ctx.now());
  const rows = await placementRecords(ctx.db, actor, today, [
    inArray(careFamilyPlacement.kind, FOSTER_KINDS),
    isNull(careFamilyPlacement.endedOn),
  ]);
  const items = rows
    .map((r) => {
      const last = r.inspections.at(-1) ?? null;
      const [clock] = fosterCareClocks({ placedOn: r.startedOn, lastInspectionOn: last?.visitedOn ?? null }, r.stateCode, today);
      const daysOverdue = clock.overdue ? Math.round((Date.parse(today) - Date.parse(clock.dueOn)) / 86_400_000) : 0;
      return {
        placementId: r.id,
        childId: r.childId,
        kind: r.kind,
        carer: r.carer,
        carerId: r.carerId,
        districtCode: r.districtCode,
        startedOn: r.startedOn,
        lastVisitOn: last?.visitedOn ?? null,
        lastWellbeing: last?.wellbeing ?? null,
        nextDue: clock.dueOn,
        overdue: clock.overdue,
        daysOverdue,
        citation: clock.citation,
      };
    })
    .filter((v) => (q.overdue === 'true' ? v.overdue : q.overdue === 'false' ? !v.overdue : true))
    .sort((a, b) => (a.nextDue < b.nextDue ? -1 : a.nextDue > b.nextDue ? 1 : a.placementId < b.placementId ? -1 : 1));
  await audit(
    ctx.db,
    actor,
    'list',
    'care_family_placement',
    null,
    null,
    { purpose: 'foster_visits_due', count: items.length },
    { children: items.map((i) => i.childId) },
  );
  return { items };
}

// ---------------------------------------------------------------- aftercare proposals (s.46)

/**
 * Foster children an aftercare plan (s.46, Form 37) should be made for, as the institutions'
 * stays flag theirs: still in foster care from 17 years 6 months (timelines aftercareFlag), or
 * whose placement ended because they turned 18; under 21, without an active plan.
 */
export async function aftercareProposals(ctx: AppContext, actor: Actor) {
  requirePermission(actor, 'care.read');
  const today = istToday(ctx.now());
  const flagAt = careTimelines().aftercareFlag.atMonths;
  // Born on or before this day: 17 years 6 months old today. After the other: not yet 21.
  const bornBy = addMonths(today, -flagAt);
  const bornAfter = addMonths(today, -21 * 12);
  const rows = await ctx.db
    .select({ p: careFamilyPlacement, dob: child.dob })
    .from(careFamilyPlacement)
    .innerJoin(child, eq(child.id, careFamilyPlacement.childId))
    .where(
      and(
        placementWhere(actor),
        visibleChild(actor),
        inArray(careFamilyPlacement.kind, FOSTER_KINDS),
        or(isNull(careFamilyPlacement.endedOn), eq(careFamilyPlacement.endReason, 'turned_18')),
        lte(child.dob, bornBy),
        gt(child.dob, bornAfter),
        sql`NOT EXISTS (SELECT 1 FROM care_aftercare_plan a WHERE a.child_id = ${careFamilyPlacement.childId} AND a.status = 'active')`,
        // A plan made from the proposal follows the placement (migration 0910): the proposal is taken up.
        sql`NOT EXISTS (SELECT 1 FROM care_aftercare_plan a WHERE a.follows_placement_id = ${careFamilyPlacement.id})`,
      ),
    )
    .orderBy(asc(child.dob), asc(careFamilyPlacement.id))
    .limit(500);
  const items = rows.map(({ p, dob }) => ({
    childId: p.childId,
    placementId: p.id,
    kind: p.kind,
    carer: p.carer,
    source: p.endedOn ? ('left_at_18' as const) : ('turning_18' as const),
    turns18On: addMonths(dob!, 18 * 12),
    planFrom: addMonths(dob!, flagAt),
    endsOn: addMonths(dob!, 21 * 12),
    placementEndedOn: p.endedOn,
  }));
  await audit(
    ctx.db,
    actor,
    'list',
    'care_aftercare_plan',
    null,
    null,
    { purpose: 'aftercare_proposals', count: items.length },
    { children: items.map((i) => i.childId) },
  );
  return { items };
}
