import type { Command } from 'commander';
import { runFederationDemo } from './round-trip';

/** `samanvay federation-demo`: the logical-replication prototype's round trip on clusters of its own (docs/SCALE.md §4). */
export function registerFederationCommands(program: Command): void {
  program
    .command('federation-demo')
    .description(
      'start three throw-away PostgreSQL clusters (two states, the nation), replicate, match nationally, replicate the proposal back, and remove them',
    )
    .option('--lag-records <n>', 'also measure the replication lag of n records inserted at once', '0')
    .action(async (o) => {
      const lagRecords = Number(o.lagRecords);
      if (!Number.isInteger(lagRecords) || lagRecords < 0) throw new Error('--lag-records: a whole number');
      await runFederationDemo({ log: (line) => process.stdout.write(`${line}\n`), lagRecords });
    });
}
