import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { audit } from './audit.service';
import { chainerFor } from './audit.chain';
import { verifyAuditChain } from './audit.verify';

let t: TestApp;
let caseworker: Client; // Amravati
let dcpo: Client; // Amravati
let auditor: Client; // state audit cell

interface LogEntry {
  seq: number;
  action: string;
  entityType: string;
  entityId: string | null;
  actor: { username: string } | null;
}
interface LogPage {
  items: LogEntry[];
  total: number;
  nextCursor: number | null;
}

const log = async (kind: 'children' | 'families', id: string, q = '') => {
  const res = await auditor.get(`/api/v1/${kind}/${id}/access-log${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as LogPage;
};

beforeAll(async () => {
  t = await createTestApp();
  [caseworker, dcpo, auditor] = await Promise.all(['caseworker.amravati', 'dcpo.amravati', 'auditor.mh'].map((u) => t.login(u)));
});
afterAll(() => t.close());

describe("a child's access log", () => {
  it('shows the search that returned the child, by whom', async () => {
    const [c] = await t.ctx.database.query<{ id: string; name: string }>(
      'SELECT id, name FROM child WHERE district_code = 468 ORDER BY id LIMIT 1',
    );
    const before = (await log('children', c.id)).total;
    const found = (await caseworker.get(`/api/v1/children?q=${encodeURIComponent(c.name)}&pageSize=100`)).json() as {
      items: { id: string }[];
    };
    expect(found.items.map((i) => i.id)).toContain(c.id);
    const after = await log('children', c.id);
    expect(after.total).toBe(before + 1);
    expect(after.items[0]).toMatchObject({
      action: 'search',
      entityType: 'child',
      entityId: null,
      actor: { username: 'caseworker.amravati' },
    });
    // A child the search did not return gets no entry.
    const [other] = await t.ctx.database.query<{ id: string }>(
      'SELECT id FROM child WHERE district_code = 468 AND id <> ALL($1::uuid[]) LIMIT 1',
      [found.items.map((i) => i.id)],
    );
    expect((await log('children', other.id)).items.some((i) => i.seq === after.items[0].seq)).toBe(false);
  });

  it("shows reads of the child's case and of its family, and the family's log shows its list", async () => {
    const cases = (await dcpo.get('/api/v1/cases?pageSize=5')).json() as {
      items: { id: string; childId: string; familyId: string | null }[];
    };
    const k = cases.items.find((i) => i.familyId)!;
    expect((await log('children', k.childId)).items[0]).toMatchObject({ action: 'list', entityType: 'case' });
    expect((await dcpo.get(`/api/v1/cases/${k.id}`)).statusCode).toBe(200);
    expect((await log('children', k.childId)).items[0]).toMatchObject({
      action: 'read',
      entityType: 'case',
      entityId: k.id,
      actor: { username: 'dcpo.amravati' },
    });
    expect((await log('families', k.familyId!)).items[0]).toMatchObject({ action: 'read', entityType: 'case', entityId: k.id });

    expect((await caseworker.get(`/api/v1/families/${k.familyId}`)).statusCode).toBe(200);
    expect((await log('children', k.childId)).items[0]).toMatchObject({ action: 'read', entityType: 'family', entityId: k.familyId });
    await caseworker.get('/api/v1/families?pageSize=100&page=1');
    const listed = (
      await t.ctx.database.query<{ ids: string[] }>(
        "SELECT details->'ids' AS ids FROM audit_event WHERE action = 'list' AND entity_type = 'family' ORDER BY seq DESC LIMIT 1",
      )
    )[0].ids;
    expect((await log('families', listed[0])).items[0]).toMatchObject({ action: 'list', entityType: 'family' });
  });

  it('pages through more than 200 entries, newest first, with the total', async () => {
    const [c] = await t.ctx.database.query<{ id: string }>('SELECT id FROM child WHERE district_code = 468 ORDER BY id DESC LIMIT 1');
    const start = (await log('children', c.id)).total;
    for (let i = 0; i < 230; i++) await audit(t.ctx.db, null, 'list', 'convergence_action', null, null, { n: i }, { children: [c.id] });
    const seen: LogEntry[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const page: LogPage = await log('children', c.id, `?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(start + 230);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil((start + 230) / 100) + ((start + 230) % 100 === 0 ? 1 : 0));
    expect(seen).toHaveLength(start + 230);
    expect(new Set(seen.map((s) => s.seq)).size).toBe(seen.length);
    expect(seen.map((s) => s.seq)).toEqual([...seen.map((s) => s.seq)].sort((a, b) => b - a));
  });

  it('refuses a bad page size or cursor with 400 naming the field', async () => {
    const [c] = await t.ctx.database.query<{ id: string }>('SELECT id FROM child WHERE district_code = 468 LIMIT 1');
    for (const [q, field] of [
      ['?limit=0', 'limit'],
      ['?limit=501', 'limit'],
      ['?cursor=-3', 'cursor'],
      ['?cursor=abc', 'cursor'],
    ] as const) {
      const res = await auditor.get(`/api/v1/children/${c.id}/access-log${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(JSON.stringify(res.json().issues)).toContain(field);
    }
  });

  it('chains what the requests audited right after they answer, and the chain verifies', async () => {
    await caseworker.get('/api/v1/children?pageSize=5');
    const pending = async () => (await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_pending'))[0].n;
    // The response's hook starts the chaining in the background: nothing else chains here.
    for (let i = 0; i < 100 && (await pending()) > 0; i++) {
      await chainerFor(t.ctx.database).idle();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await pending()).toBe(0);
    expect(await verifyAuditChain(t.ctx.database)).toMatchObject({ ok: true, pending: 0 });
  });
});
