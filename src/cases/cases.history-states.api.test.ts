import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { addBelagaviDcpo, BELAGAVI, caseKit, intakeBody, ist, type Kit } from './cases.testkit';

/**
 * A case's history is read from the states the case has been in (case_record.action_states,
 * migration 1200; docs/SCALE.md §3), which prunes a state-partitioned case_action. A case
 * transferred to another state (JJ Model Rules 2016 r.28) keeps the actions written before the
 * transfer under the sending state: the whole history must still come back, in order. Both
 * databases (the plans themselves are checked in src/db/partition/partition.pg.test.ts).
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

const statesOf = async (caseId: string) =>
  (
    await t.ctx.database.query<{ action_states: number[] }>('SELECT action_states FROM case_record WHERE id = $1', [caseId])
  )[0].action_states.map(Number);
const actionStates = (caseId: string) =>
  t.ctx.database.query<{ seq: number; state_code: number }>('SELECT seq, state_code FROM case_action WHERE case_id = $1 ORDER BY seq', [
    caseId,
  ]);

interface HistoryItem {
  seq: number;
  type: string;
  action: { text?: string };
}

describe('a case history across an inter-state transfer', () => {
  let caseId: string;
  let before: HistoryItem[];

  it('names one state for a case that never moved', async () => {
    const cw = await k.as('caseworker.amravati');
    const opened = await cw.post('/api/v1/cases', intakeBody(await k.childIn('Wadali', 6)));
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().id as string;
    expect((await cw.post(`/api/v1/cases/${caseId}/actions`, { type: 'note', text: 'Seen at home in Wadali' })).statusCode).toBe(201);
    expect(await statesOf(caseId)).toEqual([27]);
    const read = await cw.get(`/api/v1/cases/${caseId}`);
    expect(read.statusCode, read.body).toBe(200);
    before = read.json().history;
    expect(before.map((h) => h.seq)).toEqual([1, 2]);
  });

  it('reads the whole history, in order, once the case is in another state, and keeps reading it as the case goes on there', async () => {
    const cw = await k.as('caseworker.amravati');
    const req = await cw.post(`/api/v1/cases/${caseId}/actions`, {
      type: 'transfer_requested',
      toDistrictCode: BELAGAVI,
      reason: 'family traced to Belagavi',
    });
    expect(req.statusCode, req.body).toBe(201);
    const belagavi = await t.login('dcpo.belagavi');
    // The pending transfer, read by the receiving officer from the sending state: all of it there.
    const pending = await belagavi.get(`/api/v1/cases/${caseId}`);
    expect(pending.statusCode, pending.body).toBe(200);
    expect((pending.json().history as HistoryItem[]).map((h) => h.seq)).toEqual([1, 2, 3]);

    const accepted = await belagavi.post(`/api/v1/cases/${caseId}/actions`, { type: 'transfer_accepted' });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().place).toMatchObject({ stateCode: 29, districtCode: BELAGAVI });
    expect((accepted.json().history as HistoryItem[]).map((h) => h.seq)).toEqual([1, 2, 3, 4]);
    expect((await belagavi.post(`/api/v1/cases/${caseId}/actions`, { type: 'note', text: 'Received in Belagavi' })).statusCode).toBe(201);

    // The history spans two states: three actions written in Maharashtra, two in Karnataka.
    expect((await actionStates(caseId)).map((a) => [a.seq, a.state_code])).toEqual([
      [1, 27],
      [2, 27],
      [3, 27],
      [4, 29],
      [5, 29],
    ]);
    expect((await statesOf(caseId)).sort()).toEqual([27, 29]);

    const read = await belagavi.get(`/api/v1/cases/${caseId}`);
    expect(read.statusCode, read.body).toBe(200);
    const history = read.json().history as HistoryItem[];
    expect(history.map((h) => h.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(history.map((h) => h.type)).toEqual(['intake', 'note', 'transfer_requested', 'transfer_accepted', 'note']);
    expect(history.slice(0, 2)).toEqual(before);
    expect(history[4].action.text).toBe('Received in Belagavi');
    // The derived state is the whole history's: the transfer is done, not pending.
    expect(read.json().state.transfer.pending ?? null).toBeNull();
  });

  it('reads every state when the case names too few (a writer that did not keep them): never a partial history', async () => {
    // The trigger keeps the case's own state; Maharashtra, where three actions are, is dropped.
    await t.ctx.database.query(`UPDATE case_record SET action_states = '{29}' WHERE id = $1`, [caseId]);
    expect(await statesOf(caseId)).toEqual([29]);
    const belagavi = await t.login('dcpo.belagavi');
    const read = await belagavi.get(`/api/v1/cases/${caseId}`);
    expect(read.statusCode, read.body).toBe(200);
    expect((read.json().history as HistoryItem[]).map((h) => h.seq)).toEqual([1, 2, 3, 4, 5]);
    // An action recorded on it is validated against the whole history too (the next seq is 6).
    const note = await belagavi.post(`/api/v1/cases/${caseId}/actions`, { type: 'note', text: 'Again' });
    expect(note.statusCode, note.body).toBe(201);
    expect((note.json().history as HistoryItem[]).map((h) => h.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
