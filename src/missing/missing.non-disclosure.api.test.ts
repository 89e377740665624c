import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { initialsOf } from '../access/fields';
import { AKOLA, AMRAVATI, missingReport } from './missing.testkit';
import { jpegWithGps, multipart } from './photos.fixtures';

/**
 * Missing/found records, matches and photos read through the permitted-fields policy
 * (src/access/fields/policy.data.ts `missingRecord`, `missingMatch`, `photo`), with the CWC
 * non-disclosure order (JJ Act 2015 s.74(1)): a report linked to a registry child whose case is
 * under an order shows initials, is not found by name and keeps its photo from every reader who
 * may not identify the child (the helpline, another district's reviewers); the CWC and the
 * DCPU of the district still see it all.
 */
let t: TestApp;
let cwc: Client, dcpo: Client, helpline: Client, akola: Client, akolaWorker: Client, nodal: Client;
let k: { caseId: string; childId: string; villageId: string };
let reportId: string, foundId: string, matchId: string;
const NAME = 'Jyoti Ramesh Wankhade';

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-03-10T06:30:00Z'));
  [cwc, dcpo, helpline, akola, akolaWorker, nodal] = await Promise.all(
    ['cwc.amravati', 'dcpo.amravati', 'helpline.amravati', 'dcpo.akola', 'caseworker.akola', 'nodal.education'].map((u) => t.login(u)),
  );
  [k] = await t.ctx.database.query<typeof k>(
    `SELECT k.id AS "caseId", c.id AS "childId", c.village_id AS "villageId" FROM case_record k JOIN child c ON c.id = k.child_id
      WHERE k.district_code = ${AMRAVATI} AND k.status <> 'closed' AND c.village_id IS NOT NULL ORDER BY k.number LIMIT 1`,
  );
  const report = missingReport({
    name: NAME,
    sex: 'female',
    ageYears: 8,
    fatherName: 'Ramesh Wankhade',
    motherName: 'Sunita Wankhade',
    childId: k.childId,
    villageId: k.villageId,
    place: undefined,
    lastSeenOn: '2026-02-20',
    reporterName: 'Sunita Wankhade',
    reporterPhone: '9822044455',
  });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/missing/reports',
    ...multipart(
      [
        { name: 'data', value: JSON.stringify(report) },
        { name: 'photo', file: jpegWithGps(3) },
      ],
      { authorization: `Bearer ${dcpo.token}` },
    ),
  });
  expect(res.statusCode).toBe(201);
  reportId = res.json().id;
  const found = await akolaWorker.post('/api/v1/missing/found-children', {
    name: 'Jyoti',
    sex: 'female',
    ageYears: 8,
    districtCode: AKOLA,
    foundOn: '2026-03-01',
    foundPlace: 'Akola bus stand',
    source: 'police',
    currentCare: 'cci',
  });
  expect(found.statusCode).toBe(201);
  foundId = found.json().id;
  const m = (await akola.get(`/api/v1/missing/matches?recordId=${foundId}`))
    .json()
    .items.find((i: { missing: { id: string } }) => i.missing.id === reportId);
  matchId = m.id;
  // Amravati agrees: Akola sees the report in full, photo included (src/access/missing.ts).
  expect(
    (await dcpo.post(`/api/v1/missing/matches/${matchId}/decision`, { decision: 'confirm', note: 'Mother named the bus stand; same age' }))
      .statusCode,
  ).toBe(200);
});
afterAll(() => t.close());

const search = (c: Client, q: string) =>
  c.get(`/api/v1/missing/records?q=${encodeURIComponent(q)}&pageSize=100`).then((r) => r.json().items.map((i: { id: string }) => i.id));

describe('the permitted-fields policy on missing records', () => {
  it('the helpline reads reports of its district without the registry link (its field set)', async () => {
    const r = (await helpline.get(`/api/v1/missing/records/${reportId}`)).json();
    expect(r).toMatchObject({ name: NAME, fatherName: 'Ramesh Wankhade' });
    expect(r).not.toHaveProperty('childId');
    expect(r.withheld).toContain('childId');
    expect((await dcpo.get(`/api/v1/missing/records/${reportId}`)).json()).toMatchObject({ childId: k.childId });
  });

  it('a role the policy gives no reports reads none', async () => {
    expect((await nodal.get(`/api/v1/missing/records/${reportId}`)).statusCode).toBeGreaterThanOrEqual(403);
  });

  it('before any order, Akola sees the agreed report with its photo', async () => {
    const r = (await akola.get(`/api/v1/missing/records/${reportId}`)).json();
    expect(r).toMatchObject({ view: 'full', name: NAME, hasPhoto: true });
    expect((await akola.get(`/api/v1/missing/records/${reportId}/photo`)).statusCode).toBe(200);
  });
});

describe('under a CWC non-disclosure order on the linked child', () => {
  beforeAll(async () => {
    const res = await cwc.put(`/api/v1/cases/${k.caseId}/non-disclosure-order`, { orderRef: 'CWC/AMR/2026/90', orderedOn: '2026-03-09' });
    expect(res.statusCode).toBe(200);
  });

  it('the helpline and Akola get initials, the identifying fields absent, and the record is not found by name', async () => {
    for (const c of [helpline, akola]) {
      const r = (await c.get(`/api/v1/missing/records/${reportId}`)).json();
      expect(r.name).toBe(initialsOf(NAME));
      expect(r.initialsOnly).toBe(true);
      for (const f of ['nameLocal', 'fatherName', 'motherName']) expect(r).not.toHaveProperty(f);
      expect(r.withheld).toEqual(expect.arrayContaining(['fatherName', 'motherName', 'reporterName', 'photoStoredName']));
      expect(r.reporter?.name).toBeUndefined();
      expect(JSON.stringify(r)).not.toContain('Wankhade');
    }
    expect(await search(helpline, 'Jyoti')).not.toContain(reportId);
    // The public reference still finds it: a reference identifies the report, not the child.
    const ref = (await dcpo.get(`/api/v1/missing/records/${reportId}`)).json().reference;
    expect(await search(helpline, ref)).toContain(reportId);
  });

  it('the helpline may not overwrite a name it was not shown: 403 naming the field, nothing written', async () => {
    const r = (await helpline.get(`/api/v1/missing/records/${reportId}`)).json();
    const res = await helpline.patch(`/api/v1/missing/records/${reportId}`, { version: r.version, fatherName: 'Someone' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'field_forbidden', issues: [{ field: 'fatherName' }] });
    expect((await dcpo.get(`/api/v1/missing/records/${reportId}`)).json()).toMatchObject({
      fatherName: 'Ramesh Wankhade',
      version: r.version,
    });
  });

  it('the photo is withheld from them: 404, as for a record without one', async () => {
    expect((await akola.get(`/api/v1/missing/records/${reportId}/photo`)).statusCode).toBe(404);
    expect((await helpline.get(`/api/v1/missing/records/${reportId}/photo`)).statusCode).toBe(404);
    expect((await dcpo.get(`/api/v1/missing/records/${reportId}/photo`)).statusCode).toBe(200);
  });

  it('the helpline may not set the photo of a child it sees as initials: 403 naming photo, nothing written', async () => {
    const putPhoto = (c: Client, version: number) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/missing/records/${reportId}/photo`,
        ...multipart(
          [
            { name: 'version', value: String(version) },
            { name: 'file', file: jpegWithGps(1) },
          ],
          { authorization: `Bearer ${c.token}` },
        ),
      });
    const row = () =>
      t.ctx.database
        .query<{ version: number; sha: string }>('SELECT version, photo_sha256 AS sha FROM missing_record WHERE id = $1', [reportId])
        .then((r) => r[0]);
    const files = () => readdir(join(t.ctx.config.filesDir, 'missing'));
    const before = { row: await row(), files: await files() };
    const { version } = (await helpline.get(`/api/v1/missing/records/${reportId}`)).json();
    const res = await putPhoto(helpline, version);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'field_forbidden', issues: [{ field: 'photo' }] });
    expect(res.json().issues[0].message).toMatch(/non-disclosure order/);
    expect({ row: await row(), files: await files() }).toEqual(before);
    // The DCPU of the district, who may identify the child, still can.
    const ok = await putPhoto(dcpo, version);
    expect(ok.statusCode).toBe(200);
    expect((await row()).version).toBe(version + 1);
  });

  it('matches show the ordered side as initials to Akola, in the list, the read and the comparison', async () => {
    const list = (await akola.get(`/api/v1/missing/matches?recordId=${foundId}`)).json();
    const m = list.items.find((i: { id: string }) => i.id === matchId);
    expect(m.missing).toMatchObject({ name: initialsOf(NAME), initialsOnly: true });
    const one = await akola.get(`/api/v1/missing/matches/${matchId}`);
    expect(one.statusCode).toBe(200);
    expect(one.body).not.toContain('Wankhade');
    expect(one.json().missing.name).toBe(initialsOf(NAME));
    const found = (await akola.get(`/api/v1/missing/records/${foundId}`)).json();
    expect(JSON.stringify(found.matches)).not.toContain('Wankhade');
  });

  it('the CWC and the DCPU of the district still see the child named, and find it by name', async () => {
    for (const c of [cwc, dcpo]) {
      const r = (await c.get(`/api/v1/missing/records/${reportId}`)).json();
      expect(r).toMatchObject({ name: NAME, fatherName: 'Ramesh Wankhade' });
      expect(r.initialsOnly).toBeUndefined();
      const m = (await c.get(`/api/v1/missing/matches/${matchId}`)).json();
      expect(m.missing.name).toBe(NAME);
    }
    expect(await search(dcpo, 'Jyoti')).toContain(reportId);
  });
});
