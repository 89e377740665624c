import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';

// A missing document on an application's checklist followed up as a convergence action item
// for the issuing department, or as a task in the child's open case; the checklist shows how
// the action or task stands, and a follow-up that cannot be made is refused with the reason,
// writing nothing.

let t: TestApp;
let cw: Client; // caseworker, Amravati (district 468)
let familyId: string;
let childId: string;
let appId: string;
// Made by the tests below, read back by a nodal officer.
let actionRequestId: string;
let taskRequest: { id: string; caseId: string; caseReferralId: string };

const BSY = 'mh-bal-sangopan';
const n = async (table: string) => Number((await t.ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
const counts = async () => ({
  requests: await n('document_request'),
  actions: await n('convergence_action'),
  caseActions: await n('case_action'),
});
type Line = {
  doc: string;
  owner: 'child' | 'family';
  held: boolean;
  requests: { id: string; followUp: string; followUpStatus: { kind: string; status: string; done: boolean } | null }[];
};
const checklist = async () => (await cw.get(`/api/v1/scheme-applications/${appId}`)).json().checklist as Line[];

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-11-23T06:00:00Z'));
  cw = await t.login('caseworker.amravati');
  const w = (await cw.get(`/api/v1/scheme-worklist?schemeId=${BSY}&pageSize=100`)).json();
  const item = w.items.find((i: { schemes: { subjects: unknown[] }[] }) => i.schemes[0].subjects.length === 1);
  familyId = item.familyId;
  childId = item.schemes[0].subjects[0].id;
  const app = await cw.post('/api/v1/scheme-applications', { schemeId: BSY, familyId, childId, on: '2026-11-23' });
  expect(app.statusCode).toBe(201);
  appId = app.json().id;
});
afterAll(() => t.close());

describe('as a convergence action item', () => {
  it('assigns the issuing department in the group covering the family, linked from the request and the checklist', async () => {
    const line = (await checklist()).find((c) => !c.held && c.owner === 'family') ?? (await checklist()).find((c) => !c.held)!;
    const body = {
      familyId,
      childId: line.owner === 'child' ? childId : null,
      applicationId: appId,
      docType: line.doc,
      department: 'REVENUE',
      officer: 'Tahsildar',
      requestedOn: '2026-11-23',
      dueOn: '2026-12-23',
      followUp: 'convergence_action',
    };
    let before = await counts();
    const res = await cw.post('/api/v1/document-requests', body);
    expect(res.statusCode).toBe(201);
    const req = res.json();
    actionRequestId = req.id;
    expect(req).toMatchObject({
      followUp: 'convergence_action',
      department: 'REVENUE',
      status: 'open',
      followUpStatus: { kind: 'convergence_action', status: 'open', done: false },
    });
    expect(req.convergenceActionId).toBeTruthy();
    expect(await counts()).toEqual({ ...before, requests: before.requests + 1, actions: before.actions + 1 });

    const action = (await cw.get(`/api/v1/convergence/actions/${req.convergenceActionId}`)).json();
    expect(action).toMatchObject({ department: 'REVENUE', dueDate: '2026-12-23', status: 'open', domain: 'legal_aid_documents' });
    // Raised between meetings: assigned today, to no meeting (it comes up at the group's next meeting).
    expect(action).toMatchObject({ meetingId: null, meetingDate: null, assignedOn: '2026-11-23', raisedOn: '2026-11-23' });
    expect(await counts()).toEqual({ ...before, requests: before.requests + 1, actions: before.actions + 1 });
    before = await counts();
    expect(action.description).toMatch(/^Obtain the /);
    expect(
      (await cw.get(`/api/v1/convergence/actions?familyId=${familyId}&department=REVENUE`)).json().items.map((a: { id: string }) => a.id),
    ).toContain(req.convergenceActionId);

    // The group's chair records it done: the checklist shows the action's status.
    const chair = await t.login('dlsa.amravati');
    const done = await chair.post(`/api/v1/convergence/actions/${req.convergenceActionId}/events`, {
      type: 'complete',
      result: 'Certificate issued at the tahsil camp',
      on: '2026-11-23',
    });
    expect(done.statusCode).toBe(201);
    const after = (await checklist()).find((c) => c.doc === line.doc)!;
    expect(after.requests.find((r) => r.id === req.id)).toMatchObject({
      followUp: 'convergence_action',
      followUpStatus: { kind: 'convergence_action', status: 'done', done: true, result: 'Certificate issued at the tahsil camp' },
    });
    const list = (await cw.get('/api/v1/document-requests?department=REVENUE&pageSize=100')).json();
    expect(list.items.find((i: { id: string }) => i.id === req.id)).toMatchObject({ followUpStatus: { status: 'done', done: true } });
  });

  it('refuses, naming the reason, when no convergence group covers the family', async () => {
    // A district without a group: the demo's Akola group (src/demo/akola-convergence.ts) is taken away first.
    for (const table of ['convergence_meeting', 'convergence_member', 'convergence_group'])
      await t.ctx.database.query(`DELETE FROM ${table} WHERE district_code = 467`);
    const akola = await t.login('caseworker.akola');
    const fam = (await akola.get('/api/v1/families?pageSize=1')).json().items[0];
    const before = await counts();
    const res = await akola.post('/api/v1/document-requests', {
      familyId: fam.id,
      docType: 'cwc_order',
      department: 'CWC',
      requestedOn: '2026-11-23',
      dueOn: '2026-12-23',
      followUp: 'convergence_action',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'no_convergence_group', reason: 'no_convergence_group', issues: [{ field: 'followUp' }] });
    expect(await counts()).toEqual(before);
  });
});

describe('as a task in the open case', () => {
  it('refers the open case to the department office; the checklist follows the task to done', async () => {
    const [open] = await t.ctx.database.query<{ id: string; child_id: string; family_id: string }>(
      `SELECT c.id, c.child_id, c.family_id FROM case_record c WHERE c.status <> 'closed' AND c.district_code = 468 AND c.family_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM document d WHERE d.child_id = c.child_id AND d.doc_type = 'birth_certificate' AND d.status IN ('held', 'issued'))
         AND NOT EXISTS (SELECT 1 FROM document_request r WHERE r.child_id = c.child_id AND r.doc_type = 'birth_certificate' AND r.status = 'open')
       ORDER BY c.number LIMIT 1`,
    );
    expect(open).toBeTruthy();
    const before = await counts();
    const res = await cw.post('/api/v1/document-requests', {
      familyId: open.family_id,
      childId: open.child_id,
      docType: 'birth_certificate',
      department: 'PANCHAYAT',
      officer: 'Gram Sevak',
      requestedOn: '2026-11-23',
      dueOn: '2026-12-15',
      followUp: 'case_task',
    });
    expect(res.statusCode).toBe(201);
    const req = res.json();
    taskRequest = { id: req.id, caseId: req.caseId, caseReferralId: req.caseReferralId };
    expect(req).toMatchObject({
      followUp: 'case_task',
      caseId: open.id,
      followUpStatus: { kind: 'case_task', status: 'pending', done: false, caseId: open.id },
    });
    expect(await counts()).toEqual({ ...before, requests: before.requests + 1, caseActions: before.caseActions + 1 });

    const kase = (await cw.get(`/api/v1/cases/${open.id}`)).json();
    const referral = kase.state.referrals.find((r: { referralId: string }) => r.referralId === req.caseReferralId);
    expect(referral).toMatchObject({
      status: 'pending',
      domain: 'social_mainstreaming',
      dueDate: '2026-12-15',
      to: { kind: 'department' },
    });
    expect(referral.need).toMatch(/birth certificate/);

    expect(
      (await cw.post(`/api/v1/cases/${open.id}/actions`, { type: 'referral_accepted', referralId: req.caseReferralId })).statusCode,
    ).toBe(201);
    const done = await cw.post(`/api/v1/cases/${open.id}/actions`, {
      type: 'referral_done',
      referralId: req.caseReferralId,
      outcome: 'Delayed registration done; certificate issued',
    });
    expect(done.statusCode).toBe(201);
    const list = (await cw.get('/api/v1/document-requests?department=PANCHAYAT&pageSize=100')).json();
    expect(list.items.find((i: { id: string }) => i.id === req.id)).toMatchObject({
      followUp: 'case_task',
      followUpStatus: { kind: 'case_task', status: 'done', done: true },
    });
  });

  it('refuses when the family has no open case, writing nothing', async () => {
    const before = await counts();
    const [none] = await t.ctx.database.query<{ id: string }>(
      `SELECT f.id FROM family f WHERE f.district_code = 468 AND NOT EXISTS (SELECT 1 FROM case_record c WHERE c.family_id = f.id AND c.status <> 'closed') ORDER BY f.id LIMIT 1`,
    );
    const res = await cw.post('/api/v1/document-requests', {
      familyId: none.id,
      docType: 'cwc_order',
      department: 'CWC',
      requestedOn: '2026-11-23',
      dueOn: '2026-12-23',
      followUp: 'case_task',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'no_open_case', issues: [{ field: 'followUp' }] });
    expect(await counts()).toEqual(before);
  });
});

describe('read by a department nodal officer', () => {
  // A nodal officer (schemes.read, not cases.read; the department view of convergence) sees
  // the requests in the district, not the case a task is in nor another department's action.
  type Item = {
    id: string;
    version: number;
    convergenceActionId: string | null;
    caseId: string | null;
    caseReferralId: string | null;
    followUpStatus: Record<string, unknown> | null;
  };
  // The case task asked PANCHAYAT, the action item REVENUE (the tests above).
  const listOf = async (c: Client, department: 'PANCHAYAT' | 'REVENUE') => {
    const res = await c.get(`/api/v1/document-requests?department=${department}&pageSize=100`);
    expect(res.statusCode).toBe(200);
    return { body: res.body, items: res.json().items as Item[] };
  };

  it('gets how the action item and the case task stand, without case ids, case references or the action text', async () => {
    const [kase] = await t.ctx.database.query<{ number: number }>('SELECT number FROM case_record WHERE id = $1', [taskRequest.caseId]);
    const caseRef = `C-${kase.number}`;
    const actionText = 'Certificate issued at the tahsil camp';

    // The caseworker still gets all of it.
    expect((await listOf(cw, 'PANCHAYAT')).items.find((i) => i.id === taskRequest.id)).toMatchObject({
      caseId: taskRequest.caseId,
      caseReferralId: taskRequest.caseReferralId,
      followUpStatus: {
        kind: 'case_task',
        id: taskRequest.caseReferralId,
        status: 'done',
        done: true,
        caseId: taskRequest.caseId,
        caseRef,
        dueOn: '2026-12-15',
      },
    });
    const action = (await listOf(cw, 'REVENUE')).items.find((i) => i.id === actionRequestId)!;
    expect(action.convergenceActionId).toBeTruthy();
    expect(action.followUpStatus).toMatchObject({
      kind: 'convergence_action',
      id: action.convergenceActionId,
      status: 'done',
      done: true,
      result: actionText,
      department: 'REVENUE',
    });

    // A department nodal officer sees only the requests addressed to their own department
    // (src/access/fields/policy.data.ts documentRequest, JJ Act 2015 s.74): not Panchayat's
    // or Revenue's, nor the case or action behind them.
    for (const user of ['nodal.education', 'nodal.health']) {
      const nodal = await t.login(user);
      const [tasks, actions] = [await listOf(nodal, 'PANCHAYAT'), await listOf(nodal, 'REVENUE')];
      expect(tasks.items, user).toEqual([]);
      expect(actions.items, user).toEqual([]);
      for (const secret of [
        taskRequest.id,
        actionRequestId,
        taskRequest.caseId,
        taskRequest.caseReferralId,
        `"${caseRef}"`,
        action.convergenceActionId!,
        actionText,
      ]) {
        expect(tasks.body + actions.body, `${user}: ${secret}`).not.toContain(secret);
      }
      const all = (await nodal.get('/api/v1/document-requests?pageSize=100')).json().items as { department: string }[];
      expect(
        all.every((i) => i.department === (user === 'nodal.health' ? 'HEALTH' : 'EDUCATION')),
        user,
      ).toBe(true);
    }
  });

  it("another department's request cannot be closed by a nodal officer (404, nothing written)", async () => {
    const nodal = await t.login('nodal.health');
    const res = await nodal.patch(`/api/v1/document-requests/${taskRequest.id}`, { version: 1, status: 'done', on: '2026-11-23' });
    expect(res.statusCode).toBe(404);
    const [row] = await t.ctx.database.query<{ status: string; version: number }>(
      'SELECT status, version FROM document_request WHERE id = $1',
      [taskRequest.id],
    );
    expect(row).toEqual({ status: 'open', version: 1 });
  });

  it('a request addressed to their department comes with the fields a department needs, and they may close it', async () => {
    const res = await cw.post('/api/v1/document-requests', {
      familyId,
      applicationId: appId,
      docType: 'disability_certificate',
      department: 'HEALTH',
      officer: 'Civil Surgeon',
      requestedOn: '2026-11-23',
      dueOn: '2026-12-23',
      note: 'Mother reports the medical board date was missed',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    const health = await t.login('nodal.health');
    const seen = (await health.get('/api/v1/document-requests?pageSize=100')).json().items.find((i: { id: string }) => i.id === id);
    expect(seen).toMatchObject({ department: 'HEALTH', docType: 'disability_certificate', officer: 'Civil Surgeon', status: 'open' });
    expect(typeof seen.headName).toBe('string');
    // Absent (not null): the family's history and the application are not the department's business.
    expect(seen).not.toHaveProperty('note');
    expect(seen).not.toHaveProperty('applicationId');
    const education = await t.login('nodal.education');
    expect((await education.get('/api/v1/document-requests?pageSize=100')).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    const closed = await health.patch(`/api/v1/document-requests/${id}`, {
      version: seen.version,
      status: 'done',
      on: '2026-11-23',
      result: 'Certificate issued',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'done', result: 'Certificate issued' });
    expect(closed.json()).not.toHaveProperty('note');
    expect(closed.body).not.toContain('medical board');
  });
});

// Runs last: it takes Social Justice's seats out of the groups.
describe('a department without a seat', () => {
  it('is refused as an action item with the reason and the field, writing nothing', async () => {
    await t.ctx.database.query(`UPDATE convergence_member SET until = '2026-10-31' WHERE department = 'SOCIAL_JUSTICE'`);
    const before = await counts();
    const res = await cw.post('/api/v1/document-requests', {
      familyId,
      docType: 'medical_certificate',
      department: 'SOCIAL_JUSTICE',
      requestedOn: '2026-11-23',
      dueOn: '2026-12-23',
      followUp: 'convergence_action',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'department_not_represented', issues: [{ field: 'department' }] });
    expect(res.json().message).toMatch(/SOCIAL_JUSTICE has no representative in .*Amravati/);
    expect(await counts()).toEqual(before);
  });
});
