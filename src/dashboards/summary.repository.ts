/**
 * The summary table of the children's facts (migrations/0661_dashboard_summary.sql): refreshed
 * on demand when older than the freshness limit, under an advisory lock so that concurrent
 * requests refresh it once. Reports refresh it first (maxAgeSeconds 0): a report's figures are
 * those of the moment it names.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/** How stale the dashboards' child figures may be (seconds), `DASHBOARD_MAX_AGE_SECONDS`. */
export function dashboardMaxAge(): number {
  const v = Number(process.env.DASHBOARD_MAX_AGE_SECONDS ?? 300);
  return Number.isFinite(v) && v >= 0 ? v : 300;
}

type Row = { refreshed_at: Date | string; fresh: boolean };

async function state(db: Db, maxAgeSeconds: number): Promise<Row> {
  const res = (await db.execute(
    sql`SELECT refreshed_at, refreshed_at > now() - make_interval(secs => ${maxAgeSeconds}) AS fresh FROM dash_refresh WHERE name = 'child'`,
  )) as unknown as { rows: Row[] };
  return res.rows[0];
}

/** When the child figures were computed: refreshed first when older than `maxAgeSeconds`. */
export async function ensureFresh(db: Db, maxAgeSeconds = dashboardMaxAge()): Promise<Date> {
  const before = await state(db, maxAgeSeconds);
  if (before.fresh) return new Date(before.refreshed_at);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727016)`);
    // Another request may have refreshed it while this one waited for the lock.
    const now = await state(tx as unknown as Db, maxAgeSeconds);
    if (now.fresh && maxAgeSeconds > 0) return new Date(now.refreshed_at);
    await tx.execute(sql`REFRESH MATERIALIZED VIEW dash_child_summary`);
    const res = (await tx.execute(
      sql`UPDATE dash_refresh SET refreshed_at = now() WHERE name = 'child' RETURNING refreshed_at`,
    )) as unknown as { rows: { refreshed_at: Date | string }[] };
    return new Date(res.rows[0].refreshed_at);
  });
}
