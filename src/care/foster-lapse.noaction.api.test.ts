import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, ist, type Kit } from '../cases/cases.testkit';
import { approvedFamily, plainProfile } from './care.fixtures';
import { familyRef, sweepFosterLapses } from './foster-lapse.service';

/**
 * Issue #14: a foster lapse alert whose convergence action item cannot be opened (here: the
 * district has no convergence group) is retried daily; the district's DCPU users are told once,
 * in-app and in their language, that it could not be opened and why, and the renewals list shows
 * it on the family's alert row. Once the group exists the next run opens the item and the row no
 * longer shows it. The server's day is 1 December 2026 (IST), then the days after.
 */
let t: TestApp;
let k: Kit;
let dcpo: Client;
let carerId: string;
let groupId: string;
let dcpuUsers: string[];
const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);
const sweep = () => sweepFosterLapses(t.ctx.db, t.ctx.now());
const notices = () =>
  q<{ user_id: string; params: Record<string, unknown> }>(
    `SELECT user_id, params FROM notification WHERE kind = 'foster_lapse_no_action' AND ref = $1`,
    [familyRef(carerId)],
  );
const dueRow = async () =>
  (await dcpo.get('/api/v1/care/foster-approvals-due')).json().items.find((i: { carer: { id: string } }) => i.carer.id === carerId);

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-11-20', '10:00'));
  const [cw, cwc] = await Promise.all([k.as('caseworker.amravati'), k.as('cwc.amravati')]);
  dcpo = await k.as('dcpo.amravati');
  ({ id: carerId } = await approvedFamily(
    { cw, cwc, profiler: dcpo },
    { name: 'Family Without Group', profile: plainProfile(2, '2026-11-30') },
  ));
  const [kid] = await q<{ id: string }>(
    `SELECT id FROM child c WHERE district_code = 468 AND name IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM care_family_placement p WHERE p.child_id = c.id)
       AND NOT EXISTS (SELECT 1 FROM care_stay s WHERE s.child_id = c.id)
     ORDER BY name, id LIMIT 1`,
  );
  const placed = await dcpo.post('/api/v1/care/family-placements', {
    childId: kid.id,
    kind: 'foster',
    carerId,
    orderRef: 'CWC/AMR/F32/NA',
    startedOn: '2026-10-01',
  });
  expect(placed.statusCode, placed.body).toBe(201);
  // The district's convergence group is moved out of Amravati: the sweep finds none for the DCPU.
  [{ id: groupId }] = await q<{ id: string }>(
    `UPDATE convergence_group SET district_code = 9999 WHERE level = 'district' AND district_code = 468 RETURNING id`,
  );
  dcpuUsers = (
    await q<{ id: string }>(
      `SELECT u.id FROM app_user u JOIN organisation o ON o.id = u.organisation_id
       WHERE o.kind = 'DCPU' AND o.place_id = 'di:468' AND o.active AND u.active`,
    )
  ).map((r) => r.id);
  expect(dcpuUsers.length).toBeGreaterThan(0);
  k.at(ist('2026-12-01', '10:00'));
  dcpo = await k.as('dcpo.amravati');
});
afterAll(() => t.close());

describe('a lapse alert whose action item could not be opened', () => {
  it('tells each DCPU user once, in-app, that it could not be opened and why; the renewals list shows it', async () => {
    const first = await sweep();
    expect(first).toMatchObject({ actionProblems: 1, problemNotices: dcpuUsers.length });
    const [alert] = await q<{ convergence_action_id: string | null; action_problem: string; problem_notified_at: Date | null }>(
      'SELECT convergence_action_id, action_problem, problem_notified_at FROM care_foster_lapse_alert WHERE carer_id = $1',
      [carerId],
    );
    expect(alert).toMatchObject({ convergence_action_id: null, action_problem: 'no_district_group' });
    expect(alert.problem_notified_at).toBeTruthy();
    const told = await notices();
    expect(told.map((n) => n.user_id).sort()).toEqual([...dcpuUsers].sort());
    expect(told[0].params).toMatchObject({ key: 'alert.fosterLapseNoAction', ref: familyRef(carerId), problem: 'no_district_group' });

    const mine = (await dcpo.get('/api/v1/notifications?unread=true')).json();
    const n = mine.items.find((x: { kind: string }) => x.kind === 'foster_lapse_no_action');
    expect(n.text).toContain(familyRef(carerId));
    expect(n.text).toContain('could not be opened (the district has no convergence group)');
    const mr = (await dcpo.get('/api/v1/notifications?unread=true', { 'accept-language': 'mr' })).json();
    expect(mr.items.find((x: { id: string }) => x.id === n.id).text).toContain('जिल्ह्यात अभिसरण गट नाही');

    expect(await dueRow()).toMatchObject({ alert: true, actionProblem: 'no_district_group' });
  });

  it('the daily retry says nothing again; once the group exists the item is opened and the row no longer shows the problem', async () => {
    k.at(ist('2026-12-02', '10:00'));
    const again = await sweep();
    expect(again).toMatchObject({ raised: 0, problemNotices: 0, actions: 0 });
    expect(await notices()).toHaveLength(dcpuUsers.length);

    await q('UPDATE convergence_group SET district_code = 468 WHERE id = $1', [groupId]);
    k.at(ist('2026-12-03', '10:00'));
    dcpo = await k.as('dcpo.amravati');
    const opened = await sweep();
    expect(opened).toMatchObject({ actions: 1, problemNotices: 0 });
    const [alert] = await q<{ convergence_action_id: string | null }>(
      'SELECT convergence_action_id FROM care_foster_lapse_alert WHERE carer_id = $1',
      [carerId],
    );
    expect(alert.convergence_action_id).toBeTruthy();
    expect(await dueRow()).toMatchObject({ alert: true, actionProblem: null });
  });
});
