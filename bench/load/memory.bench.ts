/**
 * Flat memory (issue #19): the app on PostgreSQL under steady mixed load — signed-in name search,
 * case read and case note in turn, at BENCH_MEMORY_CONNECTIONS connections — for `--minutes N`
 * (default 10; BENCH_MEMORY_MINUTES for `npm run bench`), the server's RSS and V8 heap sampled
 * every 10 s (BENCH_MEMORY_SAMPLE_SECONDS). Reported: the growth over the last 80% of the run (a
 * least-squares line through those samples, its value at the end) against the first window's
 * mean (the first 20% of the samples), as a ratio (1.00 = flat); its slope in MB/min; and the
 * requests/s against `pgbench -S` on the same server in the same run (bench/load/pgbench-ratio).
 * Target 127.0.0.1 only (the bench server listens there; pgbench refuses another host).
 *
 *   npx tsx bench/load/memory.bench.ts --minutes 10
 *   BENCH_ONLY=memory BENCH_MEMORY_MINUTES=10 npm run bench
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { log, PG_URL } from '../support';
import { round, type BenchResult } from '../types';
import { signedRequests, withLoadSession } from './server-process';
import { pgbench } from './pgbench-ratio.bench';

function minutesArg(): number {
  const i = process.argv.indexOf('--minutes');
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number(process.env.BENCH_MEMORY_MINUTES ?? 10);
  if (!(v > 0)) throw new Error('--minutes must be a positive number');
  return v;
}

const CONNECTIONS = Number(process.env.BENCH_MEMORY_CONNECTIONS ?? 20);
const SAMPLE_SECONDS = Number(process.env.BENCH_MEMORY_SAMPLE_SECONDS ?? 10);

interface Sample {
  t: number; // seconds since the load began
  rss: number; // MB
  heap: number; // MB (heapUsed)
}

/** Least-squares line through (t, y): slope per second and the fitted value at `at`. */
function fit(xs: { t: number; y: number }[], at: number) {
  const n = xs.length;
  const mt = xs.reduce((a, p) => a + p.t, 0) / n;
  const my = xs.reduce((a, p) => a + p.y, 0) / n;
  const sxx = xs.reduce((a, p) => a + (p.t - mt) ** 2, 0);
  const slope = sxx ? xs.reduce((a, p) => a + (p.t - mt) * (p.y - my), 0) / sxx : 0;
  return { slope, end: my + slope * (at - mt) };
}

/** The growth of one series: the last 80%'s line at the end of the run against the first window's mean. */
export function growth(samples: Sample[], key: 'rss' | 'heap') {
  const first = Math.max(1, Math.round(samples.length * 0.2));
  const head = samples.slice(0, first);
  const tail = samples.slice(first).map((s) => ({ t: s.t, y: s[key] }));
  const base = head.reduce((a, s) => a + s[key], 0) / head.length;
  if (tail.length < 2) return { base, end: base, ratio: 1, slopePerMin: 0 };
  const last = samples[samples.length - 1].t;
  const f = fit(tail, last);
  return { base, end: f.end, ratio: f.end / base, slopePerMin: f.slope * 60 };
}

export async function run(): Promise<BenchResult[]> {
  const minutes = minutesArg();
  const anchor = await pgbench();
  return withLoadSession(PG_URL, 'memory', async ({ server, port, fixtures, token }) => {
    let i = 0;
    const nth = <T>(xs: T[], k: number) => xs[k % xs.length];
    // Search, read, note in turn: one in three requests is an audited write.
    const next = () => {
      const k = i++;
      const round3 = Math.floor(k / 3);
      if (k % 3 === 0)
        return { method: 'GET' as const, path: `/api/v1/children?q=${encodeURIComponent(nth(fixtures.children, round3).name)}` };
      if (k % 3 === 1) return { method: 'GET' as const, path: `/api/v1/cases/${nth(fixtures.cases, round3).id}` };
      return {
        method: 'POST' as const,
        path: `/api/v1/cases/${nth(fixtures.cases, round3 + 7).id}/actions`,
        body: JSON.stringify({ type: 'note', text: 'Home visit: family met, follow-up next week' }),
      };
    };
    const samples: Sample[] = [];
    const loads: number[] = [];
    const t0 = Date.now();
    const sample = async () => {
      const m = await server.ask<{ rss: number; heapUsed: number }>({ type: 'memory' });
      samples.push({ t: (Date.now() - t0) / 1000, rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20 });
      loads.push(loadavg()[0]);
      const s = samples[samples.length - 1];
      log(`memory: t=${round(s.t, 0)} s RSS ${round(s.rss, 0)} MB heap ${round(s.heap, 0)} MB load ${round(loadavg()[0], 1)}`);
    };
    log(`memory: ${minutes} min of mixed load at ${CONNECTIONS} connections, a sample every ${SAMPLE_SECONDS} s…`);
    const sampler = setInterval(() => void sample().catch(() => undefined), SAMPLE_SECONDS * 1000);
    const res = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: CONNECTIONS,
      duration: Math.round(minutes * 60),
      requests: signedRequests(token, next),
      timeout: 120,
    });
    clearInterval(sampler);
    if (samples.length < 3) throw new Error(`only ${samples.length} memory samples: run for longer`);
    const rss = growth(samples, 'rss');
    const heap = growth(samples, 'heap');
    const rps = res.requests.total / (minutes * 60);
    const load = `load average ${round(Math.min(...loads), 1)}–${round(Math.max(...loads), 1)} (the shared machine)`;
    const common = `${minutes} min, ${CONNECTIONS} connections, search/read/note in turn, ${samples.length} samples every ${SAMPLE_SECONDS} s; ${load}`;
    log(
      `memory: RSS ${round(rss.base, 0)} → ${round(rss.end, 0)} MB (${round(rss.ratio, 3)}×, ${round(rss.slopePerMin, 2)} MB/min); heap ${round(heap.base, 0)} → ${round(heap.end, 0)} MB (${round(heap.ratio, 3)}×, ${round(heap.slopePerMin, 2)} MB/min); ${round(rps, 1)} req/s, p99 ${res.latency.p99} ms, ${res.non2xx} non-2xx of ${res.requests.total}`,
    );
    log(
      `memory samples (t s, RSS MB, heap MB): ${samples.map((s) => `${round(s.t, 0)},${round(s.rss, 0)},${round(s.heap, 0)}`).join(' ')}`,
    );
    return [
      {
        name: 'server RSS at the end of the run (baseline: the first 20% of samples), MB',
        value: round(rss.end, 0),
        unit: 'MB',
        baseline: round(rss.base, 0),
        ratio: round(rss.ratio, 3),
        note: `line through the last 80%: ${round(rss.slopePerMin, 2)} MB/min; ${common}`,
      },
      {
        name: 'server V8 heap used at the end of the run (baseline: the first 20% of samples), MB',
        value: round(heap.end, 0),
        unit: 'MB',
        baseline: round(heap.base, 0),
        ratio: round(heap.ratio, 3),
        note: `line through the last 80%: ${round(heap.slopePerMin, 2)} MB/min; ${common}`,
      },
      {
        name: 'mixed load: req/s (baseline: pgbench -S tps)',
        value: round(rps, 1),
        unit: 'req/s',
        baseline: round(anchor.select, 0),
        ratio: round(rps / anchor.select, 4),
        note: `p99 ${res.latency.p99} ms; ${res.non2xx} non-2xx of ${res.requests.total}; pgbench TPC-B-like ${round(anchor.tpcb, 0)} tps; ${common}`,
      },
    ];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await run()) console.log(JSON.stringify(r));
  process.exit(0);
}
