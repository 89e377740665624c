import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { villageId } from '../demo/seed';

// A district officer's view: the worklist of eligible families not yet linked, and the
// outcome figures computed from the seeded histories; and what other districts and
// other roles may not see.

let t: TestApp;
let dcpo: Client; // DCPO Amravati (468)
let akola: Client; // caseworker Akola (467)
let admin: Client; // state administrator (27)
let nodal: Client; // education nodal officer, minimal view
let aww: Client; // Anganwadi worker, Rajura: no schemes.read
let auditor: Client;

const BSY = 'mh-bal-sangopan';
const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params);

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-11-23T06:00:00Z'));
  [dcpo, akola, admin, nodal, aww, auditor] = await Promise.all(
    ['dcpo.amravati', 'caseworker.akola', 'admin', 'nodal.education', 'aww.rajura', 'auditor.mh'].map((u) => t.login(u)),
  );
});
afterAll(() => t.close());

describe('the seeded story, computed from the records', () => {
  it('about 62 of 149 families linked, about 64 children on Bal Sangopan, certificates secured over the months', async () => {
    const res = await admin.get('/api/v1/scheme-outcomes?from=2025-06-01&to=2026-11-22&groupBy=district');
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.totals.families).toBe(149);
    expect(o.totals.familiesLinked).toBeGreaterThanOrEqual(55);
    expect(o.totals.familiesLinked).toBeLessThanOrEqual(70);
    expect(o.totals.childrenReceiving[BSY]).toBeGreaterThanOrEqual(58);
    expect(o.totals.childrenReceiving[BSY]).toBeLessThanOrEqual(70);
    for (const doc of ['parent_death_certificate', 'caste_certificate', 'orphan_certificate'])
      expect(o.totals.documentsSecuredByType[doc]).toBeGreaterThan(0);
    expect(o.months).toHaveLength(18);
    // Linked families grow month by month; the first links come after the first meetings.
    const linked = o.months.map((m: { familiesLinked: number }) => m.familiesLinked);
    expect(linked[0]).toBe(0);
    expect(linked).toEqual([...linked].sort((a, b) => a - b));
    expect(o.months.filter((m: { certificatesSecured: number }) => m.certificatesSecured > 0).length).toBeGreaterThan(6);
    expect(o.areas.map((a: { name: string }) => a.name).sort()).toEqual(['Akola', 'Amravati']);
    expect(o.areas.reduce((n: number, a: { familiesLinked: number }) => n + a.familiesLinked, 0)).toBe(o.totals.familiesLinked);

    // The same figures straight from the rows: families with a sanctioned step; children whose last step is "receiving".
    const [{ n: fams }] = await q<{ n: number }>(
      "SELECT count(DISTINCT a.family_id)::int AS n FROM scheme_application a JOIN scheme_application_step s ON s.application_id = a.id WHERE s.status = 'sanctioned' AND s.on_date <= '2026-11-22'",
    );
    expect(o.totals.familiesLinked).toBe(fams);
    const [{ n: kids }] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM scheme_application a WHERE a.scheme_id = '${BSY}' AND a.status = 'receiving'`,
    );
    expect(o.totals.childrenReceiving[BSY]).toBe(kids);
    // The registry figures are untouched.
    expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM child'))[0].n).toBe(204);
    expect((await q<{ n: number }>("SELECT count(*)::int AS n FROM child WHERE care_status = 'birth_family'"))[0].n).toBe(121);
  });

  it('every seeded history replays through the engine and every sanction came after applying', async () => {
    const bad = await q(`SELECT a.id FROM scheme_application a
      JOIN scheme_application_step ap ON ap.application_id = a.id AND ap.status = 'applied'
      JOIN scheme_application_step sa ON sa.application_id = a.id AND sa.status = 'sanctioned' AND sa.seq = ap.seq + 1
      WHERE sa.on_date < ap.on_date`);
    expect(bad).toEqual([]);
    const future = await q("SELECT 1 FROM scheme_application_step WHERE on_date > '2026-11-22'");
    expect(future).toEqual([]);
  });

  it('a district officer sees the district by taluka and village, and can export', async () => {
    const o = (await dcpo.get('/api/v1/scheme-outcomes?from=2025-06-01')).json();
    expect(o.totals.families).toBe(80);
    expect(o.groupBy).toBe('subdistrict');
    expect(o.areas.every((a: { id: string }) => a.id.startsWith('sd:'))).toBe(true);
    const v = (await dcpo.get('/api/v1/scheme-outcomes?from=2025-06-01&groupBy=village')).json();
    expect(v.areas.map((a: { name: string }) => a.name)).toContain('Rajura');
    expect(v.areas.reduce((n: number, a: { families: number }) => n + a.families, 0)).toBe(80);
    const one = (await dcpo.get(`/api/v1/scheme-outcomes?from=2025-06-01&locationId=${villageId('Rajura')}`)).json();
    expect(one.area.name).toBe('Rajura');
    expect(one.totals.families).toBe(22);

    const csv = await dcpo.get('/api/v1/scheme-outcomes/export?from=2025-06-01&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('families_linked');
    expect(lines[0]).toContain(`children_receiving:${BSY}`);
    expect(lines.length - 1).toBe(18 * (1 + o.areas.length));
    const xlsx = await dcpo.get('/api/v1/scheme-outcomes/export?from=2025-06-01&format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(lines.length);
  });

  it.each([
    ['from=2026-05-01&to=2026-04-01', 'from'],
    ['to=2026-12-31', 'to'],
    ['from=2026-02-30', 'from'],
    ['from=2015-01-01', 'from'],
    ['groupBy=country', 'groupBy'],
    ['locationId=vi:nowhere', 'locationId'],
  ])('refuses bad outcome parameters: %s', async (qs, field) => {
    const res = await dcpo.get(`/api/v1/scheme-outcomes?${qs}`);
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .issues.map((i: { field: string }) => i.field)
        .join(' '),
    ).toContain(field);
  });
});

describe('the district worklist', () => {
  it('lists families eligible for a scheme they have no open application for, inside the jurisdiction', async () => {
    const res = await dcpo.get(`/api/v1/scheme-worklist?schemeId=${BSY}&pageSize=100`);
    expect(res.statusCode).toBe(200);
    const w = res.json();
    expect(w.total).toBeGreaterThan(0);
    expect(w.items.every((i: { districtCode: number }) => i.districtCode === 468)).toBe(true);
    const open = new Set(
      (await q<{ subject_id: string }>(`SELECT subject_id FROM scheme_application WHERE scheme_id = '${BSY}' AND status <> 'stopped'`)).map(
        (r) => r.subject_id,
      ),
    );
    for (const i of w.items) {
      expect(i.schemes.map((s: { schemeId: string }) => s.schemeId)).toEqual([BSY]);
      for (const s of i.schemes[0].subjects) expect(open.has(s.id)).toBe(false);
    }
    // Each family listed is eligible according to its own suggestions.
    const first = w.items[0];
    const sug = (await dcpo.get(`/api/v1/families/${first.familyId}/scheme-suggestions`)).json();
    const ids = sug.suggestions
      .filter((s: { schemeId: string; status: string }) => s.schemeId === BSY && s.status === 'eligible')
      .map((s: { subjectId: string }) => s.subjectId);
    expect(ids).toEqual(expect.arrayContaining(first.schemes[0].subjects.map((s: { id: string }) => s.id)));
  });

  it('pages, filters by place and by status, and exports CSV and Excel', async () => {
    const all = (await dcpo.get('/api/v1/scheme-worklist?pageSize=100')).json();
    const p1 = (await dcpo.get('/api/v1/scheme-worklist?pageSize=5&page=1')).json();
    const p2 = (await dcpo.get('/api/v1/scheme-worklist?pageSize=5&page=2')).json();
    expect(p1.total).toBe(all.total);
    expect(p1.items.map((i: { familyId: string }) => i.familyId)).toEqual(
      all.items.slice(0, 5).map((i: { familyId: string }) => i.familyId),
    );
    expect(p2.items.map((i: { familyId: string }) => i.familyId)).toEqual(
      all.items.slice(5, 10).map((i: { familyId: string }) => i.familyId),
    );
    const rajura = (await dcpo.get(`/api/v1/scheme-worklist?locationId=${villageId('Rajura')}&pageSize=100`)).json();
    expect(rajura.items.every((i: { villageName: string }) => i.villageName === 'Rajura')).toBe(true);
    const maybe = (await dcpo.get('/api/v1/scheme-worklist?status=maybe&pageSize=100')).json();
    expect(maybe.status).toBe('maybe');

    const csv = await dcpo.get(`/api/v1/scheme-worklist/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'family_id,head_name,head_name_local,village,village_id,district_lgd,scheme_id,scheme,for,who,status,missing_documents,as_of',
    );
    const rows = all.items.reduce((n: number, i: { schemes: unknown[] }) => n + i.schemes.length, 0);
    expect(lines.length - 1).toBe(rows);
    const xlsx = await dcpo.get('/api/v1/scheme-worklist/export?format=xlsx');
    expect(xlsx.headers['content-disposition']).toMatch(/scheme-worklist-2026-11-23\.xlsx/);
  });

  it('refuses an unknown scheme and a bad status', async () => {
    expect((await dcpo.get('/api/v1/scheme-worklist?schemeId=nope')).json().issues[0].field).toBe('schemeId');
    expect((await dcpo.get('/api/v1/scheme-worklist?status=not_eligible')).statusCode).toBe(400);
    expect((await dcpo.get('/api/v1/scheme-worklist?pageSize=1000')).statusCode).toBe(400);
  });
});

describe('another district, and roles without the right', () => {
  let amravatiFamily: string;
  let amravatiChild: string;
  let amravatiApp: string;
  beforeAll(async () => {
    const apps = (await dcpo.get(`/api/v1/scheme-applications?schemeId=${BSY}&status=receiving&pageSize=1`)).json();
    amravatiApp = apps.items[0].id;
    amravatiFamily = apps.items[0].familyId;
    amravatiChild = apps.items[0].childId;
  });

  it("another district cannot see a family's suggestions, applications, worklist or outcomes", async () => {
    const sug = await akola.get(`/api/v1/families/${amravatiFamily}/scheme-suggestions`);
    expect(sug.statusCode).toBe(404);
    expect(sug.json()).toEqual((await akola.get('/api/v1/families/00000000-0000-4000-8000-000000000000/scheme-suggestions')).json());
    expect((await akola.get(`/api/v1/scheme-applications/${amravatiApp}`)).statusCode).toBe(404);
    expect(
      (
        await akola.post(`/api/v1/scheme-applications/${amravatiApp}/steps`, {
          version: 1,
          status: 'stopped',
          on: '2026-11-20',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await akola.post('/api/v1/scheme-applications', {
          schemeId: BSY,
          familyId: amravatiFamily,
          childId: amravatiChild,
          on: '2026-11-20',
        })
      ).json().issues[0].field,
    ).toBe('familyId');
    expect(
      (await akola.post(`/api/v1/children/${amravatiChild}/documents/photo/status`, { status: 'held', on: '2026-11-20' })).statusCode,
    ).toBe(404);
    expect(
      (
        await akola.post('/api/v1/document-requests', {
          familyId: amravatiFamily,
          docType: 'caste_certificate',
          department: 'REVENUE',
          requestedOn: '2026-11-20',
          dueOn: '2026-12-20',
        })
      ).statusCode,
    ).toBe(400);

    const list = (await akola.get('/api/v1/scheme-applications?pageSize=100')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((i: { districtCode: number }) => i.districtCode === 467)).toBe(true);
    const reqs = (await akola.get('/api/v1/document-requests?pageSize=100')).json();
    expect(reqs.items.every((i: { villageId: string }) => !i.villageId.includes('rajura') && !i.villageId.includes('wadali'))).toBe(true);

    const w = (await akola.get('/api/v1/scheme-worklist?pageSize=100')).json();
    expect(w.items.every((i: { districtCode: number }) => i.districtCode === 467)).toBe(true);
    expect(w.items.map((i: { familyId: string }) => i.familyId)).not.toContain(amravatiFamily);
    expect((await akola.get('/api/v1/scheme-worklist?locationId=di:468')).statusCode).toBe(403);
    expect((await akola.get(`/api/v1/scheme-worklist/export?locationId=${villageId('Rajura')}`)).statusCode).toBe(403);
    const csv = (await akola.get('/api/v1/scheme-worklist/export')).body;
    expect(csv).not.toContain(amravatiFamily);

    expect((await akola.get('/api/v1/scheme-outcomes?locationId=di:468')).statusCode).toBe(403);
    const o = (await akola.get('/api/v1/scheme-outcomes?from=2025-06-01')).json();
    expect(o.totals.families).toBe(69);
    expect(o.areas.every((a: { id: string }) => a.id.startsWith('sd:39'))).toBe(true);
  });

  it('a nodal officer (names only) gets the figures and department requests, not the reasons', async () => {
    expect((await nodal.get(`/api/v1/families/${amravatiFamily}/scheme-suggestions`)).statusCode).toBe(403);
    expect((await nodal.get('/api/v1/scheme-worklist')).statusCode).toBe(403);
    expect((await nodal.get(`/api/v1/scheme-applications/${amravatiApp}`)).statusCode).toBe(403);
    expect((await nodal.get('/api/v1/scheme-outcomes')).statusCode).toBe(200);
    const reqs = await nodal.get('/api/v1/document-requests?department=EDUCATION&pageSize=100');
    expect(reqs.statusCode).toBe(200);
    expect(reqs.json().items.every((i: { department: string }) => i.department === 'EDUCATION')).toBe(true);
  });

  it('an auditor reads but does not write; a role without schemes.read sees nothing', async () => {
    expect((await auditor.get(`/api/v1/families/${amravatiFamily}/scheme-suggestions`)).statusCode).toBe(200);
    expect(
      (
        await auditor.post(`/api/v1/scheme-applications/${amravatiApp}/steps`, {
          version: 1,
          status: 'stopped',
          on: '2026-11-20',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect((await auditor.get('/api/v1/scheme-worklist/export')).statusCode).toBe(403);
    // The Anganwadi worker reads schemes, but only for her village.
    expect([403, 404]).toContain((await aww.get(`/api/v1/families/${amravatiFamily}/scheme-suggestions`)).statusCode);
    const helpline = await t.login('helpline.amravati');
    expect((await helpline.get(`/api/v1/families/${amravatiFamily}/scheme-suggestions`)).statusCode).toBe(403);
    expect((await helpline.get('/api/v1/scheme-outcomes')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/scheme-outcomes' })).statusCode).toBe(401);
  });
});
