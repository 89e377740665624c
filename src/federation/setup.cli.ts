import { setTimeout as delay } from 'node:timers/promises';
import type { Command } from 'commander';
import { openDatabase, type Database } from '../db/client';
import { matchNationalPending } from './national-matching';
import { joinState, requireNation, setupNation, setupState, type Endpoint } from './setup';

/**
 * `samanvay federation setup-state | setup-nation | join | match`: the federation on servers that
 * already run (docs/DEPLOYMENT.md "The federation on real servers"). Each prints what it did on
 * stdout and refuses bad input with the option and the reason (exit 1), writing nothing.
 */
const say = (line: string) => process.stdout.write(`${line}\n`);
const BATCH = 500;

function postgresUrl(option: string, value: unknown): string {
  const url = String(value ?? '');
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`${option}: a PostgreSQL database URL (postgres://…)`);
  return url;
}

function stateCode(value: unknown): number {
  const code = Number(value);
  if (!/^\d{1,2}$/.test(String(value ?? '')) || code <= 0)
    throw new Error('--state-code: the LGD state code (1–99), e.g. 27 for Maharashtra');
  return code;
}

async function withDatabases<T>(urls: string[], fn: (dbs: Database[]) => Promise<T>): Promise<T> {
  const dbs: Database[] = [];
  try {
    for (const u of urls) dbs.push(await openDatabase(u));
    return await fn(dbs);
  } finally {
    await Promise.allSettled(dbs.map((d) => d.close()));
  }
}

export function registerFederationSetupCommands(program: Command): void {
  const fed = program
    .command('federation')
    .description(
      'set up the federation of state databases and the national database on running PostgreSQL servers, and run national matching',
    );

  fed
    .command('setup-state')
    .description("a state's database (migrated): publish its open missing/found records' compared fields and its dashboard counts")
    .option('--database-url <url>', "the state's database; default DATABASE_URL", process.env.DATABASE_URL)
    .requiredOption('--state-code <code>', 'its LGD state code')
    .action(async (o) => {
      const url = postgresUrl('--database-url', o.databaseUrl);
      const code = stateCode(o.stateCode);
      await withDatabases([url], ([db]) => setupState(db, code, say));
    });

  fed
    .command('setup-nation')
    .description('the national database (a database of its own): tables for the replicated records, the proposals and the dashboards')
    .option('--database-url <url>', 'the national database; default DATABASE_URL', process.env.DATABASE_URL)
    .action(async (o) => {
      const url = postgresUrl('--database-url', o.databaseUrl);
      await withDatabases([url], ([db]) => setupNation(db, say));
    });

  fed
    .command('join')
    .description('subscribe the nation to a set-up state and the state to its national proposals (safe to run again)')
    .requiredOption('--state-code <code>', "the state's LGD state code")
    .requiredOption('--state-url <url>', "the state's database, as this machine reaches it")
    .requiredOption('--nation-url <url>', 'the national database, as this machine reaches it')
    .option('--state-conninfo <conninfo>', "how the national server reaches the state's (default --state-url)")
    .option('--nation-conninfo <conninfo>', "how the state's server reaches the national (default --nation-url)")
    .action(async (o) => {
      const code = stateCode(o.stateCode);
      const stateUrl = postgresUrl('--state-url', o.stateUrl);
      const nationUrl = postgresUrl('--nation-url', o.nationUrl);
      if (stateUrl === nationUrl) throw new Error('--nation-url: the national database must not be the state database');
      await withDatabases([stateUrl, nationUrl], async ([state, nation]) => {
        const at = (database: Database, url: string, conninfo: unknown): Endpoint => ({ database, url, conninfo: String(conninfo ?? url) });
        await joinState(code, at(state, stateUrl, o.stateConninfo), at(nation, nationUrl, o.nationConninfo), say);
      });
    });

  fed
    .command('match')
    .description('match the records that arrived at the national database since they were last matched; with --every, keep doing it')
    .option('--database-url <url>', 'the national database; default DATABASE_URL', process.env.DATABASE_URL)
    .option('--every <seconds>', 'run again every so many seconds until stopped (SIGINT/SIGTERM)')
    .action(async (o) => {
      const url = postgresUrl('--database-url', o.databaseUrl);
      const every = o.every === undefined ? null : Number(o.every);
      if (every !== null && !(Number.isFinite(every) && every >= 1)) throw new Error('--every: a number of seconds, at least 1');
      await withDatabases([url], async ([nation]) => {
        await requireNation(nation, '--database-url');
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
        try {
          do {
            // A backlog is worked off a batch at a time, oldest first.
            let total = 0;
            for (;;) {
              const run = await matchNationalPending(nation, BATCH);
              total += run.matched;
              if (run.matched) say(`matched ${run.matched} record(s): ${run.proposed} proposal(s), ${run.withdrawn} withdrawn`);
              if (run.matched < BATCH || stop.signal.aborted) break;
            }
            if (every === null) say(total ? `done: ${total} record(s) matched` : 'nothing to match');
            // A stop between runs ends the wait at once.
            else await delay(every * 1000, undefined, { signal: stop.signal }).catch(() => undefined);
          } while (every !== null && !stop.signal.aborted);
        } finally {
          process.removeListener('SIGINT', onSignal).removeListener('SIGTERM', onSignal);
        }
      });
    });
}
