import type { Database, RawTx } from '../client';
import { convertWithin, ident } from './partition';

/**
 * Partitioning the tables other tables point at (issue #19, docs/SCALE.md §3): child, family,
 * case_record and missing_record, about 50 foreign keys. A partitioned table's key must contain
 * state_code, so `REFERENCES child(id)` becomes `(child_id, child_id_state_code) REFERENCES
 * child(id, state_code)`: each foreign key gets its own column holding the referenced row's state,
 * not the referencing row's own state_code, because the two differ by design —
 * a match joins a missing report of one state to a found child of another, a case history keeps
 * the state each action was written in across an inter-state transfer (JJ Model Rules 2016,
 * r.28), and `family_member`, `missing_match`… have no state_code at all. The column is filled by
 * a trigger from the referenced row (the code never names it), and follows the referenced row when
 * it moves state (ON UPDATE CASCADE; PostgreSQL ≥ 15 runs a cross-partition UPDATE as an update,
 * not a delete and an insert, for foreign keys). MATCH FULL: a child_id naming no child leaves the
 * state column NULL, which a MATCH SIMPLE key would not check.
 *
 * Done by the partition command on PostgreSQL at conversion time, not by a migration for both
 * databases: the embedded database keeps its single-column keys and schema, and later migrations
 * must not add a `REFERENCES child(id)` (the command's status names such a key).
 */
export const REFERENCED_TABLES = [
  'family',
  'child',
  'case_record',
  'missing_record',
  // The personal tables other tables reference (docs/SCALE.md §3), the same treatment. Not
  // helpline_call (a partner's call reference is national, its unique key without state_code).
  'care_foster_carer',
  'care_family_placement',
  'care_gatekeeping',
  'care_plan',
  'care_reintegration',
  'care_sponsorship',
  'scheme_application',
  'bal_panchayat_issue',
  'convergence_discussion',
  'convergence_action',
  'document',
  'possible_duplicate',
  'care_stay',
] as const;

/** The first four: child, family, case_record, missing_record (51 foreign keys). */
export const BIG_FOUR = REFERENCED_TABLES.slice(0, 4);

/** The link column of a foreign key column `col` (`child_id` → `child_id_state_code`). */
export const linkColumn = (col: string) => `${col}_state_code`.slice(0, 63);

/**
 * The trigger function filling link columns to `table`: static SQL, so PL/pgSQL keeps one plan per
 * session (a generic plan: the lookup by the row's own state is pruned at execution; by id alone
 * it is an index probe per partition). Dynamic SQL was planned on every insert, which over 39
 * partitions cost milliseconds (bench/partition).
 */
const linkFunction = (table: string, idType: string) => `CREATE OR REPLACE FUNCTION ${ident(`partition_link_${table}`)}() RETURNS trigger
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $fn$
DECLARE
  col text := TG_ARGV[0]; link text := TG_ARGV[1];
  ref ${idType} := (to_jsonb(NEW) ->> col)::${idType};
  own int := (to_jsonb(NEW) ->> 'state_code')::int;
  found int;
BEGIN
  IF ref IS NOT NULL THEN
    -- The referencing row's own state first: one partition's index instead of every state's.
    IF own IS NOT NULL THEN
      SELECT r.state_code INTO found FROM ${ident(table)} r WHERE r.state_code = own AND r.id = ref;
    END IF;
    IF found IS NULL THEN
      SELECT r.state_code INTO found FROM ${ident(table)} r WHERE r.id = ref;
    END IF;
  END IF;
  RETURN jsonb_populate_record(NEW, jsonb_build_object(link, found));
END $fn$`;

type Inbound = { name: string; from: string; cols: string[]; onDelete: string; partitioned: boolean };

const ON_DELETE: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

async function inboundKeys(tx: Pick<RawTx, 'query'>, table: string): Promise<Inbound[]> {
  return tx.query<Inbound>(
    `SELECT c.conname AS name, c.conrelid::regclass::text AS "from", c.confdeltype AS "onDelete",
            (SELECT array_agg(attname ORDER BY array_position(c.conkey, attnum))::text[] FROM pg_attribute
              WHERE attrelid = c.conrelid AND attnum = ANY (c.conkey)) AS cols,
            (SELECT relkind = 'p' FROM pg_class WHERE oid = c.conrelid) AS partitioned
       FROM pg_constraint c WHERE c.contype = 'f' AND c.confrelid = to_regclass($1) AND c.conparentid = 0 ORDER BY 2, 1`,
    [`public.${table}`],
  );
}

/**
 * An append-only guard (`BEFORE DELETE OR UPDATE … *_append_only()`) would refuse the cascade that
 * follows a referenced row into another state; it is split so that an UPDATE changing only link
 * columns passes and every other UPDATE and DELETE is still refused.
 */
async function letLinksFollow(tx: Pick<RawTx, 'query'>, table: string, adding: string) {
  const guards = await tx.query<{ name: string; fn: string }>(
    `SELECT t.tgname AS name, p.proname AS fn FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE t.tgrelid = to_regclass($1) AND NOT t.tgisinternal AND t.tgparentid = 0 AND p.proname LIKE '%append_only'
        AND t.tgname NOT LIKE '%\\_upd'`,
    [`public.${table}`],
  );
  if (!guards.length) return;
  // The link columns of the composite keys already made, and the one being added: other columns
  // ending in _state_code (missing_match.found_state_code…) are content and stay guarded.
  const links = await tx.query<{ col: string }>(
    `SELECT a2.attname AS col FROM pg_constraint c
       JOIN pg_attribute a1 ON a1.attrelid = c.conrelid AND a1.attnum = c.conkey[1]
       JOIN pg_attribute a2 ON a2.attrelid = c.conrelid AND a2.attnum = c.conkey[2]
      WHERE c.conrelid = to_regclass($1) AND c.contype = 'f' AND c.conparentid = 0 AND array_length(c.conkey, 1) = 2
        AND a2.attname = a1.attname || '_state_code'`,
    [`public.${table}`],
  );
  links.push({ col: adding });
  const keep = `ARRAY[${links.map((l) => `'${l.col}'`).join(', ')}]::text[]`;
  for (const g of guards) {
    const upd = ident(`${g.name}_upd`.slice(0, 63));
    await tx.query(`DROP TRIGGER ${ident(g.name)} ON ${ident(table)}`);
    await tx.query(`DROP TRIGGER IF EXISTS ${upd} ON ${ident(table)}`);
    await tx.query(`CREATE TRIGGER ${ident(g.name)} BEFORE DELETE ON ${ident(table)} FOR EACH ROW EXECUTE FUNCTION ${ident(g.fn)}()`);
    await tx.query(
      `CREATE TRIGGER ${upd} BEFORE UPDATE ON ${ident(table)} FOR EACH ROW
        WHEN ((to_jsonb(OLD) - ${keep}) IS DISTINCT FROM (to_jsonb(NEW) - ${keep}) OR to_jsonb(OLD) = to_jsonb(NEW))
        EXECUTE FUNCTION ${ident(g.fn)}()`,
    );
  }
}

/**
 * Converts a referenced table in one transaction: its inbound single-column foreign keys are
 * dropped, the table converted (partition.ts), and each key re-added as a composite one through
 * its link column, filled from the referenced rows. Refuses a composite inbound key it did not
 * make, and a server older than PostgreSQL 15.
 */
export async function convertReferenced(database: Database, table: string): Promise<{ partitions: number; rows: number; keys: number }> {
  if (database.kind !== 'postgres') throw new Error('partitioning is for PostgreSQL; the embedded database stays unpartitioned');
  return database.transaction(async (tx) => {
    const [{ v }] = await tx.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`);
    if (Number(v) < 150000)
      throw new Error(
        `cannot partition ${table}: PostgreSQL ${v} moves a row between partitions as delete + insert, which would fire ON DELETE on its references (≥ 15 needed)`,
      );
    await tx.query(`LOCK TABLE ${ident(table)} IN ACCESS EXCLUSIVE MODE`);
    const inbound = await inboundKeys(tx, table);
    const odd = inbound.filter((k) => k.cols.length !== 1);
    if (odd.length)
      throw new Error(`cannot partition ${table}: composite foreign keys ${odd.map((k) => `${k.from}.${k.name}`).join(', ')}`);
    for (const k of inbound) await tx.query(`ALTER TABLE ${ident(k.from)} DROP CONSTRAINT ${ident(k.name)}`);
    const [types] = await tx.query<{ id: string; state: string }>(
      `SELECT format_type(i.atttypid, i.atttypmod) AS id, format_type(s.atttypid, s.atttypmod) AS state FROM pg_attribute i, pg_attribute s
        WHERE i.attrelid = to_regclass($1) AND i.attname = 'id' AND s.attrelid = i.attrelid AND s.attname = 'state_code'`,
      [`public.${table}`],
    );
    if (!types) throw new Error(`cannot partition ${table}: no id and state_code columns`);
    const done = await convertWithin(tx, table);
    await tx.query(linkFunction(table, types.id));
    const t = ident(table);
    for (const k of inbound) {
      const [col] = k.cols;
      const link = linkColumn(col);
      const from = ident(k.from);
      await tx.query(`ALTER TABLE ${from} ADD COLUMN IF NOT EXISTS ${ident(link)} ${types.state}`);
      // The fill is an UPDATE: an append-only history lets it through once its guard is split.
      await letLinksFollow(tx, k.from, link);
      await tx.query(`UPDATE ${from} f SET ${ident(link)} = r.state_code FROM ${t} r WHERE r.id = f.${ident(col)}`);
      await tx.query(
        `ALTER TABLE ${from} ADD CONSTRAINT ${ident(k.name)} FOREIGN KEY (${ident(col)}, ${ident(link)}) REFERENCES ${t} (id, state_code)
           MATCH FULL ON UPDATE CASCADE ON DELETE ${ON_DELETE[k.onDelete] ?? 'NO ACTION'}`,
      );
      await tx.query(
        `CREATE TRIGGER ${ident(`${k.from}_${col}_state`.slice(0, 63))} BEFORE INSERT OR UPDATE OF ${ident(col)} ON ${from}
           FOR EACH ROW EXECUTE FUNCTION ${ident(`partition_link_${table}`)}('${col}', '${link}')`,
      );
      // The cascade finds the referencing rows by both columns.
      await tx.query(
        `CREATE INDEX IF NOT EXISTS ${ident(`${k.from}_${col}_link_idx`.slice(0, 63))} ON ${from} (${ident(col)}, ${ident(link)})`,
      );
    }
    return { ...done, keys: inbound.length };
  });
}
