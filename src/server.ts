import { openDatabase, type Database } from './db/client';
import { migrate } from './db/migrate';
import { buildApp } from './http/app';
import { appConfig, databaseUrl } from './config';
import type { AppContext } from './http/context';
import { ensureReferenceData } from './demo/reference';
import { seedDemo } from './demo/seed';
import { progressLine } from './cli/progress';
import { startCaseJobs } from './cases/cases.jobs';
import { registerConvergenceJobs } from './convergence/convergence.jobs';
import { registerMissingJobs } from './missing/missing.jobs';
import { listenForConfirmedNationalMatches } from './federation/proposals/arrivals';
import { registerRegistryJobs } from './registry/registry.jobs';
import { loadActiveModel } from './missing/model.service';
import { registerEventJobs } from './events/events.jobs';
import { registerHelplineJobs } from './helpline/helpline.jobs';
import { partnerConfig } from './helpline/partner.service';
import { registerCareJobs } from './care/care.jobs';
import { registerSponsorshipJobs } from './care/sponsorship/sponsorship.jobs';
import { registerReportJobs } from './reports/mission-vatsalya/schedule';
import { startAuditSweeper } from './audit/audit.runtime';
import { auditKeyFor } from './audit/audit.checkpoint';

export async function prepareDatabase(database: Database, opts: { demo: boolean; log?: (s: string) => void }) {
  const log = opts.log ?? (() => undefined);
  const applied = await migrate(database, (f) => log(`migrated ${f}`));
  if (applied.length) log(`${applied.length} migration(s) applied`);
  await ensureReferenceData(database, progressLine('Loading LGD locations'));
  if (opts.demo) {
    const seeded = await seedDemo(database, { log });
    if (seeded) log('Demo data seeded (Amravati–Akola baseline)');
  }
}

/**
 * Whether `serve` seeds the demo. Its users share a published password and include a
 * state-wide administrator, so it goes only into the embedded database (a trial on one
 * machine) unless asked for with --demo; a PostgreSQL DATABASE_URL is taken to be a real
 * deployment. --no-demo always wins.
 */
export function shouldSeedDemo(flag: boolean | undefined, kind: Database['kind']): boolean {
  return flag ?? kind === 'pglite';
}

export const FIRST_ADMIN_HELP = [
  'No users yet. Create the first administrator (its password from SAMANVAY_PASSWORD, kept out of shell history):',
  '  SAMANVAY_PASSWORD=… npx samanvay user create --username <name> --name "<full name>" --role admin --jurisdiction st:<state LGD code>',
  'with the same DATABASE_URL. (`serve --demo` loads the demo instead: its users share a published password, never use it for real records.)',
].join('\n');

export async function startServer(opts: { port: number; host?: string; demo?: boolean }) {
  // A bad setting stops the start with its name, not a 500 on each partner message (HELPLINE_112_SECRET, HELPLINE_181_SECRET).
  partnerConfig();
  const url = databaseUrl();
  const database = await openDatabase(url);
  process.stderr.write(`Database: ${database.kind === 'postgres' ? 'PostgreSQL' : `embedded PGlite at ${url}`}\n`);
  await prepareDatabase(database, { demo: shouldSeedDemo(opts.demo, database.kind), log: (s) => process.stderr.write(s + '\n') });
  const [{ n: users }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
  if (users === 0) process.stderr.write(FIRST_ADMIN_HELP + '\n');
  const ctx: AppContext = { database, db: database.db, now: () => new Date(), config: appConfig() };
  const app = await buildApp(ctx);
  // Background work on pg-boss (both databases): overdue case alerts and convergence reminders.
  const jobs = await startCaseJobs(ctx);
  await registerConvergenceJobs(jobs.boss, ctx);
  await registerMissingJobs(jobs.boss, ctx);
  // A national proposal arriving confirmed by replication closes this state's records at once
  // (docs/SCALE.md §4); the missing sweep above stays the safety net for a lost notification.
  const arrivals = await listenForConfirmedNationalMatches(ctx);
  // Registry rows keyed under older name rules get new search keys (issue #15), in the background.
  await registerRegistryJobs(jobs.boss, ctx);
  // Matching uses the deployment's refitted model from the first request (issue #15).
  await loadActiveModel(ctx.db);
  await registerEventJobs(jobs.boss, ctx);
  await registerHelplineJobs(jobs.boss, ctx);
  // The grant ledger's 'due' entries of the month (issue #14), daily at 06:00 IST.
  await registerCareJobs(jobs.boss, ctx);
  // Months a sponsorship pause touches are withheld (issue #18), daily at 06:15 IST.
  await registerSponsorshipJobs(jobs.boss, ctx);
  // The Mission Vatsalya monthly report to its recipients, on the 5th at 09:00 IST.
  await registerReportJobs(jobs.boss, ctx);
  // Chain the audit queue and sign checkpoints with a key kept outside the database.
  const auditKey = auditKeyFor(database, url, { create: true });
  process.stderr.write(
    auditKey
      ? `Audit checkpoints signed with the key in ${auditKey.source}\n`
      : 'Warning: no AUDIT_KEY or AUDIT_KEY_FILE: the audit log is chained but not anchored by signed checkpoints\n',
  );
  const auditSweeper = startAuditSweeper(database, {
    now: ctx.now,
    key: auditKey?.key ?? null,
    checkpointFile: process.env.AUDIT_CHECKPOINT_FILE || null,
    log: (msg, err) => app.log.error({ err }, msg),
  });
  await app.listen({ port: opts.port, host: opts.host ?? '0.0.0.0' });
  process.stderr.write(`Samanvay is ready on http://localhost:${opts.port}\n`);
  const stop = async () => {
    await app.close();
    await auditSweeper.stop();
    await arrivals.stop();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { app, database };
}
