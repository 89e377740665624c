import type { Command } from 'commander';
import type { Database } from '../../db/client';
import { audit } from '../../audit/audit.service';
import { isPostgresUrl } from '../../db/backup';
import { databaseUrl } from '../../config';
import { HttpError } from '../../http/errors';
import { progressLine } from '../../cli/progress';
import pg from 'pg';
import { generateNational } from './generate';
import { restoreDeferred } from './defer';

const int = (name: string, min: number) => (v: string) => {
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) throw new HttpError(400, 'validation_failed', `${name}: a whole number of at least ${min}`);
  return n;
};

/**
 * A PostgreSQL memory size (`1GB`, `512MB`, `65536kB`, a number of kB), checked before the load: the
 * deferred indexes are built with it only after the whole load has run.
 */
export const memorySize = (v: string) => {
  if (!/^\d+\s*(kB|MB|GB|TB)?$/.test(v.trim()))
    throw new HttpError(400, 'validation_failed', `maintenance-work-mem: a PostgreSQL memory size such as 1GB, 512MB or 65536kB`);
  return v.trim();
};

/** From this many children the load defers the indexes and foreign keys unless told not to (docs/SCALE.md §1). */
const DEFER_FROM = 1_000_000;

/** `samanvay generate-national`: the national synthetic data set (src/demo/national/generate.ts). */
export function registerNationalCommands(
  program: Command,
  withDatabase: <T>(fn: (d: Database) => Promise<T>) => Promise<T>,
  prepare: (d: Database) => Promise<void>,
) {
  program
    .command('generate-national')
    .description(
      'load a synthetic national data set into PostgreSQL (all states and districts of LGD; deterministic by seed; COPY). Synthetic people only: never into a database with real records',
    )
    .option('--seed <n>', 'random seed: the same seed gives the same rows', int('seed', 0), 1)
    .option('--children <n>', 'children in all (1 crore = 10000000)', int('children', 1), 100_000)
    .option('--states <codes>', 'only these LGD state codes, comma-separated (default: all)')
    .option('--as-of <day>', 'the day the data set is as of (dates count back from it)', '2026-11-30')
    .option('--database-url <url>', 'PostgreSQL URL (default DATABASE_URL)')
    .option('--dry-run', 'generate and print the digest without writing')
    .option(
      '--defer-indexes',
      `load without the tables' secondary indexes and foreign keys, then build them (default from ${DEFER_FROM} children; never on a database in use)`,
    )
    .option('--no-defer-indexes', 'keep the indexes and foreign keys during the load')
    .option('--restore-indexes', 'only build again what a stopped deferred load left off (national_load_deferred), then stop')
    .option('--maintenance-work-mem <size>', 'maintenance_work_mem for building the deferred indexes', memorySize, '1GB')
    .action(async (o) => {
      const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
      if (o.databaseUrl) process.env.DATABASE_URL = o.databaseUrl;
      const url = databaseUrl();
      if (!isPostgresUrl(url))
        throw new HttpError(
          400,
          'validation_failed',
          'DATABASE_URL: the national data set goes into PostgreSQL (postgres://…), not the embedded database',
        );
      if (!/^\d{4}-\d{2}-\d{2}$/.test(o.asOf)) throw new HttpError(400, 'validation_failed', 'as-of: a day as YYYY-MM-DD');
      const states = o.states ? String(o.states).split(',').map(int('states', 1)) : undefined;
      await withDatabase(async (d) => {
        await prepare(d);
        if (o.restoreIndexes) {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            const built = await restoreDeferred(client, log, { maintenanceWorkMem: o.maintenanceWorkMem });
            for (const t of new Set(built.map((b) => b.table))) await client.query(`ANALYZE ${t}`);
            process.stdout.write(`${built.length} index(es) and foreign key(s) built again\n`);
          } finally {
            await client.end();
          }
          return;
        }
        process.stderr.write(`generating ${o.children} children (seed ${o.seed})${o.dryRun ? ', dry run' : ''}…\n`);
        const res = await generateNational(url, {
          seed: o.seed,
          children: o.children,
          states,
          asOf: o.asOf,
          dryRun: !!o.dryRun,
          deferIndexes: o.deferIndexes ?? o.children >= DEFER_FROM,
          maintenanceWorkMem: o.maintenanceWorkMem,
          onProgress: progressLine('Children'),
          log,
        });
        if (!o.dryRun)
          await audit(d.db, null, 'seed', 'system', null, null, {
            dataset: 'national-synthetic',
            seed: o.seed,
            children: o.children,
            digest: res.digest,
          });
        for (const [t, n] of Object.entries(res.rows)) if (n) process.stderr.write(`  ${t}: ${n}\n`);
        const rate = Math.round(res.totalRows / res.seconds);
        process.stderr.write(
          `  phases: ${Object.entries(res.phases)
            .map(([p, s]) => `${p} ${s.toFixed(1)} s`)
            .join(', ')}\n`,
        );
        process.stdout.write(
          `${res.totalRows} rows in ${res.seconds.toFixed(1)} s (${rate} rows/s) over ${res.states} states and ${res.districts} districts; digest ${res.digest}\n`,
        );
      });
    });
}
