import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';

/**
 * Issue #14: the district's children declared legally free for adoption (JJ Act 2015 s.38, an
 * `lfa_declaration` CWC order on a case) and not yet handed to an SAA, for the Adoption hand-offs
 * screen to pick from. The demo (care-extras.seed.ts) declares two infants free and hands one over.
 * The case and child rules are in the query (another district sees none); the read is audited.
 */
let t: TestApp;
let dcpo: Client;
const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);
type Free = { childId: string; name: string | null; caseId: string; caseNumber: number; declaredFreeOn: string; orderRef: string | null };
const list = async (c: Client = dcpo) => {
  const res = await c.get('/api/v1/care/legally-free-children');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Free[];
};

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-12-01T10:00:00+05:30') });
  dcpo = await t.login('dcpo.amravati');
});
afterAll(() => t.close());

describe('children declared legally free for adoption, not yet handed over', () => {
  it('lists the declared child still waiting, with its case and declaration; not the one handed over', async () => {
    const items = await list();
    const [handed] = await q<{ child_id: string }>('SELECT child_id FROM care_adoption_handoff');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ declaredFreeOn: '2026-10-28', orderRef: 'CWC/AMR/LFA/2026/15' });
    expect(items[0].name).toBeTruthy();
    expect(items[0].childId).not.toBe(handed.child_id);
    const [kase] = await q<{ child_id: string }>('SELECT child_id FROM case_record WHERE id = $1', [items[0].caseId]);
    expect(kase.child_id).toBe(items[0].childId);
    const [audited] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'list' AND entity_type = 'child'
         AND details->>'purpose' = 'legally_free_for_adoption'`,
    );
    expect(audited.n).toBeGreaterThan(0);
  });

  it('another district sees none of them', async () => {
    expect(await list(await t.login('dcpo.akola'))).toEqual([]);
  });

  it('a child handed over leaves the list, and comes back when the SAA returns the child to the CWC', async () => {
    const [waiting] = await list();
    const [saa] = await q<{ organisation_id: string }>(`SELECT organisation_id FROM care_institution WHERE type = 'saa'`);
    const made = await dcpo.post('/api/v1/care/adoption-handoffs', {
      childId: waiting.childId,
      caseId: waiting.caseId,
      saaId: saa.organisation_id,
      handedOverOn: '2026-11-30',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(await list()).toEqual([]);
    const back = await dcpo.patch(`/api/v1/care/adoption-handoffs/${made.json().id}`, { status: 'returned', on: '2026-12-01', version: 1 });
    expect(back.statusCode, back.body).toBe(200);
    expect((await list()).map((i) => i.childId)).toEqual([waiting.childId]);
  });
});

describe('the district occupancy figures and the SAA', () => {
  it("count children's institutions only: the SAA's places (infants under adoption, s.65) are not sanctioned CCI places", async () => {
    const occ = (await dcpo.get('/api/v1/care/occupancy')).json().items as {
      level: string;
      code: number;
      institutions: number;
      sanctioned: number;
    }[];
    const amravati = occ.find((o) => o.level === 'district' && o.code === 468)!;
    const [cci] = await q<{ n: number; places: number }>(
      `SELECT count(DISTINCT i.organisation_id)::int AS n,
              (SELECT coalesce(sum((slot->>'places')::int), 0)::int FROM care_institution j, jsonb_array_elements(j.capacity) slot
                WHERE j.district_code = 468 AND j.type <> 'saa') AS places
         FROM care_institution i WHERE i.district_code = 468 AND i.type <> 'saa'`,
    );
    expect(amravati).toMatchObject({ institutions: cci.n, sanctioned: cci.places });
    const [saa] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM care_institution WHERE district_code = 468 AND type = 'saa'`);
    expect(saa.n).toBe(1);
  });
});
