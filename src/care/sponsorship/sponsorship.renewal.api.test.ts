import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../tests/support/app';
import { caseKit, ist, type Kit } from '../../cases/cases.testkit';

/**
 * Issue #14: a sponsorship's renewal and ending as their own workflow (JJ Act 2015 s.45; Mission
 * Vatsalya guidelines 2022, 4.1), as the foster approval renewal: the sanction's period
 * (`validUntil`, by default 12 months as data), the renewal list (ending within N days, lapsed,
 * ended while months are still due), the DCPU's re-assessment and the committee's renew/refuse
 * with the version (409 on a stale one), ending with a reason (dates out of order name the field),
 * and no ledger month after a sponsorship ended or lapsed. The server's day is 1 December 2026 (IST).
 */
let t: TestApp;
let k: Kit;
let dcpo: Client;
let cwc: Client;
let akola: Client;
const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);
const url = '/api/v1/care/sponsorships';
type S = { id: string; version: number; placementId: string; validUntil: string | null; childId: string };
const sp: Record<'renew' | 'lapse' | 'end', S> = {} as never;

async function sanctioned(childId: string, startsOn: string, validUntil?: string): Promise<S> {
  const a = await dcpo.post(url, { childId, appliedOn: startsOn, applicant: 'mother', ground: 'mother_widowed_divorced_abandoned' });
  expect(a.statusCode, a.body).toBe(201);
  const d = await cwc.post(`${url}/${a.json().id}/decision`, {
    meetingOn: startsOn,
    decision: 'sanctioned',
    reasons: 'no income at home',
    orderRef: 'F36/R1',
    startsOn,
    ...(validUntil ? { validUntil } : {}),
    version: a.json().version,
  });
  expect(d.statusCode, d.body).toBe(200);
  return d.json();
}
const months = async (placementId: string) =>
  (
    await q<{ m: string; status: string }>(
      `SELECT to_char(month, 'YYYY-MM') AS m, status FROM care_payment WHERE placement_id = $1 ORDER BY month`,
      [placementId],
    )
  ).map((r) => `${r.m}:${r.status}`);
const dueList = async (withinDays?: number) =>
  (await dcpo.get(`/api/v1/care/sponsorships-due${withinDays === undefined ? '' : `?withinDays=${withinDays}`}`)).json();

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  [dcpo, cwc, akola] = await Promise.all([k.as('dcpo.amravati'), k.as('cwc.amravati'), k.as('dcpo.akola')]);
  const kids = (
    await q<{ id: string }>(
      `SELECT id FROM child c WHERE district_code = 468 AND dob > '2012-01-01'
         AND NOT EXISTS (SELECT 1 FROM care_family_placement p WHERE p.child_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM care_sponsorship s WHERE s.child_id = c.id)
       ORDER BY name, id LIMIT 3`,
    )
  ).map((r) => r.id);
  // A sanction without an end holds the default 12 months; one that ended on 31 October; one to end early.
  sp.renew = await sanctioned(kids[0], '2026-01-10');
  sp.lapse = await sanctioned(kids[1], '2026-02-01', '2026-10-31');
  sp.end = await sanctioned(kids[2], '2026-06-01');
  expect((await dcpo.post('/api/v1/care/payments/due-month', {})).statusCode).toBe(200);
});
afterAll(() => t.close());

describe("a sponsorship's period and the renewal list", () => {
  it('a sanction holds 12 months by default; one ending within the notice is due, one past its end lapsed', async () => {
    expect(sp.renew.validUntil).toBe('2027-01-09');
    const bad = await dcpo.post(url, { childId: sp.lapse.childId, appliedOn: '2026-01-01', applicant: 'x', ground: 'pm_cares' });
    expect(bad.statusCode).toBe(409);
    const list = await dueList();
    expect(list).toMatchObject({ withinDays: 60, rules: { dueWithinDays: 60, periodMonths: 12, verification: 'secondary_source' } });
    const of = (id: string) => list.items.find((i: { sponsorship: { id: string } }) => i.sponsorship.id === id);
    expect(of(sp.renew.id)).toMatchObject({ state: 'due', daysLeft: 39, alert: false });
    // Lapsed with its months still unpaid: an alert, first in the list.
    expect(of(sp.lapse.id)).toMatchObject({ state: 'lapsed', daysLeft: -31, alert: true, paymentsDue: 9 });
    expect(list.items[0].alert).toBe(true);
    expect(of(sp.end.id)).toBeUndefined();
    // Within 30 days the January sanction is not yet listed.
    expect((await dueList(30)).items.map((i: { sponsorship: { id: string } }) => i.sponsorship.id)).not.toContain(sp.renew.id);
    // Another district sees none of them.
    const other = (await akola.get('/api/v1/care/sponsorships-due'))
      .json()
      .items.map((i: { sponsorship: { id: string } }) => i.sponsorship.id);
    expect(other).not.toContain(sp.lapse.id);
  });

  it('no ledger month is made after a lapsed sanction', async () => {
    const m = await months(sp.lapse.placementId);
    expect(m[0]).toBe('2026-02:due');
    expect(m.at(-1)).toBe('2026-10:due');
    expect(m).toHaveLength(9);
    expect(await months(sp.renew.placementId)).toContain('2026-12:due');
  });

  it('a decision whose period ends before the sponsorship begins is refused naming validUntil', async () => {
    const kid = (
      await q<{ id: string }>(
        `SELECT id FROM child c WHERE district_code = 468 AND dob > '2012-01-01'
           AND NOT EXISTS (SELECT 1 FROM care_sponsorship s WHERE s.child_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM care_family_placement p WHERE p.child_id = c.id) ORDER BY id LIMIT 1`,
      )
    )[0].id;
    const a = (await dcpo.post(url, { childId: kid, appliedOn: '2026-11-01', applicant: 'aunt', ground: 'pm_cares' })).json();
    const r = await cwc.post(`${url}/${a.id}/decision`, {
      meetingOn: '2026-11-10',
      decision: 'sanctioned',
      reasons: 'x',
      orderRef: 'F36/R2',
      startsOn: '2026-11-10',
      validUntil: '2026-11-01',
      version: a.version,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ issues: [{ field: 'validUntil' }] });
  });
});

describe("the DCPU's re-assessment and the committee's renewal", () => {
  it('re-assesses once (future refused, stale version 409, another district 404), then the committee renews', async () => {
    const r = `${url}/${sp.renew.id}`;
    const body = { on: '2026-11-28', by: 'DCPU social worker', recommendation: 'renew', summary: 'child in school, mother unwell' };
    expect((await dcpo.post(`${r}/reassessment`, { ...body, on: '2026-12-02', version: sp.renew.version })).json()).toMatchObject({
      issues: [{ field: 'on' }],
    });
    expect((await dcpo.post(`${r}/reassessment`, { ...body, version: sp.renew.version + 5 })).statusCode).toBe(409);
    expect((await akola.post(`${r}/reassessment`, { ...body, version: sp.renew.version })).statusCode).toBe(404);
    const ok = await dcpo.post(`${r}/reassessment`, { ...body, version: sp.renew.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ renewal: { status: 'reassessed', previousValidUntil: '2027-01-09' } });
    let v = ok.json().sponsorship.version;
    const twice = await dcpo.post(`${r}/reassessment`, { ...body, version: v });
    expect(twice.json()).toMatchObject({ code: 'reassessment_open' });

    const decision = { meetingOn: '2026-11-30', decision: 'renewed', reasons: 'need continues', validUntil: '2028-01-09' };
    expect((await cwc.post(`${r}/renewal-decision`, { ...decision, version: v - 1 })).statusCode).toBe(409);
    const early = await cwc.post(`${r}/renewal-decision`, { ...decision, validUntil: '2027-01-01', version: v });
    expect(early.json()).toMatchObject({ issues: [{ field: 'validUntil' }] });
    const before = await cwc.post(`${r}/renewal-decision`, { ...decision, meetingOn: '2026-11-27', version: v });
    expect(before.json()).toMatchObject({ issues: [{ field: 'meetingOn' }] });
    const renewed = await cwc.post(`${r}/renewal-decision`, { ...decision, version: v });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json()).toMatchObject({
      sponsorship: { validUntil: '2028-01-09', status: 'sanctioned' },
      renewal: { status: 'renewed' },
    });
    v = renewed.json().sponsorship.version;
    expect((await dueList()).items.map((i: { sponsorship: { id: string } }) => i.sponsorship.id)).not.toContain(sp.renew.id);
    const hist = (await dcpo.get(`${r}/renewals`)).json();
    expect(hist.items).toHaveLength(1);
    expect(hist.items[0]).toMatchObject({ status: 'renewed', validUntil: '2028-01-09' });
    // The reads and writes are audited with the child.
    const audited = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event e JOIN audit_subject s ON s.event_seq = e.seq
        WHERE e.entity_id = $1 AND s.subject_type = 'child' AND s.subject_id = $2`,
      [sp.renew.id, sp.renew.childId],
    );
    // The sanction, the re-assessment, the decision and the history read.
    expect(audited[0].n).toBeGreaterThanOrEqual(4);
  });

  it('a refused renewal ends a lapsed sponsorship on its end: no month after it, listed while months are due', async () => {
    const r = `${url}/${sp.lapse.id}`;
    const re = await dcpo.post(`${r}/reassessment`, {
      on: '2026-11-20',
      by: 'DCPU',
      recommendation: 'end',
      summary: 'family moved to another state',
      version: sp.lapse.version,
    });
    expect(re.statusCode, re.body).toBe(200);
    const refused = await cwc.post(`${r}/renewal-decision`, {
      meetingOn: '2026-11-30',
      decision: 'refused',
      reasons: 'family moved',
      version: re.json().sponsorship.version,
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json().sponsorship).toMatchObject({ status: 'ended', endedOn: '2026-10-31' });
    expect((await dcpo.get(`/api/v1/care/family-placements/${sp.lapse.placementId}`)).json()).toMatchObject({ endedOn: '2026-10-31' });
    await dcpo.post('/api/v1/care/payments/due-month', {});
    expect((await months(sp.lapse.placementId)).at(-1)).toBe('2026-10:due');
    const item = (await dueList()).items.find((i: { sponsorship: { id: string } }) => i.sponsorship.id === sp.lapse.id);
    expect(item).toMatchObject({ state: 'ended', alert: true, paymentsDue: 9 });
  });
});

describe('ending a sponsorship with a reason', () => {
  it('refuses dates out of order naming endedOn, a stale version, then ends it and stops the ledger', async () => {
    const r = `${url}/${sp.end.id}/end`;
    const v = sp.end.version;
    const before = await cwc.post(r, { endedOn: '2026-05-31', reason: 'family_self_reliant', version: v });
    expect(before.statusCode).toBe(400);
    expect(before.json()).toMatchObject({ issues: [{ field: 'endedOn', message: expect.stringContaining('2026-06-01') }] });
    const future = await cwc.post(r, { endedOn: '2026-12-05', reason: 'family_self_reliant', version: v });
    expect(future.json()).toMatchObject({ issues: [{ field: 'endedOn' }] });
    const bad = await cwc.post(r, { endedOn: '2026-09-15', reason: 'rich now', version: v });
    expect(bad.json()).toMatchObject({ issues: [{ field: 'reason' }] });
    expect((await cwc.post(r, { endedOn: '2026-09-15', reason: 'family_self_reliant', version: v + 1 })).statusCode).toBe(409);
    expect(await months(sp.end.placementId)).toContain('2026-12:due');
    const ok = await cwc.post(r, { endedOn: '2026-09-15', reason: 'family_self_reliant', notes: 'mother employed', version: v });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      sponsorship: { status: 'ended', endedOn: '2026-09-15', endReason: 'family_self_reliant: mother employed' },
      withheldMonths: ['2026-10', '2026-11', '2026-12'],
      paidAfterEnd: [],
    });
    await dcpo.post('/api/v1/care/payments/due-month', {});
    expect(await months(sp.end.placementId)).toEqual([
      '2026-06:due',
      '2026-07:due',
      '2026-08:due',
      '2026-09:due',
      '2026-10:withheld',
      '2026-11:withheld',
      '2026-12:withheld',
    ]);
    const again = await cwc.post(r, { endedOn: '2026-09-20', reason: 'other', version: ok.json().sponsorship.version });
    expect(again.json()).toMatchObject({ code: 'not_sanctioned' });
  });
});

describe('who re-assesses and who decides (the sponsorshipRenewal field rules, Model Rules 2016 r.24)', () => {
  it("the DCPU's caseworker re-assesses but may not decide nor end (403 naming the field, nothing written)", async () => {
    const cw = await k.as('caseworker.amravati');
    const r = `${url}/${sp.renew.id}`;
    const version = async () =>
      (await q<{ version: number }>('SELECT version FROM care_sponsorship WHERE id = $1', [sp.renew.id]))[0].version;
    const body = { on: '2026-12-01', by: 'DCPU caseworker', recommendation: 'renew', summary: 'still in school' };
    const ok = await cw.post(`${r}/reassessment`, { ...body, version: await version() });
    expect(ok.statusCode, ok.body).toBe(200);
    const v = await version();
    const decide = await cw.post(`${r}/renewal-decision`, {
      meetingOn: '2026-12-01',
      decision: 'renewed',
      reasons: 'need continues',
      validUntil: '2029-01-09',
      version: v,
    });
    expect(decide.statusCode).toBe(403);
    expect(decide.json().issues.map((i: { field: string }) => i.field)).toContain('decision');
    const end = await cw.post(`${r}/end`, { endedOn: '2026-12-01', reason: 'moved_away', version: v });
    expect(end.statusCode).toBe(403);
    expect(end.json().issues.map((i: { field: string }) => i.field)).toContain('reason');
    expect(await version()).toBe(v);
    expect(
      await q(
        'SELECT status FROM care_sponsorship_renewal WHERE sponsorship_id = $1 ORDER BY reassessed_on DESC, created_at DESC LIMIT 1',
        [sp.renew.id],
      ),
    ).toEqual([{ status: 'reassessed' }]);
    // The committee (the CWC sits on it) decides.
    const cwcDecides = await cwc.post(`${r}/renewal-decision`, {
      meetingOn: '2026-12-01',
      decision: 'renewed',
      reasons: 'need continues',
      validUntil: '2029-01-09',
      version: v,
    });
    expect(cwcDecides.statusCode, cwcDecides.body).toBe(200);
  });
});
