/**
 * CPU time of the server process per request (issue #19, docs/SCALE.md §2): the demo on a scratch
 * PostgreSQL database (bench/load/server.ts), then for the name search and the case read a warm-up
 * and N requests at 10 connections; the server's user+system CPU seconds (Linux /proc) over the
 * requests it served. CPU time, unlike requests/s, hardly depends on what else the shared machine
 * runs, so two checkouts measured back to back compare.
 *
 *   npx tsx bench/load/cpu.ts [N=3000]
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { PG_URL } from '../support';
import { BenchServer, searchAndCaseRead, signedRequests, startSignedIn } from './server-process';

const N = Number(process.argv[2] ?? 3000);
const TICK_MS = 10; // USER_HZ 100 on Linux
const cpuMs = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * TICK_MS; // utime, stime (fields 14, 15)
};

const server = new BenchServer();
try {
  const { port, fixtures, token } = await startSignedIn(server, PG_URL);
  const kinds = searchAndCaseRead(fixtures);
  for (const [label, next] of Object.entries(kinds)) {
    const run = (amount: number) =>
      autocannon({ url: `http://127.0.0.1:${port}`, connections: 10, amount, requests: signedRequests(token, next), timeout: 120 });
    await run(Math.ceil(N / 3)); // warm-up: JIT, caches, pool
    await server.ask({ type: 'drain' });
    await server.ask({ type: 'queries' });
    const before = cpuMs(server.child.pid!);
    const res = await run(N);
    await server.ask({ type: 'drain' });
    const used = cpuMs(server.child.pid!) - before;
    const { served } = await server.ask<{ served: number }>({ type: 'queries' });
    console.log(`${label}: ${(used / served).toFixed(3)} CPU ms/request (${used} ms over ${served} requests, ${res.non2xx} non-2xx)`);
  }
} finally {
  await server.ask({ type: 'stop' }).catch(() => undefined);
}
process.exit(0);
