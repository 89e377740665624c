import type { Database, RawTx } from '../client';

/**
 * State partitioning on PostgreSQL (issue #19, docs/SCALE.md §3): a table holding personal data
 * becomes `PARTITION BY LIST (state_code)`, one partition per state plus a default one, its
 * indexes created on the parent (so every partition has its own). The migrations stay one set
 * for PGlite and PostgreSQL and create plain tables; this is an operator's step on a PostgreSQL
 * server (`samanvay partition …`), run once, after which later migrations still apply (ALTER
 * TABLE … ADD COLUMN and CREATE INDEX recurse into partitions).
 *
 * Here: tables that no foreign key references (a partitioned table's primary key must contain
 * `state_code`, which `REFERENCES child(id)` does not name). The referenced big four — child,
 * family, case_record, missing_record — are converted by referenced.ts, which rewrites their 51
 * inbound keys as composite ones around this conversion (see docs/SCALE.md §3).
 */

/**
 * The personal-data tables with `state_code` and `district_code` that no foreign key references
 * and whose keys the code names in ON CONFLICT only with state_code (an arbiter must match a
 * unique index exactly, and the partitioned key gains state_code): case_due since migration 1170;
 * not case_non_disclosure_order (ON CONFLICT (case_id)), case_attachment and
 * helpline_partner_message (file names and partner message ids must stay unique across states).
 * The tables other tables reference are in referenced.ts.
 */
export const PARTITIONABLE_TABLES = [
  'case_action',
  'case_referral',
  'case_convergence_flag',
  'assessment',
  'scheme_application_step',
  'missing_restoration',
  'document_event',
  'document_request',
  'convergence_action_event',
  'care_aftercare_plan',
  'care_adoption_handoff',
  'care_inspection',
  'care_movement_request',
  'care_payment',
  'care_foster_lapse_alert',
  'care_foster_renewal',
  'care_sponsorship_renewal',
  'record_merge',
  'case_due',
] as const;

/**
 * Unique indexes that may gain state_code: each is scoped by a record that lives in one state
 * (a case, a placement, a child, a match), so unique per state is unique.
 */
const UNIQUE_WITHIN_ONE_STATE = new Set([
  'case_action_client_idx',
  'missing_restoration_match_id_key',
  'care_payment_placement_id_month_key',
  'care_aftercare_one_active_idx',
  'care_adoption_open_idx',
  // Scoped by a record whose state the row copies (the carer's, the stay's, the child's, the
  // subject's, the merged record's), and moved with it by move-district.
  'care_foster_renewal_open_idx',
  'care_plan_stay_idx',
  'care_reintegration_child_open_idx',
  'care_sponsorship_open_child_idx',
  'scheme_application_open_idx',
  'record_merge_live_idx',
  // One open stay per child: a stay's state is its institution's, so per state is weaker; the
  // admission takes a lock on the child before its check (care/stays.service.ts admit), and a
  // transfer closes the stay it replaces first.
  'care_stay_one_open_idx',
  // Drawn from one identity sequence shared by every partition: unique per state is unique.
  'case_record_number_key',
  'missing_record_number_key',
  // A random public reference (31^10 values, missing/domain/reference.ts): unique per state; the
  // insert retries on any conflict (ON CONFLICT DO NOTHING without a target, which PGlite's
  // single-column index and the partitioned (reference, state_code) one both arbitrate).
  'missing_record_reference_idx',
]);

/** Partition of `table` for state `code` (LGD state code), or its default partition. */
export const partitionName = (table: string, code: number | 'default') => (code === 'default' ? `${table}_sdefault` : `${table}_s${code}`);

export const ident = (s: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`not a plain identifier: ${s}`);
  return `"${s}"`;
};

function requirePostgres(database: Database) {
  if (database.kind !== 'postgres') throw new Error('partitioning is for PostgreSQL; the embedded database stays unpartitioned');
}

/** The tables already partitioned by state_code. */
export async function partitionedTables(database: Database): Promise<string[]> {
  const rows = await database.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid
      WHERE c.relnamespace = 'public'::regnamespace AND p.partstrat = 'l'
        AND (SELECT attname FROM pg_attribute WHERE attrelid = c.oid AND attnum = p.partattrs[0]) = 'state_code'
      ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** Why `table` cannot be converted (empty when it can). */
export async function conversionBlockers(tx: Pick<RawTx, 'query'>, table: string): Promise<string[]> {
  const [rel] = await tx.query<{ kind: string; state: boolean }>(
    `SELECT c.relkind AS kind, EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = c.oid AND attname = 'state_code' AND NOT attisdropped) AS state
       FROM pg_class c WHERE c.oid = to_regclass($1)`,
    [`public.${table}`],
  );
  if (!rel) return [`${table}: no such table`];
  if (rel.kind === 'p') return [`${table}: already partitioned`];
  const out: string[] = [];
  if (!rel.state) out.push(`${table}: has no state_code column`);
  const fks = await tx.query<{ name: string; from: string }>(
    `SELECT conname AS name, conrelid::regclass::text AS "from" FROM pg_constraint WHERE contype = 'f' AND confrelid = to_regclass($1) AND conparentid = 0`, // not a partition's copy
    [`public.${table}`],
  );
  for (const f of fks) out.push(`${table}: referenced by ${f.from}.${f.name} (its key would have to include state_code)`);
  const uniques = await tx.query<{ name: string }>(
    `SELECT ic.relname AS name FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE i.indrelid = to_regclass($1) AND i.indisunique AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attname = 'state_code' AND a.attnum = ANY (i.indkey))`,
    [`public.${table}`],
  );
  for (const u of uniques.filter((x) => !UNIQUE_WITHIN_ONE_STATE.has(x.name)))
    out.push(`${table}: unique index ${u.name} does not include state_code`);
  const mviews = await tx.query<{ name: string }>(
    `SELECT DISTINCT v.relname AS name FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class
      WHERE d.refobjid = to_regclass($1) AND v.relkind = 'm'`,
    [`public.${table}`],
  );
  for (const m of mviews) out.push(`${table}: materialized view ${m.name} reads it`);
  return out;
}

/** `CREATE UNIQUE INDEX … (a, b) WHERE …` → `… (a, b, state_code) WHERE …`. */
export function withStateCode(def: string): string {
  const m = /^(CREATE UNIQUE INDEX .+? USING \w+ \()(.+?)(\)( WHERE .*)?)$/.exec(def);
  if (!m) throw new Error(`cannot extend index definition: ${def}`);
  return `${m[1]}${m[2]}, state_code${m[3]}`;
}

/** The states a table needs partitions for: every state in LGD `location` and in the data. */
async function stateCodes(tx: Pick<RawTx, 'query'>, table: string): Promise<number[]> {
  const rows = await tx.query<{ code: number }>(
    `SELECT code::int FROM (SELECT state_code AS code FROM location WHERE level = 'state'
                             UNION SELECT DISTINCT state_code FROM ${ident(table)}) s ORDER BY 1`,
  );
  return rows.map((r) => Number(r.code));
}

/**
 * Converts one table, in one transaction (the table is locked for the copy): the old table is
 * renamed, the partitioned one created LIKE it (defaults, checks, identity), its primary key
 * extended with state_code, its indexes, foreign keys and triggers recreated, the rows copied,
 * views that read it pointed at the new table, and the old one dropped.
 */
export async function convertTable(database: Database, table: string): Promise<{ partitions: number; rows: number }> {
  requirePostgres(database);
  return database.transaction((tx) => convertWithin(tx, table));
}

/** {@link convertTable} inside the caller's transaction (referenced.ts drops inbound foreign keys first). */
export async function convertWithin(tx: Pick<RawTx, 'query'>, table: string): Promise<{ partitions: number; rows: number }> {
  {
    const t = ident(table);
    await tx.query(`LOCK TABLE ${t} IN ACCESS EXCLUSIVE MODE`);
    const blockers = await conversionBlockers(tx, table);
    if (blockers.length) throw new Error(`cannot partition ${table}: ${blockers.join('; ')}`);
    const oid = `public.${table}`;
    const [pk] = await tx.query<{ name: string; cols: string[] }>(
      `SELECT conname AS name, array_agg(a.attname ORDER BY k.n)::text[] AS cols
         FROM pg_constraint c CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY k(attnum, n)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        WHERE c.conrelid = to_regclass($1) AND c.contype = 'p' GROUP BY conname`,
      [oid],
    );
    const indexes = await tx.query<{ name: string; def: string }>(
      `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
        WHERE i.indrelid = to_regclass($1) AND NOT i.indisprimary`,
      [oid],
    );
    const fks = await tx.query<{ name: string; def: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = to_regclass($1) AND contype = 'f' AND conparentid = 0`, // not the clones that point at each partition of a partitioned table
      [oid],
    );
    const triggers = await tx.query<{ def: string }>(
      `SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgrelid = to_regclass($1) AND NOT tgisinternal`,
      [oid],
    );
    const views = await tx.query<{ name: string; def: string }>(
      `SELECT DISTINCT v.relname AS name, pg_get_viewdef(v.oid) AS def FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
         JOIN pg_class v ON v.oid = r.ev_class WHERE d.refobjid = to_regclass($1) AND v.relkind = 'v' AND v.oid <> d.refobjid`,
      [oid],
    );
    // Sequences of serial columns belong to the old table and would go with it.
    const owned = await tx.query<{ seq: string; col: string }>(
      `SELECT s.relname AS seq, a.attname AS col FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
         JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE d.refobjid = to_regclass($1) AND d.deptype = 'a'`,
      [oid],
    );
    const identity = await tx.query<{ col: string }>(
      `SELECT attname AS col FROM pg_attribute WHERE attrelid = to_regclass($1) AND attidentity <> '' AND NOT attisdropped`,
      [oid],
    );
    const codes = await stateCodes(tx, table);

    const old = ident(`${table}__unpartitioned`);
    await tx.query(`ALTER TABLE ${t} RENAME TO ${old}`);
    // Index names are schema-wide: the old ones step aside so the new ones keep their names.
    for (const ix of [...indexes, ...(pk ? [{ name: pk.name }] : [])])
      await tx.query(`ALTER INDEX ${ident(ix.name)} RENAME TO ${ident(`${ix.name}__old`.slice(-63))}`);
    await tx.query(
      `CREATE TABLE ${t} (LIKE ${old} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY INCLUDING STORAGE INCLUDING COMMENTS)
         PARTITION BY LIST (state_code)`,
    );
    for (const c of [...codes, 'default' as const])
      await tx.query(
        `CREATE TABLE ${ident(partitionName(table, c))} PARTITION OF ${t} ${c === 'default' ? 'DEFAULT' : `FOR VALUES IN (${Number(c)})`}`,
      );
    if (pk) {
      const cols = pk.cols.includes('state_code') ? pk.cols : [...pk.cols, 'state_code'];
      await tx.query(`ALTER TABLE ${t} ADD CONSTRAINT ${ident(pk.name)} PRIMARY KEY (${cols.map(ident).join(', ')})`);
    }
    // The definition names the table, now the partitioned one; a unique one gains state_code.
    for (const ix of indexes) await tx.query(UNIQUE_WITHIN_ONE_STATE.has(ix.name) ? withStateCode(ix.def) : ix.def);
    for (const s of owned) await tx.query(`ALTER SEQUENCE ${ident(s.seq)} OWNED BY ${t}.${ident(s.col)}`);
    const [{ rows }] = await tx.query<{ rows: number }>(
      `WITH moved AS (INSERT INTO ${t} OVERRIDING SYSTEM VALUE SELECT * FROM ${old} RETURNING 1) SELECT count(*)::int AS rows FROM moved`,
    );
    for (const c of identity)
      await tx.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT max(${ident(c.col)}) FROM ${t}), 1), (SELECT count(*) > 0 FROM ${t}))`,
        [table, c.col],
      );
    for (const fk of fks) await tx.query(`ALTER TABLE ${t} ADD CONSTRAINT ${ident(fk.name)} ${fk.def}`);
    for (const v of views) await tx.query(`CREATE OR REPLACE VIEW ${ident(v.name)} AS ${v.def}`);
    await tx.query(`DROP TABLE ${old}`);
    for (const tr of triggers) await tx.query(tr.def);
    return { partitions: codes.length + 1, rows: Number(rows) };
  }
}

/**
 * Adds a state's partition to every partitioned table (a new state or union territory in LGD):
 * its rows, if any were written before, move out of the default partition, which PostgreSQL
 * requires to hold none of the new partition's values.
 */
export async function addState(database: Database, code: number): Promise<string[]> {
  requirePostgres(database);
  if (!Number.isInteger(code) || code < 1) throw new Error('state: an LGD state code');
  const tables = await partitionedTables(database);
  return database.transaction(async (tx) => {
    const made: string[] = [];
    for (const table of tables) {
      const name = partitionName(table, code);
      const [exists] = await tx.query(`SELECT 1 FROM pg_class WHERE oid = to_regclass($1)`, [`public.${name}`]);
      if (exists) continue;
      const t = ident(table);
      const def = ident(partitionName(table, 'default'));
      const [{ n }] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${def} WHERE state_code = $1`, [code]);
      if (!Number(n)) {
        // PostgreSQL checks the default partition holds none of the new values while creating it.
        await tx.query(`CREATE TABLE ${ident(name)} PARTITION OF ${t} FOR VALUES IN (${code})`);
        made.push(name);
        continue;
      }
      // Rows to move: the default partition comes off, which PostgreSQL refuses while other
      // tables reference its rows; their keys step aside and are re-added (and re-checked) after.
      const inbound = await tx.query<{ name: string; from: string; def: string }>(
        `SELECT conname AS name, conrelid::regclass::text AS "from", pg_get_constraintdef(oid) AS def FROM pg_constraint
          WHERE contype = 'f' AND confrelid = to_regclass($1) AND conparentid = 0`,
        [`public.${table}`],
      );
      for (const k of inbound) await tx.query(`ALTER TABLE ${ident(k.from)} DROP CONSTRAINT ${ident(k.name)}`);
      await tx.query(`ALTER TABLE ${t} DETACH PARTITION ${def}`);
      await tx.query(`CREATE TABLE ${ident(name)} PARTITION OF ${t} FOR VALUES IN (${code})`);
      await tx.query(`INSERT INTO ${t} OVERRIDING SYSTEM VALUE SELECT * FROM ${def} WHERE state_code = $1`, [code]);
      await tx.query(`DELETE FROM ${def} WHERE state_code = $1`, [code]);
      await tx.query(`ALTER TABLE ${t} ATTACH PARTITION ${def} DEFAULT`);
      for (const k of inbound) await tx.query(`ALTER TABLE ${ident(k.from)} ADD CONSTRAINT ${ident(k.name)} ${k.def}`);
      made.push(name);
    }
    return made;
  });
}

/** Evidence stays as written: the audit log, domain events and frozen reports keep the state they named. */
const KEPT_AS_WRITTEN = new Set(['audit_event', 'audit_subject', 'domain_event', 'report_snapshot']);

/**
 * Moves a district to another state (a reorganisation such as Telangana's in 2014): its LGD
 * rows and every row that names the district change `state_code`, partitioned or not, in one
 * transaction; PostgreSQL moves a row between partitions when its key changes (PostgreSQL ≥ 11).
 * Tables without a district_code column, and the evidence kept as written, are left; the list is returned.
 */
export async function moveDistrict(
  database: Database,
  district: number,
  toState: number,
): Promise<{ moved: Record<string, number>; withoutDistrict: string[] }> {
  requirePostgres(database);
  const [loc] = await database.query<{ id: string }>(`SELECT id FROM location WHERE level = 'district' AND district_code = $1`, [district]);
  if (!loc) throw new Error(`district ${district}: not in LGD locations`);
  const [state] = await database.query<{ id: string }>(`SELECT id FROM location WHERE level = 'state' AND state_code = $1`, [toState]);
  if (!state) throw new Error(`state ${toState}: not in LGD locations (load it first)`);
  await addState(database, toState);
  const tables = await database.query<{ name: string; district: boolean }>(
    `SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_attribute d WHERE d.attrelid = c.oid AND d.attname = 'district_code' AND NOT d.attisdropped) AS district
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'state_code' AND NOT a.attisdropped
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
  );
  return database.transaction(async (tx) => {
    const moved: Record<string, number> = {};
    for (const t of tables.filter((x) => x.district && !KEPT_AS_WRITTEN.has(x.name))) {
      // An append-only history (case_action…) refuses UPDATE; re-housing its rows in another
      // state changes no content. The guard is off inside this transaction only (the ALTER takes
      // the table's lock until commit: no other session writes while it is off).
      const guards = await tx.query<{ name: string }>(
        `SELECT t.tgname AS name FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
          WHERE t.tgrelid = to_regclass($1) AND NOT t.tgisinternal AND p.proname LIKE '%append_only'`,
        [`public.${t.name}`],
      );
      for (const g of guards) await tx.query(`ALTER TABLE ${ident(t.name)} DISABLE TRIGGER ${ident(g.name)}`);
      const [{ n }] = await tx.query<{ n: number }>(
        `WITH u AS (UPDATE ${ident(t.name)} SET state_code = $1 WHERE district_code = $2 AND state_code <> $1 RETURNING 1) SELECT count(*)::int AS n FROM u`,
        [toState, district],
      );
      for (const g of guards) await tx.query(`ALTER TABLE ${ident(t.name)} ENABLE TRIGGER ${ident(g.name)}`);
      if (Number(n)) moved[t.name] = Number(n);
    }
    await tx.query(`UPDATE location SET parent_id = $1 WHERE level = 'district' AND district_code = $2`, [state.id, district]);
    return { moved, withoutDistrict: tables.filter((x) => !x.district || KEPT_AS_WRITTEN.has(x.name)).map((x) => x.name) };
  });
}
