import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { seedDemo } from '../demo/seed';
import { seedCare } from './care.seed';
import { seedCareExtras } from './care-extras.seed';

/**
 * The demo's later care additions (care-extras.seed.ts): a foster family whose home-study profile
 * matches a demo child, an SAA, a child handed over for adoption and one declared free and waiting;
 * seeding again (as `npm start` does on every start) changes nothing.
 */
let t: TestApp;
const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);
const counts = () =>
  q<{ saa: number; handoffs: number; carers: number; cases: number }>(
    `SELECT (SELECT count(*)::int FROM care_institution WHERE type = 'saa') AS saa,
            (SELECT count(*)::int FROM care_adoption_handoff) AS handoffs,
            (SELECT count(*)::int FROM care_foster_carer) AS carers,
            (SELECT count(*)::int FROM case_record) AS cases`,
  ).then((r) => r[0]);

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-12-01T10:00:00+05:30') });
});
afterAll(() => t.close());

describe('the demo: foster matching and adoption hand-offs', () => {
  it('has an approved family with its profile that Foster matching offers for a demo child', async () => {
    const [family] = await q<{ capacity: number; prefers_sex: string; languages: string[]; status: string }>(
      `SELECT capacity, prefers_sex, languages, status FROM care_foster_carer WHERE name = 'Shri Imran and Smt. Rukhsana Shaikh'`,
    );
    expect(family).toMatchObject({ capacity: 2, prefers_sex: 'any', languages: ['hindi', 'urdu'], status: 'approved' });
    const [kid] = await q<{ id: string }>(
      `SELECT c.id FROM child c WHERE c.district_code = 468 AND c.dob BETWEEN '2015-01-01' AND '2019-12-31'
         AND NOT EXISTS (SELECT 1 FROM care_family_placement p WHERE p.child_id = c.id) ORDER BY c.name, c.id LIMIT 1`,
    );
    const dcpo = await t.login('dcpo.amravati');
    const res = await dcpo.get(`/api/v1/care/foster-matches?childId=${kid.id}&languages=hindi`);
    expect(res.statusCode, res.body).toBe(200);
    const shaikh = res.json().candidates.find((c: { carer: { name: string } }) => c.carer.name.includes('Shaikh'));
    expect(shaikh).toMatchObject({ freePlaces: 2 });
    expect(shaikh.reasons.map((r: { code: string }) => r.code)).toContain('language_shared');
  });

  it('has an SAA, one child handed over and one declared legally free (s.38) not yet handed over', async () => {
    const dcpo = await t.login('dcpo.amravati');
    const items = (await dcpo.get('/api/v1/care/adoption-handoffs')).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'handed_over', handedOverOn: '2026-11-05', declaredFreeOn: '2026-10-28' });
    const waiting = await q<{ child_id: string }>(
      `SELECT r.child_id FROM case_record r JOIN case_action a ON a.case_id = r.id
        WHERE a.payload->>'orderType' = 'lfa_declaration'
          AND NOT EXISTS (SELECT 1 FROM care_adoption_handoff h WHERE h.child_id = r.child_id)`,
    );
    expect(waiting).toHaveLength(1);
  });

  it('seeds nothing more when run again', async () => {
    const before = await counts();
    expect(before.saa).toBe(1);
    expect(await seedDemo(t.ctx.database)).toBe(false);
    expect(await seedCare(t.ctx.database)).toBe(false);
    expect(await seedCareExtras(t.ctx.database)).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
