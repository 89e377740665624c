import { and, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { requireWritable } from '../access/fields';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { careFamilyPlacement, carePayment } from './care.schema';
import { placementWhere } from './foster.service';
import { dueEntriesFor, monthOf } from './domain';

/**
 * The month's 'due' entries of the grant ledger, made automatically (issue #14): for every
 * sponsorship, foster-care and aftercare placement running in the current IST month, the entry
 * the DCPU then marks paid or withheld (JJ Act 2015 s.44-46; Mission Vatsalya guidelines 2022).
 * Idempotent: a month already recorded for a placement is left as it is (UNIQUE (placement_id,
 * month) in migration 0750 guards two servers running it at once). Ids only in the audit.
 */
export async function createDueEntries(db: Db, now: Date, actor: Actor | null = null, scope?: SQL) {
  const month = monthOf(istToday(now));
  const first = `${month}-01`;
  return db.transaction(async (tx) => {
    const running = await tx
      .select()
      .from(careFamilyPlacement)
      .where(
        and(
          lte(careFamilyPlacement.startedOn, `${month}-31`),
          or(isNull(careFamilyPlacement.endedOn), gte(careFamilyPlacement.endedOn, first)),
          scope,
        ),
      );
    if (!running.length) return { month, created: 0 };
    const recorded = await tx
      .select({ placementId: carePayment.placementId })
      .from(carePayment)
      .where(
        and(
          eq(carePayment.month, first),
          inArray(
            carePayment.placementId,
            running.map((p) => p.id),
          ),
        ),
      );
    const entries = dueEntriesFor(running, month, new Set(recorded.map((r) => r.placementId)));
    if (!entries.length) return { month, created: 0 };
    const byId = new Map(running.map((p) => [p.id, p]));
    const rows = await tx
      .insert(carePayment)
      .values(
        entries.map((e) => {
          const p = byId.get(e.placementId)!;
          return {
            placementId: p.id,
            childId: p.childId,
            kind: p.kind,
            stateCode: p.stateCode,
            districtCode: p.districtCode,
            month: first,
            amount: e.amount,
            rateVersion: e.rateVersion,
            status: 'due',
            createdBy: actor?.userId ?? null,
            createdAt: now,
            updatedAt: now,
          };
        }),
      )
      .onConflictDoNothing()
      .returning({ id: carePayment.id, childId: carePayment.childId });
    if (rows.length)
      await audit(
        tx,
        actor,
        'create',
        'care_payment',
        null,
        null,
        { month, count: rows.length, automatic: true },
        {
          children: [...new Set(rows.map((r) => r.childId))],
        },
      );
    return { month, created: rows.length };
  });
}

/** The same, from a route: the DCPU makes the month's entries of the placements it may see. */
export async function createDueEntriesFor(ctx: AppContext, actor: Actor) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'carePayment', ['placementId', 'month', 'status']);
  return createDueEntries(ctx.db, ctx.now(), actor, placementWhere(actor));
}
