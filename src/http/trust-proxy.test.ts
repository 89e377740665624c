import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { buildApp } from './app';
import { parseTrustProxy } from './trust-proxy';
import { ADDRESS_MAX_FAILURES } from '../auth/auth.service';

describe('TRUST_PROXY', () => {
  it('unset trusts no proxy; a number is a hop count; otherwise addresses and CIDR ranges', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1,::1/128,loopback')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1/128', 'loopback']);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/9'])
      expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
  });
});

let t: TestApp;
let proxied: FastifyInstance;
beforeAll(async () => {
  // A frozen clock: the throttle counts per 15-minute window, and a run crossing a window's edge would start afresh.
  t = await createTestApp({ now: new Date() });
  // The same database and clock behind one reverse proxy.
  proxied = await buildApp({ ...t.ctx, config: { ...t.ctx.config, trustProxy: 1 } }, { logger: false });
  await proxied.ready();
});
afterAll(async () => {
  await proxied.close();
  await t.close();
});

const loginIps = async () =>
  (await t.ctx.database.query<{ ip: string }>("SELECT ip FROM audit_event WHERE action IN ('login', 'login_failed') ORDER BY seq")).map(
    (r) => r.ip,
  );
const throttleKeys = async () =>
  (await t.ctx.database.query<{ address: string }>('SELECT DISTINCT address FROM login_throttle ORDER BY address')).map((r) => r.address);

describe('the client address', () => {
  it('without TRUST_PROXY, a forged X-Forwarded-For changes neither the audit log nor the throttle key', async () => {
    const peer = '192.0.2.10';
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: peer,
      headers: { 'x-forwarded-for': '203.0.113.99' },
      payload: { username: 'dcpo.akola', password: 'vatsalya2026' },
    });
    expect(ok.statusCode).toBe(200);
    // A new forged address per request does not get a fresh allowance.
    const codes: number[] = [];
    for (let i = 0; i < ADDRESS_MAX_FAILURES + 3; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: peer,
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
        payload: { username: 'cwc.amravati', password: `wrong-guess-${i}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes.filter((c) => c === 429)).toHaveLength(3);
    expect(new Set(await loginIps())).toEqual(new Set([peer]));
    expect(await throttleKeys()).toEqual([peer]);
    // Sessions record the same address.
    const [s] = await t.ctx.database.query<{ ip: string }>(
      "SELECT ip FROM user_session WHERE kind = 'cookie' ORDER BY created_at DESC LIMIT 1",
    );
    expect(s.ip).toBe(peer);
  });

  it('with TRUST_PROXY=1, the address the proxy saw (the last hop) is the client', async () => {
    const res = await proxied.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.0.0.5', // the proxy
      headers: { 'x-forwarded-for': '198.51.100.250, 203.0.113.20' }, // forged by the client, then appended by the proxy
      payload: { username: 'caseworker.akola', password: 'wrong-password-0' },
    });
    expect(res.statusCode).toBe(401);
    expect((await loginIps()).at(-1)).toBe('203.0.113.20');
    expect(await throttleKeys()).toContain('203.0.113.20');
    expect(await throttleKeys()).not.toContain('198.51.100.250');
  });
});
