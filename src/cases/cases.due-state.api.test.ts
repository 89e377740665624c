import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { addBelagaviDcpo, BELAGAVI, caseKit, intakeBody, ist, type Kit } from './cases.testkit';

/**
 * A case's due items keep one row per (case, kind, ref) when the case changes state. Their key
 * names state_code (migration 1170: a state-partitioned server requires it, docs/SCALE.md §3),
 * so the upsert alone would add the receiving state's rows beside the sending state's; the
 * recomputation deletes the other state's rows first. Both databases (Karnataka is a test state).
 */
let t: TestApp;
let k: Kit;

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  await addBelagaviDcpo(t);
});
afterAll(() => t.close());

const dues = (caseId: string) =>
  t.ctx.database.query<{ kind: string; ref: string; state_code: number }>(
    'SELECT kind, ref, state_code FROM case_due WHERE case_id = $1 ORDER BY kind, ref',
    [caseId],
  );

describe('due items across an inter-state transfer', () => {
  it('moves every due row to the receiving state, one per (kind, ref), and the receiving officer lists them', async () => {
    const cw = await k.as('caseworker.amravati');
    const opened = await cw.post('/api/v1/cases', intakeBody(await k.childIn('Wadali', 5)));
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json().id as string;
    const before = await dues(caseId);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((d) => d.state_code === 27)).toBe(true);

    const req = await cw.post(`/api/v1/cases/${caseId}/actions`, {
      type: 'transfer_requested',
      toDistrictCode: BELAGAVI,
      reason: 'family traced to Belagavi',
    });
    expect(req.statusCode, req.body).toBe(201);
    const belagavi = await t.login('dcpo.belagavi');
    const accepted = await belagavi.post(`/api/v1/cases/${caseId}/actions`, { type: 'transfer_accepted' });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().place).toMatchObject({ stateCode: 29, districtCode: BELAGAVI });

    const after = await dues(caseId);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((d) => d.state_code === 29)).toBe(true);
    expect(new Set(after.map((d) => `${d.kind}/${d.ref}`)).size).toBe(after.length);
    const tasks = (await belagavi.get('/api/v1/tasks?scope=unit&pageSize=100')).json() as { items: { caseId: string }[] };
    expect(tasks.items.filter((i) => i.caseId === caseId).length).toBe(after.length);
    const sent = (await (await k.as('dcpo.amravati')).get('/api/v1/tasks?scope=unit&pageSize=100')).json() as {
      items: { caseId: string }[];
    };
    expect(sent.items.some((i) => i.caseId === caseId)).toBe(false);

    // A later recomputation (a note) upserts on the new key: still one row each, none added.
    expect((await belagavi.post(`/api/v1/cases/${caseId}/actions`, { type: 'note', text: 'Received' })).statusCode).toBe(201);
    expect(await dues(caseId)).toEqual(after);
  });
});
