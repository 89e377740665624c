import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, intakeBody, ist, type Kit } from './cases.testkit';

/**
 * The 1098 helpline operator sees names only (JJ Act 2015 s.74; README): no case record at
 * all, not even one under a CWC non-disclosure order. It opens a case only by handing a call
 * over (src/helpline, permission cases.open), never through POST /cases. Every route the OpenAPI document lists
 * under the `cases` tag is tried with real ids, so a route added later is covered too.
 */
let t: TestApp;
let k: Kit;
let helpline: Client;
let caseId: string;
let attachmentId: string;
let childName: string;
let caseNumber: number;

const q = <T>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function multipart(bytes: Buffer) {
  const boundary = '----samanvayhelpline';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** What would change if a refused request had written anything. */
const writes = async () =>
  (
    await q<{ actions: number; attachments: number; orders: number; cases: number }>(
      `SELECT (SELECT count(*)::int FROM case_action) AS actions, (SELECT count(*)::int FROM case_attachment) AS attachments,
            (SELECT count(*)::int FROM case_non_disclosure_order) AS orders, (SELECT count(*)::int FROM case_record) AS cases`,
    )
  )[0];

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  const cw = await k.as('caseworker.amravati');
  const opened = await cw.post('/api/v1/cases', intakeBody(await k.childIn('Rajura')));
  expect(opened.statusCode, opened.body).toBe(201);
  ({ id: caseId, number: caseNumber } = opened.json());
  childName = opened.json().child.name;
  const { payload, headers } = multipart(PDF);
  const up = await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/attachments`,
    headers: { ...headers, authorization: `Bearer ${cw.token}` },
    payload,
  });
  expect(up.statusCode, up.body).toBe(201);
  attachmentId = up.json().id;
  const order = await (
    await k.as('cwc.amravati')
  ).put(`/api/v1/cases/${caseId}/non-disclosure-order`, { orderRef: 'CWC/AMR/2026/77', orderedOn: '2026-12-01' });
  expect(order.statusCode, order.body).toBe(200);
  helpline = await k.as('helpline.amravati');
});
afterAll(() => t.close());

/** A body the route would accept from a role that may use it, so a refusal is about the role. */
function bodyFor(method: string, path: string): unknown {
  if (method === 'post' && path === '/api/v1/cases') return intakeBody('00000000-0000-4000-8000-000000000000');
  if (path.endsWith('/actions')) return { type: 'note', text: 'called the family' };
  if (path.endsWith('/non-disclosure-order') && method === 'put') return { orderRef: 'CWC/AMR/2026/78', orderedOn: '2026-12-01' };
  return undefined;
}

describe('the helpline operator and cases', () => {
  it('has no case permission but opening one from a call (cases.open, src/helpline)', async () => {
    const me = (await helpline.get('/api/v1/auth/me')).json();
    expect(me.permissions).toContain('missing.read');
    expect(me.permissions.filter((p: string) => p.startsWith('cases.'))).toEqual(['cases.open']);
  });

  it('is refused by every case route (403/404), sees nothing of the case and writes nothing', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.tags?.includes('cases'))
        // Alerts are one's own (addressed to the person or unit), checked below.
        .filter(() => !path.startsWith('/api/v1/notifications'))
        .map(([method]) => ({ method, path })),
    );
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(routes).toContainEqual({ method: 'get', path: '/api/v1/cases/{id}' });
    const before = await writes();
    for (const { method, path } of routes) {
      const url = path
        .replace('{id}', caseId)
        .replace('{attachmentId}', attachmentId)
        .replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const body = bodyFor(method, path);
      const res =
        path.endsWith('/attachments') && method === 'post'
          ? await t.app.inject({
              method: 'POST',
              url,
              headers: { ...multipart(PDF).headers, authorization: `Bearer ${helpline.token}` },
              payload: multipart(PDF).payload,
            })
          : await t.app.inject({
              method: method.toUpperCase() as 'GET',
              url,
              headers: { authorization: `Bearer ${helpline.token}` },
              ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
            });
      expect([403, 404], `${method.toUpperCase()} ${path} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      expect(res.body, `${method.toUpperCase()} ${path}`).not.toContain(childName);
      expect(res.body, `${method.toUpperCase()} ${path}`).not.toContain(caseId);
    }
    expect(await writes()).toEqual(before);
    // The same case is there for those who may see it.
    expect((await (await k.as('caseworker.amravati')).get(`/api/v1/cases/${caseId}`)).json().number).toBe(caseNumber);
  });

  it('gets no case in its alerts or task list', async () => {
    const alerts = await helpline.get('/api/v1/notifications');
    if (alerts.statusCode === 200) expect(alerts.json().items.filter((n: { caseId: string | null }) => n.caseId)).toEqual([]);
    expect((await helpline.get('/api/v1/tasks')).statusCode).toBe(403);
  });
});
