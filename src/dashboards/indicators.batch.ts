/**
 * Every child and due-item figure of an area in two statements instead of one or two per indicator
 * (issue #16: the district home sent ~30 statements, most of them sums over the same few thousand
 * rows of dash_child_count and dash_due_count, each waiting for a pooled connection): the area's
 * counts are read once, grouped as the per-indicator queries of indicators.rollup.ts group them, and
 * each indicator's numerator, denominator and trend added up here by the same rules.
 * home.rollup.test.ts holds indicatorValues equal to the live figures.
 */
import { and, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, type Actor } from '../access/policy';
import { dashCaseDue, dashChildCount as c, dashChildFact, dashDueCount, dashDueItem } from './dashboards.schema';
import type { Indicator } from './domain/indicator';
import { foldTrend, type CountRow, type Params, type TrendPoint } from './indicators.repository';
import { DUE_KIND, FLAG, rollupServes } from './indicators.rollup';
import { keptFigures, KEPT_SOURCES, type KeptSource } from './indicators.kept';
import { dueItemsServe } from './home.repository';

export type Figures = { row: CountRow; trend: TrendPoint[] };
type Rows = { rows: Record<string, unknown>[] };

const mask = (names: readonly string[]) => names.reduce((m, n) => m | FLAG[n], 0);
const sum = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((s, r) => s + pick(r), 0);

/**
 * Whether the area is below a district (subdistrict, block, village): the kept counts carry districts
 * only, so such a home is counted over the area's own rows, still in one statement per kind of figure.
 */
const belowDistrict = (actor: Actor) =>
  process.env.DASHBOARD_COUNTS !== 'live' && !['national', 'state', 'district'].includes(actor.scope.level);

/**
 * The child indicators, from the area's counts per fact, month and flags (one statement): summed
 * from dash_child_count for whole districts, counted from the children's facts (dash_child_fact,
 * the same rows the count adds up) for an area below a district.
 */
async function childFigures(db: Db, actor: Actor, inds: Indicator[], months: string[]): Promise<Map<string, Figures>> {
  const after = `${months[months.length - 1]}-01`;
  const [t, n] = belowDistrict(actor) ? [dashChildFact, sql`count(*)`] : [c, sql`sum(${c.n})`];
  const res =
    (await db.execute(sql`SELECT ${t.fact} AS fact, CASE WHEN ${t.fact} = '' THEN '' ELSE to_char(${t.month}, 'YYYY-MM') END AS month,
      ${t.flags} AS flags, ${n}::int AS n
    FROM ${t} WHERE ${and(jurisdictionWhere(actor, t), sql`(${t.fact} = '' OR ${t.month} < (${after}::date + interval '1 month')::date)`)}
    GROUP BY 1, 2, 3`)) as unknown as Rows;
  const rows = res.rows.map((r) => ({ fact: String(r.fact), month: String(r.month), flags: Number(r.flags), n: Number(r.n) }));
  const out = new Map<string, Figures>();
  for (const ind of inds) {
    const num = mask(ind.numerator);
    const den = ind.denominator ? mask(ind.denominator) : null;
    const meets = (flags: number, m: number) => (flags & m) === m;
    const inScope = rows.filter((r) => meets(r.flags, den ?? num));
    const totals = inScope.filter((r) => r.fact === '');
    const row: CountRow = {
      key: null,
      numerator: sum(totals, (r) => (meets(r.flags, num) ? r.n : 0)),
      denominator: den === null ? null : sum(totals, (r) => r.n),
      medianDays: null,
    };
    let trend: TrendPoint[] = [];
    if (ind.trend && months.length) {
      const flow = ind.trend.mode === 'flow';
      const perMonth = new Map<string, { month: string; numerator: number; denominator: number | null }>();
      for (const r of inScope) {
        if (r.fact !== ind.trend.date) continue;
        const month = r.month < months[0] ? 'before' : r.month;
        const m = perMonth.get(month) ?? { month, numerator: 0, denominator: den !== null && flow ? 0 : null };
        if (meets(r.flags, num)) m.numerator += r.n;
        if (m.denominator !== null) m.denominator += r.n;
        perMonth.set(month, m);
      }
      trend = foldTrend(ind, months, [...perMonth.values()]);
    }
    out.set(ind.id, { row, trend });
  }
  return out;
}

/** The due-item indicators, from the area's due items per kind and overdue or not (one statement; 0923's rules). */
async function dueFigures(db: Db, actor: Actor, inds: Indicator[], p: Params): Promise<Map<string, Figures>> {
  const start = new Date(`${p.today}T00:00:00+05:30`);
  const end = new Date(start.getTime() + 86_400_000);
  const d = dashDueCount;
  const i = dashDueItem;
  const v = dashCaseDue;
  // Below a district: the area's due items counted one by one, a block's from the kept copy (by block,
  // 1010), a subdistrict's or village's live from dash_case_due.
  const items = dueItemsServe(actor) ? i : v;
  const res = belowDistrict(actor)
    ? ((await db.execute(sql`SELECT ${items.kind} AS kind, ${items.dueAt} < ${p.now.toISOString()}::timestamptz AS overdue, count(*)::int AS n
      FROM ${items} WHERE ${jurisdictionWhere(actor, items)} GROUP BY 1, 2`)) as unknown as Rows)
    : ((await db.execute(sql`SELECT kind, overdue, sum(n)::int AS n FROM (
      SELECT ${d.kind} AS kind, ${d.dueDay} < ${p.today}::date AS overdue, ${d.n} AS n
      FROM ${d} WHERE ${and(jurisdictionWhere(actor, d), sql`${d.dueDay} <> ${p.today}::date`)}
      UNION ALL
      SELECT ${i.kind}, ${i.dueAt} < ${p.now.toISOString()}::timestamptz, 1
      FROM ${i} WHERE ${and(jurisdictionWhere(actor, i), sql`${i.dueAt} >= ${start.toISOString()}::timestamptz`, sql`${i.dueAt} < ${end.toISOString()}::timestamptz`)}
    ) due GROUP BY 1, 2`)) as unknown as Rows);
  const rows = res.rows.map((r) => ({ kind: String(r.kind), overdue: r.overdue === true, n: Number(r.n) }));
  const meets = (r: (typeof rows)[number], names: readonly string[]) =>
    names.every((n) => (n === 'overdue' ? r.overdue : r.kind === DUE_KIND[n]));
  const out = new Map<string, Figures>();
  for (const ind of inds) {
    const inScope = rows.filter((r) => meets(r, ind.denominator ?? ind.numerator));
    out.set(ind.id, {
      row: {
        key: null,
        numerator: sum(inScope, (r) => (meets(r, ind.numerator) ? r.n : 0)),
        denominator: ind.denominator ? sum(inScope, (r) => r.n) : null,
        medianDays: null,
      },
      trend: [],
    });
  }
  return out;
}

/**
 * Whether batchFigures gives this indicator's figures: whatever the kept tables serve, and for an
 * area below a district the child and due-item ones (the due conditions being kinds and `overdue`).
 */
export function batchServes(actor: Actor, ind: Indicator): boolean {
  if (ind.status !== 'live') return false;
  if (rollupServes(actor, ind, null))
    return ind.source === 'child' || (ind.source === 'case_due' && !ind.trend) || KEPT_SOURCES.includes(ind.source);
  const names = [...ind.numerator, ...(ind.denominator ?? [])];
  return (
    belowDistrict(actor) &&
    (ind.source === 'child' ||
      (ind.source === 'case_due' && !ind.trend && !ind.medianDays && names.every((n) => n === 'overdue' || n in DUE_KIND)))
  );
}

/**
 * The figures of the indicators that the kept tables serve for this actor, by indicator id: the child
 * and due-item ones in two statements, and the care-now, missing and 1098-call ones in one each (1010).
 */
export async function batchFigures(db: Db, actor: Actor, inds: Indicator[], p: Params, months: string[]): Promise<Map<string, Figures>> {
  const served = inds.filter((i) => i.status === 'live' && batchServes(actor, i));
  const child = served.filter((i) => i.source === 'child');
  const due = served.filter((i) => i.source === 'case_due' && !i.trend);
  const kept = KEPT_SOURCES.map((source) => [source as KeptSource, served.filter((i) => i.source === source)] as const).filter(
    ([, l]) => l.length,
  );
  const [a, b, ...rest] = await Promise.all([
    child.length ? childFigures(db, actor, child, months) : new Map<string, Figures>(),
    due.length ? dueFigures(db, actor, due, p) : new Map<string, Figures>(),
    ...kept.map(([source, list]) => keptFigures(db, actor, source, list, p, months)),
  ]);
  const out = new Map([...a, ...b]);
  for (const m of rest) for (const [id, f] of m) out.set(id, { row: f.rows[0], trend: f.trend });
  return out;
}
