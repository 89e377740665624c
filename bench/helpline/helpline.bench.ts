/**
 * The 1098 helpline (issue #13) under load, on PGlite and (with BENCH_DATABASE_URL or
 * TEST_DATABASE_URL) PostgreSQL, against a real server on 127.0.0.1 (demo seeded, own process):
 *
 * - intake: 50 operators at once (autocannon, 50 connections), each intake a draft POST then its
 *   submit (completeness check, triage, the handover queued for 112, audit): intakes/s and p99.
 *   Baseline: a plain INSERT of the same row, 50 at a time, on the same database, in the same run.
 * - queue: the district queue's first page (GET /helpline/calls, policy, count capped at 1,000,
 *   repeat-call flag, next cursor, audit) with 1 lakh open calls in the district (and 1 lakh closed or elsewhere): p50/p95. Baseline: the
 *   same page as one plain SELECT in the same index order. Then the state-wide queue (auditor.mh,
 *   every district: index helpline_call_state_queue_page) against the same baseline.
 *
 *   npx tsx bench/helpline/helpline.bench.ts   BENCH_HELPLINE_SECONDS (15), BENCH_HELPLINE_CONNECTIONS (50),
 *                                              BENCH_HELPLINE_ROWS (100000), BENCH_HELPLINE_QUEUE_N (100),
 *                                              BENCH_HELPLINE_DATABASES (pglite,postgres)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../../src/demo/users';
import { log } from '../support';
import { percentile, round, timeIt, type BenchResult } from '../types';

const SECONDS = Number(process.env.BENCH_HELPLINE_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_HELPLINE_CONNECTIONS ?? 50);
const ROWS = Number(process.env.BENCH_HELPLINE_ROWS ?? 100_000);
const QUEUE_N = Number(process.env.BENCH_HELPLINE_QUEUE_N ?? 100);
const PG = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
const ON = (process.env.BENCH_HELPLINE_DATABASES ?? 'pglite,postgres').split(',');

class Server {
  private child: ChildProcess;
  private waiting: ((m: Record<string, unknown>) => void)[] = [];
  constructor() {
    this.child = fork(new URL('./server.ts', import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.child.on('message', (m: Record<string, unknown>) => {
      if (m.type !== 'alive') this.waiting.shift()?.(m);
    });
  }
  async ask<T = Record<string, unknown>>(msg: Record<string, unknown>): Promise<T> {
    const reply = new Promise<Record<string, unknown>>((r) => this.waiting.push(r));
    this.child.send(msg);
    const m = await reply;
    if (m.type === 'error') throw new Error(String(m.message));
    return m as T;
  }
}

const INTAKE = JSON.stringify({
  caller: { phone: '+91 98220 12345', name: 'Bench caller', relation: 'neighbour' },
  children: [{ name: 'Sunil', sex: 'male', ageYears: 9 }],
  locationText: 'behind the bus stand',
  categories: ['rescue'],
  urgency: 'emergency',
  language: 'mr',
  notes: 'bench',
});

async function intakes(port: number, token: string) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const res = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 120,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/helpline/calls',
        headers,
        body: INTAKE,
        onResponse: (status, body, context) => {
          const c = status === 201 ? (JSON.parse(body) as { id: string; version: number }) : null;
          context.call = c;
        },
      },
      {
        setupRequest: (req, context) => {
          const c = context.call as { id: string; version: number } | null;
          return {
            ...req,
            method: 'POST',
            headers,
            path: c ? `/api/v1/helpline/calls/${c.id}/submit` : '/api/v1/helpline/triage',
            body: c ? JSON.stringify({ version: c.version }) : undefined,
          };
        },
      },
    ],
  });
  return { perSecond: res.requests.average / 2, p99: res.latency.p99, non2xx: res.non2xx, errors: res.errors + res.timeouts };
}

async function benchOn(kind: 'pglite' | 'postgres'): Promise<BenchResult[]> {
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const server = new Server();
  log(`${label}: seeding the demo and starting the server…`);
  const { port } = await server.ask<{ port: number }>({ type: 'start', postgresUrl: kind === 'postgres' ? PG : undefined });
  const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'helpline.amravati', password: DEMO_PASSWORD }),
  });
  const token = login.headers.get('set-cookie')?.match(/samanvay_session=([^;]+)/)?.[1];
  if (!token) throw new Error(`login failed: ${login.status}`);

  const api = await intakes(port, token);
  log(`${label} intake: ${round(api.perSecond, 1)} intakes/s, p99 ${api.p99} ms, ${api.non2xx} non-2xx, ${api.errors} errors`);
  const n = Math.max(200, Math.round(api.perSecond * SECONDS));
  const plain = await server.ask<{ ms: number; latencies: number[] }>({ type: 'plainInserts', n, concurrency: CONNECTIONS });
  const plainPerSecond = (n / plain.ms) * 1000;
  const plainP99 = percentile(plain.latencies, 99);
  log(`${label} plain INSERT: ${round(plainPerSecond, 0)} rows/s, p99 ${round(plainP99, 1)} ms`);

  log(`${label}: filling ${ROWS} open calls (and as many others)…`);
  await server.ask({ type: 'fill', rows: ROWS });
  const pages = async (as: string) => {
    const out: number[] = [];
    for (let i = 0; i < QUEUE_N; i++) {
      const [t, res] = await timeIt(() =>
        fetch(`http://127.0.0.1:${port}/api/v1/helpline/calls?pageSize=50`, { headers: { authorization: `Bearer ${as}` } }),
      );
      if (!res.ok) throw new Error(`queue: ${res.status}`);
      await res.arrayBuffer();
      out.push(t);
    }
    return out;
  };
  const queue = await pages(token);
  // The state audit cell's queue: every district of the state, by index helpline_call_state_queue_page (0891).
  const stateLogin = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'auditor.mh', password: DEMO_PASSWORD }),
  });
  const stateToken = stateLogin.headers.get('set-cookie')?.match(/samanvay_session=([^;]+)/)?.[1];
  if (!stateToken) throw new Error(`state login failed: ${stateLogin.status}`);
  const stateQueue = await pages(stateToken);
  const plainQueue = (await server.ask<{ latencies: number[] }>({ type: 'plainQueue', n: QUEUE_N })).latencies;
  const statements = await server.ask<{ page: number[]; withCount: number[] }>({ type: 'queueStatements', n: QUEUE_N });
  await server.ask({ type: 'stop' });
  const p95 = percentile(queue, 95);
  const plainP95 = percentile(plainQueue, 95);
  const stateP95 = percentile(stateQueue, 95);
  const pageP95 = percentile(statements.page, 95);
  const withCountP95 = percentile(statements.withCount, 95);
  log(
    `${label} the page's statement alone p95 ${round(pageP95, 1)} ms; listCalls (count + page, JIT off) p95 ${round(withCountP95, 1)} ms`,
  );
  log(
    `${label} queue (${ROWS} open calls): p50 ${round(percentile(queue, 50), 1)} ms, p95 ${round(p95, 1)} ms; plain SELECT p95 ${round(plainP95, 1)} ms; ` +
      `state-wide p50 ${round(percentile(stateQueue, 50), 1)} ms, p95 ${round(stateP95, 1)} ms`,
  );
  const note = `${CONNECTIONS} connections, ${SECONDS} s; ${api.non2xx} non-2xx`;
  return [
    {
      name: `${label} intake (draft + submit): throughput (baseline: plain INSERT)`,
      value: round(api.perSecond, 1),
      unit: 'intakes/s',
      baseline: round(plainPerSecond, 0),
      ratio: round(api.perSecond / plainPerSecond, 3),
      note,
    },
    {
      name: `${label} intake: p99 (baseline: plain INSERT p99)`,
      value: round(api.p99, 0),
      unit: 'ms',
      baseline: round(plainP99, 1),
      ratio: round(plainP99 / api.p99, 3),
      note: 'ratio = baseline p99 / intake p99',
    },
    {
      name: `${label} queue page with ${ROWS} open calls: p95 (baseline: plain SELECT)`,
      value: round(p95, 1),
      unit: 'ms',
      baseline: round(plainP95, 1),
      ratio: round(plainP95 / p95, 3),
      note: `${QUEUE_N} requests, sequential; ratio = baseline / API`,
    },
    {
      name: `${label} queue page statement alone (no HTTP, session, count, audit; JIT as configured) with ${ROWS} open calls: p95 (baseline: plain SELECT)`,
      value: round(pageP95, 1),
      unit: 'ms',
      baseline: round(plainP95, 1),
      ratio: round(plainP95 / pageP95, 3),
      note: `${QUEUE_N} runs, sequential; listCalls (capped count + page, JIT off) p95 ${round(withCountP95, 1)} ms`,
    },
    {
      name: `${label} state-wide queue page (auditor.mh) with ${ROWS} open calls: p95 (baseline: plain SELECT of the district page)`,
      value: round(stateP95, 1),
      unit: 'ms',
      baseline: round(plainP95, 1),
      ratio: round(plainP95 / stateP95, 3),
      note: `${QUEUE_N} requests, sequential; ratio = baseline / API`,
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
