import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { AKOLA, AMRAVATI, countRows, missingReport, publicPost, publicSighting } from './missing.testkit';
import { jpegWithGps, multipart } from './photos.fixtures';
import { getRecordSystem, getRecordsSeen } from './missing.repository';
import { MISSING_RECORD_FIELDS, fieldShown } from '../access/missing';
import type { Actor } from '../access/policy';

/**
 * Issue #11 "found-child records open another district's reports", as it was reproduced:
 * caseworker.akola records a made-up found child (Jyoti, girl, 8, Akola, police) that the
 * engine matches to an Amravati report. Akola now sees only what a reviewer needs to judge
 * the pair until Amravati agrees, a confirmation takes both districts (or Amravati's CWC),
 * and every look from outside is in the audit log against the viewer.
 */
let t: TestApp;
let amravati: Client, cwcAmravati: Client, akola: Client, akolaWorker: Client;
let childId: string, villageId: string;
let reportId: string, foundId: string, matchId: string;
const REPORTER_PHONE = '9822044455';

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-03-10T06:30:00Z'));
  [amravati, cwcAmravati, akola, akolaWorker] = await Promise.all(
    ['dcpo.amravati', 'cwc.amravati', 'dcpo.akola', 'caseworker.akola'].map((u) => t.login(u)),
  );
  const [kid] = await t.ctx.database.query<{ id: string; village_id: string }>(
    `SELECT id, village_id FROM child WHERE district_code = ${AMRAVATI} AND care_status = 'birth_family' AND village_id IS NOT NULL ORDER BY id LIMIT 1`,
  );
  [childId, villageId] = [kid.id, kid.village_id];
  // The registry says the child is missing (as a DCPO would record it with the report).
  await t.ctx.database.query(`UPDATE child SET care_status = 'missing' WHERE id = $1`, [childId]);
  const report = missingReport({
    name: 'Jyoti Ramesh Wankhade',
    sex: 'female',
    ageYears: 8,
    fatherName: 'Ramesh Wankhade',
    motherName: 'Sunita Wankhade',
    childId,
    villageId,
    place: undefined,
    address: 'House 12, near the temple',
    marks: 'burn mark on right wrist',
    clothing: 'red frock',
    description: 'shy, speaks Varhadi',
    lastSeenOn: '2026-02-20',
    reporterName: 'Sunita Wankhade',
    reporterRelation: 'mother',
    reporterPhone: REPORTER_PHONE,
    policeStation: 'Badnera',
    firNumber: '77/2026',
  });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/missing/reports',
    ...multipart(
      [
        { name: 'data', value: JSON.stringify(report) },
        { name: 'photo', file: jpegWithGps(3) },
      ],
      { authorization: `Bearer ${amravati.token}` },
    ),
  });
  expect(res.statusCode).toBe(201);
  reportId = res.json().id;
});
afterAll(() => t.close());

const auditRows = (actor: string, entityId: string) =>
  t.ctx.database.query<{ action: string; district_code: number; details: Record<string, unknown> }>(
    `SELECT a.action, a.district_code, a.details FROM audit_event a JOIN app_user u ON u.id = a.actor_id WHERE u.username = $1 AND a.entity_id = $2 ORDER BY a.seq`,
    [actor, entityId],
  );

describe('a found child in Akola matched to an Amravati report', () => {
  it('the made-up found child is matched to the Amravati report', async () => {
    const res = await akolaWorker.post('/api/v1/missing/found-children', {
      name: 'Jyoti',
      sex: 'female',
      ageYears: 8,
      districtCode: AKOLA,
      foundOn: '2026-03-01',
      foundPlace: 'Akola bus stand',
      source: 'police',
      currentCare: 'cci',
      currentPlace: 'Children Home, Akola',
    });
    expect(res.statusCode).toBe(201);
    foundId = res.json().id;
    const m = (await akola.get(`/api/v1/missing/matches?recordId=${foundId}`))
      .json()
      .items.find((i: { missing: { id: string } }) => i.missing.id === reportId);
    expect(m).toBeTruthy();
    matchId = m.id;
  });

  it('Akola reads the report at the compared view: no address, police details, registry link, village or photo; the phone masked', async () => {
    const res = await akolaWorker.get(`/api/v1/missing/records/${reportId}`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      access: 'via_match',
      view: 'compared',
      name: 'Jyoti Ramesh Wankhade',
      sex: 'female',
      ageYears: 8,
      fatherName: 'Ramesh Wankhade',
      motherName: 'Sunita Wankhade',
      marks: 'burn mark on right wrist',
      districtCode: AMRAVATI,
      eventDate: '2026-02-20',
      childId: null,
      villageId: null,
      address: null,
      clothing: null,
      description: null,
      policeStation: null,
      firNumber: null,
      hasPhoto: false,
      moderation: null,
      reporter: { name: null, relation: 'mother', email: null },
    });
    expect(r.reporter.phone).toMatch(/^•+55$/);
    expect(res.body).not.toContain(childId);
    expect(res.body).not.toContain(REPORTER_PHONE);
    expect(res.body).not.toContain('temple');
    expect((await akolaWorker.get(`/api/v1/missing/records/${reportId}/photo`)).statusCode).toBe(404);
  });

  it('the review screen of either Akola user shows the pair to judge, and the same limited side', async () => {
    for (const c of [akola, akolaWorker]) {
      const m = (await c.get(`/api/v1/missing/matches/${matchId}`)).json();
      expect(m.comparison.left).toMatchObject({ name: 'Jyoti Ramesh Wankhade', father_name: 'Ramesh Wankhade' });
      expect(m.missing).toMatchObject({ view: 'compared', childId: null, hasPhoto: false });
      expect(m.found).toMatchObject({ view: 'full', access: 'own', currentPlace: 'Children Home, Akola' });
      const list = (await c.get('/api/v1/missing/matches?pageSize=100')).json();
      const item = list.items.find((i: { id: string }) => i.id === matchId);
      expect(item.missing).toMatchObject({ view: 'compared', address: null });
      expect(JSON.stringify(list)).not.toContain(REPORTER_PHONE);
    }
  });

  it('every look from Akola is audited against the viewer, at the report’s district', async () => {
    const rows = await auditRows('caseworker.akola', reportId);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows) {
      expect(r.district_code).toBe(AMRAVATI);
      expect(r.details).toMatchObject({ via: 'match', view: 'compared' });
    }
    expect(rows.some((r) => r.details.matchId === matchId)).toBe(true);
    expect(rows.some((r) => r.details.list === 'missing_match')).toBe(true);
  });

  it('the Akola DCPO confirming alone only records Akola’s agreement: the report stays open, no restoration', async () => {
    const restorations = await countRows(t, 'missing_restoration');
    const res = await akola.post(`/api/v1/missing/matches/${matchId}/decision`, {
      decision: 'confirm',
      note: 'She says her father is Ramesh',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'proposed',
      restoration: null,
      agreement: { waitingFor: ['missing'], found: { at: expect.any(String) } },
    });
    expect((await amravati.get(`/api/v1/missing/records/${reportId}`)).json().status).toBe('open');
    expect(await countRows(t, 'missing_restoration')).toBe(restorations);
    const again = await akola.post(`/api/v1/missing/matches/${matchId}/decision`, { decision: 'confirm', note: 'She says it again' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_agreed');
    // Akola's agreement opens Akola's record to Amravati in full; Amravati's report stays limited.
    expect((await amravati.get(`/api/v1/missing/records/${foundId}`)).json()).toMatchObject({
      view: 'full',
      currentPlace: 'Children Home, Akola',
    });
    expect((await akolaWorker.get(`/api/v1/missing/records/${reportId}`)).json().view).toBe('compared');
  });

  it('Amravati agreeing confirms the match; the restoration case opens for the linked registry child', async () => {
    const res = await amravati.post(`/api/v1/missing/matches/${matchId}/decision`, {
      decision: 'confirm',
      note: 'Mother recognised her on a video call',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'confirmed',
      agreement: { confirmedAs: 'both_sides' },
      restoration: { status: 'case_opened', childId },
    });
  });

  it('after the confirmation Akola sees the report in full, still without the registry link or the village', async () => {
    const r = (await akolaWorker.get(`/api/v1/missing/records/${reportId}`)).json();
    expect(r).toMatchObject({ view: 'full', address: 'House 12, near the temple', hasPhoto: true, childId: null, villageId: null });
    expect(r.reporter.phone).toBe(REPORTER_PHONE);
    expect((await akolaWorker.get(`/api/v1/missing/records/${reportId}/photo`)).statusCode).toBe(200);
    const rows = await auditRows('caseworker.akola', reportId);
    expect(rows.at(-1)!.action).toBe('download');
    expect(rows.at(-1)!.details).toMatchObject({ via: 'match', view: 'full', photo: true });
  });
});

describe('the report’s own district agreeing first discloses the report; its CWC confirms alone', () => {
  let report: string, found: string, match: string;

  it('the photo and the full report reach Akola only after Amravati agrees', async () => {
    report = (
      await amravati.post(
        '/api/v1/missing/reports',
        missingReport({
          name: 'Pallavi Sudam Kale',
          sex: 'female',
          ageYears: 10,
          fatherName: 'Sudam Kale',
          motherName: 'Rupali Kale',
          lastSeenOn: '2026-02-01',
          address: 'Ward 4',
        }),
      )
    ).json().id;
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/missing/records/${report}/photo`,
      ...multipart(
        [
          { name: 'version', value: '1' },
          { name: 'file', file: jpegWithGps(4) },
        ],
        { authorization: `Bearer ${amravati.token}` },
      ),
    });
    found = (
      await akola.post('/api/v1/missing/found-children', {
        name: 'पल्लवी काळे',
        sex: 'female',
        ageYears: 10,
        fatherName: 'सुदाम',
        districtCode: AKOLA,
        foundOn: '2026-02-15',
        source: 'police',
      })
    ).json().id;
    match = (await akola.get(`/api/v1/missing/matches?recordId=${found}`))
      .json()
      .items.find((i: { missing: { id: string } }) => i.missing.id === report).id;
    expect((await akola.get(`/api/v1/missing/records/${report}/photo`)).statusCode).toBe(404);
    expect((await akola.get(`/api/v1/missing/records/${report}`)).json()).toMatchObject({ view: 'compared', address: null });
    expect(
      (await amravati.post(`/api/v1/missing/matches/${match}/decision`, { decision: 'confirm', note: 'Father knows the mark' })).json(),
    ).toMatchObject({
      status: 'proposed',
      agreement: { waitingFor: ['found'] },
    });
    expect((await akola.get(`/api/v1/missing/records/${report}`)).json()).toMatchObject({
      view: 'full',
      address: 'Ward 4',
      hasPhoto: true,
      childId: null,
    });
    expect((await akola.get(`/api/v1/missing/records/${report}/photo`)).statusCode).toBe(200);
    // Akola's record is still limited for Amravati: Akola has not agreed.
    expect((await amravati.get(`/api/v1/missing/records/${found}`)).json().view).toBe('compared');
  });

  it('the CWC of the report’s district confirms without the finding district', async () => {
    const res = await cwcAmravati.post(`/api/v1/missing/matches/${match}/decision`, {
      decision: 'confirm',
      note: 'CWC: identity established with the parents',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', agreement: { confirmedAs: 'cwc' } });
  });
});

describe('a rejected cross-district pair', () => {
  it('leaves the other district a bare reference, in reads and in the labelled pairs', async () => {
    const report = (
      await amravati.post(
        '/api/v1/missing/reports',
        missingReport({
          name: 'Rohit Dnyaneshwar Thakre',
          fatherName: 'Dnyaneshwar Thakre',
          motherName: 'Vaishali Thakre',
          lastSeenOn: '2026-01-10',
        }),
      )
    ).json().id;
    const found = (
      await akola.post('/api/v1/missing/found-children', {
        name: 'Rohit Thakre',
        sex: 'male',
        ageYears: 11,
        fatherName: 'Dnyaneshwar',
        districtCode: AKOLA,
        foundOn: '2026-01-20',
        source: 'police',
      })
    ).json().id;
    const m = (await akola.get(`/api/v1/missing/matches?recordId=${found}`))
      .json()
      .items.find((i: { missing: { id: string } }) => i.missing.id === report);
    expect((await akola.post(`/api/v1/missing/matches/${m.id}/decision`, { decision: 'reject', note: 'different boy' })).statusCode).toBe(
      200,
    );
    expect((await akola.get(`/api/v1/missing/records/${report}`)).statusCode).toBe(404);
    const csv = (await akola.get('/api/v1/missing/labelled-pairs')).body;
    const line = csv.split('\n').find((l) => l.includes(m.id))!;
    expect(line).toContain('Rohit Thakre');
    expect(line).not.toContain('Dnyaneshwar Thakre');
    expect(line).not.toContain('Vaishali');
  });
});

describe('moderation stays in the moderator’s jurisdiction', () => {
  it('accepting an Akola submission into Amravati is 403 outside_jurisdiction naming districtCode, and changes nothing', async () => {
    const ref = (
      await publicPost(t, '/api/v1/public/sightings', publicSighting({ districtCode: AKOLA, description: 'girl at the bus stand' }))
    ).json().reference;
    const [row] = await t.ctx.database.query<{ id: string; version: number }>(
      `SELECT id, version FROM missing_record WHERE reference = $1`,
      [ref],
    );
    const res = await akola.post(`/api/v1/missing/records/${row.id}/moderation`, { decision: 'accept', districtCode: AMRAVATI });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'outside_jurisdiction', issues: [{ field: 'districtCode' }] });
    const [after] = await t.ctx.database.query<{ status: string; district_code: number; version: number }>(
      `SELECT status, district_code, version FROM missing_record WHERE id = $1`,
      [row.id],
    );
    expect(after).toEqual({ status: 'pending_moderation', district_code: AKOLA, version: row.version });
    // Within the jurisdiction it is accepted.
    expect((await akola.post(`/api/v1/missing/records/${row.id}/moderation`, { decision: 'accept' })).statusCode).toBe(200);
  });
});

describe('the SQL projection and the in-memory field rule agree', () => {
  it('for every record and several readers, each column is shown, masked or withheld as MISSING_RECORD_FIELDS says', async () => {
    const district = (districtCode: number): Actor => ({
      userId: '00000000-0000-4000-8000-000000000001',
      username: 'x',
      displayName: 'x',
      role: 'dcpu_officer',
      organisationId: null,
      organisationKind: null,
      scope: { level: 'district', stateCode: 27, districtCode },
    });
    const ids = (await t.ctx.database.query<{ id: string }>('SELECT id FROM missing_record')).map((r) => r.id);
    const views = new Set<string>();
    for (const actor of [district(AMRAVATI), district(AKOLA), district(490 /* Pune */)]) {
      for (const seen of await getRecordsSeen(t.ctx.db, actor, ids)) {
        views.add(seen.view);
        const full = (await getRecordSystem(t.ctx.db, seen.id))!;
        for (const col of Object.keys(MISSING_RECORD_FIELDS) as (keyof typeof MISSING_RECORD_FIELDS)[]) {
          const rule = fieldShown(col, seen.view);
          const got = seen[col],
            want = full[col];
          if (rule === 'yes') expect(got, `${seen.view} ${col}`).toEqual(want);
          else if (rule === 'no') expect(got, `${seen.view} ${col}`).toBeNull();
          else if (want == null) expect(got).toBeNull();
          else {
            expect(got).not.toEqual(want);
            expect(String(got)).toMatch(/•/);
          }
        }
      }
    }
    expect([...views].sort()).toEqual(['compared', 'full', 'own', 'reference']);
  });
});
