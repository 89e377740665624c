import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { requireWritable } from '../access/fields';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { careFamilyPlacement, carePayment } from './care.schema';
import { placementWhere } from './foster.service';
import { backfillEntries, grantRates, monthOf, type MissingMonth } from './domain';

/**
 * The grant ledger's 'due' entries, made automatically (issue #14): for every sponsorship,
 * foster-care and aftercare placement, one entry for every month it ran from the month it began
 * up to the current IST month (or the month it ended), which the DCPU then marks paid or
 * withheld (JJ Act 2015 s.44-46; Mission Vatsalya guidelines 2022). Months missed (the server was
 * down, the placement was recorded late) are back-filled by the same run. Idempotent: a month
 * already recorded for a placement is left as it is (UNIQUE (placement_id, month) in migration
 * 0750 guards two servers running it at once). Ids only in the audit.
 */
export async function createDueEntries(db: Db, now: Date, actor: Actor | null = null, scope?: SQL) {
  const month = monthOf(istToday(now));
  const first = `${month}-01`;
  const kinds = [...new Set(grantRates().rates.map((r) => r.kind))];
  const p = careFamilyPlacement;
  return db.transaction(async (tx) => {
    // The months each placement ran without an entry: the anti-join on the ledger's unique key
    // keeps this to what is missing, so the daily run reads little once the ledger is complete.
    const res = (await tx.execute(sql`
      SELECT ${p.id} AS placement_id, ${p.kind} AS kind, to_char(m.month, 'YYYY-MM') AS month
      FROM ${p}
      CROSS JOIN LATERAL generate_series(
        date_trunc('month', ${p.startedOn})::date,
        LEAST(
          date_trunc('month', coalesce(${p.endedOn}, ${first}::date))::date,
          ${first}::date,
          -- A sponsorship past its sanction's end (lapsed, not renewed) makes no month after it (migration 1000).
          coalesce((SELECT date_trunc('month', s.valid_until)::date FROM care_sponsorship s
                    WHERE s.placement_id = ${p.id} AND s.valid_until IS NOT NULL), ${first}::date)
        ),
        interval '1 month'
      ) AS m(month)
      WHERE ${and(
        sql`${p.kind} IN (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})`,
        sql`${p.startedOn} < (${first}::date + interval '1 month')`,
        scope,
      )}
        AND NOT EXISTS (SELECT 1 FROM ${carePayment} c WHERE c.placement_id = ${p.id} AND c.month = m.month::date)
      ORDER BY 1, 3
    `)) as unknown as { rows: { placement_id: string; kind: string; month: string }[] };
    const missing: MissingMonth[] = res.rows.map((r) => ({ placementId: r.placement_id, kind: r.kind, month: r.month }));
    const entries = backfillEntries(missing);
    if (!entries.length) return { month, created: 0, backfilled: 0 };
    const ids = [...new Set(entries.map((e) => e.placementId))];
    const placements = await tx
      .select()
      .from(p)
      .where(
        sql`${p.id} IN (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      );
    const byId = new Map(placements.map((x) => [x.id, x]));
    const rows: { id: string; childId: string; month: string }[] = [];
    // In slices: a first run on an old register may back-fill many months.
    for (let i = 0; i < entries.length; i += 1000) {
      const made = await tx
        .insert(carePayment)
        .values(
          entries.slice(i, i + 1000).map((e) => {
            const pl = byId.get(e.placementId)!;
            return {
              placementId: pl.id,
              childId: pl.childId,
              kind: pl.kind,
              stateCode: pl.stateCode,
              districtCode: pl.districtCode,
              month: `${e.month}-01`,
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
        .returning({ id: carePayment.id, childId: carePayment.childId, month: carePayment.month });
      rows.push(...made);
    }
    const backfilled = rows.filter((r) => r.month.slice(0, 7) !== month).length;
    if (rows.length)
      await audit(
        tx,
        actor,
        'create',
        'care_payment',
        null,
        null,
        { month, count: rows.length, backfilled, automatic: true },
        {
          children: [...new Set(rows.map((r) => r.childId))],
        },
      );
    return { month, created: rows.length, backfilled };
  });
}

/** The same, from a route: the DCPU makes the entries of the placements it may see. */
export async function createDueEntriesFor(ctx: AppContext, actor: Actor) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'carePayment', ['placementId', 'month', 'status']);
  return createDueEntries(ctx.db, ctx.now(), actor, placementWhere(actor));
}

/**
 * The ledger stops with a placement's end month (the month the child left is still the
 * placement's): its 'due' entries after that month are withheld with the reason; returns how
 * which (and the months already paid after it, for recovery). Shared by a foster placement's end (foster-life.service.ts) and a sponsorship's end or
 * refused renewal (sponsorship/renewal.service.ts).
 */
export async function withholdAfterEnd(
  db: Db,
  placementId: string,
  endedOn: string,
  reason: string,
  now: Date,
): Promise<{ withheld: string[]; paidAfterEnd: string[] }> {
  const after = `${endedOn.slice(0, 7)}-01`;
  const later = await db
    .select({ id: carePayment.id, month: carePayment.month, status: carePayment.status })
    .from(carePayment)
    .where(and(eq(carePayment.placementId, placementId), gt(carePayment.month, after)))
    .orderBy(asc(carePayment.month));
  const due = later.filter((p) => p.status === 'due');
  if (due.length)
    await db
      .update(carePayment)
      .set({ status: 'withheld', reason, version: sql`${carePayment.version} + 1`, updatedAt: now })
      .where(
        inArray(
          carePayment.id,
          due.map((p) => p.id),
        ),
      );
  return {
    withheld: due.map((p) => p.month.slice(0, 7)),
    paidAfterEnd: later.filter((p) => p.status === 'paid').map((p) => p.month.slice(0, 7)),
  };
}
