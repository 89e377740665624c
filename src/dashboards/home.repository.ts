/**
 * The district home's lists and its care trend, from the kept tables (migration 0980) when the
 * area is whole districts, a block or a village (1090), else (a subdistrict user, or
 * `DASHBOARD_COUNTS=live`) live over the views. home.rollup.test.ts and home.block.test.ts hold the
 * two equal after inserts, updates and deletes.
 *   - what needs a decision by tonight: the kept due items (dash_due_item, refreshed with the
 *     children's figures, so as current as `figuresAt`);
 *   - departments behind: the action items' count (dash_action_count, moved by the trigger, current);
 *   - the care trend: the running count of care spans (dash_care_count, refreshed with the figures).
 */
import { and, asc, count, lte, min, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, type Actor } from '../access/policy';
import { dashAction, dashActionCount, dashCareCount, dashCareHistory, dashCaseDue, dashDueItem } from './dashboards.schema';
import { monthEnd } from './domain/indicator';
import type { Params } from './indicators.repository';

/** Whether the kept tables serve this actor's area: whole districts (their rows carry state and district only). */
export function keptServes(actor: Actor): boolean {
  if (process.env.DASHBOARD_COUNTS === 'live') return false;
  return actor.scope.level === 'national' || actor.scope.level === 'state' || actor.scope.level === 'district';
}

/**
 * Whether the kept due items (dash_due_item) serve this actor: whole districts, or a block (the items
 * carry the case's block, 0980; read by block and due instant, 1010). Not a subdistrict or village
 * (the items carry neither): those are read live from dash_case_due.
 */
export function dueItemsServe(actor: Actor): boolean {
  return blockServes(actor) && actor.scope.level !== 'village';
}

/**
 * Whether the kept tables that carry a block and a village serve this actor (1090): the care spans'
 * count (dash_care_count), children in care now (dash_care_now) and the action items' count
 * (dash_action_count, blocks only: the items carry no village, so a village has none, live or kept).
 * A subdistrict is counted live.
 */
export function blockServes(actor: Actor): boolean {
  return (
    keptServes(actor) || (process.env.DASHBOARD_COUNTS !== 'live' && (actor.scope.level === 'block' || actor.scope.level === 'village'))
  );
}

export interface Decision {
  caseId: string;
  caseNumber: number;
  kind: string;
  dueAt: Date;
  blockCode: number | null;
}

/** Every due item of an open case in the area due by the end of today, earliest first, at most `limit`. */
export async function decisionsDue(db: Db, actor: Actor, endOfToday: Date, limit = 25): Promise<Decision[]> {
  const v = dueItemsServe(actor) ? dashDueItem : dashCaseDue;
  return db
    .select({ caseId: v.caseId, caseNumber: v.caseNumber, kind: v.kind, dueAt: v.dueAt, blockCode: v.blockCode })
    .from(v)
    .where(and(jurisdictionWhere(actor, v), lte(v.dueAt, endOfToday)))
    .orderBy(asc(v.dueAt), asc(v.caseId), asc(v.kind))
    .limit(limit);
}

export interface DepartmentBehind {
  department: string;
  overdue: number;
  oldestDue: string;
}

/** Action items not done past their due date, per department, most first. */
export async function departmentsBehind(db: Db, actor: Actor, today: string): Promise<DepartmentBehind[]> {
  let rows: { department: string; overdue: unknown; oldestDue: unknown }[];
  if (blockServes(actor)) {
    const c = dashActionCount;
    rows = await db
      .select({ department: c.department, overdue: sql`sum(${c.n})`, oldestDue: min(c.dueDate) })
      .from(c)
      .where(and(jurisdictionWhere(actor, c), sql`NOT ${c.done}`, sql`${c.dueDate} < ${today}::date`, sql`${c.n} > 0`))
      .groupBy(c.department)
      .orderBy(sql`sum(${c.n}) DESC`, c.department);
  } else {
    const a = dashAction;
    rows = await db
      .select({ department: a.department, overdue: count(), oldestDue: min(a.dueDate) })
      .from(a)
      .where(and(jurisdictionWhere(actor, a), sql`${a.status} <> 'done'`, sql`${a.dueDate} < ${today}::date`))
      .groupBy(a.department)
      .orderBy(sql`count(*) DESC`, a.department);
  }
  return rows.map((b) => ({ department: b.department, overdue: Number(b.overdue), oldestDue: String(b.oldestDue) }));
}

export interface CareTrendPoint {
  month: string;
  institution: number;
  family: number;
}

/**
 * The area's rows of the care count: its district's, or the state's (district 0), or the nation's
 * (state 0), each with block 0 and village ''; a block's or a village's own rows (1090).
 */
function careArea(actor: Actor): SQL {
  const c = dashCareCount;
  const s = actor.scope;
  const whole = sql`${c.blockCode} = 0 AND ${c.villageId} = ''`;
  if (s.level === 'national') return sql`${c.stateCode} = 0 AND ${c.districtCode} = 0 AND ${whole}`;
  if (s.level === 'state') return sql`${jurisdictionWhere(actor, c)} AND ${c.districtCode} = 0 AND ${whole}`;
  if (s.level === 'district') return sql`${jurisdictionWhere(actor, c)} AND ${whole}`;
  return jurisdictionWhere(actor, c);
}

/**
 * Children in institutional and in family-based care at each month's end (IST; today for the
 * current month), each child once per kind, within the actor's area: the 12-month trend of the
 * district home (dash_care_history, migration 0791; kept as dash_care_count, 0980, with blocks and villages, 1090).
 */
export async function careTrend(db: Db, actor: Actor, p: Params, months: string[]): Promise<CareTrendPoint[]> {
  if (!months.length) return [];
  const days = sql.join(
    months.map((m) => {
      const end = monthEnd(m);
      return sql`(${m}::text, ${end > p.today ? p.today : end}::date)`;
    }),
    sql`, `,
  );
  let q: SQL;
  if (blockServes(actor)) {
    const c = dashCareCount;
    q = sql`SELECT m.month, ${c.kind} AS kind, sum(${c.n})::int AS n
      FROM (VALUES ${days}) AS m(month, day) JOIN ${c} ON ${c.day} <= m.day
      WHERE ${careArea(actor)}
      GROUP BY 1, 2`;
  } else {
    const v = dashCareHistory;
    q = sql`SELECT m.month, ${v.kind} AS kind, count(DISTINCT ${v.id})::int AS n
      FROM (VALUES ${days}) AS m(month, day)
      JOIN ${v} ON ${v.startedOn} <= m.day AND (${v.endedOn} IS NULL OR ${v.endedOn} > m.day)
      WHERE ${jurisdictionWhere(actor, v)}
      GROUP BY 1, 2`;
  }
  const res = (await db.execute(q)) as unknown as { rows: { month: string; kind: 'institution' | 'family'; n: number }[] };
  return months.map((month) => {
    const get = (kind: string) => Number(res.rows.find((r) => r.month === month && r.kind === kind)?.n ?? 0);
    return { month, institution: get('institution'), family: get('family') };
  });
}
