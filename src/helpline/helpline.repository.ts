import { and, arrayOverlaps, asc, count, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { WithSubquery } from 'drizzle-orm';
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
// A call naming no registry child has no repeat calls: the CASE spares the subquery (most calls).
const repeatCalls = sql<number>`CASE WHEN cardinality(${outer('child_ids')}) = 0 THEN 0 ELSE
  (SELECT count(*)::int FROM ${helplineCall} ${sql.identifier('other_call')}
  WHERE other_call.id <> ${outer('id')} AND other_call.status <> 'draft' AND other_call.child_ids && ${outer('child_ids')}
    AND other_call.received_at BETWEEN ${outer('received_at')} - interval '30 days' AND ${outer('received_at')} + interval '30 days') END`;

/** The call's columns as the actor may read them (every read and write's RETURNING; exported for a test). */
export function columnsFor(actor: Actor, today: string) {
  // The CWC order checked once per call, not once per withheld column.
  const cols = permittedColumns(actor, 'helplineCall', { today }, { oneIdentityCheck: true });
  if ('callerPhone' in cols) cols.callerPhone = callerPhoneFor(actor);
  if ('childIds' in cols) cols.repeatCalls = repeatCalls;
  return cols;
}

export type CallView = Record<string, unknown> & { id: string; version: number };

export async function insertCall(db: Db, values: typeof h.$inferInsert): Promise<HelplineCallRow> {
  const [row] = await db.insert(h).values(values).returning();
  return row;
}

/**
 * Inserts the call and returns it as the actor may read it in the same statement (readCall's
 * columns in RETURNING: permitted fields, masked number, non-disclosure order), sparing the
 * re-read (intake speed, issue #13). The jurisdiction rule is the caller's to have checked
 * (the placement of a new call).
 */
export async function insertCallView(db: Db, actor: Actor, values: typeof h.$inferInsert, today: string): Promise<CallView> {
  const [row] = (await db
    .insert(h)
    .values(values)
    .returning(columnsFor(actor, today) as never)) as unknown as Record<string, unknown>[];
  return shapeRow(row, 'helplineCall', actor) as CallView;
}

/**
 * updateCall returning the call as the actor may read it (readCall's columns in RETURNING), or
 * null when someone saved first. For a row the caller locked through lockCall (jurisdiction checked).
 */
export async function updateCallView(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  values: Partial<typeof h.$inferInsert>,
  today: string,
  /** Writes of the same change (its steps, a partner message) as CTEs of this UPDATE: one round trip. */
  ctes: WithSubquery[] = [],
): Promise<CallView | null> {
  const rows = (await (ctes.length ? db.with(...ctes) : db)
    .update(h)
    .set({ ...values, version: version + 1 })
    .where(and(eq(h.id, id), eq(h.version, version)))
    .returning(columnsFor(actor, today) as never)) as unknown as Record<string, unknown>[];
  return rows.length === 1 ? (shapeRow(rows[0], 'helplineCall', actor) as CallView) : null;
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

/**
 * The queue's order as the stored rank (migrations/0800): status order * 3 + urgency order.
 * A status or urgency filter becomes a range of ranks, so the index scan starts where it should.
 */
const STATUS_RANK: Record<string, number> = { draft: 0, open: 1, dispatched: 2, reached: 3, closed: 4 };
const URGENCY_RANK: Record<string, number> = { emergency: 0, non_emergency: 1, information: 2 };

/** `idsIn`: only calls whose id is in this subquery (the records behind a dashboard figure, src/dashboards/lists.service.ts). */
export type CallListFilter = CallListQuery & { idsIn?: SQL };

function listWhere(actor: Actor, q: Partial<CallListFilter>, range: { from?: Date; to?: Date }, now: Date): SQL {
  const parts: (SQL | undefined)[] = [rowsWhere(actor, 'helplineCall', h)];
  // A draft is the operator's until it is submitted.
  parts.push(q.status ? eq(h.status, q.status) : sql`(${h.status} <> 'draft' OR ${h.operatorUserId} = ${actor.userId})`);
  if (q.status === 'draft') parts.push(eq(h.operatorUserId, actor.userId));
  if (q.status && q.urgency) parts.push(eq(h.queueRank, STATUS_RANK[q.status] * 3 + URGENCY_RANK[q.urgency]));
  else if (q.status) parts.push(sql`${h.queueRank} BETWEEN ${STATUS_RANK[q.status] * 3} AND ${STATUS_RANK[q.status] * 3 + 2}`);
  if (q.urgency) parts.push(eq(h.urgency, q.urgency));
  if (q.route) parts.push(eq(h.route, q.route));
  if (q.category) parts.push(arrayOverlaps(h.categories, [q.category]));
  if (range.from) parts.push(gte(h.receivedAt, range.from));
  if (range.to) parts.push(lt(h.receivedAt, range.to));
  if (q.idsIn) parts.push(sql`${h.id} IN (${q.idsIn})`);
  if (q.overdue === 'true') parts.push(and(isNull(h.reachedAt), lt(h.targetAt, now), inArray(h.status, ['open', 'dispatched'])));
  return and(...parts)!;
}

/** Where the next page starts: the last row's rank, received_at (as text: microseconds kept) and number. */
export interface QueueCursor {
  rank: number;
  at: string;
  number: number;
}
export const encodeCursor = (c: QueueCursor) => Buffer.from(`${c.rank}|${c.at}|${c.number}`).toString('base64url');
/** The cursor a client sent back, or null when it is not one this server made. */
export function decodeCursor(s: string): QueueCursor | null {
  const m = /^(\d{1,2})\|([0-9 :.+-]{10,40})\|(\d{1,18})$/.exec(Buffer.from(s, 'base64url').toString());
  if (!m || Number.isNaN(Date.parse(m[2].replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')))) return null;
  return { rank: Number(m[1]), at: m[2], number: Number(m[3]) };
}

/** Counting stops here: the queue says "1,000+" rather than count a lakh of rows for a number nobody reads. */
export const COUNT_CAP = 1000;

/**
 * The page's SELECT (exported so that a test can EXPLAIN the very statement the queue runs), in
 * two steps: the subquery `page` picks the page's call ids alone (the access policy's WHERE, the
 * filters, the keyset cursor, the order and the LIMIT: narrow rows, read in the order of the
 * index helpline_call_district_queue_page, 0970, or for a state-level reader
 * helpline_call_state_queue_page, 0891), then the display columns (permitted fields, the masked
 * number, the CWC order check, the repeat-call count) are computed for those ids only. Computed in
 * the one SELECT, the columns' per-row cost made the planner rate the indexes alike (issue #13).
 */
export function queuePageQuery(
  db: Db,
  actor: Actor,
  q: CallListQuery,
  range: { from?: Date; to?: Date },
  now: Date,
  today: string,
  cursor: QueueCursor | null = null,
) {
  const where = listWhere(actor, q, range, now);
  const after = cursor
    ? sql`(${h.queueRank}, ${h.receivedAt}, ${h.number}) > (${cursor.rank}, ${cursor.at}::timestamptz, ${cursor.number})`
    : undefined;
  const page = db
    .select({
      pageId: sql<string>`${h.id}`.as('page_id'),
      pageRank: sql<number>`${h.queueRank}`.as('page_rank'),
      pageAt: sql<Date>`${h.receivedAt}`.as('page_at'),
      pageNumber: sql<number>`${h.number}`.as('page_number'),
    })
    .from(h)
    .where(after ? and(where, after) : where)
    .orderBy(asc(h.queueRank), asc(h.receivedAt), asc(h.number))
    .limit(q.pageSize)
    .offset(cursor ? 0 : (q.page - 1) * q.pageSize)
    .as('page');
  return (
    db
      .select({ ...columnsFor(actor, today), cursorRank: page.pageRank, cursorAt: sql<string>`${page.pageAt}::text`.as('cursor_at') })
      .from(h)
      .innerJoin(page, eq(h.id, page.pageId))
      // The page's own order (an output named page_at would make ORDER BY sort the text: cursor_at).
      .orderBy(asc(page.pageRank), asc(page.pageAt), asc(page.pageNumber))
  );
}

/**
 * The queue: open work first by urgency, then the oldest call first, read in the order of the
 * index helpline_call_district_queue_page (state, district, rank, received_at, number;
 * migrations/0970; a state-level reader: helpline_call_state_queue_page, 0891). The next page continues
 * after `cursor` (keyset paging); `page` (offset) is still accepted from older clients.
 * `total` counts at most COUNT_CAP rows (`totalCapped` says when it stopped).
 */
export async function listCalls(
  db: Db,
  actor: Actor,
  q: CallListFilter,
  range: { from?: Date; to?: Date },
  now: Date,
  today: string,
  cursor: QueueCursor | null = null,
): Promise<{ items: CallView[]; total: number; totalCapped: boolean; nextCursor: string | null }> {
  const { n, rows } = await db.transaction(async (tx) => {
    // No JIT for the page: the planner prices the repeat-call subquery (skipped by its CASE for a
    // call naming no registry child) for each of the page's rows, so a 50-row page passes
    // jit_above_cost and PostgreSQL spent ~130 ms compiling a statement that runs in ~4 ms
    // (EXPLAIN ANALYZE, 1.5 lakh calls; bench/README.md). PGlite has no JIT; the setting is harmless there.
    await tx.execute(sql`SET LOCAL jit = off`);
    const [{ n }] = await tx.select({ n: count() }).from(
      tx
        .select({ one: sql`1` })
        .from(h)
        .where(listWhere(actor, q, range, now))
        .limit(COUNT_CAP + 1)
        .as('capped'),
    );
    return { n, rows: await queuePageQuery(tx, actor, q, range, now, today, cursor) };
  });
  const last = rows[rows.length - 1];
  const nextCursor =
    rows.length === q.pageSize && last
      ? encodeCursor({ rank: Number(last.cursorRank), at: last.cursorAt, number: Number((last as Record<string, unknown>).number) })
      : null;
  const items = rows.map(({ cursorRank: _r, cursorAt: _a, ...r }) => shapeRow(r, 'helplineCall', actor) as CallView);
  return { items, total: Math.min(Number(n), COUNT_CAP), totalCapped: Number(n) > COUNT_CAP, nextCursor };
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

/** What the overdue and due-soon sweeps read of a call: ids, places and the clock, no personal field. */
const CLAIM_COLUMNS = {
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
};

/** Calls whose target passed with the child not reached and no alert yet: claimed so two sweeps alert once. */
export async function claimOverdue(db: Db, now: Date, limit = 200) {
  return db
    .select(CLAIM_COLUMNS)
    .from(h)
    .where(and(inArray(h.status, ['open', 'dispatched']), isNull(h.reachedAt), isNull(h.alertedAt), lt(h.targetAt, now)))
    .orderBy(asc(h.targetAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/**
 * Calls not yet reached whose target falls within `withinMinutes` from now and that raised no
 * warning: claimed so two sweeps warn once (the index helpline_call_due_soon, migrations/0800).
 */
export async function claimDueSoon(db: Db, now: Date, withinMinutes: number, limit = 200) {
  return db
    .select(CLAIM_COLUMNS)
    .from(h)
    .where(
      and(
        inArray(h.status, ['open', 'dispatched']),
        isNull(h.reachedAt),
        isNull(h.warnedAt),
        sql`${h.targetAt} > ${now.toISOString()}::timestamptz`,
        sql`${h.targetAt} <= ${new Date(now.getTime() + withinMinutes * 60_000).toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(h.targetAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markWarned(db: Db, ids: string[], now: Date) {
  if (ids.length) await db.update(h).set({ warnedAt: now }).where(inArray(h.id, ids));
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
