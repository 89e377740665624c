/**
 * The app against PostgreSQL itself (issue #19): `pgbench -S` (select-only) and TPC-B-like
 * `pgbench` on the same server and machine (127.0.0.1) are the anchor; then autocannon at the
 * same number of connections on the app's signed-in name search, a case read and a case note
 * (an audited write), each alone, against a real server (bench/load/server.ts: the demo seeded
 * into a scratch PostgreSQL database, audit on). Reported: requests/s, p99, the ratio to pgbench,
 * SQL statements per request (counted in the server), and the server's RSS during the load.
 *
 *   npx tsx bench/load/pgbench-ratio.bench.ts     BENCH_RATIO_SECONDS (15), BENCH_RATIO_CONNECTIONS (50),
 *                                                  BENCH_RATIO_PGBENCH_SCALE (10), BENCH_RATIO_WORKERS (1: app
 *                                                  worker processes on one port, as WEB_CONCURRENCY)
 */
import { execFileSync } from 'node:child_process';
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
  const res = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: signedRequests(token, next),
    timeout: 120,
  });
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
      for (const [label, next, against] of kinds) {
        await load(server, port, token, next); // warm-up, same length: JIT, caches, pool
        const r = await load(server, port, token, next);
        const base = against === 'select' ? anchor.select : anchor.tpcb;
        log(
          `${label} (${WORKERS} worker(s)): ${round(r.rps, 0)} req/s, p99 ${r.p99} ms, ${r.non2xx} non-2xx of ${r.requests}, ${round(r.perRequest, 1)} SQL statements/request, RSS max ${round(r.rssMax, 0)} MB`,
        );
        out.push({
          name: `${label}${WORKERS > 1 ? `, ${WORKERS} workers` : ''}: req/s (baseline: ${against === 'select' ? 'pgbench -S' : 'pgbench TPC-B-like'} tps)`,
          value: round(r.rps, 0),
          unit: 'req/s',
          baseline: round(base, 0),
          ratio: round(r.rps / base, 3),
          note: `${WORKERS} app worker process(es); ${CONNECTIONS} connections, ${SECONDS} s; load average ${round(loadavg()[0], 1)} (the shared machine); p99 ${r.p99} ms; ${round(r.perRequest, 1)} statements/request; ${r.non2xx} non-2xx; server RSS max ${round(r.rssMax, 0)} MB (idle ${round(rssIdle, 0)} MB)`,
        });
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
