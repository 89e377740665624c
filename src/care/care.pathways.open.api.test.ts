import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { caseKit, ist, type Kit } from '../cases/cases.testkit';

/**
 * Opening a reintegration pathway (issue #14): the DCPU opens one and may assign it to a Center
 * for Excellence; an NGO's caseworker (care.reintegrate) opens one too, always for its own NGO;
 * a role with neither right is refused.
 */
let t: TestApp;
let k: Kit;
let children: string[];
let ngoId: string;
const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  children = (
    await q<{ id: string }>(
      `SELECT id FROM child c WHERE district_code = 468 AND NOT EXISTS (SELECT 1 FROM care_reintegration r WHERE r.child_id = c.id)
       ORDER BY name, id LIMIT 3`,
    )
  ).map((r) => r.id);
  ngoId = k.org('Care Collective Center for Excellence');
});
afterAll(() => t.close());

describe('opening a reintegration pathway', () => {
  it("by an NGO's caseworker: assigned to its own NGO, which then sees it; another NGO named is refused on the field", async () => {
    const ngo = await k.as('ngo.amravati');
    const other = await ngo.post('/api/v1/care/reintegration', { childId: children[0], ngoId: children[1], on: '2026-11-30' });
    expect(other.statusCode).toBe(400);
    expect(other.json().issues[0].field).toBe('ngoId');
    const res = await ngo.post('/api/v1/care/reintegration', {
      childId: children[0],
      kind: 'kinship',
      on: '2026-11-30',
      note: 'referred by the CCI',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ childId: children[0], ngoId, kind: 'kinship', stage: 'identified', stageOn: '2026-11-30' });
    const rows = await q<{ ngo_id: string; kind: string; stage: string }>(
      'SELECT ngo_id, kind, stage FROM care_reintegration WHERE child_id = $1',
      [children[0]],
    );
    expect(rows).toEqual([{ ngo_id: ngoId, kind: 'kinship', stage: 'identified' }]);
    const listed = (await ngo.get('/api/v1/care/reintegration')).json().items.map((p: { childId: string }) => p.childId);
    expect(listed).toContain(children[0]);
  });

  it('by the DCPU, unassigned; a role without the right is refused', async () => {
    const dcpo = await k.as('dcpo.amravati');
    const res = await dcpo.post('/api/v1/care/reintegration', { childId: children[1], on: '2026-11-30' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ngoId: null, kind: 'parents' });
    const odd = await dcpo.post('/api/v1/care/reintegration', { childId: children[2], kind: 'orphanage', on: '2026-11-30' });
    expect(odd.statusCode).toBe(400);
    expect(odd.json().issues[0].field).toBe('kind');
    const auditor = await k.as('auditor.mh');
    expect((await auditor.post('/api/v1/care/reintegration', { childId: children[2], on: '2026-11-30' })).statusCode).toBe(403);
  });
});
