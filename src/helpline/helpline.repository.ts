import { and, arrayOverlaps, asc, count, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { permittedColumns, rowsWhere, shapeRow } from '../access/fields';
import { helplineCall, type HelplineCallRow } from './helpline.schema';
import type { CallListQuery } from './helpline.model';

/**
 * The helpline's SQL. Every read goes through the permitted-fields policy (record type
 * `helplineCall`): the fields the role may read, the jurisdiction rule and the CWC
 * non-disclosure order of any registry child the call names, all in the query.
 */
const h = helplineCall;

/** The caller's number: whole for the operator who took the call, else only its last two digits (the rest as x). */
function callerPhoneFor(actor: Actor): SQL<string | null> {
  const digits = sql`regexp_replace(${h.callerPhone}, '[^0-9]', '', 'g')`;
  return sql<string | null>`CASE WHEN ${h.operatorUserId} = ${actor.userId} THEN ${h.callerPhone}
    WHEN ${h.callerPhone} IS NULL THEN NULL
    ELSE repeat('x', greatest(length(${digits}) - 2, 0)) || right(${digits}, 2) END`;
}

/**
 * Repeat calls: other submitted calls within 30 days naming the same registry child (a count,
 * so a reader learns that the child is being called about again, not what the other calls say).
 * The outer call's columns are written qualified: drizzle leaves them bare in a one-table select,
 * where inside the subquery they would name the other call.
 */
const outer = (col: string) => sql`${sql.identifier('helpline_call')}.${sql.identifier(col)}`;
const repeatCalls = sql<number>`(SELECT count(*)::int FROM ${helplineCall} ${sql.identifier('other_call')}
  WHERE other_call.id <> ${outer('id')} AND other_call.status <> 'draft' AND other_call.child_ids && ${outer('child_ids')}
    AND other_call.received_at BETWEEN ${outer('received_at')} - interval '30 days' AND ${outer('received_at')} + interval '30 days')`;

function columnsFor(actor: Actor, today: string) {
  const cols = permittedColumns(actor, 'helplineCall', { today });
  if ('callerPhone' in cols) cols.callerPhone = callerPhoneFor(actor);
  if ('childIds' in cols) cols.repeatCalls = repeatCalls;
  return cols;
}

export type CallView = Record<string, unknown> & { id: string; version: number };

export async function insertCall(db: Db, values: typeof h.$inferInsert): Promise<HelplineCallRow> {
  const [row] = await db.insert(h).values(values).returning();
  return row;
}

/** The call as the actor may read it (shaped: withheld fields absent and listed), or null. */
export async function readCall(db: Db, actor: Actor, id: string, today: string): Promise<CallView | null> {
  const [row] = await db
    .select(columnsFor(actor, today))
    .from(h)
    .where(and(eq(h.id, id), rowsWhere(actor, 'helplineCall', h)));
  return row ? (shapeRow(row, 'helplineCall', actor) as CallView) : null;
}

/** The stored row, locked for an update, when the actor may see it. */
export async function lockCall(db: Db, actor: Actor, id: string): Promise<HelplineCallRow | null> {
  const [row] = await db
    .select()
    .from(h)
    .where(and(eq(h.id, id), rowsWhere(actor, 'helplineCall', h)))
    .for('update');
  return row ?? null;
}

/** Writes the change when the version is still `version`; false when someone saved first. */
export async function updateCall(db: Db, id: string, version: number, values: Partial<typeof h.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(h)
    .set({ ...values, version: version + 1 })
    .where(and(eq(h.id, id), eq(h.version, version)))
    .returning({ id: h.id });
  return rows.length === 1;
}

/** `idsIn`: only calls whose id is in this subquery (the records behind a dashboard figure, src/dashboards/lists.service.ts). */
export type CallListFilter = CallListQuery & { idsIn?: SQL };

function listWhere(actor: Actor, q: Partial<CallListFilter>, range: { from?: Date; to?: Date }, now: Date): SQL {
  const parts: (SQL | undefined)[] = [rowsWhere(actor, 'helplineCall', h)];
  // A draft is the operator's until it is submitted.
  parts.push(q.status ? eq(h.status, q.status) : sql`(${h.status} <> 'draft' OR ${h.operatorUserId} = ${actor.userId})`);
  if (q.status === 'draft') parts.push(eq(h.operatorUserId, actor.userId));
  if (q.urgency) parts.push(eq(h.urgency, q.urgency));
  if (q.route) parts.push(eq(h.route, q.route));
  if (q.category) parts.push(arrayOverlaps(h.categories, [q.category]));
  if (range.from) parts.push(gte(h.receivedAt, range.from));
  if (range.to) parts.push(lt(h.receivedAt, range.to));
  if (q.idsIn) parts.push(sql`${h.id} IN (${q.idsIn})`);
  if (q.overdue === 'true') parts.push(and(isNull(h.reachedAt), lt(h.targetAt, now), inArray(h.status, ['open', 'dispatched'])));
  return and(...parts)!;
}

/** The queue: open work first by urgency, then the oldest call first. */
const URGENCY_ORDER = sql`CASE ${h.urgency} WHEN 'emergency' THEN 0 WHEN 'non_emergency' THEN 1 ELSE 2 END`;
const STATUS_ORDER = sql`CASE ${h.status} WHEN 'draft' THEN 0 WHEN 'open' THEN 1 WHEN 'dispatched' THEN 2 WHEN 'reached' THEN 3 ELSE 4 END`;

export async function listCalls(
  db: Db,
  actor: Actor,
  q: CallListFilter,
  range: { from?: Date; to?: Date },
  now: Date,
  today: string,
): Promise<{ items: CallView[]; total: number }> {
  const where = listWhere(actor, q, range, now);
  const [{ n }] = await db.select({ n: count() }).from(h).where(where);
  const rows = await db
    .select(columnsFor(actor, today))
    .from(h)
    .where(where)
    .orderBy(STATUS_ORDER, URGENCY_ORDER, asc(h.receivedAt), desc(h.number))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map((r) => shapeRow(r, 'helplineCall', actor) as CallView), total: Number(n) };
}

/** Submitted calls of a period, as the figures need them (no personal fields). */
export async function timedCalls(db: Db, actor: Actor, range: { from: Date; to: Date }, districtCode?: number) {
  return db
    .select({
      receivedAt: h.receivedAt,
      reachedAt: h.reachedAt,
      targetMinutes: h.targetMinutes,
      categories: h.categories,
      route: h.route,
      dispatchedAt: h.dispatchedAt,
      onTheWayAt: h.onTheWayAt,
    })
    .from(h)
    .where(
      and(
        rowsWhere(actor, 'helplineCall', h),
        sql`${h.status} <> 'draft'`,
        gte(h.receivedAt, range.from),
        lt(h.receivedAt, range.to),
        districtCode ? eq(h.districtCode, districtCode) : undefined,
      ),
    );
}

/** Calls whose target passed with the child not reached and no alert yet: claimed so two sweeps alert once. */
export async function claimOverdue(db: Db, now: Date, limit = 200) {
  return db
    .select({
      id: h.id,
      number: h.number,
      stateCode: h.stateCode,
      districtCode: h.districtCode,
      operatorUserId: h.operatorUserId,
      operatorUnitId: h.operatorUnitId,
      assignedUnitId: h.assignedUnitId,
      route: h.route,
      targetAt: h.targetAt,
      urgency: h.urgency,
    })
    .from(h)
    .where(and(inArray(h.status, ['open', 'dispatched']), isNull(h.reachedAt), isNull(h.alertedAt), lt(h.targetAt, now)))
    .orderBy(asc(h.targetAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markAlerted(db: Db, ids: string[], now: Date) {
  if (ids.length) await db.update(h).set({ alertedAt: now }).where(inArray(h.id, ids));
}

export interface MonthlyFigureRow {
  month: string;
  districtCode: number;
  /** 'all', 'route' or 'category'. */
  dim: string;
  key: string;
  calls: number;
  reached: number;
  withinTarget: number;
  p50Minutes: number | null;
  p90Minutes: number | null;
  p50MinutesToOnTheWay: number | null;
  p90MinutesToOnTheWay: number | null;
}

/**
 * Per district and IST month: calls, reached, reached within target, and the median and 90th
 * percentile minutes from the call to the child reached and to the responder on the way
 * (percentile_cont, continuous: PostgreSQL's own definition), for all calls, per route and per
 * category (a call with several categories counts under each). Within the actor's jurisdiction.
 */
export async function monthlyFigures(
  db: Db,
  actor: Actor,
  range: { from: Date; to: Date },
  districtCode?: number,
): Promise<MonthlyFigureRow[]> {
  const res = (await db.execute(sql`
    WITH c AS (
      SELECT to_char(${h.receivedAt} AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM') AS month, ${h.districtCode} AS district_code,
             coalesce(${h.route}, 'none') AS route, ${h.categories} AS categories,
             extract(epoch FROM (${h.reachedAt} - ${h.receivedAt})) / 60 AS to_reach,
             extract(epoch FROM (${h.onTheWayAt} - ${h.receivedAt})) / 60 AS to_otw,
             (${h.reachedAt} IS NOT NULL AND ${h.reachedAt} <= ${h.targetAt}) AS within,
             ${h.reachedAt} IS NOT NULL AS reached
      FROM ${h}
      WHERE ${rowsWhere(actor, 'helplineCall', h)} AND ${h.status} <> 'draft'
        AND ${h.receivedAt} >= ${range.from.toISOString()}::timestamptz AND ${h.receivedAt} < ${range.to.toISOString()}::timestamptz
        ${districtCode ? sql`AND ${h.districtCode} = ${districtCode}` : sql``}
    ), k AS (
      SELECT month, district_code, 'all' AS dim, 'all' AS key, to_reach, to_otw, within, reached FROM c
      UNION ALL SELECT month, district_code, 'route', route, to_reach, to_otw, within, reached FROM c
      UNION ALL SELECT month, district_code, 'category', cat, to_reach, to_otw, within, reached FROM c CROSS JOIN LATERAL unnest(c.categories) AS cat
    )
    SELECT month, district_code AS "districtCode", dim, key, count(*)::int AS calls,
           (count(*) FILTER (WHERE reached))::int AS reached, (count(*) FILTER (WHERE within))::int AS "withinTarget",
           round((percentile_cont(0.5) WITHIN GROUP (ORDER BY to_reach))::numeric, 1)::float8 AS "p50Minutes",
           round((percentile_cont(0.9) WITHIN GROUP (ORDER BY to_reach))::numeric, 1)::float8 AS "p90Minutes",
           round((percentile_cont(0.5) WITHIN GROUP (ORDER BY to_otw))::numeric, 1)::float8 AS "p50MinutesToOnTheWay",
           round((percentile_cont(0.9) WITHIN GROUP (ORDER BY to_otw))::numeric, 1)::float8 AS "p90MinutesToOnTheWay"
    FROM k GROUP BY month, district_code, dim, key
    ORDER BY month, district_code, CASE dim WHEN 'all' THEN 0 WHEN 'route' THEN 1 ELSE 2 END, key`)) as unknown as
    { rows?: MonthlyFigureRow[] } | MonthlyFigureRow[];
  const rows = Array.isArray(res) ? res : (res.rows ?? []);
  return rows.map((r) => ({ ...r, districtCode: Number(r.districtCode) }));
}
