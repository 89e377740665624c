import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/http/app';
import type { AppContext } from '../../src/http/context';
import { seedDemo } from '../../src/demo/seed';
import { DEMO_PASSWORD } from '../../src/demo/users';
import { createTestDatabase } from './db';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** Moves the server's clock (timelines, session expiry). */
  setNow(d: Date): void;
  login(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  token: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

/**
 * A real server (Fastify, in-process) on a real database with the demo seeded. The clock is
 * the real time unless `now` (or setNow) fixes it: a test whose outcome depends on "today"
 * fixes it, so that it does not depend on the hour it runs at.
 */
export async function createTestApp(opts: { demo?: boolean; now?: Date } = {}): Promise<TestApp> {
  // The demo comes seeded from the run's template; seedDemo only seeds an empty database.
  const database = await createTestDatabase({ demo: opts.demo !== false });
  if (opts.demo !== false) await seedDemo(database);
  let now: Date | null = opts.now ?? null;
  const ctx: AppContext = {
    database,
    db: database.db,
    now: () => now ?? new Date(),
    config: { filesDir: `/tmp/samanvay-test-files-${process.pid}`, webDir: null, secureCookies: false },
  };
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const clientFor = (token: string): Client => {
    const headers = { authorization: `Bearer ${token}` };
    const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE') => (url: string, body?: unknown, extra?: Record<string, string>) =>
      app.inject({ method, url, headers: { ...headers, ...extra }, ...(body === undefined ? {} : { payload: body as object }) });
    return {
      token,
      get: (url, extra) => send('GET')(url, undefined, extra),
      post: send('POST'),
      patch: send('PATCH'),
      put: send('PUT'),
      del: send('DELETE'),
    };
  };
  return {
    app,
    ctx,
    setNow: (d) => void (now = d),
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'samanvay_session');
      return clientFor(cookie!.value);
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
