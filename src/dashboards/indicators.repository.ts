/**
 * Indicators computed by SQL in the database, over the dashboard views only, with the actor's
 * jurisdiction in the WHERE clause (jurisdictionWhere: a district officer counts their district,
 * a state user their state). One query per indicator and grouping: conditional counts for the
 * numerator and denominator, and the median where the indicator asks for one.
 */
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, type Actor } from '../access/policy';
import { dashAction, dashCare, dashCaseDue, dashChild, dashHelpline, dashMissing } from './dashboards.schema';
import { type Disaggregation, type Indicator, type Source } from './domain/indicator';
import { countActionsFromRollup, countDueFromRollup, countFromRollup, rollupServes, trendRowsFromRollup } from './indicators.rollup';
import { keptFigures, KEPT_SOURCES, type KeptSource } from './indicators.kept';

export interface Params {
  /** The IST calendar day (src/kernel/clock.ts). */
  today: string;
  now: Date;
}

const VIEWS = {
  child: dashChild,
  case_due: dashCaseDue,
  action: dashAction,
  missing: dashMissing,
  care: dashCare,
  helpline: dashHelpline,
} as const;

function condition(source: Source, name: string, p: Params): SQL {
  switch (source) {
    case 'child': {
      const v = dashChild;
      const m: Record<string, SQL> = {
        assessed: sql`${v.assessedOn} IS NOT NULL`,
        open_case: sql`${v.hasOpenCase}`,
        restored: sql`${v.restoredOn} IS NOT NULL`,
        followed_up: sql`${v.followedUpOn} IS NOT NULL`,
        scheme_linked: sql`${v.schemeLinkedOn} IS NOT NULL`,
        documents_recorded: sql`${v.documentsTotal} > 0`,
        documents_complete: sql`${v.documentsPending} = 0`,
      };
      return m[name];
    }
    case 'case_due': {
      const v = dashCaseDue;
      const m: Record<string, SQL> = {
        production_pending: sql`${v.kind} = 'cwc_production'`,
        sir_pending: sql`${v.kind} = 'sir_submission'`,
        final_order_pending: sql`${v.kind} = 'cwc_final_order'`,
        overdue: sql`${v.dueAt} < ${p.now.toISOString()}::timestamptz`,
      };
      return m[name];
    }
    case 'action': {
      const v = dashAction;
      const m: Record<string, SQL> = {
        due_by_today: sql`${v.dueDate} <= ${p.today}::date`,
        done_on_time: sql`${v.status} = 'done' AND ${v.doneOn} <= ${v.dueDate}`,
        open_overdue: sql`${v.status} <> 'done' AND ${v.dueDate} < ${p.today}::date`,
      };
      return m[name];
    }
    case 'missing': {
      const v = dashMissing;
      const m: Record<string, SQL> = {
        matched: sql`${v.matchedAt} IS NOT NULL`,
        restored: sql`${v.restoredAt} IS NOT NULL`,
      };
      return m[name];
    }
    case 'care': {
      const v = dashCare;
      const m: Record<string, SQL> = {
        institution: sql`${v.kind} = 'institution'`,
        family_based: sql`${v.kind} = 'family'`,
      };
      return m[name];
    }
    case 'helpline': {
      const v = dashHelpline;
      const m: Record<string, SQL> = {
        // Due once its time is up: reached, or the target passed unreached; a call still inside its
        // window neither helps nor hurts (as the helpline's own figures, src/helpline/domain/response-times.ts).
        due: sql`${v.targetAt} IS NOT NULL AND (${v.reachedAt} IS NOT NULL OR ${v.targetAt} < ${p.now.toISOString()}::timestamptz)`,
        reached_in_target: sql`${v.reachedAt} <= ${v.targetAt}`,
      };
      return m[name];
    }
  }
}

export function conditions(source: Source, names: readonly string[], p: Params): SQL {
  if (!names.length) return sql`true`;
  return sql.join(
    names.map((n) => sql`(${condition(source, n, p)})`),
    sql` AND `,
  );
}

/** The SQL column of a date named in the data (snake_case → the view's column). */
export function dateColumn(name: string): SQL {
  // The names are checked against DATES of the source when the data is loaded (domain/indicator.ts).
  return sql.raw(`"${name.replace(/[^a-z_]/g, '')}"`);
}

function ageBand(dobOrYears: SQL, isYears: boolean, today: string): SQL {
  if (isYears) {
    return sql`CASE WHEN ${dobOrYears} IS NULL THEN 'unknown' WHEN ${dobOrYears} < 6 THEN '0-5' WHEN ${dobOrYears} < 11 THEN '6-10'
      WHEN ${dobOrYears} < 15 THEN '11-14' WHEN ${dobOrYears} < 18 THEN '15-17' ELSE '18+' END`;
  }
  const before = (years: number) => sql`(${today}::date - ${sql.raw(`interval '${years} years'`)})`;
  return sql`CASE WHEN ${dobOrYears} IS NULL THEN 'unknown' WHEN ${dobOrYears} > ${before(6)} THEN '0-5' WHEN ${dobOrYears} > ${before(11)} THEN '6-10'
    WHEN ${dobOrYears} > ${before(15)} THEN '11-14' WHEN ${dobOrYears} > ${before(18)} THEN '15-17' ELSE '18+' END`;
}

export type GroupBy = Disaggregation | 'district' | 'state';

function groupKey(source: Source, by: GroupBy, today: string): SQL {
  const v = VIEWS[source] as typeof dashChild & typeof dashAction & typeof dashMissing & typeof dashCare;
  switch (by) {
    case 'state':
      return sql`${v.stateCode}::text`;
    case 'district':
      return sql`${v.districtCode}::text`;
    case 'block':
      return sql`COALESCE(${v.blockCode}::text, 'unknown')`;
    case 'village':
      return sql`COALESCE(${v.villageId}, 'unknown')`;
    case 'sex':
      return sql`${v.sex}`;
    case 'department':
      return sql`${v.department}`;
    case 'social_category':
      return sql`${v.socialCategory}`;
    case 'disability':
      return sql`CASE WHEN ${v.hasDisability} THEN 'yes' ELSE 'no' END`;
    case 'age_band':
      return source === 'missing' ? ageBand(sql`${dashMissing.ageYears}`, true, today) : ageBand(sql`${v.dob}`, false, today);
  }
}

export interface CountRow {
  key: string | null;
  numerator: number;
  denominator: number | null;
  medianDays: number | null;
}

/**
 * Numerator, denominator and median of one live indicator within the actor's jurisdiction,
 * in total (groupBy null) or per group. `extra` narrows the rows further (a chosen district).
 */
export async function countIndicator(
  db: Db,
  actor: Actor,
  ind: Indicator,
  p: Params,
  groupBy: GroupBy | null = null,
  extra?: SQL,
): Promise<CountRow[]> {
  if (rollupServes(actor, ind, groupBy, extra)) {
    const by = groupBy as 'district' | 'state' | null;
    if (ind.source === 'case_due') return countDueFromRollup(db, actor, ind, p, by);
    if (ind.source === 'action') return countActionsFromRollup(db, actor, ind, p, by);
    if (KEPT_SOURCES.includes(ind.source))
      return (await keptFigures(db, actor, ind.source as KeptSource, [ind], p, [], by)).get(ind.id)!.rows;
    return countFromRollup(db, actor, ind, by);
  }
  const view = VIEWS[ind.source];
  const num = conditions(ind.source, ind.numerator, p);
  const den = ind.denominator ? conditions(ind.source, ind.denominator, p) : null;
  const median = ind.medianDays
    ? sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (${dateColumn(ind.medianDays.to)}::timestamptz - ${dateColumn(ind.medianDays.from)}::timestamptz)) / 86400.0) FILTER (WHERE ${num})`
    : sql`NULL::float8`;
  const key = groupBy ? groupKey(ind.source, groupBy, p.today) : sql`NULL::text`;
  // A row outside the denominator (or, for a plain count, the numerator) counts in neither, so
  // it is left out in the WHERE, where an index can serve it (the statutory kinds of case_due).
  // A breakdown keeps every group of the area, an empty one showing 0 (totals and places are
  // filled with zeros by their callers).
  const narrow = groupBy === null || groupBy === 'district' || groupBy === 'state';
  const where = and(jurisdictionWhere(actor, view), extra ?? sql`true`, narrow ? (den ?? num) : sql`true`);
  const q = sql`SELECT ${key} AS key,
      count(*) FILTER (WHERE ${num})::int AS numerator,
      ${den ? sql`count(*) FILTER (WHERE ${den})::int` : sql`NULL::int`} AS denominator,
      ${median} AS median_days
    FROM ${view} WHERE ${where} ${groupBy ? sql`GROUP BY 1 ORDER BY 1` : sql``}`;
  const res = (await db.execute(q)) as unknown as { rows: Record<string, unknown>[] };
  return res.rows.map((r) => ({
    key: (r.key as string | null) ?? null,
    numerator: Number(r.numerator),
    denominator: r.denominator == null ? null : Number(r.denominator),
    medianDays: r.median_days == null ? null : Math.round(Number(r.median_days) * 10) / 10,
  }));
}

/**
 * The numerator per month for the months given (YYYY-MM, IST, consecutive): for a stock, rows
 * whose date is on or before the month's last day; for a flow, rows whose date falls in the month
 * (and the denominator of the same rows, so a flow's rate is per month). One pass over the rows:
 * counted per month (and "before" the first), a stock is then the running sum.
 */
export async function trendIndicator(
  db: Db,
  actor: Actor,
  ind: Indicator,
  p: Params,
  months: string[],
  extra?: SQL,
): Promise<TrendPoint[]> {
  if (!ind.trend || !months.length) return [];
  const view = VIEWS[ind.source];
  const d = dateColumn(ind.trend.date);
  const istDay = sql`((${d})::timestamptz AT TIME ZONE 'Asia/Kolkata')::date`;
  const num = conditions(ind.source, ind.numerator, p);
  const den = ind.denominator ? conditions(ind.source, ind.denominator, p) : null;
  const first = `${months[0]}-01`;
  const after = `${months[months.length - 1]}-01`;
  const flow = ind.trend.mode === 'flow';
  const q = sql`SELECT CASE WHEN ${istDay} < ${first}::date THEN 'before' ELSE to_char(${istDay}, 'YYYY-MM') END AS month,
      count(*) FILTER (WHERE ${num})::int AS numerator,
      ${den && flow ? sql`count(*) FILTER (WHERE ${den})::int` : sql`NULL::int`} AS denominator
    FROM ${view}
    WHERE ${and(jurisdictionWhere(actor, view), extra ?? sql`true`, den ?? num)} AND ${d} IS NOT NULL
      AND ${istDay} < (${after}::date + interval '1 month')::date
    GROUP BY 1`;
  const kept = rollupServes(actor, ind, null, extra);
  if (kept && KEPT_SOURCES.includes(ind.source)) {
    return (await keptFigures(db, actor, ind.source as KeptSource, [ind], p, months)).get(ind.id)!.trend;
  }
  const rows =
    kept && (ind.source === 'child' || ind.source === 'action')
      ? await trendRowsFromRollup(db, actor, ind, p, months)
      : ((await db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
  return foldTrend(ind, months, rows);
}

export type TrendPoint = { month: string; numerator: number; denominator: number | null };

/**
 * The trend from the counts per month (and 'before' the first month) of the rows a trend reads:
 * a flow's months as they are, a stock's as the running sum.
 */
export function foldTrend(ind: Indicator, months: string[], rows: Record<string, unknown>[]): TrendPoint[] {
  const flow = ind.trend!.mode === 'flow';
  const got = new Map(rows.map((r) => [String(r.month), r]));
  let running = flow ? 0 : Number(got.get('before')?.numerator ?? 0);
  return months.map((m) => {
    const r = got.get(m);
    const n = r ? Number(r.numerator) : 0;
    if (flow) return { month: m, numerator: n, denominator: ind.denominator ? (r?.denominator == null ? 0 : Number(r.denominator)) : null };
    running += n;
    return { month: m, numerator: running, denominator: null };
  });
}

/** The kind of record each source's rows are, listed by the module that owns it (src/dashboards/lists.service.ts). */
export type ListKind = 'child' | 'case' | 'action' | 'missing' | 'call';
export const LISTABLE: Record<Source, ListKind> = {
  child: 'child',
  care: 'child',
  case_due: 'case',
  action: 'action',
  missing: 'missing',
  helpline: 'call',
};

/**
 * SQL subquery: the ids of the records an indicator's figure counts within the actor's area (the
 * numerator, or the denominator), optionally one group of a breakdown. The caller lists them
 * through the owning module's list, which applies the permitted-fields policy itself.
 */
export function recordIdsQuery(
  actor: Actor,
  ind: Indicator,
  p: Params,
  set: 'numerator' | 'denominator',
  group?: { by: GroupBy; key: string },
): SQL {
  const view = VIEWS[ind.source];
  const names = set === 'denominator' ? (ind.denominator ?? []) : ind.numerator;
  const idCol = ind.source === 'case_due' ? sql`${dashCaseDue.caseId}` : sql`"id"`;
  const inGroup = group ? sql`${groupKey(ind.source, group.by, p.today)} = ${group.key}` : sql`true`;
  return sql`SELECT ${idCol} FROM ${view} WHERE ${and(jurisdictionWhere(actor, view), conditions(ind.source, names, p), inGroup)}`;
}
