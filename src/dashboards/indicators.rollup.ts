/**
 * The children's indicators from their per-district, per-month count (dash_child_count,
 * migrations/0840) instead of the children themselves: a district home adds up a few thousand
 * counts, not every child of the district. The same figures as the live query over the summary
 * (indicators.rollup.test.ts holds them equal), with the access rule applied in the query on the
 * count's place columns as on any table.
 *
 * The count carries a state and a district, so it serves readers whose area is whole districts
 * (the policy's national, state and district scopes compare those codes only); a subdistrict,
 * block or village reader is counted live (a small area), as are breakdowns by sex, age, place...,
 * except the action items and children in care now, whose kept tables carry a block and village (1090).
 */
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, type Actor } from '../access/policy';
import { dashActionCount, dashChildCount as c, dashDueCount, dashDueItem } from './dashboards.schema';
import type { Indicator } from './domain/indicator';
import type { Params } from './indicators.repository';
import { KEPT_SOURCES, keptServesIndicator } from './indicators.kept';

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

/** The kind each condition of the case_due source names (the other condition is `overdue`). */
export const DUE_KIND: Record<string, string> = {
  production_pending: 'cwc_production',
  sir_pending: 'sir_submission',
  final_order_pending: 'cwc_final_order',
};

/** The action source's conditions over dash_action_count (0980), as indicators.repository.ts has them over dash_action. */
function actionCondition(name: string, p: Params): SQL {
  const a = dashActionCount;
  const m: Record<string, SQL> = {
    due_by_today: sql`${a.dueDate} <= ${p.today}::date`,
    done_on_time: sql`${a.onTime}`,
    open_overdue: sql`NOT ${a.done} AND ${a.dueDate} < ${p.today}::date`,
  };
  return m[name];
}
const actionConditions = (names: readonly string[], p: Params): SQL =>
  names.length
    ? sql.join(
        names.map((n) => sql`(${actionCondition(n, p)})`),
        sql` AND `,
      )
    : sql`true`;
const ACTION_CONDITIONS = ['due_by_today', 'done_on_time', 'open_overdue'];

function meets(names: readonly string[]): SQL | null {
  const mask = names.reduce((m, n) => m | FLAG[n], 0);
  return mask ? sql`(${c.flags} & ${mask}) = ${mask}` : null;
}

/**
 * Whether the count can give this figure: a child, due-item, action-item, care-now, missing-report or
 * 1098-call indicator (1010, indicators.kept.ts), in total or per district or state,
 * for an area of whole districts; an action-item or care-now one for a block or village too (1090). `DASHBOARD_COUNTS=live` counts every figure live (the bench's
 * comparison, and a fallback).
 */
export function rollupServes(actor: Actor, ind: Indicator, groupBy: string | null, extra?: SQL): boolean {
  if (process.env.DASHBOARD_COUNTS === 'live') return false;
  const names = [...ind.numerator, ...(ind.denominator ?? [])];
  return (
    (ind.source === 'child' ||
      (ind.source === 'case_due' && !ind.medianDays && names.every((n) => n === 'overdue' || n in DUE_KIND)) ||
      (ind.source === 'action' && !ind.medianDays && names.every((n) => ACTION_CONDITIONS.includes(n))) ||
      (KEPT_SOURCES.includes(ind.source) && keptServesIndicator(ind))) &&
    !extra &&
    (groupBy === null || groupBy === 'district' || groupBy === 'state') &&
    (actor.scope.level === 'national' ||
      actor.scope.level === 'state' ||
      actor.scope.level === 'district' ||
      // The action items' count and children in care now carry a block and a village (1090).
      ((actor.scope.level === 'block' || actor.scope.level === 'village') && (ind.source === 'action' || ind.source === 'care')))
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
 * Per month of the trend's date (and 'before' the first month): the rows trendIndicator adds up,
 * from a kept count: the children's (dash_child_count, IST month of the fact the trend names) or
 * the action items' (dash_action_count, month of the due day).
 */
export async function trendRowsFromRollup(db: Db, actor: Actor, ind: Indicator, p: Params, months: string[]) {
  const a = dashActionCount;
  const child = ind.source === 'child';
  const [table, month, n] = child ? [c, c.month, c.n] : [a, a.dueDate, a.n];
  const num = child ? (meets(ind.numerator) ?? sql`true`) : actionConditions(ind.numerator, p);
  const den = !ind.denominator ? null : child ? (meets(ind.denominator) ?? sql`true`) : actionConditions(ind.denominator, p);
  const flow = ind.trend!.mode === 'flow';
  const first = `${months[0]}-01`;
  const after = `${months[months.length - 1]}-01`;
  const res = (await db.execute(sql`SELECT CASE WHEN ${month} < ${first}::date THEN 'before' ELSE to_char(${month}, 'YYYY-MM') END AS month,
      COALESCE(sum(${n}) FILTER (WHERE ${num}), 0)::int AS numerator,
      ${den && flow ? sql`COALESCE(sum(${n}) FILTER (WHERE ${den}), 0)::int` : sql`NULL::int`} AS denominator
    FROM ${table}
    WHERE ${and(jurisdictionWhere(actor, table), child ? sql`${c.fact} = ${ind.trend!.date}` : sql`true`, den ?? num)}
      AND ${month} < (${after}::date + interval '1 month')::date
    GROUP BY 1`)) as unknown as Rows;
  return res.rows;
}

/**
 * The due items' indicators from their per-district, per-kind, per-IST-day count (dash_due_count,
 * migration 0923): an item due on a day before today (IST, from the app's clock) is overdue, one due
 * after it is not, and only today's items are compared with the clock's instant, from the kept items
 * (dash_due_item, by district and due instant). The same figures as the live query over
 * dash_case_due (indicators.rollup.test.ts).
 */
export async function countDueFromRollup(db: Db, actor: Actor, ind: Indicator, p: Params, groupBy: 'district' | 'state' | null) {
  const when = (names: readonly string[]): SQL => {
    const kinds = names.filter((n) => n !== 'overdue').map((n) => sql`kind = ${DUE_KIND[n]}`);
    const parts = [...kinds, ...(names.includes('overdue') ? [sql`overdue`] : [])];
    return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
  };
  const num = when(ind.numerator);
  const den = ind.denominator ? when(ind.denominator) : null;
  const start = new Date(`${p.today}T00:00:00+05:30`);
  const end = new Date(start.getTime() + 86_400_000);
  const d = dashDueCount;
  const i = dashDueItem;
  const key = groupBy === 'district' ? sql`district_code::text` : groupBy === 'state' ? sql`state_code::text` : sql`NULL::text`;
  const res = (await db.execute(sql`WITH due AS (
      SELECT ${d.stateCode} AS state_code, ${d.districtCode} AS district_code, ${d.kind} AS kind, ${d.dueDay} < ${p.today}::date AS overdue, ${d.n} AS n
      FROM ${d} WHERE ${and(jurisdictionWhere(actor, d), sql`${d.dueDay} <> ${p.today}::date`)}
      UNION ALL
      SELECT ${i.stateCode}, ${i.districtCode}, ${i.kind}, ${i.dueAt} < ${p.now.toISOString()}::timestamptz, 1
      FROM ${i} WHERE ${and(jurisdictionWhere(actor, i), sql`${i.dueAt} >= ${start.toISOString()}::timestamptz`, sql`${i.dueAt} < ${end.toISOString()}::timestamptz`)}
    )
    SELECT ${key} AS key,
      COALESCE(sum(n) FILTER (WHERE ${num}), 0)::int AS numerator,
      ${den ? sql`COALESCE(sum(n) FILTER (WHERE ${den}), 0)::int` : sql`NULL::int`} AS denominator
    FROM due WHERE ${den ?? num}
    ${groupBy ? sql`GROUP BY 1 ORDER BY 1` : sql``}`)) as unknown as Rows;
  return res.rows.map((r) => ({
    key: (r.key as string | null) ?? null,
    numerator: Number(r.numerator),
    denominator: r.denominator == null ? null : Number(r.denominator),
    medianDays: null,
  }));
}

/** The action items' indicators from their count per district, department, due day and outcome (0980). */
export async function countActionsFromRollup(db: Db, actor: Actor, ind: Indicator, p: Params, groupBy: 'district' | 'state' | null) {
  const a = dashActionCount;
  const num = actionConditions(ind.numerator, p);
  const den = ind.denominator ? actionConditions(ind.denominator, p) : null;
  const key = groupBy === 'district' ? sql`${a.districtCode}::text` : groupBy === 'state' ? sql`${a.stateCode}::text` : sql`NULL::text`;
  const res = (await db.execute(sql`SELECT ${key} AS key,
      COALESCE(sum(${a.n}) FILTER (WHERE ${num}), 0)::int AS numerator,
      ${den ? sql`COALESCE(sum(${a.n}) FILTER (WHERE ${den}), 0)::int` : sql`NULL::int`} AS denominator
    FROM ${a} WHERE ${and(jurisdictionWhere(actor, a), den ?? num)}
    ${groupBy ? sql`GROUP BY 1 ORDER BY 1` : sql``}`)) as unknown as Rows;
  return res.rows.map((r) => ({
    key: (r.key as string | null) ?? null,
    numerator: Number(r.numerator),
    denominator: r.denominator == null ? null : Number(r.denominator),
    medianDays: null,
  }));
}
