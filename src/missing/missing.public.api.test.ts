import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { AMRAVATI, countRows, foundChild, missingReport, nextIp, publicPost, publicReport, publicSighting } from './missing.testkit';

/** The public forms: no account, rate-limited per IP, validated, held for moderation, write-only. */
let t: TestApp;
let dcpo: Client;

beforeAll(async () => {
  t = await createTestApp();
  dcpo = await t.login('dcpo.amravati');
});
afterAll(() => t.close());

describe('public forms: submit, and nothing to read back', () => {
  it('a sighting needs no account and answers with a reference only', async () => {
    const res = await publicPost(t, '/api/v1/public/sightings', publicSighting());
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json()).sort()).toEqual(['message', 'reference', 'status']);
    expect(res.json().reference).toMatch(/^FC-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    const [row] = await t.ctx.database.query<{ status: string; channel: string; match_state: string }>(
      `SELECT status, channel, match_state FROM missing_record WHERE reference = $1`,
      [res.json().reference],
    );
    expect(row).toEqual({ status: 'pending_moderation', channel: 'public', match_state: 'not_applicable' });
  });

  it('references are random, not a count: two in a row share nothing guessable, and each is unique', async () => {
    const refs: string[] = [];
    for (let i = 0; i < 4; i++) refs.push((await publicPost(t, '/api/v1/public/sightings', publicSighting())).json().reference);
    expect(new Set(refs).size).toBe(4);
    for (const r of refs) expect(r).not.toMatch(/[01OIL]/);
    const rows = await t.ctx.database.query<{ reference: string; number: number }>(
      `SELECT reference, number FROM missing_record WHERE reference = ANY($1) ORDER BY number`,
      [refs],
    );
    expect(rows.map((r) => r.reference)).toEqual(refs);
    const [dupes] = await t.ctx.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT reference FROM missing_record GROUP BY reference HAVING count(*) > 1) d`,
    );
    expect(dupes.n).toBe(0);
    // An official finds a record by its reference however it is typed.
    const mine = (await publicPost(t, '/api/v1/public/missing-reports', publicReport({ name: 'Ovi Dhande' }))).json().reference as string;
    const typed = mine.toLowerCase().replace(/-/g, ' ');
    const found = (await dcpo.get(`/api/v1/missing/records?status=pending_moderation&q=${encodeURIComponent(typed)}`)).json();
    expect(found.items.map((i: { reference: string }) => i.reference)).toEqual([mine]);
  });

  it('the audit entry of a public submission names no one', async () => {
    await publicPost(t, '/api/v1/public/missing-reports', publicReport({ name: 'Kavya Sudhir Bansod' }));
    const [a] = await t.ctx.database.query<{ details: unknown; actor_id: string | null }>(
      `SELECT details, actor_id FROM audit_event WHERE action = 'public_submit' ORDER BY seq DESC LIMIT 1`,
    );
    expect(a.actor_id).toBeNull();
    expect(JSON.stringify(a.details)).not.toMatch(/Kavya|Bansod|9822/);
  });

  it.each([
    ['GET', '/api/v1/missing/records'],
    ['GET', '/api/v1/missing/matches'],
    ['GET', '/api/v1/missing/labelled-pairs'],
    ['GET', '/api/v1/missing/restorations'],
    ['GET', '/api/v1/missing/records/00000000-0000-4000-8000-000000000000'],
    ['GET', '/api/v1/missing/records/00000000-0000-4000-8000-000000000000/photo'],
    ['POST', '/api/v1/missing/reports'],
    ['POST', '/api/v1/missing/found-children'],
  ])('without a session %s %s is 401', async (method, url) => {
    const payload = url.endsWith('/reports') ? missingReport() : url.endsWith('/found-children') ? foundChild() : undefined;
    const res = await t.app.inject({ method: method as 'GET', url, ...(payload ? { payload } : {}) });
    expect(res.statusCode).toBe(401);
  });

  it('the public paths have nothing to read: no listing, no lookup by reference', async () => {
    const ref = (await publicPost(t, '/api/v1/public/missing-reports', publicReport({ name: 'Arnav Dhole' }))).json().reference;
    for (const url of [
      '/api/v1/public/missing-reports',
      `/api/v1/public/missing-reports/${ref}`,
      '/api/v1/public/sightings',
      `/api/v1/public/sightings/${ref}`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'x-forwarded-for': nextIp() } });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toMatch(/Arnav|Dhole/);
    }
  });

  it("districts for the form's place picker are public reference data", async () => {
    const states = (await t.app.inject({ method: 'GET', url: '/api/v1/public/districts' })).json().items;
    expect(states.map((s: { code: number }) => s.code)).toContain(27);
    const districts = (await t.app.inject({ method: 'GET', url: '/api/v1/public/districts?stateCode=27' })).json().items;
    expect(districts.find((d: { code: number }) => d.code === AMRAVATI)).toMatchObject({ name: 'Amravati' });
  });
});

describe('rate limit: a few submissions per IP per hour', () => {
  it('the sixth submission from one address in an hour is refused with 429 and a clear body', async () => {
    const ip = '203.0.113.77';
    t.setNow(new Date()); // the limit counts per clock hour: a run across the hour's edge would start afresh
    for (let i = 0; i < 5; i++) expect((await publicPost(t, '/api/v1/public/sightings', publicSighting(), ip)).statusCode).toBe(201);
    const before = await countRows(t, 'missing_record');
    const res = await publicPost(t, '/api/v1/public/missing-reports', publicReport(), ip);
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'rate_limited', retryAfterSeconds: expect.any(Number) });
    expect(res.json().message).toMatch(/Try again in \d+ minute/);
    expect(res.headers['retry-after']).toBeDefined();
    expect(await countRows(t, 'missing_record')).toBe(before);
    // Another address is not affected, nor are officials (the limit is on the public routes only).
    expect((await publicPost(t, '/api/v1/public/sightings', publicSighting(), '203.0.113.78')).statusCode).toBe(201);
    for (let i = 0; i < 7; i++) expect((await dcpo.get('/api/v1/missing/records?pageSize=1')).statusCode).toBe(200);
  });

  it('invalid submissions count too (a form cannot be hammered with junk)', async () => {
    const ip = '203.0.113.90';
    t.setNow(new Date());
    for (let i = 0; i < 5; i++) expect((await publicPost(t, '/api/v1/public/sightings', { junk: true }, ip)).statusCode).toBe(400);
    expect((await publicPost(t, '/api/v1/public/sightings', publicSighting(), ip)).statusCode).toBe(429);
  });
});

describe('bad input is refused with the field named, and nothing is written', () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['report', 'no name in any script', { name: undefined }, 'name'],
    ['report', 'an impossible age', { ageYears: 25 }, 'ageYears'],
    ['report', 'a negative age', { ageYears: -1 }, 'ageYears'],
    ['report', 'a fractional age other than a half', { ageYears: 9.3 }, 'ageYears'],
    ['report', 'a date in the future', { lastSeenOn: '2999-01-01' }, 'lastSeenOn'],
    ['report', 'a date that does not exist', { lastSeenOn: '2025-02-30' }, 'lastSeenOn'],
    ['report', 'an impossibly old date', { lastSeenOn: '1960-05-01' }, 'lastSeenOn'],
    ['report', 'an unknown district', { districtCode: 99999 }, 'districtCode'],
    ['report', 'a district that is not a number', { districtCode: 'Amravati' }, 'districtCode'],
    ['report', 'a sex outside the vocabulary', { sex: 'boy' }, 'sex'],
    ['report', 'no phone number', { reporterPhone: undefined }, 'reporterPhone'],
    ['report', 'a phone number that is not one', { reporterPhone: 'call me' }, 'reporterPhone'],
    ['report', 'an implausible height', { heightCm: 500 }, 'heightCm'],
    ['report', 'oversized text', { description: 'x'.repeat(2001) }, 'description'],
    ['report', 'too many other names', { aliases: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'aliases'],
    ['report', 'an unknown field', { childId: '00000000-0000-4000-8000-000000000000' }, 'childId'],
    // Issue #17: the public form took a child named "12345" and a reporter named "x".
    ['report', 'a child named only with digits', { name: '12345' }, 'name'],
    ['report', 'a local-script name of digits', { nameLocal: '१२३' }, 'nameLocal'],
    ['report', 'a one-letter reporter', { reporterName: 'x' }, 'reporterName'],
    ['sighting', 'a one-letter reporter', { reporterName: 'x' }, 'reporterName'],
    ['sighting', 'a found date in the future', { foundOn: '2999-01-01' }, 'foundOn'],
    ['sighting', 'an impossible age', { ageYears: 40 }, 'ageYears'],
    ['sighting', 'an unknown field', { status: 'open' }, 'status'],
    ['sighting', 'a care place outside the vocabulary', { currentCare: 'jail' }, 'currentCare'],
  ];
  it.each(cases)('%s with %s → 400 naming %s', async (form, _what, over, field) => {
    const before = await countRows(t, 'missing_record');
    const body = form === 'report' ? publicReport(over) : publicSighting(over);
    const res = await publicPost(t, form === 'report' ? '/api/v1/public/missing-reports' : '/api/v1/public/sightings', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    const named = res
      .json()
      .issues.map((i: { field: string; message: string }) => `${i.field} ${i.message}`)
      .join(' | ');
    expect(named).toContain(field);
    expect(await countRows(t, 'missing_record')).toBe(before);
  });

  it('a body over 32 KB is refused before it is read', async () => {
    const res = await publicPost(t, '/api/v1/public/missing-reports', publicReport({ description: 'x'.repeat(40_000) }));
    expect(res.statusCode).toBe(413);
  });
});

describe('dates are checked on the IST calendar day', () => {
  it('at 01:30 IST a child last seen "today" (still yesterday in UTC) is accepted; tomorrow is refused', async () => {
    t.setNow(new Date('2026-03-10T20:00:00Z')); // 11 March, 01:30 IST
    expect((await publicPost(t, '/api/v1/public/missing-reports', publicReport({ lastSeenOn: '2026-03-11' }))).statusCode).toBe(201);
    const tomorrow = await publicPost(t, '/api/v1/public/missing-reports', publicReport({ lastSeenOn: '2026-03-12' }));
    expect(tomorrow.statusCode).toBe(400);
    expect(tomorrow.json().issues[0].field).toBe('lastSeenOn');
  });
});
