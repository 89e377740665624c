import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client';
import { createScratchDatabase, type ScratchDatabase } from '../scratch';
import { seedDemo } from '../../demo/seed';
import { DEMO_PASSWORD } from '../../demo/users';
import { buildApp } from '../../http/app';
import { addState, convertTable, moveDistrict, PARTITIONABLE_TABLES, partitionedTables } from './partition';

/**
 * State partitioning (issue #19): the demo (Maharashtra) in PostgreSQL, every partitionable
 * table converted; a state-scoped query touches one partition; a district moved to Madhya
 * Pradesh lands in its partition. PostgreSQL only: the embedded database has no partitions
 * (the migrations create plain tables for both; partitioning is a PostgreSQL operator's step).
 */
const PG = process.env.TEST_DATABASE_URL || '';
const AMRAVATI = 468;

describe('partitioning on the embedded database', () => {
  it('is refused with the reason (PGlite stays unpartitioned)', async () => {
    const embedded = { kind: 'pglite' } as Database; // refused before any query
    await expect(convertTable(embedded, 'case_action')).rejects.toThrow(/PostgreSQL/);
    await expect(addState(embedded, 38)).rejects.toThrow(/PostgreSQL/);
  });
});

describe.skipIf(!PG)('state partitioning on PostgreSQL (skipped on PGlite: no partitions there)', () => {
  let db: ScratchDatabase;
  const before: Record<string, number> = {};
  const count = async (table: string, where = 'true') =>
    Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0].n);

  beforeAll(async () => {
    db = await createScratchDatabase({ postgresUrl: PG, prefix: 'samanvay_partition', states: [27, 23] });
    await seedDemo(db);
    for (const t of PARTITIONABLE_TABLES) before[t] = await count(t);
    for (const t of PARTITIONABLE_TABLES) await convertTable(db, t);
  }, 300_000);
  afterAll(() => db?.drop());

  it('converts every listed table, keeping its rows, with a partition per state and a default', async () => {
    expect(await partitionedTables(db)).toEqual([...PARTITIONABLE_TABLES].sort());
    for (const t of PARTITIONABLE_TABLES) expect(await count(t), t).toBe(before[t]);
    expect(before.case_action).toBeGreaterThan(0);
    expect(await count('case_action_s27')).toBe(before.case_action);
    expect(await count('case_action_s23')).toBe(0);
    // Indexes are per partition: the parent's (case_id, seq, state_code) key exists on the state's partition.
    const [ix] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_index WHERE indrelid = 'case_action_s27'::regclass AND indisunique",
    );
    expect(Number(ix.n)).toBeGreaterThan(0);
  });

  it('prunes a state-scoped query to that state’s partition', async () => {
    const [{ id }] = await db.query<{ id: string }>('SELECT case_id AS id FROM case_action LIMIT 1');
    const [{ 'QUERY PLAN': plan }] = await db.query<{ 'QUERY PLAN': unknown }>(
      `EXPLAIN (FORMAT JSON) SELECT * FROM case_action WHERE state_code = 27 AND case_id = '${id}'`,
    );
    const relations = new Set<string>();
    const walk = (n: Record<string, unknown>) => {
      if (typeof n['Relation Name'] === 'string') relations.add(n['Relation Name']);
      for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(c);
    };
    walk((plan as { Plan: Record<string, unknown> }[])[0].Plan);
    expect([...relations]).toEqual(['case_action_s27']);
  });

  it('keeps the append-only guard and the views that read a converted table', async () => {
    await expect(db.query('UPDATE case_action SET type = type WHERE state_code = 27')).rejects.toThrow(/append-only/);
    await expect(db.query('SELECT count(*) FROM dash_child')).resolves.toBeDefined();
  });

  it('serves the app as before: a case note written and read back through the API', async () => {
    const app = await buildApp(
      {
        database: db,
        db: db.db,
        now: () => new Date(),
        config: { filesDir: '/tmp/samanvay-partition-test', webDir: null, secureCookies: false },
      },
      { logger: false },
    );
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'dcpo.amravati', password: DEMO_PASSWORD },
      });
      const token = /samanvay_session=([^;]+)/.exec(String(login.headers['set-cookie']))![1];
      const headers = { authorization: `Bearer ${token}` };
      const [c] = await db.query<{ id: string }>(
        `SELECT id FROM case_record WHERE district_code = ${AMRAVATI} AND status <> 'closed' LIMIT 1`,
      );
      const note = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/actions`,
        headers,
        payload: { type: 'note', text: 'Partition check' },
      });
      expect(note.statusCode).toBe(201);
      const read = await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers });
      expect(read.statusCode).toBe(200);
      expect(read.body).toContain('Partition check');
      expect(await count('case_action_s27', `case_id = '${c.id}' AND type = 'note'`)).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });

  it('refuses a table that foreign keys reference, naming them', async () => {
    await expect(convertTable(db, 'child')).rejects.toThrow(/referenced by/);
  });

  it('adds a state: a partition on every partitioned table, rows written before it moved out of the default', async () => {
    // A row of a state with no partition yet lands in the default partition.
    await db.exec(`CREATE TEMP TABLE one_action AS SELECT * FROM case_action LIMIT 1;
      UPDATE one_action SET state_code = 38, client_id = NULL, seq = seq + 100000; -- one action, one state
      INSERT INTO case_action SELECT * FROM one_action;`);
    const inDefault = await count('case_action_sdefault', 'state_code = 38');
    expect(inDefault).toBe(1);
    const made = await addState(db, 38);
    expect(made).toContain('case_action_s38');
    expect(made.length).toBe(PARTITIONABLE_TABLES.length);
    expect(await count('case_action_s38')).toBe(inDefault);
    expect(await count('case_action_sdefault', 'state_code = 38')).toBe(0);
    expect(await addState(db, 38)).toEqual([]);
  });

  it('moves a district to another state: every row that names it, into the new state’s partitions', async () => {
    const ofAmravati = await count('case_action', `district_code = ${AMRAVATI}`);
    const children = await count('child', `district_code = ${AMRAVATI}`);
    expect(ofAmravati).toBeGreaterThan(0);
    const res = await moveDistrict(db, AMRAVATI, 23);
    expect(res.moved.case_action).toBe(ofAmravati);
    expect(res.moved.child).toBe(children);
    expect(await count('case_action_s23', `district_code = ${AMRAVATI}`)).toBe(ofAmravati);
    expect(await count('case_action_s27', `district_code = ${AMRAVATI}`)).toBe(0);
    expect(res.withoutDistrict).toContain('audit_event');
    const [loc] = await db.query<{ parent_id: string }>(`SELECT parent_id FROM location WHERE level = 'district' AND district_code = $1`, [
      AMRAVATI,
    ]);
    expect(loc.parent_id).toBe('st:23');
    // The guard is back on after the move.
    await expect(db.query('UPDATE case_action SET type = type WHERE state_code = 23')).rejects.toThrow(/append-only/);
  });
});
