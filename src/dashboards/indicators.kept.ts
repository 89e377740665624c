/**
 * The care-now, missing-report and 1098-call indicators from their kept tables (migration 1010)
 * instead of the views: one statement per source gives every indicator of that source its
 * numerator, denominator, median and trend, in total or per district or state (the comparison).
 * The access rule is applied in the query on the tables' place columns, as on any table; the kept
 * tables carry a state and a district only, so they serve readers whose area is whole districts
 * (rollupServes); children in care now also a block or village, from the per-child rows (1090). home.rollup.test.ts holds every figure equal to the live one after inserts,
 * updates that move a row between buckets, and deletes.
 *   - care: dash_care_now_count, children in care now per district and kind (kept by the refresh);
 *     for a block or village, its rows of dash_care_now (one per child and kind, with block and village);
 *   - missing: dash_missing_item, one row per report accepted for matching (kept by the refresh),
 *     read whole for the area because the median days to restoration needs the rows;
 *   - helpline: dash_helpline_count per district, IST month received, outcome and target day (kept
 *     by the trigger), and today's unreached calls from dash_helpline_open against the app's clock.
 */
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, type Actor } from '../access/policy';
import { dashCareNow, dashCareNowCount, dashHelplineCount, dashHelplineOpen, dashMissingItem } from './dashboards.schema';
import type { Indicator, Source } from './domain/indicator';
import { foldTrend, type CountRow, type Params, type TrendPoint } from './indicators.repository';
import { blockServes, keptServes } from './home.repository';

export type KeptSource = 'care' | 'missing' | 'helpline';
export const KEPT_SOURCES: readonly Source[] = ['care', 'missing', 'helpline'];
export type KeptFigures = { rows: CountRow[]; trend: TrendPoint[] };
type By = 'district' | 'state' | null;
type Rows = { rows: Record<string, unknown>[] };

/** A group of counted records: its key, the conditions it meets, its months and how many. */
interface Bucket {
  key: string | null;
  meets: (name: string) => boolean;
  /** The IST month (YYYY-MM) of a date the trends name, or null when the record has none. */
  month: (date: string) => string | null;
  n: number;
}

/** Whether an indicator can be read from the kept tables (the median only as the missing source keeps it). */
export function keptServesIndicator(ind: Indicator): boolean {
  if (ind.source === 'missing' && ind.medianDays) {
    const num = [...ind.numerator].sort().join();
    return ind.medianDays.from === 'reported_at' && ind.medianDays.to === 'restored_at' && num === 'matched,restored';
  }
  return !ind.medianDays && KEPT_SOURCES.includes(ind.source);
}

const keyOf = (t: { stateCode: unknown; districtCode: unknown }, by: By): SQL =>
  by === 'district' ? sql`${t.districtCode}::text` : by === 'state' ? sql`${t.stateCode}::text` : sql`NULL::text`;

async function careBuckets(db: Db, actor: Actor, by: By): Promise<Bucket[]> {
  const c = dashCareNowCount;
  const r = dashCareNow;
  // A block or village: its own rows of dash_care_now counted, by the block or village index (1090).
  const res = (await db.execute(
    blockServes(actor) && !keptServes(actor)
      ? sql`SELECT ${keyOf(r, by)} AS key, ${r.kind} AS kind, count(*)::int AS n
    FROM ${r} WHERE ${jurisdictionWhere(actor, r)} GROUP BY 1, 2`
      : sql`SELECT ${keyOf(c, by)} AS key, ${c.kind} AS kind, sum(${c.n})::int AS n
    FROM ${c} WHERE ${jurisdictionWhere(actor, c)} GROUP BY 1, 2`,
  )) as unknown as Rows;
  return res.rows.map((r) => ({
    key: (r.key as string | null) ?? null,
    meets: (name) => (name === 'institution' ? r.kind === 'institution' : name === 'family_based' ? r.kind === 'family' : false),
    month: () => null,
    n: Number(r.n),
  }));
}

/** Per key: the reports per IST month matched and restored, and the median days from report to restoration. */
async function missingBuckets(db: Db, actor: Actor, by: By): Promise<{ buckets: Bucket[]; medians: Map<string | null, number | null> }> {
  const m = dashMissingItem;
  const month = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM')`;
  const res = (await db.execute(sql`SELECT key, mm, rm, GROUPING(mm) AS whole, count(*)::int AS n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FILTER (WHERE mm IS NOT NULL AND rm IS NOT NULL) AS median_days
    FROM (SELECT ${keyOf(m, by)} AS key, ${month(sql`${m.matchedAt}`)} AS mm, ${month(sql`${m.restoredAt}`)} AS rm,
                 EXTRACT(EPOCH FROM (${m.restoredAt} - ${m.reportedAt})) / 86400.0 AS days
          FROM ${m} WHERE ${jurisdictionWhere(actor, m)}) x
    GROUP BY GROUPING SETS ((key, mm, rm), (key))`)) as unknown as Rows;
  const medians = new Map<string | null, number | null>();
  const buckets: Bucket[] = [];
  for (const r of res.rows) {
    const key = (r.key as string | null) ?? null;
    if (Number(r.whole) === 1) {
      medians.set(key, r.median_days == null ? null : Math.round(Number(r.median_days) * 10) / 10);
      continue;
    }
    const mm = (r.mm as string | null) ?? null;
    const rm = (r.rm as string | null) ?? null;
    buckets.push({
      key,
      meets: (name) => (name === 'matched' ? mm !== null : name === 'restored' ? rm !== null : false),
      month: (date) => (date === 'matched_at' ? mm : date === 'restored_at' ? rm : null),
      n: Number(r.n),
    });
  }
  return { buckets, medians };
}

/**
 * Per key, IST month received and outcome: the calls, and whether their time is up. A call not
 * reached is due once its target has passed: on a day before today whole, today's against `now`.
 */
async function helplineBuckets(db: Db, actor: Actor, p: Params, by: By, withMonths: boolean): Promise<Bucket[]> {
  const c = dashHelplineCount;
  const o = dashHelplineOpen;
  // Without a trend (the comparison) the months are left out: a few rows per district, not per month.
  const month = (col: unknown) => (withMonths ? sql`${col}` : sql`NULL::date`);
  const start = new Date(`${p.today}T00:00:00+05:30`);
  const end = new Date(start.getTime() + 86_400_000);
  const res = (await db.execute(sql`SELECT key, to_char(month, 'YYYY-MM') AS month, outcome, due, sum(n)::int AS n FROM (
      SELECT ${keyOf(c, by)} AS key, ${month(c.receivedMonth)} AS month, ${c.outcome} AS outcome,
             ${c.outcome} <> 'open' OR ${c.targetDay} < ${p.today}::date AS due, ${c.n} AS n
      FROM ${c} WHERE ${and(jurisdictionWhere(actor, c), sql`NOT (${c.outcome} = 'open' AND ${c.targetDay} = ${p.today}::date)`)}
      UNION ALL
      SELECT ${keyOf(o, by)}, ${month(o.receivedMonth)}, 'open', ${o.targetAt} < ${p.now.toISOString()}::timestamptz, 1
      FROM ${o} WHERE ${and(jurisdictionWhere(actor, o), sql`${o.targetAt} >= ${start.toISOString()}::timestamptz`, sql`${o.targetAt} < ${end.toISOString()}::timestamptz`)}
    ) calls GROUP BY 1, 2, 3, 4`)) as unknown as Rows;
  return res.rows.map((r) => ({
    key: (r.key as string | null) ?? null,
    meets: (name) => (name === 'due' ? r.due === true : name === 'reached_in_target' ? r.outcome === 'in_target' : false),
    month: (date) => (date === 'received_at' && r.month != null ? String(r.month) : null),
    n: Number(r.n),
  }));
}

const all = (b: Bucket, names: readonly string[]) => names.every((n) => b.meets(n));

/**
 * The figures of the given indicators of one kept source, by indicator id: the rows countIndicator
 * gives (one with key null in total; per district or state, the groups with a record counted, by
 * key), and the trend over `months` (none when empty).
 */
export async function keptFigures(
  db: Db,
  actor: Actor,
  source: KeptSource,
  inds: Indicator[],
  p: Params,
  months: string[],
  by: By = null,
): Promise<Map<string, KeptFigures>> {
  let buckets: Bucket[];
  let medians = new Map<string | null, number | null>();
  if (source === 'care') buckets = await careBuckets(db, actor, by);
  else if (source === 'helpline') buckets = await helplineBuckets(db, actor, p, by, months.length > 0 && inds.some((i) => i.trend));
  else ({ buckets, medians } = await missingBuckets(db, actor, by));
  const out = new Map<string, KeptFigures>();
  for (const ind of inds) {
    const scope = ind.denominator ?? ind.numerator;
    const counted = buckets.filter((b) => all(b, scope));
    const keys = by === null ? [null] : [...new Set(counted.map((b) => b.key!))].sort();
    const rows: CountRow[] = keys.map((key) => {
      const mine = counted.filter((b) => b.key === key);
      return {
        key,
        numerator: mine.reduce((s, b) => s + (all(b, ind.numerator) ? b.n : 0), 0),
        denominator: ind.denominator ? mine.reduce((s, b) => s + b.n, 0) : null,
        medianDays: ind.medianDays ? (medians.get(key) ?? null) : null,
      };
    });
    let trend: TrendPoint[] = [];
    if (ind.trend && months.length) {
      const flow = ind.trend.mode === 'flow';
      const last = months[months.length - 1];
      const perMonth = new Map<string, { month: string; numerator: number; denominator: number | null }>();
      for (const b of counted) {
        const m = b.month(ind.trend.date);
        if (m === null || m > last) continue;
        const month = m < months[0] ? 'before' : m;
        const t = perMonth.get(month) ?? { month, numerator: 0, denominator: ind.denominator && flow ? 0 : null };
        if (all(b, ind.numerator)) t.numerator += b.n;
        if (t.denominator !== null) t.denominator += b.n;
        perMonth.set(month, t);
      }
      trend = foldTrend(ind, months, [...perMonth.values()]);
    }
    out.set(ind.id, { rows, trend });
  }
  return out;
}
