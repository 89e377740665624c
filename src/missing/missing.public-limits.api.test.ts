import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../http/app';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { nonceSolves } from './domain/pow';
import { countRows, nextIp, powHeaders, publicPost, publicReport, publicSighting } from './missing.testkit';
import { jpegWithGps, multipart } from './photos.fixtures';

/**
 * The public forms' abuse limits (issue #11), all kept in the database: per address, per IST
 * day for the moderation queue and for stored photo bytes, and a proof-of-work challenge used
 * once before it expires. Every refusal is a 4xx with a code, and writes nothing.
 */
let t: TestApp;
const saved = { ...process.env };
const SIGHTINGS = '/api/v1/public/sightings';
const REPORTS = '/api/v1/public/missing-reports';
const photoDir = () => join(t.ctx.config.filesDir, 'missing');
const storedFiles = () => (existsSync(photoDir()) ? readdirSync(photoDir()).length : 0);
const at = (iso: string) => t.setNow(new Date(iso));

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => {
  for (const k of Object.keys(process.env)) if (k.startsWith('MISSING_PUBLIC_') && !(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

const challenge = async (ip: string) =>
  (await t.app.inject({ method: 'POST', url: '/api/v1/public/challenges', remoteAddress: ip })).json();
const postWith = (ip: string, headers: Record<string, string>, body: object = publicSighting(), url = SIGHTINGS) =>
  t.app.inject({ method: 'POST', url, payload: body, remoteAddress: ip, headers });
const firstNonce = (c: string, bits: number, solves: boolean) => {
  for (let n = 0; ; n++) if (nonceSolves(c, String(n), bits) === solves) return String(n);
};

describe('per address, shared by every server on the database', () => {
  it('two servers on one database count one address together: the sixth post is 429 on either', async () => {
    at('2026-03-02T06:00:00Z');
    const second = await buildApp(t.ctx, { logger: false });
    await second.ready();
    try {
      const ip = '203.0.113.10';
      const via = async (app: typeof t.app) =>
        app.inject({ method: 'POST', url: SIGHTINGS, payload: publicSighting(), remoteAddress: ip, headers: await powHeaders(t, ip) });
      for (const app of [t.app, second, t.app, second, t.app]) expect((await via(app)).statusCode).toBe(201);
      const before = await countRows(t, 'missing_record');
      const refused = await via(second);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ code: 'rate_limited', retryAfterSeconds: expect.any(Number) });
      expect(refused.headers['retry-after']).toBe(String(refused.json().retryAfterSeconds));
      expect(await countRows(t, 'missing_record')).toBe(before);
      // The window is the hour: the next one starts afresh.
      at('2026-03-02T07:00:00Z');
      expect((await via(t.app)).statusCode).toBe(201);
    } finally {
      await second.close();
    }
  });

  it('posts at once from one address: exactly the limit gets through', async () => {
    at('2026-03-02T08:00:00Z');
    const ip = '203.0.113.11';
    const headers = await Promise.all(Array.from({ length: 9 }, () => powHeaders(t, ip)));
    const results = await Promise.all(headers.map((h) => postWith(ip, h)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(4);
  });

  it('IPv6 addresses of one /64 count as one subscriber', async () => {
    at('2026-03-02T09:00:00Z');
    process.env.MISSING_PUBLIC_RATE_MAX = '2';
    const post = async (ip: string) => postWith(ip, await powHeaders(t, ip));
    expect((await post('2001:db8:1:2::1')).statusCode).toBe(201);
    expect((await post('2001:db8:1:2:aaaa::7')).statusCode).toBe(201);
    expect((await post('2001:db8:1:2:ffff:ffff:ffff:fffe')).statusCode).toBe(429);
    expect((await post('2001:db8:1:3::1')).statusCode).toBe(201);
  });

  it('challenges are limited per address too', async () => {
    at('2026-03-02T10:00:00Z');
    process.env.MISSING_PUBLIC_CHALLENGE_MAX = '2';
    const ip = '203.0.113.12';
    for (let i = 0; i < 2; i++)
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/public/challenges', remoteAddress: ip })).statusCode).toBe(201);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/challenges', remoteAddress: ip });
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('rate_limited');
  });
});

describe('per day: the moderation queue and the photos kept', () => {
  it('public submissions stop at the daily cap (all addresses together) and start again on the next IST day', async () => {
    process.env.MISSING_PUBLIC_DAILY_MAX = '3';
    at('2026-03-04T10:00:00Z');
    for (let i = 0; i < 3; i++) expect((await publicPost(t, SIGHTINGS, publicSighting())).statusCode).toBe(201);
    const before = await countRows(t, 'missing_record');
    const ip = nextIp();
    const headers = await powHeaders(t, ip);
    const res = await postWith(ip, headers, publicReport(), REPORTS);
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'daily_limit_reached' });
    expect(res.json().message).toMatch(/1098/);
    // Until midnight IST (18:30 UTC): 8.5 hours.
    expect(res.json().retryAfterSeconds).toBe(8.5 * 3600);
    expect(await countRows(t, 'missing_record')).toBe(before);
    // The refused post spent nothing: its challenge still works once there is room.
    process.env.MISSING_PUBLIC_DAILY_MAX = '4';
    expect((await postWith(ip, headers, publicReport(), REPORTS)).statusCode).toBe(201);
    // 23:59 IST is still the same day; 00:01 IST is the next.
    at('2026-03-04T18:29:00Z');
    expect((await publicPost(t, SIGHTINGS, publicSighting())).json().code).toBe('daily_limit_reached');
    at('2026-03-04T18:31:00Z');
    expect((await publicPost(t, SIGHTINGS, publicSighting())).statusCode).toBe(201);
  });

  it('an address keeps at most its daily photo allowance; over it the photo is refused by name and nothing is kept', async () => {
    at('2026-03-05T05:00:00Z');
    const ip = '203.0.113.20';
    const withPhoto = async (from: string, name: string) =>
      t.app.inject({
        method: 'POST',
        url: REPORTS,
        remoteAddress: from,
        ...multipart(
          [
            { name: 'data', value: JSON.stringify(publicReport({ name })) },
            { name: 'photo', file: jpegWithGps(2) },
          ],
          await powHeaders(t, from),
        ),
      });
    const first = await withPhoto(ip, 'Prachi Ingle');
    expect(first.statusCode, first.body).toBe(201);
    const [{ size }] = await t.ctx.database.query<{ size: number }>(
      `SELECT photo_size AS size FROM missing_record WHERE name = 'Prachi Ingle'`,
    );
    process.env.MISSING_PUBLIC_PHOTO_BYTES_PER_DAY = String(size * 2 + Math.floor(size / 2));
    expect((await withPhoto(ip, 'Prachi Ingle')).statusCode).toBe(201);
    const records = await countRows(t, 'missing_record');
    const files = storedFiles();
    const over = await withPhoto(ip, 'Prachi Ingle');
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ code: 'photo_quota_exceeded', issues: [{ field: 'photo' }] });
    expect(await countRows(t, 'missing_record')).toBe(records);
    expect(storedFiles()).toBe(files);
    // The same address without a photo, and another address with one, are not affected.
    expect((await publicPost(t, REPORTS, publicReport(), ip)).statusCode).toBe(201);
    expect((await withPhoto('203.0.113.21', 'Prachi Ingle')).statusCode).toBe(201);
  });
});

describe('the proof-of-work challenge', () => {
  it('a post needs one: without it 400 challenge_required naming the header, and nothing is written', async () => {
    at('2026-03-06T05:00:00Z');
    const before = await countRows(t, 'missing_record');
    const none = await postWith(nextIp(), {});
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'challenge_required', issues: [{ field: 'x-pow-challenge' }] });
    const c = await challenge(nextIp());
    const noNonce = await postWith(nextIp(), { 'x-pow-challenge': c.challenge });
    expect(noNonce.json()).toMatchObject({ code: 'challenge_required', issues: [{ field: 'x-pow-nonce' }] });
    const unknown = await postWith(nextIp(), { 'x-pow-challenge': 'Zm9yZ2VkLWNoYWxsZW5nZS14eHg', 'x-pow-nonce': '1' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('challenge_unknown');
    expect(await countRows(t, 'missing_record')).toBe(before);
  });

  it('the server says what to solve; a wrong nonce is 400 challenge_failed', async () => {
    process.env.MISSING_PUBLIC_POW_BITS = '10';
    const c = await challenge(nextIp());
    expect(c).toMatchObject({
      difficulty: 10,
      algorithm: 'sha256-leading-zero-bits',
      challenge: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
    });
    const before = await countRows(t, 'missing_record');
    const wrong = await postWith(nextIp(), { 'x-pow-challenge': c.challenge, 'x-pow-nonce': firstNonce(c.challenge, 10, false) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'challenge_failed', issues: [{ field: 'x-pow-nonce' }] });
    const notANumber = await postWith(nextIp(), { 'x-pow-challenge': c.challenge, 'x-pow-nonce': 'abc' });
    expect(notANumber.json().code).toBe('challenge_failed');
    expect(await countRows(t, 'missing_record')).toBe(before);
    // The difficulty is the one the challenge was issued with, whatever the setting is now.
    process.env.MISSING_PUBLIC_POW_BITS = '2';
    const weak = firstNonce(c.challenge, 2, true);
    if (!nonceSolves(c.challenge, weak, 10))
      expect((await postWith(nextIp(), { 'x-pow-challenge': c.challenge, 'x-pow-nonce': weak })).json().code).toBe('challenge_failed');
    expect(
      (await postWith(nextIp(), { 'x-pow-challenge': c.challenge, 'x-pow-nonce': firstNonce(c.challenge, 10, true) })).statusCode,
    ).toBe(201);
  });

  it('is used once: the same solution again is 409 challenge_used', async () => {
    const ip = nextIp();
    const headers = await powHeaders(t, ip);
    expect((await postWith(ip, headers)).statusCode).toBe(201);
    const before = await countRows(t, 'missing_record');
    const again = await postWith(nextIp(), headers);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'challenge_used', issues: [{ field: 'x-pow-challenge' }] });
    expect(await countRows(t, 'missing_record')).toBe(before);
  });

  it('a post refused for bad input does not spend its challenge', async () => {
    const ip = nextIp();
    const headers = await powHeaders(t, ip);
    const bad = await postWith(ip, headers, publicSighting({ foundOn: '2999-01-01' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('foundOn');
    expect((await postWith(ip, headers)).statusCode).toBe(201);
  });

  it('expires: after its time it is 400 challenge_expired', async () => {
    process.env.MISSING_PUBLIC_POW_TTL = '5 minutes';
    at('2026-03-07T05:00:00Z');
    const ip = nextIp();
    const headers = await powHeaders(t, ip);
    at('2026-03-07T05:05:00Z');
    const before = await countRows(t, 'missing_record');
    const late = await postWith(ip, headers);
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ code: 'challenge_expired', issues: [{ field: 'x-pow-challenge' }] });
    expect(await countRows(t, 'missing_record')).toBe(before);
  });
});
