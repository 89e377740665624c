import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { createUser } from '../users/users.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const get = (url: string, token: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });
const sessionCookie = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'samanvay_session')!.value;

const audited = async (action: string, entityId: string) =>
  (
    await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND entity_id = $2', [
      action,
      entityId,
    ])
  )[0].n;

const userId = async (username: string) =>
  (await t.ctx.database.query<{ id: string }>('SELECT id FROM app_user WHERE username = $1', [username]))[0].id;

describe('bearer tokens and sessions', () => {
  it('a bearer token dies with the sign-in that made it, and so does a token made from that token', async () => {
    const c = await t.login('dcpo.akola');
    const made = await c.post('/api/v1/auth/tokens', { label: 'district dashboard' });
    expect(made.statusCode).toBe(201);
    const token = made.json().token as string;
    const api = await get('/api/v1/children?pageSize=1', token);
    expect(api.statusCode).toBe(200);
    expect(api.json().items[0].districtCode).toBe(467);
    const grandchild = (
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: bearer(token), payload: { label: 'nightly sync' } })
    ).json().token as string;
    expect((await get('/api/v1/auth/me', grandchild)).statusCode).toBe(200);

    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await get('/api/v1/children?pageSize=1', token)).statusCode).toBe(401);
    expect((await get('/api/v1/auth/me', grandchild)).statusCode).toBe(401);
    expect((await get('/api/v1/children', 'not-a-token')).statusCode).toBe(401);
  });

  it('lists one’s own sessions and tokens with when, where and what, never the token', async () => {
    const signedIn = await login('cwc.amravati', 'vatsalya2026', { 'user-agent': 'Mozilla/5.0 (Test) Firefox/140.0' });
    const cookie = sessionCookie(signedIn);
    const c = {
      get: (u: string) => get(u, cookie),
      post: (u: string, body: object) => t.app.inject({ method: 'POST', url: u, headers: bearer(cookie), payload: body }),
    };
    const token = (await c.post('/api/v1/auth/tokens', { label: 'court register export' })).json();
    const other = await t.login('cwc.amravati');
    const list = await c.get('/api/v1/auth/sessions');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Record<string, unknown>[];
    expect(items).toHaveLength(3);
    const mine = items.find((i) => i.current)!;
    expect(mine).toMatchObject({ kind: 'cookie', ip: '127.0.0.1', userAgent: 'Mozilla/5.0 (Test) Firefox/140.0' });
    expect(mine.createdAt).toBeTruthy();
    expect(mine.lastUsedAt).toBeTruthy();
    expect(items.find((i) => i.id === token.id)).toMatchObject({
      kind: 'api',
      label: 'court register export',
      parentId: mine.id,
      current: false,
    });
    const body = list.body;
    for (const secret of [cookie, token.token, other.token]) expect(body).not.toContain(secret);
    expect(body).not.toMatch(/tokenHash|token_hash/);
    // Nobody else's sessions show.
    const akola = await t.login('caseworker.akola');
    const theirs = (await akola.get('/api/v1/auth/sessions')).json().items as { id: string }[];
    expect(theirs.map((i) => i.id)).not.toContain(mine.id);
  });

  it('revokes one of one’s own sessions at once; another user’s is not found; a bad id names the field', async () => {
    const a = await t.login('ngo.amravati');
    const b = await t.login('ngo.amravati');
    const sessions = (await a.get('/api/v1/auth/sessions')).json().items as { id: string; current: boolean }[];
    const bId = sessions.find((s) => !s.current)!.id;
    const other = await t.login('caseworker.akola');
    const refused = await other.del(`/api/v1/auth/sessions/${bId}`);
    expect(refused.statusCode).toBe(404);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(200);
    const bad = await a.del('/api/v1/auth/sessions/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('params.id');

    expect((await a.del(`/api/v1/auth/sessions/${bId}`)).json()).toMatchObject({ revoked: 1, current: false });
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect(await audited('session_revoked', await userId('ngo.amravati'))).toBe(1);
    expect((await a.del(`/api/v1/auth/sessions/${bId}`)).statusCode).toBe(404);
  });
});

describe('changing one’s own password', () => {
  it('needs the current password, applies the policy, ends every other session and token', async () => {
    const here = await t.login('aww.rajura');
    const elsewhere = await t.login('aww.rajura');
    const token = (await here.post('/api/v1/auth/tokens', { label: 'tablet' })).json().token as string;

    const wrong = await here.post('/api/v1/auth/password', { currentPassword: 'not-my-password-1', newPassword: 'mango-monsoon-ledger-4' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues.map((i: { field: string }) => i.field)).toEqual(['currentPassword']);
    const weak = await here.post('/api/v1/auth/password', { currentPassword: 'vatsalya2026', newPassword: 'Password2026!' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().issues).toEqual([{ field: 'newPassword', message: expect.stringMatching(/common/) }]);
    const own = await here.post('/api/v1/auth/password', { currentPassword: 'vatsalya2026', newPassword: 'aww.rajura-garden-7' });
    expect(own.json().issues[0]).toEqual({ field: 'newPassword', message: 'must not contain the username' });
    const missing = await here.post('/api/v1/auth/password', { currentPassword: 'vatsalya2026' });
    expect(missing.json().issues[0].field).toBe('newPassword');
    // Nothing changed by the refused requests.
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(200);

    const ok = await here.post('/api/v1/auth/password', { currentPassword: 'vatsalya2026', newPassword: 'mango-monsoon-ledger-4' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().sessionsEnded).toBe(2);
    expect((await here.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await get('/api/v1/auth/me', token)).statusCode).toBe(401);
    expect((await login('aww.rajura', 'vatsalya2026')).statusCode).toBe(401);
    expect((await login('aww.rajura', 'mango-monsoon-ledger-4')).statusCode).toBe(200);
    expect(await audited('password_changed', await userId('aww.rajura'))).toBe(1);
  });
});

describe('administrators', () => {
  it('reset a password to a one-time password that only opens the change-password screen', async () => {
    const admin = await t.login('admin');
    const target = await userId('nodal.education');
    const victim = await t.login('nodal.education');
    const reset = await admin.post(`/api/v1/users/${target}/password-reset`);
    expect(reset.statusCode).toBe(200);
    const otp = reset.json().oneTimePassword as string;
    expect(otp).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await victim.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await audited('password_reset', target)).toBe(1);

    const signedIn = await login('nodal.education', otp);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().mustChangePassword).toBe(true);
    const cookie = sessionCookie(signedIn);
    expect((await get('/api/v1/auth/sessions', cookie)).statusCode).toBe(403);
    const blocked = await get('/api/v1/children', cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
    expect((await get('/api/v1/auth/me', cookie)).json().mustChangePassword).toBe(true);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: bearer(cookie),
      payload: { currentPassword: otp, newPassword: 'chalk-harbour-violet-2' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await get('/api/v1/auth/me', cookie)).json().mustChangePassword).toBe(false);
    expect((await get('/api/v1/auth/sessions', cookie)).statusCode).toBe(200);
  });

  it('deactivate a user: their sessions die at once and they cannot sign in; reactivate lets them back', async () => {
    const admin = await t.login('admin');
    const target = await userId('dcpo.amravati');
    const victim = await t.login('dcpo.amravati');
    const token = (await victim.post('/api/v1/auth/tokens', { label: 'script' })).json().token as string;
    const off = await admin.post(`/api/v1/users/${target}/deactivate`);
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ active: false, sessionsEnded: 2 });
    expect((await victim.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await get('/api/v1/auth/me', token)).statusCode).toBe(401);
    expect((await login('dcpo.amravati', 'vatsalya2026')).statusCode).toBe(401);
    expect(await audited('user_deactivated', target)).toBe(1);

    expect((await admin.post(`/api/v1/users/${target}/reactivate`)).json()).toMatchObject({ active: true });
    expect((await login('dcpo.amravati', 'vatsalya2026')).statusCode).toBe(200);
    // Revoked sessions stay revoked.
    expect((await victim.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await audited('user_reactivated', target)).toBe(1);
  });

  it('only within their own jurisdiction, only with users.manage, never on their own account, and name a bad id', async () => {
    const admin = await t.login('admin');
    const karnataka = await createUser(t.ctx.db, null, {
      username: 'admin.ka',
      displayName: 'Karnataka admin',
      password: 'saffron-kite-harvest-3',
      role: 'admin',
      jurisdictionId: 'st:29',
    });
    for (const action of ['password-reset', 'deactivate', 'reactivate', 'unlock']) {
      expect((await admin.post(`/api/v1/users/${karnataka.id}/${action}`)).statusCode, action).toBe(404);
    }
    expect((await login('admin.ka', 'saffron-kite-harvest-3')).statusCode).toBe(200);
    const dcpo = await t.login('dcpo.akola');
    expect((await dcpo.post(`/api/v1/users/${await userId('caseworker.akola')}/deactivate`)).statusCode).toBe(403);
    const self = await admin.post(`/api/v1/users/${await userId('admin')}/deactivate`);
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('own_account');
    const bad = await admin.post('/api/v1/users/42/deactivate');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('params.id');
  });

  it('unlock a locked account before the lockout runs out', async () => {
    for (let i = 0; i < 5; i++)
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'auditor.mh', password: 'wrong-password-5' },
        remoteAddress: `10.3.0.${i + 1}`,
      });
    expect((await login('auditor.mh', 'vatsalya2026')).statusCode).toBe(401);
    const admin = await t.login('admin');
    expect((await admin.post(`/api/v1/users/${await userId('auditor.mh')}/unlock`)).statusCode).toBe(200);
    expect((await login('auditor.mh', 'vatsalya2026')).statusCode).toBe(200);
  });
});
