/**
 * Load: a realistic mix of API requests at 50 connections (autocannon) against a real server
 * (buildApp listening on 127.0.0.1, demo seeded, in a child process), with the audit log on,
 * against THE SAME MIX with the audit log off, in the same run, on PGlite and (when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set) on PostgreSQL. Reported: throughput and p99.
 *
 * The mix (one signed-in DCPO of Amravati; seeded PRNG, so both phases send the same requests):
 * 30% name searches (children 25, families 5), 20% child reads, 15% family reads, 10% case reads,
 * 15% list pages (children, families, cases), 10% case actions (a note on an open case).
 *
 *   npx tsx bench/load/load.bench.ts       BENCH_LOAD_SECONDS (20), BENCH_LOAD_ROUNDS (2), BENCH_LOAD_CONNECTIONS (50),
 *                                           BENCH_LOAD_DATABASES (pglite,postgres)
 */
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../../src/demo/users';
import { log } from '../support';
import { round, type BenchResult } from '../types';
import { BenchServer } from './server-process';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
const WARMUP = 3;
const PG = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
const ON = (process.env.BENCH_LOAD_DATABASES ?? 'pglite,postgres').split(',');

interface Fixtures {
  children: { id: string; name: string }[];
  families: { id: string; head_name: string }[];
  cases: { id: string }[];
}

/** A small deterministic PRNG (mulberry32): the same request sequence in every phase. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mix(f: Fixtures, seed: number) {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const page = (n: number) => 1 + Math.floor(rnd() * Math.max(1, Math.ceil(n / 25)));
  // Every request names its method, path and body (undefined for a GET), so none inherits another's.
  const get = (path: string) => ({ method: 'GET' as const, path, body: undefined });
  return (): { method: 'GET' | 'POST'; path: string; body: string | undefined } => {
    const r = rnd();
    if (r < 0.25) return get(`/api/v1/children?q=${encodeURIComponent(pick(f.children).name)}`);
    if (r < 0.3) return get(`/api/v1/families?q=${encodeURIComponent(pick(f.families).head_name)}`);
    if (r < 0.5) return get(`/api/v1/children/${pick(f.children).id}`);
    if (r < 0.65) return get(`/api/v1/families/${pick(f.families).id}`);
    if (r < 0.75) return get(`/api/v1/cases/${pick(f.cases).id}`);
    if (r < 0.8) return get(`/api/v1/children?page=${page(f.children.length)}&pageSize=25`);
    if (r < 0.85) return get(`/api/v1/families?page=${page(f.families.length)}&pageSize=25`);
    if (r < 0.9) return get(`/api/v1/cases?page=${page(f.cases.length)}&pageSize=25`);
    return {
      method: 'POST',
      path: `/api/v1/cases/${pick(f.cases).id}/actions`,
      body: JSON.stringify({ type: 'note', text: 'Home visit: family met, follow-up next week' }),
    };
  };
}

interface Phase {
  rps: number;
  p99: number;
  p50: number;
  requests: number;
  non2xx: number;
  errors: number;
  codes: string;
}

async function phase(port: number, token: string, f: Fixtures, seconds: number, seed: number): Promise<Phase> {
  const next = mix(f, seed);
  let last = { method: '', path: '' };
  const refused: string[] = [];
  const res = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        // Fresh headers every time: autocannon keeps the previous request's headers, and a
        // POST's Content-Length left on a GET would desynchronise the connection.
        setupRequest: (req) => ({
          ...req,
          ...(last = next()),
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        }),
        onResponse: (status, body) => {
          if (status >= 400 && refused.length < 3)
            refused.push(`${status} ${last.method} ${last.path.split('?')[0]}: ${body.slice(0, 160)}`);
        },
      },
    ],
    // Long enough that an overloaded server's answers are measured, not abandoned and redone.
    timeout: 120,
  });
  const codes = Object.entries(res.statusCodeStats ?? {})
    .map(([c, s]) => `${c}×${s.count}`)
    .join(' ');
  for (const r of refused) log(`  e.g. ${r}`);
  return {
    rps: res.requests.average,
    p99: res.latency.p99,
    p50: res.latency.p50,
    requests: res.requests.total,
    non2xx: res.non2xx,
    errors: res.errors + res.timeouts,
    codes,
  };
}

async function benchOn(kind: 'pglite' | 'postgres'): Promise<BenchResult[]> {
  const server = new BenchServer();
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  log(`${label}: seeding the demo and starting the server…`);
  const ready = await server.ask<{ port: number; switchable: boolean; fixtures: Fixtures }>({
    type: 'start',
    postgresUrl: kind === 'postgres' ? PG : undefined,
  });
  const { port, fixtures } = ready;
  const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'dcpo.amravati', password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')?.match(/samanvay_session=([^;]+)/)?.[1];
  if (!cookie) throw new Error(`login failed: ${login.status}`);
  log(
    `${label}: ${fixtures.children.length} children, ${fixtures.families.length} families, ${fixtures.cases.length} open cases in Amravati`,
  );

  const runs: Record<'on' | 'off', Phase[]> = { on: [], off: [] };
  const order: ('on' | 'off')[] = ready.switchable
    ? Array.from({ length: ROUNDS }, (_, i) => (i % 2 ? ['on', 'off'] : ['off', 'on']) as ('on' | 'off')[]).flat()
    : ['on'];
  for (const [i, audit] of order.entries()) {
    await phase(port, cookie, fixtures, WARMUP, 1000 + i);
    await server.ask({ type: 'drain' });
    const p = await phase(port, cookie, fixtures, SECONDS, 7);
    await server.ask({ type: 'drain' });
    log(
      `${label} audit ${audit}: ${round(p.rps, 0)} req/s, p50 ${p.p50} ms, p99 ${p.p99} ms, ${p.requests} requests (${p.codes}), ${p.errors} errors or timeouts`,
    );
    runs[audit].push(p);
  }
  await server.ask({ type: 'audit', on: true });
  const s = await server.ask<{ events: number; chained: number; pending: number; verified: boolean | null }>({ type: 'stats' });
  log(`${label}: ${s.events} audit entries, ${s.chained} chained, ${s.pending} pending; chain verifies: ${s.verified}`);
  await server.ask({ type: 'stop' });

  const mean = (ps: Phase[], k: 'rps' | 'p99' | 'non2xx') => ps.reduce((a, p) => a + p[k], 0) / ps.length;
  const on = { rps: mean(runs.on, 'rps'), p99: mean(runs.on, 'p99'), non2xx: mean(runs.on, 'non2xx') };
  const note = `${CONNECTIONS} connections, ${SECONDS} s × ${runs.on.length}; ${round(on.non2xx, 0)} non-2xx per run; chain verified: ${s.verified}`;
  if (!runs.off.length) {
    return [
      { name: `${label} mix: throughput with audit`, value: round(on.rps, 0), unit: 'req/s', note },
      { name: `${label} mix: p99 with audit`, value: round(on.p99, 0), unit: 'ms', note },
    ];
  }
  const off = { rps: mean(runs.off, 'rps'), p99: mean(runs.off, 'p99') };
  return [
    // Ratios: how the mix with the audit log compares with the same mix without it (1× = no cost).
    {
      name: `${label} mix: throughput with audit (baseline: audit off)`,
      value: round(on.rps, 0),
      unit: 'req/s',
      baseline: round(off.rps, 0),
      ratio: round(on.rps / off.rps),
      note,
    },
    {
      name: `${label} mix: p99 with audit (baseline: audit off)`,
      value: round(on.p99, 0),
      unit: 'ms',
      baseline: round(off.p99, 0),
      ratio: round(off.p99 / on.p99),
      note: 'ratio = baseline p99 / p99 with audit',
    },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const out = ON.includes('pglite') ? await benchOn('pglite') : [];
  if (PG && ON.includes('postgres')) out.push(...(await benchOn('postgres')));
  else if (!PG) log('PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await run()) console.log(JSON.stringify(r));
  process.exit(0);
}
