import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, intakeBody, ist, type Kit } from './cases.testkit';

/**
 * Who may hold a case and who may move it between districts (custody.ts). Each attack the
 * outside review reproduced is refused with nothing written; the legitimate flows work.
 * Demo: Amravati is district 468 (DCPU Amravati), Akola 467 (DCPU Akola).
 */
let t: TestApp;
let k: Kit;
let cwAmravati: Client;
let cwAkola: Client;
let dcpoAkola: Client;
let dcpoAmravati: Client;
let blockWorker: Client; // DCPU Amravati, but a block-level jurisdiction: not the district

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  // The block worker is created first: moving the clock signs everyone out (k.at).
  k.at(ist('2026-12-01', '10:00'));
  const created = await (
    await k.as('admin')
  ).post('/api/v1/users', {
    username: 'cw.block.4299',
    displayName: 'Block social worker, Amravati',
    password: 'vatsalya2026',
    role: 'caseworker',
    organisationId: k.org('DCPU Amravati'),
    jurisdictionId: 'bl:4299',
  });
  expect(created.statusCode, created.body).toBe(201);
  [cwAmravati, cwAkola, dcpoAkola, dcpoAmravati, blockWorker] = await Promise.all([
    k.as('caseworker.amravati'),
    k.as('caseworker.akola'),
    k.as('dcpo.akola'),
    k.as('dcpo.amravati'),
    t.login('cw.block.4299'),
  ]);
});
afterAll(() => t.close());

const q = <T>(sql: string, params: unknown[]) => t.ctx.database.query<T>(sql, params);
const stored = async (caseId: string) =>
  (
    await q<{ n: number; version: number; district_code: number; owner_user_id: string; owner_unit_id: string }>(
      `SELECT (SELECT count(*)::int FROM case_action a WHERE a.case_id = k.id) AS n, version, district_code, owner_user_id, owner_unit_id
       FROM case_record k WHERE k.id = $1`,
      [caseId],
    )
  )[0];

async function openIn(client: Client, village: string, skip: number) {
  const res = await client.post('/api/v1/cases', intakeBody(await k.childIn(village, skip)));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}
const act = (client: Client, caseId: string, body: Record<string, unknown>) => client.post(`/api/v1/cases/${caseId}/actions`, body);
const ok = async (client: Client, caseId: string, body: Record<string, unknown>) => {
  const res = await act(client, caseId, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
/** Refused with this status (and the field or reason), and nothing about the case changed. */
async function refused(
  client: Client,
  caseId: string,
  body: Record<string, unknown>,
  status: number,
  expected: { field?: string; reason?: string; code?: string },
) {
  const before = await stored(caseId);
  const res = await act(client, caseId, body);
  expect(res.statusCode, res.body).toBe(status);
  if (expected.field) expect(res.json().issues?.map((i: { field: string }) => i.field)).toContain(expected.field);
  if (expected.reason) expect(res.json().reason).toBe(expected.reason);
  if (expected.code) expect(res.json().code).toBe(expected.code);
  expect(await stored(caseId)).toEqual(before);
  return res.json();
}

describe('transfers: the receiving district decides, and takes the case on', () => {
  it('the reproduced attack: an Akola caseworker cannot move an Akola case into Amravati alone', async () => {
    const c = await openIn(cwAkola, 'Umri', 0);
    // toUnit = its own Akola DCPU, for a transfer to Amravati: the unit must be of the receiving district.
    const ownUnit = await refused(
      cwAkola,
      c.id,
      { type: 'transfer_requested', toDistrictCode: 468, toUnit: k.org('DCPU Akola'), reason: 'moved' },
      400,
      { field: 'toUnit' },
    );
    expect(ownUnit.issues[0].message).toMatch(/468/);
    await refused(
      cwAkola,
      c.id,
      { type: 'transfer_requested', toDistrictCode: 468, toUnit: k.org('Care Collective'), toStateCode: 9, reason: 'moved' },
      400,
      { field: 'toStateCode' },
    );
    // A proper request (to DCPU Amravati, the default), which the requester cannot then accept.
    const req = await ok(cwAkola, c.id, { type: 'transfer_requested', toDistrictCode: 468, reason: 'family moved to Amravati' });
    expect(req.state.transfer.pending).toMatchObject({ toDistrictCode: '468', toUnit: k.org('DCPU Amravati') });
    await refused(cwAkola, c.id, { type: 'transfer_accepted' }, 409, { reason: 'NOT_TRANSFER_RECIPIENT' });
    await refused(dcpoAkola, c.id, { type: 'transfer_accepted' }, 409, { reason: 'NOT_TRANSFER_RECIPIENT' });
    const after = await stored(c.id);
    expect(after).toMatchObject({ district_code: 467, owner_user_id: k.userId('caseworker.akola'), owner_unit_id: k.org('DCPU Akola') });
  });

  it('a member of the receiving unit whose jurisdiction does not cover the district can neither accept nor reject', async () => {
    const c = await openIn(cwAkola, 'Umri', 1);
    await ok(cwAkola, c.id, { type: 'transfer_requested', toDistrictCode: 468, reason: 'family moved to Amravati' });
    // The receiving unit sees the case (it must read it to decide), but a block worker is not the district.
    expect((await blockWorker.get(`/api/v1/cases/${c.id}`)).json().view).toBe('full');
    await refused(blockWorker, c.id, { type: 'transfer_accepted' }, 403, { code: 'outside_jurisdiction' });
    await refused(blockWorker, c.id, { type: 'transfer_rejected', reason: 'not ours' }, 403, { code: 'outside_jurisdiction' });
    // The person named to take the case on must work in the receiving district.
    await refused(dcpoAmravati, c.id, { type: 'transfer_accepted', toUser: k.userId('caseworker.akola') }, 400, { field: 'toUser' });
    await refused(dcpoAmravati, c.id, { type: 'transfer_accepted', toUser: k.userId('nodal.education') }, 400, { field: 'toUser' });
    const done = await ok(dcpoAmravati, c.id, { type: 'transfer_accepted', toUser: k.userId('caseworker.amravati') });
    expect(done.state.owner).toEqual({ user: k.userId('caseworker.amravati'), unit: k.org('DCPU Amravati') });
    expect(done.place.districtCode).toBe(468);
    expect((await cwAkola.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    expect((await cwAmravati.get(`/api/v1/cases/${c.id}`)).json().view).toBe('full');
  });

  it('the legitimate flow: Amravati asks, dcpo.akola accepts and owns the case in Akola', async () => {
    const c = await openIn(cwAmravati, 'Wadali', 0);
    await ok(cwAmravati, c.id, { type: 'transfer_requested', toDistrictCode: 467, reason: 'family moved back to Akola' });
    const accepted = await ok(dcpoAkola, c.id, { type: 'transfer_accepted' });
    expect(accepted.state).toMatchObject({
      status: expect.not.stringMatching(/transfer_pending/),
      level: 'district',
      location: { districtCode: '467' },
    });
    expect(accepted.state.owner).toEqual({ user: k.userId('dcpo.akola'), unit: k.org('DCPU Akola') });
    expect(accepted.state.transfer.history[0]).toMatchObject({ outcome: 'accepted', fromDistrictCode: '468', toDistrictCode: '467' });
    expect(await stored(c.id)).toMatchObject({
      district_code: 467,
      owner_user_id: k.userId('dcpo.akola'),
      owner_unit_id: k.org('DCPU Akola'),
    });
    // Amravati no longer sees it; Akola's caseworker does, and can be handed it.
    expect((await cwAmravati.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    expect((await cwAkola.get(`/api/v1/cases/${c.id}`)).json().view).toBe('full');
    const handed = await ok(dcpoAkola, c.id, { type: 'owner_changed', toUser: k.userId('caseworker.akola') });
    expect(handed.state.owner).toEqual({ user: k.userId('caseworker.akola'), unit: k.org('DCPU Akola') });
  });

  it('the requesting side may withdraw a pending transfer; the receiving side rejects instead', async () => {
    const c = await openIn(cwAmravati, 'Wadali', 1);
    await ok(cwAmravati, c.id, { type: 'transfer_requested', toDistrictCode: 467, reason: 'family said they would move' });
    await refused(dcpoAkola, c.id, { type: 'transfer_cancelled' }, 409, { reason: 'NOT_TRANSFER_REQUESTER' });
    await refused(cwAkola, c.id, { type: 'transfer_cancelled', reason: 'x' }, 409, { reason: 'NOT_TRANSFER_REQUESTER' });
    // Someone else on the requesting side (the district officer covering the case) may withdraw it.
    const cancelled = await ok(dcpoAmravati, c.id, { type: 'transfer_cancelled', reason: 'the family stayed' });
    expect(cancelled.state.transfer).toMatchObject({ pending: null, history: [{ outcome: 'cancelled' }] });
    expect(cancelled.state.status).not.toBe('transfer_pending');
    expect(await stored(c.id)).toMatchObject({ district_code: 468, owner_user_id: k.userId('caseworker.amravati') });
    // Akola no longer sees it, has nothing to decide, and the case can be transferred again later.
    expect((await dcpoAkola.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    await refused(cwAmravati, c.id, { type: 'transfer_cancelled' }, 409, { reason: 'NO_PENDING_TRANSFER' });
    await ok(cwAmravati, c.id, { type: 'transfer_requested', toDistrictCode: 467, reason: 'the family did move' });
  });
});

describe('owners: a case is handed only to people and units working where it is', () => {
  it('owner_changed refuses a user or unit of another district, or a role that does not work cases', async () => {
    const c = await openIn(cwAkola, 'Umri', 2);
    // The reproduced attack: the Amravati NGO worker as owner of an Akola case.
    await refused(cwAkola, c.id, { type: 'owner_changed', toUser: k.userId('ngo.amravati') }, 400, { field: 'toUser' });
    expect((await (await k.as('ngo.amravati')).get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    await refused(cwAkola, c.id, { type: 'owner_changed', toUser: k.userId('dcpo.akola'), toUnit: k.org('Care Collective') }, 400, {
      field: 'toUnit',
    });
    // The state auditor covers Akola but does not work cases.
    await refused(cwAkola, c.id, { type: 'owner_changed', toUser: k.userId('auditor.mh') }, 400, { field: 'toUser' });
    // Escalating or sending down names an owner too.
    await refused(
      cwAkola,
      c.id,
      { type: 'escalation', toLevel: 'state', toUser: k.userId('dcpo.amravati'), reason: 'r', tried: 't' },
      400,
      { field: 'toUser' },
    );
    await refused(cwAkola, c.id, { type: 'escalation', toLevel: 'state', toUnit: k.org('DCPU Amravati'), reason: 'r', tried: 't' }, 400, {
      field: 'toUnit',
    });
    const handed = await ok(cwAkola, c.id, { type: 'owner_changed', toUser: k.userId('dcpo.akola') });
    expect(handed.state.owner).toEqual({ user: k.userId('dcpo.akola'), unit: k.org('DCPU Akola') });
  });
});
