import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { villageId } from '../demo/seed';

// The registry's PUT …/documents/:docType and the schemes module's POST …/documents/:docType/status
// move a document by one rule (document-status.ts) and both write its history; an illegal move is a
// 409 naming the field and the reason, and nothing is written.

let t: TestApp;
let cw: Client;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-11-23T06:00:00Z'));
  cw = await t.login('caseworker.amravati');
});
afterAll(() => t.close());

const n = async (table: string) => Number((await t.ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
const counts = async () => ({ docs: await n('document'), events: await n('document_event') });
const history = async (familyId: string, docType: string) =>
  (
    await t.ctx.database.query<{ from_status: string | null; to_status: string; event_on: string }>(
      `SELECT from_status, to_status, event_on::text AS event_on FROM document_event WHERE family_id = $1 AND doc_type = $2 AND child_id IS NULL ORDER BY seq`,
      [familyId, docType],
    )
  ).map((r) => [r.from_status, r.to_status, r.event_on]);
const newFamily = async () =>
  (
    await cw.post('/api/v1/families', {
      locationId: villageId('Dhamak'),
      notDuplicate: { reason: 'a separate test fixture' },
      headName: 'Sunanda Wankhede',
      headNameLocal: 'सुनंदा वानखडे',
      caregiverType: 'single_mother',
      annualIncome: 48000,
      rationCard: 'phh',
    })
  ).json() as { id: string };

describe('registry PUT …/documents/:docType', () => {
  it('records each move in the history, an issued document with its application date as two moves', async () => {
    const f = await newFamily();
    const put = (doc: string, body: Record<string, unknown>) => cw.put(`/api/v1/families/${f.id}/documents/${doc}`, body);
    expect((await put('ration_card', { status: 'held', issuedOn: '2025-04-01' })).statusCode).toBe(200);
    expect(await history(f.id, 'ration_card')).toEqual([[null, 'held', '2025-04-01']]);

    const issued = await put('income_certificate', {
      status: 'issued',
      appliedOn: '2026-10-01',
      issuedOn: '2026-11-02',
      issuingOffice: 'Tahsildar, Dhamangaon',
    });
    expect(issued.statusCode).toBe(200);
    expect(await history(f.id, 'income_certificate')).toEqual([
      [null, 'applied_for', '2026-10-01'],
      ['applied_for', 'issued', '2026-11-02'],
    ]);
    expect((await put('income_certificate', { status: 'held', issuedOn: '2026-11-10' })).statusCode).toBe(200);
    expect((await history(f.id, 'income_certificate')).at(-1)).toEqual(['issued', 'held', '2026-11-10']);

    // The same status again only updates the details: no history row.
    const before = await counts();
    expect(
      (await put('income_certificate', { status: 'held', issuedOn: '2026-11-10', issuingOffice: 'Tahsil office, Dhamangaon' })).statusCode,
    ).toBe(200);
    expect((await counts()).events).toBe(before.events);
  });

  it('refuses a move the rule does not allow with 409, the field and the reason, writing nothing', async () => {
    const f = await newFamily();
    expect((await cw.put(`/api/v1/families/${f.id}/documents/domicile`, { status: 'held', issuedOn: '2026-01-05' })).statusCode).toBe(200);
    const before = await counts();
    const back = await cw.put(`/api/v1/families/${f.id}/documents/domicile`, { status: 'applied_for', appliedOn: '2026-11-01' });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({
      code: 'transition_refused',
      field: 'status',
      reason: 'transition_refused',
      from: 'held',
      to: 'applied_for',
      allowedNext: ['missing'],
      issues: [{ field: 'status', message: 'allowed next: missing' }],
    });
    // Nothing to issued without the date it was applied for: not a move.
    const jump = await cw.put(`/api/v1/families/${f.id}/documents/caste_certificate`, { status: 'issued', issuedOn: '2026-11-01' });
    expect(jump.statusCode).toBe(409);
    expect(jump.json()).toMatchObject({
      field: 'status',
      from: 'missing',
      to: 'issued',
      allowedNext: ['applied_for', 'held', 'not_possible'],
    });
    expect(await counts()).toEqual(before);
    const page = (await cw.get(`/api/v1/families/${f.id}`)).json();
    expect(page.documents.find((d: { docType: string }) => d.docType === 'domicile')).toMatchObject({ status: 'held' });
  });
});

describe('both paths share the rule and the history', () => {
  it('a document recorded in the registry moves on through the schemes endpoint, and back', async () => {
    const f = await newFamily();
    const put = await cw.put(`/api/v1/families/${f.id}/documents/income_certificate`, { status: 'applied_for', appliedOn: '2026-11-02' });
    expect(put.statusCode).toBe(200);
    const version = put.json().version;
    const path = `/api/v1/families/${f.id}/documents/income_certificate/status`;
    const before = await counts();
    const refused = await cw.post(path, { version, status: 'applied_for', on: '2026-11-03' });
    expect(refused.statusCode).toBe(400); // already applied for
    const missingToIssued = await cw.post(`/api/v1/families/${f.id}/documents/ration_card/status`, {
      version: 0,
      status: 'issued',
      on: '2026-11-03',
    });
    expect(missingToIssued.statusCode).toBe(409);
    expect(missingToIssued.json()).toMatchObject({
      code: 'transition_refused',
      field: 'status',
      reason: 'transition_refused',
      from: 'missing',
      to: 'issued',
      allowedNext: ['applied_for', 'held', 'not_possible'],
    });
    expect(await counts()).toEqual(before);

    const issued = await cw.post(path, { version, status: 'issued', on: '2026-11-20', issuingOffice: 'Tahsil office' });
    expect(issued.statusCode).toBe(200);
    // The registry path now sees an issued document: issued → applied_for is refused there too.
    const back = await cw.put(`/api/v1/families/${f.id}/documents/income_certificate`, { status: 'applied_for', appliedOn: '2026-11-21' });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ from: 'issued', to: 'applied_for', allowedNext: ['held', 'missing'] });
    expect(
      (await cw.put(`/api/v1/families/${f.id}/documents/income_certificate`, { status: 'held', issuedOn: '2026-11-22' })).statusCode,
    ).toBe(200);
    expect(await history(f.id, 'income_certificate')).toEqual([
      [null, 'applied_for', '2026-11-02'],
      ['applied_for', 'issued', '2026-11-20'],
      ['issued', 'held', '2026-11-22'],
    ]);
  });
});

describe('registry PUT …/documents/:docType against the version read', () => {
  it('a stale version (the document changed through the schemes endpoint) is a 409 with the document as it stands; nothing is written', async () => {
    const f = await newFamily();
    const doc = `/api/v1/families/${f.id}/documents/income_certificate`;
    const first = await cw.put(doc, { status: 'applied_for', appliedOn: '2026-11-02', version: 0 });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(1);
    // Someone moves it on through the schemes endpoint while the registry form is open on version 1.
    expect(
      (await cw.post(`${doc}/status`, { version: 1, status: 'issued', on: '2026-11-20', issuingOffice: 'Tahsil office' })).statusCode,
    ).toBe(200);
    const before = await counts();
    const row = async () =>
      (
        await t.ctx.database.query(
          `SELECT status, issuing_office, notes, version FROM document WHERE family_id = $1 AND doc_type = 'income_certificate'`,
          [f.id],
        )
      )[0];
    const stored = await row();

    const stale = await cw.put(doc, { status: 'applied_for', appliedOn: '2026-11-02', notes: 'stale form', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { status: 'issued', version: 2 } });
    // Also when the stale form repeats the status it shows (no move, only details: still refused).
    const sameStatus = await t.app.inject({
      method: 'PUT',
      url: doc,
      headers: { authorization: `Bearer ${cw.token}`, 'if-match': '"1"' },
      payload: { status: 'issued', issuedOn: '2026-11-20', notes: 'stale form' },
    });
    expect(sameStatus.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    expect(await row()).toEqual(stored);

    // With the current version, or none (the field is optional), it is saved.
    const ok = await cw.put(doc, { status: 'held', issuedOn: '2026-11-22', version: 2 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(3);
    expect((await cw.put(doc, { status: 'held', issuedOn: '2026-11-22', notes: 'no version sent' })).statusCode).toBe(200);
  });

  it('version 0 means none recorded yet: a 409 if one was recorded meanwhile; a bad version is a 400 naming it', async () => {
    const f = await newFamily();
    const doc = `/api/v1/families/${f.id}/documents/domicile`;
    expect((await cw.put(doc, { status: 'held', issuedOn: '2026-01-05' })).statusCode).toBe(200);
    const before = await counts();
    const late = await cw.put(doc, { status: 'held', issuedOn: '2026-01-06', version: 0 });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'version_conflict', current: { status: 'held', version: 1 } });
    for (const version of [-1, 1.5, 'one']) {
      const bad = await cw.put(doc, { status: 'held', issuedOn: '2026-01-06', version });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues.map((i: { field: string }) => i.field)).toEqual(['version']);
    }
    expect(await counts()).toEqual(before);
    // A child's document takes it the same way.
    const child = (await t.ctx.database.query<{ id: string }>(`SELECT id FROM child WHERE district_code = 468 ORDER BY id LIMIT 1`))[0];
    const cdoc = `/api/v1/children/${child.id}/documents/aadhaar`;
    const cur =
      (
        await t.ctx.database.query<{ version: number }>(`SELECT version FROM document WHERE child_id = $1 AND doc_type = 'aadhaar'`, [
          child.id,
        ])
      )[0]?.version ?? 0;
    expect((await cw.put(cdoc, { status: 'not_possible', version: cur + 5 })).statusCode).toBe(409);
  });
});
