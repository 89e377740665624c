import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { villageId } from '../demo/seed';
import { caseKit, intakeBody, ist, type Kit } from './cases.testkit';

/**
 * Every action the case is not in a state for is refused with the domain's reason
 * (409 invalid_transition, or 400 for bad input) and changes nothing.
 */
let t: TestApp;
let k: Kit;
let cw: Client;

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  cw = await k.as('caseworker.amravati');
});
afterAll(() => t.close());

const actionCount = async (caseId: string) =>
  (await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM case_action WHERE case_id = $1', [caseId]))[0].n;

async function newCase(over: Record<string, unknown> = {}, skip = 0) {
  const res = await cw.post('/api/v1/cases', intakeBody(await k.childIn('Wadali', skip), over));
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number };
}

/** Posts an action that must be refused, and checks that nothing was recorded. */
async function refused(caseId: string, body: Record<string, unknown>, status: number, reason: string | null, client = cw) {
  const before = await actionCount(caseId);
  const version = (await t.ctx.database.query<{ version: number }>('SELECT version FROM case_record WHERE id = $1', [caseId]))[0].version;
  const res = await client.post(`/api/v1/cases/${caseId}/actions`, body);
  expect(res.statusCode, res.body).toBe(status);
  if (reason) expect(res.json().reason).toBe(reason);
  expect(await actionCount(caseId)).toBe(before);
  expect((await t.ctx.database.query<{ version: number }>('SELECT version FROM case_record WHERE id = $1', [caseId]))[0].version).toBe(
    version,
  );
  return res.json();
}
const ok = async (caseId: string, body: Record<string, unknown>, client = cw) => {
  const res = await client.post(`/api/v1/cases/${caseId}/actions`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('refused for the state the case is in (409 invalid_transition)', () => {
  it('SIR, final order and review before their time', async () => {
    const c = await newCase();
    const sir = await refused(
      c.id,
      { type: 'sir_submitted', findings: [{ domain: 'health', finding: 'anaemic' }], recommendation: 'restore' },
      409,
      'SIR_NOT_ORDERED',
    );
    expect(sir).toMatchObject({ code: 'invalid_transition', message: expect.stringMatching(/Form 21/) });
    await refused(c.id, { type: 'sir_ordered' }, 409, 'NOT_PRODUCED', await k.as('cwc.amravati'));
    await refused(
      c.id,
      { type: 'cwc_order', kind: 'final', orderType: 'restoration', form: 'form44', orderedOn: '2026-12-01' },
      409,
      'NOT_PRODUCED',
      await k.as('cwc.amravati'),
    );
    await refused(c.id, { type: 'review', outcome: 'continue' }, 409, 'NO_CARE_PLAN');
    await refused(
      c.id,
      { type: 'returned_down', instructions: 'x', toLevel: 'state', toUnit: k.org('DCPU Amravati') },
      409,
      'NOT_LOWER_LEVEL',
    );
    await refused(c.id, { type: 'reopening', reason: 'again' }, 409, 'NOT_CLOSED');
    await refused(c.id, { type: 'transfer_accepted' }, 409, 'NO_PENDING_TRANSFER');
  });

  it('closure: open referrals, then a pending CWC order, block it; a closed case takes only notes and reopening', async () => {
    const c = await newCase({}, 1);
    await ok(c.id, { type: 'produced_before_cwc' });
    await ok(c.id, {
      type: 'referral',
      referralId: 'r1',
      need: 'school',
      domain: 'education_training',
      to: { orgId: k.org('Education Department') },
    });
    await refused(c.id, { type: 'closure', reason: 'restored_to_family' }, 409, 'OPEN_REFERRALS');
    await ok(c.id, { type: 'referral_declined', referralId: 'r1', reason: 'wrong department' }, await k.as('nodal.education'));
    await refused(c.id, { type: 'closure', reason: 'restored_to_family' }, 409, 'CWC_ORDER_PENDING');
    await refused(c.id, { type: 'referral_accepted', referralId: 'r1' }, 409, 'REFERRAL_ALREADY_DECIDED', await k.as('nodal.education'));
    // The child died: a terminal closure ends the case whatever is pending.
    const closed = await ok(c.id, { type: 'closure', reason: 'died', note: 'informed by the police' });
    expect(closed.state.status).toBe('closed');
    await refused(c.id, { type: 'assessment', risk: 'low', needs: [] }, 409, 'CASE_CLOSED');
    await refused(c.id, { type: 'closure', reason: 'duplicate' }, 409, 'ALREADY_CLOSED');
    await ok(c.id, { type: 'note', text: 'death certificate received' });
  });

  it('escalation: not above the current level, not beyond the state', async () => {
    const c = await newCase({ level: 'district' }, 2);
    await refused(c.id, { type: 'escalation', toLevel: 'block', reason: 'r', tried: 't' }, 409, 'NOT_HIGHER_LEVEL');
    await refused(c.id, { type: 'escalation', fromLevel: 'village', toLevel: 'state', reason: 'r', tried: 't' }, 409, 'WRONG_LEVEL');
    await ok(c.id, { type: 'escalation', reason: 'needs the state society', tried: 'district convergence group' });
    // The State Child Protection Society receives it; its officer works cases at state level.
    const admin = await k.as('scps.mh');
    const state = (await admin.get(`/api/v1/cases/${c.id}`)).json();
    expect(state.state).toMatchObject({ level: 'state', status: 'escalated' });
    expect(state.state.owner.unit).toBe(k.org('State Child Protection Society'));
    await refused(c.id, { type: 'escalation', reason: 'r', tried: 't' }, 409, 'ALREADY_AT_TOP', admin);
    // Sent back down: by default to whoever escalated it, with the instructions.
    const back = await ok(c.id, { type: 'returned_down', instructions: 'link the family to Bal Sangopan; report in a month' }, admin);
    expect(back.state).toMatchObject({ level: 'district', status: 'intake' });
    expect(back.state.owner).toEqual({ user: k.userId('caseworker.amravati'), unit: k.org('DCPU Amravati') });
    expect(back.state.returns[0].instructions).toMatch(/Bal Sangopan/);
  });

  it('transfer: only the receiving district decides', async () => {
    const c = await newCase({}, 3);
    await refused(c.id, { type: 'transfer_requested', toDistrictCode: 468, reason: 'moved' }, 400, 'SAME_DISTRICT');
    await ok(c.id, { type: 'transfer_requested', toDistrictCode: 467, reason: 'family moved to Akola' });
    await refused(c.id, { type: 'transfer_accepted' }, 409, 'NOT_TRANSFER_RECIPIENT');
    await refused(c.id, { type: 'transfer_requested', toDistrictCode: 467, reason: 'again' }, 409, 'TRANSFER_PENDING');
    await refused(c.id, { type: 'closure', reason: 'restored_to_family' }, 409, 'TRANSFER_PENDING');
    const akola = await k.as('dcpo.akola');
    const rejected = await ok(c.id, { type: 'transfer_rejected', reason: 'family not found at the Akola address' }, akola);
    // Rejected: the case stays in Amravati, and Akola no longer sees it.
    expect(rejected.view).toBe('none');
    expect((await akola.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    const back = (await cw.get(`/api/v1/cases/${c.id}`)).json();
    expect(back.state.transfer.history[0]).toMatchObject({ outcome: 'rejected', rejectionReason: expect.stringMatching(/not found/) });
  });
});

describe('refused as bad input (400), naming the field', () => {
  it('unknown action type, missing and malformed fields', async () => {
    const c = await newCase({}, 4);
    const unknown = await refused(c.id, { type: 'teleport' }, 400, null);
    expect(unknown.code).toBe('validation_failed');
    const missing = await refused(c.id, { type: 'closure' }, 400, null);
    const noSuchDay = await refused(
      c.id,
      { type: 'cwc_order', kind: 'interim', orderType: 'restoration', form: 'form44', orderRef: 'CWC/AMR/2026/9', orderedOn: '2026-02-29' },
      400,
      null,
    );
    expect(noSuchDay.issues).toContainEqual({ field: 'orderedOn', message: 'is not a real date' });
    expect(missing.issues.map((i: { field: string }) => i.field)).toContain('reason');
    const badUnit = await refused(c.id, { type: 'referral', need: 'x', domain: 'health', to: { orgId: 'not-a-uuid' } }, 400, null);
    expect(badUnit.issues[0].field).toMatch(/to\.orgId/);
    const noOrg = await refused(
      c.id,
      { type: 'referral', need: 'x', domain: 'health', to: { orgId: '00000000-0000-4000-8000-000000000000' } },
      400,
      null,
    );
    expect(noOrg.issues[0].field).toBe('to.orgId');
    await refused(c.id, { type: 'referral_accepted', referralId: 'nope' }, 400, 'UNKNOWN_REFERRAL');
  });

  it('care plan rules of the ICP (Form 7): reason below own family, CWC order for institutional care', async () => {
    const c = await newCase({}, 5);
    const domains = [{ domain: 'health', goals: ['g'], services: [], providers: [], targetDate: '2027-01-31' }];
    const r = await refused(c.id, { type: 'care_plan', careOption: 'kinship', domains }, 400, 'CARE_OPTION_REASON_REQUIRED');
    expect(r.issues[0].field).toBe('careOptionReason');
    await refused(
      c.id,
      { type: 'care_plan', careOption: 'institution', careOptionReason: 'no relatives', domains },
      409,
      'CWC_ORDER_REQUIRED',
    );
    await refused(c.id, { type: 'care_plan', careOption: 'own_family', domains: [domains[0], domains[0]] }, 400, 'DUPLICATE_DOMAIN');
    await refused(
      c.id,
      { type: 'care_plan', careOption: 'own_family', domains: [{ ...domains[0], targetDate: '2026-01-01' }] },
      400,
      'DATE_BEFORE_INTAKE',
    );
  });

  it('a stale version is refused with 409 version_conflict', async () => {
    const c = await newCase({}, 6);
    await ok(c.id, { type: 'note', text: 'first', version: 1 });
    const stale = await refused(c.id, { type: 'note', text: 'second', version: 1 }, 409, null);
    expect(stale).toMatchObject({ code: 'version_conflict', current: { version: 2 } });
    const viaHeader = await cw.patch(`/api/v1/cases/${c.id}/actions`, {});
    expect(viaHeader.statusCode).toBe(404); // no PATCH route
  });

  it('a retried action with the same clientId is recorded once', async () => {
    const c = await newCase({}, 7);
    const a = await ok(c.id, { type: 'note', text: 'called the school', clientId: 'tablet-7:42' });
    const b = await ok(c.id, { type: 'note', text: 'called the school', clientId: 'tablet-7:42' });
    expect(a.version).toBe(2);
    expect(b.version).toBe(2);
    expect(await actionCount(c.id)).toBe(2);
  });
});

describe('intake', () => {
  it('opens a case for a new child created in the same request', async () => {
    const before = (await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM child'))[0].n;
    const res = await cw.post('/api/v1/cases', {
      ...intakeBody('x'),
      childId: undefined,
      child: {
        locationId: villageId('Kurha'),
        name: 'Ganesh Bhise',
        sex: 'male',
        ageYears: 11,
        careStatus: 'street_connected',
        notDuplicate: { reason: 'the police say this boy is not the one already registered' },
      },
      source: 'police',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.child).toMatchObject({ name: 'Ganesh Bhise', age: 11 });
    expect(c.place.villageId).toBe(villageId('Kurha'));
    expect((await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM child'))[0].n).toBe(before + 1);
  });

  it('a retried intake with the same clientId opens one case', async () => {
    const child = await k.childIn('Wadali', 9);
    const count = async () =>
      (await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM case_record WHERE child_id = $1', [child]))[0].n;
    const before = await count();
    const a = await cw.post('/api/v1/cases', intakeBody(child, { clientId: 'tablet-3:intake-17' }));
    const b = await cw.post('/api/v1/cases', intakeBody(child, { clientId: 'tablet-3:intake-17' }));
    expect(a.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    expect(await count()).toBe(before + 1);
    // Another person's client may use the same id: that is another case.
    const c = await (await k.as('dcpo.amravati')).post('/api/v1/cases', intakeBody(child, { clientId: 'tablet-3:intake-17' }));
    expect(c.json().id).not.toBe(a.json().id);
  });

  it('refuses a child outside the jurisdiction, both or neither child, and writes nothing', async () => {
    const cases = async () => (await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM case_record'))[0].n;
    const before = await cases();
    const akolaChild = await k.childIn('Umri');
    const out = await cw.post('/api/v1/cases', intakeBody(akolaChild));
    expect(out.statusCode).toBe(400);
    expect(out.json().issues[0].field).toBe('childId');
    const both = await cw.post('/api/v1/cases', {
      ...intakeBody(await k.childIn('Wadali')),
      child: { locationId: villageId('Kurha'), name: 'A B', sex: 'male', ageYears: 3, careStatus: 'birth_family' },
    });
    expect(both.statusCode).toBe(400);
    const bad = await cw.post('/api/v1/cases', intakeBody(await k.childIn('Wadali'), { reportedOn: '2026-12-05' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().reason).toBe('DATE_AFTER_ACTION');
    const noSuchDay = await cw.post('/api/v1/cases', intakeBody(await k.childIn('Wadali'), { reportedOn: '2025-02-29' }));
    expect(noSuchDay.statusCode).toBe(400);
    expect(noSuchDay.json().issues).toEqual([{ field: 'reportedOn', message: 'is not a real date' }]);
    const badChild = await cw.post('/api/v1/cases', {
      ...intakeBody('x'),
      childId: undefined,
      child: { locationId: villageId('Kurha'), name: '', sex: 'male', ageYears: 3, careStatus: 'birth_family' },
    });
    expect(badChild.statusCode).toBe(400);
    expect(await cases()).toBe(before);
  });

  it('needs cases.write: the auditor may read, not open or act; the helpline operator may do neither', async () => {
    const child = await k.childIn('Wadali', 8);
    expect((await (await k.as('auditor.mh')).post('/api/v1/cases', intakeBody(child))).statusCode).toBe(403);
    expect((await (await k.as('helpline.amravati')).post('/api/v1/cases', intakeBody(child))).statusCode).toBe(403);
    const c = await newCase({}, 8);
    await refused(c.id, { type: 'note', text: 'x' }, 403, null, await k.as('auditor.mh'));
    expect((await (await k.as('auditor.mh')).get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
  });
});
