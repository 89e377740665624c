/**
 * Profiles the intake (draft POST + submit): every SQL statement the two requests send, with its
 * time, on PGlite (no URL) and on PostgreSQL alike, so the two counts compare. Then 100 intakes one
 * after another under the CPU profiler (HELPLINE_PROFILE_OUT=file.cpuprofile). A development aid
 * for issue #13's intake speed, not a bench.
 *
 *   [TEST_DATABASE_URL=postgres://…] npx tsx bench/helpline/profile.ts
 */
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../../src/http/app';
import type { AppContext } from '../../src/http/context';
import { createScratchDatabase } from '../../src/db/scratch';
import { seedDemo } from '../../src/demo/seed';
import { DEMO_PASSWORD } from '../../src/demo/users';

import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

const url = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
let lastView = null as { text: string; params: unknown[] } | null;
let log: { sql: string; ms: number }[] | null = null;
// PostgreSQL: every statement a pg.Client sends, counted when it is sent. pg.Pool#query (drizzle's
// path outside a transaction) calls Client#query with a callback and gets no promise back, so a
// hook that only watched the returned promise saw the transactions' statements alone.
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const t = performance.now();
  const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '?');
  const params = (Array.isArray(args[1]) ? args[1] : ((args[0] as { values?: unknown[] })?.values ?? [])) as unknown[];
  if (text.includes('CASE WHEN "operat')) lastView = { text, params };
  const entry = log ? { sql: text.replace(/\s+/g, ' ').slice(0, 160), ms: NaN } : null;
  if (entry) log!.push(entry);
  const done = () => entry && (entry.ms = performance.now() - t);
  const last = args.length - 1;
  if (typeof args[last] === 'function') {
    const cb = args[last] as (...a: unknown[]) => unknown;
    args[last] = (...a: unknown[]) => (done(), cb(...a));
  }
  const out = (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
  if (out && typeof (out as Promise<unknown>).then === 'function') void (out as Promise<unknown>).then(done, () => undefined);
  return out;
} as typeof clientQuery;

// PGlite: its query() (the transaction's too) timed the same way.
const PGliteProto = PGlite.prototype as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
const timed = (f: (...a: unknown[]) => Promise<unknown>) =>
  async function (this: unknown, ...args: unknown[]) {
    const t = performance.now();
    const res = await f.apply(this, args);
    if (String(args[0]).includes('CASE WHEN "operat')) lastView = { text: String(args[0]), params: args[1] as unknown[] };
    log?.push({ sql: String(args[0]).replace(/\s+/g, ' ').slice(0, 160), ms: performance.now() - t });
    return res;
  };
for (const m of ['query', 'exec']) PGliteProto[m] = timed(PGliteProto[m]);
const transaction = PGliteProto.transaction;
PGliteProto.transaction = function (this: unknown, fn: unknown) {
  return transaction.call(this, (tx: Record<string, (...a: unknown[]) => Promise<unknown>>) => {
    tx.query = timed(tx.query.bind(tx));
    tx.exec = timed(tx.exec.bind(tx));
    return (fn as (t: unknown) => Promise<unknown>)(tx);
  });
};

const database = await createScratchDatabase({ postgresUrl: url || undefined, prefix: 'samanvay_profile_helpline', states: [27] });
await seedDemo(database);
const ctx: AppContext = {
  database,
  db: database.db,
  now: () => new Date(),
  config: { filesDir: '/tmp/hlprof', webDir: null, secureCookies: false },
};
const app = await buildApp(ctx, { logger: false });
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username: 'helpline.amravati', password: DEMO_PASSWORD },
});
const token = /samanvay_session=([^;]+)/.exec(String(login.headers['set-cookie']))![1];
const headers = { authorization: `Bearer ${token}` };
const body = {
  caller: { phone: '+91 98220 12345', name: 'Bench caller', relation: 'neighbour' },
  children: [{ name: 'Sunil', sex: 'male', ageYears: 9 }],
  locationText: 'behind the bus stand',
  categories: ['rescue'],
  urgency: 'emergency',
  language: 'mr',
  notes: 'bench',
};
for (let round = 0; round < 3; round++) {
  log = [];
  const t0 = performance.now();
  const d = await app.inject({ method: 'POST', url: '/api/v1/helpline/calls', headers, payload: body });
  const draft = d.json() as { id: string; version: number };
  const t1 = performance.now();
  // BEGIN/COMMIT are left out: PGlite's transaction() sends them past the hooks, pg as statements.
  const counted = () => log!.filter((e) => !/^(BEGIN|COMMIT|ROLLBACK)\b/i.test(e.sql)).length;
  const draftStatements = counted();
  const s = await app.inject({
    method: 'POST',
    url: `/api/v1/helpline/calls/${draft.id}/submit`,
    headers,
    payload: { version: draft.version },
  });
  const t2 = performance.now();
  await new Promise((r) => setTimeout(r, 50));
  if (round === 2) for (const q of log) console.log(`${q.ms.toFixed(2).padStart(7)} ms  ${q.sql}`);
  console.log(
    `round ${round}: draft ${d.statusCode} ${(t1 - t0).toFixed(1)} ms, submit ${s.statusCode} ${(t2 - t1).toFixed(1)} ms, ` +
      `${counted()} statements (draft ${draftStatements}, submit ${counted() - draftStatements}; BEGIN/COMMIT not counted) on ${url ? 'PostgreSQL' : 'PGlite'}`,
  );
}
const view = lastView as { text: string; params: unknown[] } | null;
if (view) {
  const plan = await database.query<{ 'QUERY PLAN': string }>(`EXPLAIN ANALYZE ${view.text}`, view.params);
  console.log(view.text);
  console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
}
const session = new Session();
const out = process.env.HELPLINE_PROFILE_OUT;
if (out) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const t = performance.now();
for (let i = 0; i < 100; i++) {
  const d = await app.inject({ method: 'POST', url: '/api/v1/helpline/calls', headers, payload: body });
  const draft = d.json() as { id: string; version: number };
  await app.inject({ method: 'POST', url: `/api/v1/helpline/calls/${draft.id}/submit`, headers, payload: { version: draft.version } });
}
console.log(`100 sequential intakes: ${((performance.now() - t) / 100).toFixed(1)} ms each`);
if (out) writeFileSync(out, JSON.stringify((await session.post('Profiler.stop')).profile));
await app.close();
await database.drop();
process.exit(0);
