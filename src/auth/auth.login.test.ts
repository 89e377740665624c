import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { MAX_FAILED_LOGINS } from './auth.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('sign-in', () => {
  it('signs in with an httpOnly session cookie and shows who, what role and where', async () => {
    const res = await login('dcpo.amravati', 'vatsalya2026');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'samanvay_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.json()).toMatchObject({ username: 'dcpo.amravati', role: 'dcpu_officer', jurisdiction: { id: 'di:468', name: 'Amravati' } });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { samanvay_session: cookie.value } });
    expect(me.json().username).toBe('dcpo.amravati');
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const a = await login('nobody.here', 'whatever123');
    const b = await login('dcpo.akola', 'wrong-password1');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
  });

  it('refuses a malformed body with the field named', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['username', 'password']));
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) expect((await login('helpline.amravati', 'not-the-password1')).statusCode).toBe(401);
    const locked = await login('helpline.amravati', 'vatsalya2026');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('account_locked');
    t.setNow(new Date(Date.now() + 16 * 60_000));
    expect((await login('helpline.amravati', 'vatsalya2026')).statusCode).toBe(200);
    t.setNow(new Date());
  });

  it('sign-out ends the session on the server', async () => {
    const c = await t.login('caseworker.akola');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    await c.post('/api/v1/auth/logout');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('an expired session is refused with 401', async () => {
    const c = await t.login('cwc.amravati');
    t.setNow(new Date(Date.now() + 9 * 3600_000));
    expect((await c.get('/api/v1/children')).statusCode).toBe(401);
    t.setNow(new Date());
  });

  it('issues bearer tokens for API clients', async () => {
    const c = await t.login('dcpo.akola');
    const res = await c.post('/api/v1/auth/tokens', { label: 'district dashboard' });
    expect(res.statusCode).toBe(201);
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/children?pageSize=1', headers: { authorization: `Bearer ${res.json().token}` } });
    expect(api.statusCode).toBe(200);
    expect(api.json().items[0].districtCode).toBe(467);
    const bogus = await t.app.inject({ method: 'GET', url: '/api/v1/children', headers: { authorization: 'Bearer not-a-token' } });
    expect(bogus.statusCode).toBe(401);
  });

  it('stores argon2id password hashes, never the password', async () => {
    const [row] = await t.ctx.database.query<{ password_hash: string }>("SELECT password_hash FROM app_user WHERE username = 'admin'");
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('users', () => {
  it('an administrator creates users inside their jurisdiction only, with validated fields', async () => {
    const admin = await t.login('admin');
    const ok = await admin.post('/api/v1/users', { username: 'cw.new', displayName: 'New Caseworker', password: 'longpassword1', role: 'caseworker', jurisdictionId: 'di:467' });
    expect(ok.statusCode).toBe(201);
    const weak = await admin.post('/api/v1/users', { username: 'cw.weak', displayName: 'Weak', password: 'short', role: 'caseworker', jurisdictionId: 'di:467' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().issues[0].field).toBe('password');
    const outside = await admin.post('/api/v1/users', { username: 'cw.karnataka', displayName: 'Elsewhere', password: 'longpassword1', role: 'caseworker', jurisdictionId: 'st:29' });
    expect(outside.statusCode).toBe(403);
    const dup = await admin.post('/api/v1/users', { username: 'cw.new', displayName: 'Again', password: 'longpassword1', role: 'caseworker', jurisdictionId: 'di:467' });
    expect(dup.statusCode).toBe(409);
    const cw = await t.login('caseworker.amravati');
    expect((await cw.post('/api/v1/users', { username: 'cw.sneaky', displayName: 'X', password: 'longpassword1', role: 'admin', jurisdictionId: null })).statusCode).toBe(403);
  });
});
