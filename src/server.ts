import cluster from 'node:cluster';
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
import { registerDashboardJobs } from './dashboards/dashboards.jobs';
import { startAuditSweeper } from './audit/audit.runtime';
import { auditKeyFor } from './audit/audit.checkpoint';
import { isPostgresUrl } from './db/backup';
import { markNudged, takeNudge } from './events/events';
import { EVENTS_NUDGE, onRelayedNudge, runPrimary, runsBackgroundJobs, webConcurrency, workerIndex } from './cluster';

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
  const workers = cluster.isPrimary ? webConcurrency() : 1;
  const url = databaseUrl();
  if (workers > 1 && !isPostgresUrl(url)) {
    // PGlite is a database inside one process (src/db/lock.ts): a second process cannot open it.
    throw new Error(
      `WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY} needs PostgreSQL (DATABASE_URL=postgres://…): the embedded database serves one process; unset WEB_CONCURRENCY or set it to 1`,
    );
  }
  if (workers > 1) {
    const database = await openDatabase(url);
    process.stderr.write('Database: PostgreSQL\n');
    await prepareAndGreet(database, opts.demo);
    await database.close();
    return runPrimary({ workers, port: opts.port });
  }
  const worker = workerIndex();
  const database = await openDatabase(url);
  // Under a primary, the database was prepared before the fork.
  if (worker === null) {
    process.stderr.write(`Database: ${database.kind === 'postgres' ? 'PostgreSQL' : `embedded PGlite at ${url}`}\n`);
    await prepareAndGreet(database, opts.demo);
  }
  const ctx: AppContext = { database, db: database.db, now: () => new Date(), config: appConfig() };
  const app = await buildApp(ctx);
  if (worker !== null) {
    // Which worker answered (its number, 1..N): for operators and the cluster test; no personal data.
    const id = String(worker);
    app.addHook('onRequest', (_req, reply, done) => {
      reply.header('x-samanvay-worker', id);
      done();
    });
  }
  // Matching uses the deployment's refitted model from the first request (issue #15).
  await loadActiveModel(ctx.db);
  const background = runsBackgroundJobs() ? await startBackground(ctx, app, url) : relayEventNudges();
  await app.listen({ port: opts.port, host: opts.host ?? '0.0.0.0' });
  if (worker === null) process.stderr.write(`Samanvay is ready on http://localhost:${opts.port}\n`);
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await background.stop();
      await database.close();
      process.exit(0);
    })());
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A worker whose primary is gone (killed) stops too, instead of serving on unsupervised.
  if (worker !== null) process.on('disconnect', stop);
  return { app, database };
}

async function prepareAndGreet(database: Database, demo: boolean | undefined) {
  await prepareDatabase(database, { demo: shouldSeedDemo(demo, database.kind), log: (s) => process.stderr.write(s + '\n') });
  const [{ n: users }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
  if (users === 0) process.stderr.write(FIRST_ADMIN_HELP + '\n');
}

/**
 * The workers that do not run the jobs pass on "an event was published here" to the one that
 * does (through the primary), so the registry still follows an order within seconds.
 */
function relayEventNudges() {
  const timer = setInterval(() => {
    if (takeNudge()) process.send?.(EVENTS_NUDGE);
  }, 500);
  timer.unref();
  return { stop: async () => clearInterval(timer) };
}

/** pg-boss workers and cron ticks, and the audit sweeper: in a lone server, or in worker 1. */
async function startBackground(ctx: AppContext, app: Awaited<ReturnType<typeof buildApp>>, url: string) {
  const { database } = ctx;
  if (workerIndex() !== null) onRelayedNudge(markNudged);
  // Background work on pg-boss (both databases): overdue case alerts and convergence reminders.
  const jobs = await startCaseJobs(ctx);
  await registerConvergenceJobs(jobs.boss, ctx);
  await registerMissingJobs(jobs.boss, ctx);
  // A national proposal arriving confirmed by replication closes this state's records at once
  // (docs/SCALE.md §4); the missing sweep above stays the safety net for a lost notification.
  const arrivals = await listenForConfirmedNationalMatches(ctx);
  // Registry rows keyed under older name rules get new search keys (issue #15), in the background.
  await registerRegistryJobs(jobs.boss, ctx);
  await registerEventJobs(jobs.boss, ctx);
  await registerHelplineJobs(jobs.boss, ctx);
  // The grant ledger's 'due' entries of the month (issue #14), daily at 06:00 IST.
  await registerCareJobs(jobs.boss, ctx);
  // Months a sponsorship pause touches are withheld (issue #18), daily at 06:15 IST.
  await registerSponsorshipJobs(jobs.boss, ctx);
  // The Mission Vatsalya monthly report to its recipients, on the 5th at 09:00 IST.
  await registerReportJobs(jobs.boss, ctx);
  // The kept dashboard counts every 5 minutes, so a state's published figures do not age (issue #19).
  await registerDashboardJobs(jobs.boss, ctx);
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
  return {
    async stop() {
      await auditSweeper.stop();
      await arrivals.stop();
      await jobs.stop();
    },
  };
}
