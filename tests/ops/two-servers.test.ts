import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { villageId } from '../../src/demo/seed';
import { DEMO_PASSWORD } from '../../src/demo/users';
import { MAX_FAILED_LOGINS } from '../../src/auth/auth.service';
import { scratchPostgres, startServe, stopServe, type ServerProcess } from './server-process';

/**
 * Two app servers behind one PostgreSQL, as a load balancer would spread a district's users:
 * everything that must hold across requests (sessions, sign-in lockout, optimistic versions)
 * lives in the database, so it holds across servers. (The embedded database is one process by
 * design: tests/ops/single-writer.test.ts.)
 */
const PG = process.env.TEST_DATABASE_URL || '';

describe.skipIf(!PG)('two app servers on one PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> } | null = null;
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;

  beforeAll(async () => {
    db = await scratchPostgres(PG, 'samanvay_two');
    a = await startServe({ DATABASE_URL: db.url }, ['--demo']);
    b = await startServe({ DATABASE_URL: db.url }, ['--no-demo']);
  }, 400_000);
  afterAll(async () => {
    await stopServe(a);
    await stopServe(b);
    await db?.drop();
  });

  const call = async (server: ServerProcess, method: string, path: string, cookie = '', body?: unknown) => {
    const r = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, cookie: r.headers.get('set-cookie') ?? '' };
  };
  const login = (server: ServerProcess, username: string, password = DEMO_PASSWORD) =>
    call(server, 'POST', '/auth/login', '', { username, password });

  it('a session made on one server works on the other, and signing out on one ends it on both', async () => {
    const res = await login(a!, 'caseworker.amravati');
    expect(res.status).toBe(200);
    const cookie = res.cookie.split(';')[0];
    expect((await call(b!, 'GET', '/auth/me', cookie)).body).toMatchObject({ username: 'caseworker.amravati' });
    expect((await call(b!, 'POST', '/auth/logout', cookie)).status).toBe(200);
    expect((await call(a!, 'GET', '/auth/me', cookie)).status).toBe(401);
  });

  it('a record written on one server is read and versioned on the other: a stale edit is a 409 on either', async () => {
    const cookie = (await login(b!, 'caseworker.amravati')).cookie.split(';')[0];
    const created = await call(a!, 'POST', '/children', cookie, {
      locationId: villageId('Wadali'),
      name: 'Two Servers Child',
      sex: 'female',
      ageYears: 9,
      careStatus: 'birth_family',
      notDuplicate: { reason: 'two-server test' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect((await call(b!, 'GET', `/children/${id}`, cookie)).body).toMatchObject({ id, version: 1 });
    expect((await call(b!, 'PATCH', `/children/${id}`, cookie, { version: 1, school: 'ZP School' })).status).toBe(200);
    const stale = await call(a!, 'PATCH', `/children/${id}`, cookie, { version: 1, school: 'Another school' });
    expect(stale.status).toBe(409);
    expect((await call(a!, 'GET', `/children/${id}`, cookie)).body).toMatchObject({ school: 'ZP School', version: 2 });
  });

  it('wrong passwords spread over both servers lock the account once, for both', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) expect((await login(i % 2 ? a! : b!, 'auditor.mh', 'not-the-password-1')).status).toBe(401);
    // The right password is now refused on either server, with the same answer as a wrong one.
    expect((await login(a!, 'auditor.mh')).status).toBe(401);
    expect((await login(b!, 'auditor.mh')).status).toBe(401);
  });
});
