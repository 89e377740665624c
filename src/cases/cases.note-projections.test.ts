import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, intakeBody, ist, type Kit } from './cases.testkit';

/**
 * Issue #19: a case note changes none of the case's projections (due items, referrals,
 * convergence flags), so none of their rows is rewritten (same ctid and xmin: no new row
 * version); an action that changes one rewrites it; and the note's answer, built from what the
 * transaction already held, equals a fresh read of the case.
 */
let t: TestApp;
let k: Kit;
let cw: Client;
let caseId: string;

const PROJECTIONS = ['case_due', 'case_referral', 'case_convergence_flag'] as const;

async function versions(table: (typeof PROJECTIONS)[number]) {
  return t.ctx.database.query<{ v: string }>(`SELECT ctid::text || '/' || xmin::text AS v FROM ${table} WHERE case_id = $1 ORDER BY 1`, [
    caseId,
  ]);
}

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  cw = await k.as('caseworker.amravati');
  const res = await cw.post('/api/v1/cases', intakeBody(await k.childIn('Jalka', 3)));
  expect(res.statusCode).toBe(201);
  caseId = res.json().id;
  const post = (b: Record<string, unknown>) => cw.post(`/api/v1/cases/${caseId}/actions`, b);
  const referral = await post({
    type: 'referral',
    referralId: 'edu-1',
    need: 'school fees and uniform',
    domain: 'education_training',
    to: { orgId: k.org('Education Department') },
  });
  expect(referral.statusCode).toBe(201);
  expect((await post({ type: 'flagged_for_convergence', reason: 'needs Bal Sangopan and school support' })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('a case note', () => {
  it('leaves every projection row untouched, and answers with what a fresh read shows', async () => {
    const before = Object.fromEntries(await Promise.all(PROJECTIONS.map(async (p) => [p, await versions(p)] as const)));
    for (const p of PROJECTIONS) expect(before[p].length, p).toBeGreaterThan(0);
    const res = await cw.post(`/api/v1/cases/${caseId}/actions`, { type: 'note', text: 'Home visit: family met' });
    expect(res.statusCode).toBe(201);
    for (const p of PROJECTIONS) expect(await versions(p), p).toEqual(before[p]);
    const fresh = await cw.get(`/api/v1/cases/${caseId}`);
    expect(fresh.statusCode).toBe(200);
    expect(res.json()).toEqual(fresh.json());
    expect(res.json().history.at(-1).action.text).toBe('Home visit: family met');
  });

  it('an action that changes a projection rewrites it, and only it', async () => {
    const before = Object.fromEntries(await Promise.all(PROJECTIONS.map(async (p) => [p, await versions(p)] as const)));
    const edu = await k.as('nodal.education');
    const res = await edu.post(`/api/v1/cases/${caseId}/actions`, { type: 'referral_accepted', referralId: 'edu-1' });
    expect(res.statusCode).toBe(201);
    const [ref] = await t.ctx.database.query<{ status: string }>('SELECT status FROM case_referral WHERE case_id = $1', [caseId]);
    expect(ref.status).toBe('accepted');
    expect(await versions('case_referral')).not.toEqual(before.case_referral);
    expect(await versions('case_convergence_flag')).toEqual(before.case_convergence_flag);
    const fresh = await edu.get(`/api/v1/cases/${caseId}`);
    expect(res.json()).toEqual(fresh.json());
  });
});
