import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { emptyPerson, type PersonRecord } from '../linkage/record';
import { resetActiveModel } from './model.service';
import { rekeyStaleRecords } from './matching.service';
import { AMRAVATI, foundChild } from './missing.testkit';

/** The match model screen's routes (issue #15): who may see and refit, the refusal, a refit that is used. */
let t: TestApp;
let dcpo: Client;
let scps: Client;
let helpline: Client;

beforeAll(async () => {
  t = await createTestApp();
  [dcpo, helpline, scps] = await Promise.all(['dcpo.amravati', 'helpline.amravati', 'scps.mh'].map((u) => t.login(u)));
});
afterAll(async () => {
  resetActiveModel();
  await t.close();
});

const person = (id: string, f: Partial<PersonRecord>): PersonRecord => ({
  ...emptyPerson(id),
  sex: 'm',
  state: 'Maharashtra',
  district: 'Amravati',
  language: 'Marathi',
  ...f,
});

/** Decided pairs in Amravati, written as the review queue stores them (the demo has none decided). */
async function decide(from: number, confirmed: number, rejected: number): Promise<number> {
  const db = t.ctx.database;
  const ids = async (kind: string) =>
    (await db.query<{ id: string }>(`SELECT id FROM missing_record WHERE kind = '${kind}' ORDER BY id`)).map((r) => r.id);
  const [ms, fs] = [await ids('missing'), await ids('found')];
  let k = 0,
    made = 0;
  for (const m of ms)
    for (const f of fs) {
      if (k++ < from) continue;
      if (made >= confirmed + rejected) return made;
      const yes = made++ < confirmed;
      const left = person(m, { name: `Ravi${k} Patil`, age: 8 + (k % 6), father_name: `Ganesh${k} Patil`, date: '2025-01-01' });
      const right = yes
        ? person(f, { name: `Ravi${k} Patil`, age: 9 + (k % 6), father_name: k % 3 ? `Ganesh${k} Patil` : '', date: '2025-01-09' })
        : person(f, { name: `Suresh${k} Kale`, age: 4 + (k % 9), father_name: `Anil${k} Kale`, date: '2025-02-01', district: 'Akola' });
      await db.query(
        `INSERT INTO missing_match (missing_id, found_id, missing_state_code, missing_district_code, found_state_code, found_district_code,
           probability, weight, fields, explanation, model_version, status, decided_at, decided_left, decided_right)
         VALUES ($1, $2, 27, ${AMRAVATI}, 27, ${AMRAVATI}, 0.6, 1, '[]', '', 'test', $3, now(), $4, $5)
         ON CONFLICT (missing_id, found_id) DO NOTHING`,
        [m, f, yes ? 'confirmed' : 'rejected', JSON.stringify(left), JSON.stringify(right)],
      );
    }
  return made;
}

describe('the match model screen', () => {
  it('shows the DCPU the shipped model, its bands and the decisions available; the helpline gets 403', async () => {
    const res = await dcpo.get('/api/v1/missing/model');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ source: 'shipped', mayRefit: false, fittedAt: null, decisions: { minEach: 20 }, history: [] });
    expect((await scps.get('/api/v1/missing/model')).json().mayRefit).toBe(true);
    expect(res.json().version).toMatch(/^indian-children\./);
    expect(res.json().bands.map((b: { band: string }) => b.band)).toEqual(['strong', 'likely', 'possible', 'weak']);
    expect((await helpline.get('/api/v1/missing/model')).statusCode).toBe(403);
    expect((await helpline.post('/api/v1/missing/model/refit', {})).statusCode).toBe(403);
  });

  it('refuses a refit with too few decisions (422 naming decisions), then refits and uses the new version', async () => {
    await decide(0, 5, 5);
    // The model is the whole deployment's: a district officer may not replace it.
    const district = await dcpo.post('/api/v1/missing/model/refit', {});
    expect(district.statusCode).toBe(403);
    expect(district.json().issues[0].field).toBe('scope');
    const few = await scps.post('/api/v1/missing/model/refit', {});
    expect(few.statusCode).toBe(422);
    expect(few.json().issues[0].field).toBe('decisions');
    expect((await scps.post('/api/v1/missing/model/refit', { bogus: 1 })).statusCode).toBe(400);

    // The demo has too few records for 50 distinct pairs: ten more found children (names unlike any report).
    for (const n of ['Zubair', 'Yohan', 'Xavier', 'Wasim', 'Vedant', 'Ujwal', 'Tanmay', 'Sahil', 'Rohan', 'Pranav'])
      expect(
        (await dcpo.post('/api/v1/missing/found-children', foundChild({ name: `${n} Qazi`, districtCode: AMRAVATI }))).statusCode,
      ).toBe(201);
    await decide(10, 25, 25);
    const { decisions } = (await dcpo.get('/api/v1/missing/model')).json();
    expect(Math.min(decisions.confirmed, decisions.rejected)).toBeGreaterThanOrEqual(20);
    const res = await scps.post('/api/v1/missing/model/refit', {});
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.source).toBe('refit');
    expect(body.version).toMatch(/\+reviews\.all\.\d{4}-\d{2}-\d{2}$/);
    expect(body.history[0]).toMatchObject({ version: body.version, active: true });
    expect(body.history[0].confirmed + body.history[0].rejected).toBeGreaterThanOrEqual(40);
    const again = await scps.post('/api/v1/missing/model/refit', {});
    expect(again.json().version).toBe(`${body.version}.2`);
    expect((await dcpo.get('/api/v1/missing/model')).json().version).toBe(again.json().version);
  });

  it('rolls back to an earlier refit and to the shipped model: state scope, 409 when stale, audited, records re-keyed', async () => {
    const before = (await scps.get('/api/v1/missing/model')).json();
    const [inUse, earlier] = before.history.map((h: { version: string }) => h.version);
    expect(before.version).toBe(inUse);
    const district = await dcpo.post('/api/v1/missing/model/rollback', { version: earlier, expected: inUse });
    expect(district.statusCode).toBe(403);
    expect(district.json().issues[0].field).toBe('scope');
    expect((await helpline.post('/api/v1/missing/model/rollback', { version: earlier, expected: inUse })).statusCode).toBe(403);
    // Someone else changed the model since this officer looked: nothing changes.
    const stale = await scps.post('/api/v1/missing/model/rollback', { version: earlier, expected: earlier });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().issues[0].field).toBe('expected');
    const unknown = await scps.post('/api/v1/missing/model/rollback', { version: 'no-such-model', expected: inUse });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().issues[0].field).toBe('version');
    expect((await scps.post('/api/v1/missing/model/rollback', { version: inUse, expected: inUse })).statusCode).toBe(422);
    expect((await scps.post('/api/v1/missing/model/rollback', { version: earlier })).statusCode).toBe(400);

    const back = await scps.post('/api/v1/missing/model/rollback', { version: earlier, expected: inUse });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ version: earlier, source: 'refit' });
    expect(
      back
        .json()
        .history.filter((h: { active: boolean }) => h.active)
        .map((h: { version: string }) => h.version),
    ).toEqual([earlier]);
    expect((await dcpo.get('/api/v1/missing/model')).json().version).toBe(earlier);
    // The same request again is now stale.
    expect((await scps.post('/api/v1/missing/model/rollback', { version: earlier, expected: inUse })).statusCode).toBe(409);

    const shipped = await scps.post('/api/v1/missing/model/rollback', { version: before.shippedVersion, expected: earlier });
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(shipped.json()).toMatchObject({ version: before.shippedVersion, source: 'shipped', fittedAt: null });
    expect(shipped.json().history.some((h: { active: boolean }) => h.active)).toBe(false);

    const audited = await t.ctx.database.query<{ details: { from: string; to: string } }>(
      `SELECT details FROM audit_event WHERE action = 'rollback' ORDER BY seq`,
    );
    expect(audited.map((a) => [a.details.from, a.details.to])).toEqual([
      [inUse, earlier],
      [earlier, before.shippedVersion],
    ]);

    // Records keyed under a refit's version are keyed again under the version now in use, as after a refit.
    await t.ctx.database.query(`UPDATE missing_record SET block_keys_model = $1 WHERE status = 'open'`, [inUse]);
    const open = (await t.ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM missing_record WHERE status = 'open'`))[0].n;
    expect(await rekeyStaleRecords(t.ctx, 10_000)).toBe(open);
    const models = await t.ctx.database.query<{ m: string }>(
      `SELECT DISTINCT block_keys_model AS m FROM missing_record WHERE status = 'open'`,
    );
    expect(models.map((r) => r.m)).toEqual([before.shippedVersion]);
  });
});
