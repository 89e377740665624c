/**
 * Registry name search at scale (issue #19): the app's search (phonetic keys + GIN + likeness
 * ranking, `searchChildren`) against what a PostgreSQL user would build instead, a pg_trgm GIN
 * index with similarity ranking, and an unindexed ILIKE, in the same run over the same rows,
 * for 200 queries written in another spelling or script (search-data.ts).
 *
 *   BENCH_ONLY=search npm run bench
 *   BENCH_SEARCH_ROWS_PG (default 10 lakh; 1 crore: see bench/README.md), BENCH_SEARCH_ROWS_PGLITE
 *   (default 1 lakh; 0 skips), BENCH_SEARCH_LAYOUT=plain|partitioned|both (default both: the
 *   production layout is state-partitioned by `samanvay partition`, docs/SCALE.md §3),
 *   BENCH_SEARCH_TRGM_THRESHOLDS (default 0.3,0.2; `none` measures the app and ILIKE only),
 *   BENCH_SEARCH_TRGM_QUERIES (default all 200: the baselines run on the first N targets only, and the
 *   app is reported on those same N beside its figures on all 200; at 1 crore pg_trgm takes seconds a
 *   query), BENCH_SEARCH_BASELINE_TIMEOUT_MS (default none: a baseline statement running longer is
 *   cancelled and counted as a miss at the capped time, and the count of such is reported).
 *
 * pg_trgm runs on PostgreSQL only (PGlite would need its contrib module loaded at start).
 */
import pg from 'pg';
import type { Database } from '../../src/db/client';
import type { Actor } from '../../src/access/policy';
import type { AppContext } from '../../src/http/context';
import { searchChildren } from '../../src/registry/children.service';
import { addState, convertTable, PARTITIONABLE_TABLES } from '../../src/db/partition/partition';
import { convertReferenced, REFERENCED_TABLES } from '../../src/db/partition/referenced';
import { percentile, round, timeIt, type BenchResult } from '../types';
import { log, PG_URL, scratchDatabase } from '../support';
import { buildIndexes, populate, stats, type Target } from './search-data';

const STATE_ACTOR: Actor = {
  userId: '00000000-0000-4000-8000-000000000000',
  username: 'bench',
  displayName: 'bench',
  role: 'dcpu_officer',
  organisationId: null,
  organisationKind: null,
  scope: { level: 'state', stateCode: 27 },
};
const K = 25;

/** The query a PostgreSQL user would write, scoped like the app's (the actor's state). */
const TRGM_SQL = `SELECT id FROM child
  WHERE state_code = 27 AND (name % $1 OR name_local % $1)
  ORDER BY greatest(similarity(name, $1), similarity(name_local, $1)) DESC LIMIT ${K}`;

interface Measured {
  times: number[];
  hits: boolean[];
  /** Baseline statements cancelled by BENCH_SEARCH_BASELINE_TIMEOUT_MS (counted as misses). */
  timedOut: number;
}

const recall = (m: Measured, targets: Target[], keep: (t: Target) => boolean = () => true) => {
  const idx = targets.map((t, i) => (keep(t) ? i : -1)).filter((i) => i >= 0);
  return idx.length ? idx.filter((i) => m.hits[i]).length / idx.length : NaN;
};

async function measureApp(database: Database, targets: Target[]): Promise<Measured> {
  const ctx = { database, db: database.db, now: () => new Date(), config: {} } as unknown as AppContext;
  const out: Measured = { times: [], hits: [], timedOut: 0 };
  for (const t of targets) {
    const [ms, res] = await timeIt(() => searchChildren(ctx, STATE_ACTOR, t.query, {}, new Date()));
    out.times.push(ms);
    out.hits.push(res.slice(0, K).some((r) => r.id === t.id));
  }
  return out;
}

const ILIKE_SQL = `SELECT id FROM child WHERE state_code = 27 AND (name ILIKE $1 OR name_local ILIKE $1) LIMIT ${K}`;

/**
 * A baseline statement on one connection (so that the session's similarity threshold and
 * statement_timeout hold for every query). A statement cancelled by the timeout counts as a miss
 * at the capped time: a user would not have waited for it either.
 */
async function measureSql(
  client: pg.Client,
  text: string,
  targets: Target[],
  param: (t: Target) => string,
  timeoutMs: number,
  what: string,
): Promise<Measured> {
  const out: Measured = { times: [], hits: [], timedOut: 0 };
  for (const [i, t] of targets.entries()) {
    try {
      const [ms, res] = await timeIt(() => client.query<{ id: string }>(text, [param(t)]));
      out.times.push(ms);
      out.hits.push(res.rows.some((r) => r.id === t.id));
    } catch (err) {
      if ((err as { code?: string }).code !== '57014' || !timeoutMs) throw err;
      out.times.push(timeoutMs);
      out.hits.push(false);
      out.timedOut++;
    }
    if (targets.length > 10 && (i + 1) % 10 === 0)
      log(
        `    ${what}: ${i + 1}/${targets.length} queries, ${out.timedOut} timed out, median so far ${round(percentile(out.times, 50))} ms`,
      );
  }
  return out;
}

async function partition(database: Database) {
  const [ms] = await timeIt(async () => {
    for (const t of PARTITIONABLE_TABLES) await convertTable(database, t);
    for (const t of REFERENCED_TABLES) await convertReferenced(database, t);
    for (let s = 1; s <= 38; s++) await addState(database, s);
  });
  log(`  partitioned (${PARTITIONABLE_TABLES.length + REFERENCED_TABLES.length} tables, 38 states) in ${round(ms / 1000, 1)} s`);
}

interface Options {
  thresholds: number[];
  /** How many of the targets (the first ones) the baselines run on. */
  baselineQueries: number;
  timeoutMs: number;
}

/** Drops the scratch database if the run is interrupted (Ctrl-C, kill): a 1-crore database is ≈ 5 GB. */
function dropOnSignal(database: { drop: () => Promise<void> }, name: string) {
  const onSignal = (sig: NodeJS.Signals) => {
    log(`  ${sig}: dropping ${name}`);
    database
      .drop()
      .catch((err: Error) => log(`  could not drop ${name}: ${err.message}; DROP DATABASE ${name} WITH (FORCE) by hand`))
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

async function runOne(kind: 'postgres' | 'pglite', n: number, layout: 'plain' | 'partitioned', opts: Options): Promise<BenchResult[]> {
  log(`name search: ${n} children on ${kind} (${layout})`);
  const scratch = await scratchDatabase(kind);
  // Dropped once, whichever comes first: the end of the run or a signal.
  let dropping: Promise<void> | undefined;
  const dropScratch = scratch.drop;
  const database = Object.assign(scratch, { drop: () => (dropping ??= dropScratch()) });
  const [{ db }] = await database.query<{ db: string }>('SELECT current_database() AS db');
  if (kind === 'postgres') log(`  scratch database ${db} (dropped at the end, on failure and on SIGINT/SIGTERM)`);
  const undoSignal = dropOnSignal(database, db);
  let client: pg.Client | undefined;
  try {
    if (layout === 'partitioned') await partition(database);
    const [{ parted }] = await database.query<{ parted: boolean }>(
      "SELECT relkind = 'p' AS parted FROM pg_class WHERE oid = 'child'::regclass",
    );
    const targets = await populate(database, n);
    const sample = targets.slice(0, Math.min(targets.length, opts.baselineQueries));
    const thresholds = kind === 'postgres' ? opts.thresholds : [];
    let trgmIndexMs = 0;
    if (thresholds.length) {
      log('  building the pg_trgm indexes…');
      [trgmIndexMs] = await timeIt(async () => {
        await database.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
        await buildIndexes(database, [
          'CREATE INDEX bench_child_name_trgm ON child USING gin (name gin_trgm_ops)',
          'CREATE INDEX bench_child_name_local_trgm ON child USING gin (name_local gin_trgm_ops)',
        ]);
        await database.exec('ANALYZE child');
      });
      log(`  pg_trgm indexes built in ${round(trgmIndexMs / 1000, 1)} s`);
    }
    if (kind === 'postgres') {
      const url = new URL(PG_URL);
      url.pathname = `/${db}`;
      client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      if (thresholds.length) {
        const plan = await client.query(`EXPLAIN ${TRGM_SQL.replace(/\$1/g, "'Ramesh Patil'")}`);
        log('  trgm plan: ' + plan.rows.map((r) => Object.values(r)[0]).join(' | '));
      }
      if (opts.timeoutMs) await client.query(`SET statement_timeout = ${opts.timeoutMs}`);
    }
    const sizes =
      kind === 'postgres'
        ? (
            await database.query<{ n: string; s: string }>(
              `SELECT r AS n, pg_size_pretty(coalesce((SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree(r::regclass)), pg_total_relation_size(r::regclass))) AS s
                 FROM unnest(ARRAY['child', 'child_name_keys_idx', 'bench_child_name_trgm', 'bench_child_name_local_trgm']) r WHERE to_regclass(r) IS NOT NULL ORDER BY 1`,
            )
          )
            .map((r) => `${r.n} ${r.s}`)
            .join(', ')
        : '';
    if (sizes) log(`  sizes: ${sizes}`);

    // Warm caches and JIT for each contender, then measure all in the same run, one contender after another.
    log(
      `  measuring: app on ${targets.length} queries, baselines on ${sample.length}${opts.timeoutMs ? `, timeout ${opts.timeoutMs} ms` : ''}`,
    );
    await measureApp(database, targets.slice(0, 10));
    const app = await measureApp(database, targets);
    log(`    app: median ${round(percentile(app.times, 50))} ms, p95 ${round(percentile(app.times, 95))} ms`);
    const like = (t: Target) => `%${t.query}%`;
    let ilike: Measured;
    if (client) {
      await measureSql(client, ILIKE_SQL, sample.slice(0, 3), like, opts.timeoutMs, 'ILIKE warm-up');
      ilike = await measureSql(client, ILIKE_SQL, sample, like, opts.timeoutMs, 'ILIKE');
    } else ilike = await measureIlikePglite(database, sample);
    const trgm: [number, Measured][] = [];
    for (const th of client ? thresholds : []) {
      await client!.query(`SET pg_trgm.similarity_threshold = ${th}`);
      // Two warm-up queries only: at 1 crore each takes seconds.
      await measureSql(client!, TRGM_SQL, sample.slice(0, 2), (t) => t.query, opts.timeoutMs, 'pg_trgm warm-up');
      trgm.push([th, await measureSql(client!, TRGM_SQL, sample, (t) => t.query, opts.timeoutMs, `pg_trgm ${th}`)]);
    }
    const label = `search ${kind} ${n.toLocaleString('en-IN')} children${kind === 'postgres' ? ` (${parted ? 'partitioned' : 'unpartitioned'})` : ''}`;
    const p = (m: Measured, q: number) => percentile(m.times, q);
    const cross = (t: Target) => t.crossScript;
    const dev = (t: Target) => t.devanagari && !t.crossScript;
    const latin = (t: Target) => !t.devanagari && !t.crossScript;
    const breakdown = (m: Measured, tg: Target[]) => {
      const count = (f: (t: Target) => boolean) => tg.filter(f).length;
      return `latin respellings ${round(recall(m, tg, latin), 3)} (${count(latin)}), Devanagari with a Devanagari name stored ${round(recall(m, tg, dev), 3)} (${count(dev)}), other script only ${round(recall(m, tg, cross), 3)} (${count(cross)})`;
    };
    // The app on the same queries as the baselines, so speed and recall are compared like for like.
    const appOnSample: Measured = { times: app.times.slice(0, sample.length), hits: app.hits.slice(0, sample.length), timedOut: 0 };
    const partial = sample.length < targets.length;
    const out: BenchResult[] = [];
    const vs = (name: string, other: Measured, note: string) => {
      const q = `${sample.length} queries${partial ? ` (the first ${sample.length} of ${targets.length})` : ''}`;
      const capped = other.timedOut
        ? `; ${other.timedOut} of ${sample.length} cancelled at ${opts.timeoutMs} ms, counted as misses at that time`
        : '';
      out.push(
        {
          name: `${label}: median, app vs ${name}`,
          value: round(p(appOnSample, 50)),
          unit: 'ms',
          baseline: round(p(other, 50)),
          ratio: round(p(other, 50) / p(appOnSample, 50), 1),
          note: `${q}; ${note}${capped}`,
        },
        {
          name: `${label}: p95, app vs ${name}`,
          value: round(p(appOnSample, 95)),
          unit: 'ms',
          baseline: round(p(other, 95)),
          ratio: round(p(other, 95) / p(appOnSample, 95), 1),
          note: `${q}${capped}`,
        },
        {
          name: `${label}: recall@${K}, app vs ${name}`,
          value: round(recall(appOnSample, sample), 3),
          unit: 'fraction',
          baseline: round(recall(other, sample), 3),
          note: `${q}; app: ${breakdown(appOnSample, sample)}; ${name}: ${breakdown(other, sample)}${capped}`,
        },
      );
    };
    for (const [th, m] of trgm)
      vs(
        `pg_trgm ${th}`,
        m,
        `baseline: GIN gin_trgm_ops on name and name_local, name % q OR name_local % q by greatest similarity, threshold ${th}; trgm indexes ${round(trgmIndexMs / 1000, 1)} s`,
      );
    vs('ILIKE', ilike, 'baseline: ILIKE %q% scan over name and name_local');
    out.push(
      {
        name: `${label}: app median, all ${targets.length} queries`,
        value: round(p(app, 50)),
        unit: 'ms',
        note: 'the app alone; the ratios above are on the baselines’ queries',
      },
      { name: `${label}: app p95, all ${targets.length} queries`, value: round(p(app, 95)), unit: 'ms' },
      {
        name: `${label}: app recall@${K} by kind, all ${targets.length} queries`,
        value: round(recall(app, targets), 3),
        unit: 'fraction',
        note: breakdown(app, targets),
      },
      {
        name: `${label}: populate`,
        value: round(stats.loadMs / 1000, 1),
        unit: 's',
        note: `INSERT … SELECT in 2.5-lakh batches without the secondary indexes; rebuilding them ${round(stats.indexMs / 1000, 1)} s; VACUUM ANALYZE ${round(stats.vacuumMs / 1000, 1)} s${sizes ? `; ${sizes}` : ''}`,
      },
    );
    return out;
  } finally {
    await client?.end();
    await database.drop();
    undoSignal();
  }
}

/** PGlite has no second connection to hold a timeout: the ILIKE baseline through the app's pool. */
async function measureIlikePglite(database: Database, targets: Target[]): Promise<Measured> {
  const out: Measured = { times: [], hits: [], timedOut: 0 };
  for (const t of targets) {
    const [ms, rows] = await timeIt(() => database.query<{ id: string }>(ILIKE_SQL, [`%${t.query}%`]));
    out.times.push(ms);
    out.hits.push(rows.some((r) => r.id === t.id));
  }
  return out;
}

export async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const thresholds = (process.env.BENCH_SEARCH_TRGM_THRESHOLDS ?? '0.3,0.2')
    .split(',')
    .filter((x) => x && x !== 'none')
    .map(Number);
  const layout = process.env.BENCH_SEARCH_LAYOUT ?? 'both';
  const layouts = (layout === 'both' ? ['plain', 'partitioned'] : [layout]) as ('plain' | 'partitioned')[];
  const pgRows = Number(process.env.BENCH_SEARCH_ROWS_PG ?? 1_000_000);
  const pgliteRows = Number(process.env.BENCH_SEARCH_ROWS_PGLITE ?? 100_000);
  const opts: Options = {
    thresholds,
    baselineQueries: Number(process.env.BENCH_SEARCH_TRGM_QUERIES || Infinity),
    timeoutMs: Number(process.env.BENCH_SEARCH_BASELINE_TIMEOUT_MS || 0),
  };
  if (!(opts.baselineQueries > 0) || !(opts.timeoutMs >= 0) || thresholds.some((t) => !(t > 0 && t < 1)))
    throw new Error('BENCH_SEARCH_TRGM_QUERIES must be > 0, BENCH_SEARCH_BASELINE_TIMEOUT_MS >= 0, thresholds in (0, 1)');
  // Each configuration's rows on stderr as soon as measured: a long run stopped later keeps them.
  const keep = (rows: BenchResult[]) => {
    for (const r of rows) log(`  result: ${JSON.stringify(r)}`);
    out.push(...rows);
  };
  if (pgRows > 0) for (const l of layouts) keep(await runOne('postgres', pgRows, l, opts));
  if (pgliteRows > 0) keep(await runOne('pglite', pgliteRows, 'plain', opts));
  return out;
}
