/**
 * Where one district home request's time goes on PostgreSQL (issue #16): every statement it sends
 * (text, rows, time), the round trips, and the response's JSON size and serialisation time, over a
 * scratch database of BENCH_DASH_ROWS children (default 20,000) built as home.bench.ts builds it.
 *
 *   npx tsx bench/dashboards/profile.ts
 */
import pg from 'pg';
import type { AppContext } from '../../src/http/context';
import type { Actor } from '../../src/access/policy';
import { districtHome } from '../../src/dashboards/home.service';
import { ensureFresh } from '../../src/dashboards/summary.repository';
import { generate } from '../cases/cases.bench';
import { careAndActions } from './home.bench';
import { scratchDatabase } from '../support';
import { round } from '../types';

const ROWS = Number(process.env.BENCH_DASH_ROWS ?? 20_000);
type Seen = { sql: string; ms: number; rows: number };
const seen: Seen[] = [];
let recording = false;
/** Every statement sent through a pool or a checked-out client, with its time to the last row. */
function record<T extends { query: (...a: unknown[]) => unknown }>(proto: T) {
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
    const t0 = performance.now();
    const out = original.apply(this, args);
    if (recording && out instanceof Promise) {
      void out.then(
        (r: { rows?: unknown[] }) => seen.push({ sql: text, ms: performance.now() - t0, rows: r?.rows?.length ?? 0 }),
        () => undefined,
      );
    }
    return out;
  };
}
record(pg.Pool.prototype as unknown as { query: (...a: unknown[]) => unknown });

const d = await scratchDatabase('postgres');
try {
  const districts = (
    await d.query<{ c: number }>("SELECT lgd_code AS c FROM location WHERE level = 'district' AND state_code = 27 ORDER BY lgd_code")
  ).map((r) => Number(r.c));
  await generate(d, districts, ROWS);
  await careAndActions(d, districts, ROWS);
  await ensureFresh(d.db, 0);
  await d.exec('VACUUM ANALYZE');
  process.env.DASHBOARD_MAX_AGE_SECONDS = '100000';
  const ctx: AppContext = {
    database: d,
    db: d.db,
    now: () => new Date('2026-11-23T05:00:00Z'),
    config: { filesDir: '/tmp' } as AppContext['config'],
  };
  const actor: Actor = {
    userId: '00000000-0000-0000-0000-000000000001',
    username: 'dcpo',
    displayName: 'dcpo',
    role: 'dcpu_officer',
    organisationId: null,
    organisationKind: null,
    scope: { level: 'district', stateCode: 27, districtCode: districts[0] },
  };
  for (let i = 0; i < 3; i++) await districtHome(ctx, actor); // warm
  recording = true;
  const t0 = performance.now();
  const body = await districtHome(ctx, actor);
  const total = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 50));
  recording = false;
  const j0 = performance.now();
  const json = JSON.stringify(body);
  const jsonMs = performance.now() - j0;
  seen.sort((a, b) => b.ms - a.ms);
  console.log(
    `district home: ${round(total)} ms, ${seen.length} statements, sum of statement times ${round(seen.reduce((s, x) => s + x.ms, 0))} ms`,
  );
  console.log(`JSON: ${json.length} bytes, stringify ${round(jsonMs, 2)} ms`);
  for (const s of seen)
    console.log(
      `${round(s.ms, 1).toString().padStart(7)} ms ${String(s.rows).padStart(5)} rows  ${s.sql.replace(/\s+/g, ' ').slice(0, 150)}`,
    );
} finally {
  await d.drop();
}
process.exit(0);
