import type { Command } from 'commander';
import { openDatabase } from '../db/client';
import { runFederationDemo } from './round-trip';
import { nationalDashboard } from './national-dashboard';
import { DASHBOARD_FORMATS, formatDashboard, staleWarnings, type DashboardFormat } from './national-dashboard.format';
import { registerFederationSetupCommands } from './setup.cli';

/** `samanvay federation-demo` (the logical-replication prototype's round trip) and `national-dashboard` (docs/SCALE.md §4). */
export function registerFederationCommands(program: Command): void {
  registerFederationSetupCommands(program);
  program
    .command('federation-demo')
    .description(
      'start three throw-away PostgreSQL clusters (two states, the nation), replicate, match nationally, replicate the proposal back, show the national dashboard, and remove them',
    )
    .option('--lag-records <n>', 'also measure the replication lag of n records inserted at once', '0')
    .action(async (o) => {
      const lagRecords = Number(o.lagRecords);
      if (!Number.isInteger(lagRecords) || lagRecords < 0) throw new Error('--lag-records: a whole number');
      await runFederationDemo({ log: (line) => process.stdout.write(`${line}\n`), lagRecords, now: () => new Date() });
    });

  program
    .command('national-dashboard')
    .description("print the national dashboard from the nation's database: each state's and district's figures as the states publish them")
    .option('--database-url <url>', 'the national database (postgres://…); default DATABASE_URL', process.env.DATABASE_URL)
    .option('--format <format>', `one of ${DASHBOARD_FORMATS.join(', ')}`, 'table')
    .option('--max-age-minutes <n>', "a state's figures older than this are stale", '30')
    .action(async (o) => {
      const url = String(o.databaseUrl ?? '');
      if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('--database-url: the national PostgreSQL database (postgres://…)');
      if (!DASHBOARD_FORMATS.includes(o.format)) throw new Error(`--format: one of ${DASHBOARD_FORMATS.join(', ')}`);
      const maxAgeMinutes = Number(o.maxAgeMinutes);
      if (!Number.isFinite(maxAgeMinutes) || maxAgeMinutes <= 0) throw new Error('--max-age-minutes: a positive number');
      const nation = await openDatabase(url);
      try {
        process.stderr.write('reading the national dashboard…\n');
        // The command's edge reads the wall clock once; the dashboard is judged against it.
        const d = await nationalDashboard(nation, { now: new Date(), maxAgeMinutes });
        for (const w of staleWarnings(d)) process.stderr.write(`${w}\n`);
        process.stdout.write(formatDashboard(d, o.format as DashboardFormat));
      } finally {
        await nation.close();
      }
    });
}
