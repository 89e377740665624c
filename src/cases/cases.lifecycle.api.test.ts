import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { caseKit, intakeBody, ist, type Kit } from './cases.testkit';

/**
 * One case followed through the API from a village intake to closure (the Amravati–Akola
 * path): village → escalation to the district → CWC production → SIR → final order →
 * care plan → referrals to Education and Health → reviews → closure, every step in the
 * case history and the audit log.
 */
let t: TestApp;
let k: Kit;
let caseId: string;
const steps: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
});
afterAll(() => t.close());

async function act(user: Parameters<Kit['as']>[0], body: Record<string, unknown>, expectStatus = 201) {
  const res = await (await k.as(user)).post(`/api/v1/cases/${caseId}/actions`, body);
  if (res.statusCode !== expectStatus) throw new Error(`${body.type} by ${user}: ${res.statusCode} ${res.body}`);
  if (expectStatus === 201) steps.push(body.type as string);
  return res.json();
}

describe('a case from village intake to closure', () => {
  it('opens at the village: the Anganwadi worker records the intake', async () => {
    k.at(ist('2026-12-01', '10:00'));
    const child = await k.childIn('Rajura');
    const res = await (await k.as('aww.rajura')).post('/api/v1/cases', intakeBody(child));
    expect(res.statusCode).toBe(201);
    const c = res.json();
    caseId = c.id;
    steps.push('intake');
    expect(c).toMatchObject({ view: 'full', version: 1, child: { id: child } });
    expect(c.state).toMatchObject({ status: 'intake', level: 'village', risk: 'high', source: 'anganwadi' });
    // JJ Act 2015 s.31: production before the CWC within 24 hours.
    expect(c.state.due).toEqual([
      expect.objectContaining({ kind: 'cwc_production', statutory: true, dueAt: new Date(ist('2026-12-02', '10:00')).toISOString() }),
    ]);
    expect(c.history).toHaveLength(1);
  });

  it('is assessed and escalated to the district, landing in the DCPU queue', async () => {
    k.at(ist('2026-12-01', '11:00'));
    await act('aww.rajura', {
      type: 'assessment',
      risk: 'high',
      needs: [
        { domain: 'education_training', need: 're-admission to school' },
        { domain: 'health', need: 'anaemia treatment' },
      ],
    });
    k.at(ist('2026-12-01', '12:00'));
    const c = await act('aww.rajura', {
      type: 'escalation',
      toLevel: 'district',
      reason: 'needs CWC production and services beyond the village',
      tried: 'two home visits; VCPC meeting',
    });
    expect(c.state.status).toBe('escalated');
    expect(c.state.level).toBe('district');
    expect(c.state.owner.unit).toBe(k.org('DCPU Amravati'));
    const queue = await (await k.as('dcpo.amravati')).get('/api/v1/cases?queue=escalated');
    expect(queue.statusCode).toBe(200);
    const item = queue.json().items.find((i: { id: string }) => i.id === caseId);
    expect(item).toMatchObject({ status: 'escalated', level: 'district' });
    const detail = (await (await k.as('dcpo.amravati')).get(`/api/v1/cases/${caseId}`)).json();
    expect(detail.state.escalations[0]).toMatchObject({
      fromLevel: 'village',
      toLevel: 'district',
      reason: expect.stringMatching(/CWC/),
      tried: expect.stringMatching(/home visits/),
    });
    // The village worker who escalated still sees the case (it is in her village).
    expect((await (await k.as('aww.rajura')).get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
  });

  it('goes before the CWC, which orders the SIR; only the CWC may order', async () => {
    k.at(ist('2026-12-01', '17:00'));
    const produced = await act('dcpo.amravati', { type: 'produced_before_cwc', form17Ref: 'F17/2026/101' });
    expect(produced.state.status).toBe('under_cwc');
    expect(produced.state.escalations[0].resolution).toBe('acted');
    expect(produced.state.due.map((d: { kind: string }) => d.kind)).toEqual(['sir_submission', 'cwc_final_order']);
    expect(produced.state.cwc.cwcUnit).toBe(k.org('Child Welfare Committee, Amravati'));

    const refused = await (await k.as('caseworker.amravati')).post(`/api/v1/cases/${caseId}/actions`, { type: 'sir_ordered' });
    expect(refused.statusCode).toBe(403);
    await act('cwc.amravati', {
      type: 'sir_ordered',
      investigator: { unit: k.org('DCPU Amravati'), user: k.userId('caseworker.amravati') },
      form21Ref: 'F21/2026/101',
    });
  });

  it('gets its SIR (Form 22) and the final order (Form 44)', async () => {
    k.at(ist('2026-12-08', '10:00'));
    const sir = await act('caseworker.amravati', {
      type: 'sir_submitted',
      findings: [
        { domain: 'family_background', finding: 'grandmother willing and able to care' },
        { domain: 'economic_status', finding: 'BPL; no regular income' },
      ],
      recommendation: 'restore to the grandmother with sponsorship and school support',
      recommendedCareOption: 'own_family',
      form22Ref: 'F22/2026/101',
    });
    expect(sir.state.cwc.sirSubmittedAt).toBeTruthy();
    k.at(ist('2026-12-15', '10:00'));
    const order = await act('cwc.amravati', {
      type: 'cwc_order',
      kind: 'final',
      orderType: 'restoration',
      form: 'form44',
      orderRef: 'CWC/AMR/2026/55',
      orderedOn: '2026-12-15',
    });
    expect(order.state.cwc.finalOrder).toMatchObject({ orderType: 'restoration', form: 'form44' });
    expect(order.state.due.map((d: { kind: string }) => d.kind)).toEqual(['post_restoration_follow_up']);
  });

  it('gets an Individual Care Plan and referrals to Education and Health', async () => {
    k.at(ist('2026-12-16', '10:00'));
    const edu = k.org('Education Department');
    const health = k.org('District Health Office');
    const plan = await act('caseworker.amravati', {
      type: 'care_plan',
      careOption: 'own_family',
      domains: [
        {
          domain: 'education_training',
          goals: ['back in school'],
          services: ['re-admission', 'fees and stationery'],
          providers: [{ kind: 'department', orgId: edu }],
          targetDate: '2027-03-31',
        },
        {
          domain: 'health',
          goals: ['treat anaemia'],
          services: ['PHC check-up'],
          providers: [{ kind: 'department', orgId: health }],
          targetDate: '2027-02-28',
        },
      ],
      form7Ref: 'F7/2026/101',
    });
    expect(plan.state.status).toBe('care_plan_active');
    const r1 = await act('caseworker.amravati', {
      type: 'referral',
      referralId: 'edu-1',
      need: 're-admission to school',
      domain: 'education_training',
      to: { orgId: edu },
      dueDate: '2027-01-31',
    });
    expect(r1.state.referrals[0]).toMatchObject({ referralId: 'edu-1', status: 'pending', to: { kind: 'department', orgId: edu } });
    const r2 = await act('caseworker.amravati', { type: 'referral', need: 'anaemia treatment', domain: 'health', to: { orgId: health } });
    expect(r2.state.referrals).toHaveLength(2);
    expect(r2.state.referrals[1].referralId).toMatch(/^R2-/);
  });

  it('lets each department see and answer only its own referral', async () => {
    k.at(ist('2026-12-18', '10:00'));
    const nodal = await k.as('nodal.education');
    const list = (await nodal.get('/api/v1/cases/referrals')).json();
    const mine = list.items.filter((i: { caseId: string }) => i.caseId === caseId);
    expect(mine).toEqual([
      expect.objectContaining({ referralId: 'edu-1', need: 're-admission to school', status: 'pending', childName: expect.any(String) }),
    ]);
    const view = (await nodal.get(`/api/v1/cases/${caseId}`)).json();
    expect(view.view).toBe('referral');
    expect(view.history).toBeUndefined();
    expect(view.state).toBeUndefined();
    expect(view.referrals.map((r: { referralId: string }) => r.referralId)).toEqual(['edu-1']);
    await act('nodal.education', { type: 'referral_accepted', referralId: 'edu-1' });
    const healthRef = view.referrals.length
      ? (await (await k.as('caseworker.amravati')).get(`/api/v1/cases/${caseId}`)).json().state.referrals[1].referralId
      : '';
    // Education cannot answer Health's referral.
    const other = await nodal.post(`/api/v1/cases/${caseId}/actions`, {
      type: 'referral_declined',
      referralId: healthRef,
      reason: 'not ours',
    });
    expect(other.statusCode).toBe(404);
    await act('nodal.health', { type: 'referral_declined', referralId: healthRef, reason: 'refer directly to the PHC at Rajura' });
    k.at(ist('2027-01-20', '10:00'));
    await act('nodal.education', { type: 'referral_done', referralId: 'edu-1', outcome: 'admitted to ZP school, class 5' });
  });

  it('is reviewed, followed up and closed; the history holds every step', async () => {
    k.at(ist('2027-01-25', '10:00'));
    await act('caseworker.amravati', {
      type: 'follow_up_visit',
      visitedOn: '2027-01-25',
      findings: 'child at home with grandmother, attending school',
      childSafe: true,
    });
    k.at(ist('2027-03-15', '10:00'));
    await act('caseworker.amravati', { type: 'review', outcome: 'continue', notes: 'attendance regular' });
    k.at(ist('2027-06-15', '10:00'));
    await act('caseworker.amravati', { type: 'review', outcome: 'ready_for_closure' });
    const closed = await act('caseworker.amravati', {
      type: 'closure',
      reason: 'restored_to_family',
      note: 'settled with grandmother; sponsorship continuing',
    });
    expect(closed.state.status).toBe('closed');
    expect(closed.state.due).toEqual([]);
    expect(closed.history.map((h: { type: string }) => h.type)).toEqual(steps);
    expect(closed.history.map((h: { seq: number }) => h.seq)).toEqual(steps.map((_, i) => i + 1));
    expect(closed.version).toBe(steps.length);

    const list = (await (await k.as('dcpo.amravati')).get('/api/v1/cases?status=closed')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(caseId);
  });

  it('every step is in the audit log, with who did it', async () => {
    const rows = await t.ctx.database.query<{ action: string; actor_role: string }>(
      "SELECT action, actor_role FROM audit_event WHERE entity_type = 'case' AND entity_id = $1 AND action LIKE 'case.%' ORDER BY seq",
      [caseId],
    );
    expect(rows.map((r) => r.action)).toEqual(steps.map((s) => `case.${s}`));
    expect(rows[0].actor_role).toBe('frontline_worker');
    const reads = await t.ctx.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'case' AND entity_id = $1 AND action = 'read'",
      [caseId],
    );
    expect(reads[0].n).toBeGreaterThan(0);
    const log = await (await k.as('dcpo.amravati')).get(`/api/v1/cases/${caseId}/access-log`);
    expect(log.statusCode).toBe(200);
    expect(log.json().items.length).toBeGreaterThan(steps.length);
  });

  it('reopens with a reason, as a new episode', async () => {
    k.at(ist('2027-08-01', '10:00'));
    const reopened = await act('caseworker.amravati', { type: 'reopening', reason: 'grandmother fell ill; child out of school again' });
    expect(reopened.state.status).toBe('under_assessment');
    expect(reopened.state.reopenings).toBe(1);
    // A produced child goes before the CWC again (s.31) in the new episode.
    expect(reopened.state.due.map((d: { kind: string }) => d.kind)).toContain('cwc_production');
  });
});
