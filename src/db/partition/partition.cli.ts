import type { Command } from 'commander';
import type { Database } from '../client';
import { audit } from '../../audit/audit.service';
import { HttpError } from '../../http/errors';
import { addState, convertTable, moveDistrict, PARTITIONABLE_TABLES, partitionedTables } from './partition';
import { convertReferenced, REFERENCED_TABLES } from './referenced';

const ALL_TABLES: readonly string[] = [...PARTITIONABLE_TABLES, ...REFERENCED_TABLES];
const REFERENCED: ReadonlySet<string> = new Set(REFERENCED_TABLES);

const code = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new HttpError(400, 'validation_failed', `${name}: an LGD code (a whole number)`);
  return n;
};

function onPostgres(d: Database) {
  if (d.kind !== 'postgres')
    throw new HttpError(
      400,
      'validation_failed',
      'DATABASE_URL: partitioning is for PostgreSQL; the embedded database stays unpartitioned',
    );
}

/**
 * `samanvay partition status|convert|add-state|move-district` (src/db/partition/partition.ts):
 * state partitioning of a PostgreSQL database, an operator's step outside the migrations.
 */
export function registerPartitionCommands(program: Command, withDatabase: <T>(fn: (d: Database) => Promise<T>) => Promise<T>) {
  const cmd = program.command('partition').description('state partitioning of personal-data tables (PostgreSQL only; see docs/SCALE.md)');
  cmd
    .command('status')
    .description('which tables are partitioned by state')
    .action(() =>
      withDatabase(async (d) => {
        onPostgres(d);
        const done = new Set(await partitionedTables(d));
        for (const t of ALL_TABLES) process.stdout.write(`${t}: ${done.has(t) ? 'partitioned' : 'not yet'}\n`);
      }),
    );
  cmd
    .command('convert [tables...]')
    .description(
      `convert tables to PARTITION BY LIST (state_code) (default: ${ALL_TABLES.join(', ')}); locks each table while it copies; the referenced ones (${REFERENCED_TABLES.join(', ')}): their foreign keys become (x_id, x_id_state_code)`,
    )
    .action((tables: string[]) =>
      withDatabase(async (d) => {
        onPostgres(d);
        const done = new Set(await partitionedTables(d));
        for (const t of tables.length ? tables : ALL_TABLES) {
          if (done.has(t)) continue;
          const r = REFERENCED.has(t) ? await convertReferenced(d, t) : await convertTable(d, t);
          await audit(d.db, null, 'partition', 'table', null, null, { table: t, partitions: r.partitions, rows: r.rows });
          process.stdout.write(`${t}: ${r.rows} rows into ${r.partitions} partitions\n`);
        }
      }),
    );
  cmd
    .command('add-state <state>')
    .description('add a state’s partition to every partitioned table (rows already in the default partition move into it)')
    .action((state: string) =>
      withDatabase(async (d) => {
        onPostgres(d);
        const n = code('state')(state);
        const made = await addState(d, n);
        await audit(d.db, null, 'partition', 'state', null, { stateCode: n }, { partitions: made.length });
        process.stdout.write(`${made.length} partition(s) created for state ${n}\n`);
      }),
    );
  cmd
    .command('move-district <district> <state>')
    .description('move a district (LGD code) to another state: its location and every row naming it, into that state’s partitions')
    .action((district: string, state: string) =>
      withDatabase(async (d) => {
        onPostgres(d);
        const di = code('district')(district);
        const st = code('state')(state);
        const r = await moveDistrict(d, di, st);
        await audit(d.db, null, 'partition', 'district', null, { stateCode: st, districtCode: di }, { moved: r.moved });
        for (const [t, n] of Object.entries(r.moved)) process.stdout.write(`${t}: ${n}\n`);
        process.stdout.write(`left as written or without a district: ${r.withoutDistrict.join(', ')}\n`);
      }),
    );
}
