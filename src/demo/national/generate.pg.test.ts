import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../db/scratch';
import { apportion, generateNational, type GenerateResult } from './generate';
import { isInScript } from './scripts';

/**
 * The national generator on a tiny set (Maharashtra and Tamil Nadu, 200 children): the same
 * seed gives the same rows, another seed other rows, and what lands in PostgreSQL holds
 * together. PostgreSQL only: the generator streams COPY, which the embedded database is not for.
 */
const PG = process.env.TEST_DATABASE_URL || '';

describe.skipIf(!PG)('generate-national on PostgreSQL', () => {
  let db: ScratchDatabase;
  let url: string;
  let res: GenerateResult;
  const opts = { seed: 5, children: 200, states: [27, 33], chunkChildren: 60 };

  beforeAll(async () => {
    db = await createScratchDatabase({ postgresUrl: PG, prefix: 'samanvay_national', states: [27, 33] });
    const [{ name }] = await db.query<{ name: string }>('SELECT current_database() AS name');
    const u = new URL(PG);
    u.pathname = `/${name}`;
    url = u.toString();
    res = await generateNational(url, opts);
  }, 120_000);
  afterAll(() => db?.drop());

  const one = async (sql: string) => Number((await db.query<{ n: number }>(sql))[0].n);

  it('is deterministic by seed: a dry run gives the same digest, another seed another one', async () => {
    const again = await generateNational(url, { ...opts, dryRun: true });
    expect(again.digest).toBe(res.digest);
    expect({ ...again.rows, organisation: 0 }).toEqual({ ...res.rows, organisation: 0 });
    const other = await generateNational(url, { ...opts, seed: 6, dryRun: true });
    expect(other.digest).not.toBe(res.digest);
  });

  it('writes what it counted, with children shared between the states by population', async () => {
    expect(await one('SELECT count(*)::int AS n FROM child')).toBe(200);
    for (const t of [
      'family',
      'family_member',
      'case_record',
      'case_action',
      'missing_record',
      'convergence_meeting',
      'scheme_application',
    ])
      expect(await one(`SELECT count(*)::int AS n FROM ${t}`), t).toBe(res.rows[t]);
    const [mh, tn] = apportion(200, [112_374, 72_147]);
    expect(await one('SELECT count(*)::int AS n FROM child WHERE state_code = 27')).toBe(mh);
    expect(await one('SELECT count(*)::int AS n FROM child WHERE state_code = 33')).toBe(tn);
    expect(res.rows.case_record).toBeGreaterThan(15);
  });

  it('keeps every record in one place: children with their family, cases with their child, places in LGD', async () => {
    const broken = await db.query(`
      SELECT 'child-family' AS what, c.id FROM child c JOIN family f ON f.id = c.family_id
       WHERE (f.state_code, f.district_code) IS DISTINCT FROM (c.state_code, c.district_code)
      UNION ALL SELECT 'case-child', r.id FROM case_record r JOIN child c ON c.id = r.child_id
       WHERE (r.state_code, r.district_code, r.family_id) IS DISTINCT FROM (c.state_code, c.district_code, c.family_id)
      UNION ALL SELECT 'district', c.id FROM child c
       WHERE NOT EXISTS (SELECT 1 FROM location l WHERE l.id = 'di:' || c.district_code AND l.state_code = c.state_code)
      UNION ALL SELECT 'block', c.id FROM child c
       WHERE c.block_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM location l WHERE l.level = 'block' AND l.block_code = c.block_code AND l.district_code = c.district_code)
      UNION ALL SELECT 'owner', r.id FROM case_record r
       WHERE NOT EXISTS (SELECT 1 FROM organisation o WHERE o.id = r.owner_unit_id AND o.kind = 'DCPU' AND o.district_code = r.district_code)
      UNION ALL SELECT 'history', r.id FROM case_record r
       WHERE (SELECT count(*) FROM case_action a WHERE a.case_id = r.id) <> (SELECT max(seq) FROM case_action a WHERE a.case_id = r.id)
          OR (SELECT type FROM case_action a WHERE a.case_id = r.id AND seq = 1) <> 'intake'
          OR (r.status = 'closed') <> EXISTS (SELECT 1 FROM case_action a WHERE a.case_id = r.id AND a.type = 'closure')
      UNION ALL SELECT 'missing-child', m.id FROM missing_record m JOIN child c ON c.id = m.child_id
       WHERE m.district_code <> c.district_code
      UNION ALL SELECT 'scheme', s.id FROM scheme_application s JOIN child c ON c.id = s.child_id
       WHERE s.family_id <> c.family_id OR s.district_code <> c.district_code`);
    expect(broken).toEqual([]);
    expect(await one('SELECT count(*)::int AS n FROM missing_record WHERE cardinality(block_keys) = 0 AND name IS NOT NULL')).toBe(0);
  });

  it('writes names in the state’s script, with search keys', async () => {
    const rows = await db.query<{ state_code: number; name: string; name_local: string; keys: number }>(
      'SELECT state_code, name, name_local, cardinality(name_keys) AS keys FROM child',
    );
    for (const r of rows) {
      expect(isInScript(r.name, 'latin'), r.name).toBe(true);
      expect(isInScript(r.name_local, r.state_code === 27 ? 'devanagari' : 'tamil'), r.name_local).toBe(true);
      expect(r.keys).toBeGreaterThan(0);
    }
  });
});
