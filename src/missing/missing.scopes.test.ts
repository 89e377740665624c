import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { villageId } from '../demo/seed';
import { AKOLA, AMRAVATI, countRows, foundChild, missingReport } from './missing.testkit';

/**
 * Who sees which record: one's own jurisdiction, plus another district's record only through a
 * proposed or confirmed match that reaches into one's own. Roles without the right get 403.
 */
let t: TestApp;
let amravati: Client; // dcpo 468
let akola: Client; // dcpo 467
let akolaWorker: Client; // caseworker 467: missing.read/write, no review
let admin: Client; // state 27
let nodal: Client; // no missing rights
let auditor: Client; // no missing rights
let aww: Client; // frontline worker, village Rajura: missing.write only
let helpline: Client; // helpline operator 468: missing.read/write, no review

beforeAll(async () => {
  t = await createTestApp();
  [amravati, akola, akolaWorker, admin, nodal, auditor, aww, helpline] = await Promise.all(
    ['dcpo.amravati', 'dcpo.akola', 'caseworker.akola', 'admin', 'nodal.education', 'auditor.mh', 'aww.rajura', 'helpline.amravati'].map(
      (u) => t.login(u),
    ),
  );
});
afterAll(() => t.close());

const ids = async (c: Client, url: string): Promise<string[]> => (await c.get(url)).json().items.map((i: { id: string }) => i.id);

describe('another district cannot see unmatched reports', () => {
  let reportId: string;

  it('a report in Amravati is invisible to Akola until something matches it', async () => {
    const res = await amravati.post(
      '/api/v1/missing/reports',
      missingReport({ name: 'Yash Prakash Raut', fatherName: 'Prakash Raut', motherName: 'Shobha Raut' }),
    );
    expect(res.statusCode).toBe(201);
    reportId = res.json().id;
    for (const c of [akola, akolaWorker]) {
      expect((await c.get(`/api/v1/missing/records/${reportId}`)).statusCode).toBe(404);
      expect(await ids(c, '/api/v1/missing/records?pageSize=100')).not.toContain(reportId);
      expect((await c.get(`/api/v1/missing/records/${reportId}/photo`)).statusCode).toBe(404);
    }
    expect(await ids(admin, '/api/v1/missing/records?pageSize=100&kind=missing')).toContain(reportId);
  });

  it('a found child in Akola that matches opens the report to Akola, through the match only', async () => {
    const f = await akola.post(
      '/api/v1/missing/found-children',
      foundChild({ name: 'यश राऊत', sex: 'male', ageYears: 11, fatherName: 'प्रकाश राऊत', foundOn: '2025-09-03', marks: null }),
    );
    expect(f.statusCode).toBe(201);
    const read = await akolaWorker.get(`/api/v1/missing/records/${reportId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ access: 'via_match', name: 'Yash Prakash Raut', districtCode: AMRAVATI });
    // Through the match, not into Akola's own lists or edits.
    expect(await ids(akola, '/api/v1/missing/records?pageSize=100')).not.toContain(reportId);
    expect((await akola.patch(`/api/v1/missing/records/${reportId}`, { version: 1, heightCm: 140 })).statusCode).toBe(404);
    const m = (await akola.get(`/api/v1/missing/matches?recordId=${reportId}`)).json().items[0];
    expect(m.missing.id).toBe(reportId);
    expect(m.found.districtCode).toBe(AKOLA);
  });

  it("rejecting the match closes that door again; the decision stays visible without the other child's details", async () => {
    const m = (await amravati.get(`/api/v1/missing/matches?recordId=${reportId}`)).json().items[0];
    expect(
      (await amravati.post(`/api/v1/missing/matches/${m.id}/decision`, { decision: 'reject', note: 'different child' })).statusCode,
    ).toBe(200);
    expect((await akolaWorker.get(`/api/v1/missing/records/${reportId}`)).statusCode).toBe(404);
    const rejected = (await akola.get('/api/v1/missing/matches?status=rejected&pageSize=100'))
      .json()
      .items.find((x: { id: string }) => x.id === m.id);
    expect(rejected.missing).toMatchObject({ redacted: true, districtCode: AMRAVATI });
    expect(rejected.missing.name).toBeUndefined();
    expect(rejected.found.name).toBe('यश राऊत');
    expect((await akola.get(`/api/v1/missing/matches/${m.id}`)).json().comparison).toBeNull();
  });
});

describe('roles and places', () => {
  it.each([
    ['nodal officer', () => nodal],
    ['auditor', () => auditor],
    ['frontline worker', () => aww],
  ])('a %s without missing.read gets 403 on the lists', async (_who, c) => {
    for (const url of ['/api/v1/missing/records', '/api/v1/missing/matches', '/api/v1/missing/restorations'])
      expect((await c().get(url)).statusCode).toBe(403);
  });

  it('only reviewers moderate, decide and export', async () => {
    const pending = (await amravati.get('/api/v1/missing/records?status=pending_moderation')).json().items[0];
    expect((await helpline.post(`/api/v1/missing/records/${pending.id}/moderation`, { decision: 'accept' })).statusCode).toBe(403);
    expect((await helpline.get('/api/v1/missing/labelled-pairs')).statusCode).toBe(403);
    const m = (await helpline.get('/api/v1/missing/matches?status=proposed')).json().items[0];
    expect(
      (await helpline.post(`/api/v1/missing/matches/${m.id}/decision`, { decision: 'confirm', note: 'the caller knows her' })).statusCode,
    ).toBe(403);
    // Another district's reviewer cannot moderate what it does not see.
    expect((await akola.post(`/api/v1/missing/records/${pending.id}/moderation`, { decision: 'accept' })).statusCode).toBe(404);
  });

  it('an official files reports only inside the jurisdiction', async () => {
    const before = await countRows(t, 'missing_record');
    expect((await akola.post('/api/v1/missing/reports', missingReport())).statusCode).toBe(403);
    // A village-level worker reports from the village, not for the whole district.
    expect((await aww.post('/api/v1/missing/reports', missingReport())).statusCode).toBe(403);
    expect(await countRows(t, 'missing_record')).toBe(before);
    const ok = await aww.post(
      '/api/v1/missing/reports',
      missingReport({ villageId: villageId('Rajura'), place: undefined, name: 'Gauri Pawar' }),
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ villageId: villageId('Rajura'), place: 'Rajura' });
    expect((await aww.post('/api/v1/missing/reports', missingReport({ villageId: villageId('Umri') }))).statusCode).toBe(400);
  });

  it('a registry child outside the jurisdiction cannot be linked', async () => {
    const [kid] = await t.ctx.database.query<{ id: string }>(`SELECT id FROM child WHERE district_code = ${AKOLA} LIMIT 1`);
    const res = await amravati.post('/api/v1/missing/reports', missingReport({ childId: kid.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toBe('childId');
  });

  it('the state administrator sees both districts', async () => {
    const districts = new Set(
      (await admin.get('/api/v1/missing/records?pageSize=100')).json().items.map((i: { districtCode: number }) => i.districtCode),
    );
    expect(districts.has(AMRAVATI) && districts.has(AKOLA)).toBe(true);
  });

  it('every read is audited, with ids and no names', async () => {
    const [r] = await t.ctx.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'missing_record' AND action = 'read'`,
    );
    expect(r.n).toBeGreaterThan(0);
    const rows = await t.ctx.database.query<{ details: unknown }>(`SELECT details FROM audit_event WHERE entity_type LIKE 'missing_%'`);
    expect(JSON.stringify(rows)).not.toMatch(/Raut|राऊत|Gawande/);
  });
});
