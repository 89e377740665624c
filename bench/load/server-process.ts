/**
 * The parent's side of bench/load/server.ts: forks it, waits for its `alive` signal before sending
 * anything (a message sent before the child has installed its IPC listener is lost, and the
 * parent then waits forever for a reply), and matches each request with the next reply.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../../src/demo/users';
import { log } from '../support';

export class BenchServer {
  readonly child: ChildProcess;
  private waiting: ((m: Record<string, unknown>) => void)[] = [];
  private readonly alive: Promise<void>;
  constructor() {
    let setAlive!: () => void;
    let fail!: (e: Error) => void;
    this.alive = new Promise((resolve, reject) => ((setAlive = resolve), (fail = reject)));
    this.child = fork(new URL('./server.ts', import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.child.on('message', (m: Record<string, unknown>) => {
      if (m.type === 'alive') setAlive();
      else this.waiting.shift()?.(m);
    });
    // A child that dies (a crash while seeding) must fail the bench, not leave it waiting.
    this.child.on('exit', (code) => {
      const err = new Error(`bench server exited (code ${code})`);
      fail(err);
      for (const w of this.waiting.splice(0)) w({ type: 'error', message: err.message });
    });
  }
  async ask<T = Record<string, unknown>>(msg: Record<string, unknown>): Promise<T> {
    await this.alive;
    const reply = new Promise<Record<string, unknown>>((r) => this.waiting.push(r));
    this.child.send(msg);
    const m = await reply;
    if (m.type === 'error') throw new Error(String(m.message));
    return m as T;
  }
  /** Resident memory of the server process and its workers, if any (Linux /proc), MB. */
  rssMb(): number {
    const rss = (pid: number | string) => {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : NaN;
    };
    try {
      const pid = this.child.pid!;
      const workers = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      return workers.reduce((sum, w) => sum + (rss(w) || 0), rss(pid));
    } catch {
      return NaN;
    }
  }
}

export interface LoadFixtures {
  children: { id: string; name: string }[];
  families: { id: string; head_name: string }[];
  cases: { id: string }[];
}

/**
 * The PostgreSQL load benches' one setup (pgbench-ratio, memory, statements): the demo seeded into
 * a scratch database on `postgresUrl`, the server started, the district officer signed in.
 */
export async function startSignedIn(
  server: BenchServer,
  postgresUrl: string,
  username = 'dcpo.amravati',
  workers = 1,
): Promise<{ port: number; fixtures: LoadFixtures; token: string }> {
  const { port, fixtures } = await server.ask<{ port: number; fixtures: LoadFixtures }>({ type: 'start', postgresUrl, workers });
  const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const token = login.headers.get('set-cookie')?.match(/samanvay_session=([^;]+)/)?.[1];
  if (!token) throw new Error(`login failed: ${login.status}`);
  return { port, fixtures, token };
}

/** One request of autocannon's list (bench/load/autocannon.d.ts). */
type Request = NonNullable<Parameters<typeof autocannon>[0]['requests']>[number];

export interface LoadSession {
  server: BenchServer;
  port: number;
  fixtures: LoadFixtures;
  token: string;
}

/**
 * The set-up the load benches on PostgreSQL repeat (pgbench-ratio, memory): the demo seeded into a
 * scratch database on `postgresUrl`, the server started (with `workers` processes on its port, as
 * WEB_CONCURRENCY does), the district officer signed in; `fn` runs the load, and the server is
 * stopped afterwards whatever happens.
 */
export async function withLoadSession<T>(postgresUrl: string, label: string, fn: (s: LoadSession) => Promise<T>, workers = 1): Promise<T> {
  const server = new BenchServer();
  try {
    log(`${label}: seeding the demo into a scratch PostgreSQL database and starting the server (${workers} worker process(es))…`);
    const { port, fixtures, token } = await startSignedIn(server, postgresUrl, 'dcpo.amravati', workers);
    return await fn({ server, port, fixtures, token });
  } finally {
    await server.ask({ type: 'stop' }).catch(() => undefined);
  }
}

/** An autocannon request list whose every request is `next()`, signed in with the bearer `token`. */
export function signedRequests(token: string, next: () => { method: 'GET' | 'POST'; path: string; body?: string }): Request[] {
  return [
    {
      setupRequest: (req: Request): Request => ({
        ...req,
        body: undefined,
        ...next(),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      }),
    },
  ];
}

/**
 * The requests the CPU benches measure (cpu.ts, profile.ts), each cycling over the demo's
 * fixtures: a signed-in name search, a case read and a case note. BENCH_KINDS (a comma list of
 * their names, e.g. `case note`) keeps only those.
 */
export function searchAndCaseRead(fixtures: LoadFixtures) {
  let i = 0;
  const nth = <T>(xs: T[]) => xs[i++ % xs.length];
  const only = process.env.BENCH_KINDS?.split(',').map((k) => k.trim());
  const all = {
    'name search': () => ({ method: 'GET' as const, path: `/api/v1/children?q=${encodeURIComponent(nth(fixtures.children).name)}` }),
    'case read': () => ({ method: 'GET' as const, path: `/api/v1/cases/${nth(fixtures.cases).id}` }),
    // The audited write (issue #19): a note on a case, as the ratio bench sends it.
    'case note': () => ({
      method: 'POST' as const,
      path: `/api/v1/cases/${nth(fixtures.cases).id}/actions`,
      body: JSON.stringify({ type: 'note', text: 'Home visit: family met, follow-up next week' }),
    }),
  };
  return only ? Object.fromEntries(Object.entries(all).filter(([k]) => only.includes(k))) : all;
}
