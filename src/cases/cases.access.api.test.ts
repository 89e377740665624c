import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { caseKit, intakeBody, ist, type Kit } from './cases.testkit';
import { casesFlaggedForConvergence } from './cases.repository';
import { actorForToken } from '../auth/auth.service';

/** Who sees a case, through the API: jurisdiction, owner and unit, referred part, transfers. */
let t: TestApp;
let k: Kit;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  const cw = await k.as('caseworker.amravati');
  const res = await cw.post('/api/v1/cases', intakeBody(await k.childIn('Wadali'), { productionRequired: false }));
  caseId = res.json().id;
  const post = (body: object) => cw.post(`/api/v1/cases/${caseId}/actions`, body);
  expect(
    (
      await post({
        type: 'referral',
        referralId: 'edu-1',
        need: 'school fees and uniform',
        domain: 'education_training',
        to: { orgId: k.org('Education Department') },
      })
    ).statusCode,
  ).toBe(201);
  expect((await post({ type: 'flagged_for_convergence', reason: 'needs Bal Sangopan and school support' })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('outside the jurisdiction: 404, never a hint', () => {
  it('Akola does not see, list, act on or download from an Amravati case', async () => {
    const akola = await k.as('caseworker.akola');
    for (const url of [`/api/v1/cases/${caseId}`, `/api/v1/cases/${caseId}/attachments`]) {
      const res = await akola.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    const act = await akola.post(`/api/v1/cases/${caseId}/actions`, { type: 'note', text: 'x' });
    expect(act.statusCode).toBe(404);
    const list = (await akola.get('/api/v1/cases?pageSize=100')).json();
    // Only Akola's cases, and an Amravati case only while a transfer to DCPU Akola awaits its decision.
    const foreign = list.items.filter((c: { districtCode: number }) => c.districtCode !== 467);
    expect(foreign.every((c: { transferToUnitId: string }) => c.transferToUnitId === k.org('DCPU Akola'))).toBe(true);
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
    const byFilter = (await akola.get('/api/v1/cases?districtCode=468')).json();
    expect(byFilter.total).toBe(foreign.length);
  });

  it("a refused read of the case is audited as refused, against the reader, at the case's place (nothing disclosed)", async () => {
    const refused = () =>
      t.ctx.database.query<{ district_code: number; details: Record<string, unknown> }>(
        `SELECT a.district_code, a.details FROM audit_event a JOIN app_user u ON u.id = a.actor_id
          WHERE u.username = 'caseworker.akola' AND a.entity_id = $1 AND a.action = 'read_refused'`,
        [caseId],
      );
    const before = (await refused()).length;
    const akola = await k.as('caseworker.akola');
    expect((await akola.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    const rows = await refused();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ district_code: 468, details: { reason: 'no_access' } });
    const reads = await t.ctx.database.query(
      `SELECT 1 FROM audit_event a JOIN app_user u ON u.id = a.actor_id WHERE u.username = 'caseworker.akola' AND a.entity_id = $1 AND a.action = 'read'`,
      [caseId],
    );
    expect(reads).toEqual([]);
  });

  it("a village worker sees her village's cases, not the next village's", async () => {
    const aww = await k.as('aww.rajura');
    expect((await aww.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404); // Wadali, not Rajura
    const list = (await aww.get('/api/v1/cases?pageSize=100')).json();
    expect(list.items.every((c: { villageId: string }) => c.villageId === 'vi:demo-rajura')).toBe(true);
  });

  it('a department without a referral on the case sees nothing', async () => {
    expect((await (await k.as('nodal.health')).get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    expect((await (await k.as('nodal.health')).get('/api/v1/cases')).statusCode).toBe(403); // no cases.read
  });

  it('an unknown id is the same 404, and a malformed one a 400', async () => {
    const cw = await k.as('caseworker.amravati');
    expect((await cw.get('/api/v1/cases/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await cw.get('/api/v1/cases/nope')).statusCode).toBe(400);
  });
});

describe('the referred part only', () => {
  it("Education sees the child's name, its referral and the need: not the history, the plan or the files", async () => {
    const edu = await k.as('nodal.education');
    const res = await edu.get(`/api/v1/cases/${caseId}`);
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(Object.keys(v).sort()).toEqual(['child', 'due', 'id', 'number', 'referrals', 'version', 'view'].sort());
    expect(v.view).toBe('referral');
    expect(v.child).toMatchObject({ id: expect.any(String), name: expect.any(String) });
    expect(v.child.dob).toBeUndefined();
    expect(v.referrals).toEqual([expect.objectContaining({ referralId: 'edu-1', need: 'school fees and uniform', status: 'pending' })]);
    expect(v.due).toEqual([expect.objectContaining({ kind: 'referral_response', ref: 'edu-1' })]);
    expect((await edu.get(`/api/v1/cases/${caseId}/attachments`)).statusCode).toBe(403);
    const note = await edu.post(`/api/v1/cases/${caseId}/actions`, { type: 'note', text: 'x' });
    expect(note.statusCode).toBe(403);
    expect((await edu.get('/api/v1/cases')).statusCode).toBe(403);
  });

  it("Education's task list holds its referral, and its answer is recorded in the case history", async () => {
    const edu = await k.as('nodal.education');
    const tasks = (await edu.get('/api/v1/tasks?scope=unit&pageSize=100')).json();
    const mine = tasks.items.find((i: { caseId: string }) => i.caseId === caseId);
    expect(mine).toMatchObject({ kind: 'referral_response', ref: 'edu-1', childName: expect.any(String) });
    expect(mine.status).toBeUndefined(); // not the state of the case
    const res = await edu.post(`/api/v1/cases/${caseId}/actions`, { type: 'referral_accepted', referralId: 'edu-1' });
    expect(res.statusCode).toBe(201);
    expect(res.json().view).toBe('referral');
    const full = (await (await k.as('caseworker.amravati')).get(`/api/v1/cases/${caseId}`)).json();
    const last = full.history[full.history.length - 1];
    expect(last).toMatchObject({ type: 'referral_accepted', unit: k.org('Education Department'), by: k.userId('nodal.education') });
    expect(full.directory.units[k.org('Education Department')].name).toMatch(/Education/);
  });
});

describe('transfers move the case, and who sees it', () => {
  it('the receiving district sees it while pending, owns it once accepted; the sender loses it', async () => {
    const cw = await k.as('caseworker.amravati');
    const c = (await cw.post('/api/v1/cases', intakeBody(await k.childIn('Dhamak'), { productionRequired: false }))).json();
    const akola = await k.as('dcpo.akola');
    expect((await akola.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    expect(
      (
        await cw.post(`/api/v1/cases/${c.id}/actions`, {
          type: 'transfer_requested',
          toDistrictCode: '467',
          reason: 'family moved to Akola',
        })
      ).statusCode,
    ).toBe(201);
    const incoming = (await akola.get('/api/v1/cases?queue=transfers')).json();
    expect(incoming.items.map((i: { id: string }) => i.id)).toContain(c.id);
    const tasks = (await akola.get('/api/v1/tasks?scope=unit&kind=transfer_response')).json();
    expect(tasks.items.map((i: { caseId: string }) => i.caseId)).toContain(c.id);
    const accepted = await akola.post(`/api/v1/cases/${c.id}/actions`, { type: 'transfer_accepted' });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().state).toMatchObject({ status: 'intake', level: 'district', location: { districtCode: '467' } });
    expect(accepted.json().place).toMatchObject({ districtCode: 467, villageId: null });
    expect((await cw.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    expect((await (await k.as('caseworker.akola')).get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
    // The state sees both districts.
    expect((await (await k.as('auditor.mh')).get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
  });
});

describe('casesFlaggedForConvergence (for the convergence module)', () => {
  it("lists the district's open flagged cases the actor may see", async () => {
    const token = (await k.as('dcpo.amravati')).token;
    const dcpo = (await actorForToken(t.ctx.db, token, '127.0.0.1', t.ctx.now()))!;
    const rows = await casesFlaggedForConvergence(t.ctx.db, dcpo, 468);
    const mine = rows.find((r) => r.caseId === caseId);
    expect(mine).toMatchObject({
      groupId: null,
      reason: expect.stringMatching(/Bal Sangopan/),
      flaggedOn: '2026-12-01',
      status: expect.any(String),
    });
    const akolaActor = (await actorForToken(t.ctx.db, (await k.as('caseworker.akola')).token, '127.0.0.1', t.ctx.now()))!;
    expect(await casesFlaggedForConvergence(t.ctx.db, akolaActor, 468)).toEqual([]);
    const listed = (await (await k.as('dcpo.amravati')).get('/api/v1/cases?queue=convergence&pageSize=100')).json();
    expect(listed.items.map((i: { id: string }) => i.id).sort()).toEqual([...new Set(rows.map((r) => r.caseId))].sort());
  });
});
