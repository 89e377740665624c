import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../tests/support/app';
import { caseKit, ist, type Kit } from '../../cases/cases.testkit';
import { applySponsorshipPauses } from './sponsorship.service';

/**
 * Issue #18: sponsorship as applications the Sponsorship and Foster Care Approval Committee
 * decides (Mission Vatsalya guidelines 2022, 4.1; JJ Model Rules 2016 R.24, Form 36), with the
 * law module's clocks: the decision within three months of the application, the yearly review,
 * and the pause when a school-going child is absent more than 30 days, which withholds the
 * months it touches in the care module's grant ledger and refuses to pay them.
 */
let t: TestApp;
let k: Kit;
let dcpo: Client;
let cwc: Client;
let akola: Client;
let a: string;
let b: string;
let c: string;
const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);
const url = '/api/v1/care/sponsorships';

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  [dcpo, cwc, akola] = await Promise.all([k.as('dcpo.amravati'), k.as('cwc.amravati'), k.as('dcpo.akola')]);
  [a, b, c] = (
    await q<{ id: string }>(
      `SELECT id FROM child c WHERE district_code = 468 AND dob > '2012-01-01'
         AND NOT EXISTS (SELECT 1 FROM care_family_placement p WHERE p.child_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM care_sponsorship s WHERE s.child_id = c.id)
       ORDER BY name, id LIMIT 3`,
    )
  ).map((r) => r.id);
});
afterAll(() => t.close());

describe('a sponsorship application and the decision clock (3 months)', () => {
  it('is overdue for a decision three months after the application, and not before', async () => {
    const late = await dcpo.post(url, {
      childId: a,
      appliedOn: '2026-08-20',
      applicant: 'grandmother',
      ground: 'orphan_with_extended_family',
    });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json()).toMatchObject({
      status: 'applied',
      overdue: true,
      nextDue: '2026-11-20',
      clocks: [{ key: 'sponsorshipApplicationDecision', dueOn: '2026-11-20', overdue: true, citation: expect.stringContaining('4.1') }],
    });
    const fresh = await dcpo.post(url, {
      childId: b,
      appliedOn: '2026-10-15',
      applicant: 'mother',
      ground: 'mother_widowed_divorced_abandoned',
    });
    expect(fresh.json()).toMatchObject({ overdue: false, clocks: [{ dueOn: '2027-01-15', overdue: false }] });
    const overdue = (await dcpo.get(`${url}?overdue=true`)).json().items.map((s: { childId: string }) => s.childId);
    expect(overdue).toContain(a);
    expect(overdue).not.toContain(b);
  });

  it('refuses a second open application, a future one, a child outside the district, and hides it from another district', async () => {
    const again = await dcpo.post(url, { childId: a, appliedOn: '2026-09-01', applicant: 'aunt', ground: 'orphan_with_extended_family' });
    expect(again.json()).toMatchObject({ code: 'sponsorship_open', issues: [{ field: 'childId' }] });
    const future = await dcpo.post(url, { childId: a, appliedOn: '2026-12-02', applicant: 'aunt', ground: 'pm_cares' });
    expect(future.json()).toMatchObject({ issues: [{ field: 'appliedOn' }] });
    const other = await akola.post(url, { childId: a, appliedOn: '2026-09-01', applicant: 'aunt', ground: 'pm_cares' });
    expect(other.json()).toMatchObject({ issues: [{ field: 'childId' }] });
    const [s] = (await dcpo.get(url)).json().items.filter((x: { childId: string }) => x.childId === a);
    expect((await akola.get(`${url}/${s.id}`)).statusCode).toBe(404);
    expect((await akola.get(url)).json().items.map((x: { id: string }) => x.id)).not.toContain(s.id);
  });
});

describe("the committee's decision, the Form 36 sanction and the grant ledger", () => {
  let id: string;
  let placementId: string;
  it('only the committee decides; a sanction needs the Form 36 order and opens a sponsorship placement at ₹4,000', async () => {
    id = (await dcpo.get(url)).json().items.find((x: { childId: string }) => x.childId === a).id;
    const cw = await k.as('caseworker.amravati');
    const body = { meetingOn: '2026-09-01', decision: 'sanctioned', reasons: 'no income at home', startsOn: '2026-09-01', version: 1 };
    expect((await cw.post(`${url}/${id}/decision`, { ...body, orderRef: 'F36/11' })).statusCode).toBe(403);
    expect((await cwc.post(`${url}/${id}/decision`, body)).json()).toMatchObject({ issues: [{ field: 'orderRef' }] });
    expect((await cwc.post(`${url}/${id}/decision`, { ...body, orderRef: 'F36/11', version: 9 })).statusCode).toBe(409);
    const ok = await cwc.post(`${url}/${id}/decision`, { ...body, orderRef: 'F36/11' });
    expect(ok.statusCode, ok.body).toBe(200);
    const s = ok.json();
    expect(s).toMatchObject({
      status: 'sanctioned',
      orderRef: 'F36/11',
      orderForm: 'form36',
      monthlyAmount: 4000,
      overdue: false,
      clocks: [{ key: 'sponsorshipAnnualReview', dueOn: '2027-09-01', overdue: false }],
    });
    placementId = s.placementId;
    const again = await cwc.post(`${url}/${id}/decision`, { ...body, orderRef: 'F36/11', version: s.version });
    expect(again.json()).toMatchObject({ code: 'already_decided' });
    const p = (await dcpo.get(`/api/v1/care/family-placements/${placementId}`)).json();
    expect(p).toMatchObject({ kind: 'sponsorship', orderForm: 'form36', orderRef: 'F36/11', startedOn: '2026-09-01', childId: a });
  });

  it('a refusal closes the application with no clock', async () => {
    const s = (await dcpo.get(url)).json().items.find((x: { childId: string }) => x.childId === b);
    const r = await dcpo.post(`${url}/${s.id}/decision`, {
      meetingOn: '2026-11-01',
      decision: 'refused',
      reasons: 'income above the limit',
      version: 1,
    });
    expect(r.json()).toMatchObject({ status: 'refused', clocks: [], overdue: false, placementId: null });
  });

  it('pauses after more than 30 days of school absence: due months withheld with the reason, a paused month not paid', async () => {
    await q(`UPDATE child SET school_status = 'out_of_school' WHERE id = $1`, [a]);
    let v = (await dcpo.get(`${url}/${id}`)).json().sponsorship.version;
    const notSchool = await dcpo.post(`${url}/${id}/absence`, { absentSince: '2026-10-10', version: v });
    expect(notSchool.json()).toMatchObject({ issues: [{ field: 'absentSince' }] });
    await q(`UPDATE child SET school_status = 'enrolled' WHERE id = $1`, [a]);
    // The month's 'due' entries (the ledger's daily job), then a paid September.
    expect((await dcpo.post('/api/v1/care/payments/due-month', {})).statusCode).toBe(200);
    const sep = await dcpo.post(`${url}/${id}/payments`, { month: '2026-09', status: 'paid', paidOn: '2026-09-30' });
    expect(sep.json()).toMatchObject({ status: 'paid', amount: 4000, placementId });

    const abs = await dcpo.post(`${url}/${id}/absence`, { absentSince: '2026-10-10', version: v });
    expect(abs.statusCode, abs.body).toBe(200);
    expect(abs.json()).toMatchObject({ paused: true, pauses: [{ from: '2026-11-10', to: null }], overdue: true });
    expect(abs.json().clocks).toContainEqual(
      expect.objectContaining({ key: 'sponsorshipSchoolAbsence', dueOn: '2026-11-09', overdue: true }),
    );
    const detail = (await dcpo.get(`${url}/${id}`)).json();
    expect(detail.payments.find((p: { month: string }) => p.month === '2026-12')).toMatchObject({
      status: 'withheld',
      reason: expect.stringContaining('paused since 2026-11-10'),
    });
    // The ledger's own route does not pay a month the pause withheld either.
    const withheld = detail.payments.find((p: { month: string }) => p.month === '2026-12');
    const direct = await dcpo.patch(`/api/v1/care/payments/${withheld.id}`, {
      status: 'paid',
      paidOn: '2026-12-01',
      version: withheld.version,
    });
    expect(direct.statusCode).toBe(409);
    expect(direct.json()).toMatchObject({ code: 'sponsorship_paused', issues: [{ field: 'status' }] });
    const nov = await dcpo.post(`${url}/${id}/payments`, { month: '2026-11', status: 'paid', paidOn: '2026-11-30' });
    expect(nov.json()).toMatchObject({ code: 'sponsorship_paused', issues: [{ field: 'month' }] });
    const oct = await dcpo.post(`${url}/${id}/payments`, { month: '2026-10', status: 'paid', paidOn: '2026-10-31' });
    expect(oct.json()).toMatchObject({ status: 'paid' });

    v = detail.sponsorship.version;
    const back = await dcpo.post(`${url}/${id}/absence`, { backOn: '2026-11-20', version: v });
    expect(back.json()).toMatchObject({ paused: false, absentSince: null, pauses: [{ from: '2026-11-10', to: '2026-11-19' }] });
    // December has no paused day: the withheld entry can now be paid.
    const dec = await dcpo.post(`${url}/${id}/payments`, { month: '2026-12', status: 'paid', paidOn: '2026-12-01' });
    expect(dec.json()).toMatchObject({ status: 'paid' });
    expect((await dcpo.post(`${url}/${id}/payments`, { month: '2026-11', status: 'paid', paidOn: '2026-12-01' })).statusCode).toBe(409);
  });

  it('the yearly review moves the review clock; ending it ends the placement', async () => {
    let s = (await dcpo.get(`${url}/${id}`)).json().sponsorship;
    const early = await cwc.post(`${url}/${id}/reviews`, { on: '2026-08-01', outcome: 'continue', notes: 'x', version: s.version });
    expect(early.json()).toMatchObject({ issues: [{ field: 'on' }] });
    s = (
      await cwc.post(`${url}/${id}/reviews`, { on: '2026-11-25', outcome: 'continue', notes: 'attending school', version: s.version })
    ).json();
    expect(s).toMatchObject({ lastReviewOn: '2026-11-25', clocks: [{ key: 'sponsorshipAnnualReview', dueOn: '2027-11-25' }] });
    const end = await cwc.post(`${url}/${id}/reviews`, {
      on: '2026-11-30',
      outcome: 'end',
      notes: 'family income improved',
      version: s.version,
    });
    expect(end.json()).toMatchObject({ status: 'ended', endedOn: '2026-11-30', clocks: [] });
    expect((await dcpo.get(`/api/v1/care/family-placements/${placementId}`)).json()).toMatchObject({ endedOn: '2026-11-30' });
  });
});

describe('the daily pause sweep (sponsorship.jobs.ts)', () => {
  it('withholds a due month once an open absence passes 30 days, and only then', async () => {
    k.at(ist('2026-12-01', '10:00'));
    const dc = await k.as('dcpo.amravati');
    await q(`UPDATE child SET school_status = 'enrolled' WHERE id = $1`, [c]);
    const s = (await dc.post(url, { childId: c, appliedOn: '2026-11-01', applicant: 'mother', ground: 'parent_incapacitated' })).json();
    const d = (
      await dc.post(`${url}/${s.id}/decision`, {
        meetingOn: '2026-11-05',
        decision: 'sanctioned',
        reasons: 'father bedridden',
        orderRef: 'F36/12',
        startsOn: '2026-11-05',
        version: s.version,
      })
    ).json();
    await dc.post('/api/v1/care/payments/due-month', {});
    const abs = (await dc.post(`${url}/${s.id}/absence`, { absentSince: '2026-11-20', version: d.version })).json();
    expect(abs).toMatchObject({ paused: false, pauses: [] });
    const entry = () =>
      q<{ status: string }>(`SELECT status FROM care_payment WHERE placement_id = $1 AND month = '2026-12-01'`, [d.placementId]);
    expect(await applySponsorshipPauses(t.ctx.db, new Date(ist('2026-12-20')))).toEqual({ withheld: 0 });
    expect((await entry())[0].status).toBe('due');
    expect((await applySponsorshipPauses(t.ctx.db, new Date(ist('2026-12-21')))).withheld).toBeGreaterThanOrEqual(1);
    expect((await entry())[0].status).toBe('withheld');
  });
});
