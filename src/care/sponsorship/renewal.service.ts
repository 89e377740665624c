/**
 * Renewal and ending of a sponsorship as its own workflow (issue #14; JJ Act 2015 s.45; JJ Model
 * Rules 2016 R.24; Mission Vatsalya guidelines 2022, 4.1: the SFCAC sanctions sponsorship support
 * for a period and reviews it). Mirrors the foster approval renewal (foster-renewal.service.ts):
 * the sanction holds until `validUntil`; before that the DCPU re-assesses the child and family,
 * and the committee renews with a new end or refuses (the sponsorship ends at its present end).
 * A sanctioned sponsorship can also be ended earlier with a reason. The ledger stops with the end
 * month (withholdAfterEnd) and makes no month after a lapsed sanction (ledger-due.service.ts).
 * The list of sponsorships ending within N days uses the care module's one window rule
 * (domain/renewal-window.ts). Rows by the permitted-fields policy of a family placement
 * (sponsorshipWhere) and, for the renewals, of `sponsorshipRenewal` (its writers: the DCPU's
 * re-assessment, the SFCAC's decision, r.24); every read and write audited with the child; 409 on a stale version.
 */
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../http/context';
import type { Db } from '../../db/client';
import { requirePermission, type Actor } from '../../access/policy';
import { requireWritable, rowsWhere } from '../../access/fields';
import { scopeOf } from '../care.repository';
import { HttpError, badRequest, notFound } from '../../http/errors';
import { audit } from '../../audit/audit.service';
import { istToday } from '../../kernel/clock';
import { careFamilyPlacement, carePayment } from '../care.schema';
import { daysBetween, endsWithin, renewalState, sponsorshipRenewalRules } from '../domain';
import { withholdAfterEnd } from '../ledger-due.service';
import { careSponsorship, careSponsorshipRenewal } from './sponsorship.schema';
import { lockSponsorship, sponsorshipView, sponsorshipWhere } from './sponsorship.service';
import type { SponsorshipEndInput, SponsorshipReassessmentInput, SponsorshipRenewalDecisionInput } from './sponsorship.model';
import { checkDecisionAgainst, checkDecisionInput, refuseIfReassessmentOpen } from '../renewal-decision';

type RenewalRow = typeof careSponsorshipRenewal.$inferSelect;
const renewalView = (r: RenewalRow) => ({
  id: r.id,
  sponsorshipId: r.sponsorshipId,
  previousValidUntil: r.previousValidUntil,
  reassessedOn: r.reassessedOn,
  reassessment: r.reassessment,
  status: r.status as 'reassessed' | 'renewed' | 'refused',
  meetingOn: r.meetingOn,
  validUntil: r.validUntil,
  reasons: r.reasons,
  ref: r.decisionRef,
});

async function openRenewal(db: Db, sponsorshipId: string) {
  const [r] = await db
    .select()
    .from(careSponsorshipRenewal)
    .where(and(eq(careSponsorshipRenewal.sponsorshipId, sponsorshipId), eq(careSponsorshipRenewal.status, 'reassessed')));
  return r ?? null;
}

function mustBeSanctioned(status: string, field: string) {
  if (status !== 'sanctioned')
    throw new HttpError(409, 'not_sanctioned', `The sponsorship is ${status}`, [{ field, message: 'only a sanctioned sponsorship' }]);
}

/** Ends the sponsorship's placement on `endedOn` and stops its ledger after that month. */
async function endPlacementOf(tx: Db, placementId: string | null, endedOn: string, reason: string, now: Date) {
  if (!placementId) return { withheld: [], paidAfterEnd: [] };
  await tx
    .update(careFamilyPlacement)
    .set({ endedOn, endReason: reason, version: sql`${careFamilyPlacement.version} + 1`, updatedAt: now })
    .where(and(eq(careFamilyPlacement.id, placementId), eq(careFamilyPlacement.kind, 'sponsorship')));
  return withholdAfterEnd(tx, placementId, endedOn, `sponsorship ended on ${endedOn} (${reason})`, now);
}

/** The DCPU's re-assessment of the child and family before the sanction's period ends. */
export async function reassessSponsorship(ctx: AppContext, actor: Actor, id: string, input: SponsorshipReassessmentInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'sponsorshipRenewal', ['reassessedOn', 'reassessment'], {
    as: { reassessedOn: 'on', reassessment: 'recommendation' },
  });
  const today = istToday(ctx.now());
  if (input.on > today) throw badRequest('on', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const cur = await lockSponsorship(tx, actor, id, input.version, today);
    mustBeSanctioned(cur.status, 'on');
    if (cur.decidedOn && input.on < cur.decidedOn) throw badRequest('on', `must be on or after the sanction (${cur.decidedOn})`);
    refuseIfReassessmentOpen(await openRenewal(tx, id));
    const { version: _v, ...reassessment } = input;
    const [renewal] = await tx
      .insert(careSponsorshipRenewal)
      .values({
        sponsorshipId: id,
        stateCode: cur.stateCode,
        districtCode: cur.districtCode,
        previousValidUntil: cur.validUntil,
        reassessedOn: input.on,
        reassessment,
        createdBy: actor.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    const [row] = await tx
      .update(careSponsorship)
      .set({ version: cur.version + 1, updatedAt: ctx.now() })
      .where(eq(careSponsorship.id, id))
      .returning();
    await audit(
      tx,
      actor,
      'update',
      'care_sponsorship',
      id,
      cur,
      { reassessment: input.recommendation, renewalId: renewal.id },
      { children: [cur.childId] },
    );
    return { sponsorship: sponsorshipView(row, today), renewal: renewalView(renewal) };
  });
}

/**
 * The committee's decision on the renewal: renewed with the sanction's new end (after its
 * present end), or refused: the sponsorship ends on its present end (or the meeting, when no end
 * was recorded) and the ledger stops with that month.
 */
export async function decideSponsorshipRenewal(ctx: AppContext, actor: Actor, id: string, input: SponsorshipRenewalDecisionInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'sponsorshipRenewal', ['status', 'meetingOn', 'validUntil', 'reasons', 'ref'], { as: { status: 'decision' } });
  const today = istToday(ctx.now());
  const renewed = checkDecisionInput(input, today, 'sponsorship');
  return ctx.db.transaction(async (tx) => {
    const cur = await lockSponsorship(tx, actor, id, input.version, today);
    const open = await openRenewal(tx, id);
    checkDecisionAgainst(input, open, cur.status !== 'sanctioned' ? `the sponsorship is ${cur.status}` : null, cur.validUntil, 'sanction');
    const [renewal] = await tx
      .update(careSponsorshipRenewal)
      .set({
        status: input.decision,
        meetingOn: input.meetingOn,
        validUntil: input.validUntil ?? null,
        reasons: input.reasons,
        decisionRef: input.ref ?? null,
        decidedBy: actor.userId,
        updatedAt: ctx.now(),
      })
      .where(eq(careSponsorshipRenewal.id, open.id))
      .returning();
    const endedOn = cur.validUntil && cur.validUntil < input.meetingOn ? cur.validUntil : (cur.validUntil ?? input.meetingOn);
    let withheld = 0;
    if (!renewed) withheld = (await endPlacementOf(tx, cur.placementId, endedOn, 'renewal refused', ctx.now())).withheld.length;
    const [row] = await tx
      .update(careSponsorship)
      .set({
        ...(renewed
          ? { validUntil: input.validUntil! }
          : { status: 'ended', endedOn, endReason: `renewal refused: ${input.reasons}`.slice(0, 2000) }),
        version: cur.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(careSponsorship.id, id))
      .returning();
    await audit(
      tx,
      actor,
      'update',
      'care_sponsorship',
      id,
      cur,
      { renewal: input.decision, renewalId: open.id, withheldMonths: withheld },
      { children: [cur.childId] },
    );
    return { sponsorship: sponsorshipView(row, today), renewal: renewalView(renewal) };
  });
}

/** Ends a sanctioned sponsorship with a reason; the ledger stops with the end month. */
export async function endSponsorship(ctx: AppContext, actor: Actor, id: string, input: SponsorshipEndInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'sponsorshipRenewal', ['endedOn', 'endReason'], { as: { endReason: 'reason' } });
  const today = istToday(ctx.now());
  if (input.endedOn > today) throw badRequest('endedOn', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const cur = await lockSponsorship(tx, actor, id, input.version, today);
    mustBeSanctioned(cur.status, 'endedOn');
    const start = cur.decision?.startsOn ?? cur.decidedOn!;
    if (input.endedOn < start) throw badRequest('endedOn', `must be on or after the sponsorship began (${start})`);
    if (cur.lastReviewOn && input.endedOn < cur.lastReviewOn)
      throw badRequest('endedOn', `must be on or after the last review (${cur.lastReviewOn})`);
    const open = await openRenewal(tx, id);
    if (open)
      await tx
        .update(careSponsorshipRenewal)
        .set({
          status: 'refused',
          meetingOn: input.endedOn < open.reassessedOn ? open.reassessedOn : input.endedOn,
          reasons: `sponsorship ended (${input.reason})`,
          decidedBy: actor.userId,
          updatedAt: ctx.now(),
        })
        .where(eq(careSponsorshipRenewal.id, open.id));
    const ledgerEnd = await endPlacementOf(tx, cur.placementId, input.endedOn, input.reason, ctx.now());
    const [row] = await tx
      .update(careSponsorship)
      .set({
        status: 'ended',
        endedOn: input.endedOn,
        endReason: input.notes ? `${input.reason}: ${input.notes}` : input.reason,
        version: cur.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(careSponsorship.id, id))
      .returning();
    await audit(
      tx,
      actor,
      'update',
      'care_sponsorship',
      id,
      cur,
      { ended: input.reason, withheldMonths: ledgerEnd.withheld.length },
      { children: [cur.childId] },
    );
    return { sponsorship: sponsorshipView(row, today), withheldMonths: ledgerEnd.withheld, paidAfterEnd: ledgerEnd.paidAfterEnd };
  });
}

/** A sponsorship with its renewals, latest first. */
export async function sponsorshipRenewals(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'care.read');
  const today = istToday(ctx.now());
  const [s] = await ctx.db
    .select()
    .from(careSponsorship)
    .where(and(eq(careSponsorship.id, id), sponsorshipWhere(actor)));
  if (!s) throw notFound('Sponsorship');
  const rows = await ctx.db
    .select()
    .from(careSponsorshipRenewal)
    .where(and(eq(careSponsorshipRenewal.sponsorshipId, id), rowsWhere(actor, 'sponsorshipRenewal', scopeOf(careSponsorshipRenewal))))
    .orderBy(desc(careSponsorshipRenewal.reassessedOn), desc(careSponsorshipRenewal.createdAt));
  await audit(ctx.db, actor, 'read', 'care_sponsorship', id, null, { renewals: rows.length }, { children: [s.childId] });
  return { sponsorship: sponsorshipView(s, today), items: rows.map(renewalView) };
}

/**
 * The district's renewal list: sanctioned sponsorships ending within `withinDays` (or past their
 * end, lapsed), and sponsorships ended (or lapsed) while months are still 'due' in the ledger.
 * A lapsed or ended one with payments due is an alert, first.
 */
export async function sponsorshipsDue(ctx: AppContext, actor: Actor, q: { withinDays?: number }) {
  requirePermission(actor, 'care.read');
  const today = istToday(ctx.now());
  const rules = sponsorshipRenewalRules();
  const withinDays = q.withinDays ?? rules.dueWithinDays;
  const s = careSponsorship;
  const paymentsDue = sql<number>`(SELECT count(*) FROM ${carePayment} p WHERE p.placement_id = care_sponsorship.placement_id AND p.status = 'due')::int`;
  const rows = await ctx.db
    .select({ s, due: paymentsDue })
    .from(s)
    .where(
      and(
        sponsorshipWhere(actor),
        or(
          and(eq(s.status, 'sanctioned'), endsWithin(s.validUntil, today, withinDays)),
          and(
            eq(s.status, 'ended'),
            sql`EXISTS (SELECT 1 FROM ${carePayment} p WHERE p.placement_id = care_sponsorship.placement_id AND p.status = 'due')`,
          ),
        ),
      ),
    )
    .orderBy(asc(s.validUntil), asc(s.id))
    .limit(500);
  const ids = rows.map((r) => r.s.id);
  const open = ids.length
    ? await ctx.db
        .select()
        .from(careSponsorshipRenewal)
        .where(and(inArray(careSponsorshipRenewal.sponsorshipId, ids), eq(careSponsorshipRenewal.status, 'reassessed')))
    : [];
  const openOf = new Map(open.map((r) => [r.sponsorshipId, r]));
  const items = rows
    .map(({ s: r, due }) => {
      const state =
        r.status === 'ended'
          ? ('ended' as const)
          : renewalState(r.validUntil, today, withinDays) === 'lapsed'
            ? ('lapsed' as const)
            : ('due' as const);
      const o = openOf.get(r.id);
      return {
        sponsorship: sponsorshipView(r, today),
        state,
        daysLeft: r.validUntil && r.status === 'sanctioned' ? daysBetween(today, r.validUntil) : null,
        paymentsDue: Number(due),
        alert: state !== 'due' && Number(due) > 0,
        openReassessment: o ? renewalView(o) : null,
      };
    })
    .sort((a, b) => Number(b.alert) - Number(a.alert) || (a.sponsorship.validUntil ?? '').localeCompare(b.sponsorship.validUntil ?? ''));
  await audit(
    ctx.db,
    actor,
    'list',
    'care_sponsorship',
    null,
    null,
    { purpose: 'renewal', count: items.length },
    { children: items.map((i) => i.sponsorship.childId) },
  );
  return {
    rules: {
      version: rules.version,
      dueWithinDays: rules.dueWithinDays,
      periodMonths: rules.periodMonths,
      basis: rules.basis,
      verification: rules.verification,
    },
    withinDays,
    items,
  };
}
