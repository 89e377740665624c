import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../tests/support/app';
import { STATE_SQL, stateTables } from '../federation.sql';
import { closeConfirmedNationalMatches } from './closing';
import { listenForConfirmedNationalMatches } from './arrivals';
import { foundChild, missingReport } from '../../missing/missing.testkit';
import { multipart } from '../../missing/photos.fixtures';
import { hashPassword } from '../../auth/passwords';
import { DEMO_PASSWORD } from '../../demo/users';

/**
 * Issue #19: a state's DCPU decides on the national proposals naming a record of their district.
 * First without the federation tables (every test database starts so): an empty list saying
 * `federation: false`. Then with the state-side tables (on PostgreSQL the federation's own
 * STATE_SQL, publications included; on the embedded database the tables alone), proposals
 * inserted as the nation's replication would.
 */
const MAHARASHTRA = 27;
const AMRAVATI = 468;
const AKOLA = 467;
const MADHYA_PRADESH = 23;
const BHOPAL = 396;

let t: TestApp;
let amravati: Client, akola: Client, caseworker: Client, cwc: Client, scps: Client;

beforeAll(async () => {
  t = await createTestApp();
  [amravati, akola, caseworker, cwc, scps] = await Promise.all(
    ['dcpo.amravati', 'dcpo.akola', 'caseworker.amravati', 'cwc.amravati', 'scps.mh'].map((u) => t.login(u)),
  );
});
afterAll(() => t.close());

const URL = '/api/v1/missing/national-proposals';
const confirm = { decision: 'confirm', note: 'the mother recognised her on a video call', checkedBy: 'video_call' };

/** A proposal as the nation publishes it: an Amravati (or Akola) report and a child found in Bhopal. */
async function propose(district = AMRAVATI, status = 'proposed') {
  const id = randomUUID();
  await t.ctx.database.query(
    `INSERT INTO national_match (id, missing_id, found_id, missing_state_code, missing_district_code, found_state_code,
       found_district_code, missing_name, missing_name_local, missing_sex, missing_age_years, missing_event_date,
       found_name, found_sex, found_age_years, found_event_date, probability, weight, fields, explanation, model_version, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'Sanika Wankhade', 'सानिका वानखडे', 'female', 9, '2026-02-01',
       'Sanika', 'female', 10, '2026-02-09', 0.93, 8.1, '[]', 'name and age agree', 'test-model', $8)`,
    [id, randomUUID(), randomUUID(), MAHARASHTRA, district, MADHYA_PRADESH, BHOPAL, status],
  );
  return id;
}

const decisions = (id: string) =>
  t.ctx.database.query<{ state_code: number; decision: string; checked_by: string | null }>(
    'SELECT state_code, decision, checked_by FROM national_match_decision WHERE match_id = $1',
    [id],
  );

describe('a state database without the federation tables', () => {
  it('answers an empty list with federation: false, and a decision with 404', async () => {
    const res = await amravati.get(URL);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ federation: false, items: [], total: 0, page: 1, pageSize: 25 });
    const d = await amravati.post(`${URL}/${randomUUID()}/decision`, confirm);
    expect(d.statusCode).toBe(404);
    expect(d.json().code).toBe('federation_not_set_up');
  });

  it('still refuses a role without missing.national', async () => {
    expect((await caseworker.get(URL)).statusCode).toBe(403);
  });
});

describe('a state database with the federation tables', () => {
  let mine: string, akolas: string, withdrawn: string;
  beforeAll(async () => {
    await t.ctx.database.exec(t.ctx.database.kind === 'postgres' ? STATE_SQL : stateTables());
    [mine, akolas, withdrawn] = [await propose(AMRAVATI), await propose(AKOLA), await propose(AMRAVATI, 'withdrawn')];
  });

  it("lists to a district's DCPU only the proposals naming a record of their district, each side as the proposal carries it", async () => {
    const res = await amravati.get(URL);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.federation).toBe(true);
    expect(body.items.map((i: { id: string }) => i.id).sort()).toEqual([mine, withdrawn].sort());
    const p = body.items.find((i: { id: string }) => i.id === mine);
    expect(p.ownSide).toBe('missing');
    expect(p.found).toMatchObject({ stateCode: MADHYA_PRADESH, name: 'Sanika', sex: 'female', ageYears: 10, eventDate: '2026-02-09' });
    expect(p.found.stateName).toMatch(/madhya pradesh/i);
    // Nothing of the other state's record beyond the proposal: no address, phone, photo, reference.
    expect(Object.keys(p.found).sort()).toEqual(
      ['ageYears', 'districtCode', 'eventDate', 'name', 'nameLocal', 'recordId', 'sex', 'stateCode', 'stateName'].sort(),
    );
    expect(p.decision).toBeNull();
    const onlyProposed = (await amravati.get(`${URL}?status=proposed`)).json();
    expect(onlyProposed.items.map((i: { id: string }) => i.id)).toEqual([mine]);
    expect((await akola.get(URL)).json().items.map((i: { id: string }) => i.id)).toEqual([akolas]);
  });

  it('audits the list with ids and counts, never the names', async () => {
    const [row] = await t.ctx.database.query<{ details: Record<string, unknown> }>(
      `SELECT a.details FROM audit_event a JOIN app_user u ON u.id = a.actor_id
        WHERE u.username = 'dcpo.akola' AND a.action = 'list' AND a.entity_type = 'national_match' ORDER BY a.seq DESC LIMIT 1`,
    );
    expect(row.details).toMatchObject({ ids: [akolas], total: 1 });
    expect(JSON.stringify(row.details)).not.toMatch(/Sanika/);
  });

  it('refuses a caseworker and a CWC member (403), and another district (404); nothing is written', async () => {
    expect((await caseworker.get(URL)).statusCode).toBe(403);
    expect((await caseworker.post(`${URL}/${mine}/decision`, confirm)).statusCode).toBe(403);
    expect((await cwc.post(`${URL}/${mine}/decision`, confirm)).statusCode).toBe(403);
    const other = await akola.post(`${URL}/${mine}/decision`, confirm);
    expect(other.statusCode).toBe(404);
    expect(await decisions(mine)).toEqual([]);
  });

  it('refuses a confirmation without how it was checked, naming the field; nothing is written', async () => {
    const noHow = await amravati.post(`${URL}/${mine}/decision`, { decision: 'confirm', note: 'the mother recognised her' });
    expect(noHow.statusCode).toBe(400);
    expect(noHow.json().issues.map((i: { field: string }) => i.field)).toContain('checkedBy');
    const noNote = await amravati.post(`${URL}/${mine}/decision`, { decision: 'confirm', note: 'ok', checkedBy: 'photos' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().issues.map((i: { field: string }) => i.field)).toContain('note');
    expect(await decisions(mine)).toEqual([]);
  });

  it("records the state's confirmation for the nation, audited against the DCPU; a second decision is 409", async () => {
    const res = await amravati.post(`${URL}/${mine}/decision`, confirm);
    expect(res.statusCode).toBe(200);
    expect(res.json().decision).toMatchObject({ decision: 'confirm', checkedBy: 'video_call' });
    // Still proposed here: the nation confirms once Madhya Pradesh has confirmed too.
    expect(res.json().status).toBe('proposed');
    expect(await decisions(mine)).toEqual([{ state_code: MAHARASHTRA, decision: 'confirm', checked_by: 'video_call' }]);
    const [a] = await t.ctx.database.query<{ username: string; district_code: number; details: Record<string, unknown> }>(
      `SELECT u.username, a.district_code, a.details FROM audit_event a JOIN app_user u ON u.id = a.actor_id
        WHERE a.action = 'decide' AND a.entity_type = 'national_match' AND a.entity_id = $1`,
      [mine],
    );
    expect(a).toMatchObject({ username: 'dcpo.amravati', district_code: AMRAVATI, details: { decision: 'confirm', national: true } });
    const again = await amravati.post(`${URL}/${mine}/decision`, { decision: 'reject', note: 'not her' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_decided');
    expect(await decisions(mine)).toHaveLength(1);
  });

  it('answers 409 on a proposal the nation has withdrawn', async () => {
    const res = await amravati.post(`${URL}/${withdrawn}/decision`, { decision: 'reject', note: 'the record was closed' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('already_decided');
  });

  it("lets the state's SCPS officer see every district's proposals of the state and decide for the state: one decision per state", async () => {
    const [a, b, c] = [await propose(AMRAVATI), await propose(AKOLA), await propose(AMRAVATI)];
    const listed = (await scps.get(`${URL}?status=proposed&pageSize=100`)).json();
    expect(listed.federation).toBe(true);
    const ids = listed.items.map((i: { id: string }) => i.id);
    for (const id of [a, b, c]) expect(ids).toContain(id);
    // Not a record of Madhya Pradesh's districts: the found side is never the state officer's.
    expect(listed.items.every((i: { ownSide: string }) => i.ownSide === 'missing')).toBe(true);

    // The state officer rejects for Maharashtra: one rejection rejects at the nation, so the
    // district's DCPU cannot decide again for the state (409), and nothing else is written.
    const rej = await scps.post(`${URL}/${a}/decision`, { decision: 'reject', note: 'the marks do not agree' });
    expect(rej.statusCode).toBe(200);
    expect(rej.json().decision).toMatchObject({ decision: 'reject' });
    expect((await amravati.post(`${URL}/${a}/decision`, confirm)).statusCode).toBe(409);
    expect(await decisions(a)).toEqual([{ state_code: MAHARASHTRA, decision: 'reject', checked_by: null }]);

    // A confirmation by the state officer counts as the state's: the Akola proposal waits for
    // Madhya Pradesh's confirmation (two confirmations confirm), and Akola's DCPU sees it decided.
    const conf = await scps.post(`${URL}/${b}/decision`, confirm);
    expect(conf.statusCode).toBe(200);
    expect(conf.json().status).toBe('proposed');
    expect(await decisions(b)).toEqual([{ state_code: MAHARASHTRA, decision: 'confirm', checked_by: 'video_call' }]);
    const seenByAkola = (await akola.get(`${URL}?status=proposed&pageSize=100`)).json().items.find((i: { id: string }) => i.id === b);
    expect(seenByAkola.decision).toMatchObject({ decision: 'confirm', checkedBy: 'video_call' });
    expect((await akola.post(`${URL}/${b}/decision`, confirm)).statusCode).toBe(409);

    // The DCPU decided first: the state officer gets 409 in turn.
    expect((await amravati.post(`${URL}/${c}/decision`, confirm)).statusCode).toBe(200);
    expect((await scps.post(`${URL}/${c}/decision`, { decision: 'reject', note: 'not her' })).statusCode).toBe(409);

    const [audited] = await t.ctx.database.query<{ username: string; district_code: number }>(
      `SELECT u.username, a.district_code FROM audit_event a JOIN app_user u ON u.id = a.actor_id
        WHERE a.action = 'decide' AND a.entity_type = 'national_match' AND a.entity_id = $1`,
      [b],
    );
    expect(audited).toEqual({ username: 'scps.mh', district_code: AKOLA });
  });

  it('closes the records of a proposal both states confirmed, as a confirmation in the state does: audited, each DCPU notified', async () => {
    t.setNow(new Date('2026-03-10T06:30:00Z'));
    // An Amravati report, and a found child written as Bhopal's (the records of a deployment
    // holding both states; on a federated pair each state holds its own side and closes it).
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/missing/reports',
      ...multipart(
        [
          {
            name: 'data',
            value: JSON.stringify(missingReport({ name: 'Kiran Raut', sex: 'female', ageYears: 9, lastSeenOn: '2026-02-01' })),
          },
        ],
        { authorization: `Bearer ${amravati.token}` },
      ),
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const reportId = filed.json().id as string;
    const found = await akola.post('/api/v1/missing/found-children', foundChild({ name: 'Kiran', ageYears: 10, foundOn: '2026-02-09' }));
    expect(found.statusCode, found.body).toBe(201);
    const foundId = found.json().id as string;
    await t.ctx.database.query(
      `UPDATE missing_record SET state_code = $2, district_code = $3, subdistrict_code = NULL, block_code = NULL, village_id = NULL WHERE id = $1`,
      [foundId, MADHYA_PRADESH, BHOPAL],
    );
    const [{ id: bhopalUnit }] = await t.ctx.database.query<{ id: string }>(
      `INSERT INTO organisation (name, kind, state_code, district_code, level) VALUES ('DCPU Bhopal', 'DCPU', $1, $2, 'district') RETURNING id`,
      [MADHYA_PRADESH, BHOPAL],
    );
    // A local proposal naming the report, which the closing supersedes.
    const [{ id: localMatch }] = await t.ctx.database.query<{ id: string }>(
      `INSERT INTO missing_match (missing_id, found_id, missing_state_code, missing_district_code, found_state_code, found_district_code,
         probability, weight, fields, explanation, model_version, status)
       SELECT $1, id, $3, $4, state_code, district_code, 0.5, 1, '[]', 'test', 'test-model', 'proposed'
         FROM missing_record WHERE kind = 'found' AND id <> $2
          AND NOT EXISTS (SELECT 1 FROM missing_match mm WHERE mm.missing_id = $1 AND mm.found_id = missing_record.id) LIMIT 1
       RETURNING id`,
      [reportId, foundId, MAHARASHTRA, AMRAVATI],
    );
    const proposal = async (missingId: string, foundRecord: string, status: string) => {
      const id = randomUUID();
      await t.ctx.database.query(
        `INSERT INTO national_match (id, missing_id, found_id, missing_state_code, missing_district_code, found_state_code,
           found_district_code, missing_sex, found_sex, probability, weight, fields, explanation, model_version, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'female', 'female', 0.95, 9, '[]', 'name and age agree', 'test-model', $8)`,
        [id, missingId, foundRecord, MAHARASHTRA, AMRAVATI, MADHYA_PRADESH, BHOPAL, status],
      );
      return id;
    };
    // The nation's answer arrives: confirmed (both states confirmed). A proposal still waiting, one rejected: untouched.
    const confirmed = await proposal(reportId, foundId, 'confirmed');
    await proposal(reportId, randomUUID(), 'rejected');
    const statusOf = async (id: string) =>
      (await t.ctx.database.query<{ status: string }>('SELECT status FROM missing_record WHERE id = $1', [id]))[0].status;

    const res = await closeConfirmedNationalMatches(t.ctx);
    expect(res.matches).toEqual([confirmed]);
    expect(res.records.sort()).toEqual([reportId, foundId].sort());
    expect(await statusOf(reportId)).toBe('matched');
    expect(await statusOf(foundId)).toBe('matched');
    const [lm] = await t.ctx.database.query<{ status: string; updated_at: Date }>(
      'SELECT status, updated_at FROM missing_match WHERE id = $1',
      [localMatch],
    );
    expect(lm.status).toBe('superseded');
    // At the injected clock (frozen above), not the machine's.
    expect(new Date(lm.updated_at).toISOString()).toBe('2026-03-10T06:30:00.000Z');

    // Audited as a confirmation in the state is (the record, its place, the proposal's id), never a name.
    const audited = await t.ctx.database.query<{
      entity_id: string;
      state_code: number;
      district_code: number;
      details: Record<string, unknown>;
    }>(
      `SELECT entity_id, state_code, district_code, details FROM audit_event
        WHERE action = 'update' AND entity_type = 'missing_record' AND details->>'nationalMatchId' = $1 ORDER BY state_code DESC`,
      [confirmed],
    );
    expect(audited).toEqual([
      { entity_id: reportId, state_code: MAHARASHTRA, district_code: AMRAVATI, details: { status: 'matched', nationalMatchId: confirmed } },
      { entity_id: foundId, state_code: MADHYA_PRADESH, district_code: BHOPAL, details: { status: 'matched', nationalMatchId: confirmed } },
    ]);
    const [closing] = await t.ctx.database.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_event WHERE action = 'national.close' AND entity_id = $1`,
      [confirmed],
    );
    expect(closing.details).toMatchObject({ national: true, missingStateCode: MAHARASHTRA, foundStateCode: MADHYA_PRADESH });
    expect(JSON.stringify(closing.details)).not.toMatch(/Kiran/);

    // Each side's DCPU is told: Bhopal's (the other state) and Amravati's, in the reader's language.
    const notes = await t.ctx.database.query<{ unit_id: string; message: string }>(
      `SELECT unit_id, message FROM notification WHERE kind = 'national_match_closed' AND ref = $1`,
      [confirmed],
    );
    expect(notes.map((n) => n.unit_id)).toContain(bhopalUnit);
    const dcpus = await t.ctx.database.query<{ id: string }>(
      `SELECT id FROM organisation WHERE kind = 'DCPU' AND active AND ((state_code = $1 AND district_code = $2) OR (state_code = $3 AND district_code = $4))`,
      [MAHARASHTRA, AMRAVATI, MADHYA_PRADESH, BHOPAL],
    );
    expect(notes.map((n) => n.unit_id).sort()).toEqual(dcpus.map((d) => d.id).sort());
    expect(notes.every((n) => !/Kiran/.test(n.message))).toBe(true);
    const inbox = (await amravati.get('/api/v1/notifications')).json();
    const mine = inbox.items.find((i: { ref: string }) => i.ref === confirmed);
    expect(mine).toBeTruthy();
    expect(JSON.stringify(mine)).toMatch(/Maharashtra|Madhya Pradesh/i);

    // The restoration is opened at the found child's district (Bhopal), as a confirmation in the
    // state opens one: awaiting the case, naming the national proposal (no state match), audited.
    const rests = await t.ctx.database.query<Record<string, unknown>>(
      `SELECT id, match_id, national_match_id, missing_id, found_id, state_code, district_code, status, created_at
         FROM missing_restoration WHERE national_match_id = $1`,
      [confirmed],
    );
    expect(rests).toHaveLength(1);
    const rest = rests[0];
    expect(rest).toMatchObject({
      match_id: null,
      missing_id: reportId, // this database holds both sides; on a federated pair: null
      found_id: foundId,
      state_code: MADHYA_PRADESH,
      district_code: BHOPAL,
      status: 'awaiting_case',
    });
    expect(new Date(rest.created_at as string).toISOString()).toBe('2026-03-10T06:30:00.000Z');
    const [opened] = await t.ctx.database.query<{ state_code: number; district_code: number; details: Record<string, unknown> }>(
      `SELECT state_code, district_code, details FROM audit_event WHERE action = 'create' AND entity_type = 'missing_restoration' AND entity_id = $1`,
      [rest.id],
    );
    expect(opened).toMatchObject({
      state_code: MADHYA_PRADESH,
      district_code: BHOPAL,
      details: { nationalMatchId: confirmed, national: true },
    });
    expect(JSON.stringify(opened.details)).not.toMatch(/Kiran/);
    // Bhopal's DCPO lists it; Amravati's (the report's side) does not, and may not open its case.
    await t.ctx.database.query(
      `INSERT INTO location (id, level, lgd_code, name, state_code, district_code) VALUES
         ('st:${MADHYA_PRADESH}', 'state', ${MADHYA_PRADESH}, 'Madhya Pradesh', ${MADHYA_PRADESH}, NULL),
         ('di:${BHOPAL}', 'district', ${BHOPAL}, 'Bhopal', ${MADHYA_PRADESH}, ${BHOPAL})
       ON CONFLICT (id) DO NOTHING`,
    );
    await t.ctx.database.query(
      `INSERT INTO app_user (username, display_name, password_hash, role, organisation_id, scope_level, jurisdiction_id, state_code, district_code)
       VALUES ('dcpo.bhopal.national', 'DCPO Bhopal', $1, 'dcpu_officer', $2, 'district', 'di:${BHOPAL}', $3, $4)`,
      [await hashPassword(DEMO_PASSWORD), bhopalUnit, MADHYA_PRADESH, BHOPAL],
    );
    const bhopal = await t.login('dcpo.bhopal.national');
    const listed = await bhopal.get('/api/v1/missing/restorations');
    expect(listed.statusCode, listed.body).toBe(200);
    const item = listed.json().items.find((i: { id: string }) => i.id === rest.id);
    expect(item).toMatchObject({ nationalMatchId: confirmed, matchId: null, foundReference: expect.any(String), status: 'awaiting_case' });
    const home = (await amravati.get('/api/v1/missing/restorations?pageSize=100')).json();
    expect(home.items.map((i: { id: string }) => i.id)).not.toContain(rest.id);
    expect((await amravati.post(`/api/v1/missing/restorations/${rest.id}/open-case`, {})).statusCode).toBe(404);
    // Bhopal's DCPO opens the restoration case: a registry child made from the found record, in Bhopal.
    const caseOpened = await bhopal.post(`/api/v1/missing/restorations/${rest.id}/open-case`, {});
    expect(caseOpened.statusCode, caseOpened.body).toBe(201);
    expect(caseOpened.json()).toMatchObject({ status: 'case_opened', caseId: expect.any(String), nationalMatchId: confirmed });
    const [kase] = await t.ctx.database.query<{ state_code: number; district_code: number }>(
      'SELECT state_code, district_code FROM case_record WHERE id = $1',
      [caseOpened.json().caseId],
    );
    expect(kase).toEqual({ state_code: MADHYA_PRADESH, district_code: BHOPAL });

    // Idempotent: the records are closed, nothing more happens; a matched record is not matched again.
    expect(await closeConfirmedNationalMatches(t.ctx)).toEqual({ matches: [], records: [] });
    expect(await statusOf(reportId)).toBe('matched');
    expect(await t.ctx.database.query('SELECT 1 FROM missing_restoration WHERE national_match_id = $1', [confirmed])).toHaveLength(1);
  });
});

/**
 * The nation's answer arriving (docs/SCALE.md §4): the `national_match_changed` trigger NOTIFYs and the
 * app's listener (arrivals.ts, started by the server) closes the records at once, without the sweep.
 * Here the proposal is written `confirmed` by an UPDATE, as the replication apply worker writes it
 * (replication.pg.test.ts shows the apply worker's own write on three clusters).
 */
describe('a proposal arriving confirmed while the app listens', () => {
  /** An Amravati report and a child found in Bhopal (filed in Akola, then moved), both open. */
  async function pair(name: string) {
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/missing/reports',
      ...multipart(
        [{ name: 'data', value: JSON.stringify(missingReport({ name, sex: 'female', ageYears: 8, lastSeenOn: '2026-02-03' })) }],
        {
          authorization: `Bearer ${amravati.token}`,
        },
      ),
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const found = await akola.post('/api/v1/missing/found-children', foundChild({ name, ageYears: 8, foundOn: '2026-02-10' }));
    expect(found.statusCode, found.body).toBe(201);
    const [reportId, foundId] = [filed.json().id as string, found.json().id as string];
    await t.ctx.database.query(
      `UPDATE missing_record SET state_code = $2, district_code = $3, subdistrict_code = NULL, block_code = NULL, village_id = NULL WHERE id = $1`,
      [foundId, MADHYA_PRADESH, BHOPAL],
    );
    const id = randomUUID();
    await t.ctx.database.query(
      `INSERT INTO national_match (id, missing_id, found_id, missing_state_code, missing_district_code, found_state_code,
         found_district_code, missing_sex, found_sex, probability, weight, fields, explanation, model_version, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'female', 'female', 0.95, 9, '[]', 'name and age agree', 'test-model', 'proposed')`,
      [id, reportId, foundId, MAHARASHTRA, AMRAVATI, MADHYA_PRADESH, BHOPAL],
    );
    return { id, reportId, foundId };
  }
  const statuses = async (ids: string[]) =>
    (await t.ctx.database.query<{ status: string }>('SELECT status FROM missing_record WHERE id = ANY($1::uuid[]) ORDER BY id', [ids])).map(
      (r) => r.status,
    );
  const restorations = (matchId: string) =>
    t.ctx.database.query<{ created_at: Date; district_code: number }>(
      'SELECT created_at, district_code FROM missing_restoration WHERE national_match_id = $1',
      [matchId],
    );
  const notified = async (matchId: string) =>
    (
      await t.ctx.database.query<{ unit_id: string }>(
        `SELECT unit_id FROM notification WHERE kind = 'national_match_closed' AND ref = $1`,
        [matchId],
      )
    )
      .map((n) => n.unit_id)
      .sort();

  it('closes the records and opens the restoration within seconds of the confirmation, without the sweep', async () => {
    t.setNow(new Date('2026-03-11T05:00:00Z'));
    const p = await pair('Meena Gawande');
    const runs: string[][] = [];
    const listener = await listenForConfirmedNationalMatches(t.ctx, { debounceMs: 50, onRun: (r) => runs.push(r.matches) });
    try {
      // A rejection needs nothing of the state (closing acts on confirmed proposals): no run for it.
      const rejected = await pair('Lata Gawande');
      await t.ctx.database.query("UPDATE national_match SET status = 'rejected' WHERE id = $1", [rejected.id]);
      await new Promise((r) => setTimeout(r, 300));
      await listener.settled();
      expect(runs.flat()).not.toContain(rejected.id);
      expect(await statuses([rejected.reportId, rejected.foundId])).toEqual(['open', 'open']);

      const t0 = performance.now();
      await t.ctx.database.query("UPDATE national_match SET status = 'confirmed', updated_at = now() WHERE id = $1", [p.id]);
      let waited = 0;
      for (;;) {
        const closed = (await statuses([p.reportId, p.foundId])).every((s) => s === 'matched');
        if (closed && (await restorations(p.id)).length === 1) break;
        waited = performance.now() - t0;
        expect(waited, 'the records closed by the listener within 15 s').toBeLessThan(15_000);
        await new Promise((r) => setTimeout(r, 50));
      }
      await listener.settled();
      expect(runs.flat()).toContain(p.id);
      const [rest] = await restorations(p.id);
      expect(rest.district_code).toBe(BHOPAL);
      // At the injected clock, not the machine's.
      expect(new Date(rest.created_at).toISOString()).toBe('2026-03-11T05:00:00.000Z');
      expect((await notified(p.id)).length).toBeGreaterThan(0);
    } finally {
      await listener.stop();
    }
  });

  it('closes once when two runs (two app servers) take the same confirmation at once: one restoration, one notification per DCPU', async () => {
    const p = await pair('Rekha Gawande');
    // Nobody listens now: the trigger's NOTIFY goes unheard and nothing fails.
    await t.ctx.database.query("UPDATE national_match SET status = 'confirmed' WHERE id = $1", [p.id]);
    expect(await statuses([p.reportId, p.foundId])).toEqual(['open', 'open']);
    const [a, b] = await Promise.all([closeConfirmedNationalMatches(t.ctx), closeConfirmedNationalMatches(t.ctx)]);
    expect([...a.matches, ...b.matches]).toEqual([p.id]);
    expect([...a.records, ...b.records].sort()).toEqual([p.reportId, p.foundId].sort());
    expect(await statuses([p.reportId, p.foundId])).toEqual(['matched', 'matched']);
    expect(await restorations(p.id)).toHaveLength(1);
    const units = await notified(p.id);
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units).size).toBe(units.length);
    const closings = await t.ctx.database.query(`SELECT 1 FROM audit_event WHERE action = 'national.close' AND entity_id = $1`, [p.id]);
    expect(closings).toHaveLength(1);
  });
});
