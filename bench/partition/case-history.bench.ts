import { createScratchDatabase, type ScratchDatabase } from '../../src/db/scratch';
import { seedDemo } from '../../src/demo/seed';
import { addState, convertTable } from '../../src/db/partition/partition';
import { log, PG_URL } from '../support';
import { percentile, round, timeIt, type BenchResult } from '../types';

/**
 * A case's history read on a state-partitioned case_action (docs/SCALE.md §3, migration 1200):
 * by case_id alone (before: every state's partition planned and probed) against by case_id and
 * the states the case has been in (after: one partition for a case that never moved, two for one
 * transferred between two states). The demo, case_action converted, 38 states + default; one
 * demo case given two more actions in Madhya Pradesh (a transfer) for the two-state read. Wall
 * time per statement (p50) and, from EXPLAIN ANALYZE, the planning and execution times (p50).
 *
 *   npx tsx bench/partition/case-history.bench.ts      (or BENCH_ONLY=case-history npx tsx bench/run.ts)
 */
const N = Number(process.env.CASE_HISTORY_BENCH_N || 1000);
const COLUMNS = 'seq, type, at, recorded_at, actor_user_id, actor_unit_id, payload';

async function database(): Promise<ScratchDatabase> {
  const db = await createScratchDatabase({ postgresUrl: PG_URL, prefix: 'samanvay_bench_hist', states: [27, 23] });
  await seedDemo(db);
  await convertTable(db, 'case_action');
  for (let s = 1; s <= 38; s++) await addState(db, s);
  await db.exec('ANALYZE');
  return db;
}

interface Stmt {
  sql: string;
  args: unknown[];
}

async function measure(db: ScratchDatabase, st: Stmt, n: number) {
  const wall: number[] = [];
  const planning: number[] = [];
  const execution: number[] = [];
  for (let i = 0; i < n; i++) wall.push((await timeIt(() => db.query(st.sql, st.args)))[0]);
  let partitions = 0;
  for (let i = 0; i < Math.min(n, 200); i++) {
    const [{ 'QUERY PLAN': p }] = await db.query<{ 'QUERY PLAN': { 'Planning Time': number; 'Execution Time': number; Plan: unknown }[] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${st.sql}`,
      st.args,
    );
    planning.push(p[0]['Planning Time']);
    execution.push(p[0]['Execution Time']);
    partitions = (JSON.stringify(p[0].Plan).match(/"Relation Name":"case_action_s/g) ?? []).length;
  }
  return { wall: percentile(wall, 50), planning: percentile(planning, 50), execution: percentile(execution, 50), partitions };
}

export async function run(): Promise<BenchResult[]> {
  const db = await database();
  try {
    const [{ id: stayed }] = await db.query<{ id: string }>(
      `SELECT case_id AS id FROM case_action GROUP BY case_id HAVING count(*) >= 3 ORDER BY count(*) DESC, case_id LIMIT 1`,
    );
    const [{ id: moved, n }] = await db.query<{ id: string; n: number }>(
      `SELECT case_id AS id, max(seq)::int AS n FROM case_action WHERE case_id <> $1 GROUP BY case_id ORDER BY count(*) DESC, case_id LIMIT 1`,
      [stayed],
    );
    for (const seq of [n + 1, n + 2])
      await db.query(
        `INSERT INTO case_action (case_id, seq, type, at, payload, state_code, district_code)
         VALUES ($1, $2, 'note', now(), '{"type":"note","text":"after the transfer"}', 23, 396)`,
        [moved, seq],
      );
    const byId = (id: string): Stmt => ({ sql: `SELECT ${COLUMNS} FROM case_action WHERE case_id = $1 ORDER BY seq`, args: [id] });
    const inStates = (id: string, states: number[]): Stmt => ({
      sql: `SELECT ${COLUMNS} FROM case_action WHERE case_id = $1 AND state_code IN (${states.map((_, i) => `$${i + 2}`).join(', ')}) ORDER BY seq`,
      args: [id, ...states],
    });
    const cases: [string, Stmt][] = [
      ['never moved, by case_id alone (before)', byId(stayed)],
      ['never moved, in its state (after)', inStates(stayed, [27])],
      ['moved 27→23, by case_id alone (before)', byId(moved)],
      ['moved 27→23, in its two states (after)', inStates(moved, [27, 23])],
    ];
    for (const [, st] of cases) await measure(db, st, 50); // warm: each statement's first plan loads the partitions' metadata
    const out: Record<string, Awaited<ReturnType<typeof measure>>> = {};
    for (const [name, st] of cases) out[name] = await measure(db, st, N);
    log(JSON.stringify(out, null, 1));
    const row = (name: string, after: string, before: string): BenchResult[] => [
      {
        name: `case history ${name}: wall`,
        value: round(out[after].wall, 3),
        unit: 'ms p50',
        baseline: round(out[before].wall, 3),
        ratio: round(out[after].wall / out[before].wall),
        note: `${out[after].partitions} partition(s) against ${out[before].partitions}; baseline by case_id alone`,
      },
      {
        name: `case history ${name}: planning`,
        value: round(out[after].planning, 3),
        unit: 'ms p50',
        baseline: round(out[before].planning, 3),
        ratio: round(out[after].planning / out[before].planning),
        note: `execution ${round(out[after].execution, 3)} ms against ${round(out[before].execution, 3)} ms (EXPLAIN ANALYZE)`,
      },
    ];
    return [
      ...row('never moved', 'never moved, in its state (after)', 'never moved, by case_id alone (before)'),
      ...row('moved between two states', 'moved 27→23, in its two states (after)', 'moved 27→23, by case_id alone (before)'),
    ];
  } finally {
    await db.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) console.log(JSON.stringify(r));
  process.exit(0);
}
