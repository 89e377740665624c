import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { villageId } from '../demo/seed';
import { caseKit, intakeBody, ist, type Kit } from '../cases/cases.testkit';
import { dispatchPending, type EventHandler } from './dispatcher';
import { EVENT_HANDLERS } from './handlers';
import { publish } from './events';
import { hashPassword } from '../auth/passwords';
import { DEMO_PASSWORD } from '../demo/users';

/**
 * Modules keep each other true through domain events: an order on a case reaches the registry
 * and the schemes, an accepted transfer moves the child's record, an urgent Bal Panchayat issue
 * becomes an alert. Each handler runs once per event, however often dispatch runs.
 */
let t: TestApp;
let k: Kit;
let cw: Client;
const dispatch = () => dispatchPending(t.ctx.db, EVENT_HANDLERS, t.ctx.now);
const q = <T>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  cw = await k.as('caseworker.amravati');
});
afterAll(() => t.close());

async function act(user: Parameters<Kit['as']>[0], caseId: string, body: Record<string, unknown>) {
  const res = await (await k.as(user)).post(`/api/v1/cases/${caseId}/actions`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A case produced before the CWC, ready for an order. */
async function producedCase(childId: string) {
  const res = await cw.post('/api/v1/cases', intakeBody(childId));
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await act('dcpo.amravati', id, { type: 'produced_before_cwc', form17Ref: 'F17/2026/7' });
  return id;
}

const careStatus = async (childId: string) =>
  (await q<{ care_status: string }>('SELECT care_status FROM child WHERE id = $1', [childId]))[0].care_status;

describe('a CWC order reaches the registry and the schemes', () => {
  it('a restoration order makes a street-connected child live with the birth family again, once', async () => {
    const childId = await k.childIn('Wadali', 1);
    await q("UPDATE child SET care_status = 'street_connected' WHERE id = $1", [childId]);
    const caseId = await producedCase(childId);
    await act('cwc.amravati', caseId, {
      type: 'cwc_order',
      kind: 'final',
      orderType: 'restoration',
      form: 'form44',
      orderRef: 'CWC/AMR/2026/70',
      orderedOn: '2026-12-01',
    });
    // Published in the action's transaction, handled by the dispatcher.
    expect(await careStatus(childId)).toBe('street_connected');
    const first = await dispatch();
    expect(first.handled).toBeGreaterThan(0);
    expect(await careStatus(childId)).toBe('birth_family');
    const child = await cw.get(`/api/v1/children/${childId}`);
    expect(child.json().careStatus).toBe('birth_family');
    // The change is in the child's history (audit), with the case it came from.
    const changes = await q<{ details: { caseId: string; to: string } }>(
      "SELECT details FROM audit_event WHERE entity_type = 'child' AND entity_id = $1 AND details->>'becauseOf' = 'cwc_order'",
      [childId],
    );
    expect(changes.map((c) => c.details)).toEqual([expect.objectContaining({ caseId, to: 'birth_family' })]);
    // Dispatching again handles nothing twice.
    expect((await dispatch()).handled).toBe(0);
    expect(await q("SELECT 1 FROM audit_event WHERE entity_id = $1 AND details->>'becauseOf' = 'cwc_order'", [childId])).toHaveLength(1);
  });

  it('a sponsorship order fills the CWC-recommendation fact the sponsorship rule asks for', async () => {
    // A child whose sponsorship waits on the CWC's recommendation (e.g. the father has died):
    // the first such child of the district, in name order.
    const rows = await q<{ id: string; family_id: string }>(
      `SELECT c.id, c.family_id FROM child c JOIN family_member m ON m.family_id = c.family_id
        WHERE c.district_code = 468 AND m.relationship = 'father' AND m.alive = false AND c.dob > '2012-01-01'
        ORDER BY c.name, c.id LIMIT 20`,
    );
    const sponsorshipOf = async (r: { id: string; family_id: string }) => {
      const res = await cw.get(`/api/v1/families/${r.family_id}/scheme-suggestions?lang=en`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().suggestions as { schemeId: string; subjectId: string; status: string; missingFacts: { fact: string }[] }[]).find(
        (s) => s.schemeId === 'mission-vatsalya-sponsorship' && s.subjectId === r.id,
      );
    };
    let row: { id: string; family_id: string } | undefined;
    for (const r of rows) {
      if ((await sponsorshipOf(r))?.missingFacts.some((m) => m.fact === 'cwcRecommendation')) {
        row = r;
        break;
      }
    }
    expect(row, 'a demo child whose sponsorship waits on the CWC').toBeTruthy();
    const sponsorship = () => sponsorshipOf(row!).then((s) => s!);
    const caseId = await producedCase(row!.id);
    await act('cwc.amravati', caseId, {
      type: 'cwc_order',
      kind: 'final',
      orderType: 'sponsorship',
      form: 'other',
      orderRef: 'CWC/AMR/2026/71',
      orderedOn: '2026-12-01',
    });
    expect(await q('SELECT 1 FROM scheme_child_fact WHERE child_id = $1', [row!.id])).toHaveLength(0);
    await dispatch();
    const [fact] = await q<{ value: boolean; source: string; source_ref: string }>(
      'SELECT value, source, source_ref FROM scheme_child_fact WHERE child_id = $1',
      [row!.id],
    );
    expect(fact).toMatchObject({ value: true, source: 'cwc_order:sponsorship', source_ref: `${caseId}/CWC/AMR/2026/71` });
    const after = await sponsorship();
    expect(after.missingFacts.map((m) => m.fact)).not.toContain('cwcRecommendation');
    expect(after.status === 'eligible' || after.missingFacts.length > 0).toBe(true);
  });
});

describe('a transfer accepted elsewhere moves the child with the case', () => {
  it('Akola reads the child after accepting the transfer; Amravati keeps the history', async () => {
    const childId = await k.childIn('Wadali', 7);
    const res = await cw.post('/api/v1/cases', intakeBody(childId, { productionRequired: false, risk: 'medium' }));
    const caseId = res.json().id as string;
    await act('caseworker.amravati', caseId, { type: 'transfer_requested', toDistrictCode: 467, reason: 'family moved to Akola' });
    const akola = await k.as('dcpo.akola');
    expect((await akola.get(`/api/v1/children/${childId}`)).statusCode).toBe(404);
    await act('dcpo.akola', caseId, { type: 'transfer_accepted' });
    await dispatch();
    const read = await akola.get(`/api/v1/children/${childId}`);
    expect(read.statusCode, read.body).toBe(200);
    expect((await cw.get(`/api/v1/children/${childId}`)).statusCode).toBe(404);
    const moves = await q<{ from_district_code: number; to_district_code: number; case_id: string }>(
      "SELECT from_district_code, to_district_code, case_id FROM registry_move WHERE subject_type = 'child' AND subject_id = $1",
      [childId],
    );
    expect(moves).toEqual([{ from_district_code: 468, to_district_code: 467, case_id: caseId }]);
    expect((await dispatch()).handled).toBe(0);
  });
});

describe('a transfer accepted in another state moves the child with the case, unless another case keeps it', () => {
  const BHOPAL = 396;
  let bhopal: Client;
  beforeAll(async () => {
    await q(
      `INSERT INTO location (id, level, lgd_code, name, state_code, district_code) VALUES
         ('st:23', 'state', 23, 'Madhya Pradesh', 23, NULL), ('di:${BHOPAL}', 'district', ${BHOPAL}, 'Bhopal', 23, ${BHOPAL})
       ON CONFLICT (id) DO NOTHING`,
    );
    const [{ id: unit }] = await q<{ id: string }>(
      `INSERT INTO organisation (name, kind, state_code, district_code, level, place_id)
       VALUES ('DCPU Bhopal', 'DCPU', 23, ${BHOPAL}, 'district', 'di:${BHOPAL}') RETURNING id`,
    );
    await q(
      `INSERT INTO app_user (username, display_name, password_hash, role, organisation_id, scope_level, jurisdiction_id, state_code, district_code)
       VALUES ('dcpo.bhopal.flow', 'DCPO Bhopal', $1, 'dcpu_officer', $2, 'district', 'di:${BHOPAL}', 23, ${BHOPAL})`,
      [await hashPassword(DEMO_PASSWORD), unit],
    );
    bhopal = await t.login('dcpo.bhopal.flow');
  });

  /** A child registered for the test: no demo case or document of its own to depend on. */
  async function newChild(name: string) {
    const res = await cw.post('/api/v1/children', {
      name,
      sex: 'female',
      careStatus: 'birth_family',
      locationId: villageId('Wadali'),
      dob: '2015-03-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  async function transferToBhopal(caseId: string) {
    await act('caseworker.amravati', caseId, { type: 'transfer_requested', toDistrictCode: BHOPAL, reason: 'family traced to Bhopal' });
    const res = await bhopal.post(`/api/v1/cases/${caseId}/actions`, { type: 'transfer_accepted' });
    expect(res.statusCode, res.body).toBe(201);
    await dispatch();
  }

  it("moves the child, the child's documents and the case's attachments to Madhya Pradesh; Amravati gets 404", async () => {
    const childId = await newChild('Transfer Wankhade');
    const res = await cw.post('/api/v1/cases', intakeBody(childId, { productionRequired: false, risk: 'medium' }));
    const caseId = res.json().id as string;
    const [{ id: docId }] = await q<{ id: string }>(
      `INSERT INTO document (state_code, district_code, child_id, doc_type, status) VALUES (27, 468, $1, 'birth_certificate', 'held') RETURNING id`,
      [childId],
    );
    const [{ id: attId }] = await q<{ id: string }>(
      `INSERT INTO case_attachment (case_id, state_code, district_code, kind, content_type, size_bytes, sha256, stored_name)
       VALUES ($1, 27, 468, 'report', 'application/pdf', 1, 'x', $2) RETURNING id`,
      [caseId, `flow-${caseId}`],
    );
    expect((await bhopal.get(`/api/v1/children/${childId}`)).statusCode).toBe(404);
    await transferToBhopal(caseId);
    const read = await bhopal.get(`/api/v1/children/${childId}`);
    expect(read.statusCode, read.body).toBe(200);
    expect((await cw.get(`/api/v1/children/${childId}`)).statusCode).toBe(404);
    expect((await (await k.as('dcpo.amravati')).get(`/api/v1/children/${childId}`)).statusCode).toBe(404);
    expect(await q('SELECT state_code, district_code FROM child WHERE id = $1', [childId])).toEqual([
      { state_code: 23, district_code: BHOPAL },
    ]);
    expect(await q('SELECT state_code, district_code FROM document WHERE id = $1', [docId])).toEqual([
      { state_code: 23, district_code: BHOPAL },
    ]);
    expect(await q('SELECT state_code, district_code FROM case_attachment WHERE id = $1', [attId])).toEqual([
      { state_code: 23, district_code: BHOPAL },
    ]);
    const [moved] = await q<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_event WHERE entity_type = 'child' AND entity_id = $1 AND details->>'field' = 'jurisdiction'`,
      [childId],
    );
    expect(moved.details).toMatchObject({
      fromState: 27,
      toState: 23,
      toDistrict: BHOPAL,
      caseId,
      documentsMoved: [docId],
    });
    // The attachments moved with the acceptance itself (the cases module's own table), audited on the case.
    const [accepted] = await q<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_event WHERE entity_type = 'case' AND entity_id = $1 AND action = 'case.transfer_accepted'`,
      [caseId],
    );
    expect(accepted.details).toMatchObject({ attachmentsMoved: 1 });
    expect((await dispatch()).handled).toBe(0);
  });

  it('keeps the child in Maharashtra while another of its cases is open there: audited, Amravati still reads it', async () => {
    const childId = await newChild('Kept Wankhade');
    const first = (await cw.post('/api/v1/cases', intakeBody(childId, { productionRequired: false, risk: 'medium' }))).json().id as string;
    const second = await cw.post(
      '/api/v1/cases',
      intakeBody(childId, { productionRequired: false, risk: 'low', clientId: `second-${first}` }),
    );
    expect(second.statusCode, second.body).toBe(201);
    await transferToBhopal(first);
    expect(await q('SELECT state_code, district_code FROM child WHERE id = $1', [childId])).toEqual([
      { state_code: 27, district_code: 468 },
    ]);
    expect((await cw.get(`/api/v1/children/${childId}`)).statusCode).toBe(200);
    // Bhopal works the case it accepted; the registry record stays with the open case's team.
    expect((await bhopal.get(`/api/v1/cases/${first}`)).statusCode).toBe(200);
    const [kept] = await q<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_event WHERE action = 'transfer.kept' AND entity_id = $1`,
      [childId],
    );
    expect(kept.details).toMatchObject({ reason: 'other_open_cases_in_sending_state', otherCases: [second.json().id], caseId: first });
  });
});

describe('urgent Bal Panchayat issues do not wait for a meeting', () => {
  it('an imminent child marriage alerts the DCPU within the hour; a village problem does not', async () => {
    const aww = await k.as('aww.rajura');
    const body = (category: string) => ({
      villageId: villageId('Rajura'),
      category,
      summary: 'raised by the children at the council',
      raisedOn: '2026-12-01',
    });
    const urgent = await aww.post('/api/v1/convergence/bal-panchayat/issues', body('child_marriage'));
    expect(urgent.statusCode, urgent.body).toBe(201);
    const calm = await aww.post('/api/v1/convergence/bal-panchayat/issues', body('village_problem'));
    expect(calm.statusCode, calm.body).toBe(201);
    await dispatch();
    const alerts = (await (await k.as('dcpo.amravati')).get('/api/v1/notifications')).json().items as {
      kind: string;
      ref: string;
      dueAt: string;
      message: string;
    }[];
    const mine = alerts.filter((a) => a.kind === 'urgent.bal_panchayat');
    expect(mine.map((a) => a.ref)).toEqual([urgent.json().id]);
    expect(Date.parse(mine[0].dueAt) - t.ctx.now().getTime()).toBeLessThanOrEqual(60 * 60 * 1000);
    expect(mine[0].message).not.toContain('Rajura');
  });
});

describe('the dispatcher', () => {
  it('retries a failing handler, then gives up on it without blocking later events', async () => {
    let calls = 0;
    const flaky: EventHandler<'balpanchayat.issue_raised'> = {
      name: 'test.always-fails',
      type: 'balpanchayat.issue_raised',
      async handle() {
        calls++;
        throw new TypeError('boom');
      },
    };
    const seen: string[] = [];
    const recorder: EventHandler<'balpanchayat.issue_raised'> = {
      name: 'test.records',
      type: 'balpanchayat.issue_raised',
      async handle(_db, e) {
        seen.push(e.payload.issueId);
      },
    };
    await dispatch();
    const place = { stateCode: 27, districtCode: 468 };
    const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
    for (const id of ids) {
      await publish(t.ctx.db, {
        type: 'balpanchayat.issue_raised',
        aggregateType: 'test',
        aggregateId: id,
        at: t.ctx.now(),
        payload: { issueId: id, category: 'other', raisedOn: '2026-12-01', place, childId: null },
      });
    }
    const failures: string[] = [];
    for (let i = 0; i < 10; i++)
      await dispatchPending(t.ctx.db, [flaky, recorder], t.ctx.now, { onFailure: (h, code) => failures.push(`${h}:${code}`) });
    expect(calls).toBe(10); // five attempts for each of the two events
    expect(seen).toEqual(ids); // the other handler ran once per event
    expect(failures[0]).toBe('test.always-fails:TypeError');
    const states = await q<{ status: string; attempts: number }>(
      "SELECT status, attempts FROM domain_event_handling WHERE handler = 'test.always-fails'",
    );
    expect(states).toEqual([
      { status: 'failed', attempts: 5 },
      { status: 'failed', attempts: 5 },
    ]);
    expect(await q('SELECT 1 FROM domain_event WHERE completed_at IS NULL')).toHaveLength(0);
  });

  it('refuses an event whose payload does not match its type', async () => {
    await expect(
      publish(t.ctx.db, {
        type: 'case.cwc_order_recorded',
        aggregateType: 'case',
        aggregateId: '11111111-1111-4111-8111-111111111111',
        at: t.ctx.now(),
        payload: { caseId: 'x' } as never,
      }),
    ).rejects.toThrow();
  });
});
