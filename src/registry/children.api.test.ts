import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { villageId } from '../demo/seed';

let t: TestApp;
let amravati: Client; // caseworker, district 468
let akola: Client; // caseworker, district 467
let nodal: Client; // education nodal officer, 468: minimal view, no writes
let auditor: Client;
let rajuraWorker: Client; // frontline worker, village scope

beforeAll(async () => {
  t = await createTestApp();
  [amravati, akola, nodal, auditor, rajuraWorker] = await Promise.all(
    ['caseworker.amravati', 'caseworker.akola', 'nodal.education', 'auditor.mh', 'aww.rajura'].map((u) => t.login(u)),
  );
});
afterAll(() => t.close());

const newChild = (over: Record<string, unknown> = {}) => ({
  locationId: villageId('Wadali'),
  notDuplicate: { reason: 'a separate test fixture' },
  name: 'Sakshi Ingle',
  nameLocal: 'साक्षी इंगळे',
  sex: 'female',
  dob: '2016-04-02',
  careStatus: 'birth_family',
  ...over,
});
const childCount = async () => Number((await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM child'))[0].n);

describe('children: create and validate', () => {
  it('creates a child in the jurisdiction and reads it back', async () => {
    const res = await amravati.post('/api/v1/children', newChild());
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ name: 'Sakshi Ingle', districtCode: 468, villageId: villageId('Wadali'), version: 1 });
    const read = await amravati.get(`/api/v1/children/${c.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
  });

  it.each([
    ['name', { name: '' }],
    ['sex', { sex: 'boy' }],
    ['dob', { dob: '2016-02-30' }],
    ['dob', { dob: '2023-02-29' }],
    ['dob', { dob: '29/02/2016' }],
    ['dob', { dob: '2999-01-01' }],
    ['careStatus', { careStatus: 'somewhere' }],
    ['locationId', { locationId: undefined }],
  ])('refuses a bad %s with the field named, writing nothing', async (field, over) => {
    const before = await childCount();
    const res = await amravati.post('/api/v1/children', newChild(over));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(await childCount()).toBe(before);
  });

  it('refuses a place outside the jurisdiction and an unknown place', async () => {
    const before = await childCount();
    expect((await amravati.post('/api/v1/children', newChild({ locationId: villageId('Umri') }))).statusCode).toBe(403);
    expect((await amravati.post('/api/v1/children', newChild({ locationId: 'vi:nowhere' }))).json().issues[0].field).toBe('locationId');
    expect(await childCount()).toBe(before);
  });

  it('turns an estimated age into an estimated date of birth', async () => {
    const res = await amravati.post('/api/v1/children', newChild({ dob: undefined, ageYears: 9 }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ dobEstimated: true, age: 9 });
  });
});

describe('children: search across scripts and spellings', () => {
  it('"Laxmi" finds children written लक्ष्मी and Laxmi', async () => {
    const res = await amravati.get('/api/v1/children?q=Laxmi&pageSize=100');
    const names: string[] = res.json().items.map((i: { name: string }) => i.name);
    expect(names.some((n) => n.includes('लक्ष्मी'))).toBe(true);
    expect(names.some((n) => n.startsWith('Laxmi'))).toBe(true);
    expect(res.json().items.every((i: { districtCode: number }) => i.districtCode === 468)).toBe(true);
  });

  it('"Lakshmi" and "लक्ष्मी" find the same children as "Laxmi"', async () => {
    const ids = async (q: string) =>
      new Set(
        (await amravati.get(`/api/v1/children?q=${encodeURIComponent(q)}&pageSize=100`)).json().items.map((i: { id: string }) => i.id),
      );
    const a = await ids('Laxmi');
    expect(a.size).toBeGreaterThan(0);
    expect(await ids('Lakshmi')).toEqual(a);
    expect(await ids('लक्ष्मी')).toEqual(a);
  });

  it('"Mohd" finds "Mohammed"', async () => {
    const res = await amravati.get('/api/v1/children?q=Mohd&pageSize=100');
    const all = (
      await t.ctx.database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM child WHERE district_code = 468 AND (name ILIKE 'Mohammed%' OR name_local ILIKE 'Mohammed%')",
      )
    )[0].n;
    expect(all).toBeGreaterThan(0);
    expect(
      res.json().items.filter((i: { name: string; nameLocal: string | null }) => /Mohammed/.test(i.name + (i.nameLocal ?? ''))).length,
    ).toBe(all);
  });

  it('ranks the closest spelling first and narrows by sex and age', async () => {
    const res = await amravati.get('/api/v1/children?q=Laxmi&sex=male');
    expect(res.json().items).toEqual([]);
    const aged = await amravati.get('/api/v1/children?q=Laxmi&ageMin=0&ageMax=5&pageSize=100');
    for (const i of aged.json().items) expect(i.age).toBeLessThanOrEqual(5);
  });

  it('refuses ageMin above ageMax', async () => {
    const res = await amravati.get('/api/v1/children?ageMin=10&ageMax=5');
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toContain('ageMax');
  });
});

describe('children: jurisdiction and roles', () => {
  let amravatiChildId: string;
  beforeAll(async () => {
    amravatiChildId = (await amravati.get('/api/v1/children?pageSize=1')).json().items[0].id;
  });

  it('another district cannot read, list, search, count or export it', async () => {
    expect((await akola.get(`/api/v1/children/${amravatiChildId}`)).statusCode).toBe(404);
    const list = (await akola.get('/api/v1/children?pageSize=100')).json();
    expect(list.items.every((i: { districtCode: number }) => i.districtCode === 467)).toBe(true);
    const akolaCount = (await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM child WHERE district_code = 467'))[0].n;
    expect(list.total).toBe(akolaCount);
    const search = (await akola.get('/api/v1/children?q=Laxmi&pageSize=100')).json();
    expect(search.items.every((i: { districtCode: number }) => i.districtCode === 467)).toBe(true);
    const csv = (await akola.get('/api/v1/children/export?format=csv')).body;
    expect(csv).not.toContain(amravatiChildId);
    expect(csv.trim().split('\n').length - 1).toBe(akolaCount);
    expect((await akola.patch(`/api/v1/children/${amravatiChildId}`, { version: 1, name: 'X' })).statusCode).toBe(404);
  });

  it('an export with a name search holds what the search shows', async () => {
    const shown = (await amravati.get('/api/v1/children?q=Laxmi&pageSize=100')).json();
    const csv = (await amravati.get('/api/v1/children/export?format=csv&q=Laxmi')).body;
    expect(csv.trim().split('\n').length - 1).toBe(shown.total);
    for (const i of shown.items) expect(csv).toContain(i.id);
  });

  it('a 404 outside the jurisdiction looks the same as a record that does not exist', async () => {
    const outside = await akola.get(`/api/v1/children/${amravatiChildId}`);
    const missing = await akola.get('/api/v1/children/00000000-0000-4000-8000-000000000000');
    expect(outside.json()).toEqual(missing.json());
  });

  it('a village worker sees only her village', async () => {
    const list = (await rajuraWorker.get('/api/v1/children?pageSize=100')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((i: { villageId: string }) => i.villageId === villageId('Rajura'))).toBe(true);
  });

  it('a department nodal officer gets names only, and cannot write or export', async () => {
    const res = await nodal.get(`/api/v1/children/${amravatiChildId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().view).toBe('minimal');
    expect(res.json()).not.toHaveProperty('healthNotes');
    expect(res.json()).not.toHaveProperty('careStatus');
    expect(res.json()).not.toHaveProperty('family');
    expect((await nodal.post('/api/v1/children', newChild())).statusCode).toBe(403);
    expect((await nodal.get('/api/v1/children/export')).statusCode).toBe(403);
    expect((await auditor.patch(`/api/v1/children/${amravatiChildId}`, { version: 1, name: 'X' })).statusCode).toBe(403);
  });

  it('no session is 401, distinct from 403 and 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/children/${amravatiChildId}` });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });
});

describe('children: concurrent edits', () => {
  it('a stale update gets 409 with the current version and changes nothing', async () => {
    const c = (await amravati.post('/api/v1/children', newChild({ name: 'Gauri Kale' }))).json();
    const first = await amravati.patch(`/api/v1/children/${c.id}`, { version: 1, school: 'ZP School Wadali' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await amravati.patch(`/api/v1/children/${c.id}`, { version: 1, school: 'Other school' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { version: 2, school: 'ZP School Wadali' } });
    expect((await amravati.get(`/api/v1/children/${c.id}`)).json().school).toBe('ZP School Wadali');
  });

  it('two simultaneous edits at the same version: exactly one wins', async () => {
    const c = (await amravati.post('/api/v1/children', newChild({ name: 'Komal Raut' }))).json();
    const results = await Promise.all([
      amravati.patch(`/api/v1/children/${c.id}`, { version: 1, school: 'A' }),
      amravati.patch(`/api/v1/children/${c.id}`, { version: 1, school: 'B' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('accepts the version as an If-Match header', async () => {
    const c = (await amravati.post('/api/v1/children', newChild({ name: 'Shital Bhise' }))).json();
    const res = await amravati.patch(`/api/v1/children/${c.id}`, { version: 1, disability: 'low vision' });
    expect(res.headers.etag).toBe('"2"');
  });
});

describe('children: audit', () => {
  it('every read and write leaves an entry; the access log shows who looked', async () => {
    const c = (await amravati.post('/api/v1/children', newChild({ name: 'Mayuri Dongre' }))).json();
    await amravati.get(`/api/v1/children/${c.id}`);
    await amravati.patch(`/api/v1/children/${c.id}`, { version: 1, school: 'ZP' });
    const log = await auditor.get(`/api/v1/children/${c.id}/access-log`);
    expect(log.statusCode).toBe(200);
    const actions = log.json().items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'read', 'update']));
    expect(log.json().items[0].actor.username).toBe('caseworker.amravati');
    expect((await amravati.get(`/api/v1/children/${c.id}/access-log`)).statusCode).toBe(403);
    expect((await t.login('dcpo.akola').then((k) => k.get(`/api/v1/children/${c.id}/access-log`))).statusCode).toBe(404);
  });

  it('lists are audited with the ids shown, never names', async () => {
    await amravati.get('/api/v1/children?q=Laxmi');
    const [row] = await t.ctx.database.query<{ details: { ids: string[] }; action: string }>(
      "SELECT details, action FROM audit_event WHERE action = 'search' ORDER BY seq DESC LIMIT 1",
    );
    expect(row.details.ids.length).toBeGreaterThan(0);
    expect(JSON.stringify(row.details)).not.toMatch(/Laxmi|लक्ष्मी/);
  });
});
