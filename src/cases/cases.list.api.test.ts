import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { seedCases } from './cases.seed';
import { caseKit, type Kit } from './cases.testkit';

/** Case lists over the demo cases: filters, queues, pagination, sorting, refusals, OpenAPI. */
let t: TestApp;
let k: Kit;
let dcpo: Client;
const NOW = '2026-11-23T05:00:00.000Z';

beforeAll(async () => {
  t = await createTestApp();
  await seedCases(t.ctx.db);
  k = await caseKit(t);
  k.at(NOW);
  dcpo = await k.as('dcpo.amravati');
});
afterAll(() => t.close());

type Item = {
  id: string;
  status: string;
  risk: string;
  level: string;
  villageId: string | null;
  districtCode: number;
  ownerUserId: string | null;
  ownerUnitId: string;
  nextDueAt: string | null;
  overdue: boolean;
  flags: string[];
  childName: string;
};
const list = async (query: string, client = dcpo) => {
  const res = await client.get(`/api/v1/cases?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number; page: number; pageSize: number };
};

describe('filters', () => {
  it('status, risk, level, village, owner, flags: every item matches, totals add up', async () => {
    const all = await list('pageSize=100');
    expect(all.total).toBe(all.items.length);
    expect(all.items.every((i) => i.districtCode === 468 || i.flags.includes('transfer_pending'))).toBe(true);
    const byStatus = new Map<string, number>();
    for (const i of all.items) byStatus.set(i.status, (byStatus.get(i.status) ?? 0) + 1);
    for (const [status, n] of byStatus) {
      const r = await list(`status=${status}&pageSize=100`);
      expect(r.total).toBe(n);
      expect(r.items.every((i) => i.status === status)).toBe(true);
    }
    const open = await list('status=open&pageSize=100');
    expect(open.total).toBe(all.total - (byStatus.get('closed') ?? 0));
    for (const [q, check] of [
      ['risk=critical', (i: Item) => i.risk === 'critical'],
      ['level=village', (i: Item) => i.level === 'village'],
      ['villageId=vi:demo-rajura', (i: Item) => i.villageId === 'vi:demo-rajura'],
      ['flag=open_referrals', (i: Item) => i.flags.includes('open_referrals')],
      [`owner=${k.userId('caseworker.amravati')}`, (i: Item) => i.ownerUserId === k.userId('caseworker.amravati')],
    ] as const) {
      const r = await list(`${q}&pageSize=100`);
      expect(r.items.length, q).toBeGreaterThan(0);
      expect(r.items.every(check), q).toBe(true);
      expect(r.total).toBe(all.items.filter(check).length);
    }
  });

  it('overdue: what is past due at the server time, and the rest', async () => {
    const overdue = await list('overdue=true&pageSize=100');
    expect(overdue.total).toBeGreaterThan(3);
    expect(overdue.items.every((i) => i.overdue && Date.parse(i.nextDueAt!) < Date.parse(NOW))).toBe(true);
    const rest = await list('overdue=false&pageSize=100');
    expect(rest.items.every((i) => !i.overdue)).toBe(true);
    expect(overdue.total + rest.total).toBe((await list('pageSize=100')).total);
  });

  it('queues: escalated to my unit, transfers to my unit, mine, my unit, convergence', async () => {
    const esc = await list('queue=escalated');
    expect(esc.total).toBeGreaterThan(0);
    expect(esc.items.every((i) => i.status === 'escalated' && i.ownerUnitId === k.org('DCPU Amravati'))).toBe(true);
    const cw = await k.as('caseworker.amravati');
    const mine = await list('queue=mine&pageSize=100', cw);
    expect(mine.total).toBeGreaterThan(0);
    expect((await list('owner=me&pageSize=100', cw)).total).toBe(mine.total);
    expect(mine.items.every((i) => i.ownerUserId === k.userId('caseworker.amravati'))).toBe(true);
    const unit = await list('queue=unit&pageSize=100', cw);
    expect(unit.items.every((i) => i.ownerUnitId === k.org('DCPU Amravati'))).toBe(true);
    const conv = await list('queue=convergence&pageSize=100');
    expect(conv.items.every((i) => i.flags.includes('convergence') && i.status !== 'closed')).toBe(true);
    expect((await list('queue=transfers', await k.as('dcpo.akola'))).total).toBe(1);
  });
});

describe('pagination and order', () => {
  it('pages do not overlap, the total is the same on every page, soonest due first', async () => {
    const pages = await Promise.all([1, 2, 3].map((p) => list(`pageSize=7&page=${p}`)));
    const ids = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(pages.map((p) => p.total)).size).toBe(1);
    const all = (await list('pageSize=100')).items;
    expect(ids).toEqual(all.slice(0, ids.length).map((i) => i.id));
    const due = all.map((i) => (i.nextDueAt ? Date.parse(i.nextDueAt) : Infinity));
    expect([...due].sort((a, b) => a - b)).toEqual(due);
  });

  it('refuses bad filters with the field named', async () => {
    for (const [q, field] of [
      ['status=lost', 'status'],
      ['pageSize=1000', 'pageSize'],
      ['queue=everything', 'queue'],
      ['owner=someone', 'owner'],
      ['overdue=maybe', 'overdue'],
    ]) {
      const res = await dcpo.get(`/api/v1/cases?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().issues[0].field).toBe(`querystring.${field}`);
    }
  });

  it('audits every list with the ids shown', async () => {
    const r = await list('pageSize=3');
    const [row] = await t.ctx.database.query<{ details: { ids: string[]; total: number } }>(
      "SELECT details FROM audit_event WHERE action = 'list' AND entity_type = 'case' ORDER BY seq DESC LIMIT 1",
    );
    expect(row.details.ids).toEqual(r.items.map((i) => i.id));
    expect(row.details.total).toBe(r.total);
  });

  it('needs a session and cases.read', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tasks' })).statusCode).toBe(401);
    expect((await (await k.as('nodal.health')).get('/api/v1/cases')).statusCode).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('documents the case endpoints and the action schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of [
      '/api/v1/cases',
      '/api/v1/cases/{id}',
      '/api/v1/cases/{id}/actions',
      '/api/v1/cases/{id}/attachments',
      '/api/v1/tasks',
      '/api/v1/notifications',
      '/api/v1/cases/referrals',
    ]) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
    const body = JSON.stringify(doc.paths['/api/v1/cases/{id}/actions'].post.requestBody);
    for (const type of ['escalation', 'cwc_order', 'care_plan', 'referral_declined', 'transfer_requested', 'closure', 'reopening'])
      expect(body).toContain(type);
  });
});
