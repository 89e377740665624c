import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, ist, type Kit } from '../cases/cases.testkit';

/**
 * The way home (issue #14): a reintegration pathway worked by a Center for Excellence (an NGO
 * that sees only the pathways assigned to it), the restoration on the CWC's order, follow-up
 * visits on the configured schedule, re-entry to care; a foster placement; and the district's
 * progress against its action-plan targets, computed from these records.
 */
let t: TestApp;
let k: Kit;
let dcpo: Client;
let ngo: Client;
const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);
let a: string;
let b: string;
let pathway: { id: string; version: number };
let ngoId: string;
let before: Record<string, number>;
/** This test's children only (the demo has pathways and placements too). */
const mine = (items: { childId: string }[]) => items.map((p) => p.childId).filter((id) => id === a || id === b);
async function measures(): Promise<Record<string, number>> {
  const [amr] = (await (await k.as('dcpo.amravati')).get('/api/v1/care/targets?year=2026-27')).json().items;
  return Object.fromEntries(amr.measures.map((x: { measure: string; actual: number }) => [x.measure, x.actual]));
}

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  [dcpo, ngo] = await Promise.all([k.as('dcpo.amravati'), k.as('ngo.amravati')]);
  // Children the demo's care records do not touch.
  [a, b] = (
    await q<{ id: string }>(
      `SELECT id FROM child c WHERE district_code = 468 AND NOT EXISTS (SELECT 1 FROM care_reintegration r WHERE r.child_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM care_family_placement p WHERE p.child_id = c.id) AND NOT EXISTS (SELECT 1 FROM care_stay s WHERE s.child_id = c.id)
       ORDER BY name, id LIMIT 2`,
    )
  ).map((r) => r.id);
  before = await measures();
  ngoId = k.org('Care Collective Center for Excellence');
});
afterAll(() => t.close());

describe('a reintegration pathway', () => {
  it('is opened by the DCPU and assigned to a Center for Excellence, which sees only its own', async () => {
    const res = await dcpo.post('/api/v1/care/reintegration', { childId: a, ngoId, on: '2026-06-01' });
    expect(res.statusCode, res.body).toBe(201);
    pathway = res.json();
    expect(pathway).toMatchObject({ stage: 'identified', ngoId, followUps: [] });
    const twice = await dcpo.post('/api/v1/care/reintegration', { childId: a, on: '2026-06-01' });
    expect(twice.statusCode).toBe(409);
    await dcpo.post('/api/v1/care/reintegration', { childId: b, on: '2026-06-01' });
    expect(mine((await ngo.get('/api/v1/care/reintegration')).json().items)).toEqual([a]);
    expect(mine((await dcpo.get('/api/v1/care/reintegration')).json().items).sort()).toEqual([a, b].sort());
    expect(mine((await (await k.as('dcpo.akola')).get('/api/v1/care/reintegration')).json().items)).toEqual([]);
  });

  it('moves one stage at a time; restoration needs the CWC order; restored schedules the follow-ups', async () => {
    const step = (body: Record<string, unknown>, who: Client = ngo) =>
      who.post(`/api/v1/care/reintegration/${pathway.id}/steps`, { version: pathway.version, ...body });
    const skip = await step({ stage: 'restored', on: '2026-06-10' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().issues[0].field).toBe('stage');
    for (const [stage, on] of [
      ['family_assessment', '2026-06-05'],
      ['family_preparation', '2026-06-20'],
    ]) {
      const r = await step({ stage, on });
      expect(r.statusCode, r.body).toBe(200);
      pathway = r.json();
    }
    const backwards = await step({ stage: 'restoration_ordered', on: '2026-06-19', orderRef: 'CWC/AMR/2026/90' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().issues[0].field).toBe('on');
    const noOrder = await step({ stage: 'restoration_ordered', on: '2026-07-01' });
    expect(noOrder.statusCode).toBe(400);
    expect(noOrder.json().issues[0].field).toBe('orderRef');
    pathway = (await step({ stage: 'restoration_ordered', on: '2026-07-01', orderRef: 'CWC/AMR/2026/90' })).json();
    const restored = await step({ stage: 'restored', on: '2026-07-15' });
    expect(restored.statusCode).toBe(200);
    pathway = restored.json();
    // The configured schedule: 1, 3, 6, 12 and 24 months after the restoration.
    expect(restored.json().followUps.map((f: { dueOn: string }) => f.dueOn)).toEqual([
      '2026-08-15',
      '2026-10-15',
      '2027-01-15',
      '2027-07-15',
      '2028-07-15',
    ]);
    expect(restored.json().followUps.filter((f: { overdue: boolean }) => f.overdue)).toHaveLength(2);
  });

  it('records a follow-up visit once, and re-entry to care ends the pathway', async () => {
    const first = (await ngo.get(`/api/v1/care/reintegration/${pathway.id}`)).json().followUps[0];
    const early = await ngo.post(`/api/v1/care/follow-ups/${first.id}`, { visitedOn: '2026-07-01', findings: 'x', risk: 'low' });
    expect(early.statusCode).toBe(400);
    const ok = await ngo.post(`/api/v1/care/follow-ups/${first.id}`, {
      visitedOn: '2026-08-16',
      findings: 'attending school; grandmother receiving Bal Sangopan',
      risk: 'low',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().followUps[0]).toMatchObject({ visitedOn: '2026-08-16', risk: 'low', overdue: false });
    expect(
      (await ngo.post(`/api/v1/care/follow-ups/${first.id}`, { visitedOn: '2026-08-17', findings: 'x', risk: 'low' })).statusCode,
    ).toBe(409);
    pathway = ok.json();
    const back = await ngo.post(`/api/v1/care/reintegration/${pathway.id}/steps`, {
      version: pathway.version,
      stage: 're_entered',
      on: '2026-11-01',
      note: 'family crisis',
    });
    expect(back.statusCode).toBe(200);
    expect(
      (
        await ngo.post(`/api/v1/care/reintegration/${pathway.id}/steps`, {
          version: back.json().version,
          stage: 'closed',
          on: '2026-11-02',
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('family-based care and targets', () => {
  it('records a foster placement; dates out of order name the field', async () => {
    const bad = await dcpo.post('/api/v1/care/family-placements', {
      childId: b,
      kind: 'foster',
      carer: 'Family F',
      orderRef: 'CWC/AMR/2026/95',
      approvedOn: '2026-09-10',
      startedOn: '2026-09-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('startedOn');
    const ok = await dcpo.post('/api/v1/care/family-placements', {
      childId: b,
      kind: 'foster',
      carer: 'Family F',
      orderRef: 'CWC/AMR/2026/95',
      approvedOn: '2026-09-01',
      startedOn: '2026-09-10',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(mine((await dcpo.get('/api/v1/care/family-placements?kind=foster')).json().items)).toEqual([b]);
  });

  it('computes the district’s progress against its targets from the records', async () => {
    const res = await dcpo.get('/api/v1/care/targets?year=2026-27');
    expect(res.statusCode, res.body).toBe(200);
    const [amr] = res.json().items;
    expect(res.json().items).toHaveLength(1);
    expect(amr.measures.find((x: { measure: string }) => x.measure === 'restored').target).toBe(24);
    const now = await measures();
    const grew = Object.fromEntries(Object.keys(now).map((m) => [m, now[m] - before[m]]));
    expect(grew).toEqual({ restored: 1, followUps: 1, familyBased: 1, fosterApproved: 1, diverted: 0, inspected: 0 });
    expect(amr.byMonth.find((x: { month: string }) => x.month === '2026-07').restored).toBe(1);
    expect((await dcpo.get('/api/v1/care/targets?year=2030-31')).statusCode).toBe(400);
  });
});
