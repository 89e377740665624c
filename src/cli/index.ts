import { existsSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { databaseUrl } from '../config';
import { prepareDatabase, startServer } from '../server';
import { ensureReferenceData } from '../demo/reference';
import { seedDemo } from '../demo/seed';
import { createUser } from '../users/users.service';
import { verifyAuditChain } from '../audit/audit.service';
import { chainPending } from '../audit/audit.chain';
import { auditKeyFor, createCheckpoint, exportCheckpoints, readCheckpointFile } from '../audit/audit.checkpoint';
import { progressLine } from './progress';
import { HttpError } from '../http/errors';
import { runImport } from '../registry/import/import.service';
import { registerLinkageCommands } from '../linkage/linkage.cli';
import { registerOrganisationCommands } from '../users/organisations.cli';
import { isPostgresUrl, restoreBackup, writeBackup } from '../db/backup';
import { registerReportCommands } from '../reports/mission-vatsalya/report.cli';
import { registerHelplineCommands } from '../helpline/helpline.cli';
import { registerNationalCommands } from '../demo/national/national.cli';
import { registerPartitionCommands } from '../db/partition/partition.cli';
import { createDueEntries } from '../care/ledger-due.service';
import { registerFederationCommands } from '../federation/federation.cli';
import { registerCareCommands } from '../care/care.cli';

const program = new Command('samanvay')
  .description('Samanvay: shared child & family registry and convergence platform (Mission Vatsalya)')
  .showHelpAfterError();

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseUrl());
  try {
    const out = await fn(database);
    // Chain what the command audited (an import, a seed) before the database closes.
    await chainPending(database).catch(() => undefined);
    return out;
  } finally {
    await database.close();
  }
}

program
  .command('serve')
  .description('serve the web app and API (creates and migrates the database; seeds the demo into an empty embedded one)')
  .option('-p, --port <port>', 'port', process.env.PORT ?? '3000')
  .option('--demo', 'seed the demo into an empty database even on PostgreSQL (published passwords: never for real records)')
  .option('--no-demo', 'do not seed the demo data')
  .action(async (o) => {
    await startServer({ port: Number(o.port), demo: o.demo });
  });

program
  .command('migrate')
  .description('apply database migrations and load the LGD reference locations')
  .action(() =>
    withDatabase(async (d) => {
      const applied = await migrate(d, (f) => process.stderr.write(`applied ${f}\n`));
      await ensureReferenceData(d, progressLine('LGD locations'));
      process.stdout.write(`${applied.length} migration(s) applied\n`);
    }),
  );

program
  .command('seed')
  .description('seed the Amravati–Akola demo (only into an empty database)')
  .action(() =>
    withDatabase(async (d) => {
      await prepareDatabase(d, { demo: false });
      const done = await seedDemo(d, { log: (s) => process.stderr.write(s + '\n') });
      process.stdout.write(done ? 'demo seeded\n' : 'database already has users: nothing seeded\n');
    }),
  );

program
  .command('care-due-month')
  .description(
    "make the 'due' grant entries of every sponsorship/foster/aftercare placement up to the current IST month, back-filling months missed (idempotent)",
  )
  .action(() =>
    withDatabase(async (d) => {
      const r = await createDueEntries(d.db, new Date());
      process.stdout.write(
        `${r.created} due entr${r.created === 1 ? 'y' : 'ies'} made up to ${r.month} (${r.backfilled} for earlier months)\n`,
      );
    }),
  );

const user = program.command('user').description('manage users');
user
  .command('create')
  .description('create a user (e.g. the first administrator of a real deployment)')
  .requiredOption('--username <username>')
  .requiredOption('--name <displayName>')
  .requiredOption(
    '--role <role>',
    'admin, dcpu_officer, cwc_member, scps_officer, caseworker, nodal_officer, ngo_caseworker, frontline_worker, helpline_operator, auditor, cci_staff',
  )
  .option('--jurisdiction <locationId>', 'location id such as st:27 or di:468; omit for national')
  .option('--password <password>', 'or set SAMANVAY_PASSWORD (keeps it out of shell history)')
  .action((o) =>
    withDatabase(async (d) => {
      await prepareDatabase(d, { demo: false });
      const password = o.password ?? process.env.SAMANVAY_PASSWORD;
      if (!password) throw new HttpError(400, 'validation_failed', 'password: give --password or set SAMANVAY_PASSWORD');
      const row = await createUser(d.db, null, {
        username: o.username,
        displayName: o.name,
        role: o.role,
        password,
        jurisdictionId: o.jurisdiction ?? null,
      });
      process.stdout.write(`created ${row.role} ${row.username} (${row.jurisdictionId ?? 'national'})\n`);
    }),
  );

const auditCmd = program.command('audit').description('the audit log');
auditCmd
  .command('verify')
  .description(
    'check the hash chain of the audit log against its signed checkpoints; exits 1 if any entry was changed, removed or the tail deleted',
  )
  .option(
    '--checkpoints <file>',
    'also check against checkpoints exported to this JSON Lines file (audit checkpoint --export, AUDIT_CHECKPOINT_FILE)',
  )
  .action((o) =>
    withDatabase(async (d) => {
      const key = auditKeyFor(d, databaseUrl());
      const fileCheckpoints = o.checkpoints ? readCheckpointFile(o.checkpoints) : undefined;
      const res = await verifyAuditChain(d, {
        key: key?.key,
        fileCheckpoints,
        onProgress: (n) => process.stderr.write(`checked ${n} entries\r`),
      });
      process.stderr.write('\n');
      if (res.signatures === 'no_key')
        process.stderr.write('warning: no audit key (AUDIT_KEY / AUDIT_KEY_FILE): checkpoint signatures not checked\n');
      if (res.ok) {
        const anchor = res.checkpoint
          ? `; matches the checkpoint of ${res.checkpoint.at} (position ${res.checkpoint.pos}, ${res.checkpoint.from})`
          : '; no checkpoint to check against';
        const pending = res.pending ? `; ${res.pending} newer entries pending chaining` : '';
        process.stdout.write(`audit log intact: ${res.checked} entries${anchor}${pending}\n`);
      } else {
        const where = res.firstBadSeq ? ` at entry ${res.firstBadSeq}` : '';
        process.stdout.write(`audit log TAMPERED (${res.problem})${where}: ${res.reason} (${res.checked} entries verified before it)\n`);
        process.exitCode = 1;
      }
    }),
  );
auditCmd
  .command('checkpoint')
  .description('chain the queued entries and sign a checkpoint of the head with the audit key')
  .option('--export <file>', 'then write every checkpoint to this JSON Lines file, to keep outside the database')
  .action((o) =>
    withDatabase(async (d) => {
      const key = auditKeyFor(d, databaseUrl(), { create: true });
      if (!key) throw new HttpError(400, 'validation_failed', 'no audit key: set AUDIT_KEY or AUDIT_KEY_FILE');
      const c = await createCheckpoint(d, key.key, new Date(), { file: process.env.AUDIT_CHECKPOINT_FILE || null, force: true });
      process.stdout.write(c ? `checkpoint at position ${c.pos} (${c.at})\n` : 'the audit log is empty: no checkpoint\n');
      if (o.export) process.stdout.write(`${await exportCheckpoints(d, o.export)} checkpoint(s) written to ${o.export}\n`);
    }),
  );

program
  .command('import')
  .description('bulk-load children and families from a CSV export of another register')
  .argument('<file>', 'CSV file (see docs/IMPORT.md for the columns)')
  .option('--as <username>', 'the user the import is done as (their jurisdiction applies)', 'admin')
  .option('--dry-run', 'validate and report only; write nothing')
  .option('--report <file>', 'write the row-by-row report as CSV')
  .action((file, o) =>
    withDatabase(async (d) => {
      await prepareDatabase(d, { demo: false });
      const res = await runImport(d, {
        file,
        asUser: o.as,
        dryRun: !!o.dryRun,
        reportFile: o.report,
        onProgress: progressLine('Importing'),
      });
      process.stdout.write(
        `${res.rows} rows: ${res.created.children} children and ${res.created.families} families created, ` +
          `${res.invalid.length} invalid rows skipped, ${res.duplicates} likely duplicates flagged for review\n`,
      );
      for (const e of res.invalid.slice(0, 50)) process.stderr.write(`line ${e.line}, field ${e.field}: ${e.message}\n`);
      if (res.invalid.length > 50) process.stderr.write(`… and ${res.invalid.length - 50} more (use --report)\n`);
      if (res.invalid.length) process.exitCode = 2;
    }),
  );

program
  .command('backup')
  .description(
    'write a consistent copy of the embedded database to a file (refused while a server holds it; PostgreSQL: see docs/DEPLOYMENT.md)',
  )
  .requiredOption('--to <file>', 'the backup file to create, e.g. samanvay-2026-12-05.tar.gz')
  .action(async (o) => {
    if (isPostgresUrl(databaseUrl()))
      throw new HttpError(400, 'validation_failed', 'DATABASE_URL: on PostgreSQL use pg_dump or pg_basebackup (docs/DEPLOYMENT.md)');
    if (existsSync(o.to)) throw new HttpError(400, 'validation_failed', `to: ${o.to} exists already; choose a new file`);
    await withDatabase(async (d) => {
      // Chain the queued audit entries first: the copy then verifies as the original does.
      await chainPending(d);
      process.stderr.write('dumping the database…\n');
      const res = await writeBackup(await d.dump!(), o.to);
      process.stdout.write(`backup written to ${res.file} (${(res.bytes / 1024 / 1024).toFixed(1)} MB)\n`);
    });
  });

program
  .command('restore')
  .description('create a new embedded database folder from a backup (never writes over an existing one)')
  .requiredOption('--from <file>', 'a file written by samanvay backup')
  .requiredOption('--to <folder>', 'the new data folder; then start with DATABASE_URL=<folder>')
  .action(async (o) => {
    process.stderr.write('restoring…\n');
    const dir = await restoreBackup(o.from, o.to);
    process.stdout.write(`restored into ${dir}: start it with DATABASE_URL=${dir} npm start, then run samanvay audit verify\n`);
  });

registerLinkageCommands(program);
registerHelplineCommands(program);
registerOrganisationCommands(program, withDatabase, (d) => prepareDatabase(d, { demo: false }));
registerReportCommands(program, withDatabase, (d) => prepareDatabase(d, { demo: false }));
registerNationalCommands(program, withDatabase, (d) => prepareDatabase(d, { demo: false }));
registerPartitionCommands(program, withDatabase);
registerFederationCommands(program);
registerCareCommands(program, withDatabase, (d) => prepareDatabase(d, { demo: false }));

program.exitOverride();
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else if (err instanceof HttpError) {
    process.stderr.write(`error: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
