/**
 * The app against PostgreSQL itself (issue #19): `pgbench -S` (select-only) and TPC-B-like
 * `pgbench` on the same server and machine (127.0.0.1) are the anchor; then autocannon at the
 * same number of connections on the app's signed-in name search, a case read and a case note
 * (an audited write), each alone, against a real server (bench/load/server.ts: the demo seeded
 * into a scratch PostgreSQL database, audit on). Reported: requests/s, p99, the ratio to pgbench,
 * SQL statements per request (counted in the server), and the server's RSS during the load.
 * The app logs its requests as production does (into /dev/null); two more name-search phases, logs on
 * then off, back to back, give their cost. Then the floor (bench/load/floor-server.ts): a bare Fastify +
 * pg server doing an audited read's and write's round trips and nothing else, so that the gap to pgbench splits
 * into what HTTP, Node and the round trips cost (floor ÷ pgbench) and what the app's own work costs
 * (app ÷ floor).
 *
 *   npx tsx bench/load/pgbench-ratio.bench.ts     BENCH_RATIO_SECONDS (15), BENCH_RATIO_CONNECTIONS (50),
 *                                                  BENCH_RATIO_PGBENCH_SCALE (10), BENCH_RATIO_WORKERS (1: app
 *                                                  worker processes on one port, as WEB_CONCURRENCY)
 */
import { execFileSync, fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import autocannon from 'autocannon';
import { log, PG_URL } from '../support';
import { round, type BenchResult } from '../types';
import { signedRequests, withLoadSession, type BenchServer } from './server-process';

const SECONDS = Number(process.env.BENCH_RATIO_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_RATIO_CONNECTIONS ?? 50);
const SCALE = Number(process.env.BENCH_RATIO_PGBENCH_SCALE ?? 10);
const WORKERS = Number(process.env.BENCH_RATIO_WORKERS ?? 1);

function pgbenchArgs(url: URL) {
  return ['-h', url.hostname || '127.0.0.1', '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres')];
}

/** pgbench on a scratch database of the same server: select-only and TPC-B-like, transactions/s. */
export async function pgbench(): Promise<{ select: number; tpcb: number }> {
  const base = new URL(PG_URL);
  if (!['127.0.0.1', 'localhost'].includes(base.hostname)) throw new Error('pgbench runs against 127.0.0.1 only');
  const name = `samanvay_bench_pgbench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const args = pgbenchArgs(base);
    log(`pgbench: initialising scale ${SCALE}…`);
    execFileSync('pgbench', [...args, '-i', '-q', '-s', String(SCALE), name], { stdio: ['ignore', 'ignore', 'ignore'] });
    const tps = (extra: string[]) => {
      const out = execFileSync('pgbench', [...args, ...extra, '-n', '-c', String(CONNECTIONS), '-j', '2', '-T', String(SECONDS), name], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
      if (!m) throw new Error(`pgbench printed no tps: ${out.slice(-300)}`);
      return Number(m[1]);
    };
    const select = tps(['-S']);
    log(`pgbench -S: ${round(select, 0)} tps`);
    const tpcb = tps([]);
    log(`pgbench (TPC-B-like): ${round(tpcb, 0)} tps`);
    return { select, tpcb };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

interface Run {
  rps: number;
  p99: number;
  requests: number;
  non2xx: number;
  perRequest: number;
  rssMax: number;
}

async function load(
  server: BenchServer,
  port: number,
  token: string,
  next: () => { method: 'GET' | 'POST'; path: string; body?: string },
): Promise<Run> {
  await server.ask({ type: 'drain' });
  await server.ask({ type: 'queries' });
  let rssMax = server.rssMb();
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, server.rssMb())), 500);
  const res = await cannon(port, token, next);
  clearInterval(sampler);
  await server.ask({ type: 'drain' });
  const { statements, served } = await server.ask<{ statements: number; served: number }>({ type: 'queries' });
  return {
    rps: res.requests.average,
    p99: res.latency.p99,
    requests: res.requests.total,
    non2xx: res.non2xx,
    perRequest: statements / Math.max(1, served),
    rssMax,
  };
}

function cannon(port: number, token: string, next: () => { method: 'GET' | 'POST'; path: string; body?: string }) {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: signedRequests(token, next),
    timeout: 120,
  });
}

/**
 * The floor server (bench/load/floor-server.ts) on a scratch database of the same PostgreSQL: its
 * audited read and audited write, each after a warm-up of the same length, req/s.
 */
export async function floor(): Promise<{ read: Run; write: Run }> {
  const name = `samanvay_bench_floor_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const child = fork(new URL('./floor-server.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const replies: ((m: Record<string, unknown>) => void)[] = [];
  child.on('message', (m: Record<string, unknown>) => replies.shift()?.(m));
  const ask = (m?: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      replies.push((r) => (r.type === 'error' ? reject(new Error(String(r.message))) : resolve(r)));
      if (m) child.send(m);
    });
  try {
    await ask(); // alive
    const { port, token } = (await ask({ type: 'start', url: url.toString() })) as { port: number; token: string };
    let n = 0;
    const phase = async (next: () => { method: 'GET' | 'POST'; path: string; body?: string }): Promise<Run> => {
      await cannon(port, token, next);
      const res = await cannon(port, token, next);
      return {
        rps: res.requests.average,
        p99: res.latency.p99,
        requests: res.requests.total,
        non2xx: res.non2xx,
        perRequest: NaN,
        rssMax: NaN,
      };
    };
    const read = await phase(() => ({ method: 'GET', path: `/read/${n++}` }));
    const write = await phase(() => ({
      method: 'POST',
      path: `/write/${n++}`,
      body: JSON.stringify({ text: 'Home visit: family met, follow-up next week' }),
    }));
    return { read, write };
  } finally {
    await ask({ type: 'stop' }).catch(() => undefined);
    child.kill();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export async function run(): Promise<BenchResult[]> {
  const anchor = await pgbench();
  return withLoadSession(
    PG_URL,
    'app',
    async ({ server, port, fixtures, token }) => {
      let i = 0;
      const nth = <T>(xs: T[]) => xs[i++ % xs.length];
      const rssIdle = server.rssMb();
      const kinds = [
        [
          'name search',
          () => ({ method: 'GET' as const, path: `/api/v1/children?q=${encodeURIComponent(nth(fixtures.children).name)}` }),
          'select',
        ],
        ['case read', () => ({ method: 'GET' as const, path: `/api/v1/cases/${nth(fixtures.cases).id}` }), 'select'],
        [
          'case note (audited write)',
          () => ({
            method: 'POST' as const,
            path: `/api/v1/cases/${nth(fixtures.cases).id}/actions`,
            body: JSON.stringify({ type: 'note', text: 'Home visit: family met, follow-up next week' }),
          }),
          'tpcb',
        ],
      ] as const;
      const out: BenchResult[] = [];
      const app = new Map<string, Run>();
      const report = (label: string, r: Run, base: number, baseLabel: string, extra = '') => {
        log(
          `${label} (${WORKERS} worker(s)): ${round(r.rps, 0)} req/s, p99 ${r.p99} ms, ${r.non2xx} non-2xx of ${r.requests}, ${round(r.perRequest, 1)} SQL statements/request, RSS max ${round(r.rssMax, 0)} MB`,
        );
        out.push({
          name: `${label}${WORKERS > 1 ? `, ${WORKERS} workers` : ''}: req/s (baseline: ${baseLabel})`,
          value: round(r.rps, 0),
          unit: 'req/s',
          baseline: round(base, 0),
          ratio: round(r.rps / base, 3),
          note: `${WORKERS} app worker process(es); ${CONNECTIONS} connections, ${SECONDS} s; load average ${round(loadavg()[0], 1)}; p99 ${r.p99} ms; ${round(r.perRequest, 1)} statements/request; ${r.non2xx} non-2xx; server RSS max ${round(r.rssMax, 0)} MB (idle ${round(rssIdle, 0)} MB)${extra}`,
        });
      };
      for (const [label, next, against] of kinds) {
        await load(server, port, token, next); // warm-up, same length: JIT, caches, pool
        const r = await load(server, port, token, next);
        app.set(label, r);
        report(
          label,
          r,
          against === 'select' ? anchor.select : anchor.tpcb,
          against === 'select' ? 'pgbench -S tps' : 'pgbench TPC-B-like tps',
          '; request logs on (production level, into /dev/null)',
        );
      }
      // What the request logs cost: the same search with them on and then off, back to back. Not against
      // the first search phase: that one runs right after pgbench (its checkpoint, a cold server), and on a
      // shared machine phases minutes apart differ by more than the logs cost (524 req/s logs on against
      // 1,302 off in one run; 1,050 to 1,221 for four logs-on phases in the next).
      const [, search] = kinds[0];
      const loud = await load(server, port, token, search);
      await server.ask({ type: 'logs', on: false });
      const quiet = await load(server, port, token, search);
      await server.ask({ type: 'logs', on: true });
      report('name search, request logs on', loud, quiet.rps, 'the same with request logs off, right after');
      // The floor: HTTP + Node + pg round trips with no work (after the app, the same PostgreSQL).
      const f = await floor();
      log(
        `floor: audited read ${round(f.read.rps, 0)} req/s (p99 ${f.read.p99} ms), audited write ${round(f.write.rps, 0)} req/s (p99 ${f.write.p99} ms)`,
      );
      const floorNote = (r: Run) => `; floor p99 ${r.p99} ms, ${r.non2xx} non-2xx of ${r.requests}`;
      out.push(
        {
          name: 'floor audited read (Fastify + pg, 3 round trips, no work): req/s (baseline: pgbench -S tps)',
          value: round(f.read.rps, 0),
          unit: 'req/s',
          baseline: round(anchor.select, 0),
          ratio: round(f.read.rps / anchor.select, 3),
          note: `load average ${round(loadavg()[0], 1)}${floorNote(f.read)}`,
        },
        {
          name: 'floor audited write (Fastify + pg, lock + update + audit): req/s (baseline: pgbench TPC-B-like tps)',
          value: round(f.write.rps, 0),
          unit: 'req/s',
          baseline: round(anchor.tpcb, 0),
          ratio: round(f.write.rps / anchor.tpcb, 3),
          note: `load average ${round(loadavg()[0], 1)}${floorNote(f.write)}`,
        },
      );
      for (const [label, , against] of kinds) {
        const base = against === 'select' ? f.read : f.write;
        report(`${label} against the floor`, app.get(label)!, base.rps, `floor audited ${against === 'select' ? 'read' : 'write'} req/s`);
      }
      return out;
    },
    WORKERS,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await run()) console.log(JSON.stringify(r));
  process.exit(0);
}
