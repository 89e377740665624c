import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, ist, type Kit } from '../cases/cases.testkit';
import { approvedFamily as sharedFamily, plainProfile } from './care.fixtures';
import { familyRef, sweepFosterLapses } from './foster-lapse.service';
import { runCareSweeps } from './care.cli';

/**
 * Issue #14: a family's free places (the home study's places less the children placed now) are
 * checked when a child is placed (409 `no_free_place` on carerId; matching lists the full family
 * with `no_place`), and the daily sweep raises the foster approval lapse alert for real: a message
 * to each of the district's DCPU users (the outbox) and a convergence action item for the DCPU,
 * once per family and lapse, however often it runs. The server's day is 1 December 2026 (IST),
 * then 15 December.
 */
let t: TestApp;
let k: Kit;
let dcpo: Client;
let cwc: Client;
let cw: Client;
const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);
type Carer = { id: string; version: number };
let kids: { id: string; name: string }[] = [];

const approvedFamily = (
  name: string,
  validUntil: string | null,
  capacity: number,
  kind: 'foster' | 'group_foster' = 'foster',
): Promise<Carer> => sharedFamily({ cw, cwc, profiler: dcpo }, { name, kind, profile: plainProfile(capacity, validUntil) });
const place = (childId: string, carerId: string, kind = 'foster') =>
  dcpo.post('/api/v1/care/family-placements', { childId, kind, carerId, orderRef: 'CWC/AMR/F32/L', startedOn: '2026-10-01' });
async function at(instant: string) {
  k.at(instant);
  [dcpo, cwc, cw] = await Promise.all([k.as('dcpo.amravati'), k.as('cwc.amravati'), k.as('caseworker.amravati')]);
}
const sweep = () => sweepFosterLapses(t.ctx.db, t.ctx.now());
const alerts = (carerId: string) =>
  q<{ id: string; lapse: string; state: string; notified: number; convergence_action_id: string | null; action_problem: string | null }>(
    'SELECT * FROM care_foster_lapse_alert WHERE carer_id = $1 ORDER BY created_at',
    [carerId],
  );
const outbox = (carerId: string) =>
  q<{ subject: string; body: string; recipient_user_id: string; payload: Record<string, unknown> }>(
    `SELECT * FROM notification_outbox WHERE kind = 'foster_approval_lapse' AND payload->>'carerId' = $1`,
    [carerId],
  );

let full: Carer;
let lapsing: Carer;
let refused: Carer;
let dcpuUsers: string[];

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  await at(ist('2026-12-01', '10:00'));
  kids = await q<{ id: string; name: string }>(
    `SELECT id, name FROM child c WHERE district_code = 468 AND name IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM care_family_placement p WHERE p.child_id = c.id)
       AND NOT EXISTS (SELECT 1 FROM care_stay s WHERE s.child_id = c.id)
     ORDER BY name, id LIMIT 5`,
  );
  expect(kids).toHaveLength(5);
  full = await approvedFamily('Family One Place', '2027-06-01', 1);
  lapsing = await approvedFamily('Family Lapsing', '2026-12-10', 2);
  refused = await approvedFamily('Family Refused Again', '2027-01-15', 2);
  dcpuUsers = (
    await q<{ id: string }>(
      `SELECT u.id FROM app_user u JOIN organisation o ON o.id = u.organisation_id
       WHERE o.kind = 'DCPU' AND o.place_id = 'di:468' AND o.active AND u.active`,
    )
  ).map((r) => r.id);
});
afterAll(() => t.close());

describe("a family's free places", () => {
  it('refuses a child once the places the home study found are taken (409 no_free_place on carerId); matching says why', async () => {
    expect((await place(kids[0].id, full.id)).statusCode).toBe(201);
    const res = await place(kids[1].id, full.id);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'no_free_place', issues: [{ field: 'carerId' }] });
    expect((await q('SELECT 1 FROM care_family_placement WHERE child_id = $1', [kids[1].id])).length).toBe(0);
    const m = await dcpo.get(`/api/v1/care/foster-matches?childId=${kids[1].id}`);
    expect(m.statusCode, m.body).toBe(200);
    const ex = m.json().excluded.find((x: { carer: { id: string } }) => x.carer.id === full.id);
    expect(ex).toMatchObject({ freePlaces: 0, exclusions: [{ code: 'no_place' }] });
    expect(m.json().candidates.map((c: { carer: { id: string } }) => c.carer.id)).not.toContain(full.id);
  });

  it('a group foster family takes up to 8 (data); its 9th place is refused at the profile', async () => {
    const g = await approvedFamily('Group Home Family', '2027-06-01', 8, 'group_foster');
    const nine = await dcpo.patch(`/api/v1/care/foster-carers/${g.id}/profile`, {
      capacity: 9,
      prefersSex: 'any',
      languages: [],
      takesSiblings: true,
      version: g.version,
    });
    expect(nine.statusCode).toBe(400);
    expect(nine.json().issues[0].field).toBe('capacity');
  });
});

describe('the foster approval lapse alert', () => {
  it('is raised for a refused renewal with a child placed: each DCPU user hears of it, the DCPU gets an action item', async () => {
    expect((await place(kids[2].id, lapsing.id)).statusCode).toBe(201);
    expect((await place(kids[3].id, refused.id)).statusCode).toBe(201);
    const r = await cw.post(`/api/v1/care/foster-carers/${refused.id}/reassessment`, {
      on: '2026-11-30',
      by: 'DCPU social worker',
      recommendation: 'do_not_renew',
      summary: 'the household has changed',
      version: refused.version,
    });
    expect(r.statusCode, r.body).toBe(200);
    const d = await cwc.post(`/api/v1/care/foster-carers/${refused.id}/renewal-decision`, {
      meetingOn: '2026-12-01',
      decision: 'refused',
      reasons: 'not suitable now',
      version: r.json().carer.version,
    });
    expect(d.statusCode, d.body).toBe(200);
    expect(dcpuUsers.length).toBeGreaterThan(0);

    const first = await sweep();
    expect(first.raised).toBe(1);
    const [a] = await alerts(refused.id);
    expect(a).toMatchObject({ state: 'refused', notified: dcpuUsers.length, action_problem: null });
    expect(a.convergence_action_id).toBeTruthy();
    expect(await alerts(lapsing.id)).toHaveLength(0);

    const msgs = await outbox(refused.id);
    expect(msgs.map((m) => m.recipient_user_id).sort()).toEqual([...dcpuUsers].sort());
    for (const m of msgs) {
      expect(m.body).toContain(familyRef(refused.id));
      // No child's name, nor the family's, in the words or the payload.
      for (const text of [m.subject, m.body, JSON.stringify(m.payload)]) {
        for (const kid of kids) expect(text).not.toContain(kid.name);
        expect(text).not.toContain('Family Refused Again');
      }
    }
    const [action] = await q<{
      department: string;
      meeting_id: string | null;
      description: string;
      due_date: string;
      child_id: string | null;
    }>('SELECT department, meeting_id, description, due_date::text, child_id FROM convergence_action WHERE id = $1', [
      a.convergence_action_id,
    ]);
    expect(action).toMatchObject({ department: 'DCPU', meeting_id: null, due_date: '2026-12-08', child_id: null });
    expect(action.description).toContain(familyRef(refused.id));
    for (const kid of kids) expect(action.description).not.toContain(kid.name);
    // The DCPU sees it among the district's action items.
    const list = await dcpo.get('/api/v1/convergence/actions?department=DCPU');
    expect(list.statusCode, list.body).toBe(200);
    expect(JSON.stringify(list.json())).toContain(a.convergence_action_id!);
    // ... and opens it on the action item page (/convergence/actions/$id).
    const one = await dcpo.get(`/api/v1/convergence/actions/${a.convergence_action_id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ id: a.convergence_action_id, department: 'DCPU' });
    expect(one.json().description).toContain(familyRef(refused.id));
  });

  it('reaches the in-app notifications list of each DCPU user, in the reader’s language, with no name', async () => {
    const mine = await dcpo.get('/api/v1/notifications?unread=true');
    expect(mine.statusCode, mine.body).toBe(200);
    const n = mine
      .json()
      .items.find((x: { kind: string; ref: string }) => x.kind === 'foster_approval_lapse' && x.ref === familyRef(refused.id));
    expect(n).toBeTruthy();
    expect(n.text).toContain(familyRef(refused.id));
    for (const kid of kids) expect(n.text).not.toContain(kid.name);
    const hi = await dcpo.get('/api/v1/notifications?unread=true', { 'accept-language': 'hi' });
    const nh = hi.json().items.find((x: { id: string }) => x.id === n.id);
    expect(nh.text).toContain('पोषण देखरेख परिवार');
    const rows = await q<{ user_id: string }>(`SELECT user_id FROM notification WHERE kind = 'foster_approval_lapse' AND ref = $1`, [
      familyRef(refused.id),
    ]);
    expect(rows.map((r) => r.user_id).sort()).toEqual([...dcpuUsers].sort());
    // Not in another district's list.
    const akola = await k.as('dcpo.akola');
    const theirs = (await akola.get('/api/v1/notifications')).json().items.map((x: { id: string }) => x.id);
    expect(theirs).not.toContain(n.id);
  });

  it('is raised once per family and lapse: a re-run and a later day add nothing for the same lapse; a new lapse is a new alert', async () => {
    const again = await sweep();
    expect(again).toMatchObject({ raised: 0, notified: 0 });
    // The CLI's run (samanvay care-sweep) is the same sweep: nothing raised twice, progress through its log.
    const lines: string[] = [];
    const cli = await runCareSweeps(t.ctx.database, ['foster-lapses'], t.ctx.now(), (l) => lines.push(l));
    expect(cli).toMatchObject({ fosterLapses: { raised: 0, notified: 0 } });
    expect(lines).toEqual(['care-sweep: 1/1 foster-lapses…', 'care-sweep: done']);
    await at(ist('2026-12-15', '10:00'));
    const later = await sweep();
    expect(later.raised).toBe(1);
    expect(await alerts(refused.id)).toHaveLength(1);
    expect((await outbox(refused.id)).length).toBe(dcpuUsers.length);
    const [l] = await alerts(lapsing.id);
    expect(l).toMatchObject({ state: 'lapsed', lapse: 'lapsed:2026-12-10', notified: dcpuUsers.length });
    expect(l.convergence_action_id).toBeTruthy();
    const body = (await outbox(lapsing.id))[0].body;
    expect(body).toContain('2026-12-10');
    await Promise.all([sweep(), sweep()]);
    expect(await alerts(lapsing.id)).toHaveLength(1);
    const actions = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM convergence_action WHERE description LIKE $1 OR description LIKE $2`,
      [`%${familyRef(lapsing.id)}%`, `%${familyRef(refused.id)}%`],
    );
    expect(actions[0].n).toBe(2);
    // The alert is audited with ids and counts only.
    const audits = await q<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_event WHERE entity_type = 'care_foster_lapse_alert' AND entity_id = $1`,
      [l.id],
    );
    expect(audits[0].details).toMatchObject({ carerId: lapsing.id, state: 'lapsed' });
  });

  it('the sweep ends no placement: the child stays placed until the CWC orders otherwise', async () => {
    const open = await q('SELECT 1 FROM care_family_placement WHERE carer_id = ANY($1) AND ended_on IS NULL', [[lapsing.id, refused.id]]);
    expect(open).toHaveLength(2);
  });
});
