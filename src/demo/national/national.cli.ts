import type { Command } from 'commander';
import type { Database } from '../../db/client';
import { audit } from '../../audit/audit.service';
import { isPostgresUrl } from '../../db/backup';
import { databaseUrl } from '../../config';
import { HttpError } from '../../http/errors';
import { progressLine } from '../../cli/progress';
import { generateNational } from './generate';

const int = (name: string, min: number) => (v: string) => {
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) throw new HttpError(400, 'validation_failed', `${name}: a whole number of at least ${min}`);
  return n;
};

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
    .action(async (o) => {
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
        process.stderr.write(`generating ${o.children} children (seed ${o.seed})${o.dryRun ? ', dry run' : ''}…\n`);
        const res = await generateNational(url, {
          seed: o.seed,
          children: o.children,
          states,
          asOf: o.asOf,
          dryRun: !!o.dryRun,
          onProgress: progressLine('Children'),
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
        process.stdout.write(
          `${res.totalRows} rows in ${res.seconds.toFixed(1)} s (${rate} rows/s) over ${res.states} states and ${res.districts} districts; digest ${res.digest}\n`,
        );
      });
    });
}
