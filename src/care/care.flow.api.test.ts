import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, intakeBody, ist, type Kit } from '../cases/cases.testkit';
import { dispatchPending } from '../events/dispatcher';
import { EVENT_HANDLERS } from '../events/handlers';

/**
 * A child's way through an institution (issue #14): the institution registered (JJ Act 2015
 * s.41), gatekeeping before institutional care, admission only on the CWC's order on the case,
 * capacity, the care plan (Form 7) and its review, running away (a missing report opens),
 * return, transfer and discharge — and the registry's care status following each by event.
 */
let t: TestApp;
let k: Kit;
let dcpo: Client;
let cwc: Client;
const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);
const dispatch = () => dispatchPending(t.ctx.db, EVENT_HANDLERS, t.ctx.now);
const careStatus = async (id: string) =>
  (await q<{ care_status: string }>('SELECT care_status FROM child WHERE id = $1', [id]))[0].care_status;
// The demo has children in care too: count only this test's children.
const stays = async () => (await q<{ n: number }>('SELECT count(*)::int AS n FROM care_stay WHERE child_id = ANY($1)', [[boy, boy2]]))[0].n;
const institutions = async () => (await q<{ n: number }>('SELECT count(*)::int AS n FROM care_institution'))[0].n;
type Occ = { level: string; code: number; institutions: number; sanctioned: number; inCare: number };
let occBefore: Occ[];

let home: string; // children's home, Amravati
let home2: string;
let boy: string; // a boy of 6–11 without a case
let boy2: string;
let caseId: string;
let gatekeepingId: string;
let stayId: string;

const institution = (over: Record<string, unknown> = {}) => ({
  name: 'Test Children’s Home (Boys), Amravati',
  placeId: 'di:468',
  type: 'childrens_home',
  management: 'government',
  registrationNo: 'MH/CCI/AMR/041',
  registeredOn: '2024-04-01',
  validUntil: '2029-03-31',
  capacity: [
    { sex: 'male', ageBand: '6-11', places: 1 },
    { sex: 'male', ageBand: '12-15', places: 10 },
  ],
  specialisations: ['boys'],
  staffSanctioned: 12,
  staffInPost: 9,
  ...over,
});

async function act(user: Parameters<Kit['as']>[0], id: string, body: Record<string, unknown>) {
  const res = await (await k.as(user)).post(`/api/v1/cases/${id}/actions`, body);
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  [dcpo, cwc] = await Promise.all([k.as('dcpo.amravati'), k.as('cwc.amravati')]);
  const boys = await q<{ id: string }>(
    `SELECT c.id FROM child c WHERE c.district_code = 468 AND c.sex = 'male' AND c.dob BETWEEN '2016-01-01' AND '2019-12-31'
       AND NOT EXISTS (SELECT 1 FROM case_record r WHERE r.child_id = c.id) ORDER BY c.name, c.id LIMIT 2`,
  );
  [boy, boy2] = boys.map((b) => b.id);
  occBefore = (await (await k.as('scps.mh')).get('/api/v1/care/occupancy')).json().items;
});
afterAll(() => t.close());

describe('institutions', () => {
  it('are registered as organisations with their s.41 registration, capacity and staff', async () => {
    const before = await institutions();
    const bad = await dcpo.post('/api/v1/care/institutions', institution({ registeredOn: '2030-01-01' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('validUntil');
    expect(await institutions()).toBe(before);

    const res = await dcpo.post('/api/v1/care/institutions', institution());
    expect(res.statusCode, res.body).toBe(201);
    home = res.json().id;
    expect(res.json()).toMatchObject({ kind: 'CCI', type: 'childrens_home', registrationStatus: 'valid', sanctioned: 11, inCare: 0 });
    expect(res.json().typeBasis).toMatch(/s\.50/);
    const [org] = await q<{ kind: string; registration: string }>('SELECT kind, registration FROM organisation WHERE id = $1', [home]);
    expect(org).toEqual({ kind: 'CCI', registration: 'MH/CCI/AMR/041' });

    home2 = (
      await dcpo.post(
        '/api/v1/care/institutions',
        institution({
          name: 'Test Balgruha (NGO), Amravati',
          management: 'ngo',
          registrationNo: 'MH/CCI/AMR/077',
          validUntil: '2027-01-15',
        }),
      )
    ).json().id;
    const list = (await dcpo.get('/api/v1/care/institutions')).json().items;
    expect(list.find((i: { id: string }) => i.id === home2).registrationStatus).toBe('renewal_due');
  });

  it('a caseworker may not register one; Akola does not see Amravati’s', async () => {
    expect((await (await k.as('caseworker.amravati')).post('/api/v1/care/institutions', institution({ name: 'X' }))).statusCode).toBe(403);
    const akola = (await (await k.as('dcpo.akola')).get('/api/v1/care/institutions')).json().items;
    expect(new Set(akola.map((i: { districtCode: number }) => i.districtCode))).toEqual(new Set([467]));
    expect((await (await k.as('dcpo.akola')).get(`/api/v1/care/institutions/${home}`)).statusCode).toBe(404);
  });
});

describe('inspections (JJ Act 2015 s.54)', () => {
  it('records findings; each follow-up becomes a convergence action item of its department', async () => {
    const [group] = await q<{ id: string }>("SELECT id FROM convergence_group WHERE district_code = 468 AND level = 'district'");
    const noGroup = await dcpo.post(`/api/v1/care/institutions/${home}/inspections`, {
      inspectedOn: '2026-11-28',
      committee: 'District Inspection Committee',
      followUps: [{ description: 'fill the counsellor post', department: 'DWCD', dueDate: '2026-12-31' }],
    });
    expect(noGroup.statusCode).toBe(400);
    expect(noGroup.json().issues[0].field).toBe('convergenceGroupId');
    const res = await dcpo.post(`/api/v1/care/institutions/${home}/inspections`, {
      inspectedOn: '2026-11-28',
      committee: 'District Inspection Committee',
      findings: [{ area: 'health', finding: 'no health check-up register', severity: 'major' }],
      convergenceGroupId: group.id,
      followUps: [{ description: 'monthly health check-ups by the PHC', department: 'HEALTH', dueDate: '2026-12-31' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const actionId = res.json().followUps[0].convergenceActionId;
    const [action] = await q<{ department: string; description: string; due_date: string }>(
      "SELECT department, description, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM convergence_action WHERE id = $1",
      [actionId],
    );
    expect(action).toEqual({
      department: 'HEALTH',
      description: 'CCI inspection follow-up: monthly health check-ups by the PHC',
      due_date: '2026-12-31',
    });
    expect((await dcpo.get(`/api/v1/care/institutions/${home}`)).json().inspections).toHaveLength(1);
  });
});

describe('admission only by order, after gatekeeping', () => {
  it('is refused without a CWC order on the child’s case', async () => {
    const res = await (await k.as('caseworker.amravati')).post('/api/v1/cases', intakeBody(boy));
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().id;
    await act('dcpo.amravati', caseId, { type: 'produced_before_cwc', form17Ref: 'F17/2026/31' });
    const before = await stays();
    const refused = await cwc.post('/api/v1/care/stays', {
      orderBy: 'cwc',
      childId: boy,
      institutionId: home,
      caseId,
      orderType: 'cci_placement',
      admittedOn: '2026-12-01',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'no_cwc_order', issues: [{ field: 'orderType' }] });
    expect(await stays()).toBe(before);
  });

  it('needs a gatekeeping assessment that weighed every family-based option', async () => {
    await act('cwc.amravati', caseId, {
      type: 'cwc_order',
      kind: 'interim',
      orderType: 'cci_placement',
      orderRef: 'CWC/AMR/2026/311',
      orderedOn: '2026-12-01',
    });
    const admitBody = { orderBy: 'cwc', childId: boy, institutionId: home, caseId, orderType: 'cci_placement', admittedOn: '2026-12-01' };
    const noGate = await cwc.post('/api/v1/care/stays', admitBody);
    expect(noGate.statusCode).toBe(400);
    expect(noGate.json()).toMatchObject({ code: 'gatekeeping_required', issues: [{ field: 'gatekeepingId' }] });

    const options = [
      { option: 'own_family', suitable: false, reason: 'mother migrated; whereabouts unknown' },
      { option: 'kinship', suitable: false, reason: 'grandmother bedridden' },
      { option: 'foster_care', suitable: false, reason: 'no approved foster family in the district' },
      { option: 'sponsorship', suitable: false, reason: 'no family to support' },
    ];
    const missing = await dcpo.post('/api/v1/care/gatekeeping', {
      childId: boy,
      caseId,
      assessedOn: '2026-12-01',
      options: options.slice(1),
      decision: 'institution',
      reason: 'x',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/own_family/);
    const suitable = options.map((o, i) => (i === 1 ? { ...o, suitable: true } : o));
    const lastResort = await dcpo.post('/api/v1/care/gatekeeping', {
      childId: boy,
      assessedOn: '2026-12-01',
      options: suitable,
      decision: 'institution',
      reason: 'x',
    });
    expect(lastResort.statusCode).toBe(400);
    expect(lastResort.json().issues[0].field).toBe('options.1.suitable');

    const gk = await dcpo.post('/api/v1/care/gatekeeping', {
      childId: boy,
      caseId,
      assessedOn: '2026-12-01',
      options,
      decision: 'institution',
      reason: 'no family-based option now',
    });
    expect(gk.statusCode, gk.body).toBe(201);
    gatekeepingId = gk.json().id;
    // A second child diverted to kinship care counts in the district's figures.
    await dcpo.post('/api/v1/care/gatekeeping', {
      childId: boy2,
      assessedOn: '2026-12-01',
      options: suitable,
      decision: 'kinship',
      reason: 'aunt willing',
    });
    const figures = (await dcpo.get('/api/v1/care/gatekeeping/figures?from=2026-12-01')).json().items;
    expect(figures).toEqual([expect.objectContaining({ districtCode: 468, assessed: 2, diverted: 1, institution: 1 })]);
  });

  it('admits on the order; two members admitting at once make one stay; the registry follows', async () => {
    const body = {
      orderBy: 'cwc',
      childId: boy,
      institutionId: home,
      caseId,
      orderType: 'cci_placement',
      gatekeepingId,
      admittedOn: '2026-12-01',
    };
    const [a, b] = await Promise.all([cwc.post('/api/v1/care/stays', body), dcpo.post('/api/v1/care/stays', body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const ok = a.statusCode === 201 ? a : b;
    stayId = ok.json().stay.id;
    expect(ok.json().stay).toMatchObject({
      status: 'in_care',
      orderRef: 'CWC/AMR/2026/311',
      orderedOn: '2026-12-01',
      icpDue: '2026-12-31',
    });
    expect(await stays()).toBe(1);
    await dispatch();
    expect(await careStatus(boy)).toBe('cci');
    const audited = await q<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event e JOIN audit_subject s ON s.event_seq = e.seq WHERE e.entity_type = 'care_stay' AND s.subject_id = $1",
      [boy],
    );
    expect(audited[0].n).toBeGreaterThan(0);
  });

  it('lists the assessments by child and outcome; the admission used one, and the diversion figures do not move', async () => {
    const list = async (query: string) =>
      (
        (await dcpo.get(`/api/v1/care/gatekeeping?${query}`)).json().items as {
          id: string;
          childId: string;
          decision: string;
          used: boolean;
        }[]
      ).filter((g) => g.childId === boy || g.childId === boy2);
    expect((await list(`childId=${boy}`)).map((g) => [g.id, g.decision, g.used])).toEqual([[gatekeepingId, 'institution', true]]);
    expect((await list('outcome=diverted')).map((g) => [g.childId, g.decision])).toEqual([[boy2, 'kinship']]);
    expect((await list('outcome=kinship')).map((g) => g.childId)).toEqual([boy2]);
    // The admission form's list: institutional decisions no stay has used yet.
    expect(await list('outcome=institution&unused=true')).toEqual([]);
    expect((await dcpo.get('/api/v1/care/gatekeeping?outcome=adoption')).statusCode).toBe(400);
    // Another district's officer sees none of them; an institution's staff may not list them.
    expect(((await (await k.as('dcpo.akola')).get(`/api/v1/care/gatekeeping?childId=${boy}`)).json().items as unknown[]).length).toBe(0);
    const figures = (await dcpo.get('/api/v1/care/gatekeeping/figures?from=2026-12-01')).json().items;
    expect(figures).toEqual([expect.objectContaining({ districtCode: 468, assessed: 2, diverted: 1, institution: 1 })]);
  });

  it('refuses a JJB order into a children’s home, and over capacity without a reason', async () => {
    const jjb = await dcpo.post('/api/v1/care/stays', {
      orderBy: 'jjb',
      childId: boy2,
      institutionId: home,
      orderType: 'observation',
      orderRef: 'JJB/AMR/9',
      orderedOn: '2026-12-01',
      admittedOn: '2026-12-01',
    });
    expect(jjb.statusCode).toBe(400);
    expect(jjb.json()).toMatchObject({ code: 'wrong_institution_type', issues: [{ field: 'institutionId' }] });
    const obs = (
      await dcpo.post(
        '/api/v1/care/institutions',
        institution({
          name: 'Observation Home, Amravati',
          type: 'observation_home',
          registrationNo: 'MH/OH/AMR/1',
          capacity: [{ sex: 'any', ageBand: 'any', places: 0 }],
        }),
      )
    ).json().id;
    const full = await dcpo.post('/api/v1/care/stays', {
      orderBy: 'jjb',
      childId: boy2,
      institutionId: obs,
      orderType: 'observation',
      orderRef: 'JJB/AMR/9',
      orderedOn: '2026-12-01',
      admittedOn: '2026-12-01',
    });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'over_capacity', issues: [{ field: 'overCapacityReason' }] });
    const late = await dcpo.post('/api/v1/care/stays', {
      orderBy: 'jjb',
      childId: boy2,
      institutionId: obs,
      orderType: 'observation',
      orderRef: 'JJB/AMR/9',
      orderedOn: '2026-12-01',
      admittedOn: '2026-11-30',
      overCapacityReason: 'only home in the division',
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().issues[0].field).toBe('admittedOn');
    const over = await dcpo.post('/api/v1/care/stays', {
      orderBy: 'jjb',
      childId: boy2,
      institutionId: obs,
      orderType: 'observation',
      orderRef: 'JJB/AMR/9',
      orderedOn: '2026-12-01',
      admittedOn: '2026-12-01',
      overCapacityReason: 'only home in the division',
    });
    expect(over.statusCode, over.body).toBe(201);
    // A CWC member does not see a child in conflict with law (kept apart); the DCPU does.
    const cwcList = (await cwc.get('/api/v1/care/stays'))
      .json()
      .items.map((s: { childId: string }) => s.childId)
      .filter((id: string) => [boy, boy2].includes(id));
    expect(cwcList).toEqual([boy]);
    expect((await dcpo.get('/api/v1/care/stays?orderBy=jjb')).json().items.map((s: { childId: string }) => s.childId)).toEqual([boy2]);
    expect((await cwc.get(`/api/v1/care/stays/${over.json().stay.id}`)).statusCode).toBe(404);
  });

  it('counts occupancy per institution, district and state', async () => {
    const one = (await dcpo.get(`/api/v1/care/institutions/${home}`)).json();
    expect(one).toMatchObject({ inCare: 1, overCapacity: false });
    expect(one.capacity.find((c: { ageBand: string }) => c.ageBand === '6-11')).toMatchObject({ places: 1, occupied: 1 });
    const occ: Occ[] = (await (await k.as('scps.mh')).get('/api/v1/care/occupancy')).json().items;
    const grew = (level: string, code: number) => {
      const was = occBefore.find((o) => o.level === level && o.code === code) ?? { institutions: 0, sanctioned: 0, inCare: 0 };
      const now = occ.find((o) => o.level === level && o.code === code)!;
      return {
        institutions: now.institutions - was.institutions,
        sanctioned: now.sanctioned - was.sanctioned,
        inCare: now.inCare - was.inCare,
      };
    };
    // Three institutions (11 + 11 + 0 places) and the two children this test admitted.
    expect(grew('district', 468)).toEqual({ institutions: 3, sanctioned: 22, inCare: 2 });
    expect(grew('state', 27)).toEqual({ institutions: 3, sanctioned: 22, inCare: 2 });
    expect(grew('district', 467)).toEqual({ institutions: 0, sanctioned: 0, inCare: 0 });
  });
});

describe('the care plan and movements', () => {
  it('prepares the ICP (Form 7) with its review due from the timelines data; a stale review is a 409', async () => {
    const bad = await dcpo.post(`/api/v1/care/stays/${stayId}/plan`, {
      preparedOn: '2026-11-01',
      preferredOption: 'kinship',
      goals: [{ domain: 'education_training', need: 'school', intervention: 'admit to ZP school' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('preparedOn');
    // The stays list says whether the plan exists (the screen offers to prepare it or to review it).
    const listed = async () =>
      // A new sign-in each time: the clock moves on by months below.
      (await (await k.as('dcpo.amravati')).get('/api/v1/care/stays?status=all')).json().items.find((s: { id: string }) => s.id === stayId);
    expect(await listed()).toMatchObject({ planId: null, planVersion: null });
    const plan = await dcpo.post(`/api/v1/care/stays/${stayId}/plan`, {
      preparedOn: '2026-12-01',
      preferredOption: 'kinship',
      goals: [{ domain: 'education_training', need: 'back to school', intervention: 'admit to ZP school', responsible: 'EDUCATION' }],
    });
    expect(plan.statusCode, plan.body).toBe(201);
    expect(plan.json()).toMatchObject({ nextReviewDue: '2027-03-01', version: 1, reviews: [] });
    k.at(ist('2027-03-02', '10:00'));
    const stay = (await (await k.as('dcpo.amravati')).get(`/api/v1/care/stays/${stayId}`)).json();
    expect(stay.plan.overdue).toBe(true);
    expect(stay.stay.icpDue).toBe('2027-03-01');
    const c = await k.as('caseworker.amravati');
    const reviewed = await c.post(`/api/v1/care/plans/${plan.json().id}/reviews`, {
      reviewedOn: '2027-03-02',
      outcome: 'continue',
      version: 1,
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ nextReviewDue: '2027-06-02', overdue: false, version: 2 });
    expect(await listed()).toMatchObject({ planId: plan.json().id, planVersion: 2, icpDue: '2027-06-02' });
    const stale = await c.post(`/api/v1/care/plans/${plan.json().id}/reviews`, {
      reviewedOn: '2027-03-02',
      outcome: 'continue',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('running away opens a missing report; the child comes back; is transferred and discharged home', async () => {
    const d = await k.as('dcpo.amravati');
    const cur = (await d.get(`/api/v1/care/stays/${stayId}`)).json().stay;
    expect(cur.allowedMoves).toEqual(['leave', 'ran_away', 'discharge', 'transfer']);
    const ran = await d.post(`/api/v1/care/stays/${stayId}/moves`, {
      type: 'ran_away',
      on: '2027-03-02',
      circumstances: 'left during school hours',
      version: cur.version,
    });
    expect(ran.statusCode, ran.body).toBe(200);
    expect(ran.json().stay.status).toBe('absconded');
    const reportId = ran.json().stay.missingReportId;
    expect(reportId).toBeTruthy();
    const [report] = await q<{ kind: string; child_id: string; status: string }>(
      'SELECT kind, child_id, status FROM missing_record WHERE id = $1',
      [reportId],
    );
    expect(report).toEqual({ kind: 'missing', child_id: boy, status: 'open' });
    await dispatch();
    expect(await careStatus(boy)).toBe('missing');

    const outOfOrder = await d.post(`/api/v1/care/stays/${stayId}/moves`, {
      type: 'returned',
      on: '2027-03-01',
      version: ran.json().stay.version,
    });
    expect(outOfOrder.statusCode).toBe(400);
    expect(outOfOrder.json().issues[0].field).toBe('on');
    const leave = await d.post(`/api/v1/care/stays/${stayId}/moves`, {
      type: 'leave',
      on: '2027-03-02',
      until: '2027-03-05',
      with: 'aunt',
      version: ran.json().stay.version,
    });
    expect(leave.statusCode).toBe(409);
    expect(leave.json().allowedNext).toEqual(['returned', 'discharge']);
    const back = await d.post(`/api/v1/care/stays/${stayId}/moves`, {
      type: 'returned',
      on: '2027-03-02',
      version: ran.json().stay.version,
    });
    expect(back.statusCode).toBe(200);
    await dispatch();
    expect(await careStatus(boy)).toBe('cci');

    const moved = await d.post(`/api/v1/care/stays/${stayId}/moves`, {
      type: 'transfer',
      on: '2027-03-02',
      toInstitutionId: home2,
      orderRef: 'CWC/AMR/2027/12',
      version: back.json().stay.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const next = moved.json().stay;
    expect(next).toMatchObject({ institutionId: home2, transferredFrom: stayId, status: 'in_care', orderRef: 'CWC/AMR/2027/12' });
    expect(
      (await q<{ status: string; end_reason: string }>('SELECT status, end_reason FROM care_stay WHERE id = $1', [stayId]))[0],
    ).toEqual({ status: 'left', end_reason: 'transferred' });

    const home_ = await d.post(`/api/v1/care/stays/${next.id}/moves`, {
      type: 'discharge',
      on: '2027-03-02',
      reason: 'restored_to_family',
      orderRef: 'CWC/AMR/2027/13',
      version: next.version,
    });
    expect(home_.statusCode).toBe(200);
    expect(home_.json().stay).toMatchObject({ status: 'left', endReason: 'restored_to_family', allowedMoves: [] });
    await dispatch();
    expect(await careStatus(boy)).toBe('birth_family');
    const events = home_.json().stay.events.map((e: { type: string }) => e.type);
    expect(events).toEqual(['transferred_in', 'discharge']);
  });

  it('is not for a department’s nodal officer or another district', async () => {
    expect((await (await k.as('nodal.education')).get('/api/v1/care/stays')).statusCode).toBe(403);
    expect((await (await k.as('dcpo.akola')).get('/api/v1/care/stays?status=all')).json().items).toEqual([]);
    expect((await (await k.as('dcpo.akola')).get(`/api/v1/care/stays/${stayId}`)).statusCode).toBe(404);
  });
});
