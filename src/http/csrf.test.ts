import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'dcpo.akola', password: 'vatsalya2026' },
  });
  cookie = res.cookies.find((c) => c.name === 'samanvay_session')!.value;
});
afterAll(() => t.close());

const tokens = async () =>
  (await t.ctx.database.query<{ n: number }>("SELECT count(*)::int AS n FROM user_session WHERE kind = 'api'"))[0].n;
const withCookie = (headers: Record<string, string>, method: 'POST' | 'GET' = 'POST') =>
  t.app.inject({
    method,
    url: '/api/v1/auth/tokens',
    cookies: { samanvay_session: cookie },
    headers,
    ...(method === 'POST' ? { payload: { label: 'x' } } : {}),
  });

describe('CSRF: cookie-authenticated changes come only from this site', () => {
  it.each([
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'same-site' }], // a sibling subdomain is another site for us
    [{ origin: 'https://evil.example' }],
    [{ origin: 'http://localhost:80.evil.example' }],
    [{ origin: 'null' }],
    [{ 'sec-fetch-site': 'cross-site', origin: 'http://localhost:80' }], // Fetch Metadata wins
  ])('refuses %o with 403 csrf_refused and writes nothing', async (headers) => {
    const before = await tokens();
    const res = await withCookie(headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_refused');
    expect(await tokens()).toBe(before);
  });

  it.each([
    [{ 'sec-fetch-site': 'same-origin' }],
    [{ 'sec-fetch-site': 'none' }], // typed or bookmarked by the user
    [{ origin: 'http://localhost:80' }], // inject's Host is localhost:80
    [{}], // not a browser (a script with the cookie): nothing to forge from
  ])('lets %o through', async (headers) => {
    const before = await tokens();
    expect((await withCookie(headers)).statusCode).toBe(201);
    expect(await tokens()).toBe(before + 1);
  });

  it('bearer-token requests are exempt (a browser never adds the header by itself)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { authorization: `Bearer ${cookie}`, origin: 'https://elsewhere.example' },
      payload: { label: 'y' },
    });
    expect(res.statusCode).toBe(201);
  });

  it('reads are not refused', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { samanvay_session: cookie },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('a sign-in from another site is refused (it would sign the browser into the attacker’s account)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { username: 'dcpo.akola', password: 'vatsalya2026' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_refused');
    expect(res.cookies).toHaveLength(0);
  });

  it('a forged sign-out does not end the session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { samanvay_session: cookie },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { samanvay_session: cookie } })).statusCode).toBe(200);
  });
});
