import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { caseKit, intakeBody, ist, type Kit } from '../cases/cases.testkit';
import { CARINGS_MAPPING } from './carings/mapping';

/**
 * Issue #14, part 2: a CCI's own staff (sees only its children, records progress and requests,
 * never an order); foster carers through the home study and the SFCAC (r.23) to a Form 32
 * placement with its monthly Form 35 clock; the grant ledger (₹4,000 a month as data, twice
 * refused, CSV); aftercare plans (s.46); the adoption hand-off after a s.38 declaration.
 */
let t: TestApp;
let k: Kit;
let dcpo: Client;
let cwc: Client;
let cci: Client;
let a: string;
let b: string;
const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  [dcpo, cwc] = await Promise.all([k.as('dcpo.amravati'), k.as('cwc.amravati')]);
  cci = await t.login('cci.amravati');
  [a, b] = (
    await q<{ id: string }>(
      `SELECT id FROM child c WHERE district_code = 468 AND dob IS NOT NULL AND NOT EXISTS (SELECT 1 FROM care_family_placement p WHERE p.child_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM care_stay s WHERE s.child_id = c.id) AND NOT EXISTS (SELECT 1 FROM case_record r WHERE r.child_id = c.id)
       ORDER BY name, id LIMIT 2`,
    )
  ).map((r) => r.id);
});
afterAll(() => t.close());

describe("a CCI's own staff (cci_staff)", () => {
  it('see only the children staying in their institution, and no registry', async () => {
    const mine = (await cci.get('/api/v1/care/stays')).json().items as { institutionId: string; id: string }[];
    const home = k.org('Government Children’s Home (Boys), Amravati');
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((s) => s.institutionId))).toEqual(new Set([home]));
    const all = (await dcpo.get('/api/v1/care/stays')).json().items as { institutionId: string; id: string }[];
    const other = all.find((s) => s.institutionId !== home)!;
    expect((await cci.get(`/api/v1/care/stays/${other.id}`)).statusCode).toBe(404);
    expect((await cci.get('/api/v1/care/institutions')).json().items.map((i: { id: string }) => i.id)).toEqual([home]);
    expect((await cci.get('/api/v1/children')).statusCode).toBe(403);
    expect((await cci.get('/api/v1/care/family-placements')).json().items).toEqual([]);
  });

  it('record ICP progress and ask for a move, which the CWC decides; never an order', async () => {
    const [stay] = (await cci.get('/api/v1/care/stays?status=current')).json().items as { id: string }[];
    const { plan } = (await cci.get(`/api/v1/care/stays/${stay.id}`)).json();
    if (plan) {
      const note = await cci.post(`/api/v1/care/plans/${plan.id}/progress`, { on: '2026-11-30', note: 'exams passed' });
      expect(note.statusCode, note.body).toBe(201);
    }
    expect(
      (
        await cci.post(`/api/v1/care/stays/${stay.id}/moves`, {
          type: 'leave',
          on: '2026-12-01',
          until: '2026-12-05',
          with: 'grandmother',
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
    const req = await cci.post(`/api/v1/care/stays/${stay.id}/requests`, { kind: 'leave', reason: 'Diwali with the grandmother' });
    expect(req.statusCode, req.body).toBe(201);
    const r = req.json();
    expect(
      (await cci.post(`/api/v1/care/movement-requests/${r.id}/decision`, { decision: 'granted', on: '2026-12-01', version: 1 })).statusCode,
    ).toBe(403);
    // A granted leave needs the move it records; without it nothing is decided.
    const bare = await cwc.post(`/api/v1/care/movement-requests/${r.id}/decision`, { decision: 'granted', on: '2026-12-01', version: 1 });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().issues[0].field).toBe('move');
    const wrong = await cwc.post(`/api/v1/care/movement-requests/${r.id}/decision`, {
      decision: 'granted',
      on: '2026-12-01',
      move: { type: 'discharge', on: '2026-12-01', reason: 'restored_to_family' },
      version: 1,
    });
    expect(wrong.json().issues[0].field).toBe('move.type');
    const ok = await cwc.post(`/api/v1/care/movement-requests/${r.id}/decision`, {
      decision: 'granted',
      on: '2026-12-01',
      move: { type: 'leave', on: '2026-12-01', until: '2026-12-05', with: 'grandmother' },
      version: 1,
    });
    expect(ok.json()).toMatchObject({ status: 'granted', recordedStayId: stay.id });
    // The move is on the stay, in the same transaction as the grant: status, event naming the request, occupancy.
    const after = (await cwc.get(`/api/v1/care/stays/${stay.id}`)).json().stay;
    expect(after.status).toBe('on_leave');
    expect(after.events.at(-1)).toMatchObject({ type: 'leave', on: '2026-12-01' });
    const [ev] = await q<{ detail: { requestId: string } }>(
      `SELECT detail FROM care_stay_event WHERE stay_id = $1 ORDER BY id DESC LIMIT 1`,
      [stay.id],
    );
    expect(ev.detail.requestId).toBe(r.id);
    expect(
      (await cwc.post(`/api/v1/care/movement-requests/${r.id}/decision`, { decision: 'refused', on: '2026-12-01', version: 1 })).statusCode,
    ).toBe(409);
  });

  it('records nothing when the granted move is refused (a transfer over capacity), and refusing never moves', async () => {
    const home = k.org('Government Children’s Home (Boys), Amravati');
    const girls = k.org('Sneh Balgruha (Girls), Amravati');
    const stays = (await dcpo.get(`/api/v1/care/stays?status=current&institutionId=${home}`)).json().items as {
      id: string;
      status: string;
      version: number;
    }[];
    const stay = stays.find((s) => s.status === 'in_care')!;
    const r = (await cci.post(`/api/v1/care/stays/${stay.id}/requests`, { kind: 'transfer', reason: 'closer to school' })).json();
    const grant = (move: Record<string, unknown>) =>
      cwc.post(`/api/v1/care/movement-requests/${r.id}/decision`, {
        decision: 'granted',
        on: '2026-12-01',
        move: { type: 'transfer', on: '2026-12-01', toInstitutionId: girls, orderRef: 'CWC/AMR/T/1', ...move },
        version: 1,
      });
    const over = await grant({});
    expect(over.statusCode, over.body).toBe(409);
    expect(over.json().code).toBe('over_capacity');
    const [still] = await q<{ status: string; version: number }>(`SELECT status, version FROM care_movement_request WHERE id = $1`, [r.id]);
    expect(still).toEqual({ status: 'open', version: 1 });
    expect((await cwc.get(`/api/v1/care/stays/${stay.id}`)).json().stay.status).toBe('in_care');
    const refused = await cwc.post(`/api/v1/care/movement-requests/${r.id}/decision`, {
      decision: 'refused',
      on: '2026-12-01',
      move: { type: 'leave', on: '2026-12-01', until: '2026-12-02', with: 'x' },
      version: 1,
    });
    expect(refused.statusCode).toBe(400);
    const moved = await grant({ overCapacityReason: 'no other place; CWC order of 1 Dec' });
    expect(moved.statusCode, moved.body).toBe(200);
    const next = moved.json().recordedStayId as string;
    expect(next).not.toBe(stay.id);
    const got = await dcpo.get(`/api/v1/care/stays/${next}`);
    expect(got.statusCode, got.body).toBe(200);
    const newStay = got.json().stay;
    expect(newStay).toMatchObject({ institutionId: girls, status: 'in_care', admittedOn: '2026-12-01' });
    expect((await dcpo.get(`/api/v1/care/stays/${stay.id}`)).json().stay.status).toBe('left');
  });
});

describe('foster care (s.44, r.23) and the grant ledger', () => {
  let carer: { id: string; version: number };
  let placement: string;
  it('approves a family only after its home study, and places a child with it on a Form 32 order', async () => {
    const cw = await k.as('caseworker.amravati');
    carer = (
      await cw.post('/api/v1/care/foster-carers', { kind: 'foster', name: 'Family T', locationId: 'di:468', appliedOn: '2026-09-01' })
    ).json();
    const early = await dcpo.post(`/api/v1/care/foster-carers/${carer.id}/decision`, {
      meetingOn: '2026-09-20',
      decision: 'approved',
      reasons: 'x',
      version: 1,
    });
    expect(early.json()).toMatchObject({ code: 'no_home_study' });
    const unapproved = await dcpo.post('/api/v1/care/family-placements', {
      childId: a,
      kind: 'foster',
      carerId: carer.id,
      orderRef: 'F32/1',
      startedOn: '2026-10-01',
    });
    expect(unapproved.json()).toMatchObject({ code: 'carer_not_approved', issues: [{ field: 'carerId' }] });
    carer = (
      await cw.post(`/api/v1/care/foster-carers/${carer.id}/home-study`, {
        on: '2026-09-10',
        by: 'DCPU social worker',
        recommendation: 'recommended',
        summary: 'suitable home',
        version: 1,
      })
    ).json();
    const approved = await cwc.post(`/api/v1/care/foster-carers/${carer.id}/decision`, {
      meetingOn: '2026-09-20',
      decision: 'approved',
      reasons: 'home study recommends',
      version: carer.version,
    });
    expect(approved.json()).toMatchObject({ status: 'approved', approvedOn: '2026-09-20' });
    const p = await dcpo.post('/api/v1/care/family-placements', {
      childId: a,
      kind: 'foster',
      carerId: carer.id,
      orderRef: 'F32/1',
      startedOn: '2026-10-01',
    });
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json()).toMatchObject({ carer: 'Family T', orderForm: 'form32' });
    placement = p.json().id;
  });

  it('runs the monthly inspection clock (Form 35): overdue a month after the last visit', async () => {
    const v = await dcpo.post(`/api/v1/care/family-placements/${placement}/inspections`, {
      visitedOn: '2026-10-20',
      wellbeing: 'good',
      findings: 'settled',
    });
    expect(v.statusCode, v.body).toBe(201);
    expect(v.json()).toMatchObject({ nextInspectionDue: '2026-11-20', inspectionOverdue: true });
    const again = await dcpo.post(`/api/v1/care/family-placements/${placement}/inspections`, {
      visitedOn: '2026-11-25',
      wellbeing: 'good',
      findings: 'fine',
    });
    expect(again.json()).toMatchObject({ nextInspectionDue: '2026-12-25', inspectionOverdue: false });
  });

  it('keeps a ledger of ₹4,000 a month: twice refused, withheld needs a reason, district totals and CSV', async () => {
    const paid = await dcpo.post('/api/v1/care/payments', {
      placementId: placement,
      month: '2026-10',
      status: 'paid',
      paidOn: '2026-11-02',
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({ amount: 4000, rateVersion: 'mission-vatsalya-2022@2022-04-01' });
    expect((await dcpo.post('/api/v1/care/payments', { placementId: placement, month: '2026-10', status: 'due' })).json()).toMatchObject({
      code: 'payment_exists',
    });
    const noReason = await dcpo.post('/api/v1/care/payments', { placementId: placement, month: '2026-11', status: 'withheld' });
    expect(noReason.json().issues[0].field).toBe('reason');
    const nov = (await dcpo.post('/api/v1/care/payments', { placementId: placement, month: '2026-11', status: 'due' })).json();
    expect((await cwc.post('/api/v1/care/payments', { placementId: placement, month: '2026-09', status: 'due' })).statusCode).toBe(403);
    const held = await dcpo.patch(`/api/v1/care/payments/${nov.id}`, {
      status: 'withheld',
      reason: 'school attendance not confirmed',
      version: nov.version,
    });
    expect(held.json()).toMatchObject({ status: 'withheld' });
    const mine = (await dcpo.get(`/api/v1/care/payments?childId=${a}`)).json();
    expect(mine.totals).toEqual({ due: 0, paid: 4000, withheld: 4000, entries: 2 });
    const district = (await dcpo.get('/api/v1/care/payments/districts')).json();
    expect(district.totals.paid).toBeGreaterThanOrEqual(4000);
    expect((await (await k.as('dcpo.akola')).get(`/api/v1/care/payments?childId=${a}`)).json().items).toEqual([]);
    const csv = await dcpo.get(`/api/v1/care/payments/export?childId=${a}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('month,district_code,child_id,placement_id,kind,amount_inr,status,paid_on,reason,rate_version');
  });

  it("makes the month's due entries once, for the running placements the officer may see; the job then does the rest", async () => {
    const december = () =>
      q<{ district_code: number; status: string; placement_id: string }>(
        `SELECT district_code, status, placement_id FROM care_payment WHERE month = '2026-12-01'`,
      );
    expect((await cwc.post('/api/v1/care/payments/due-month', {})).statusCode).toBe(403);
    const first = await dcpo.post('/api/v1/care/payments/due-month', {});
    expect(first.json()).toMatchObject({ month: '2026-12' });
    expect(first.json().created).toBeGreaterThan(0);
    const made = await december();
    expect(made.find((r) => r.placement_id === placement)).toMatchObject({ status: 'due' });
    expect(new Set(made.map((r) => r.district_code))).toEqual(new Set([468]));
    expect((await dcpo.post('/api/v1/care/payments/due-month', {})).json().created).toBe(0);
    const { createDueEntries } = await import('./ledger-due.service');
    await createDueEntries(t.ctx.db, new Date('2026-12-01T04:30:00Z'));
    expect((await createDueEntries(t.ctx.db, new Date('2026-12-01T04:30:00Z'))).created).toBe(0);
    expect((await december()).length).toBeGreaterThanOrEqual(made.length);
  });
});

describe('leaving care', () => {
  it('makes an aftercare plan (s.46) from 17 years 6 months, once, and reviews it', async () => {
    // The demo's boy nearing 18 has his plan already.
    expect((await dcpo.get('/api/v1/care/aftercare')).json().items).toHaveLength(1);
    const [{ dob }] = await q<{ dob: string }>("SELECT to_char(dob, 'YYYY-MM-DD') AS dob FROM child WHERE id = $1", [b]);
    const young = await dcpo.post('/api/v1/care/aftercare', {
      childId: b,
      orderRef: 'F37/1',
      planOn: '2026-11-30',
      needs: { education: 'ITI' },
    });
    if (Number(dob.slice(0, 4)) > 2009) expect(young.json().issues[0].field).toBe('planOn');
    // A care leaver of 18 (the demo's children are younger): the date of birth as the registry would hold it.
    await q("UPDATE child SET dob = '2008-09-01' WHERE id = $1", [b]);
    const old = { id: b };
    const plan = await dcpo.post('/api/v1/care/aftercare', {
      childId: old.id,
      orderRef: 'F37/2',
      planOn: '2026-11-30',
      needs: { housing: 'aftercare home', stipend: 4000 },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    expect(plan.json()).toMatchObject({ nextReviewDue: '2027-02-28', status: 'active' });
    expect(
      (await dcpo.post('/api/v1/care/aftercare', { childId: old.id, orderRef: 'F37/3', planOn: '2026-11-30', needs: {} })).statusCode,
    ).toBe(409);
    const rev = await dcpo.post(`/api/v1/care/aftercare/${plan.json().id}/reviews`, { on: '2026-12-01', notes: 'enrolled', version: 1 });
    expect(rev.json().reviews).toEqual([{ on: '2026-12-01', notes: 'enrolled' }]);
  });

  it('hands a child declared legally free (s.38) to an SAA, and only then', async () => {
    const cw = await k.as('caseworker.amravati');
    const caseId = (await cw.post('/api/v1/cases', intakeBody(b))).json().id;
    await dcpo.post(`/api/v1/cases/${caseId}/actions`, {
      type: 'produced_before_cwc',
      form17Ref: 'F17/2026/77',
      adoptionInquiry: { category: 'abandoned', upToTwoYears: false },
    });
    const saa = await dcpo.post('/api/v1/care/institutions', {
      name: 'Shishu Adhar SAA, Amravati',
      placeId: 'di:468',
      type: 'saa',
      management: 'ngo',
      registrationNo: 'MH/SAA/AMR/01',
      validUntil: '2029-03-31',
      capacity: [{ sex: 'any', ageBand: '0-5', places: 10 }],
      specialisations: [],
      staffSanctioned: 5,
      staffInPost: 5,
    });
    expect(saa.statusCode, saa.body).toBe(201);
    const body = { childId: b, caseId, saaId: saa.json().id, handedOverOn: '2026-12-01', caringsRef: 'CARINGS-MH-1' };
    expect((await dcpo.post('/api/v1/care/adoption-handoffs', body)).json()).toMatchObject({ code: 'not_legally_free' });
    const lfa = await cwc.post(`/api/v1/cases/${caseId}/actions`, {
      type: 'cwc_order',
      kind: 'final',
      orderType: 'lfa_declaration',
      form: 'form25',
      orderRef: 'CWC/AMR/LFA/1',
      orderedOn: '2026-12-01',
    });
    expect(lfa.statusCode, lfa.body).toBe(201);
    const h = await dcpo.post('/api/v1/care/adoption-handoffs', body);
    expect(h.statusCode, h.body).toBe(201);
    expect(h.json()).toMatchObject({ declaredFreeOn: '2026-12-01', status: 'handed_over' });
    const back = await dcpo.patch(`/api/v1/care/adoption-handoffs/${h.json().id}`, { status: 'adopted', on: '2026-12-01', version: 1 });
    expect(back.json()).toMatchObject({ status: 'adopted' });

    // The CARINGS file: one row in the mapping's columns, from the registry, the case and the hand-off.
    const url = `/api/v1/care/adoption-handoffs/${h.json().id}/carings`;
    const csv = await dcpo.get(url);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const [cols, line] = Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, '').trim()).data;
    expect(cols).toEqual(CARINGS_MAPPING.fields.map((f) => f.column));
    const [kid] = await q<{ name: string; dob: string }>(`SELECT name, dob::text AS dob FROM child WHERE id = $1`, [b]);
    const cells = Object.fromEntries(cols.map((c, i) => [c, line[i]]));
    expect(cells).toMatchObject({
      samanvay_handoff_id: h.json().id,
      carings_child_id: 'CARINGS-MH-1',
      date_of_birth: kid.dob,
      child_category: 'Abandoned',
      lfa_certificate_ref: 'CWC/AMR/LFA/1',
      lfa_declared_on: '2026-12-01',
      saa_registration_no: 'MH/SAA/AMR/01',
      district_lgd_code: '468',
      handoff_status: 'adopted',
    });
    expect(cells.child_name).toBe(kid.name);
    const xlsx = await dcpo.get(`${url}?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    expect(wb.getWorksheet('child')!.getRow(2).getCell(1).value).toBe(h.json().id);
    expect(wb.getWorksheet('mapping')!.rowCount).toBeGreaterThan(CARINGS_MAPPING.fields.length);
    // Only roles that read the child's full record: not the institution's staff, nor a bad format.
    expect((await cci.get(url)).statusCode).toBe(403);
    expect((await dcpo.get(`${url}?format=pdf`)).statusCode).toBe(400);
    const [logged] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'export' AND entity_type = 'care_adoption_handoff' AND entity_id = $1`,
      [h.json().id],
    );
    expect(logged.n).toBe(2);
  });
});
