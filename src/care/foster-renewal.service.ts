import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { requirePermission, type Actor } from '../access/policy';
import { requireWritable } from '../access/fields';
import { HttpError, badRequest, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { careFosterCarer, careFosterLapseAlert, careFosterRenewal } from './care.schema';
import { carerView, carerWhere, lockCarer as lockFamily, placedCount } from './foster.service';
import { approvalState, daysBetween, endsWithin, fosterApprovalRules } from './domain';
import type { ReassessmentInput, RenewalDecisionInput } from './foster-life.model';
import { checkDecisionAgainst, checkDecisionInput, refuseIfReassessmentOpen } from './renewal-decision';

/**
 * Renewal of a foster family's approval (issue #14; JJ Act 2015 s.44; JJ Model Rules 2016 r.23).
 * The Sponsorship and Foster Care Approval Committee approves a family until the end its decision
 * sets (review_due, `validUntil` on the profile). Before that end the DCPU re-assesses the family
 * (an update of the Form 30 home study, r.23(9)) and the committee renews the approval with a new
 * end or refuses it. The district's list shows the families whose approval ends within the notice
 * (domain/foster-approval.json, unverified), those past it, and raises an alert for a family that
 * still has a child placed once its approval no longer holds: the placement is not ended here
 * (only the CWC's order ends it, foster-life.service.ts endPlacement). Every read and write is
 * audited; the family's version is checked (409 on a stale one).
 */

type RenewalRow = typeof careFosterRenewal.$inferSelect;
const renewalView = (r: RenewalRow) => ({
  id: r.id,
  carerId: r.carerId,
  previousValidUntil: r.previousValidUntil,
  reassessedOn: r.reassessedOn,
  reassessment: r.reassessment,
  status: r.status as 'reassessed' | 'renewed' | 'refused',
  meetingOn: r.meetingOn,
  validUntil: r.validUntil,
  reasons: r.reasons,
  ref: r.decisionRef,
});

const lockCarer = (db: Db, actor: Actor, id: string, version: number) =>
  lockFamily(db, actor, id, version, 'The family’s record was changed by someone else');

async function openRenewal(db: Db, carerId: string) {
  const [r] = await db
    .select()
    .from(careFosterRenewal)
    .where(and(eq(careFosterRenewal.carerId, carerId), eq(careFosterRenewal.status, 'reassessed')));
  return r ?? null;
}

/** The DCPU's re-assessment of an approved family (an update of the home study, Form 30, r.23(9)). */
export async function recordReassessment(ctx: AppContext, actor: Actor, id: string, input: ReassessmentInput) {
  requirePermission(actor, 'care.read');
  requireWritable(actor, 'fosterCarer', ['homeStudy']);
  const today = istToday(ctx.now());
  if (input.on > today) throw badRequest('on', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const cur = await lockCarer(tx, actor, id, input.version);
    if (cur.status !== 'approved' || !cur.approvedOn)
      throw new HttpError(409, 'not_approved', 'Only an approved family’s approval is renewed', [
        { field: 'on', message: `the family is ${cur.status}` },
      ]);
    if (input.on < cur.approvedOn) throw badRequest('on', `must be on or after the committee's approval (${cur.approvedOn})`);
    refuseIfReassessmentOpen(await openRenewal(tx, id));
    const { version: _v, ...reassessment } = input;
    const [renewal] = await tx
      .insert(careFosterRenewal)
      .values({
        carerId: id,
        stateCode: cur.stateCode,
        districtCode: cur.districtCode,
        previousValidUntil: cur.reviewDue,
        reassessedOn: input.on,
        reassessment,
        createdBy: actor.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    const [row] = await tx
      .update(careFosterCarer)
      .set({ version: cur.version + 1, updatedAt: ctx.now() })
      .where(eq(careFosterCarer.id, id))
      .returning();
    await audit(tx, actor, 'update', 'care_foster_carer', id, cur, { reassessment: input.recommendation, renewalId: renewal.id });
    return { carer: carerView(row), renewal: renewalView(renewal) };
  });
}

/**
 * The committee's decision on the renewal (r.23): renewed with the approval's new end, or
 * refused (the family is no longer approved: out of matching, and any child still placed with it
 * is listed as an alert until the CWC orders where the child goes).
 */
export async function decideRenewal(ctx: AppContext, actor: Actor, id: string, input: RenewalDecisionInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'fosterCarer', ['decision', 'reviewDue']);
  const today = istToday(ctx.now());
  const renewed = checkDecisionInput(input, today, 'approval');
  return ctx.db.transaction(async (tx) => {
    const cur = await lockCarer(tx, actor, id, input.version);
    const open = await openRenewal(tx, id);
    checkDecisionAgainst(input, open, cur.status !== 'approved' ? `the family is ${cur.status}` : null, cur.reviewDue, 'approval');
    const [renewal] = await tx
      .update(careFosterRenewal)
      .set({
        status: input.decision,
        meetingOn: input.meetingOn,
        validUntil: input.validUntil ?? null,
        reasons: input.reasons,
        decisionRef: input.ref ?? null,
        decidedBy: actor.userId,
        updatedAt: ctx.now(),
      })
      .where(eq(careFosterRenewal.id, open.id))
      .returning();
    const [row] = await tx
      .update(careFosterCarer)
      .set({
        ...(renewed ? { reviewDue: input.validUntil! } : { status: 'ended' }),
        version: cur.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(careFosterCarer.id, id))
      .returning();
    await audit(tx, actor, 'update', 'care_foster_carer', id, cur, { renewal: input.decision, renewalId: open.id });
    return { carer: carerView(row), renewal: renewalView(renewal) };
  });
}

/** A family with its renewals, latest first. */
export async function carerRenewals(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'care.read');
  const [c] = await ctx.db
    .select()
    .from(careFosterCarer)
    .where(and(eq(careFosterCarer.id, id), carerWhere(actor)));
  if (!c) throw notFound('Foster carer');
  const rows = await ctx.db
    .select()
    .from(careFosterRenewal)
    .where(eq(careFosterRenewal.carerId, id))
    .orderBy(desc(careFosterRenewal.reassessedOn), desc(careFosterRenewal.createdAt));
  await audit(ctx.db, actor, 'read', 'care_foster_carer', id, c, { renewals: rows.length });
  return { carer: carerView(c), items: rows.map(renewalView) };
}

/**
 * The district's renewal list: approved families whose approval ends within `withinDays` (or is
 * past), and families the committee refused to renew that still have a child placed. A family
 * with a child placed whose approval no longer holds is an alert, first in the list.
 */
export async function approvalsDue(ctx: AppContext, actor: Actor, q: { withinDays?: number }) {
  requirePermission(actor, 'care.read');
  const today = istToday(ctx.now());
  const rules = fosterApprovalRules();
  const withinDays = q.withinDays ?? rules.renewal.dueWithinDays;
  const rows = await ctx.db
    .select({ carer: careFosterCarer, placed: placedCount() })
    .from(careFosterCarer)
    .where(
      and(
        carerWhere(actor),
        or(
          and(eq(careFosterCarer.status, 'approved'), endsWithin(careFosterCarer.reviewDue, today, withinDays)),
          and(
            eq(careFosterCarer.status, 'ended'),
            sql`EXISTS (SELECT 1 FROM care_foster_renewal r WHERE r.carer_id = ${careFosterCarer.id} AND r.status = 'refused')`,
            sql`EXISTS (SELECT 1 FROM care_family_placement fp WHERE fp.carer_id = ${careFosterCarer.id} AND fp.ended_on IS NULL)`,
          ),
        ),
      ),
    )
    .orderBy(asc(careFosterCarer.reviewDue), asc(careFosterCarer.id))
    .limit(500);
  const ids = rows.map((r) => r.carer.id);
  const open = ids.length
    ? await ctx.db
        .select()
        .from(careFosterRenewal)
        .where(and(inArray(careFosterRenewal.carerId, ids), eq(careFosterRenewal.status, 'reassessed')))
    : [];
  const openOf = new Map(open.map((r) => [r.carerId, r]));
  // The lapse alerts whose action item could not be opened yet (foster-lapse.service.ts), with why.
  const stuck = ids.length
    ? await ctx.db
        .select({ carerId: careFosterLapseAlert.carerId, problem: careFosterLapseAlert.actionProblem })
        .from(careFosterLapseAlert)
        .where(and(inArray(careFosterLapseAlert.carerId, ids), isNull(careFosterLapseAlert.convergenceActionId)))
    : [];
  const stuckOf = new Map(stuck.map((a) => [a.carerId, a.problem ?? 'unknown']));
  const items = rows
    .map(({ carer: r, placed: n }) => {
      const st = approvalState(r.reviewDue, today, withinDays);
      const state = r.status === 'ended' ? ('refused' as const) : st === 'lapsed' ? ('lapsed' as const) : ('due' as const);
      const v = carerView(r);
      const o = openOf.get(r.id);
      return {
        carer: {
          id: v.id,
          kind: v.kind,
          name: v.name,
          villageId: v.villageId,
          approvedOn: v.approvedOn,
          reviewDue: v.reviewDue,
          profile: v.profile,
          version: v.version,
          status: v.status,
          districtCode: v.districtCode,
        },
        state,
        validUntil: r.reviewDue,
        daysLeft: r.reviewDue ? daysBetween(today, r.reviewDue) : null,
        childrenPlaced: n,
        alert: n > 0 && state !== 'due',
        openReassessment: o ? renewalView(o) : null,
        actionProblem: stuckOf.get(r.id) ?? null,
        dueItem: {
          key: 'fosterApprovalRenewal' as const,
          dueOn: r.reviewDue,
          overdue: state !== 'due',
          citation: 'JJ Model Rules 2016 r.23 (SFCAC approval), r.23(9) (Form 30 home study)',
          verification: rules.renewal.verification,
        },
      };
    })
    .sort((a, b) => Number(b.alert) - Number(a.alert) || (a.validUntil ?? '').localeCompare(b.validUntil ?? ''));
  await audit(ctx.db, actor, 'list', 'care_foster_carer', null, null, { purpose: 'approval_renewal', count: items.length });
  return {
    rules: {
      version: fosterApprovalRules().version,
      dueWithinDays: rules.renewal.dueWithinDays,
      basis: rules.renewal.basis,
      verification: rules.renewal.verification,
    },
    withinDays,
    items,
  };
}
