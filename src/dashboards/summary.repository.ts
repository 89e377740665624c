/**
 * The children's summary and its per-district, per-month count (migrations/0840), kept current
 * incrementally: the writing transactions mark the children they touch (triggers, 0840); a
 * refresh recomputes only those children's rows and moves the counts by the difference. Done
 * on demand when the last refresh is older than the freshness limit, under an advisory lock so
 * that concurrent requests refresh once. Reports refresh first (maxAgeSeconds 0): a report's
 * figures are those of the moment it names.
 *
 * The statutory due items are kept the same way (migration 0923): the cases a write touches are
 * marked, and a refresh recomputes their items (dash_due_item) and moves the per-district,
 * per-kind, per-IST-day count (dash_due_count) by the difference; and the children's spans in
 * care (dash_care_span, 0980) and their running count per day (dash_care_count); and (1010) the
 * children in care now (dash_care_now, counted in dash_care_now_count) and the missing reports'
 * copies (dash_missing_item); (1090) the spans and care-now rows with their block and village.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/** How stale the dashboards' child figures may be (seconds), `DASHBOARD_MAX_AGE_SECONDS`. */
export function dashboardMaxAge(): number {
  const v = Number(process.env.DASHBOARD_MAX_AGE_SECONDS ?? 60);
  return Number.isFinite(v) && v >= 0 ? v : 60;
}

type Row = { refreshed_at: Date | string; fresh: boolean };

async function state(db: Db, maxAgeSeconds: number): Promise<Row> {
  const res = (await db.execute(
    sql`SELECT refreshed_at, refreshed_at > now() - make_interval(secs => ${maxAgeSeconds}) AS fresh FROM dash_refresh WHERE name = 'child'`,
  )) as unknown as { rows: Row[] };
  return res.rows[0];
}

/** The counts the claimed children's summary rows contribute, added (+1) or taken away (-1). */
const moveCounts = (sign: 1 | -1) => sql`
  INSERT INTO dash_child_count AS c (state_code, district_code, fact, month, flags, n)
  SELECT f.state_code, f.district_code, f.fact, f.month, f.flags, ${sign}::int * count(*)::int
  FROM dash_child_fact f JOIN dash_child_claim k ON k.child_id = f.id
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (state_code, district_code, fact, month, flags) DO UPDATE SET n = c.n + excluded.n`;

/** Up to this many changed children the summary rows are recomputed by index (below); more, by a join over the view. */
const CLAIM_AS_ARRAY = 50_000;

/**
 * Recompute the summary rows of the children changed since the last refresh, and the counts by
 * the difference. The claim is taken first (read committed): a child changed by a transaction that
 * commits during the refresh is marked pending again by it, so the next refresh takes it up.
 * Returns how many children were recomputed.
 */
export async function refreshChanged(tx: Db): Promise<number> {
  const claimed = (await tx.execute(sql`WITH k AS (DELETE FROM dash_child_pending RETURNING child_id)
    INSERT INTO dash_child_claim (child_id) SELECT child_id FROM k`)) as unknown as { affectedRows?: number; rowCount?: number };
  const n = Number(claimed.affectedRows ?? claimed.rowCount ?? 0);
  if (n > 0) {
    // The claim's size decides the plans below: by index for a few children, whole-table for a first build.
    await tx.execute(sql`ANALYZE dash_child_claim`);
    await tx.execute(moveCounts(-1));
    await tx.execute(sql`DELETE FROM dash_child_summary s USING dash_child_claim k WHERE s.id = k.child_id`);
    // A few children: the claim as an array, so the condition reaches the child's index inside the view; joined, the
    // planner computed the view for every child first (1,000 changed of 39 lakh: 337 s, against 0.3 s so; docs/SCALE.md §5).
    await tx.execute(
      n <= CLAIM_AS_ARRAY
        ? sql`INSERT INTO dash_child_summary SELECT d.* FROM dash_child d WHERE d.id = ANY (ARRAY(SELECT child_id FROM dash_child_claim))`
        : sql`INSERT INTO dash_child_summary SELECT d.* FROM dash_child d JOIN dash_child_claim k ON k.child_id = d.id`,
    );
    await tx.execute(moveCounts(1));
    await tx.execute(sql`DELETE FROM dash_child_count WHERE n = 0`);
    await tx.execute(sql`DELETE FROM dash_child_claim`);
  }
  await refreshChangedCases(tx);
  await refreshChangedCare(tx);
  await refreshChangedMissing(tx);
  return n;
}

/** The count the claimed cases' kept due items contribute, added (+1) or taken away (-1). */
const moveDueCounts = (sign: 1 | -1) => sql`
  INSERT INTO dash_due_count AS c (state_code, district_code, kind, due_day, n)
  SELECT i.state_code, i.district_code, i.kind, (i.due_at AT TIME ZONE 'Asia/Kolkata')::date, ${sign}::int * count(*)::int
  FROM dash_due_item i JOIN dash_case_claim k ON k.case_id = i.case_id
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (state_code, district_code, kind, due_day) DO UPDATE SET n = c.n + excluded.n`;

/** The due items of the cases changed since the last refresh (0923), as refreshChanged does the children. */
export async function refreshChangedCases(tx: Db): Promise<number> {
  const claimed = (await tx.execute(sql`WITH k AS (DELETE FROM dash_case_pending RETURNING case_id)
    INSERT INTO dash_case_claim (case_id) SELECT case_id FROM k`)) as unknown as { affectedRows?: number; rowCount?: number };
  const n = Number(claimed.affectedRows ?? claimed.rowCount ?? 0);
  if (n > 0) {
    await tx.execute(sql`ANALYZE dash_case_claim`);
    await tx.execute(moveDueCounts(-1));
    await tx.execute(sql`DELETE FROM dash_due_item i USING dash_case_claim k WHERE i.case_id = k.case_id`);
    // dash_case_due: the items of open cases only (a closed case's leave the count).
    await tx.execute(sql`INSERT INTO dash_due_item (case_id, kind, due_at, state_code, district_code, case_number, block_code)
      SELECT d.case_id, d.kind, d.due_at, d.state_code, d.district_code, d.case_number, d.block_code
      FROM dash_case_due d JOIN dash_case_claim k ON k.case_id = d.case_id`);
    await tx.execute(moveDueCounts(1));
    await tx.execute(sql`DELETE FROM dash_due_count WHERE n = 0`);
    await tx.execute(sql`DELETE FROM dash_case_claim`);
  }
  return n;
}

/** The claimed children's care spans in the running count: +1 on the day each starts, -1 on the day it ends (not covered). */
const moveCareCounts = (sign: 1 | -1) => sql`
  INSERT INTO dash_care_count AS c (state_code, district_code, block_code, village_id, kind, day, n)
  SELECT s.state_code, s.district_code, s.block_code, s.village_id, s.kind, x.day, ${sign}::int * sum(x.d)::int
  FROM dash_care_span s JOIN dash_care_claim k ON k.child_id = s.child_id
  CROSS JOIN LATERAL (VALUES (s.started_on, 1), (s.ended_on, -1)) AS x(day, d)
  WHERE x.day <> 'infinity'::date
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (state_code, district_code, block_code, village_id, kind, day) DO UPDATE SET n = c.n + excluded.n`;

/**
 * The claimed children's stays and placements (dash_care_history, 0791) merged into the spans of
 * days they cover, per kind and area (the district; district 0 the state; state 0 the nation), so
 * that overlapping or back-to-back stays count the child once, as count(DISTINCT) does live. A
 * record covers [started_on, ended_on): in care on day D when started_on <= D < ended_on. Also per
 * block (block_code set, village_id '') and per village (block_code 0, village_id set) for a block or
 * village worker's home (1090); the district's, state's and nation's rows have block 0 and village ''.
 */
const insertCareSpans = sql`
  INSERT INTO dash_care_span (child_id, kind, state_code, district_code, block_code, village_id, started_on, ended_on)
  WITH h AS (
    SELECT h.id AS child_id, h.kind, a.state_code, a.district_code, a.block_code, a.village_id,
           h.started_on, COALESCE(h.ended_on, 'infinity'::date) AS ended_on
    FROM dash_care_history h JOIN dash_care_claim k ON k.child_id = h.id
    CROSS JOIN LATERAL (VALUES (h.state_code, h.district_code, 0, ''), (h.state_code, 0, 0, ''), (0, 0, 0, ''),
                               (h.state_code, h.district_code, h.block_code, ''),
                               (h.state_code, h.district_code, 0, h.village_id)) AS a(state_code, district_code, block_code, village_id)
    WHERE (h.ended_on IS NULL OR h.ended_on > h.started_on) AND a.block_code IS NOT NULL AND a.village_id IS NOT NULL
  ), reach AS (
    SELECT h.*, max(ended_on) OVER (PARTITION BY child_id, kind, state_code, district_code, block_code, village_id ORDER BY started_on, ended_on
                                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS covered_to
    FROM h
  ), island AS (
    SELECT reach.*, count(*) FILTER (WHERE covered_to IS NULL OR started_on > covered_to)
             OVER (PARTITION BY child_id, kind, state_code, district_code, block_code, village_id ORDER BY started_on, ended_on ROWS UNBOUNDED PRECEDING) AS n
    FROM reach
  )
  SELECT child_id, kind, state_code, district_code, block_code, village_id, min(started_on), max(ended_on)
  FROM island GROUP BY child_id, kind, state_code, district_code, block_code, village_id, n`;

/** The claimed children's rows of care now in its count per district and kind (1010), added (+1) or taken away (-1). */
const moveCareNowCounts = (sign: 1 | -1) => sql`
  INSERT INTO dash_care_now_count AS c (state_code, district_code, kind, n)
  SELECT s.state_code, s.district_code, s.kind, ${sign}::int * count(*)::int
  FROM dash_care_now s JOIN dash_care_claim k ON k.child_id = s.child_id
  GROUP BY 1, 2, 3
  ON CONFLICT (state_code, district_code, kind) DO UPDATE SET n = c.n + excluded.n`;

/**
 * The claimed children's rows of dash_care (0662: children in care now, by status). The claim is
 * given as an array so that the condition reaches inside the view's branches (a few children read
 * by their index, not the view's DISTINCT ON over every placement). home.rollup.test.ts holds the
 * count equal to the view's.
 */
const insertCareNow = sql`
  INSERT INTO dash_care_now (child_id, kind, state_code, district_code, block_code, village_id)
  SELECT d.id, d.kind, d.state_code, d.district_code, d.block_code, d.village_id FROM dash_care d
  WHERE d.id = ANY (ARRAY(SELECT child_id FROM dash_care_claim))`;

/** The care spans of the children whose stays or placements changed (0980), as refreshChanged does the children. */
export async function refreshChangedCare(tx: Db): Promise<number> {
  const claimed = (await tx.execute(sql`WITH k AS (DELETE FROM dash_care_pending RETURNING child_id)
    INSERT INTO dash_care_claim (child_id) SELECT child_id FROM k`)) as unknown as { affectedRows?: number; rowCount?: number };
  const n = Number(claimed.affectedRows ?? claimed.rowCount ?? 0);
  if (n > 0) {
    await tx.execute(sql`ANALYZE dash_care_claim`);
    await tx.execute(moveCareCounts(-1));
    await tx.execute(sql`DELETE FROM dash_care_span s USING dash_care_claim k WHERE s.child_id = k.child_id`);
    await tx.execute(insertCareSpans);
    await tx.execute(moveCareCounts(1));
    await tx.execute(sql`DELETE FROM dash_care_count WHERE n = 0`);
    await tx.execute(moveCareNowCounts(-1));
    await tx.execute(sql`DELETE FROM dash_care_now s USING dash_care_claim k WHERE s.child_id = k.child_id`);
    await tx.execute(insertCareNow);
    await tx.execute(moveCareNowCounts(1));
    await tx.execute(sql`DELETE FROM dash_care_now_count WHERE n = 0`);
    await tx.execute(sql`DELETE FROM dash_care_claim`);
  }
  return n;
}

/** The missing reports marked since the last refresh (1010): their copies recomputed from dash_missing (0660). */
export async function refreshChangedMissing(tx: Db): Promise<number> {
  const claimed = (await tx.execute(sql`WITH k AS (DELETE FROM dash_missing_pending RETURNING id)
    INSERT INTO dash_missing_claim (id) SELECT id FROM k`)) as unknown as { affectedRows?: number; rowCount?: number };
  const n = Number(claimed.affectedRows ?? claimed.rowCount ?? 0);
  if (n > 0) {
    await tx.execute(sql`DELETE FROM dash_missing_item i USING dash_missing_claim k WHERE i.id = k.id`);
    await tx.execute(sql`INSERT INTO dash_missing_item (id, state_code, district_code, reported_at, matched_at, restored_at)
      SELECT m.id, m.state_code, m.district_code, m.reported_at, m.matched_at, m.restored_at
      FROM dash_missing m WHERE m.id = ANY (ARRAY(SELECT id FROM dash_missing_claim))`);
    await tx.execute(sql`DELETE FROM dash_missing_claim`);
  }
  return n;
}

/** When the child figures were computed: changes applied first when older than `maxAgeSeconds`. */
export async function ensureFresh(db: Db, maxAgeSeconds = dashboardMaxAge()): Promise<Date> {
  const before = await state(db, maxAgeSeconds);
  if (before.fresh) return new Date(before.refreshed_at);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727016)`);
    // Another request may have refreshed it while this one waited for the lock.
    const now = await state(tx as unknown as Db, maxAgeSeconds);
    if (now.fresh && maxAgeSeconds > 0) return new Date(now.refreshed_at);
    await refreshChanged(tx as unknown as Db);
    const res = (await tx.execute(
      sql`UPDATE dash_refresh SET refreshed_at = now() WHERE name = 'child' RETURNING refreshed_at`,
    )) as unknown as { rows: { refreshed_at: Date | string }[] };
    return new Date(res.rows[0].refreshed_at);
  });
}
