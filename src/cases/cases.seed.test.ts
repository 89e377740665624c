import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { seedCases } from './cases.seed';
import { caseKit, type Kit } from './cases.testkit';

/** The demo cases: about forty, in both districts, telling a story on 23 November 2026. */
let t: TestApp;
let k: Kit;
beforeAll(async () => {
  t = await createTestApp();
  await seedCases(t.ctx.db); // no-op if seedDemo already seeded the cases
  k = await caseKit(t);
  k.at('2026-11-23T05:00:00.000Z');
});
afterAll(() => t.close());

const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);

describe('seedCases', () => {
  it('creates about forty cases across Amravati and Akola, once', async () => {
    const rows = await q<{ district_code: number; n: number }>(
      'SELECT district_code, count(*)::int AS n FROM case_record GROUP BY 1 ORDER BY 1',
    );
    const total = rows.reduce((s, r) => s + r.n, 0);
    expect(total).toBeGreaterThanOrEqual(38);
    expect(total).toBeLessThanOrEqual(48); // with the care demo's two infants declared legally free (care-extras.seed.ts)
    expect(rows.map((r) => r.district_code)).toEqual([467, 468]);
    expect(await seedCases(t.ctx.db)).toBe(0);
  });

  it('has every kind of situation: intake, escalated, before the CWC, care plans, transfer, closed, reopened', async () => {
    const statuses = (await q<{ status: string }>('SELECT DISTINCT status FROM case_record')).map((r) => r.status).sort();
    expect(statuses).toEqual(
      ['care_plan_active', 'closed', 'escalated', 'intake', 'transfer_pending', 'under_assessment', 'under_cwc', 'under_review'].sort(),
    );
    const orders = await q<{ n: number }>("SELECT count(DISTINCT case_id)::int AS n FROM case_action WHERE type = 'cwc_order'");
    expect(orders[0].n).toBeGreaterThanOrEqual(8);
    const refs = await q<{ status: string }>('SELECT DISTINCT status FROM case_referral');
    expect(refs.map((r) => r.status).sort()).toEqual(['accepted', 'declined', 'done', 'pending']);
    const flagged = await q<{ n: number }>('SELECT count(DISTINCT case_id)::int AS n FROM case_convergence_flag');
    expect(flagged[0].n).toBeGreaterThanOrEqual(5);
    const reopened = await q<{ n: number }>("SELECT count(*)::int AS n FROM case_record WHERE 'reopened' = ANY(flags)");
    expect(reopened[0].n).toBe(1);
  });

  it('is dated before 23 November 2026, with some items overdue on that day', async () => {
    const last = await q<{ at: Date }>('SELECT max(at) AS at FROM case_action');
    expect(new Date(last[0].at).getTime()).toBeLessThan(Date.parse('2026-11-23T00:00:00+05:30'));
    const overdue = await q<{ kind: string; n: number }>(
      "SELECT kind, count(*)::int AS n FROM case_due WHERE due_at < '2026-11-23T00:00:00+05:30' GROUP BY 1",
    );
    const kinds = overdue.map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['cwc_production', 'sir_submission', 'escalation_response', 'referral_response']));
  });

  it("pages the DCPU's task list in the whole list's order, none twice, none missed", async () => {
    type Page = { items: { caseId: string; kind: string; ref: string; dueAt: string }[]; total: number };
    const dcpo = await k.as('dcpo.amravati');
    const whole = (await dcpo.get('/api/v1/tasks?scope=unit&pageSize=100')).json() as Page;
    expect(whole.total).toBeGreaterThan(8);
    const pages: Page['items'] = [];
    for (let page = 1; pages.length < whole.total; page++) {
      const p = (await dcpo.get(`/api/v1/tasks?scope=unit&pageSize=4&page=${page}`)).json() as Page;
      expect(p.items.length).toBeLessThanOrEqual(4);
      expect(p.items.length).toBeGreaterThan(0);
      pages.push(...p.items);
    }
    expect(pages).toEqual(whole.items);
  });

  it('shows the caseworker a task list and the DCPU its escalation queue', async () => {
    const tasks = (await (await k.as('caseworker.amravati')).get('/api/v1/tasks?scope=mine')).json();
    expect(tasks.total).toBeGreaterThan(3);
    expect(tasks.overdueCount).toBeGreaterThan(0);
    const queue = (await (await k.as('dcpo.amravati')).get('/api/v1/cases?queue=escalated')).json();
    expect(queue.total).toBe(3);
    const transfers = (await (await k.as('dcpo.akola')).get('/api/v1/cases?queue=transfers')).json();
    expect(transfers.total).toBe(1);
    // Akola's inter-state trafficking case waits with the State Child Protection Society.
    const state = (await (await k.as('scps.mh')).get('/api/v1/cases?queue=escalated')).json();
    expect(state.total).toBe(1);
    expect(state.items[0]).toMatchObject({ level: 'state', districtCode: 467 });
    const edu = (await (await k.as('nodal.education')).get('/api/v1/cases/referrals')).json();
    expect(edu.total).toBeGreaterThan(5);
  });
});
