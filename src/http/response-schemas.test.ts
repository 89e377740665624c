import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteOptions } from 'fastify';
import { $ZodType } from 'zod/v4/core';
import { buildApp } from './app';
import { createTestApp, type TestApp } from '../../tests/support/app';

/**
 * Every /api route declares what it may send (issue #12): a zod response schema for its success
 * status, which the serializer applies (a field not in it never leaves the server), and the
 * shared error body for 4xx. Files are not JSON: the routes below send a PDF, a spreadsheet, a
 * CSV or an image, declare its content type and a binary 200 (src/http/response.ts `file()`),
 * and are listed here by name so that no JSON route can pass for a file.
 */
const FILE_ROUTES = new Set([
  'GET /api/v1/children/export', // CSV or XLSX of the filtered list
  'GET /api/v1/registry/imports/template', // the import's CSV header line
  'GET /api/v1/cases/:id/attachments/:attachmentId', // the attached PDF, JPEG or PNG
  'GET /api/v1/missing/records/:id/photo', // the record's photo (JPEG, PNG or WebP)
  'GET /api/v1/missing/labelled-pairs', // CSV for re-fitting the linkage model
  'GET /api/v1/convergence/meetings/:id/note.pdf', // the division-of-labour note
  'GET /api/v1/convergence/accountability/export', // XLSX or PDF
  'GET /api/v1/scheme-worklist/export', // CSV or XLSX
  'GET /api/v1/scheme-outcomes/export', // CSV or XLSX
  'GET /api/v1/helpline/calls/export', // CSV of calls with their response times
  'GET /api/v1/reports/mission-vatsalya/monthly', // PDF, XLSX or CSV (counts only)
  'GET /api/v1/reports/mission-vatsalya/quarterly', // PDF, XLSX or CSV (counts only)
  'GET /api/v1/reports/mission-vatsalya/snapshots/:id/file', // the frozen report as submitted
  'GET /api/v1/dashboards/indicators/:id/records/export', // CSV of the records behind a figure
  'GET /api/v1/helpline/figures/monthly/export', // CSV of per-district monthly response times
  'GET /api/v1/care/payments/export', // CSV of the grant ledger
  'GET /api/v1/care/adoption-handoffs/:id/carings', // CSV or XLSX of a child's adoption hand-off for CARINGS
  'GET /api/v1/reports/cwc-quarterly', // the CWC's quarterly report to the DM: PDF or CSV (counts only)
]);

/**
 * The Swagger UI plugin's own pages under /api/docs (HTML, JS and CSS assets, a redirect, the
 * document again as JSON/YAML): documentation of the API, registered by @fastify/swagger-ui, no
 * record in them. The only routes left out of the check below.
 */
const DOCS_UI = '/api/docs';

const SUCCESS = ['200', '201', '204'];
const isZod = (s: unknown): s is $ZodType => s instanceof $ZodType;
const isFile = (s: unknown) => isZod(s) && (s as { meta?: () => Record<string, unknown> | undefined }).meta?.()?.['x-binary'] === true;

let t: TestApp;
const routes: RouteOptions[] = [];
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  // A second server on the same database, only to see every route as it is registered.
  const app = await buildApp(t.ctx, { logger: false, onRoute: (r) => void routes.push(r) });
  await app.ready();
  await app.close();
});
afterAll(() => t.close());

describe('response schemas', () => {
  const apiRoutes = () =>
    routes
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith(DOCS_UI) && r.method !== 'HEAD')
      .map((r) => ({ name: `${r.method} ${r.url}`, response: (r.schema?.response ?? {}) as Record<string, unknown> }));

  it('sees the routes (the hook works)', () => {
    expect(apiRoutes().length).toBeGreaterThan(100);
  });

  it('every /api route declares a zod schema for its success status and the shared 4xx body', () => {
    const missing: string[] = [];
    for (const { name, response } of apiRoutes()) {
      const success = SUCCESS.filter((s) => s in response);
      if (!success.length || !success.every((s) => isZod(response[s]))) missing.push(`${name}: no zod schema for 200/201/204`);
      if (!isZod(response['4xx'])) missing.push(`${name}: no 4xx schema`);
    }
    expect(missing).toEqual([]);
  });

  it('only the listed file routes answer with a file, and each of them does', () => {
    const files = apiRoutes()
      .filter((r) => SUCCESS.some((s) => isFile(r.response[s])))
      .map((r) => r.name);
    expect(files.sort()).toEqual([...FILE_ROUTES].sort());
  });

  it('the OpenAPI document builds and documents each operation’s responses', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.components.schemas.ApiError).toBeTruthy();
    const undocumented: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const ok = Object.entries(op.responses ?? {}).filter(([code]) => SUCCESS.includes(code));
        if (!ok.length || !ok.every(([, r]) => Object.values(r.content ?? {}).some((c) => c.schema)))
          undocumented.push(`${method} ${path}`);
      }
    }
    expect(undocumented).toEqual([]);
    // A file route names its content type, not JSON.
    const pdf = doc.paths['/api/v1/convergence/meetings/{id}/note.pdf'].get.responses!['200'].content!;
    expect(Object.keys(pdf)).toContain('application/pdf');
  });
});
