import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { caseKit, intakeBody, ist, type Kit } from './cases.testkit';

/**
 * The whole chain (issue #12): a case escalates village → block → district → state, each
 * step landing with the unit of that level for the case's place (the Rajura VCPC, the
 * Chandur Bazar taluka committee, DCPU Amravati, the State Child Protection Society), and the
 * SCPS officer acts on it and sends it back down (JJ Act 2015 s.106).
 */
let t: TestApp;
let k: Kit;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
});
afterAll(() => t.close());

async function act(user: Parameters<Kit['as']>[0], body: Record<string, unknown>) {
  const res = await (await k.as(user)).post(`/api/v1/cases/${caseId}/actions`, body);
  expect(res.statusCode, `${body.type} by ${user}: ${res.body}`).toBe(201);
  return res.json();
}

describe('village → block → district → state, and back', () => {
  it('opens at the village', async () => {
    const res = await (
      await k.as('aww.rajura')
    ).post('/api/v1/cases', intakeBody(await k.childIn('Rajura', 3), { productionRequired: false }));
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().id;
    expect(res.json().state).toMatchObject({ level: 'village' });
  });

  it('escalates to the taluka committee of the case’s own taluka, not another one of the district', async () => {
    const c = await act('aww.rajura', {
      type: 'escalation',
      reason: 'the family needs more than the village can give',
      tried: 'VCPC meeting; two home visits',
    });
    expect(c.state).toMatchObject({ level: 'block', status: 'escalated' });
    expect(c.state.owner.unit).toBe(k.org('Taluka Child Protection Committee, Chandur Bazar'));
  });

  it('escalates to the district (DCPU), then to the state society', async () => {
    const d = await act('dcpo.amravati', {
      type: 'escalation',
      reason: 'needs a CWC decision and district services',
      tried: 'taluka committee meeting',
    });
    expect(d.state).toMatchObject({ level: 'district', status: 'escalated' });
    expect(d.state.owner.unit).toBe(k.org('DCPU Amravati'));
    k.at(ist('2026-12-02', '10:00'));
    const s = await act('caseworker.amravati', {
      type: 'escalation',
      reason: 'inter-state placement: needs the state society',
      tried: 'district convergence group',
    });
    expect(s.state).toMatchObject({ level: 'state', status: 'escalated' });
    expect(s.state.owner.unit).toBe(k.org('State Child Protection Society, Maharashtra'));
    expect(s.state.escalations.map((e: { fromLevel: string; toLevel: string }) => `${e.fromLevel}→${e.toLevel}`)).toEqual([
      'village→block',
      'block→district',
      'district→state',
    ]);
  });

  it('lands in the SCPS officer’s escalation queue; the state administrator (no cases.write) cannot act', async () => {
    const scps = await k.as('scps.mh');
    const queue = (await scps.get('/api/v1/cases?queue=escalated&pageSize=100')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(caseId);
    const admin = await (await k.as('admin')).post(`/api/v1/cases/${caseId}/actions`, { type: 'note', text: 'seen' });
    expect(admin.statusCode).toBe(403);
  });

  it('the SCPS officer acts on it and returns it down with instructions', async () => {
    k.at(ist('2026-12-03', '11:00'));
    await act('scps.mh', { type: 'note', text: 'Spoke to the Madhya Pradesh SCPS; the aunt in Betul is willing to take the child.' });
    const back = await act('scps.mh', {
      type: 'returned_down',
      instructions: 'Ask CWC Amravati for a home study of the aunt in Betul through the MP DCPU.',
    });
    expect(back.state).toMatchObject({ level: 'district', status: 'intake' });
    expect(back.state.owner).toEqual({ user: k.userId('caseworker.amravati'), unit: k.org('DCPU Amravati') });
    expect(back.state.returns.at(-1).instructions).toMatch(/home study/);
    // Back at the district it leaves the state's queue.
    const queue = (await (await k.as('scps.mh')).get('/api/v1/cases?queue=escalated&pageSize=100')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).not.toContain(caseId);
  });
});
