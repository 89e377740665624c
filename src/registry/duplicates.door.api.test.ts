import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { villageId } from '../demo/seed';

/**
 * One child, one record: the same child typed twice through the API (once in Devanagari) is
 * stopped with the likely duplicate named; saved anyway with a reason, the pair waits on the
 * duplicates screen, where a merge hides the duplicate from lists and search, and can be undone.
 */
let t: TestApp;
let cw: Client;
let akola: Client;
const q = <T>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);
const count = async (table: string) => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-12-01T10:00:00+05:30'));
  cw = await t.login('caseworker.amravati');
  akola = await t.login('caseworker.akola');
});
afterAll(() => t.close());

const child = (over: Record<string, unknown> = {}) => ({
  locationId: villageId('Wadali'),
  name: 'Pranjali Sukhdeve',
  sex: 'female',
  dob: '2015-07-14',
  careStatus: 'birth_family',
  ...over,
});

describe('duplicates at the door', () => {
  let firstId: string;
  let secondId: string;

  it('the same child typed again in Devanagari is stopped, naming the record already there, and nothing is written', async () => {
    const first = await cw.post('/api/v1/children', child());
    expect(first.statusCode, first.body).toBe(201);
    firstId = first.json().id;
    const before = await count('child');
    const again = await cw.post('/api/v1/children', child({ name: 'प्रांजली सुखदेवे', dob: null, ageYears: 11 }));
    expect(again.statusCode, again.body).toBe(409);
    const body = again.json();
    expect(body.code).toBe('possible_duplicates');
    expect(body.issues[0].field).toBe('notDuplicate.reason');
    expect(body.candidates[0]).toMatchObject({ id: firstId, name: 'Pranjali Sukhdeve' });
    expect(body.candidates[0].probability).toBeGreaterThanOrEqual(0.5);
    expect(await count('child')).toBe(before);
  });

  it('another district does not see, and is not stopped by, this district’s child', async () => {
    const there = await akola.post(
      '/api/v1/children',
      child({
        locationId: (
          await q<{ id: string }>("SELECT id FROM location WHERE level = 'village' AND district_code = 467 ORDER BY id LIMIT 1")
        )[0].id,
      }),
    );
    expect(there.statusCode, there.body).toBe(201);
    expect(JSON.stringify(there.json())).not.toContain(firstId);
  });

  it('a reason too short is refused naming the field; with a reason it is saved and the pair held for review', async () => {
    const short = await cw.post('/api/v1/children', child({ name: 'प्रांजली सुखदेवे', notDuplicate: { reason: 'no' } }));
    expect(short.statusCode).toBe(400);
    expect(short.json().issues[0].field).toBe('notDuplicate.reason');
    const saved = await cw.post(
      '/api/v1/children',
      child({ name: 'प्रांजली सुखदेवे', notDuplicate: { reason: 'mother says this is a cousin of the same name' } }),
    );
    expect(saved.statusCode, saved.body).toBe(201);
    secondId = saved.json().id;
    const list = (await cw.get('/api/v1/possible-duplicates')).json().items as {
      id: string;
      source: string;
      incoming: { id: string };
      existing: { id: string };
      reason: string;
    }[];
    const pair = list.find((p) => p.incoming?.id === secondId);
    expect(pair).toMatchObject({ source: 'form', existing: { id: firstId }, reason: expect.stringMatching(/cousin/) });
  });

  it('renaming a child into an existing one is stopped too', async () => {
    const other = await cw.post('/api/v1/children', child({ name: 'Kavita Dongre', dob: '2014-02-02' }));
    expect(other.statusCode, other.body).toBe(201);
    const res = await cw.patch(`/api/v1/children/${other.json().id}`, { version: 1, name: 'Pranjali Sukhdeve', dob: '2015-07-14' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('possible_duplicates');
    expect((await cw.get(`/api/v1/children/${other.json().id}`)).json().name).toBe('Kavita Dongre');
  });

  it('merging hides the duplicate from search and keeps both records; undo restores it', async () => {
    const pairId = ((await cw.get('/api/v1/possible-duplicates')).json().items as { id: string; incoming: { id: string } }[]).find(
      (p) => p.incoming?.id === secondId,
    )!.id;
    const search = async () => ((await cw.get('/api/v1/children?q=Pranjali')).json().items as { id: string }[]).map((c) => c.id);
    expect(await search()).toEqual(expect.arrayContaining([firstId, secondId]));
    const merged = await cw.post(`/api/v1/possible-duplicates/${pairId}/merge`, { keep: 'existing' });
    expect(merged.statusCode, merged.body).toBe(201);
    expect(await search()).toContain(firstId);
    expect(await search()).not.toContain(secondId);
    // The merged record still opens, and says where it went.
    expect((await cw.get(`/api/v1/children/${secondId}`)).json().mergedInto).toBe(firstId);
    expect((await cw.post(`/api/v1/possible-duplicates/${pairId}/merge`, { keep: 'existing' })).statusCode).toBe(409);
    const history = await q<{ action: string }>(
      "SELECT action FROM audit_event WHERE entity_id = $1 AND action IN ('create', 'merge') ORDER BY seq",
      [secondId],
    );
    expect(history.map((h) => h.action)).toEqual(['create', 'merge']);
    const undo = await cw.post(`/api/v1/record-merges/${merged.json().id}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await search()).toEqual(expect.arrayContaining([firstId, secondId]));
    expect((await cw.get('/api/v1/possible-duplicates')).json().items.map((p: { id: string }) => p.id)).toContain(pairId);
  });

  it('a family with the same head of family in the same village is stopped, then held with a reason', async () => {
    const fam = { locationId: villageId('Wadali'), headName: 'Ramdas Bhagat', caregiverType: 'both_parents' };
    expect((await cw.post('/api/v1/families', fam)).statusCode).toBe(201);
    const again = await cw.post('/api/v1/families', { ...fam, headName: 'रामदास भगत' });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().candidates).toHaveLength(1);
    const saved = await cw.post('/api/v1/families', {
      ...fam,
      headName: 'रामदास भगत',
      notDuplicate: { reason: 'two households, father and son share the name' },
    });
    expect(saved.statusCode).toBe(201);
    const pairs = (await cw.get('/api/v1/possible-duplicates')).json().items as { subjectType: string; incoming: { id: string } }[];
    expect(pairs.find((p) => p.incoming?.id === saved.json().id)?.subjectType).toBe('family');
  });
});
