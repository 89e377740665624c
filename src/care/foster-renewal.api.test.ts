import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, ist, type Kit } from '../cases/cases.testkit';
import { approvedFamily as sharedFamily, plainProfile } from './care.fixtures';

/**
 * Issue #14, renewal of a foster family's approval (JJ Model Rules 2016 r.23) and group foster
 * care: the district's list of families whose approval ends within the notice or has ended; the
 * DCPU's re-assessment and the committee's decision (renewed with a new end, or refused; 409 on a
 * stale version; audited); a child still placed with a family whose approval no longer holds is
 * an alert and the placement runs on; a lapsed family takes no new child. A group foster family
 * is approved for more places, up to the limit in domain/foster-approval.json, and is matched
 * like the others. The server's day is 1 December 2026 (IST), then 15 December.
 */
let t: TestApp;
let k: Kit;
let dcpo: Client;
let cwc: Client;
let cw: Client;
const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);
type Carer = { id: string; version: number; reviewDue?: string | null; status?: string };
const kids: { id: string }[] = [];

const approvedFamily = (
  name: string,
  validUntil: string | null,
  kind: 'foster' | 'group_foster' = 'foster',
  capacity = 2,
): Promise<Carer> => sharedFamily({ cw, cwc, profiler: dcpo }, { name, kind, profile: plainProfile(capacity, validUntil) });

const place = (childId: string, carerId: string, startedOn = '2026-10-01') =>
  dcpo.post('/api/v1/care/family-placements', { childId, kind: 'foster', carerId, orderRef: 'CWC/AMR/F32/R', startedOn });
const due = async (c: Client = dcpo, qs = '') => {
  const res = await c.get(`/api/v1/care/foster-approvals-due${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    withinDays: number;
    rules: { verification: string };
    items: { carer: Carer; state: string; alert: boolean; childrenPlaced: number; daysLeft: number; openReassessment: unknown }[];
  };
};
/** Moves the server's clock; the sessions are signed in again. */
async function at(instant: string) {
  k.at(instant);
  [dcpo, cwc, cw] = await Promise.all([k.as('dcpo.amravati'), k.as('cwc.amravati'), k.as('caseworker.amravati')]);
}
const itemOf = (list: Awaited<ReturnType<typeof due>>, id: string) => list.items.find((i) => i.carer.id === id);

let soon: Carer;
let later: Carer;
let withChild: Carer;
let refusedFamily: Carer;

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  await at(ist('2026-12-01', '10:00'));
  kids.push(
    ...(await q<{ id: string }>(
      `SELECT id FROM child c WHERE district_code = 468
         AND NOT EXISTS (SELECT 1 FROM care_family_placement p WHERE p.child_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM care_stay s WHERE s.child_id = c.id)
       ORDER BY name, id LIMIT 3`,
    )),
  );
  soon = await approvedFamily('Family Soon', '2026-12-20');
  later = await approvedFamily('Family Later', '2027-06-01');
  withChild = await approvedFamily('Family With Child', '2026-12-10');
  refusedFamily = await approvedFamily('Family Refused', '2027-01-15');
  for (const [kid, carer] of [
    [kids[0], withChild],
    [kids[1], refusedFamily],
  ] as const) {
    const p = await place(kid.id, carer.id);
    expect(p.statusCode, p.body).toBe(201);
  }
});
afterAll(() => t.close());

describe('the families due for renewal', () => {
  it('lists the approvals ending within the notice (data, unverified), nearest first; not the others', async () => {
    const list = await due();
    expect(list.withinDays).toBe(60);
    expect(list.rules.verification).toBe('unverified');
    expect(itemOf(list, soon.id)).toMatchObject({ state: 'due', daysLeft: 19, alert: false, childrenPlaced: 0 });
    expect(itemOf(list, withChild.id)).toMatchObject({ state: 'due', daysLeft: 9, childrenPlaced: 1, alert: false });
    expect(itemOf(list, later.id)).toBeUndefined();
    expect(itemOf(await due(dcpo, '?withinDays=365'), later.id)).toMatchObject({ state: 'due' });
    const bad = await dcpo.get('/api/v1/care/foster-approvals-due?withinDays=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toContain('withinDays');
    // Another district sees none of these families.
    const akola = await due(await k.as('dcpo.akola'));
    expect(akola.items.map((i) => i.carer.id)).not.toContain(soon.id);
  });
});

describe('a renewal: the re-assessment, then the committee', () => {
  it('records the re-assessment once; a stale version is 409; another district gets 404', async () => {
    const url = `/api/v1/care/foster-carers/${soon.id}/reassessment`;
    const body = { on: '2026-11-28', by: 'DCPU social worker', recommendation: 'renew', summary: 'home visited; still suitable' };
    expect((await cw.post(url, { ...body, version: soon.version - 1 })).statusCode).toBe(409);
    expect((await (await k.as('dcpo.akola')).post(url, { ...body, version: soon.version })).statusCode).toBe(404);
    const future = await cw.post(url, { ...body, on: '2026-12-02', version: soon.version });
    expect(future.json().issues[0].field).toBe('on');
    const res = await cw.post(url, { ...body, version: soon.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().renewal).toMatchObject({ status: 'reassessed', previousValidUntil: '2026-12-20', reassessedOn: '2026-11-28' });
    soon = res.json().carer;
    const again = await cw.post(url, { ...body, version: soon.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('reassessment_open');
    expect(itemOf(await due(), soon.id)!.openReassessment).toMatchObject({ status: 'reassessed' });
  });

  it('is renewed by the committee with the new end, which takes the family off the list; the caseworker may not decide', async () => {
    const url = `/api/v1/care/foster-carers/${soon.id}/renewal-decision`;
    const body = { meetingOn: '2026-11-30', decision: 'renewed', reasons: 'the re-assessment recommends it', ref: 'SFCAC/12' };
    expect((await cw.post(url, { ...body, validUntil: '2027-12-20', version: soon.version })).statusCode).toBe(403);
    const noEnd = await cwc.post(url, { ...body, version: soon.version });
    expect(noEnd.statusCode).toBe(400);
    expect(noEnd.json().issues[0].field).toBe('validUntil');
    const early = await cwc.post(url, { ...body, validUntil: '2026-12-19', version: soon.version });
    expect(early.json().issues[0].field).toBe('validUntil');
    expect((await cwc.post(url, { ...body, validUntil: '2027-12-20', version: soon.version - 1 })).statusCode).toBe(409);
    const res = await cwc.post(url, { ...body, validUntil: '2027-12-20', version: soon.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().carer).toMatchObject({ status: 'approved', reviewDue: '2027-12-20' });
    expect(res.json().renewal).toMatchObject({ status: 'renewed', validUntil: '2027-12-20', meetingOn: '2026-11-30', ref: 'SFCAC/12' });
    expect(itemOf(await due(), soon.id)).toBeUndefined();
    // No re-assessment awaits now: a second decision is refused.
    const twice = await cwc.post(url, { ...body, validUntil: '2028-01-01', version: res.json().carer.version });
    expect(twice.json().code).toBe('no_reassessment');
    const history = await dcpo.get(`/api/v1/care/foster-carers/${soon.id}/renewals`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().items).toHaveLength(1);
    const audited = await q<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'care_foster_carer' AND entity_id = $1 AND action = 'update'",
      [soon.id],
    );
    expect(audited[0].n).toBeGreaterThanOrEqual(3);
  });

  it('refused: the family leaves matching; its placed child stays placed and the family is an alert', async () => {
    const r = await cw.post(`/api/v1/care/foster-carers/${refusedFamily.id}/reassessment`, {
      on: '2026-11-30',
      by: 'DCPU social worker',
      recommendation: 'do_not_renew',
      summary: 'the household has changed',
      version: refusedFamily.version,
    });
    expect(r.statusCode, r.body).toBe(200);
    const withEnd = await dcpo.post(`/api/v1/care/foster-carers/${refusedFamily.id}/renewal-decision`, {
      meetingOn: '2026-12-01',
      decision: 'refused',
      validUntil: '2027-12-01',
      reasons: 'not suitable now',
      version: r.json().carer.version,
    });
    expect(withEnd.json().issues[0].field).toBe('validUntil');
    const res = await dcpo.post(`/api/v1/care/foster-carers/${refusedFamily.id}/renewal-decision`, {
      meetingOn: '2026-12-01',
      decision: 'refused',
      reasons: 'not suitable now',
      version: r.json().carer.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().carer.status).toBe('ended');
    expect(itemOf(await due(), refusedFamily.id)).toMatchObject({ state: 'refused', alert: true, childrenPlaced: 1 });
    const running = await q<{ n: number }>(
      'SELECT count(*)::int AS n FROM care_family_placement WHERE carer_id = $1 AND ended_on IS NULL',
      [refusedFamily.id],
    );
    expect(running[0].n).toBe(1);
    const m = (await dcpo.get(`/api/v1/care/foster-matches?childId=${kids[2].id}`)).json();
    const everyone = [...m.candidates, ...m.excluded].map((x: { carer: { id: string } }) => x.carer.id);
    expect(everyone).not.toContain(refusedFamily.id);
  });
});

describe('an approval that lapses with a child placed', () => {
  it('is an alert once past its end; the placement is not ended; the family takes no new child', async () => {
    await at(ist('2026-12-15', '10:00'));
    const list = await due();
    expect(list.items[0].alert).toBe(true);
    expect(itemOf(list, withChild.id)).toMatchObject({ state: 'lapsed', alert: true, childrenPlaced: 1, daysLeft: -5 });
    const running = await q<{ n: number }>(
      'SELECT count(*)::int AS n FROM care_family_placement WHERE carer_id = $1 AND ended_on IS NULL',
      [withChild.id],
    );
    expect(running[0].n).toBe(1);
    const p = await place(kids[2].id, withChild.id, '2026-12-14');
    expect(p.statusCode).toBe(409);
    expect(p.json()).toMatchObject({ code: 'approval_lapsed', issues: [{ field: 'carerId' }] });
  });
});

describe('group foster care', () => {
  it('is a family approved for more places, up to the limit, and matched like the others', async () => {
    const applied = await cw.post('/api/v1/care/foster-carers', {
      kind: 'group_foster',
      name: 'Group Home Family',
      locationId: 'di:468',
      appliedOn: '2026-09-01',
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const g = await approvedFamily('Group Foster Family', '2027-09-01', 'group_foster', 8);
    expect(g.status).toBe('approved');
    const over = await dcpo.patch(`/api/v1/care/foster-carers/${g.id}/profile`, {
      capacity: 9,
      prefersSex: 'any',
      languages: [],
      takesSiblings: true,
      version: g.version,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().issues[0]).toMatchObject({ field: 'capacity' });
    expect(over.json().issues[0].message).toContain('group foster');
    const fosterOver = await approvedFamily('Foster Ten', null, 'foster', 10);
    expect(fosterOver.version).toBeGreaterThan(1);
    const m = (await dcpo.get(`/api/v1/care/foster-matches?childId=${kids[2].id}&siblingsToPlace=3`)).json();
    const cand = m.candidates.find((x: { carer: { id: string } }) => x.carer.id === g.id);
    expect(cand).toMatchObject({ carer: { kind: 'group_foster' }, freePlaces: 8 });
  });
});
