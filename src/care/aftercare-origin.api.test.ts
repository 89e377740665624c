import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, ist, type Kit } from '../cases/cases.testkit';

/**
 * Issue #14, an aftercare plan (JJ Act 2015 s.46; Form 37) linked to what it follows: the foster
 * placement of a young person reaching or leaving at 18 (the proposal taken up: it disappears
 * once linked), or a stay discharged with reason 'aftercare'. The link shows on the plan; a
 * stay or placement that does not lead to aftercare is refused naming the field. The server's day
 * is 1 December 2026 (IST).
 */
let t: TestApp;
let k: Kit;
let dcpo: Client;
let cwc: Client;
let cw: Client;
const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);
let kids: { id: string }[];
let carerId: string;

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  [dcpo, cwc, cw] = await Promise.all([k.as('dcpo.amravati'), k.as('cwc.amravati'), k.as('caseworker.amravati')]);
  kids = await q<{ id: string }>(
    `SELECT id FROM child c WHERE district_code = 468
       AND NOT EXISTS (SELECT 1 FROM care_family_placement p WHERE p.child_id = c.id)
       AND NOT EXISTS (SELECT 1 FROM care_stay s WHERE s.child_id = c.id)
       AND NOT EXISTS (SELECT 1 FROM care_aftercare_plan a WHERE a.child_id = c.id)
     ORDER BY name, id LIMIT 3`,
  );
  await q("UPDATE child SET dob = '2009-03-01' WHERE id = $1", [kids[0].id]);
  await q("UPDATE child SET dob = '2008-09-01' WHERE id = ANY($1)", [[kids[1].id, kids[2].id]]);
  const applied = (
    await cw.post('/api/v1/care/foster-carers', { kind: 'foster', name: 'Family Origin', locationId: 'di:468', appliedOn: '2026-09-01' })
  ).json();
  const studied = (
    await cw.post(`/api/v1/care/foster-carers/${applied.id}/home-study`, {
      on: '2026-09-05',
      by: 'DCPU social worker',
      recommendation: 'recommended',
      summary: 'suitable',
      version: 1,
    })
  ).json();
  const approved = (
    await cwc.post(`/api/v1/care/foster-carers/${studied.id}/decision`, {
      meetingOn: '2026-09-10',
      decision: 'approved',
      reasons: 'recommended',
      version: studied.version,
    })
  ).json();
  await cw.patch(`/api/v1/care/foster-carers/${approved.id}/profile`, {
    capacity: 3,
    prefersSex: 'any',
    languages: [],
    takesSiblings: true,
    version: approved.version,
  });
  carerId = approved.id;
});
afterAll(() => t.close());

const placeWith = (childId: string) =>
  dcpo.post('/api/v1/care/family-placements', { childId, kind: 'foster', carerId, orderRef: 'CWC/AMR/F32/O', startedOn: '2026-09-15' });
const proposals = async () =>
  (await dcpo.get('/api/v1/care/aftercare-proposals')).json().items as { childId: string; placementId: string; source: string }[];

describe('a plan made from a foster placement', () => {
  it('links the proposal (running, or ended at 18); the proposal disappears; the link shows on the plan', async () => {
    const running = (await placeWith(kids[0].id)).json();
    const left = (await placeWith(kids[1].id)).json();
    const end = await cwc.post(`/api/v1/care/family-placements/${left.id}/end`, {
      reason: 'turned_18',
      endedOn: '2026-11-20',
      orderRef: 'CWC/AMR/AC-1',
      version: 1,
    });
    expect(end.statusCode, end.body).toBe(200);
    expect((await proposals()).map((p) => p.placementId)).toEqual(expect.arrayContaining([running.id, left.id]));

    // Another child's placement is not this young person's.
    const wrong = await dcpo.post('/api/v1/care/aftercare', {
      childId: kids[1].id,
      orderRef: 'F37/1',
      planOn: '2026-11-25',
      needs: {},
      followsPlacementId: running.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0].field).toBe('followsPlacementId');
    const both = await dcpo.post('/api/v1/care/aftercare', {
      childId: kids[1].id,
      orderRef: 'F37/1',
      planOn: '2026-11-25',
      needs: {},
      followsPlacementId: left.id,
      followsStayId: left.id,
    });
    expect(both.json().issues[0].field).toBe('followsPlacementId');

    const plan = await dcpo.post('/api/v1/care/aftercare', {
      childId: kids[1].id,
      orderRef: 'CWC/AMR/AC-1 (Form 37)',
      planOn: '2026-11-25',
      needs: { housing: 'with the foster family' },
      followsPlacementId: left.id,
    });
    expect(plan.statusCode, plan.body).toBe(201);
    expect(plan.json().follows).toEqual({
      kind: 'foster_placement',
      id: left.id,
      endedOn: '2026-11-20',
      endReason: 'turned_18',
      place: 'Family Origin',
    });
    const after = await proposals();
    expect(after.map((p) => p.placementId)).not.toContain(left.id);
    expect(after.map((p) => p.placementId)).toContain(running.id);

    // The running placement's proposal taken up (from 17 years 6 months).
    const fromRunning = await dcpo.post('/api/v1/care/aftercare', {
      childId: kids[0].id,
      orderRef: 'F37/2',
      planOn: '2026-12-01',
      needs: { education: 'class 12' },
      followsPlacementId: running.id,
    });
    expect(fromRunning.statusCode, fromRunning.body).toBe(201);
    expect(fromRunning.json().follows).toMatchObject({ kind: 'foster_placement', endedOn: null });
    expect((await proposals()).map((p) => p.placementId)).not.toContain(running.id);

    const list = (await dcpo.get(`/api/v1/care/aftercare?childId=${kids[1].id}`)).json().items;
    expect(list[0].follows).toMatchObject({ kind: 'foster_placement', id: left.id });
    const audited = await q<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'care_aftercare_plan' AND entity_id = $1 AND action = 'create'",
      [plan.json().id],
    );
    expect(audited[0].n).toBe(1);
  });
});

describe('a plan made after a stay discharged to aftercare', () => {
  it('links the stay; a stay discharged for another reason is refused', async () => {
    const [stay] = await q<{ id: string; child_id: string }>(
      `SELECT s.id, s.child_id FROM care_stay s WHERE s.district_code = 468 AND s.order_by = 'cwc'
         AND NOT EXISTS (SELECT 1 FROM care_aftercare_plan a WHERE a.child_id = s.child_id)
       ORDER BY s.id LIMIT 1`,
    );
    await q("UPDATE child SET dob = '2008-10-01' WHERE id = $1", [stay.child_id]);
    await q("UPDATE care_stay SET status = 'left', ended_on = '2026-11-28', end_reason = 'restored_to_family' WHERE id = $1", [stay.id]);
    const body = { childId: stay.child_id, orderRef: 'F37/3', planOn: '2026-11-29', needs: {}, followsStayId: stay.id };
    const home = await dcpo.post('/api/v1/care/aftercare', body);
    expect(home.statusCode).toBe(400);
    expect(home.json().issues[0].field).toBe('followsStayId');
    const stayProposals = async (c: Client = dcpo) => {
      const r = await c.get('/api/v1/care/aftercare-proposals/stays');
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().items as { stayId: string; endedOn: string; institution: string | null }[]).map((i) => i.stayId);
    };
    expect(await stayProposals()).not.toContain(stay.id);
    await q("UPDATE care_stay SET end_reason = 'aftercare' WHERE id = $1", [stay.id]);
    // Discharged to aftercare without a plan: proposed, to this district only.
    expect(await stayProposals()).toContain(stay.id);
    expect(await stayProposals(await k.as('dcpo.akola'))).not.toContain(stay.id);
    const res = await dcpo.post('/api/v1/care/aftercare', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().follows).toMatchObject({ kind: 'stay_discharge', id: stay.id, endedOn: '2026-11-28', endReason: 'aftercare' });
    expect(res.json().follows.place).toEqual(expect.any(String));
    expect(await stayProposals()).not.toContain(stay.id);
    // Another district's officer cannot name the stay.
    const akola = await (await k.as('dcpo.akola')).post('/api/v1/care/aftercare', { ...body, orderRef: 'F37/4' });
    expect(akola.statusCode).toBe(400);
  });
});
