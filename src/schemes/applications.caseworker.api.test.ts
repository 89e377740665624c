import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';

// A caseworker opens a family, sees what it may get and why, starts an application,
// gathers its documents and follows it to sanction and payment; every bad input is
// refused with the field named, and nothing is written.

let t: TestApp;
let cw: Client; // caseworker, Amravati (district 468)
let familyId: string;
let childId: string;
let appId: string;

const BSY = 'mh-bal-sangopan';
const n = async (table: string) => Number((await t.ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
const counts = async () => ({
  apps: await n('scheme_application'),
  steps: await n('scheme_application_step'),
  docs: await n('document'),
  events: await n('document_event'),
  requests: await n('document_request'),
});

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-11-23T06:00:00Z'));
  cw = await t.login('caseworker.amravati');
  // A family with a child eligible for Bal Sangopan and no application yet.
  const w = (await cw.get(`/api/v1/scheme-worklist?schemeId=${BSY}&pageSize=100`)).json();
  const item = w.items.find((i: { schemes: { subjects: unknown[] }[] }) => i.schemes[0].subjects.length === 1);
  familyId = item.familyId;
  childId = item.schemes[0].subjects[0].id;
});
afterAll(() => t.close());

describe('suggestions for a family', () => {
  it('lists eligible, maybe and not eligible schemes with reasons in plain words and missing documents', async () => {
    const res = await cw.get(`/api/v1/families/${familyId}/scheme-suggestions?lang=en`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe('2026-11-23');
    const bsy = body.suggestions.find((s: { schemeId: string; subjectId: string }) => s.schemeId === BSY && s.subjectId === childId);
    expect(bsy.status).toBe('eligible');
    expect(bsy.reasons).toContain('lives in Maharashtra (state LGD 27)');
    expect(bsy.reasons.some((r: string) => /^age \d+ is within 0–17$/.test(r))).toBe(true);
    expect(bsy.benefit).toEqual({ kind: 'cash', amount: 2250, period: 'monthly', note: '₹27,000 a year per child' });
    expect(bsy.missingDocuments.length).toBeGreaterThan(0);
    expect(bsy.missingDocuments[0]).toHaveProperty('label');
    expect(bsy.application).toBeNull();
    expect(bsy.subjectName).toBeTruthy();
    const statuses = new Set(body.suggestions.map((s: { status: string }) => s.status));
    expect(statuses).toContain('not_eligible');
    const not = body.suggestions.find((s: { status: string }) => s.status === 'not_eligible');
    expect(not.reasons.length).toBeGreaterThan(0);
    expect(not.missingDocuments).toEqual([]);
    const maybe = body.suggestions.find((s: { status: string }) => s.status === 'maybe');
    if (maybe) expect(maybe.missingFacts.length).toBeGreaterThan(0);
    expect(body.counts.eligible + body.counts.maybe + body.counts.not_eligible).toBe(body.suggestions.length);
  });

  it('gives the same family reasons in Marathi with lang=mr (and Hindi by Accept-Language), from the same structured reasons', async () => {
    const en = (await cw.get(`/api/v1/families/${familyId}/scheme-suggestions?lang=en`)).json();
    expect(en.lang).toBe('en');
    // Without lang or Accept-Language: the user's own language (this caseworker reads Marathi).
    expect((await cw.get(`/api/v1/families/${familyId}/scheme-suggestions`)).json().lang).toBe('mr');
    const res = await cw.get(`/api/v1/families/${familyId}/scheme-suggestions?lang=mr`);
    expect(res.statusCode).toBe(200);
    const mr = res.json();
    expect(mr.lang).toBe('mr');
    type S = {
      schemeId: string;
      subjectId: string;
      status: string;
      reasons: string[];
      reasonDetails: unknown[];
      missingFacts: { fact: string; label: string }[];
    };
    expect(mr.suggestions.map((s: S) => [s.schemeId, s.subjectId, s.status])).toEqual(
      en.suggestions.map((s: S) => [s.schemeId, s.subjectId, s.status]),
    );
    expect(mr.suggestions.map((s: S) => s.reasonDetails)).toEqual(en.suggestions.map((s: S) => s.reasonDetails));
    const bsy = mr.suggestions.find((s: S) => s.schemeId === BSY && s.subjectId === childId);
    expect(bsy.reasons).toContain('महाराष्ट्र (राज्य LGD 27) मध्ये राहतात');
    expect(bsy.reasons.some((r: string) => /^वय \d+, 0–17 च्या आत आहे$/.test(r))).toBe(true);
    expect(bsy.reasonDetails).toContainEqual({ code: 'lives_in', state: 27, stateName: 'Maharashtra' });
    // Every sentence is Marathi (Devanagari), with Latin digits.
    for (const s of mr.suggestions as S[]) {
      for (const r of s.reasons) {
        expect(r).toMatch(/[\u0900-\u097F]/);
        expect(r).not.toMatch(/[०-९]/);
      }
      for (const m of s.missingFacts) expect(m.label).toMatch(/[\u0900-\u097F]/);
    }
    const hi = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/families/${familyId}/scheme-suggestions`,
        headers: { authorization: `Bearer ${cw.token}`, 'accept-language': 'hi-IN,hi;q=0.9,en;q=0.5' },
      })
    ).json();
    expect(hi.lang).toBe('hi');
    expect(hi.suggestions.find((s: S) => s.schemeId === BSY && s.subjectId === childId).reasons).toContain(
      'महाराष्ट्र (राज्य LGD 27) में रहते हैं',
    );
    expect((await cw.get(`/api/v1/families/${familyId}/scheme-suggestions?lang=ta`)).statusCode).toBe(400);
  });

  it('filters by status and judges on an earlier date when asked', async () => {
    const res = await cw.get(`/api/v1/families/${familyId}/scheme-suggestions?include=eligible,maybe&asOf=2022-01-01`);
    expect(res.statusCode).toBe(200);
    expect(res.json().suggestions.every((s: { status: string }) => s.status !== 'not_eligible')).toBe(true);
    const bsy = res.json().suggestions.find((s: { schemeId: string }) => s.schemeId === BSY);
    // In 2022 the ₹1,100 version was in force.
    if (bsy) expect(bsy.benefit.amount).toBe(1100);
  });

  it('refuses a bad date, a future date, an unknown status and a bad id', async () => {
    expect((await cw.get(`/api/v1/families/${familyId}/scheme-suggestions?asOf=2026-02-30`)).json().issues[0].field).toContain('asOf');
    expect((await cw.get(`/api/v1/families/${familyId}/scheme-suggestions?asOf=2027-01-01`)).statusCode).toBe(400);
    expect((await cw.get(`/api/v1/families/${familyId}/scheme-suggestions?include=perhaps`)).statusCode).toBe(400);
    expect((await cw.get('/api/v1/families/not-a-uuid/scheme-suggestions')).statusCode).toBe(400);
    expect((await cw.get('/api/v1/families/00000000-0000-4000-8000-000000000000/scheme-suggestions')).statusCode).toBe(404);
  });
});

describe('starting an application', () => {
  const start = (over: Record<string, unknown> = {}) =>
    cw.post('/api/v1/scheme-applications', { schemeId: BSY, familyId, childId, on: '2026-11-02', ...over });

  it.each([
    ['schemeId', { schemeId: 'no-such-scheme' }],
    ['childId', { childId: undefined }],
    ['childId', { childId: '00000000-0000-4000-8000-000000000000' }],
    ['familyId', { familyId: 'nope' }],
    ['on', { on: '2026-13-01' }],
    ['on', { on: '2025-02-29' }],
    ['on', { on: '2026-12-01' }],
    ['schemeId', { schemeId: 'pm-cares-for-children' }], // not eligible: refused with the engine's reasons
    ['childId', { schemeId: 'ab-pmjay' }], // a household scheme takes no child
  ])('refuses a bad %s, writing nothing', async (field, over) => {
    const before = await counts();
    const res = await start(over);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('says why a subject is not eligible', async () => {
    const res = await start({ schemeId: 'pm-cares-for-children' });
    // PM CARES for Children closed to new enrolment on 28 February 2022 (issue #18).
    expect(res.json().message).toMatch(
      /^schemeId: not eligible for PM CARES for Children on 2026-11-02: PM CARES for Children had no rules in force on 2026-11-02 \(in force: 2021-05-29 – 2022-02-28\)/,
    );
  });

  it('opens the application at "identified", judged by the version in force, with a document checklist', async () => {
    const res = await start();
    expect(res.statusCode).toBe(201);
    const a = res.json();
    appId = a.id;
    expect(a).toMatchObject({ status: 'identified', version: 1, schemeId: BSY, childId, familyId, subject: 'child', districtCode: 468 });
    expect(a.allowedNext).toEqual(['documents_gathering', 'applied', 'stopped']);
    expect(a.eligibility).toMatchObject({
      judgedOn: '2026-11-02',
      status: 'eligible',
      version: { validFrom: '2023-04-01', validTo: null },
    });
    expect(a.steps).toHaveLength(1);
    expect(a.officerName).toBe('Pradnya Ingle (Social Worker)');
    const missing = a.checklist.filter((c: { held: boolean }) => !c.held);
    expect(missing.length).toBeGreaterThan(0);
    for (const c of a.checklist) expect(['child', 'family']).toContain(c.owner);
    // The family's suggestions now show the open application.
    const s = (await cw.get(`/api/v1/families/${familyId}/scheme-suggestions`)).json();
    expect(
      s.suggestions.find((x: { schemeId: string; subjectId: string }) => x.schemeId === BSY && x.subjectId === childId).application,
    ).toMatchObject({ id: appId, status: 'identified' });
    // And the worklist no longer lists this child for Bal Sangopan.
    const w = (await cw.get(`/api/v1/scheme-worklist?schemeId=${BSY}&pageSize=100`)).json();
    expect(
      w.items.flatMap((i: { schemes: { subjects: { id: string }[] }[] }) => i.schemes.flatMap((x) => x.subjects.map((y) => y.id))),
    ).not.toContain(childId);
  });

  it('refuses a second open application for the same child and scheme (409)', async () => {
    const before = await counts();
    const res = await start();
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('already_open');
    expect(await counts()).toEqual(before);
  });
});

describe('gathering documents', () => {
  let item: { doc: string; owner: 'child' | 'family'; ownerId: string; record: { version: number; status: string } | null };

  beforeAll(async () => {
    const a = (await cw.get(`/api/v1/scheme-applications/${appId}`)).json();
    item =
      a.checklist.find((c: { held: boolean; status: string; owner: string }) => !c.held && c.status === 'missing' && c.owner === 'child') ??
      a.checklist.find((c: { held: boolean; status: string }) => !c.held && c.status === 'missing');
  });
  const path = () => `/api/v1/${item.owner === 'child' ? 'children' : 'families'}/${item.ownerId}/documents/${item.doc}/status`;

  it('asks the responsible department for a missing document', async () => {
    const body = {
      familyId,
      childId: item.owner === 'child' ? childId : null,
      applicationId: appId,
      docType: item.doc,
      department: 'REVENUE',
      officer: 'Tahsildar',
      requestedOn: '2026-11-03',
      dueOn: '2026-12-03',
    };
    const bad = [
      [{ ...body, department: 'NASA' }, 'department'],
      [{ ...body, dueOn: '2026-11-01' }, 'dueOn'],
      [{ ...body, requestedOn: '2026-12-24' }, 'requestedOn'],
      [{ ...body, docType: 'passport' }, 'docType'],
    ] as const;
    for (const [b, field] of bad) {
      const before = await counts();
      const res = await cw.post('/api/v1/document-requests', b);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().issues.map((i: { field: string }) => i.field)).toContain(field);
      expect(await counts()).toEqual(before);
    }
    const res = await cw.post('/api/v1/document-requests', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'open', department: 'REVENUE', applicationId: appId });
    expect((await cw.post('/api/v1/document-requests', body)).statusCode).toBe(409);
    const list = (await cw.get('/api/v1/document-requests?department=REVENUE&status=open&pageSize=100')).json();
    expect(list.items.some((i: { id: string }) => i.id === res.json().id)).toBe(true);
  });

  it('moves the document along its statuses, refusing moves the engine does not allow', async () => {
    const v0 = item.record?.version ?? 0;
    // Stale version: 409, nothing written.
    let before = await counts();
    expect((await cw.post(path(), { version: v0 + 5, status: 'applied_for', on: '2026-11-04' })).statusCode).toBe(409);
    expect((await cw.post(path(), { version: v0, status: 'applied_for', on: '2027-01-01' })).statusCode).toBe(400);
    expect((await cw.post(path(), { version: v0, status: 'lost', on: '2026-11-04' })).statusCode).toBe(400);
    expect(await counts()).toEqual(before);

    const applied = await cw.post(path(), {
      version: v0,
      status: 'applied_for',
      on: '2026-11-04',
      issuingOffice: 'Tahsil office, Amravati',
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ status: 'applied_for', appliedOn: '2026-11-04' });
    const v1 = applied.json().version;

    before = await counts();
    const early = await cw.post(path(), { version: v1, status: 'held', on: '2026-11-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().issues[0].field).toBe('on');
    expect(await counts()).toEqual(before);

    const held = await cw.post(path(), { version: v1, status: 'held', on: '2026-11-20' });
    expect(held.statusCode).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', issuedOn: '2026-11-20' });
    expect(held.json().closedRequests).toHaveLength(1);

    // held → applied_for is not a move (only held → missing, when lost).
    before = await counts();
    const back = await cw.post(path(), { version: held.json().version, status: 'applied_for', on: '2026-11-21' });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ code: 'transition_refused', allowedNext: ['missing'] });
    expect(await counts()).toEqual(before);

    const a = (await cw.get(`/api/v1/scheme-applications/${appId}`)).json();
    const line = a.checklist.find((c: { doc: string }) => c.doc === item.doc);
    expect(line).toMatchObject({ held: true, status: 'held' });
    expect(line.history.map((h: { to: string }) => h.to)).toEqual(['applied_for', 'held']);
    expect(line.requests[0]).toMatchObject({ status: 'done', closedOn: '2026-11-20' });
  });
});

describe('moving an application along the pipeline', () => {
  const step = (body: Record<string, unknown>) => cw.post(`/api/v1/scheme-applications/${appId}/steps`, body);

  it('records documents being gathered, then refuses a stale version and off-pipeline moves with the engine message', async () => {
    const ok = await step({ version: 1, status: 'documents_gathering', on: '2026-11-03' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'documents_gathering', version: 2 });
    expect(ok.headers.etag).toBe('"2"');

    const before = await counts();
    const stale = await step({ version: 1, status: 'applied', on: '2026-11-10' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');

    const jump = await step({ version: 2, status: 'receiving', on: '2026-11-10' });
    expect(jump.statusCode).toBe(409);
    expect(jump.json()).toMatchObject({ code: 'transition_refused', from: 'documents_gathering', allowedNext: ['applied', 'stopped'] });
    expect(jump.json().message).toBe('cannot go from documents_gathering to receiving; allowed next: applied, stopped');

    const bad: [Record<string, unknown>, string][] = [
      [{ version: 2, status: 'applied', on: '2026-11-01' }, 'on'], // before the previous step
      [{ version: 2, status: 'applied', on: '2026-11-30' }, 'on'], // future
      [{ version: 2, status: 'applied', on: '2026-11-10', amount: 100 }, 'amount'], // no amount on applying
      [{ version: 2, status: 'stopped', on: '2026-11-10' }, 'reason'],
      [{ version: 2, status: 'granted', on: '2026-11-10' }, 'status'],
      [{ status: 'applied', on: '2026-11-10' }, 'version'],
    ];
    for (const [body, field] of bad) {
      const res = await step(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('applies, is sanctioned and starts receiving; amounts and dates are checked', async () => {
    expect((await step({ version: 2, status: 'applied', on: '2026-11-10', reference: 'BSY/AMT/2026/9001' })).statusCode).toBe(201);
    const before = await counts();
    expect((await step({ version: 3, status: 'sanctioned', on: '2026-11-09', amount: 2250 })).json().issues[0].field).toBe('on'); // sanction before applying
    expect((await step({ version: 3, status: 'sanctioned', on: '2026-11-18', amount: -2250 })).json().issues[0].field).toBe('amount');
    expect(await counts()).toEqual(before);
    const s = await step({ version: 3, status: 'sanctioned', on: '2026-11-18', amount: 2250, reference: 'DWCDO/AMT/SO/77' });
    expect(s.statusCode).toBe(201);
    expect(s.json()).toMatchObject({ status: 'sanctioned', sanctionedOn: '2026-11-18', amount: 2250, appliedOn: '2026-11-10' });
    // Using the If-Match header instead of a version in the body.
    const rec = await cw.post(`/api/v1/scheme-applications/${appId}/steps`, { status: 'receiving', on: '2026-11-22', amount: 2250 });
    expect(rec.statusCode).toBe(400); // no version at all
    const viaHeader = await t.app.inject({
      method: 'POST',
      url: `/api/v1/scheme-applications/${appId}/steps`,
      payload: { status: 'receiving', on: '2026-11-22', amount: 2250 },
      headers: { authorization: `Bearer ${cw.token}`, 'if-match': '"4"' },
    });
    expect(viaHeader.statusCode).toBe(201);
    const a = viaHeader.json();
    expect(a).toMatchObject({ status: 'receiving', version: 5, allowedNext: ['stopped'], historyValid: true });
    expect(a.steps.map((x: { status: string }) => x.status)).toEqual([
      'identified',
      'documents_gathering',
      'applied',
      'sanctioned',
      'receiving',
    ]);
    expect(a.steps[3]).toMatchObject({ amount: 2250, reference: 'DWCDO/AMT/SO/77' });
    // The status is the engine's replay of the stored steps.
    const stored = await t.ctx.database.query<{ status: string }>(
      'SELECT status FROM scheme_application_step WHERE application_id = $1 ORDER BY seq',
      [appId],
    );
    expect(stored.map((x) => x.status)).toEqual(a.steps.map((x: { status: string }) => x.status));
  });

  it('a receiving application can only be stopped, with a reason; then it is final', async () => {
    expect((await step({ version: 5, status: 'rejected', on: '2026-11-22', reason: 'x' })).statusCode).toBe(409);
    const stop = await step({ version: 5, status: 'stopped', on: '2026-11-23', reason: 'Family moved to Pune' });
    expect(stop.statusCode).toBe(201);
    const fin = await step({ version: 6, status: 'applied', on: '2026-11-23' });
    expect(fin.statusCode).toBe(409);
    expect(fin.json().message).toMatch(/final/);
  });

  it('steps are append-only in the database', async () => {
    await expect(
      t.ctx.database.query('UPDATE scheme_application_step SET status = $1 WHERE application_id = $2', ['receiving', appId]),
    ).rejects.toThrow(/append-only/);
  });

  it('every read and write of the application is audited, without names', async () => {
    const rows = await t.ctx.database.query<{ action: string; details: Record<string, unknown> }>(
      "SELECT action, details FROM audit_event WHERE entity_type = 'scheme_application' AND entity_id = $1 ORDER BY seq",
      [appId],
    );
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['create', 'read', 'update']));
    expect(JSON.stringify(rows)).not.toMatch(/Ingle|Pawar|Jadhav/);
    const reads = await t.ctx.database.query(
      "SELECT 1 FROM audit_event WHERE entity_type = 'family' AND entity_id = $1 AND details->>'view' = 'scheme_suggestions'",
      [familyId],
    );
    expect(reads.length).toBeGreaterThan(0);
  });

  it('lists applications with filters', async () => {
    const res = await cw.get(`/api/v1/scheme-applications?familyId=${familyId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toContain(appId);
    const receiving = (await cw.get(`/api/v1/scheme-applications?schemeId=${BSY}&status=receiving&pageSize=100`)).json();
    expect(receiving.items.every((i: { status: string; districtCode: number }) => i.status === 'receiving' && i.districtCode === 468)).toBe(
      true,
    );
    expect((await cw.get('/api/v1/scheme-applications?status=granted')).statusCode).toBe(400);
  });
});
