import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { jurisdictionWhere, requirePermission, type Actor } from '../access/policy';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { caseRecord } from './cases.schema';
import { caseVisibleWhere } from './cases.access';
import { caseNonDisclosureOrder } from './disclosure.schema';
import { istToday } from '../kernel/clock';

/**
 * CWC non-disclosure orders (JJ Act 2015 s.74(1)). Only the Committee (permission
 * `cases.cwc`) sets or lifts one, on a case in its jurisdiction; each change is audited with
 * the order reference and date (never the child's name). Anyone who may see the case may read
 * whether an order stands.
 *
 * Optimistic versions, like every other record: recording the first order takes no version
 * (none stands yet), changing or lifting one takes the version read (body `version` or
 * If-Match; for DELETE, If-Match or `?version=`). A stale version — or none while an order
 * stands, or one when the order has since been lifted — is a 409 `version_conflict` with the
 * order as it stands now (`current`, null when none), and nothing is written. The case row is
 * locked first, so two members recording the first order at once are one 200 and one 409.
 */
export interface NonDisclosureInput {
  orderRef: string;
  orderedOn: string;
  /** The version of the order being changed; absent when recording the first one. */
  version?: number;
}

/** The case, in the actor's jurisdiction, its row locked for the rest of the transaction (serialises changes to its order). */
async function lockCwcCase(db: Db, actor: Actor, caseId: string) {
  const [k] = await db
    .select({
      id: caseRecord.id,
      childId: caseRecord.childId,
      stateCode: caseRecord.stateCode,
      districtCode: caseRecord.districtCode,
      subdistrictCode: caseRecord.subdistrictCode,
      blockCode: caseRecord.blockCode,
      villageId: caseRecord.villageId,
    })
    .from(caseRecord)
    .where(and(eq(caseRecord.id, caseId), jurisdictionWhere(actor, caseRecord)))
    .for('no key update');
  if (!k) throw notFound('Case');
  return k;
}

type OrderRow = typeof caseNonDisclosureOrder.$inferSelect;
const view = (o: OrderRow | undefined) =>
  o ? { caseId: o.caseId, orderRef: o.orderRef, orderedOn: o.orderedOn, setAt: o.setAt, version: o.version } : null;

/** 409 with the order as it stands (`current`, null when none); names `version` when it was not given. */
function staleOrder(current: OrderRow | undefined, seen: number | undefined): HttpError {
  if (current && seen === undefined) {
    const message = `give the version of the order you are changing (an order stands, version ${current.version})`;
    return new HttpError(
      409,
      'version_conflict',
      `A non-disclosure order already stands on this case (version ${current.version}); read it and send its version to change it`,
      [{ field: 'version', message }],
      { current: view(current) },
    );
  }
  if (!current) return conflict(`The non-disclosure order you read (version ${seen}) has been lifted; none stands now`, null);
  return conflict(
    `Someone else changed the non-disclosure order (now version ${current.version}, you read version ${seen})`,
    view(current),
  );
}

const currentOrder = async (db: Db, caseId: string) =>
  (await db.select().from(caseNonDisclosureOrder).where(eq(caseNonDisclosureOrder.caseId, caseId)).for('update'))[0];

export async function setNonDisclosureOrder(ctx: AppContext, actor: Actor, caseId: string, input: NonDisclosureInput) {
  requirePermission(actor, 'cases.cwc');
  if (input.orderedOn > istToday(ctx.now())) throw badRequest('orderedOn', 'the order date cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const k = await lockCwcCase(tx, actor, caseId);
    const place = {
      stateCode: k.stateCode,
      districtCode: k.districtCode,
      subdistrictCode: k.subdistrictCode,
      blockCode: k.blockCode,
      villageId: k.villageId,
    };
    const prev = await currentOrder(tx, caseId);
    if (prev ? input.version !== prev.version : input.version !== undefined) throw staleOrder(prev, input.version);
    const values = { orderRef: input.orderRef.trim(), orderedOn: input.orderedOn, setBy: actor.userId, setAt: ctx.now() };
    const [row] = prev
      ? await tx
          .update(caseNonDisclosureOrder)
          .set({ ...values, version: prev.version + 1 })
          .where(and(eq(caseNonDisclosureOrder.caseId, caseId), eq(caseNonDisclosureOrder.version, prev.version)))
          .returning()
      : // The case lock already serialises this; ON CONFLICT keeps a racing insert a 409, never a key violation.
        await tx
          .insert(caseNonDisclosureOrder)
          .values({ caseId, ...place, ...values })
          .onConflictDoNothing({ target: caseNonDisclosureOrder.caseId })
          .returning();
    if (!row) throw staleOrder(await currentOrder(tx, caseId), input.version);
    await audit(
      tx,
      actor,
      prev ? 'case.non_disclosure_order.update' : 'case.non_disclosure_order.set',
      'case',
      caseId,
      place,
      {
        orderRef: row.orderRef,
        orderedOn: row.orderedOn,
        version: row.version,
      },
      { children: [k.childId] },
    );
    return view(row)!;
  });
}

export async function liftNonDisclosureOrder(ctx: AppContext, actor: Actor, caseId: string, version: number | undefined) {
  requirePermission(actor, 'cases.cwc');
  if (version === undefined) throw badRequest('version', 'give the version of the order you are lifting (If-Match header or ?version=)');
  return ctx.db.transaction(async (tx) => {
    const k = await lockCwcCase(tx, actor, caseId);
    const prev = await currentOrder(tx, caseId);
    if (!prev) throw notFound('Non-disclosure order');
    if (prev.version !== version) throw staleOrder(prev, version);
    const [gone] = await tx
      .delete(caseNonDisclosureOrder)
      .where(and(eq(caseNonDisclosureOrder.caseId, caseId), eq(caseNonDisclosureOrder.version, version)))
      .returning();
    if (!gone) throw staleOrder(await currentOrder(tx, caseId), version);
    await audit(
      tx,
      actor,
      'case.non_disclosure_order.lift',
      'case',
      caseId,
      k,
      { orderRef: gone.orderRef, orderedOn: gone.orderedOn, version: gone.version },
      { children: [k.childId] },
    );
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
