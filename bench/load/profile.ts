/**
 * A CPU profile of the server process while it serves N name searches, case reads and case notes (#19,
 * docs/SCALE.md §2 "Where the CPU goes"): as bench/load/cpu.ts, but the V8 profiler runs (inspector,
 * 200 µs sampling) over the measured requests only, one .cpuprofile per kind in `dir`, each summarised
 * by bench/load/profile-summary.ts. The profiler slows the process: read the shares, not the totals.
 *
 *   npx tsx bench/load/profile.ts [N=1500] [dir=/tmp]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PG_URL } from '../support';
import { BenchServer, searchAndCaseRead, signedRequests, startSignedIn } from './server-process';
import { summarise } from './profile-summary';

const N = Number(process.argv[2] ?? 1500);
const dir = process.argv[3] ?? '/tmp';

const server = new BenchServer();
try {
  const { port, fixtures, token } = await startSignedIn(server, PG_URL);
  const kinds = searchAndCaseRead(fixtures);
  for (const [label, next] of Object.entries(kinds)) {
    const run = (amount: number) =>
      autocannon({ url: `http://127.0.0.1:${port}`, connections: 10, amount, requests: signedRequests(token, next), timeout: 120 });
    await run(Math.ceil(N / 3));
    await server.ask({ type: 'drain' });
    await server.ask({ type: 'queries' });
    const file = join(dir, `samanvay-${label.replace(/ /g, '-')}.cpuprofile`);
    await server.ask({ type: 'profile' });
    await run(N);
    await server.ask({ type: 'drain' });
    await server.ask({ type: 'profile', file });
    const { served } = await server.ask<{ served: number }>({ type: 'queries' });
    const text = summarise(JSON.parse((await import('node:fs')).readFileSync(file, 'utf8')), served);
    writeFileSync(`${file}.txt`, text);
    console.log(`\n=== ${label}: ${file}\n${text}`);
  }
} finally {
  await server.ask({ type: 'stop' }).catch(() => undefined);
}
process.exit(0);
