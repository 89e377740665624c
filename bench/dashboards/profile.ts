/**
 * Where one request's time goes on PostgreSQL (issue #16): the district home, the state comparison
 * and a block-level worker's home, each once after three warm-ups: every statement sent (text, rows,
 * time), the round trips, the response's JSON size and serialisation time, and EXPLAIN (ANALYZE,
 * BUFFERS) of the slowest statements. Over a scratch database of BENCH_DASH_ROWS children (default
 * 20,000) filled as home.bench.ts fills it (setup.ts).
 *
 *   npx tsx bench/dashboards/profile.ts
 *   BENCH_PROFILE_EXPLAIN (default 3): how many of each request's slowest statements to explain
 */
import pg from 'pg';
import type { Actor } from '../../src/access/policy';
import { districtHome } from '../../src/dashboards/home.service';
import { stateComparison } from '../../src/dashboards/indicators.service';
import { ensureFresh } from '../../src/dashboards/summary.repository';
import { scratchDatabase } from '../support';
import { round } from '../types';
import { benchContext, blockOfficer, districtOfficer, districtsOf, fill, stateOfficer } from './setup';

const ROWS = Number(process.env.BENCH_DASH_ROWS ?? 20_000);
const EXPLAIN = Number(process.env.BENCH_PROFILE_EXPLAIN ?? 3);
type Seen = { sql: string; values: unknown[]; ms: number; rows: number };
let seen: Seen[] = [];
let recording = false;
/** Every statement sent through a pool or a checked-out client, with its time to the last row. */
function record<T extends { query: (...a: unknown[]) => unknown }>(proto: T) {
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; values?: unknown[] };
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const values = (Array.isArray(args[1]) ? args[1] : typeof first === 'object' ? first?.values : undefined) ?? [];
    const t0 = performance.now();
    const out = original.apply(this, args);
    if (recording && out instanceof Promise) {
      void out.then(
        (r: { rows?: unknown[] }) => seen.push({ sql: text, values, ms: performance.now() - t0, rows: r?.rows?.length ?? 0 }),
        () => undefined,
      );
    }
    return out;
  };
}
record(pg.Pool.prototype as unknown as { query: (...a: unknown[]) => unknown });

const d = await scratchDatabase('postgres');
try {
  const districts = await districtsOf(d);
  await fill(d, districts, ROWS);
  await ensureFresh(d.db, 0);
  await d.exec('VACUUM ANALYZE');
  process.env.DASHBOARD_MAX_AGE_SECONDS = '100000';
  const ctx = benchContext(d);
  const requests: [string, () => Promise<unknown>][] = [
    ['district home', () => districtHome(ctx, districtOfficer(districts[0]))],
    ['state comparison', () => stateComparison(ctx, stateOfficer(), {})],
    ['block-level home', () => districtHome(ctx, blockOfficer(districts[0]) as Actor)],
  ];
  for (const [name, run] of requests) {
    for (let i = 0; i < 3; i++) await run(); // warm
    seen = [];
    recording = true;
    const t0 = performance.now();
    const body = await run();
    const total = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 50));
    recording = false;
    const j0 = performance.now();
    const json = JSON.stringify(body);
    const jsonMs = performance.now() - j0;
    seen.sort((a, b) => b.ms - a.ms);
    console.log(
      `\n${name}: ${round(total)} ms, ${seen.length} statements, sum of statement times ${round(seen.reduce((s, x) => s + x.ms, 0))} ms`,
    );
    console.log(`JSON: ${json.length} bytes, stringify ${round(jsonMs, 2)} ms`);
    for (const s of seen)
      console.log(
        `${round(s.ms, 1).toString().padStart(7)} ms ${String(s.rows).padStart(5)} rows  ${s.sql.replace(/\s+/g, ' ').slice(0, 150)}`,
      );
    for (const s of seen.filter((x) => /^\s*(SELECT|WITH)/i.test(x.sql)).slice(0, EXPLAIN)) {
      const plan = await d.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.values);
      console.log(`\n-- ${s.sql.replace(/\s+/g, ' ').slice(0, 120)}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
} finally {
  await d.drop();
}
process.exit(0);
