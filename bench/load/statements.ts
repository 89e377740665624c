/**
 * SQL statements per request, one request at a time (issue #19, docs/SCALE.md §2): the demo on a
 * scratch PostgreSQL database (bench/load/server.ts counts every statement its pg clients send),
 * N case reads then N case notes by the district officer, each drained (the background audit
 * chainer's statements included) before the next.
 *
 *   npx tsx bench/load/statements.ts [N=20]
 */
import { PG_URL } from '../support';
import { BenchServer, startSignedIn } from './server-process';

const N = Number(process.argv[2] ?? 20);
const server = new BenchServer();
try {
  const { port, fixtures, token } = await startSignedIn(server, PG_URL);
  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const count = async (label: string, req: (i: number) => Promise<Response>) => {
    const per: number[] = [];
    for (let i = 0; i < N; i++) {
      await server.ask({ type: 'drain' });
      await server.ask({ type: 'queries' });
      const res = await req(i);
      if (res.status >= 300) throw new Error(`${label}: ${res.status}`);
      await res.arrayBuffer();
      await server.ask({ type: 'drain' });
      per.push((await server.ask<{ statements: number }>({ type: 'queries' })).statements);
    }
    const mean = per.reduce((a, b) => a + b, 0) / per.length;
    console.log(
      `${label}: ${mean.toFixed(1)} statements/request (min ${Math.min(...per)}, max ${Math.max(...per)}; ${N} requests, chainer included)`,
    );
  };
  const cases = fixtures.cases;
  await count('case read', (i) => fetch(`${base}/api/v1/cases/${cases[i % cases.length].id}`, { headers }));
  await count('case note', (i) =>
    fetch(`${base}/api/v1/cases/${cases[i % cases.length].id}/actions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 'note', text: 'Home visit: family met, follow-up next week' }),
    }),
  );
} finally {
  await server.ask({ type: 'stop' }).catch(() => undefined);
}
process.exit(0);
