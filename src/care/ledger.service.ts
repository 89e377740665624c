import { PAUSE_REASON } from './sponsorship/pause';
import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { requireWritable, rowsWhere } from '../access/fields';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { csvText } from '../exports/csv';
import { careFamilyPlacement, carePayment } from './care.schema';
import { scopeOf } from './care.repository';
import { placementWhere } from './foster.service';
import { grantFor, grantRates } from './domain';
import type { PaymentInput, PaymentPatch } from './family.model';

/**
 * The monthly grant ledger of family-based care: sponsorship (JJ Act 2015 s.45), foster care
 * (s.44) and aftercare (s.46), ₹4,000 per child per month under the Mission Vatsalya guidelines
 * 2022 (the amount is data: domain/grants.json, copied into each entry with its version). One
 * entry per placement and month: a payment recorded twice is refused (409). An entry is due, paid
 * (with the day) or withheld (with the reason); a paid entry is final.
 */

const paymentsWhere = (actor: Actor): SQL => rowsWhere(actor, 'carePayment', scopeOf(carePayment));
type PaymentRow = typeof carePayment.$inferSelect;
const view = (r: PaymentRow) => ({
  id: r.id,
  placementId: r.placementId,
  childId: r.childId,
  kind: r.kind,
  month: r.month.slice(0, 7),
  amount: r.amount,
  rateVersion: r.rateVersion,
  status: r.status,
  paidOn: r.paidOn,
  reason: r.reason,
  stateCode: r.stateCode,
  districtCode: r.districtCode,
  version: r.version,
});

function checkStatus(status: string, paidOn: string | null | undefined, reason: string | null | undefined, month: string, today: string) {
  if (status === 'paid') {
    if (!paidOn) throw badRequest('paidOn', 'is required for a payment made');
    if (paidOn > today) throw badRequest('paidOn', 'cannot be in the future');
    if (paidOn < `${month}-01`) throw badRequest('paidOn', `must be on or after the month's first day (${month}-01)`);
  } else if (paidOn) throw badRequest('paidOn', 'is given only for a payment made');
  if (status === 'withheld' && !reason) throw badRequest('reason', 'say why the payment is withheld');
}

export async function recordPayment(ctx: AppContext, actor: Actor, input: PaymentInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'carePayment', ['placementId', 'month', 'status', 'paidOn', 'reason']);
  const today = istToday(ctx.now());
  checkStatus(input.status, input.paidOn, input.reason, input.month, today);
  if (input.month > today.slice(0, 7)) throw badRequest('month', 'cannot be a future month');
  return ctx.db.transaction(async (tx) => {
    const [p] = await tx
      .select()
      .from(careFamilyPlacement)
      .where(and(eq(careFamilyPlacement.id, input.placementId), placementWhere(actor)));
    if (!p) throw badRequest('placementId', 'no such placement in your jurisdiction');
    const grant = grantFor(p.kind, input.month);
    if (!grant) throw badRequest('placementId', `no monthly grant for a ${p.kind} placement (${grantRates().source})`);
    if (input.month < p.startedOn.slice(0, 7))
      throw badRequest('month', `must be on or after the placement began (${p.startedOn.slice(0, 7)})`);
    if (p.endedOn && input.month > p.endedOn.slice(0, 7))
      throw badRequest('month', `must be on or before the placement ended (${p.endedOn.slice(0, 7)})`);
    const [row] = await tx
      .insert(carePayment)
      .values({
        placementId: p.id,
        childId: p.childId,
        kind: p.kind,
        stateCode: p.stateCode,
        districtCode: p.districtCode,
        month: `${input.month}-01`,
        amount: grant.amount,
        rateVersion: grant.version,
        status: input.status,
        paidOn: input.paidOn ?? null,
        reason: input.reason ?? null,
        createdBy: actor.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new HttpError(409, 'payment_exists', `The ${input.month} entry for this placement is already recorded`, [
        { field: 'month', message: 'already recorded for this placement' },
      ]);
    await audit(tx, actor, 'create', 'care_payment', row.id, row, { month: input.month, status: row.status }, { children: [row.childId] });
    return view(row);
  });
}

/**
 * `pauseChecked`: the sponsorship route has checked the month against the absences as they stand;
 * the general route refuses to pay a month a sponsorship pause withheld (Mission Vatsalya 2022, 4.1).
 */
export async function updatePayment(ctx: AppContext, actor: Actor, id: string, input: PaymentPatch, opts: { pauseChecked?: boolean } = {}) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'carePayment', ['status', 'paidOn', 'reason']);
  const today = istToday(ctx.now());
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx
      .select()
      .from(carePayment)
      .where(and(eq(carePayment.id, id), paymentsWhere(actor)))
      .for('update');
    if (!cur) throw notFound('Payment');
    if (cur.version !== input.version) throw conflict('The entry was changed by someone else', view(cur));
    if (cur.status === 'paid')
      throw new HttpError(409, 'already_paid', 'A payment made is final', [{ field: 'status', message: `paid on ${cur.paidOn}` }]);
    if (!opts.pauseChecked && input.status === 'paid' && cur.status === 'withheld' && cur.reason?.startsWith(PAUSE_REASON))
      throw new HttpError(409, 'sponsorship_paused', 'The month was withheld by a sponsorship pause', [
        { field: 'status', message: 'pay it from the sponsorship, which checks the absences as they stand' },
      ]);
    checkStatus(input.status, input.paidOn, input.reason, cur.month.slice(0, 7), today);
    const [row] = await tx
      .update(carePayment)
      .set({
        status: input.status,
        paidOn: input.paidOn ?? null,
        reason: input.reason ?? null,
        version: cur.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(carePayment.id, id))
      .returning();
    await audit(tx, actor, 'update', 'care_payment', id, cur, { from: cur.status, to: row.status }, { children: [cur.childId] });
    return view(row);
  });
}

type LedgerQuery = { childId?: string; placementId?: string; from?: string; to?: string };
function ledgerWhere(actor: Actor, q: LedgerQuery): SQL[] {
  const w: SQL[] = [paymentsWhere(actor)];
  if (q.childId) w.push(eq(carePayment.childId, q.childId));
  if (q.placementId) w.push(eq(carePayment.placementId, q.placementId));
  if (q.from) w.push(gte(carePayment.month, `${q.from}-01`));
  if (q.to) w.push(lte(carePayment.month, `${q.to}-01`));
  return w;
}

function sum(rows: { status: string; amount: number }[]) {
  const t = { due: 0, paid: 0, withheld: 0, entries: rows.length };
  for (const r of rows) t[r.status as 'due' | 'paid' | 'withheld'] += r.amount;
  return t;
}

/** A child's (or a placement's) ledger, month by month, with its totals. */
export async function ledger(ctx: AppContext, actor: Actor, q: LedgerQuery) {
  requirePermission(actor, 'care.read');
  if (q.from && q.to && q.from > q.to) throw badRequest('to', 'must be on or after from');
  const rows = await ctx.db
    .select()
    .from(carePayment)
    .where(and(...ledgerWhere(actor, q)))
    .orderBy(asc(carePayment.childId), asc(carePayment.month))
    .limit(5000);
  await audit(
    ctx.db,
    actor,
    'list',
    'care_payment',
    null,
    null,
    { count: rows.length },
    { children: [...new Set(rows.map((r) => r.childId))] },
  );
  return { items: rows.map(view), totals: sum(rows), rate: { source: grantRates().source, version: grantRates().version } };
}

/** The district totals (amounts by status, per district and kind): counts and sums only, no child. */
export async function districtLedger(ctx: AppContext, actor: Actor, q: LedgerQuery) {
  requirePermission(actor, 'care.read');
  const rows = await ctx.db
    .select({
      districtCode: carePayment.districtCode,
      kind: carePayment.kind,
      due: sql<number>`coalesce(sum(${carePayment.amount}) filter (where ${carePayment.status} = 'due'), 0)`.mapWith(Number),
      paid: sql<number>`coalesce(sum(${carePayment.amount}) filter (where ${carePayment.status} = 'paid'), 0)`.mapWith(Number),
      withheld: sql<number>`coalesce(sum(${carePayment.amount}) filter (where ${carePayment.status} = 'withheld'), 0)`.mapWith(Number),
      entries: sql<number>`count(*)`.mapWith(Number),
    })
    .from(carePayment)
    .where(and(...ledgerWhere(actor, { from: q.from, to: q.to })))
    .groupBy(carePayment.districtCode, carePayment.kind)
    .orderBy(asc(carePayment.districtCode), asc(carePayment.kind));
  const totals = { due: 0, paid: 0, withheld: 0, entries: 0 };
  for (const r of rows) for (const k of ['due', 'paid', 'withheld', 'entries'] as const) totals[k] += r[k];
  return { items: rows, totals };
}

/** The ledger as CSV (src/exports/csv.ts: cells a spreadsheet would run are neutralised); ids, no names. */
export async function ledgerCsv(ctx: AppContext, actor: Actor, q: LedgerQuery) {
  requirePermission(actor, 'care.read');
  const rows = await ctx.db
    .select()
    .from(carePayment)
    .where(and(...ledgerWhere(actor, q)))
    .orderBy(asc(carePayment.districtCode), asc(carePayment.month), asc(carePayment.childId))
    .limit(100000);
  await audit(
    ctx.db,
    actor,
    'export',
    'care_payment',
    null,
    null,
    { count: rows.length },
    { children: [...new Set(rows.map((r) => r.childId))] },
  );
  return csvText(
    ['month', 'district_code', 'child_id', 'placement_id', 'kind', 'amount_inr', 'status', 'paid_on', 'reason', 'rate_version'],
    rows.map((r) => [
      r.month.slice(0, 7),
      r.districtCode,
      r.childId,
      r.placementId,
      r.kind,
      r.amount,
      r.status,
      r.paidOn,
      r.reason,
      r.rateVersion,
    ]),
  );
}
