import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { loadDefaultMatrix } from './domain';

/** The Convergence Matrix as data an administrator edits: validated, versioned, shown as a grid. */
let t: TestApp;
let admin: Client;
let dcpo: Client;
let edu: Client;

const versions = async () => Number((await t.ctx.database.query<{ n: number }>('SELECT count(*)::int n FROM convergence_matrix'))[0].n);

beforeAll(async () => {
  t = await createTestApp();
  [admin, dcpo, edu] = await Promise.all(['admin', 'dcpo.amravati', 'nodal.education'].map((u) => t.login(u)));
});
afterAll(() => t.close());

describe('the Convergence Matrix', () => {
  it('starts from the bundled default (version 0) and comes as a grid of domains × departments', async () => {
    const res = await edu.get('/api/v1/convergence/matrix?level=district');
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({ version: 0, source: 'default', stateCode: 27 });
    expect(m.grid.rows).toHaveLength(10);
    expect(m.grid.rows[0].cells).toHaveLength(m.grid.departments.length);
    const education = m.grid.rows.find((r: { domain: string }) => r.domain === 'education');
    const cell = education.cells[m.grid.departments.indexOf('EDUCATION')];
    expect(cell).toMatchObject({ department: 'EDUCATION', responsibility: 'lead' });
    expect(education.suggested[0]).toBe('EDUCATION');
    expect(m.labels.departments.DCPU.mr).toBe('जिल्हा बाल संरक्षण कक्ष');
  });

  it('suggests which department a need goes to', async () => {
    const s = (await dcpo.get('/api/v1/convergence/matrix/suggest?domain=legal_aid_documents&level=district')).json();
    expect(s.departments.length).toBeGreaterThan(0);
    expect(s.departments[0].responsibility).toBe('lead');
  });

  it('refuses bad data with the path and the reason, writing nothing', async () => {
    const bad = structuredClone(loadDefaultMatrix()) as unknown as { cells: Record<string, unknown>[]; sources: string[] };
    bad.cells[0].department = 'MINISTRY_OF_MAGIC';
    const res = await admin.put('/api/v1/convergence/matrix', { version: 0, matrix: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('matrix_invalid');
    expect(res.json().issues.map((i: { field: string }) => i.field)).toEqual(['matrix.cells[0].department']);
    const dup = structuredClone(loadDefaultMatrix()) as unknown as { cells: Record<string, unknown>[] };
    dup.cells.push({ ...dup.cells[1] });
    const res2 = await admin.put('/api/v1/convergence/matrix', { version: 0, matrix: dup });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().issues).toEqual([
      { field: `matrix.cells[${dup.cells.length - 1}]`, message: expect.stringContaining('duplicate cell') },
    ]);
    const noSource = await admin.put('/api/v1/convergence/matrix', { version: 0, matrix: { ...loadDefaultMatrix(), sources: [] } });
    expect(noSource.json().issues[0]).toEqual({ field: 'matrix.sources', message: 'cite at least one source for the matrix' });
    expect(await versions()).toBe(0);
  });

  it('saves a valid edit as the next version; a stale editor gets 409; only config.edit may save', async () => {
    const edited = structuredClone(loadDefaultMatrix());
    edited.version = '2026.1-MH';
    edited.cells[0] = { ...edited.cells[0], role: edited.cells[0].role + ' (Maharashtra: also the Tahsil camp)' };
    expect((await dcpo.put('/api/v1/convergence/matrix', { version: 0, matrix: edited })).statusCode).toBe(403);
    const ok = await admin.put('/api/v1/convergence/matrix', { version: 0, matrix: edited, note: 'Maharashtra additions' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(1);
    const stale = await admin.put('/api/v1/convergence/matrix', { version: 0, matrix: edited });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toEqual({ version: 1 });
    const now = (await edu.get('/api/v1/convergence/matrix')).json();
    expect(now).toMatchObject({ version: 1, source: 'state', note: 'Maharashtra additions' });
    expect(now.matrix.version).toBe('2026.1-MH');
    expect((await admin.get('/api/v1/convergence/matrix/versions')).json().items).toHaveLength(1);
    const audit = await t.ctx.database.query("SELECT 1 FROM audit_event WHERE entity_type = 'convergence_matrix' AND action = 'update'");
    expect(audit).toHaveLength(1);
  });
});
