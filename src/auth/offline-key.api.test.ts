import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const keyOf = async (c: Awaited<ReturnType<TestApp['login']>>) => {
  const res = await c.post('/api/v1/auth/offline-key', {});
  return { status: res.statusCode, body: res.json(), cacheControl: res.headers['cache-control'] };
};

describe('POST /auth/offline-key (issue #17: offline copy encrypted with a key bound to the session)', () => {
  it('gives one 256-bit key per session, the same on every call, never cached', async () => {
    const c = await t.login('aww.rajura');
    const a = await keyOf(c);
    expect(a.status).toBe(200);
    expect(a.cacheControl).toBe('no-store');
    expect(a.body.algorithm).toBe('AES-GCM');
    expect(Buffer.from(a.body.key, 'base64url')).toHaveLength(32);
    const b = await keyOf(c);
    expect(b.body.key).toBe(a.body.key);
    expect(b.body.sessionId).toBe(a.body.sessionId);
  });

  it('another session (a new sign-in of the same worker) gets another key', async () => {
    const first = await keyOf(await t.login('aww.rajura'));
    const second = await keyOf(await t.login('aww.rajura'));
    expect(second.body.sessionId).not.toBe(first.body.sessionId);
    expect(second.body.key).not.toBe(first.body.key);
  });

  it('is refused once the session ended, and to nobody signed in', async () => {
    const c = await t.login('aww.rajura');
    expect((await keyOf(c)).status).toBe(200);
    expect((await c.post('/api/v1/auth/logout', {})).statusCode).toBe(200);
    const after = await keyOf(c);
    expect(after.status).toBe(401);
    expect(after.body.key).toBeUndefined();
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/auth/offline-key' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('the key is held in the session row and nowhere else', async () => {
    const c = await t.login('aww.rajura');
    const { body } = await keyOf(c);
    const rows = await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM user_session WHERE offline_key = $1', [
      body.key,
    ]);
    expect(rows[0].n).toBe(1);
  });
});
