import http from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/users';
import { freePort, runCli, scratchPostgres, startServe, stopServe, type ServerProcess } from './server-process';

/**
 * `WEB_CONCURRENCY=N serve` (src/cluster.ts): N worker processes on one port behind one
 * PostgreSQL. Each request here goes on a new connection (no keep-alive), so the primary's
 * round robin spreads them over the workers; the worker that answered is in x-samanvay-worker.
 */
const PG = process.env.TEST_DATABASE_URL || '';

interface Answer {
  status: number;
  worker: string | undefined;
  cookie: string;
  body: Record<string, unknown>;
}

function request(url: string, method: string, path: string, cookie = '', body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      `${url}${path}`,
      {
        method,
        agent: false,
        headers: { ...(cookie ? { cookie } : {}), ...(data ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            worker: res.headers['x-samanvay-worker'] as string | undefined,
            cookie: (res.headers['set-cookie']?.[0] ?? '').split(';')[0],
            body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** The primary's children (Linux /proc): its worker processes. */
const workerPids = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/State:\s+Z/.test(readFileSync(`/proc/${pid}/status`, 'utf8'));

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('WEB_CONCURRENCY without PostgreSQL', () => {
  it('is refused with the reason and a non-zero exit, before the embedded database is created', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samanvay-cluster-'));
    try {
      const data = join(dir, 'data');
      const port = String(await freePort());
      const r = await runCli({ WEB_CONCURRENCY: '2', DATABASE_URL: data }, ['serve', '--port', port]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('WEB_CONCURRENCY=2 needs PostgreSQL');
      expect(existsSync(data)).toBe(false);
      const bad = await runCli({ WEB_CONCURRENCY: 'many', DATABASE_URL: data }, ['serve', '--port', port]);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('WEB_CONCURRENCY must be a whole number');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.skipIf(!PG)('WEB_CONCURRENCY=2 on PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> } | null = null;
  let s: ServerProcess | undefined;

  beforeAll(async () => {
    db = await scratchPostgres(PG, 'samanvay_cluster');
    s = await startServe({ DATABASE_URL: db.url, WEB_CONCURRENCY: '2' }, ['--demo'], 380_000);
  }, 400_000);
  afterAll(async () => {
    await stopServe(s);
    await db?.drop();
  });

  /** Asks until an answer comes from `worker` (round robin: within a few tries). */
  const from = (worker: string, method: string, path: string, cookie = '') =>
    until(`an answer from worker ${worker}`, async () => {
      const r = await request(s!.url, method, path, cookie);
      return r.worker === worker ? r : undefined;
    });

  it('answers from both workers; a session made on one is valid on the other, and signing out on one ends it on both', async () => {
    const seen = new Set<string | undefined>();
    for (let i = 0; i < 8; i++) seen.add((await request(s!.url, 'GET', '/api/health')).worker);
    expect([...seen].sort()).toEqual(['1', '2']);

    const login = await request(s!.url, 'POST', '/api/v1/auth/login', '', { username: 'caseworker.amravati', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.cookie).toMatch(/^samanvay_session=/);
    const other = login.worker === '1' ? '2' : '1';
    expect((await from(other, 'GET', '/api/v1/auth/me', login.cookie)).body).toMatchObject({ username: 'caseworker.amravati' });
    expect((await from(login.worker!, 'GET', '/api/v1/auth/me', login.cookie)).status).toBe(200);
    expect((await from(other, 'POST', '/api/v1/auth/logout', login.cookie)).status).toBe(200);
    expect((await from(login.worker!, 'GET', '/api/v1/auth/me', login.cookie)).status).toBe(401);
  }, 120_000);

  it('restarts a worker that dies, and SIGTERM stops the primary and every worker cleanly', async () => {
    const before = workerPids(s!.pid);
    expect(before).toHaveLength(2);
    process.kill(before[0], 'SIGKILL');
    await until('the restart', async () => (/Worker \d is serving again/.test(s!.output()) ? true : undefined), 200_000);
    expect(s!.output()).toMatch(/Worker \d exited \(signal SIGKILL\); restarting it/);
    const after = workerPids(s!.pid);
    expect(after).toHaveLength(2);
    expect(after).not.toContain(before[0]);
    const seen = new Set<string | undefined>();
    for (let i = 0; i < 8; i++) seen.add((await request(s!.url, 'GET', '/api/health')).worker);
    expect([...seen].sort()).toEqual(['1', '2']);

    s!.proc.kill('SIGTERM');
    expect(await s!.exited).toBe(0);
    for (const pid of after) expect(alive(pid), `worker ${pid} outlived the primary`).toBe(false);
    await expect(request(s!.url, 'GET', '/api/health')).rejects.toThrow();
  }, 300_000);
});
