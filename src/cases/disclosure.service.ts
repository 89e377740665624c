import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { jurisdictionWhere, requirePermission, type Actor } from '../access/policy';
import { badRequest, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { caseRecord } from './cases.schema';
import { caseVisibleWhere } from './cases.access';
import { caseNonDisclosureOrder } from './disclosure.schema';

/**
 * CWC non-disclosure orders (JJ Act 2015 s.74(1)). Only the Committee (permission
 * `cases.cwc`) sets or lifts one, on a case in its jurisdiction; each change is audited with
 * the order reference and date (never the child's name). Anyone who may see the case may read
 * whether an order stands.
 */
export interface NonDisclosureInput {
  orderRef: string;
  orderedOn: string;
}

const istToday = (now: Date) => new Date(now.getTime() + 330 * 60_000).toISOString().slice(0, 10);

async function cwcCase(db: Db, actor: Actor, caseId: string) {
  requirePermission(actor, 'cases.cwc');
  const [k] = await db
    .select({ id: caseRecord.id, stateCode: caseRecord.stateCode, districtCode: caseRecord.districtCode, subdistrictCode: caseRecord.subdistrictCode, blockCode: caseRecord.blockCode, villageId: caseRecord.villageId })
    .from(caseRecord)
    .where(and(eq(caseRecord.id, caseId), jurisdictionWhere(actor, caseRecord)));
  if (!k) throw notFound('Case');
  return k;
}

const view = (o: typeof caseNonDisclosureOrder.$inferSelect | undefined) =>
  o ? { caseId: o.caseId, orderRef: o.orderRef, orderedOn: o.orderedOn, setAt: o.setAt, version: o.version } : null;

export async function setNonDisclosureOrder(ctx: AppContext, actor: Actor, caseId: string, input: NonDisclosureInput) {
  const k = await cwcCase(ctx.db, actor, caseId);
  if (input.orderedOn > istToday(ctx.now())) throw badRequest('orderedOn', 'the order date cannot be in the future');
  const place = { stateCode: k.stateCode, districtCode: k.districtCode, subdistrictCode: k.subdistrictCode, blockCode: k.blockCode, villageId: k.villageId };
  return ctx.db.transaction(async (tx) => {
    const [prev] = await tx.select().from(caseNonDisclosureOrder).where(eq(caseNonDisclosureOrder.caseId, caseId)).for('update');
    const values = { orderRef: input.orderRef.trim(), orderedOn: input.orderedOn, setBy: actor.userId, setAt: ctx.now() };
    const [row] = prev
      ? await tx.update(caseNonDisclosureOrder).set({ ...values, version: prev.version + 1 }).where(eq(caseNonDisclosureOrder.caseId, caseId)).returning()
      : await tx.insert(caseNonDisclosureOrder).values({ caseId, ...place, ...values }).returning();
    await audit(tx, actor, prev ? 'case.non_disclosure_order.update' : 'case.non_disclosure_order.set', 'case', caseId, place, {
      orderRef: row.orderRef, orderedOn: row.orderedOn,
    });
    return view(row)!;
  });
}

export async function liftNonDisclosureOrder(ctx: AppContext, actor: Actor, caseId: string) {
  const k = await cwcCase(ctx.db, actor, caseId);
  return ctx.db.transaction(async (tx) => {
    const [gone] = await tx.delete(caseNonDisclosureOrder).where(eq(caseNonDisclosureOrder.caseId, caseId)).returning();
    if (!gone) throw notFound('Non-disclosure order');
    await audit(tx, actor, 'case.non_disclosure_order.lift', 'case', caseId, k, { orderRef: gone.orderRef, orderedOn: gone.orderedOn });
    return { caseId, lifted: true };
  });
}

export async function readNonDisclosureOrder(ctx: AppContext, actor: Actor, caseId: string) {
  requirePermission(actor, 'cases.read');
  const [k] = await ctx.db
    .select({ id: caseRecord.id, stateCode: caseRecord.stateCode, districtCode: caseRecord.districtCode })
    .from(caseRecord)
    .where(and(eq(caseRecord.id, caseId), caseVisibleWhere(actor)));
  if (!k) throw notFound('Case');
  const [o] = await ctx.db.select().from(caseNonDisclosureOrder).where(eq(caseNonDisclosureOrder.caseId, caseId));
  await audit(ctx.db, actor, 'read', 'case_non_disclosure_order', caseId, k, { order: !!o });
  return { order: view(o) };
}
