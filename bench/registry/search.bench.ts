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
 *   BENCH_SEARCH_TRGM_THRESHOLDS (default 0.3,0.2; `none` measures the app and ILIKE only).
 *
 * pg_trgm runs on PostgreSQL only (PGlite would need its contrib module loaded at start).
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
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
}

const recall = (m: Measured, targets: Target[], keep: (t: Target) => boolean = () => true) => {
  const idx = targets.map((t, i) => (keep(t) ? i : -1)).filter((i) => i >= 0);
  return idx.length ? idx.filter((i) => m.hits[i]).length / idx.length : NaN;
};

async function measureApp(database: Database, targets: Target[]): Promise<Measured> {
  const ctx = { database, db: database.db, now: () => new Date(), config: {} } as unknown as AppContext;
  const out: Measured = { times: [], hits: [] };
  for (const t of targets) {
    const [ms, res] = await timeIt(() => searchChildren(ctx, STATE_ACTOR, t.query, {}, new Date()));
    out.times.push(ms);
    out.hits.push(res.slice(0, K).some((r) => r.id === t.id));
  }
  return out;
}

async function measureIlike(database: Database, targets: Target[]): Promise<Measured> {
  const out: Measured = { times: [], hits: [] };
  for (const t of targets) {
    const like = `%${t.query}%`;
    const [ms, rows] = await timeIt(() =>
      database.db.execute(
        sql`SELECT id FROM child WHERE state_code = 27 AND (name ILIKE ${like} OR name_local ILIKE ${like}) LIMIT ${sql.raw(String(K))}`,
      ),
    );
    out.times.push(ms);
    const ids = ((rows as { rows?: { id: string }[] }).rows ?? (rows as unknown as { id: string }[])).map((r) => r.id);
    out.hits.push(ids.includes(t.id));
  }
  return out;
}

/** One connection, so that the session's similarity threshold holds for every query. */
async function measureTrgm(client: pg.Client, targets: Target[]): Promise<Measured> {
  const out: Measured = { times: [], hits: [] };
  for (const t of targets) {
    const [ms, res] = await timeIt(() => client.query<{ id: string }>(TRGM_SQL, [t.query]));
    out.times.push(ms);
    out.hits.push(res.rows.some((r) => r.id === t.id));
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

async function runOne(
  kind: 'postgres' | 'pglite',
  n: number,
  layout: 'plain' | 'partitioned',
  thresholds: number[],
): Promise<BenchResult[]> {
  log(`name search: ${n} children on ${kind} (${layout})`);
  const database = await scratchDatabase(kind);
  let client: pg.Client | undefined;
  try {
    if (layout === 'partitioned') await partition(database);
    const [{ parted }] = await database.query<{ parted: boolean }>(
      "SELECT relkind = 'p' AS parted FROM pg_class WHERE oid = 'child'::regclass",
    );
    const targets = await populate(database, n);
    let trgmIndexMs = 0;
    if (kind === 'postgres' && thresholds.length) {
      [trgmIndexMs] = await timeIt(async () => {
        await database.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
        await buildIndexes(database, [
          'CREATE INDEX bench_child_name_trgm ON child USING gin (name gin_trgm_ops)',
          'CREATE INDEX bench_child_name_local_trgm ON child USING gin (name_local gin_trgm_ops)',
        ]);
        await database.exec('ANALYZE child');
      });
      log(`  pg_trgm indexes built in ${round(trgmIndexMs / 1000, 1)} s`);
      const [{ db }] = await database.query<{ db: string }>('SELECT current_database() AS db');
      const url = new URL(PG_URL);
      url.pathname = `/${db}`;
      client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const plan = await client.query(`EXPLAIN ${TRGM_SQL.replace(/\$1/g, "'Ramesh Patil'")}`);
      log('  trgm plan: ' + plan.rows.map((r) => Object.values(r)[0]).join(' | '));
    }
    const sizes =
      kind === 'postgres'
        ? (
            await database.query<{ n: string; s: string }>(
              `SELECT r AS n, pg_size_pretty(coalesce((SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree(r::regclass)), pg_total_relation_size(r::regclass))) AS s
                 FROM unnest(ARRAY['child', 'bench_child_name_trgm', 'bench_child_name_local_trgm']) r WHERE to_regclass(r) IS NOT NULL ORDER BY 1`,
            )
          )
            .map((r) => `${r.n} ${r.s}`)
            .join(', ')
        : '';
    if (sizes) log(`  sizes: ${sizes}`);

    // Warm caches and JIT for each contender, then measure all in the same run, interleaved by contender.
    await measureApp(database, targets.slice(0, 10));
    await measureIlike(database, targets.slice(0, 5));
    const app = await measureApp(database, targets);
    const ilike = await measureIlike(database, targets);
    const trgm: [number, Measured][] = [];
    for (const th of client ? thresholds : []) {
      await client!.query(`SET pg_trgm.similarity_threshold = ${th}`);
      await measureTrgm(client!, targets.slice(0, 10));
      trgm.push([th, await measureTrgm(client!, targets)]);
    }
    const label = `search ${kind} ${n.toLocaleString('en-IN')} children${kind === 'postgres' ? ` (${parted ? 'partitioned' : 'unpartitioned'})` : ''}`;
    const p = (m: Measured, q: number) => percentile(m.times, q);
    const cross = (t: Target) => t.crossScript;
    const dev = (t: Target) => t.devanagari && !t.crossScript;
    const latin = (t: Target) => !t.devanagari && !t.crossScript;
    const count = (f: (t: Target) => boolean) => targets.filter(f).length;
    const breakdown = (m: Measured) =>
      `latin respellings ${round(recall(m, targets, latin), 3)} (${count(latin)}), Devanagari with a Devanagari name stored ${round(recall(m, targets, dev), 3)} (${count(dev)}), other script only ${round(recall(m, targets, cross), 3)} (${count(cross)})`;
    const out: BenchResult[] = [];
    const vs = (name: string, other: Measured, note: string) => {
      out.push(
        {
          name: `${label}: median, app vs ${name}`,
          value: round(p(app, 50)),
          unit: 'ms',
          baseline: round(p(other, 50)),
          ratio: round(p(other, 50) / p(app, 50), 1),
          note,
        },
        {
          name: `${label}: p95, app vs ${name}`,
          value: round(p(app, 95)),
          unit: 'ms',
          baseline: round(p(other, 95)),
          ratio: round(p(other, 95) / p(app, 95), 1),
        },
        {
          name: `${label}: recall@${K}, app vs ${name}`,
          value: round(recall(app, targets), 3),
          unit: 'fraction',
          baseline: round(recall(other, targets), 3),
          note: `${targets.length} queries; ${name}: ${breakdown(other)}`,
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
    out.push({
      name: `${label}: app recall@${K} by kind`,
      value: round(recall(app, targets), 3),
      unit: 'fraction',
      note: breakdown(app),
    });
    out.push({
      name: `${label}: populate`,
      value: round(stats.loadMs / 1000, 1),
      unit: 's',
      note: `INSERT … SELECT in 2.5-lakh batches without the secondary indexes; rebuilding them ${round(stats.indexMs / 1000, 1)} s; VACUUM ANALYZE ${round(stats.vacuumMs / 1000, 1)} s${sizes ? `; ${sizes}` : ''}`,
    });
    return out;
  } finally {
    await client?.end();
    await database.drop();
  }
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
  // Each configuration's rows on stderr as soon as measured: a long run stopped later keeps them.
  const keep = (rows: BenchResult[]) => {
    for (const r of rows) log(`  result: ${JSON.stringify(r)}`);
    out.push(...rows);
  };
  if (pgRows > 0) for (const l of layouts) keep(await runOne('postgres', pgRows, l, thresholds));
  if (pgliteRows > 0) keep(await runOne('pglite', pgliteRows, 'plain', thresholds));
  return out;
}
