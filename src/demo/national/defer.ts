import type pg from 'pg';

/**
 * Loading without secondary indexes and foreign keys (issue #19, docs/SCALE.md §1). At 1 crore
 * children PostgreSQL's index maintenance (GIN on `name_keys` and `block_keys`, the case list's
 * B-trees) and a foreign-key probe per row are the load's cost, not the generator. So for a large
 * run the tables being loaded lose, for the load, every index that backs no constraint and every
 * foreign key they hold, all read from the catalog (pg_index, pg_constraint) as the migrations
 * left them, never a hand list; afterwards each index is built again from its own
 * `pg_get_indexdef` (one sort instead of crores of inserts, `maintenance_work_mem` raised for the
 * session) and each foreign key added `NOT VALID` and then validated (one join instead of a probe
 * per row). Primary keys and unique constraints stay: other tables' foreign keys point at them
 * and they are the duplicate check. Triggers stay (the kept dashboard counts, blocking keys).
 *
 * What was taken off is written to `national_load_deferred` in the transaction that drops it and
 * deleted in the one that rebuilds it: a load stopped halfway leaves there exactly what is
 * missing, and `restoreDeferred` (run first by every `generate-national`) builds it again.
 */
export interface Deferred {
  name: string;
  kind: 'index' | 'foreign_key';
  table_name: string;
  definition: string;
}

/** The indexes (backing no constraint) and foreign keys of `tables`, as the catalog has them. */
export async function deferrable(client: pg.Client, tables: readonly string[]): Promise<Deferred[]> {
  const { rows } = await client.query<Deferred>(
    `SELECT i.relname AS name, 'index' AS kind, t.relname AS table_name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND t.relname = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid AND c.conrelid = t.oid AND c.contype IN ('p', 'u', 'x'))
        AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.oid)
     UNION ALL
     SELECT c.conname, 'foreign_key', t.relname, pg_get_constraintdef(c.oid)
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND t.relname = ANY($1) AND c.contype = 'f' AND c.conparentid = 0
      ORDER BY kind DESC, table_name, name`,
    [tables],
  );
  return rows;
}

/** Drops the indexes and foreign keys of `tables` (recording each first), in one transaction. */
export async function deferIndexes(client: pg.Client, tables: readonly string[], log: (s: string) => void): Promise<Deferred[]> {
  await client.query('BEGIN');
  try {
    const list = await deferrable(client, tables);
    let position = 0;
    for (const d of list) {
      await client.query('INSERT INTO national_load_deferred (name, kind, table_name, definition, position) VALUES ($1, $2, $3, $4, $5)', [
        d.name,
        d.kind,
        d.table_name,
        d.definition,
        position++,
      ]);
      if (d.kind === 'index') await client.query(`DROP INDEX ${ident(d.name)}`);
      else await client.query(`ALTER TABLE ${ident(d.table_name)} DROP CONSTRAINT ${ident(d.name)}`);
    }
    await client.query('COMMIT');
    const n = list.filter((d) => d.kind === 'index').length;
    log(`deferred ${n} indexes and ${list.length - n} foreign keys of ${tables.length} tables for the load`);
    return list;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/**
 * Builds again everything `deferIndexes` took off (and a stopped load left in
 * `national_load_deferred`): the indexes first, each in its own transaction with its row, then
 * the foreign keys `NOT VALID` and validated. Returns the seconds each took.
 */
export async function restoreDeferred(
  client: pg.Client,
  log: (s: string) => void,
  opts: { maintenanceWorkMem?: string } = {},
): Promise<{ name: string; kind: string; table: string; seconds: number }[]> {
  const { rows } = await client.query<Deferred & { relkind: string }>(
    `SELECT d.name, d.kind, d.table_name, d.definition, t.relkind
       FROM national_load_deferred d LEFT JOIN pg_class t ON t.oid = to_regclass(quote_ident(d.table_name))
      ORDER BY d.kind DESC, d.position`,
  );
  if (!rows.length) return [];
  await client.query(`SET maintenance_work_mem = '${(opts.maintenanceWorkMem ?? '1GB').replace(/[^0-9A-Za-z]/g, '')}'`);
  const out: { name: string; kind: string; table: string; seconds: number }[] = [];
  let i = 0;
  for (const d of rows) {
    i++;
    const started = Date.now();
    await client.query('BEGIN');
    try {
      if (d.kind === 'index') {
        // An index of a partitioned table reads back `ON ONLY`: built so, it would cover the parent alone.
        await client.query(d.definition.replace(/ ON ONLY /, ' ON '));
      } else {
        // PostgreSQL 15 takes no NOT VALID foreign key on a partitioned table: there it is checked as it is added.
        const notValid = d.relkind !== 'p';
        await client.query(
          `ALTER TABLE ${ident(d.table_name)} ADD CONSTRAINT ${ident(d.name)} ${d.definition}${notValid ? ' NOT VALID' : ''}`,
        );
        if (notValid) await client.query(`ALTER TABLE ${ident(d.table_name)} VALIDATE CONSTRAINT ${ident(d.name)}`);
      }
      await client.query('DELETE FROM national_load_deferred WHERE table_name = $1 AND name = $2', [d.table_name, d.name]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
    const seconds = (Date.now() - started) / 1000;
    out.push({ name: d.name, kind: d.kind, table: d.table_name, seconds });
    log(
      `${d.kind === 'index' ? 'built index' : 'added and validated foreign key'} ${d.name} on ${d.table_name} (${i}/${rows.length}) in ${seconds.toFixed(1)} s`,
    );
  }
  return out;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
