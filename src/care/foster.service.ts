import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { covers, requirePermission, type Actor } from '../access/policy';
import { requireWritable, rowsWhere } from '../access/fields';
import { HttpError, badRequest, notFound } from '../http/errors';
import { lockedAtVersion } from './versioned';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { getLocation, placementOf } from '../locations/locations.repository';
import { careFamilyPlacement, careFosterCarer, careFosterInspection } from './care.schema';
import { scopeOf } from './care.repository';
import { fosterCareClocks } from '../law/care-clocks';
import { placeLimit } from './domain';
import type { FosterCarerInput, FosterInspectionInput, HomeStudyInput, SfcacDecisionInput } from './family.model';

/**
 * Foster care (JJ Act 2015 s.44; JJ Model Rules 2016 r.23): a family applies; a home study
 * report is made (Form 30, r.23(9)); the Sponsorship and Foster Care Approval Committee decides
 * (r.23); a child is placed with an approved family only on the CWC's order (Form 32, recorded as
 * a family placement with `carerId`); the family is inspected every month (Form 35, r.23(18)),
 * a clock that goes overdue; the placement with its visits is the record of the child in foster
 * care (Form 34). Rows follow the permitted-fields policy (fosterCarer, carePlacement).
 */

/**
 * Children placed with the family now. Written out: inside a selected field drizzle names the column
 * without its table, which the subquery would read as its own.
 */
export const placedCount = () =>
  sql<number>`(SELECT count(*) FROM care_family_placement fp WHERE fp.carer_id = care_foster_carer.id AND fp.ended_on IS NULL)`.mapWith(
    Number,
  );

export const carerWhere = (actor: Actor): SQL => rowsWhere(actor, 'fosterCarer', scopeOf(careFosterCarer));
export const placementWhere = (actor: Actor): SQL => rowsWhere(actor, 'carePlacement', scopeOf(careFamilyPlacement));

export const carerView = (r: typeof careFosterCarer.$inferSelect) => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  address: r.address,
  stateCode: r.stateCode,
  districtCode: r.districtCode,
  villageId: r.villageId,
  appliedOn: r.appliedOn,
  status: r.status,
  homeStudy: r.homeStudy ?? null,
  decision: r.decision ?? null,
  approvedOn: r.approvedOn,
  reviewDue: r.reviewDue,
  profile: {
    capacity: r.capacity,
    prefersSex: r.prefersSex,
    ageMin: r.ageMin,
    ageMax: r.ageMax,
    languages: r.languages,
    takesSiblings: r.takesSiblings,
  },
  version: r.version,
});

export async function applyFosterCarer(ctx: AppContext, actor: Actor, input: FosterCarerInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'fosterCarer', ['kind', 'name', 'address', 'locationId', 'appliedOn']);
  const today = istToday(ctx.now());
  if (input.appliedOn > today) throw badRequest('appliedOn', 'cannot be in the future');
  const loc = await getLocation(ctx.db, input.locationId);
  const place = loc ? placementOf(loc) : null;
  if (!place) throw badRequest('locationId', `no district-level place "${input.locationId}"`);
  if (!covers(actor.scope, place)) throw badRequest('locationId', 'is outside your jurisdiction');
  const [row] = await ctx.db
    .insert(careFosterCarer)
    .values({
      kind: input.kind,
      name: input.name,
      address: input.address ?? null,
      ...place,
      appliedOn: input.appliedOn,
      status: 'applied',
      createdBy: actor.userId,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  await audit(ctx.db, actor, 'create', 'care_foster_carer', row.id, row, { kind: row.kind });
  return carerView(row);
}

export async function listFosterCarers(ctx: AppContext, actor: Actor, q: { status?: string }) {
  requirePermission(actor, 'care.read');
  const rows = await ctx.db
    .select()
    .from(careFosterCarer)
    .where(and(carerWhere(actor), q.status ? eq(careFosterCarer.status, q.status) : undefined))
    .orderBy(desc(careFosterCarer.appliedOn))
    .limit(500);
  await audit(ctx.db, actor, 'list', 'care_foster_carer', null, null, { count: rows.length });
  return { items: rows.map(carerView) };
}

/** The family's record, locked at the version the caller read (within the actor's rows); 409 otherwise. */
export const lockCarer = (db: Db, actor: Actor, id: string, version: number, changed = 'The application was changed by someone else') =>
  lockedAtVersion(
    db
      .select()
      .from(careFosterCarer)
      .where(and(eq(careFosterCarer.id, id), carerWhere(actor)))
      .for('update'),
    version,
    { name: 'Foster carer', changed, current: carerView },
  );

/** The home study report (Form 30, r.23(9)), made by the DCPU's social worker or an NGO. */
export async function recordHomeStudy(ctx: AppContext, actor: Actor, id: string, input: HomeStudyInput) {
  requirePermission(actor, 'care.read');
  requireWritable(actor, 'fosterCarer', ['homeStudy']);
  const today = istToday(ctx.now());
  if (input.on > today) throw badRequest('on', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const cur = await lockCarer(tx, actor, id, input.version);
    if (input.on < cur.appliedOn) throw badRequest('on', `must be on or after the application (${cur.appliedOn})`);
    if (cur.status !== 'applied' && cur.status !== 'home_study_done')
      throw new HttpError(409, 'already_decided', 'The committee has decided this application', [
        { field: 'homeStudy', message: `the application is ${cur.status}` },
      ]);
    const { version: _v, ...study } = input;
    const [row] = await tx
      .update(careFosterCarer)
      .set({ homeStudy: study, status: 'home_study_done', version: cur.version + 1, updatedAt: ctx.now() })
      .where(eq(careFosterCarer.id, id))
      .returning();
    await audit(tx, actor, 'update', 'care_foster_carer', id, cur, { homeStudy: input.recommendation });
    return carerView(row);
  });
}

/** The Sponsorship and Foster Care Approval Committee's decision (r.23): only after the home study. */
export async function decideFosterCarer(ctx: AppContext, actor: Actor, id: string, input: SfcacDecisionInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'fosterCarer', ['decision']);
  const today = istToday(ctx.now());
  if (input.meetingOn > today) throw badRequest('meetingOn', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const cur = await lockCarer(tx, actor, id, input.version);
    if (cur.status !== 'home_study_done' || !cur.homeStudy)
      throw new HttpError(409, 'no_home_study', 'The committee decides after the home study report (Form 30)', [
        { field: 'decision', message: cur.status === 'applied' ? 'no home study yet' : `the application is ${cur.status}` },
      ]);
    if (input.meetingOn < cur.homeStudy.on) throw badRequest('meetingOn', `must be on or after the home study (${cur.homeStudy.on})`);
    const { version: _v, ...decision } = input;
    const approved = input.decision === 'approved';
    const [row] = await tx
      .update(careFosterCarer)
      .set({
        decision,
        status: approved ? 'approved' : 'rejected',
        approvedOn: approved ? input.meetingOn : null,
        version: cur.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(careFosterCarer.id, id))
      .returning();
    await audit(tx, actor, 'update', 'care_foster_carer', id, cur, { decision: input.decision });
    return carerView(row);
  });
}

/** For a placement with a foster carer: the carer must be approved by the committee (r.23) before the order's date. */
export async function approvedCarer(db: Db, actor: Actor, carerId: string, startedOn: string) {
  const [c] = await db
    .select()
    .from(careFosterCarer)
    .where(and(eq(careFosterCarer.id, carerId), carerWhere(actor)))
    // Locked: two placements with the same family at once must not both take its last place.
    .for('update');
  if (!c) throw badRequest('carerId', 'no such foster carer in your jurisdiction');
  if (c.status !== 'approved' || !c.approvedOn)
    throw new HttpError(409, 'carer_not_approved', 'The family is not approved by the Sponsorship and Foster Care Approval Committee', [
      { field: 'carerId', message: `the application is ${c.status}` },
    ]);
  if (c.approvedOn > startedOn) throw badRequest('startedOn', `must be on or after the committee's approval (${c.approvedOn})`);
  // The approval holds until the end the committee set (review_due); past it, renew it first (foster-renewal.service.ts).
  if (c.reviewDue && c.reviewDue < startedOn)
    throw new HttpError(409, 'approval_lapsed', "The committee's approval of the family has ended: renew it first", [
      { field: 'carerId', message: `the approval ended on ${c.reviewDue}` },
    ]);
  // The places the home study found (Form 30, r.23(9)), within the kind's limit (domain/foster-approval.json:
  // a group foster family up to 8, unverified), less the children placed with the family now.
  const places = Math.min(c.capacity, placeLimit(c.kind));
  const [{ placed }] = await db
    .select({ placed: sql<number>`count(*)`.mapWith(Number) })
    .from(careFamilyPlacement)
    .where(and(eq(careFamilyPlacement.carerId, c.id), isNull(careFamilyPlacement.endedOn)));
  if ((c.kind === 'foster' || c.kind === 'group_foster') && placed >= places)
    throw new HttpError(409, 'no_free_place', 'The family has no free place', [
      { field: 'carerId', message: `${placed} of the family's ${places} places are taken` },
    ]);
  return c;
}

// ---------------------------------------------------------------- the record of a child in foster care (Form 34)

/** The monthly Form 35 inspection (JJ Model Rules 2016 r.23(18)): the rule, its source and a state's override are the law module's. */
function nextInspection(startedOn: string, visits: { visitedOn: string }[], stateCode: number, today: string) {
  const [c] = fosterCareClocks({ placedOn: startedOn, lastInspectionOn: visits.at(-1)?.visitedOn ?? null }, stateCode, today);
  return c.dueOn;
}

export async function placementRecords(db: Db, actor: Actor, today: string, extra: SQL[]) {
  const rows = await db
    .select()
    .from(careFamilyPlacement)
    .where(and(placementWhere(actor), ...extra))
    .orderBy(asc(careFamilyPlacement.startedOn))
    .limit(500);
  const ids = rows.map((r) => r.id);
  const visits = ids.length
    ? await db
        .select()
        .from(careFosterInspection)
        .where(inArray(careFosterInspection.placementId, ids))
        .orderBy(asc(careFosterInspection.visitedOn))
    : [];
  return rows.map((r) => {
    const mine = visits.filter((v) => v.placementId === r.id);
    const monitored = (r.kind === 'foster' || r.kind === 'group_foster') && !r.endedOn;
    const due = monitored ? nextInspection(r.startedOn, mine, r.stateCode, today) : null;
    return {
      id: r.id,
      childId: r.childId,
      kind: r.kind,
      carer: r.carer,
      carerId: r.carerId,
      caseId: r.caseId,
      orderRef: r.orderRef,
      orderForm: r.orderForm,
      approvedOn: r.approvedOn,
      startedOn: r.startedOn,
      endedOn: r.endedOn,
      endReason: r.endReason,
      endOrderRef: r.endOrderRef,
      stateCode: r.stateCode,
      districtCode: r.districtCode,
      version: r.version,
      inspections: mine.map((v) => ({
        id: v.id,
        visitedOn: v.visitedOn,
        wellbeing: v.wellbeing,
        findings: v.findings,
        childSeenAlone: v.childSeenAlone,
        concerns: v.concerns,
      })),
      nextInspectionDue: due,
      inspectionOverdue: !!due && due < today,
    };
  });
}

export async function readPlacement(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'care.read');
  const [p] = await placementRecords(ctx.db, actor, istToday(ctx.now()), [eq(careFamilyPlacement.id, id)]);
  if (!p) throw notFound('Placement');
  await audit(ctx.db, actor, 'read', 'care_family_placement', id, p, {}, { children: [p.childId] });
  return p;
}

/** The monthly inspection of the foster family (Form 35, r.23(18)). */
export async function recordFosterInspection(ctx: AppContext, actor: Actor, id: string, input: FosterInspectionInput) {
  requirePermission(actor, 'care.read');
  requireWritable(actor, 'carePlacement', ['inspections']);
  const today = istToday(ctx.now());
  if (input.visitedOn > today) throw badRequest('visitedOn', 'cannot be in the future');
  if (input.wellbeing !== 'good' && !input.concerns) throw badRequest('concerns', 'say what the concern is');
  return ctx.db.transaction(async (tx) => {
    const [p] = await tx
      .select()
      .from(careFamilyPlacement)
      .where(and(eq(careFamilyPlacement.id, id), placementWhere(actor)))
      .for('update');
    if (!p) throw notFound('Placement');
    if (p.kind !== 'foster' && p.kind !== 'group_foster')
      throw badRequest('visitedOn', 'only a foster placement is inspected monthly (Form 35)');
    if (input.visitedOn < p.startedOn) throw badRequest('visitedOn', `must be on or after the placement (${p.startedOn})`);
    if (p.endedOn && input.visitedOn > p.endedOn) throw badRequest('visitedOn', `must be on or before the placement ended (${p.endedOn})`);
    const [v] = await tx
      .insert(careFosterInspection)
      .values({
        placementId: id,
        visitedOn: input.visitedOn,
        wellbeing: input.wellbeing,
        findings: input.findings,
        childSeenAlone: input.childSeenAlone ?? null,
        concerns: input.concerns || null,
        byUser: actor.userId,
        at: ctx.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!v)
      throw new HttpError(409, 'already_visited', 'A visit on that day is already recorded', [
        { field: 'visitedOn', message: 'already recorded' },
      ]);
    await audit(tx, actor, 'create', 'care_foster_inspection', v.id, p, { wellbeing: input.wellbeing }, { children: [p.childId] });
    const [rec] = await placementRecords(tx, actor, today, [eq(careFamilyPlacement.id, id)]);
    return rec;
  });
}
