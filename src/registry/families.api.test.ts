import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { villageId } from '../demo/seed';

let t: TestApp;
let cw: Client;
let akola: Client;
let nodal: Client;
let aww: Client;

beforeAll(async () => {
  t = await createTestApp();
  [cw, akola, nodal, aww] = await Promise.all(
    ['caseworker.amravati', 'caseworker.akola', 'nodal.health', 'aww.rajura'].map((u) => t.login(u)),
  );
});
afterAll(() => t.close());

const count = async (table: string) => Number((await t.ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
const newFamily = (over: Record<string, unknown> = {}) => ({
  locationId: villageId('Dhamak'),
  notDuplicate: { reason: 'a separate test fixture' },
  headName: 'Sunanda Wankhede',
  headNameLocal: 'सुनंदा वानखडे',
  caregiverType: 'single_mother',
  annualIncome: 48000,
  rationCard: 'phh',
  vulnerabilityFactors: ['parent_death', 'suicide_in_family'],
  ...over,
});

// Runs first: it checks the untouched seeded baseline.
describe('vulnerability mapping', () => {
  it('summarises the seeded baseline by village, taluka and district from the records', async () => {
    const dcpo = await t.login('admin');
    const map = (await dcpo.get('/api/v1/vulnerability-map')).json();
    const demo = map.villages.filter((v: { villageId: string }) => v.villageId?.startsWith('vi:demo-'));
    expect(demo).toHaveLength(10);
    const sum = (k: string) => demo.reduce((a: number, v: Record<string, number>) => a + v[k], 0);
    expect(sum('families')).toBe(149);
    expect(sum('children')).toBe(204);
    expect(sum('childrenWithBirthFamily')).toBe(121);
    const rajura = demo.find((v: { villageName: string }) => v.villageName === 'Rajura');
    expect(rajura.factors.nomadic_denotified_tribe).toBeGreaterThan(10);
    expect(map.districts.map((d: { code: number }) => d.code).sort()).toEqual([467, 468]);
  });

  it('a district officer sees only their district; a village worker only her village', async () => {
    const akolaMap = (await akola.get('/api/v1/vulnerability-map')).json();
    expect(akolaMap.villages.every((v: { districtCode: number }) => v.districtCode === 467)).toBe(true);
    const mine = (await aww.get('/api/v1/vulnerability-map')).json();
    expect(mine.villages.map((v: { villageId: string }) => v.villageId)).toEqual([villageId('Rajura')]);
    expect((await nodal.get('/api/v1/vulnerability-map')).statusCode).toBe(403);
  });

  it('records a survey, refusing families from another village', async () => {
    const list = (await cw.get(`/api/v1/families?villageId=${villageId('Jalka')}&pageSize=2`)).json().items;
    const other = (await cw.get(`/api/v1/families?villageId=${villageId('Kurha')}&pageSize=1`)).json().items[0];
    const before = await count('village_survey');
    const bad = await cw.post(`/api/v1/villages/${villageId('Jalka')}/surveys`, {
      surveyedOn: '2026-10-01',
      householdsVisited: 40,
      visits: [{ familyId: other.id, atRisk: true }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('visits.0.familyId');
    expect(await count('village_survey')).toBe(before);
    const ok = await cw.post(`/api/v1/villages/${villageId('Jalka')}/surveys`, {
      surveyedOn: '2026-10-01',
      householdsVisited: 40,
      visits: list.map((f: { id: string }) => ({ familyId: f.id, atRisk: true, reasons: ['seasonal_migration'] })),
    });
    expect(ok.statusCode).toBe(201);
    expect(
      (await akola.post(`/api/v1/villages/${villageId('Jalka')}/surveys`, { surveyedOn: '2026-10-01', householdsVisited: 1 })).statusCode,
    ).toBe(403);
  });
});

describe('families', () => {
  it('creates a family, adds members and children, and shows them on its page', async () => {
    const f = (await cw.post('/api/v1/families', newFamily())).json();
    expect(f).toMatchObject({ districtCode: 468, villageId: villageId('Dhamak'), version: 1 });
    const m = await cw.post(`/api/v1/families/${f.id}/members`, {
      name: 'Vitthal Wankhede',
      relationship: 'father',
      alive: false,
      deathDate: '2024-03-02',
      deathCause: 'suicide',
    });
    expect(m.statusCode).toBe(201);
    const c = await cw.post('/api/v1/children', {
      familyId: f.id,
      name: 'Sneha Wankhede',
      sex: 'female',
      ageYears: 11,
      careStatus: 'birth_family',
    });
    expect(c.statusCode).toBe(201);
    expect(c.json().villageId).toBe(villageId('Dhamak'));
    const page = (await cw.get(`/api/v1/families/${f.id}`)).json();
    expect(page.members).toHaveLength(1);
    expect(page.children.map((x: { name: string }) => x.name)).toEqual(['Sneha Wankhede']);
    expect(page.children[0].missingDocuments).toEqual(['birth_certificate', 'aadhaar', 'bank_account']);
    expect(page.missingDocuments).toContain('ration_card');
  });

  it.each([
    ['headName', { headName: '  ' }],
    ['caregiverType', { caregiverType: 'uncle' }],
    ['annualIncome', { annualIncome: -5 }],
    ['vulnerabilityFactors.0', { vulnerabilityFactors: ['bad_luck'] }],
    ['locationId', { locationId: '' }],
  ])('refuses a bad %s and writes nothing', async (field, over) => {
    const before = await count('family');
    const res = await cw.post('/api/v1/families', newFamily(over));
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(await count('family')).toBe(before);
  });

  it('refuses a living member with a death date, naming the field', async () => {
    const f = (await cw.post('/api/v1/families', newFamily())).json();
    const res = await cw.post(`/api/v1/families/${f.id}/members`, {
      name: 'X',
      relationship: 'mother',
      alive: true,
      deathDate: '2020-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toBe('deathDate');
    expect((await cw.get(`/api/v1/families/${f.id}`)).json().members).toHaveLength(0);
  });

  it('stale family and member updates get 409', async () => {
    const f = (await cw.post('/api/v1/families', newFamily())).json();
    expect((await cw.patch(`/api/v1/families/${f.id}`, { version: 1, annualIncome: 50000 })).statusCode).toBe(200);
    const stale = await cw.patch(`/api/v1/families/${f.id}`, { version: 1, annualIncome: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.annualIncome).toBe(50000);
    const m = (await cw.post(`/api/v1/families/${f.id}/members`, { name: 'Kamal', relationship: 'grandmother' })).json();
    expect((await cw.patch(`/api/v1/families/${f.id}/members/${m.id}`, { version: 1, age: 66 })).statusCode).toBe(200);
    expect((await cw.patch(`/api/v1/families/${f.id}/members/${m.id}`, { version: 1, age: 67 })).statusCode).toBe(409);
  });

  it('a patch changes only the fields it names (defaults never overwrite)', async () => {
    const f = (await cw.post('/api/v1/families', newFamily({ areaType: 'urban' }))).json();
    const res = await cw.patch(`/api/v1/families/${f.id}`, { version: 1, occupation: 'tailor' });
    expect(res.json()).toMatchObject({
      occupation: 'tailor',
      areaType: 'urban',
      vulnerabilityFactors: ['parent_death', 'suicide_in_family'],
    });
    const m = (
      await cw.post(`/api/v1/families/${f.id}/members`, { name: 'Vitthal', relationship: 'father', alive: false, deathDate: '2024-03-02' })
    ).json();
    const pm = await cw.patch(`/api/v1/families/${f.id}/members/${m.id}`, { version: 1, occupation: 'farmer' });
    expect(pm.json()).toMatchObject({ alive: false, deathDate: '2024-03-02', occupation: 'farmer' });
  });

  it("search finds a family by the head's name in either script", async () => {
    await cw.post('/api/v1/families', newFamily({ headName: 'Pandurang Meshram', headNameLocal: 'पांडुरंग मेश्राम' }));
    const latin = (await cw.get('/api/v1/families?q=Pandurang%20Meshram')).json();
    const dev = (await cw.get(`/api/v1/families?q=${encodeURIComponent('पांडुरंग')}`)).json();
    expect(latin.items[0].headName).toBe('Pandurang Meshram');
    expect(dev.items.map((i: { headName: string }) => i.headName)).toContain('Pandurang Meshram');
  });

  it('another district cannot read, list, edit or add to the family; a nodal officer sees no history', async () => {
    const f = (await cw.post('/api/v1/families', newFamily())).json();
    expect((await akola.get(`/api/v1/families/${f.id}`)).statusCode).toBe(404);
    expect(
      (await akola.get('/api/v1/families?pageSize=100')).json().items.every((i: { districtCode: number }) => i.districtCode === 467),
    ).toBe(true);
    expect((await akola.patch(`/api/v1/families/${f.id}`, { version: 1, notes: 'x' })).statusCode).toBe(404);
    expect((await akola.post(`/api/v1/families/${f.id}/members`, { name: 'X', relationship: 'uncle' })).statusCode).toBe(404);
    expect((await akola.put(`/api/v1/families/${f.id}/documents/ration_card`, { status: 'held' })).statusCode).toBe(404);
    const minimal = (await nodal.get(`/api/v1/families/${f.id}`)).json();
    expect(minimal.view).toBe('minimal');
    expect(minimal).not.toHaveProperty('members');
    expect(minimal).not.toHaveProperty('vulnerabilityFactors');
    expect((await nodal.get(`/api/v1/families/${f.id}/assessments`)).statusCode).toBe(403);
  });
});

describe('documents', () => {
  it('records a document status and refuses impossible dates', async () => {
    const f = (await cw.post('/api/v1/families', newFamily())).json();
    const ok = await cw.put(`/api/v1/families/${f.id}/documents/income_certificate`, {
      status: 'issued',
      appliedOn: '2026-01-10',
      issuedOn: '2026-02-01',
      issuingOffice: 'Tahsildar, Dhamangaon',
    });
    expect(ok.statusCode).toBe(200);
    const bad = await cw.put(`/api/v1/families/${f.id}/documents/income_certificate`, {
      status: 'issued',
      appliedOn: '2026-03-10',
      issuedOn: '2026-02-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('issuedOn');
    expect((await cw.put(`/api/v1/families/${f.id}/documents/passport`, { status: 'held' })).statusCode).toBe(400);
    const page = (await cw.get(`/api/v1/families/${f.id}`)).json();
    expect(page.documents).toHaveLength(1);
    expect(page.documents[0]).toMatchObject({ docType: 'income_certificate', status: 'issued', issuedOn: '2026-02-01' });
    expect(page.missingDocuments).not.toContain('income_certificate');
  });
});

describe('assessments', () => {
  it('scores a repeatable assessment by domain and keeps the history', async () => {
    const f = (await cw.post('/api/v1/families', newFamily())).json();
    const a1 = await cw.post(`/api/v1/families/${f.id}/assessments`, {
      assessedOn: '2026-01-05',
      answers: { 'health.access': 1, 'health.nutrition': 2, 'safety.violence': 1 },
    });
    expect(a1.statusCode).toBe(201);
    expect(a1.json().domainScores).toEqual({ health: 1.5, safety: 1 });
    expect(a1.json().overall).toBe(1.25);
    await cw.post(`/api/v1/families/${f.id}/assessments`, {
      assessedOn: '2026-06-05',
      answers: { 'health.access': 3, 'health.nutrition': 3, 'safety.violence': 2 },
    });
    const hist = (await cw.get(`/api/v1/families/${f.id}/assessments`)).json().items;
    expect(hist.map((h: { overall: number }) => h.overall)).toEqual([1.25, 2.5]);
  });

  it.each([
    ['answers.health.access', { 'health.access': 5 }],
    ['answers.made.up', { 'made.up': 2 }],
    ['answers', {}],
  ])('refuses %s and writes nothing', async (field, answers) => {
    const f = (await cw.post('/api/v1/families', newFamily())).json();
    const before = await count('assessment');
    const res = await cw.post(`/api/v1/families/${f.id}/assessments`, { assessedOn: '2026-01-05', answers });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toBe(field);
    expect(await count('assessment')).toBe(before);
  });
});
