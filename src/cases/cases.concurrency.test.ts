import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, intakeBody, ist, type Kit } from './cases.testkit';
import { deriveCase, type CaseAction } from './domain';
import { caseTimelineConfig } from './timelines.config';

/**
 * Concurrent actions on one case: each is validated under a row lock against the latest
 * history, so they are all recorded in order, or refused with 409 — never silently lost.
 * (On PostgreSQL the requests really run at once on separate connections.)
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

let skip = 0;
async function newCase() {
  const res = await cw.post('/api/v1/cases', intakeBody(await k.childIn('Jalka', skip++), { productionRequired: false }));
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** The stored record is consistent: versions, sequence numbers and the summary agree with the actions. */
async function consistent(caseId: string) {
  const q = t.ctx.database.query.bind(t.ctx.database);
  const actions = await q<{ seq: number; payload: CaseAction }>('SELECT seq, payload FROM case_action WHERE case_id = $1 ORDER BY seq', [
    caseId,
  ]);
  const [row] = await q<{ version: number; status: string; flags: string[] }>(
    'SELECT version, status, flags FROM case_record WHERE id = $1',
    [caseId],
  );
  expect(actions.map((a) => a.seq)).toEqual(actions.map((_, i) => i + 1));
  expect(row.version).toBe(actions.length);
  const state = deriveCase(
    actions.map((a) => a.payload),
    caseTimelineConfig(),
  );
  expect(row.status).toBe(state.status);
  // Actions are in time order (the domain refuses an action dated before the previous one).
  const times = actions.map((a) => Date.parse(a.payload.at));
  expect([...times].sort((x, y) => x - y)).toEqual(times);
  return actions;
}

describe('concurrent actions on one case', () => {
  it('ten notes at once: all ten recorded, in sequence', async () => {
    const id = await newCase();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => cw.post(`/api/v1/cases/${id}/actions`, { type: 'note', text: `note ${i}` })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const actions = await consistent(id);
    expect(actions).toHaveLength(11);
    expect(
      actions
        .slice(1)
        .map((a) => (a.payload as { text: string }).text)
        .sort(),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `note ${i}`).sort());
  });

  it('answers racing for one referral: exactly one wins, the others are refused with the reason', async () => {
    const id = await newCase();
    const edu = await k.as('nodal.education');
    expect(
      (
        await cw.post(`/api/v1/cases/${id}/actions`, {
          type: 'referral',
          referralId: 'r1',
          need: 'school fees',
          domain: 'education_training',
          to: { orgId: k.org('Education Department') },
        })
      ).statusCode,
    ).toBe(201);
    const results = await Promise.all([
      edu.post(`/api/v1/cases/${id}/actions`, { type: 'referral_accepted', referralId: 'r1' }),
      edu.post(`/api/v1/cases/${id}/actions`, { type: 'referral_declined', referralId: 'r1', reason: 'not ours' }),
      cw.post(`/api/v1/cases/${id}/actions`, { type: 'referral_accepted', referralId: 'r1' }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().reason).toBe('REFERRAL_ALREADY_DECIDED');
    const actions = await consistent(id);
    expect(actions).toHaveLength(3);
  });

  it('two edits of the same version: one is recorded, the other refused with version_conflict', async () => {
    const id = await newCase();
    const results = await Promise.all([
      cw.post(`/api/v1/cases/${id}/actions`, { type: 'assessment', risk: 'critical', needs: [], version: 1 }),
      (await k.as('dcpo.amravati')).post(`/api/v1/cases/${id}/actions`, { type: 'assessment', risk: 'low', needs: [], version: 1 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'version_conflict', current: { version: 2 } });
    await consistent(id);
  });

  it('different actions at once (assessment, escalation, flag, closure): each recorded in order or refused, the summary matches the history', async () => {
    const id = await newCase();
    const dcpo = await k.as('dcpo.amravati');
    const results = await Promise.all([
      cw.post(`/api/v1/cases/${id}/actions`, { type: 'assessment', risk: 'high', needs: [{ domain: 'health', need: 'check-up' }] }),
      cw.post(`/api/v1/cases/${id}/actions`, { type: 'escalation', reason: 'needs state help', tried: 'district group' }),
      dcpo.post(`/api/v1/cases/${id}/actions`, { type: 'flagged_for_convergence', reason: 'several departments' }),
      dcpo.post(`/api/v1/cases/${id}/actions`, { type: 'closure', reason: 'duplicate', note: 'same child as another case' }),
      dcpo.post(`/api/v1/cases/${id}/actions`, { type: 'closure', reason: 'duplicate', note: 'same child as another case' }),
    ]);
    for (const r of results) expect([201, 409]).toContain(r.statusCode);
    const recorded = results.filter((r) => r.statusCode === 201).length;
    // Two closures can never both be recorded.
    expect(results.filter((r, i) => i >= 3 && r.statusCode === 201).length).toBeLessThanOrEqual(1);
    const actions = await consistent(id);
    expect(actions).toHaveLength(1 + recorded);
  });
});
