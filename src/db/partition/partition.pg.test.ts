import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
// @ts-expect-error node-postgres's own value encoder (arrays as array literals), untyped
import { prepareValue } from 'pg/lib/utils.js';
import type { Database } from '../client';
import { createScratchDatabase, type ScratchDatabase } from '../scratch';
import { seedDemo } from '../../demo/seed';
import { DEMO_PASSWORD } from '../../demo/users';
import { buildApp } from '../../http/app';
import { addState, convertTable, moveDistrict, PARTITIONABLE_TABLES, partitionedTables } from './partition';
import { BIG_FOUR, convertReferenced, REFERENCED_TABLES } from './referenced';
import { intakeBody } from '../../cases/cases.testkit';
import { missingReport } from '../../missing/missing.testkit';
import { multipart } from '../../missing/photos.fixtures';
import { hashPassword } from '../../auth/passwords';

/**
 * State partitioning (issue #19): the demo (Maharashtra) in PostgreSQL, every partitionable
 * table converted; a state-scoped query touches one partition; a district moved to Madhya
 * Pradesh lands in its partition. PostgreSQL only: the embedded database has no partitions
 * (the migrations create plain tables for both; partitioning is a PostgreSQL operator's step).
 */
const PG = process.env.TEST_DATABASE_URL || '';
const AMRAVATI = 468;
const BHOPAL = 396;
/** Converted after the first session's 18 (docs/SCALE.md §3): the referenced ones and the rest. */
const LATER_REFERENCED: readonly string[] = REFERENCED_TABLES.filter((t) => !(BIG_FOUR as readonly string[]).includes(t));
const LATER_UNREFERENCED = ['care_foster_lapse_alert', 'care_foster_renewal', 'care_sponsorship_renewal', 'record_merge', 'case_due'];
const LATER = [...LATER_REFERENCED, ...LATER_UNREFERENCED];

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
  let moved: Record<string, number> = {};
  /** The composite keys to the tables converted later, with their columns. */
  const laterKeys = () =>
    db.query<{ name: string; from: string; to: string; col: string; link: string }>(
      `SELECT c.conname AS name, c.conrelid::regclass::text AS "from", c.confrelid::regclass::text AS "to",
              a1.attname AS col, a2.attname AS link FROM pg_constraint c
         JOIN pg_attribute a1 ON a1.attrelid = c.conrelid AND a1.attnum = c.conkey[1]
         JOIN pg_attribute a2 ON a2.attrelid = c.conrelid AND a2.attnum = c.conkey[2]
        WHERE c.contype = 'f' AND c.conparentid = 0 AND array_length(c.conkey, 1) = 2 AND c.confrelid::regclass::text = ANY ($1)`,
      [LATER_REFERENCED],
    );
  /** The keys with a row whose link column is not its referenced row's state. */
  const staleLinks = async () => {
    const out: string[] = [];
    for (const k of await laterKeys())
      if (await count(`${k.from} f JOIN ${k.to} r ON r.id = f.${k.col}`, `f.${k.link} IS DISTINCT FROM r.state_code`)) out.push(k.name);
    return out;
  };
  /** Single-column foreign keys to the tables converted after the big four, before conversion. */
  const inboundBefore: Record<string, number> = {};
  const count = async (table: string, where = 'true') =>
    Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0].n);

  beforeAll(async () => {
    db = await createScratchDatabase({ postgresUrl: PG, prefix: 'samanvay_partition', states: [27, 23] });
    await seedDemo(db);
    for (const t of [...PARTITIONABLE_TABLES, ...REFERENCED_TABLES]) before[t] = await count(t);
    for (const t of LATER_REFERENCED) inboundBefore[t] = await count('pg_constraint', `contype = 'f' AND confrelid = '${t}'::regclass`);
    for (const t of PARTITIONABLE_TABLES) await convertTable(db, t);
    for (const t of REFERENCED_TABLES) await convertReferenced(db, t);
  }, 300_000);
  afterAll(() => db?.drop());

  it('converts every listed table, keeping its rows, with a partition per state and a default', async () => {
    expect(await partitionedTables(db)).toEqual([...PARTITIONABLE_TABLES, ...REFERENCED_TABLES].sort());
    for (const t of [...PARTITIONABLE_TABLES, ...REFERENCED_TABLES]) expect(await count(t), t).toBe(before[t]);
    for (const t of REFERENCED_TABLES) expect(await count(`${t}_s27`), t).toBe(before[t]);
    expect(before.case_action).toBeGreaterThan(0);
    expect(await count('case_action_s27')).toBe(before.case_action);
    expect(await count('case_action_s23')).toBe(0);
    // Indexes are per partition: the parent's (case_id, seq, state_code) key exists on the state's partition.
    const [ix] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_index WHERE indrelid = 'case_action_s27'::regclass AND indisunique",
    );
    expect(Number(ix.n)).toBeGreaterThan(0);
  });

  const relationsOf = async (sql: string) => {
    const [{ 'QUERY PLAN': plan }] = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`);
    const relations = new Set<string>();
    const walk = (n: Record<string, unknown>) => {
      if (typeof n['Relation Name'] === 'string') relations.add(n['Relation Name']);
      for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(c);
    };
    walk((plan as { Plan: Record<string, unknown> }[])[0].Plan);
    return [...relations];
  };

  it('prunes a state-scoped query to that state’s partition', async () => {
    const [{ id }] = await db.query<{ id: string }>('SELECT case_id AS id FROM case_action LIMIT 1');
    expect(await relationsOf(`SELECT * FROM case_action WHERE state_code = 27 AND case_id = '${id}'`)).toEqual(['case_action_s27']);
    for (const t of BIG_FOUR) {
      const [row] = await db.query<{ id: string }>(`SELECT id FROM ${t} LIMIT 1`);
      expect(await relationsOf(`SELECT * FROM ${t} WHERE state_code = 27 AND id = '${row.id}'`), t).toEqual([`${t}_s27`]);
      expect(await relationsOf(`SELECT count(*) FROM ${t} WHERE state_code = 23`), t).toEqual([`${t}_s23`]);
    }
  });

  it('keeps every foreign key to the big four, composite through the referenced row’s state: orphans refused', async () => {
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND conparentid = 0 AND array_length(conkey, 1) = 2
          AND confrelid::regclass::text IN ('child', 'family', 'case_record', 'missing_record')`,
    );
    expect(Number(n)).toBe(51);
    const [c] = await db.query<{ id: string; child_id: string }>(`SELECT id, child_id FROM case_record WHERE child_id IS NOT NULL LIMIT 1`);
    await expect(db.query(`UPDATE case_record SET child_id = gen_random_uuid() WHERE id = $1`, [c.id])).rejects.toThrow(/foreign key/);
    await expect(db.query(`DELETE FROM child WHERE id = $1`, [c.child_id])).rejects.toThrow(/foreign key/);
    const [m] = await db.query<{ family_id: string }>(`SELECT family_id FROM family_member LIMIT 1`);
    await expect(
      db.query(
        `INSERT INTO family_member (family_id, name, relationship) SELECT gen_random_uuid(), name, relationship FROM family_member LIMIT 1`,
      ),
    ).rejects.toThrow(/foreign key/);
    // The link column is the referenced row's state, filled by the database, not by the code.
    const [fm] = await db.query<{ s: number }>(`SELECT family_id_state_code AS s FROM family_member WHERE family_id = $1 LIMIT 1`, [
      m.family_id,
    ]);
    expect(Number(fm.s)).toBe(27);
  });

  it('converts the referenced care, scheme, convergence and document tables and the rest: rows, pruning, composite keys', async () => {
    for (const t of LATER) expect(await count(`${t}_s27`), t).toBe(before[t]);
    // The demo writes most of them; an empty one is still converted (and checked by the plans below).
    expect(LATER.filter((t) => before[t] > 0).length).toBeGreaterThanOrEqual(LATER.length / 2);
    for (const t of LATER) {
      const key = t === 'case_due' ? 'case_id' : 'id';
      const [row] = await db.query<{ id: string }>(`SELECT ${key}::text AS id FROM ${t} LIMIT 1`);
      const id = row?.id ?? '00000000-0000-0000-0000-000000000000'; // every key here is a uuid
      const lit = `'${id}'`;
      expect(await relationsOf(`SELECT * FROM ${t} WHERE state_code = 27 AND ${key} = ${lit}`), t).toEqual([`${t}_s27`]);
    }
    // Each key to them is composite now, through its link column, which holds the referenced row's state.
    const keys = await laterKeys();
    for (const t of LATER_REFERENCED) expect(keys.filter((k) => k.to === t).length, t).toBe(inboundBefore[t]);
    expect(keys.length).toBeGreaterThanOrEqual(LATER_REFERENCED.length);
    expect(await staleLinks()).toEqual([]);
    // A placement naming no carer is refused (MATCH FULL: the trigger leaves its link NULL); an application with steps cannot go.
    await db.exec(`CREATE TEMP TABLE one_placement AS SELECT * FROM care_family_placement LIMIT 1;
      UPDATE one_placement SET id = gen_random_uuid(), carer_id = gen_random_uuid();`);
    expect(await count('one_placement')).toBe(1);
    await expect(db.query('INSERT INTO care_family_placement SELECT * FROM one_placement')).rejects.toThrow(/foreign key/);
    const [step] = await db.query<{ id: string }>('SELECT application_id AS id FROM scheme_application_step LIMIT 1');
    await expect(db.query('DELETE FROM scheme_application WHERE id = $1', [step.id])).rejects.toThrow(/foreign key/);
  });

  it('follows a case transferred to another state: the row moves partition, its history and references follow', async () => {
    const [c] = await db.query<{ id: string }>(
      `SELECT r.id FROM case_record r WHERE r.district_code <> ${AMRAVATI} AND EXISTS (SELECT 1 FROM case_action a WHERE a.case_id = r.id) LIMIT 1`,
    );
    const actions = await count('case_action', `case_id = '${c.id}'`);
    await db.query(`UPDATE case_record SET state_code = 23 WHERE id = $1`, [c.id]);
    expect(await count('case_record_s23', `id = '${c.id}'`)).toBe(1);
    // The history keeps the state each action was written in; its link to the case follows.
    expect(await count('case_action', `case_id = '${c.id}' AND case_id_state_code = 23 AND state_code = 27`)).toBe(actions);
    await expect(db.query(`UPDATE case_action SET type = type WHERE case_id = $1`, [c.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM case_action WHERE case_id = $1`, [c.id])).rejects.toThrow(/append-only/);
    await db.query(`UPDATE case_record SET state_code = 27 WHERE id = $1`, [c.id]);
    expect(await count('case_action', `case_id = '${c.id}' AND case_id_state_code = 27`)).toBe(actions);
  });

  it('keeps the append-only guard and the views that read a converted table', async () => {
    await expect(db.query('UPDATE case_action SET type = type WHERE state_code = 27')).rejects.toThrow(/append-only/);
    await expect(db.query('SELECT count(*) FROM dash_child')).resolves.toBeDefined();
  });

  it('serves the app as before: a child registered, a case opened, a note, a missing report', async () => {
    const app = await buildApp(
      {
        database: db,
        db: db.db,
        now: () => new Date(),
        config: { filesDir: '/tmp/samanvay-partition-test', webDir: null, secureCookies: false },
      },
      { logger: false },
    );
    const as = async (username: string) => {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      return { authorization: `Bearer ${/samanvay_session=([^;]+)/.exec(String(login.headers['set-cookie']))![1]}` };
    };
    try {
      const headers = await as('dcpo.amravati');
      const worker = await as('caseworker.amravati');
      const child = await app.inject({
        method: 'POST',
        url: '/api/v1/children',
        headers: worker,
        payload: { name: 'Partition Kale', sex: 'female', careStatus: 'birth_family', locationId: 'vi:demo-wadali', dob: '2015-01-01' },
      });
      expect(child.statusCode, child.body).toBe(201);
      const childId = child.json().id as string;
      expect(await count('child_s27', `id = '${childId}'`)).toBe(1);
      const opened = await app.inject({ method: 'POST', url: '/api/v1/cases', headers: worker, payload: intakeBody(childId) });
      expect(opened.statusCode, opened.body).toBe(201);
      const caseId = opened.json().id as string;
      expect(await count('case_record_s27', `id = '${caseId}' AND child_id_state_code = 27`)).toBe(1);
      const note = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/actions`,
        headers: worker,
        payload: { type: 'note', text: 'Partition check' },
      });
      expect(note.statusCode, note.body).toBe(201);
      const read = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: worker });
      expect(read.statusCode).toBe(200);
      expect(read.body).toContain('Partition check');
      expect(await count('case_action_s27', `case_id = '${caseId}' AND type = 'note' AND case_id_state_code = 27`)).toBe(1);
      const [kid] = await db.query<{ id: string; village_id: string }>(
        `SELECT id, village_id FROM child WHERE district_code = ${AMRAVATI} AND care_status = 'birth_family' AND village_id IS NOT NULL ORDER BY id LIMIT 1`,
      );
      const report = missingReport({ childId: kid.id, villageId: kid.village_id, place: undefined, lastSeenOn: '2026-02-20' });
      const reported = await app.inject({
        method: 'POST',
        url: '/api/v1/missing/reports',
        ...multipart([{ name: 'data', value: JSON.stringify(report) }], headers),
      });
      expect(reported.statusCode, reported.body).toBe(201);
      expect(await count('missing_record_s27', `id = '${reported.json().id}' AND child_id_state_code = 27`)).toBe(1);
    } finally {
      await app.close();
    }
  });

  /** The statements the app sends while `run` runs (every pool query and transaction statement passes Client.query). */
  async function statementsOf(run: () => Promise<unknown>): Promise<{ text: string; values: unknown[] }[]> {
    const seen: { text: string; values: unknown[] }[] = [];
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const [a, b] = args as [string | { text: string; values?: unknown[] }, unknown];
      if (typeof a === 'string') seen.push({ text: a, values: Array.isArray(b) ? b : [] });
      else if (a && typeof a === 'object' && typeof a.text === 'string')
        // The values argument first: node-postgres writes it into the config object it is given, and a
        // query built once (src/db/prepared.ts) passes the same config every time, so `a.values` holds
        // the previous execution's values until this call replaces them.
        seen.push({ text: a.text, values: Array.isArray(b) ? b : (a.values ?? []) });
      return (original as (...x: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      await run();
    } finally {
      pg.Client.prototype.query = original;
    }
    return seen;
  }

  /**
   * The partitions (`<table>_s<state>`, `_sdefault`) a statement's plan reads, with the statement's
   * own values: `main` those of the statement's own rows, `sub` those of its sub-queries (SubPlan,
   * InitPlan: the non-disclosure checks, for instance). `executed`: the statement is run (EXPLAIN
   * ANALYZE, in a transaction rolled back) and only the partitions it read count: a sub-query
   * correlated with the outer row (`state_code = ANY(case_record.action_states)`) is pruned only at
   * execution, where its plan lists every partition and EXPLAIN ANALYZE marks those it pruned
   * "never executed" (Actual Loops 0) or leaves them out ("Subplans Removed").
   */
  async function partitionsOf(st: { text: string; values: unknown[] }, executed = false): Promise<{ main: string[]; sub: string[] }> {
    const explain = `EXPLAIN (${executed ? 'ANALYZE, COSTS OFF, ' : ''}FORMAT JSON) ${st.text}`;
    let plan: unknown;
    if (!executed) [{ 'QUERY PLAN': plan }] = await db.query<{ 'QUERY PLAN': unknown }>(explain, st.values);
    else
      await db
        .transaction(async (tx) => {
          [{ 'QUERY PLAN': plan }] = await tx.query<{ 'QUERY PLAN': unknown }>(explain, st.values);
          throw ROLLBACK;
        })
        .catch((e: unknown) => {
          if (e !== ROLLBACK) throw e;
        });
    const main = new Set<string>();
    const sub = new Set<string>();
    const walk = (n: Record<string, unknown>, inSub: boolean) => {
      const below = inSub || n['Parent Relationship'] === 'SubPlan' || n['Parent Relationship'] === 'InitPlan';
      const rel = n['Relation Name'];
      const read = !executed || Number(n['Actual Loops']) > 0;
      if (typeof rel === 'string' && /_s(\d+|default)$/.test(rel) && read) (below ? sub : main).add(rel);
      for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(c, below);
    };
    walk((plan as { Plan: Record<string, unknown> }[])[0].Plan, false);
    return { main: [...main].sort(), sub: [...sub].sort() };
  }
  const ROLLBACK = new Error('rolled back: the statement was run for its plan only');

  /**
   * While `run` runs: the state partitions that the statements reading a case's history and its
   * projections' rows read when run (`tables`: the row lock's sub-queries too, which read the history
   * and the stored projections in the states the locked row names), and those of the case's row
   * lock's own rows (`lock`).
   */
  async function caseTablePartitions(
    caseId: string,
    run: () => Promise<unknown>,
  ): Promise<{ tables: string[]; lock: string[]; lockPlanned: string[] }> {
    const tables = new Set<string>();
    const lock = new Set<string>();
    const lockPlanned = new Set<string>();
    for (const st of await statementsOf(run)) {
      if (!st.values.includes(caseId)) continue;
      const perCase = /from "?case_action"?|from case_due|delete from "case_(due|referral|convergence_flag)"/i.test(st.text);
      const locking = /from "case_record".*for update/is.test(st.text);
      if (!perCase && !locking) continue;
      const p = await partitionsOf(st, true);
      if (perCase) for (const r of locking ? p.sub : [...p.main, ...p.sub]) tables.add(r);
      if (locking) for (const r of p.main) lock.add(r);
      if (locking) for (const r of (await partitionsOf(st)).sub) lockPlanned.add(r);
    }
    return { tables: [...tables].sort(), lock: [...lock].sort(), lockPlanned: [...lockPlanned].sort() };
  }

  async function appOn() {
    const app = await buildApp(
      {
        database: db,
        db: db.db,
        now: () => new Date(),
        config: { filesDir: '/tmp/samanvay-partition-test', webDir: null, secureCookies: false },
      },
      { logger: false },
    );
    const as = async (username: string) => {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(login.statusCode, login.body).toBe(200);
      return { authorization: `Bearer ${/samanvay_session=([^;]+)/.exec(String(login.headers['set-cookie']))![1]}` };
    };
    return { app, as };
  }

  it("plans a district officer's child-by-id and case-by-id reads against the state's partition only", async () => {
    const { app, as } = await appOn();
    try {
      const headers = await as('dcpo.amravati');
      const [c] = await db.query<{ id: string; child_id: string }>(
        `SELECT r.id, r.child_id FROM case_record r JOIN child k ON k.id = r.child_id WHERE r.district_code = ${AMRAVATI} AND k.state_code = 27 LIMIT 1`,
      );
      const childReads = await statementsOf(async () => {
        const res = await app.inject({ method: 'GET', url: `/api/v1/children/${c.child_id}`, headers });
        expect(res.statusCode, res.body).toBe(200);
      });
      const childById = childReads.filter((st) => /from "child"/i.test(st.text) && st.values.includes(c.child_id));
      expect(childById.length, JSON.stringify(childReads.map((st) => [st.text.slice(0, 300), st.values.slice(0, 4)]))).toBeGreaterThan(0);
      for (const st of childById) expect((await partitionsOf(st)).main, st.text).toEqual(['child_s27']);

      const caseReads = await statementsOf(async () => {
        const res = await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().view).toBe('full');
      });
      const caseById = caseReads.filter((st) => /from "case_record"/i.test(st.text) && st.values.includes(c.id));
      expect(caseById.length).toBe(1); // the case read once, in the actor's state: no fallback
      const read = await partitionsOf(caseById[0]);
      expect(read.main).toEqual(['case_record_s27', 'child_s27']);
      // The non-disclosure checks read the orders alone (each carries its case's place, child and team,
      // kept by triggers, migration 1111): no case_record partition at all, wherever the ordered case is.
      expect(read.sub.filter((p) => p.startsWith('case_record_'))).toEqual([]);
      expect(read.sub.filter((p) => p.startsWith('child_') && !p.endsWith('_s27'))).toEqual([]);
      // Its history, from the states the case names (case_record.action_states, migration 1200): it
      // never left Maharashtra, so one case_action partition, not every state's.
      const historyReads = caseReads.filter((st) => /from "case_action"/i.test(st.text) && st.values.includes(c.id));
      expect(historyReads.length).toBe(1);
      expect((await partitionsOf(historyReads[0])).main).toEqual(['case_action_s27']);
      // A note on it: the lock, the history, the duplicate check and the projections' rows all in _s27.
      const noted = await caseTablePartitions(c.id, async () => {
        const res = await app.inject({
          method: 'POST',
          url: `/api/v1/cases/${c.id}/actions`,
          headers,
          payload: { type: 'note', text: 'Pruned' },
        });
        expect(res.statusCode, res.body).toBe(201);
      });
      expect(noted.tables).toEqual(['case_action_s27', 'case_convergence_flag_s27', 'case_due_s27', 'case_referral_s27']);
      expect(noted.lock).toEqual(['case_record_s27']);
      // The lock reads the history and the projections itself (issue #19): its plan names every state's
      // partitions (the states come from the locked row), and only Maharashtra's are read when it runs.
      expect(noted.lockPlanned).toEqual(
        expect.arrayContaining(['case_action_s23', 'case_action_sdefault', 'case_due_s23', 'case_action_s27']),
      );
      // getCase (the attachments list, the access log, orders, care stays): by id in the actor's state,
      // one partition of case_record and of child, read once (no fallback for a case of the state).
      const attachmentReads = await statementsOf(async () => {
        const res = await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/attachments`, headers });
        expect(res.statusCode, res.body).toBe(200);
      });
      const gets = attachmentReads.filter((st) => /from "case_record"/i.test(st.text) && st.values.includes(c.id));
      expect(gets.length).toBe(1);
      expect((await partitionsOf(gets[0])).main).toEqual(['case_record_s27', 'child_s27']);
      // A lookup by id alone plans every partition; a national officer's reads stay so.
      const wide = await partitionsOf({ text: 'SELECT 1 FROM case_record WHERE id = $1', values: [c.id] });
      expect(wide.main.length).toBeGreaterThan(2);
    } finally {
      await app.close();
    }
  });

  it('generic plans (named statements, DB_NAMED_STATEMENTS): the search and the case read use their index, partitions pruned at execution', async () => {
    // What PostgreSQL may switch a named statement to after five executions: the plan for any values.
    // enable_seqscan off: the demo's tables are small enough for a sequential scan to be cheapest in any
    // plan; the question here is whether the generic plan CAN reach the index (its conditions on
    // parameters) and prune the other states' partitions once the values are known.
    // With statistics, as a server has them once autovacuum has run (or ANALYZE after `samanvay
    // partition`): without them, right after conversion, the generic search plan took the state_code
    // index (every child of the state) over the name keys' GIN index.
    await db.query('ANALYZE child, case_record');
    const { app, as } = await appOn();
    try {
      const headers = await as('dcpo.amravati');
      const [c] = await db.query<{ id: string; name: string }>(
        `SELECT r.id, k.name FROM case_record r JOIN child k ON k.id = r.child_id WHERE r.district_code = ${AMRAVATI} AND k.state_code = 27 LIMIT 1`,
      );
      const sent = await statementsOf(async () => {
        for (const url of [`/api/v1/children?q=${encodeURIComponent(c.name)}`, `/api/v1/cases/${c.id}`]) {
          const res = await app.inject({ method: 'GET', url, headers });
          expect(res.statusCode, res.body).toBe(200);
        }
      });
      const search = sent.find((st) => /from "child"/i.test(st.text) && /name_keys/.test(st.text));
      const view = sent.find((st) => /case_view/.test(st.text) && st.values.includes(c.id));
      expect(search, 'the search statement').toBeTruthy();
      expect(view, 'the case view statement').toBeTruthy();
      const generic = (st: { text: string; values: unknown[] }, name: string) =>
        db.transaction(async (tx) => {
          await tx.query('SET LOCAL plan_cache_mode = force_generic_plan');
          await tx.query('SET LOCAL enable_seqscan = off');
          await tx.query(`PREPARE ${name} AS ${st.text}`);
          const args = st.values.map((v) => (v == null ? 'NULL' : pg.escapeLiteral(String(prepareValue(v))))).join(', ');
          const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) EXECUTE ${name}(${args})`);
          await tx.query(`DEALLOCATE ${name}`);
          return rows.map((r) => r['QUERY PLAN']).join('\n');
        });
      const searchPlan = await generic(search!, 'generic_search');
      expect(searchPlan, searchPlan).toMatch(/Bitmap Index Scan on child_s27_name_keys_idx\s+Index Cond: \(name_keys @> \$\d+\)/);
      expect(searchPlan).toMatch(/Subplans Removed: 2/); // child_s23 and child_sdefault, pruned at execution
      expect(searchPlan).not.toMatch(/on child_s(23|default)/);
      const viewPlan = await generic(view!, 'generic_case_view');
      expect(viewPlan).toMatch(
        /Index Scan using case_record_s27_pkey on case_record_s27\s.*\s+Index Cond: \(\(id = \$\d+\) AND \(state_code = \$\d+\)\)/,
      );
      expect(viewPlan).toMatch(/Index Scan using child_s27_pkey on child_s27/);
      expect(viewPlan).not.toMatch(/on (case_record|child)_s(23|default)/);
    } finally {
      await app.close();
    }
  });

  it('transfers a case to another state through the API: partition, history links, who sees it', async () => {
    // The receiving district's unit and officer (the demo has Maharashtra's only).
    const [{ id: bhopalUnit }] = await db.query<{ id: string }>(
      `INSERT INTO organisation (name, kind, state_code, district_code, level, place_id)
       VALUES ('DCPU Bhopal', 'DCPU', 23, ${BHOPAL}, 'district', 'di:${BHOPAL}') RETURNING id`,
    );
    await db.query(
      `INSERT INTO app_user (username, display_name, password_hash, role, organisation_id, scope_level, jurisdiction_id, state_code, district_code)
       VALUES ('dcpo.bhopal', 'DCPO Bhopal', $1, 'dcpu_officer', $2, 'district', 'di:${BHOPAL}', 23, ${BHOPAL})`,
      [await hashPassword(DEMO_PASSWORD), bhopalUnit],
    );
    const { app, as } = await appOn();
    try {
      const [worker, amravati, bhopal] = [await as('caseworker.amravati'), await as('dcpo.amravati'), await as('dcpo.bhopal')];
      const child = await app.inject({
        method: 'POST',
        url: '/api/v1/children',
        headers: worker,
        payload: { name: 'Transfer Wankhade', sex: 'female', careStatus: 'birth_family', locationId: 'vi:demo-wadali', dob: '2014-03-01' },
      });
      expect(child.statusCode, child.body).toBe(201);
      const childId = child.json().id as string;
      const opened = await app.inject({ method: 'POST', url: '/api/v1/cases', headers: worker, payload: intakeBody(childId) });
      expect(opened.statusCode, opened.body).toBe(201);
      const caseId = opened.json().id as string;
      const act = (headers: Record<string, string>, payload: Record<string, unknown>) =>
        app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/actions`, headers, payload });
      expect((await act(worker, { type: 'note', text: 'Before the transfer' })).statusCode).toBe(201);
      // A referral to Amravati's Education Department: the department keeps its view across the border.
      const [{ id: education }] = await db.query<{ id: string }>(
        `SELECT organisation_id AS id FROM app_user WHERE username = 'nodal.education'`,
      );
      const referral = {
        type: 'referral',
        referralId: 'edu-x',
        need: 'school admission',
        domain: 'education_training',
        to: { orgId: education },
      };
      expect((await act(worker, referral)).statusCode).toBe(201);
      // A CWC non-disclosure order on the case (JJ Act 2015 s.74): it must follow the case to Bhopal.
      await db.query(
        `INSERT INTO case_non_disclosure_order (case_id, state_code, district_code, order_ref, ordered_on, set_by, set_at)
         VALUES ($1, 0, 0, 'CWC/AMR/1', '2026-01-01', (SELECT id FROM app_user WHERE username = 'caseworker.amravati'), now())`,
        [caseId],
      );
      // JJ Act 2015 s.95: to the child's home district, Bhopal (Madhya Pradesh); its DCPU by default.
      const req = await act(worker, { type: 'transfer_requested', toDistrictCode: BHOPAL, reason: 'family traced to Bhopal' });
      expect(req.statusCode, req.body).toBe(201);
      expect(req.json().state.transfer.pending).toMatchObject({ toStateCode: '23', toDistrictCode: String(BHOPAL), toUnit: bhopalUnit });
      // The receiving unit reads the pending case (in Maharashtra's partition still) to decide.
      expect(await count('case_record_s27', `id = '${caseId}'`)).toBe(1);
      expect(await count('case_due_s27', `case_id = '${caseId}'`)).toBeGreaterThan(0);
      expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: bhopal })).json().view).toBe('full');
      const accepted = await act(bhopal, { type: 'transfer_accepted' });
      expect(accepted.statusCode, accepted.body).toBe(201);
      expect(accepted.json().place).toMatchObject({ stateCode: 23, districtCode: BHOPAL });

      // The case moved partition; its history keeps where each action was written, its link follows.
      expect(await count('case_record_s23', `id = '${caseId}'`)).toBe(1);
      expect(await count('case_record_s27', `id = '${caseId}'`)).toBe(0);
      // Its due items too (key (case_id, kind, ref, state_code), migration 1170): one row each, none left behind.
      const dues = await count('case_due_s23', `case_id = '${caseId}'`);
      expect(dues).toBeGreaterThan(0);
      expect(await count('case_due_s27', `case_id = '${caseId}'`)).toBe(0);
      expect(await count(`(SELECT DISTINCT kind, ref FROM case_due WHERE case_id = '${caseId}') d`)).toBe(dues);
      const actions = await count('case_action', `case_id = '${caseId}'`);
      expect(actions).toBeGreaterThanOrEqual(4);
      expect(await count('case_action', `case_id = '${caseId}' AND case_id_state_code = 23`)).toBe(actions);
      expect(await count('case_action', `case_id = '${caseId}' AND state_code = 27`)).toBeGreaterThanOrEqual(3);
      // The child stays in its state's registry (the app moves a child only with its district,
      // move-district); the case's link to it still names Maharashtra.
      expect(await count('child_s27', `id = '${childId}'`)).toBe(1);
      expect(await count('case_record', `id = '${caseId}' AND child_id_state_code = 27`)).toBe(1);

      // The order moved with the case (its place and team are the case's: the identity check reads them).
      const [order] = await db.query<Record<string, unknown>>(
        'SELECT state_code, district_code, child_id, owner_unit_id FROM case_non_disclosure_order WHERE case_id = $1',
        [caseId],
      );
      expect(order).toEqual({ state_code: 23, district_code: BHOPAL, child_id: childId, owner_unit_id: bhopalUnit });
      // The receiving officer sees it and works it; the sending district no longer sees it.
      let read = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: bhopal });
      const reads = await statementsOf(async () => {
        read = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: bhopal });
      });
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json().view).toBe('full');
      expect(read.body).toContain('Before the transfer');
      expect((read.json().history as { seq: number }[]).map((h) => h.seq)).toEqual(Array.from({ length: actions }, (_, i) => i + 1));
      // Its history from exactly the two states it has been in (migration 1200), not every state's.
      expect(await count('case_record', `id = '${caseId}' AND action_states @> '{23,27}' AND action_states <@ '{23,27}'`)).toBe(1);
      const historyReads = reads.filter((st) => /from "case_action"/i.test(st.text) && st.values.includes(caseId));
      expect(historyReads.length).toBe(1);
      expect((await partitionsOf(historyReads[0])).main).toEqual(['case_action_s23', 'case_action_s27']);
      const noted = await caseTablePartitions(caseId, async () => {
        expect((await act(bhopal, { type: 'note', text: 'Received in Bhopal' })).statusCode).toBe(201);
      });
      // The history and the projections' rows in its two states only.
      expect(noted.tables.filter((r) => !/_s(23|27)$/.test(r))).toEqual([]);
      expect(noted.tables.filter((r) => r.startsWith('case_action_'))).toEqual(['case_action_s23', 'case_action_s27']);
      expect(noted.lock).toEqual(['case_record_s23']);
      expect(await count('case_action_s23', `case_id = '${caseId}' AND type = 'note'`)).toBe(1);
      expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: amravati })).statusCode).toBe(404);
      // The referral moved with the case (the access rule reads it in the case's own state's partition).
      expect(await count('case_referral_s23', `case_id = '${caseId}'`)).toBe(1);
      expect(await count('case_referral_s27', `case_id = '${caseId}'`)).toBe(0);
      const referred = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: await as('nodal.education') });
      expect(referred.statusCode, referred.body).toBe(200);
      expect(referred.json().view).toBe('referral');
      expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: worker })).statusCode).toBe(404);
      const list = await app.inject({ method: 'GET', url: `/api/v1/cases?pageSize=100`, headers: bhopal });
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items.map((i: { id: string }) => i.id)).toContain(caseId);
    } finally {
      await app.close();
    }
  });

  it('refuses, naming the reason, a table already converted or still referenced', async () => {
    await expect(convertTable(db, 'child')).rejects.toThrow(/already partitioned/);
    await expect(convertTable(db, 'village_survey')).rejects.toThrow(/referenced by survey_visit/);
    await expect(convertTable(db, 'case_attachment')).rejects.toThrow(/unique index case_attachment_stored_name_key/);
    await expect(convertReferenced(db, 'helpline_call')).rejects.toThrow(/unique index helpline_call_partner_ref/);
  });

  it('adds a state: a partition on every partitioned table, rows written before it moved out of the default', async () => {
    // A row of a state with no partition yet lands in the default partition.
    await db.exec(`CREATE TEMP TABLE one_action AS SELECT * FROM case_action LIMIT 1;
      UPDATE one_action SET state_code = 38, client_id = NULL, seq = seq + 100000; -- one action, one state
      INSERT INTO case_action SELECT * FROM one_action;`);
    // A family of that state, referenced by a member: its partition is taken off to move it.
    await db.exec(`CREATE TEMP TABLE one_family AS SELECT * FROM family LIMIT 1;
      UPDATE one_family SET id = gen_random_uuid(), state_code = 38;
      INSERT INTO family SELECT * FROM one_family;
      INSERT INTO family_member (family_id, name, relationship) SELECT id, 'Partition', 'mother' FROM one_family;`);
    const inDefault = await count('case_action_sdefault', 'state_code = 38');
    expect(inDefault).toBe(1);
    expect(await count('family_sdefault', 'state_code = 38')).toBe(1);
    const made = await addState(db, 38);
    expect(made).toContain('case_action_s38');
    expect(made.length).toBe(PARTITIONABLE_TABLES.length + REFERENCED_TABLES.length);
    expect(await count('case_action_s38')).toBe(inDefault);
    expect(await count('case_action_sdefault', 'state_code = 38')).toBe(0);
    expect(await count('family_s38 f JOIN family_member m ON m.family_id = f.id AND m.family_id_state_code = 38')).toBe(1);
    await expect(db.query(`DELETE FROM family WHERE state_code = 38`)).rejects.toThrow(/foreign key/);
    expect(await addState(db, 38)).toEqual([]);
  });

  it('moves a district to another state: every row that names it, into the new state’s partitions', async () => {
    const ofAmravati = await count('case_action', `district_code = ${AMRAVATI}`);
    const children = await count('child', `district_code = ${AMRAVATI}`);
    expect(ofAmravati).toBeGreaterThan(0);
    const res = await moveDistrict(db, AMRAVATI, 23);
    moved = res.moved;
    expect(res.moved.case_action).toBe(ofAmravati);
    expect(res.moved.child).toBe(children);
    expect(await count('case_action_s23', `district_code = ${AMRAVATI}`)).toBe(ofAmravati);
    expect(await count('case_action_s27', `district_code = ${AMRAVATI}`)).toBe(0);
    // The referenced rows moved partition; every reference to them followed (ON UPDATE CASCADE).
    expect(await count('child_s23', `district_code = ${AMRAVATI}`)).toBe(children);
    expect(await count('case_record r JOIN child c ON c.id = r.child_id', `r.child_id_state_code <> c.state_code`)).toBe(0);
    expect(res.withoutDistrict).toContain('audit_event');
    const [loc] = await db.query<{ parent_id: string }>(`SELECT parent_id FROM location WHERE level = 'district' AND district_code = $1`, [
      AMRAVATI,
    ]);
    expect(loc.parent_id).toBe('st:23');
    // The guard is back on after the move.
    await expect(db.query('UPDATE case_action SET type = type WHERE state_code = 23')).rejects.toThrow(/append-only/);
  });
  it('moved the district’s rows of the tables converted later too, every link following (after the move above)', async () => {
    let inAmravati = 0;
    for (const t of LATER) {
      const n = await count(t, `district_code = ${AMRAVATI}`);
      inAmravati += n;
      expect(await count(`${t}_s23`, `district_code = ${AMRAVATI}`), t).toBe(n);
      expect(await count(`${t}_s27`, `district_code = ${AMRAVATI}`), t).toBe(0);
      if (n) expect(moved[t], t).toBeGreaterThan(0);
    }
    expect(inAmravati).toBeGreaterThan(0);
    expect(await staleLinks()).toEqual([]);
    for (const t of LATER_REFERENCED) expect(await count(`${t}_s23`), t).toBe(await count(t, `state_code = 23`));
  });
});
