import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';

// Issue #17: "/audit answers 'This page does not exist'". The audit log, inside the reader's jurisdiction.
let t: TestApp;
let auditor: Client;
let dcpo: Client;
let akolaWorker: Client;
let amravatiWorker: Client;

interface Page {
  items: { seq: number; action: string; districtCode: number | null; actor: { username: string } | null; entityType?: string }[];
  total: number;
  nextCursor: number | null;
}

beforeAll(async () => {
  t = await createTestApp();
  [auditor, dcpo, akolaWorker, amravatiWorker] = await Promise.all(
    ['auditor.mh', 'dcpo.amravati', 'caseworker.akola', 'caseworker.amravati'].map((u) => t.login(u)),
  );
  // Reads in both districts: Akola (467) and Amravati (468).
  const [akola] = await t.ctx.database.query<{ id: string }>('SELECT id FROM child WHERE district_code = 467 ORDER BY id LIMIT 1');
  const [amravati] = await t.ctx.database.query<{ id: string }>('SELECT id FROM child WHERE district_code = 468 ORDER BY id LIMIT 1');
  expect((await akolaWorker.get(`/api/v1/children/${akola.id}`)).statusCode).toBe(200);
  expect((await amravatiWorker.get(`/api/v1/children/${amravati.id}`)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('the audit log', () => {
  it("shows a state auditor every district's entries, with who made them", async () => {
    const res = await auditor.get('/api/v1/audit/events?limit=200');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as Page;
    expect(page.total).toBeGreaterThan(0);
    const districts = new Set(page.items.map((i) => i.districtCode));
    expect(districts.has(467)).toBe(true);
    expect(districts.has(468)).toBe(true);
    expect(page.items.some((i) => i.actor?.username === 'caseworker.akola')).toBe(true);
    // Newest first.
    expect(page.items.map((i) => i.seq)).toEqual([...page.items.map((i) => i.seq)].sort((a, b) => b - a));
  });

  it("shows a district officer only the district's entries", async () => {
    const res = await dcpo.get('/api/v1/audit/events?limit=200');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as Page;
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.districtCode === 468)).toBe(true);
  });

  it('refuses a role without audit.read', async () => {
    const res = await amravatiWorker.get('/api/v1/audit/events');
    expect(res.statusCode).toBe(403);
  });

  it('filters by action and pages with the cursor, without repeating an entry', async () => {
    const first = (await auditor.get('/api/v1/audit/events?limit=2&action=read&entityType=child')).json() as Page;
    expect(first.items.length).toBeGreaterThan(0);
    expect(first.items.every((i) => i.action === 'read' && i.entityType === 'child')).toBe(true);
    if (first.nextCursor) {
      const next = (
        await auditor.get(`/api/v1/audit/events?limit=2&action=read&entityType=child&cursor=${first.nextCursor}`)
      ).json() as Page;
      const seen = new Set(first.items.map((i) => i.seq));
      expect(next.items.every((i) => !seen.has(i.seq) && i.seq < first.nextCursor!)).toBe(true);
    }
  });

  it('answers bad filters with 400 naming the field', async () => {
    const res = await auditor.get('/api/v1/audit/events?action=DROP%20TABLE');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().issues)).toContain('action');
    expect((await auditor.get('/api/v1/audit/events?limit=0')).statusCode).toBe(400);
  });
});
