import pg from 'pg';
import type { Database } from '../db/client';
import { NATION_DASHBOARD_SQL, NATION_SQL, STATE_SQL, nationPublicationFor, stateDashboardSql } from './federation.sql';

/**
 * Setting up the federation on servers that already run (issue #19, docs/DEPLOYMENT.md "The
 * federation on real servers"): each step is what `startFederation` does on its throw-away
 * clusters, made safe to run again (a step already done is reported and skipped) and refused,
 * with the reason, when the server cannot take it. Nothing here starts or stops a server.
 */

export type Log = (line: string) => void;

/** What a step did: `done` now, or `already` there from an earlier run. */
export type StepResult = 'done' | 'already';

/** The refusal of a step, with the setting or input that must change. */
export class FederationSetupError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

async function one<T>(db: Pick<Database, 'query'>, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await db.query<T>(sql, params))[0];
}

/** Logical replication needs wal_level = logical on every publishing server (a restart to change). */
async function requireLogical(db: Database, field: string): Promise<void> {
  const row = await one<{ wal_level: string }>(db, 'SHOW wal_level');
  if (row?.wal_level !== 'logical')
    throw new FederationSetupError(
      field,
      `wal_level is '${row?.wal_level ?? 'unknown'}'; logical replication needs wal_level = logical in postgresql.conf (and a restart)`,
    );
}

const exists = async (db: Database, sql: string, params: unknown[]) => !!(await one(db, sql, params));
const publicationExists = (db: Database, name: string) => exists(db, 'SELECT 1 FROM pg_publication WHERE pubname = $1', [name]);
const subscriptionExists = (db: Database, name: string) =>
  exists(
    db,
    'SELECT 1 FROM pg_subscription WHERE subname = $1 AND subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())',
    [name],
  );
const tableExists = (db: Database, name: string) =>
  exists(db, "SELECT 1 FROM pg_class WHERE oid = to_regclass($1) AND relkind IN ('r', 'p')", [name]);

function stateCodeOf(code: number): number {
  if (!Number.isInteger(code) || code <= 0 || code > 99) throw new FederationSetupError('--state-code', `not an LGD state code: ${code}`);
  return code;
}

/**
 * A state's server (migrated by `samanvay migrate`): the publications of its open records' compared
 * columns and its dashboards' counts, and the tables the nation's proposals arrive in. One
 * transaction: a failure leaves nothing half made.
 */
export async function setupState(db: Database, stateCode: number, log: Log = () => undefined): Promise<StepResult> {
  const code = stateCodeOf(stateCode);
  if (db.kind !== 'postgres')
    throw new FederationSetupError('--database-url', 'the federation needs PostgreSQL (the embedded database cannot publish)');
  if (!(await tableExists(db, 'public.missing_record')))
    throw new FederationSetupError('--database-url', 'this database has no Samanvay schema; run `samanvay migrate` on it first');
  const state = await one<{ name: string }>(db, "SELECT name FROM location WHERE level = 'state' AND state_code = $1", [code]);
  if (!state) throw new FederationSetupError('--state-code', `state ${code} is not among this database's LGD states`);
  await requireLogical(db, '--database-url');
  if (await publicationExists(db, 'missing_national')) {
    log(`state ${code} (${state.name}): already set up (publication missing_national exists)`);
    return 'already';
  }
  await db.transaction(async (tx) => {
    await tx.exec(STATE_SQL);
    await tx.exec(stateDashboardSql(code));
  });
  log(`state ${code} (${state.name}): publications missing_national, national_decisions, dashboard_national; table national_match`);
  return 'done';
}

/** The national server: the replicated records' and proposals' tables and the dashboards' copies. One transaction. */
export async function setupNation(db: Database, log: Log = () => undefined): Promise<StepResult> {
  if (db.kind !== 'postgres') throw new FederationSetupError('--database-url', 'the national server is a PostgreSQL database');
  if (await tableExists(db, 'public.national_match')) {
    log('nation: already set up (table national_match exists)');
    return 'already';
  }
  if (await tableExists(db, 'public.case_record'))
    throw new FederationSetupError('--database-url', "this is a state's database (it holds cases); the nation needs a database of its own");
  await requireLogical(db, '--database-url');
  await db.transaction(async (tx) => {
    await tx.exec(NATION_SQL);
    await tx.exec(NATION_DASHBOARD_SQL);
  });
  log('nation: national schema (replicated records, proposals, dashboards)');
  return 'done';
}

/** Refuses a database that is not a set-up national one (a state's, or one never set up). */
export async function requireNation(db: Database, field: string): Promise<void> {
  if (!(await tableExists(db, 'public.national_match')) || (await tableExists(db, 'public.case_record')))
    throw new FederationSetupError(field, 'not a set-up national database; run `samanvay federation setup-nation` on it first');
}

/** A database on a server as two parties see it: the URL we connect with, and the conninfo the other server's subscription uses. */
export interface Endpoint {
  database: Database;
  /** libpq connection string (or URL) the *other* server uses to reach this one. */
  conninfo: string;
  /** A URL for statements outside a transaction (CREATE SUBSCRIPTION). */
  url: string;
}

/** One statement outside a transaction block (CREATE SUBSCRIPTION may not run in one). */
export async function adminStatement(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A conninfo written into SQL as a literal: quotes doubled; no other text from input reaches the statement. */
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The nation's subscription to one state's dashboard figures (national-dashboard.ts reads its state). */
export const dashboardSubscription = (stateCode: number) => `dashboard_from_${stateCode}`;

/**
 * Joins a set-up state to the set-up nation: the state's LGD state and district names at the nation
 * (the engine compares them; reference data, no one's record), the nation's publication of the
 * proposals naming the state's records, and the three subscriptions (the nation to the state's
 * records and decisions, and to its dashboard figures; the state to its proposals). Each step is
 * skipped when already there, so a join interrupted half way is finished by running it again.
 */
export async function joinState(stateCode: number, state: Endpoint, nation: Endpoint, log: Log = () => undefined): Promise<void> {
  const code = stateCodeOf(stateCode);
  if (!(await publicationExists(state.database, 'missing_national')))
    throw new FederationSetupError(
      '--state-url',
      `the state's database is not set up; run \`samanvay federation setup-state --state-code ${code}\` on it first`,
    );
  await requireNation(nation.database, '--nation-url');
  const units = await state.database.query<{ id: string; level: string; state_code: number; name: string }>(
    "SELECT id, level, state_code, name FROM location WHERE level IN ('state', 'district') AND state_code = $1",
    [code],
  );
  if (!units.some((u) => u.level === 'state'))
    throw new FederationSetupError('--state-code', `state ${code} is not among the state database's LGD states`);
  await nation.database.transaction(async (tx) => {
    for (const u of units)
      await tx.query('INSERT INTO location (id, level, state_code, name) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [
        u.id,
        u.level,
        u.state_code,
        u.name,
      ]);
  });
  log(`nation: ${units.length} LGD names of state ${code}`);
  const steps: { name: string; present: () => Promise<boolean>; run: () => Promise<void> }[] = [
    {
      name: `publication national_match_${code} at the nation`,
      present: () => publicationExists(nation.database, `national_match_${code}`),
      run: () => nation.database.exec(nationPublicationFor(code)),
    },
    {
      name: `subscription missing_from_${code} (nation ← state: open records, decisions)`,
      present: () => subscriptionExists(nation.database, `missing_from_${code}`),
      run: () =>
        adminStatement(
          nation.url,
          `CREATE SUBSCRIPTION missing_from_${code} CONNECTION ${literal(state.conninfo)} PUBLICATION missing_national, national_decisions`,
        ),
    },
    {
      name: `subscription national_match_to_${code} (state ← nation: proposals naming its records)`,
      present: () => subscriptionExists(state.database, `national_match_to_${code}`),
      run: () =>
        adminStatement(
          state.url,
          `CREATE SUBSCRIPTION national_match_to_${code} CONNECTION ${literal(nation.conninfo)} PUBLICATION national_match_${code}`,
        ),
    },
    {
      // On a subscription of its own: its state (pg_stat_subscription) tells the national
      // dashboard whether that state's figures are still arriving.
      name: `subscription ${dashboardSubscription(code)} (nation ← state: dashboard figures)`,
      present: () => subscriptionExists(nation.database, dashboardSubscription(code)),
      run: () =>
        adminStatement(
          nation.url,
          `CREATE SUBSCRIPTION ${dashboardSubscription(code)} CONNECTION ${literal(state.conninfo)} PUBLICATION dashboard_national`,
        ),
    },
  ];
  for (const s of steps) {
    if (await s.present()) {
      log(`${s.name}: already there`);
      continue;
    }
    await s.run();
    log(`${s.name}: made`);
  }
}
