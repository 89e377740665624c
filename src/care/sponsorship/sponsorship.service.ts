/**
 * Sponsorship as applications the Sponsorship and Foster Care Approval Committee decides (issue
 * #18): JJ Act 2015 s.45; JJ Model Rules 2016 R.24 (the CWC's sponsorship order on Form 36,
 * R.24(5)); Mission Vatsalya guidelines 2022, 4.1 (the SFCAC sanctions and reviews; ₹4,000 a
 * month). The clocks are the law module's (src/law/care-clocks.ts): the decision within three
 * months of the application, the yearly review, and the pause when a school-going child is absent
 * more than 30 days (pause.ts). A sanction opens a family placement of kind 'sponsorship' through
 * the care module's recordFamilyPlacement, so the grant ledger (ledger.service.ts) makes its
 * monthly entries; a month that falls in a pause is withheld with the reason and cannot be paid.
 * Rows follow the permitted-fields policy of a family placement (carePlacement: sponsorship is
 * one, s.45); deciding and reviewing take the SFCAC's write right (fosterCarer `decision`: the
 * DCPU and the CWC sit on it, R.23, R.24).
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../http/context';
import type { Db } from '../../db/client';
import { requirePermission, type Actor } from '../../access/policy';
import { requireWritable, rowsWhere } from '../../access/fields';
import { HttpError, badRequest, conflict, notFound } from '../../http/errors';
import { audit } from '../../audit/audit.service';
import { istToday } from '../../kernel/clock';
import { getChild } from '../../registry/children.repository';
import { schoolGoingFromRegistry, sponsorshipClocks } from '../../law/care-clocks';
import { careFamilyPlacement, carePayment } from '../care.schema';
import { scopeOf } from '../care.repository';
import { defaultValidUntil, grantFor } from '../domain';
import { recordFamilyPlacement } from '../pathways.service';
import { ledger, recordPayment, updatePayment } from '../ledger.service';
import { withholdAfterEnd } from '../ledger-due.service';
import { careSponsorship } from './sponsorship.schema';
import { PAUSE_REASON, monthPaused, pausePeriods, type PausePeriod } from './pause';
import type {
  SponsorshipAbsenceInput,
  SponsorshipDecisionInput,
  SponsorshipInput,
  SponsorshipOut,
  SponsorshipPaymentInput,
  SponsorshipReviewInput,
} from './sponsorship.model';

type Row = typeof careSponsorship.$inferSelect;
export const sponsorshipWhere = (actor: Actor): SQL => rowsWhere(actor, 'carePlacement', scopeOf(careSponsorship));

/** A record with its clocks, due day and pauses on `today`. */
export function sponsorshipView(r: Row, today: string): SponsorshipOut {
  const clocks = sponsorshipClocks(
    {
      appliedOn: r.appliedOn,
      decidedOn: r.decidedOn,
      sanctioned: r.status === 'sanctioned',
      lastReviewOn: r.lastReviewOn,
      // An absence is recorded only for a child the registry says is enrolled (recordAbsence).
      schoolGoing: true,
      absentSince: r.absentSince,
      endedOn: r.endedOn,
    },
    r.stateCode,
    today,
  ).map(({ basis: _b, ...c }) => c);
  const pauses = pausePeriods(r.absences, r.absentSince, r.stateCode, today);
  const dues = clocks.map((c) => c.dueOn).sort();
  return {
    id: r.id,
    childId: r.childId,
    caseId: r.caseId,
    stateCode: r.stateCode,
    districtCode: r.districtCode,
    appliedOn: r.appliedOn,
    applicant: r.applicant,
    ground: r.ground,
    status: r.status,
    decision: r.decision ?? null,
    decidedOn: r.decidedOn,
    orderRef: r.orderRef,
    orderForm: r.orderRef ? 'form36' : null,
    placementId: r.placementId,
    monthlyAmount: r.monthlyAmount,
    rateVersion: r.rateVersion,
    reviews: r.reviews,
    lastReviewOn: r.lastReviewOn,
    absentSince: r.absentSince,
    absences: r.absences,
    endedOn: r.endedOn,
    endReason: r.endReason,
    validUntil: r.validUntil,
    clocks,
    nextDue: dues[0] ?? null,
    overdue: clocks.some((c) => c.overdue),
    paused: r.status === 'sanctioned' && pauses.some((p) => p.to === null),
    pauses,
    version: r.version,
  };
}

export async function applySponsorship(ctx: AppContext, actor: Actor, input: SponsorshipInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'carePlacement', ['childId', 'kind', 'caseId']);
  const today = istToday(ctx.now());
  if (input.appliedOn > today) throw badRequest('appliedOn', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const c = await getChild(tx, actor, input.childId);
    if (!c) throw badRequest('childId', 'no such child in your jurisdiction');
    // Sponsorship support ends at 18 (JJ Act 2015 s.45; Mission Vatsalya guidelines 2022, 4.1).
    if (c.dob && addYears(c.dob, 18) <= input.appliedOn)
      throw badRequest('childId', 'the child was 18 or older on the day of the application');
    const [row] = await tx
      .insert(careSponsorship)
      .values({
        childId: c.id,
        caseId: input.caseId ?? null,
        stateCode: c.stateCode,
        districtCode: c.districtCode,
        subdistrictCode: c.subdistrictCode,
        blockCode: c.blockCode,
        villageId: c.villageId,
        appliedOn: input.appliedOn,
        applicant: input.applicant,
        ground: input.ground,
        status: 'applied',
        reviews: [],
        absences: [],
        createdBy: actor.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new HttpError(409, 'sponsorship_open', 'The child already has a sponsorship application or sanction open', [
        { field: 'childId', message: 'an open application or sanction exists' },
      ]);
    await audit(tx, actor, 'create', 'care_sponsorship', row.id, null, { ground: row.ground }, { children: [row.childId] });
    return sponsorshipView(row, today);
  });
}

const addYears = (day: string, n: number) => `${Number(day.slice(0, 4)) + n}${day.slice(4)}`;

export async function lockSponsorship(db: Db, actor: Actor, id: string, version: number, today: string) {
  const [cur] = await db
    .select()
    .from(careSponsorship)
    .where(and(eq(careSponsorship.id, id), sponsorshipWhere(actor)))
    .for('update');
  if (!cur) throw notFound('Sponsorship');
  if (cur.version !== version) throw conflict('The sponsorship was changed by someone else', sponsorshipView(cur, today));
  return cur;
}

function mustBe(cur: Row, status: string, field: string) {
  if (cur.status !== status)
    throw new HttpError(409, 'wrong_status', `The sponsorship is ${cur.status}`, [{ field, message: `only when ${status}` }]);
}

/** The SFCAC's decision; a sanction opens the sponsorship placement on the CWC's Form 36 order. */
export async function decideSponsorship(ctx: AppContext, actor: Actor, id: string, input: SponsorshipDecisionInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'fosterCarer', ['decision']);
  const today = istToday(ctx.now());
  if (input.meetingOn > today) throw badRequest('meetingOn', 'cannot be in the future');
  const sanctioned = input.decision === 'sanctioned';
  if (sanctioned && !input.orderRef) throw badRequest('orderRef', "the CWC's sponsorship order (Form 36, R.24(5)) is required");
  if (sanctioned && !input.startsOn) throw badRequest('startsOn', 'is required with a sanction');
  if (!sanctioned && input.validUntil) throw badRequest('validUntil', 'a refusal sets no period');
  if (sanctioned && input.validUntil && input.validUntil <= input.startsOn!)
    throw badRequest('validUntil', `must be after the day the sponsorship begins (${input.startsOn})`);
  return ctx.db.transaction(async (tx) => {
    const cur = await lockSponsorship(tx, actor, id, input.version, today);
    if (cur.status !== 'applied')
      throw new HttpError(409, 'already_decided', 'The committee has decided this application', [
        { field: 'decision', message: `the application is ${cur.status}` },
      ]);
    if (input.meetingOn < cur.appliedOn) throw badRequest('meetingOn', `must be on or after the application (${cur.appliedOn})`);
    let placementId: string | null = null;
    let grant: { amount: number; version: string } | null = null;
    if (sanctioned) {
      const startsOn = input.startsOn!;
      if (startsOn < input.meetingOn) throw badRequest('startsOn', `must be on or after the committee's meeting (${input.meetingOn})`);
      grant = grantFor('sponsorship', startsOn.slice(0, 7));
      if (!grant) throw badRequest('startsOn', 'no sponsorship grant is in force in that month (src/care/domain/grants.json)');
      // The placement (and with it the ledger's monthly entries) through the care module's own function;
      // with a case, it checks the CWC's sponsorship order is recorded on it.
      const p = await recordFamilyPlacement({ ...ctx, db: tx }, actor, {
        childId: cur.childId,
        kind: 'sponsorship',
        caseId: cur.caseId,
        orderRef: input.orderRef!,
        approvedOn: input.meetingOn,
        startedOn: startsOn,
      });
      await tx.update(careFamilyPlacement).set({ orderForm: 'form36' }).where(eq(careFamilyPlacement.id, p.id));
      placementId = p.id;
    }
    const { version: _v, ...decision } = input;
    const [row] = await tx
      .update(careSponsorship)
      .set({
        status: sanctioned ? 'sanctioned' : 'refused',
        decision,
        decidedOn: input.meetingOn,
        orderRef: sanctioned ? input.orderRef! : null,
        placementId,
        monthlyAmount: grant?.amount ?? null,
        rateVersion: grant?.version ?? null,
        // The sanction's period (Mission Vatsalya guidelines 2022, 4.1): the committee's, or the default as data.
        validUntil: sanctioned ? (input.validUntil ?? defaultValidUntil(input.startsOn!)) : null,
        version: cur.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(careSponsorship.id, id))
      .returning();
    await audit(tx, actor, 'update', 'care_sponsorship', id, cur, { decision: input.decision }, { children: [cur.childId] });
    return sponsorshipView(row, today);
  });
}

/** The SFCAC's yearly review; 'end' ends the sponsorship and its placement (the ledger stops with it). */
export async function reviewSponsorship(ctx: AppContext, actor: Actor, id: string, input: SponsorshipReviewInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'fosterCarer', ['decision']);
  const today = istToday(ctx.now());
  if (input.on > today) throw badRequest('on', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const cur = await lockSponsorship(tx, actor, id, input.version, today);
    mustBe(cur, 'sanctioned', 'outcome');
    const since = cur.lastReviewOn ?? cur.decidedOn!;
    if (input.on < since) throw badRequest('on', `must be on or after the last decision or review (${since})`);
    const { version: _v, ...review } = input;
    const ends = input.outcome === 'end';
    if (ends && cur.placementId) {
      await tx
        .update(careFamilyPlacement)
        .set({ endedOn: input.on, endReason: 'sponsorship ended on review', version: sql`${careFamilyPlacement.version} + 1` })
        .where(and(eq(careFamilyPlacement.id, cur.placementId), eq(careFamilyPlacement.kind, 'sponsorship')));
      // The ledger stops with the end month, as for every other end (ledger-due.service.ts).
      await withholdAfterEnd(tx, cur.placementId, input.on, `sponsorship ended on review on ${input.on}`, ctx.now());
    }
    const [row] = await tx
      .update(careSponsorship)
      .set({
        reviews: [...cur.reviews, review],
        lastReviewOn: input.on,
        ...(ends ? { status: 'ended', endedOn: input.on, endReason: input.notes } : {}),
        version: cur.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(careSponsorship.id, id))
      .returning();
    await audit(tx, actor, 'update', 'care_sponsorship', id, cur, { review: input.outcome }, { children: [cur.childId] });
    return sponsorshipView(row, today);
  });
}

/**
 * A school absence of a sponsored child begins or ends. Only for a child the registry records as
 * enrolled in school (the pause applies to a school-going child); months already due that now
 * fall in a pause are withheld with the reason.
 */
export async function recordAbsence(ctx: AppContext, actor: Actor, id: string, input: SponsorshipAbsenceInput) {
  requirePermission(actor, 'care.read');
  requireWritable(actor, 'carePlacement', ['inspections']);
  const today = istToday(ctx.now());
  const day = (input.absentSince ?? input.backOn)!;
  const field = input.absentSince ? 'absentSince' : 'backOn';
  if (day > today) throw badRequest(field, 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const cur = await lockSponsorship(tx, actor, id, input.version, today);
    mustBe(cur, 'sanctioned', field);
    let set: Partial<Row>;
    if (input.absentSince) {
      if (cur.absentSince)
        throw new HttpError(409, 'already_absent', `An absence since ${cur.absentSince} is open`, [
          { field, message: 'record the return first' },
        ]);
      const c = await getChild(tx, actor, cur.childId);
      if (!schoolGoingFromRegistry(c?.schoolStatus))
        throw badRequest(field, 'the registry does not record the child as enrolled in school; the pause applies to a school-going child');
      const start = cur.decision?.startsOn ?? cur.decidedOn!;
      if (day < start) throw badRequest(field, `must be on or after the sponsorship began (${start})`);
      const lastBack = cur.absences.at(-1)?.to;
      if (lastBack && day < lastBack) throw badRequest(field, `must be on or after the last return (${lastBack})`);
      set = { absentSince: day };
    } else {
      if (!cur.absentSince) throw new HttpError(409, 'not_absent', 'No absence is open', [{ field, message: 'record the absence first' }]);
      if (day <= cur.absentSince) throw badRequest(field, `must be after the first day absent (${cur.absentSince})`);
      set = { absentSince: null, absences: [...cur.absences, { from: cur.absentSince, to: day }] };
    }
    const [row] = await tx
      .update(careSponsorship)
      .set({ ...set, version: cur.version + 1, updatedAt: ctx.now() })
      .where(eq(careSponsorship.id, id))
      .returning();
    await withholdPaused(tx, actor, row, today);
    await audit(tx, actor, 'update', 'care_sponsorship', id, cur, { [field]: day }, { children: [cur.childId] });
    return sponsorshipView(row, today);
  });
}

/** Marks the 'due' ledger entries of paused months withheld, with the reason; returns the months. */
async function withholdPaused(db: Db, actor: Actor | null, r: Row, today: string): Promise<string[]> {
  if (!r.placementId) return [];
  const pauses = pausePeriods(r.absences, r.absentSince, r.stateCode, today);
  if (!pauses.length) return [];
  const due = await db
    .select()
    .from(carePayment)
    .where(and(eq(carePayment.placementId, r.placementId), eq(carePayment.status, 'due')));
  const hit = due.filter((p) => monthPaused(pauses, p.month.slice(0, 7)));
  if (!hit.length) return [];
  for (const p of hit)
    await db
      .update(carePayment)
      .set({
        status: 'withheld',
        reason: `${PAUSE_REASON}, ${pauseText(monthPaused(pauses, p.month.slice(0, 7))!)}`,
        version: p.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(carePayment.id, p.id), eq(carePayment.version, p.version)));
  await audit(db, actor, 'update', 'care_payment', null, null, { withheld: hit.length, pause: true }, { children: [r.childId] });
  return hit.map((p) => p.month.slice(0, 7));
}
const pauseText = (p: PausePeriod) => (p.to ? `paused ${p.from} to ${p.to}` : `paused since ${p.from}`);

/**
 * Every sponsorship paused on `now` (all districts): its due entries in paused months withheld.
 * Run daily after the ledger makes the month's entries (sponsorship.jobs.ts); idempotent.
 */
export async function applySponsorshipPauses(db: Db, now: Date) {
  const today = istToday(now);
  const rows = await db.select().from(careSponsorship).where(eq(careSponsorship.status, 'sanctioned'));
  let months = 0;
  for (const r of rows) if (r.absentSince || r.absences.length) months += (await withholdPaused(db, null, r, today)).length;
  return { withheld: months };
}

/** A month of the sponsorship's grant, into the care module's ledger; a paused month cannot be paid. */
export async function recordSponsorshipPayment(ctx: AppContext, actor: Actor, id: string, input: SponsorshipPaymentInput) {
  requirePermission(actor, 'care.write');
  const today = istToday(ctx.now());
  const [cur] = await ctx.db
    .select()
    .from(careSponsorship)
    .where(and(eq(careSponsorship.id, id), sponsorshipWhere(actor)));
  if (!cur) throw notFound('Sponsorship');
  if (!cur.placementId)
    throw new HttpError(409, 'not_sanctioned', 'Only a sanctioned sponsorship has a monthly grant', [
      { field: 'month', message: `the application is ${cur.status}` },
    ]);
  const pause = monthPaused(pausePeriods(cur.absences, cur.absentSince, cur.stateCode, today), input.month);
  if (pause && input.status === 'paid')
    throw new HttpError(409, 'sponsorship_paused', `The sponsorship is paused in ${input.month} (${pauseText(pause)})`, [
      { field: 'month', message: 'paused: a school-going child absent more than 30 days (Mission Vatsalya guidelines 2022, 4.1)' },
    ]);
  const [existing] = await ctx.db
    .select()
    .from(carePayment)
    .where(and(eq(carePayment.placementId, cur.placementId), eq(carePayment.month, `${input.month}-01`)));
  const body = { status: input.status, paidOn: input.paidOn ?? null, reason: input.reason ?? (pause ? PAUSE_REASON : null) };
  // The pause was checked above against the absences as they stand now (a lifted pause frees its months).
  if (existing) return updatePayment(ctx, actor, existing.id, { ...body, version: existing.version }, { pauseChecked: true });
  return recordPayment(ctx, actor, { placementId: cur.placementId, month: input.month, ...body });
}

export async function listSponsorships(ctx: AppContext, actor: Actor, q: { status?: string; overdue?: 'true' | 'false' }) {
  requirePermission(actor, 'care.read');
  const today = istToday(ctx.now());
  const rows = await ctx.db
    .select()
    .from(careSponsorship)
    .where(and(sponsorshipWhere(actor), q.status ? eq(careSponsorship.status, q.status) : undefined))
    .orderBy(asc(careSponsorship.appliedOn), asc(careSponsorship.id))
    .limit(1000);
  let items = rows.map((r) => sponsorshipView(r, today));
  if (q.overdue === 'true') items = items.filter((s) => s.overdue);
  if (q.overdue === 'false') items = items.filter((s) => !s.overdue);
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.nextDue ?? '9').localeCompare(b.nextDue ?? '9'));
  await audit(ctx.db, actor, 'list', 'care_sponsorship', null, null, { count: items.length }, { children: items.map((s) => s.childId) });
  return { items };
}

export async function readSponsorship(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'care.read');
  const today = istToday(ctx.now());
  const [r] = await ctx.db
    .select()
    .from(careSponsorship)
    .where(and(eq(careSponsorship.id, id), sponsorshipWhere(actor)));
  if (!r) throw notFound('Sponsorship');
  await audit(ctx.db, actor, 'read', 'care_sponsorship', id, null, {}, { children: [r.childId] });
  const payments = r.placementId ? (await ledger(ctx, actor, { placementId: r.placementId })).items : [];
  return { sponsorship: sponsorshipView(r, today), payments };
}
