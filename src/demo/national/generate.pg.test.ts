import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../db/scratch';
import pg from 'pg';
import { apportion, generateNational, type GenerateResult } from './generate';
import { deferIndexes, deferrable, restoreDeferred } from './defer';
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

/**
 * Every index and constraint of the schema, as the catalog has it (definition and validity):
 * what a load that defers the indexes and foreign keys must give back exactly.
 */
const CATALOG = `
  SELECT 'index' AS kind, c.relname AS name, t.relname AS table_name, pg_get_indexdef(x.indexrelid) AS definition,
         x.indisvalid AND x.indisready AS ok
    FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
   WHERE t.relnamespace = 'public'::regnamespace
  UNION ALL
  SELECT 'constraint', conname, conrelid::regclass::text, pg_get_constraintdef(oid), convalidated
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
   ORDER BY 1, 3, 2`;

describe.skipIf(!PG)('generate-national --defer-indexes on PostgreSQL', () => {
  let db: ScratchDatabase;
  let url: string;
  const opts = { seed: 7, children: 300, states: [27, 33], chunkChildren: 80 };
  const TABLES = ['family', 'child', 'case_record', 'case_action', 'missing_record', 'scheme_application'];

  beforeAll(async () => {
    db = await createScratchDatabase({ postgresUrl: PG, prefix: 'samanvay_national_defer', states: [27, 33] });
    const [{ name }] = await db.query<{ name: string }>('SELECT current_database() AS name');
    const u = new URL(PG);
    u.pathname = `/${name}`;
    url = u.toString();
  }, 120_000);
  afterAll(() => db?.drop());

  it('loads with the indexes and foreign keys off and gives every one of them back, as it was', async () => {
    const before = await db.query(CATALOG);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const planned = await deferrable(client, TABLES).finally(() => client.end());
    // The migrations' own: GIN on the search keys, the case list's B-trees, the foreign keys to child and family.
    expect(planned.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        'child_name_keys_idx',
        'case_record_scope_due_idx',
        'missing_record_keys_found_idx',
        'case_record_child_id_fkey',
      ]),
    );
    const lines: string[] = [];
    // Chunks of 40 children: with the foreign keys off two connections load them, in turn.
    const res = await generateNational(url, { ...opts, deferIndexes: true, chunkChildren: 40, log: (l) => lines.push(l) });
    expect(await db.query(CATALOG)).toEqual(before);
    expect(await db.query('SELECT * FROM national_load_deferred')).toEqual([]);
    // Each was really taken off and built again (not left standing): one line per index and foreign key.
    const rebuilt = lines.filter((l) => /^(built index|added and validated foreign key) /.test(l)).length;
    const all = await new pg.Client({ connectionString: url });
    await all.connect();
    const everyTable = await deferrable(all, [
      'organisation',
      'family',
      'family_member',
      'child',
      'case_record',
      'case_action',
      'missing_record',
      'convergence_group',
      'convergence_meeting',
      'scheme_application',
      'scheme_application_step',
    ]).finally(() => all.end());
    expect(rebuilt).toBe(everyTable.length);
    expect(res.phases.indexes).toBeGreaterThanOrEqual(0);
    expect(res.phases.foreign_keys).toBeGreaterThanOrEqual(0);
    // The rows are the same as a load with the indexes on: the digest of the same seed.
    const plain = await generateNational(url, { ...opts, chunkChildren: 40, dryRun: true });
    expect(res.digest).toBe(plain.digest);
    expect(Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM child'))[0].n)).toBe(300);
    // The rebuilt indexes answer: the search-key GIN and the foreign keys hold the loaded rows.
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM child c WHERE NOT EXISTS (SELECT 1 FROM family f WHERE f.id = c.family_id)`,
    );
    expect(n).toBe(0);
  }, 120_000);

  it('a load stopped after the drop leaves what is missing listed, and the next run builds it first', async () => {
    const before = await db.query(CATALOG);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const off = await deferIndexes(client, TABLES, () => undefined);
      expect(off.length).toBeGreaterThan(5);
      // Stopped here: the indexes are gone and listed.
      expect(await db.query(CATALOG)).not.toEqual(before);
      const listed = await db.query<{ name: string }>('SELECT name FROM national_load_deferred ORDER BY name');
      expect(listed.map((r) => r.name)).toEqual(off.map((d) => d.name).sort());
      // A broken foreign key is not given back unchecked: the validation refuses it and it stays listed.
      const {
        rows: [kid],
      } = await client.query<{ id: string; family_id: string }>('SELECT id, family_id FROM child ORDER BY id LIMIT 1');
      await client.query(`UPDATE child SET family_id = '00000000-0000-4000-8000-00000000dead' WHERE id = $1`, [kid.id]);
      await expect(restoreDeferred(client, () => undefined)).rejects.toThrow(/foreign key/);
      expect((await db.query<{ name: string }>('SELECT name FROM national_load_deferred')).map((r) => r.name)).toContain(
        'child_family_id_fkey',
      );
      await client.query('UPDATE child SET family_id = $2 WHERE id = $1', [kid.id, kid.family_id]);
      // The next run loads another seed: its districts' convergence groups would be the second ones.
      await client.query('DELETE FROM convergence_meeting');
      await client.query('DELETE FROM convergence_group');
    } finally {
      await client.end();
    }
    // The next run (a dry run writes nothing; this one loads another seed) builds them before loading.
    await generateNational(url, { ...opts, seed: 8, states: [27], children: 50 });
    expect(await db.query(CATALOG)).toEqual(before);
    expect(await db.query('SELECT * FROM national_load_deferred')).toEqual([]);
  }, 120_000);
});
