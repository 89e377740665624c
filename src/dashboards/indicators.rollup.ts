/**
 * The children's indicators from their per-district, per-month count (dash_child_count,
 * migrations/0840) instead of the children themselves: a district home adds up a few thousand
 * counts, not every child of the district. The same figures as the live query over the summary
 * (indicators.rollup.test.ts holds them equal), with the access rule applied in the query on the
 * count's place columns as on any table.
 *
 * The count carries a state and a district, so it serves readers whose area is whole districts
 * (the policy's national, state and district scopes compare those codes only); a subdistrict,
 * block or village reader is counted live (a small area), as are breakdowns by sex, age, place...
 */
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, type Actor } from '../access/policy';
import { dashChildCount as c } from './dashboards.schema';
import type { Indicator } from './domain/indicator';

/** The bit of each condition of the child source in dash_child_count.flags (0840). */
export const FLAG: Record<string, number> = {
  assessed: 1,
  open_case: 2,
  restored: 4,
  followed_up: 8,
  scheme_linked: 16,
  documents_recorded: 32,
  documents_complete: 64,
};

function meets(names: readonly string[]): SQL | null {
  const mask = names.reduce((m, n) => m | FLAG[n], 0);
  return mask ? sql`(${c.flags} & ${mask}) = ${mask}` : null;
}

/**
 * Whether the count can give this figure: a child indicator, in total or per district or state,
 * for an area of whole districts. `DASHBOARD_COUNTS=live` counts every figure live (the bench's
 * comparison, and a fallback).
 */
export function rollupServes(actor: Actor, ind: Indicator, groupBy: string | null, extra?: SQL): boolean {
  if (process.env.DASHBOARD_COUNTS === 'live') return false;
  return (
    ind.source === 'child' &&
    !extra &&
    (groupBy === null || groupBy === 'district' || groupBy === 'state') &&
    (actor.scope.level === 'national' || actor.scope.level === 'state' || actor.scope.level === 'district')
  );
}

type Rows = { rows: Record<string, unknown>[] };

/** Numerator and denominator in total or per district/state (the same rows as countIndicator's). */
export async function countFromRollup(db: Db, actor: Actor, ind: Indicator, groupBy: 'district' | 'state' | null) {
  const num = meets(ind.numerator) ?? sql`true`;
  const den = ind.denominator ? (meets(ind.denominator) ?? sql`true`) : null;
  const key = groupBy === 'district' ? sql`${c.districtCode}::text` : groupBy === 'state' ? sql`${c.stateCode}::text` : sql`NULL::text`;
  const res = (await db.execute(sql`SELECT ${key} AS key,
      COALESCE(sum(${c.n}) FILTER (WHERE ${num}), 0)::int AS numerator,
      ${den ? sql`COALESCE(sum(${c.n}) FILTER (WHERE ${den}), 0)::int` : sql`NULL::int`} AS denominator
    FROM ${c} WHERE ${and(jurisdictionWhere(actor, c), sql`${c.fact} = ''`, den ?? num)}
    ${groupBy ? sql`GROUP BY 1 ORDER BY 1` : sql``}`)) as unknown as Rows;
  return res.rows.map((r) => ({
    key: (r.key as string | null) ?? null,
    numerator: Number(r.numerator),
    denominator: r.denominator == null ? null : Number(r.denominator),
    medianDays: null,
  }));
}

/**
 * Per IST month of the trend's date (and 'before' the first month): the rows trendIndicator adds
 * up, from the count.
 */
export async function trendRowsFromRollup(db: Db, actor: Actor, ind: Indicator, months: string[]) {
  const num = meets(ind.numerator) ?? sql`true`;
  const den = ind.denominator ? (meets(ind.denominator) ?? sql`true`) : null;
  const flow = ind.trend!.mode === 'flow';
  const first = `${months[0]}-01`;
  const after = `${months[months.length - 1]}-01`;
  const res =
    (await db.execute(sql`SELECT CASE WHEN ${c.month} < ${first}::date THEN 'before' ELSE to_char(${c.month}, 'YYYY-MM') END AS month,
      COALESCE(sum(${c.n}) FILTER (WHERE ${num}), 0)::int AS numerator,
      ${den && flow ? sql`COALESCE(sum(${c.n}) FILTER (WHERE ${den}), 0)::int` : sql`NULL::int`} AS denominator
    FROM ${c}
    WHERE ${and(jurisdictionWhere(actor, c), sql`${c.fact} = ${ind.trend!.date}`, den ?? num)}
      AND ${c.month} < (${after}::date + interval '1 month')::date
    GROUP BY 1`)) as unknown as Rows;
  return res.rows;
}
