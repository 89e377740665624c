import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { matchRecord } from './matching.service';
import { AKOLA, AMRAVATI, countRows, foundChild, missingReport, publicPost, publicReport } from './missing.testkit';

/**
 * The whole path of a report: public form → moderation → matching → review → confirm →
 * restoration (a case in the case module), then the labelled pairs export.
 */
let t: TestApp;
let dcpoAmravati: Client; // dcpu_officer 468: missing.write + missing.review + cases.write
let dcpoAkola: Client; // dcpu_officer 467
let cwcAmravati: Client; // cwc_member 468: missing.review, no registry.write

beforeAll(async () => {
  t = await createTestApp();
  [dcpoAmravati, dcpoAkola, cwcAmravati] = await Promise.all(['dcpo.amravati', 'dcpo.akola', 'cwc.amravati'].map((u) => t.login(u)));
});
afterAll(() => t.close());

describe('public report → moderation → matching → review → confirm → restoration', () => {
  let reportId: string;
  let foundId: string;
  let matchId: string;
  let reference: string;

  it('a citizen reports a missing child and gets only a reference number back', async () => {
    const res = await publicPost(t, '/api/v1/public/missing-reports', publicReport());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['message', 'reference', 'status']);
    expect(body.reference).toMatch(/^MR-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(body.status).toBe('pending_moderation');
    reference = body.reference;
  });

  it('the report waits in the Amravati moderation list, not Akola’s, and is not matched yet', async () => {
    const list = (await dcpoAmravati.get(`/api/v1/missing/records?status=pending_moderation&q=${reference}`)).json();
    expect(list.total).toBe(1);
    reportId = list.items[0].id;
    expect(list.items[0]).toMatchObject({
      channel: 'public',
      source: 'citizen',
      status: 'pending_moderation',
      districtCode: AMRAVATI,
      matchState: 'not_applicable',
    });
    const akolaList = (await dcpoAkola.get('/api/v1/missing/records?status=pending_moderation&pageSize=100')).json();
    expect(akolaList.items.map((i: { id: string }) => i.id)).not.toContain(reportId);
  });

  it('a found child recorded in Akola (Devanagari) finds nothing while the report is unmoderated', async () => {
    const res = await dcpoAkola.post('/api/v1/missing/found-children', foundChild());
    expect(res.statusCode).toBe(201);
    foundId = res.json().id;
    expect(res.json()).toMatchObject({ kind: 'found', status: 'open', matchState: 'done', reference: expect.stringMatching(/^FC-/) });
    const q = (await dcpoAkola.get(`/api/v1/missing/matches?recordId=${foundId}`)).json();
    expect(q.items.filter((m: { missing: { id: string } }) => m.missing.id === reportId)).toHaveLength(0);
  });

  it('accepting the report matches it against found children at once', async () => {
    const res = await dcpoAmravati.post(`/api/v1/missing/records/${reportId}/moderation`, { decision: 'accept' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'open', matchState: 'done', matching: { proposed: expect.any(Number) } });
    expect(res.json().matching.proposed).toBeGreaterThanOrEqual(1);
  });

  it('both districts see the proposal in the review queue with the per-field explanation', async () => {
    for (const c of [dcpoAmravati, dcpoAkola]) {
      const q = (await c.get('/api/v1/missing/matches?status=proposed&pageSize=100')).json();
      const m = q.items.find(
        (i: { missing: { id: string }; found: { id: string } }) => i.missing.id === reportId && i.found.id === foundId,
      );
      expect(m).toBeTruthy();
      expect(m.probability).toBeGreaterThan(0.5);
      expect(m.fields.find((f: { id: string }) => f.id === 'name').levelLabel).toBe('spelling/script variant');
      expect(m.explanation).toMatch(/name: spelling\/script variant/);
      matchId = m.id;
    }
    const detail = (await dcpoAkola.get(`/api/v1/missing/matches/${matchId}`)).json();
    expect(detail.comparison.left).toMatchObject({ name: 'Sanika Pramod Wankhade', district: 'Amravati' });
    expect(detail.comparison.right).toMatchObject({ name: 'सानिका वानखडे', district: 'Akola' });
    expect(detail.missing).toMatchObject({ access: 'via_match', name: 'Sanika Pramod Wankhade' });
    expect(detail.found).toMatchObject({ access: 'own' });
  });

  it('matching again is idempotent: the same pair, one row', async () => {
    const before = await countRows(t, 'missing_match');
    await matchRecord(t.ctx, reportId);
    await matchRecord(t.ctx, foundId);
    expect(await countRows(t, 'missing_match')).toBe(before);
  });

  it('across districts, one side confirming is its agreement: the match waits for the other district', async () => {
    const res = await dcpoAkola.post(`/api/v1/missing/matches/${matchId}/decision`, {
      decision: 'confirm',
      note: 'The girl says her mother is Sunita',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'proposed',
      restoration: null,
      agreement: { crossDistrict: true, found: { by: expect.any(String) }, missing: null, waitingFor: ['missing'] },
    });
    expect((await dcpoAmravati.get(`/api/v1/missing/records/${reportId}`)).json().status).toBe('open');
    expect(await countRows(t, 'missing_restoration')).toBe(0);
  });

  it('the home district agreeing too confirms: both records matched, a restoration case opened', async () => {
    const res = await dcpoAmravati.post(`/api/v1/missing/matches/${matchId}/decision`, {
      decision: 'confirm',
      note: 'Mother identified the child by video call',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('confirmed');
    expect(body.agreement).toMatchObject({ confirmedAs: 'both_sides', waitingFor: [] });
    expect(body.restoration).toMatchObject({
      status: 'case_opened',
      caseId: expect.any(String),
      childId: expect.any(String),
      districtCode: AMRAVATI,
      foundDistrictCode: AKOLA,
    });
    for (const id of [reportId, foundId]) expect((await dcpoAmravati.get(`/api/v1/missing/records/${id}`)).json().status).toBe('matched');
    const kase = await dcpoAmravati.get(`/api/v1/cases/${body.restoration.caseId}`);
    expect(kase.statusCode).toBe(200);
    expect(kase.json().child.id).toBe(body.restoration.childId);
    // A decision is final.
    expect(
      (await dcpoAmravati.post(`/api/v1/missing/matches/${matchId}/decision`, { decision: 'reject', note: 'changed my mind' })).statusCode,
    ).toBe(409);
    // Both districts see the restoration.
    for (const c of [dcpoAmravati, dcpoAkola]) {
      const r = (await c.get('/api/v1/missing/restorations')).json();
      expect(r.items.map((i: { matchId: string }) => i.matchId)).toContain(matchId);
    }
  });

  it('the home district records the outcome, on the CWC order; the finding district may not', async () => {
    const rest = (await dcpoAmravati.get('/api/v1/missing/restorations'))
      .json()
      .items.find((i: { matchId: string }) => i.matchId === matchId);
    expect((await dcpoAkola.post(`/api/v1/missing/restorations/${rest.id}/status`, { status: 'restored' })).statusCode).toBe(403);
    const noOrder = await dcpoAmravati.post(`/api/v1/missing/restorations/${rest.id}/status`, {
      status: 'restored',
      note: 'Handed over to the mother',
    });
    expect(noOrder.statusCode).toBe(409);
    expect(noOrder.json()).toMatchObject({ code: 'cwc_order_required', issues: [{ field: 'cwcOrderRef' }] });
    const ok = await cwcAmravati.post(`/api/v1/missing/restorations/${rest.id}/status`, {
      status: 'restored',
      note: 'Handed over to the mother',
      cwcOrderRef: 'CWC/AMR/2025/301',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'restored',
      cwcOrder: { ref: 'CWC/AMR/2025/301', source: 'cwc_member' },
      registryNotified: true,
    });
    for (const id of [reportId, foundId]) expect((await dcpoAmravati.get(`/api/v1/missing/records/${id}`)).json().status).toBe('closed');
  });

  it('the labelled pairs export holds the confirmed pair with label 1', async () => {
    const res = await dcpoAmravati.get('/api/v1/missing/labelled-pairs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const rows = Papa.parse<Record<string, string>>(res.body, { header: true, skipEmptyLines: true }).data;
    const row = rows.find((r) => r.match_id === matchId)!;
    expect(row).toMatchObject({
      left_id: reportId,
      right_id: foundId,
      left_name: 'Sanika Pramod Wankhade',
      right_name: 'सानिका वानखडे',
      label: '1',
      left_sex: 'f',
      right_district: 'Akola',
    });
  });
});

describe('rejecting, restoration waiting for the home district', () => {
  it('a rejected proposal needs a note and is exported with label 0', async () => {
    const rep = await dcpoAmravati.post('/api/v1/missing/reports', missingReport());
    expect(rep.statusCode).toBe(201);
    const fnd = await dcpoAkola.post(
      '/api/v1/missing/found-children',
      foundChild({ name: 'Tejas Gawande', sex: 'male', ageYears: 12, fatherName: 'Vilas', foundOn: '2025-09-04', marks: null }),
    );
    expect(fnd.statusCode).toBe(201);
    expect(fnd.json().matching.proposed).toBeGreaterThanOrEqual(1);
    const m = (await dcpoAkola.get(`/api/v1/missing/matches?recordId=${fnd.json().id}`)).json().items[0];
    const noNote = await dcpoAkola.post(`/api/v1/missing/matches/${m.id}/decision`, { decision: 'reject' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().issues[0].field).toBe('note');
    const res = await dcpoAkola.post(`/api/v1/missing/matches/${m.id}/decision`, {
      decision: 'reject',
      note: 'Different boy: the father came and did not recognise him',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('rejected');
    // Both records stay open for other matches.
    expect((await dcpoAkola.get(`/api/v1/missing/records/${fnd.json().id}`)).json().status).toBe('open');
    const rows = Papa.parse<Record<string, string>>((await dcpoAkola.get('/api/v1/missing/labelled-pairs')).body, {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.find((r) => r.match_id === m.id)).toMatchObject({ label: '0', right_name: 'Tejas Gawande' });
  });

  it('found before last seen is evidence against, not an error: such a pair can still be confirmed', async () => {
    const rep = await dcpoAmravati.post(
      '/api/v1/missing/reports',
      missingReport({
        name: 'Harshal Devidas Meshram',
        fatherName: 'Devidas Meshram',
        motherName: 'Kalpana Meshram',
        lastSeenOn: '2025-08-20',
        place: 'Morshi',
      }),
    );
    const fnd = await dcpoAkola.post(
      '/api/v1/missing/found-children',
      foundChild({ name: 'हर्षल मेश्राम', sex: 'male', ageYears: 11, fatherName: 'देविदास मेश्राम', motherName: 'कल्पना', foundOn: '2025-08-10' }),
    );
    expect(fnd.statusCode).toBe(201);
    const m = (await dcpoAkola.get(`/api/v1/missing/matches?recordId=${fnd.json().id}`))
      .json()
      .items.find((i: { missing: { id: string } }) => i.missing.id === rep.json().id);
    expect(m.fields.find((f: { id: string }) => f.id === 'date').weight).toBeLessThan(0);
    // The Akola DCPO agrees; the CWC of the child's home district confirms alone (JJ Act s.37).
    expect(
      (
        await dcpoAkola.post(`/api/v1/missing/matches/${m.id}/decision`, { decision: 'confirm', note: 'the register had the wrong date' })
      ).json().status,
    ).toBe('proposed');
    const res = await cwcAmravati.post(`/api/v1/missing/matches/${m.id}/decision`, { decision: 'confirm', note: 'CWC heard the parents' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', restoration: { status: 'awaiting_case', caseId: null } });
    // The CWC member may not add the child to the registry: the case waits, with a fixed reason.
    expect(res.json().restoration.note).toMatch(/home district who may add the child to the registry/);
    const cwcTry = await cwcAmravati.post(`/api/v1/missing/restorations/${res.json().restoration.id}/open-case`, {});
    expect(cwcTry.statusCode).toBe(409);
    expect(cwcTry.json()).toMatchObject({ code: 'case_not_opened', reason: 'no_registry_rights' });
    // The finding district does not open the home district's case.
    expect((await dcpoAkola.post(`/api/v1/missing/restorations/${res.json().restoration.id}/open-case`, {})).statusCode).toBe(403);
    // ...the home DCPO can.
    const opened = await dcpoAmravati.post(`/api/v1/missing/restorations/${res.json().restoration.id}/open-case`, {});
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({ status: 'case_opened', caseId: expect.any(String) });
    expect((await dcpoAmravati.get(`/api/v1/cases/${opened.json().caseId}`)).statusCode).toBe(200);
  });

  it('a record cannot be confirmed twice: other proposals are superseded', async () => {
    const q = (await dcpoAmravati.get('/api/v1/missing/matches?status=superseded&pageSize=100')).json();
    for (const m of q.items) expect([m.missing.status, m.found.status]).toContain('matched');
  });
});

describe('the demo seed', () => {
  it('has a true match across script and spelling for a registry child who is missing', async () => {
    const q = (await dcpoAmravati.get('/api/v1/missing/matches?status=proposed&pageSize=100')).json();
    const seeded = q.items.find(
      (m: { missing: { childId: string | null; name: string }; found: { name: string } }) =>
        m.missing.childId && /Omkar/i.test(m.missing.name) && /[\u0900-\u097F]/.test(m.found.name),
    );
    expect(seeded).toBeTruthy();
    expect(seeded.probability).toBeGreaterThan(0.5);
    expect(seeded.found.districtName).toBe('Pune');
    const pending = (await dcpoAmravati.get('/api/v1/missing/records?status=pending_moderation')).json();
    expect(pending.total).toBeGreaterThanOrEqual(1);
  });

  it('did not change the registry figures', async () => {
    const [r] = await t.ctx.database.query<{ n: number; m: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE care_status = 'missing')::int AS m FROM child WHERE created_by IS NULL`,
    );
    expect(r.n).toBe(204);
    expect(r.m).toBe(2);
  });
});
