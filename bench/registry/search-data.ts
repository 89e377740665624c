import type { Database } from '../../src/db/client';
import { indexKeys } from '../../src/registry/name-index';
import { log } from '../support';
import { timeIt, round } from '../types';
import { namePools, variantOf } from './synthetic-names';

/**
 * The search bench's children, generated inside the database (INSERT … SELECT over
 * generate_series, no row crosses the wire), so that 1 crore rows load in minutes.
 *
 * Names are a given name and a family name from the synthetic pools (Zipf-like choice, as
 * namePools picks). A row's search keys are the union of its names' token keys, computed here once
 * per pool entry by the app's own indexKeys (which keys each token on its own: checked on a sample
 * before loading). Each row's choices come from hashes of its number, so the query targets can be
 * recomputed by the same SQL without storing anything extra.
 *
 * 80% of rows carry both scripts (name and name_local); 20% only the one the clerk typed first
 * (Latin or Devanagari), so a query in the other script has nothing of its own script to match.
 */
export interface Target {
  id: string;
  query: string;
  districtCode: number;
  /** The record stores no name in the query's script. */
  crossScript: boolean;
  /** The query is Devanagari. */
  devanagari: boolean;
}

const ONE_SCRIPT = 0.2;
const DEV_FIRST = 0.3;

/** Uniform [0, 1) from the row number and a salt. */
const u = (salt: number) => `((hashint8extended(g, ${salt}) & 9007199254740991)::float8 / 9007199254740992.0)`;

/** One row's choices, from a source of row numbers `g` (a generate_series or an unnest). */
function choices(source: string, given: number, family: number, districts: number[]) {
  return `SELECT g, md5('s' || g)::uuid AS id,
      least(${given - 1}, floor(${given} * power(${u(1)}, 2.2))::int) AS gi,
      least(${family - 1}, floor(${family} * power(${u(2)}, 2.2))::int) AS fi,
      ${u(3)} < ${DEV_FIRST} AS dev_first, ${u(4)} < ${ONE_SCRIPT} AS one_script,
      (ARRAY[${districts.join(',')}]::int[])[1 + floor(${districts.length} * ${u(5)})::int] AS district,
      CASE WHEN ${u(6)} < 0.5 THEN 'female' ELSE 'male' END AS sex,
      make_date(2008 + floor(18 * ${u(7)})::int, 1 + floor(9 * ${u(8)})::int, 10 + floor(10 * ${u(9)})::int) AS dob
    FROM ${source}`;
}

/** Secondary indexes of `table` not backing a constraint: dropped for the load, rebuilt after. */
async function looseIndexes(database: Database, table: string) {
  return database.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
      WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [table],
  );
}

/** Builds indexes with more memory than this server's 64 MB default (a load-time setting). */
export async function buildIndexes(database: Database, defs: string[]) {
  for (const def of defs)
    await database.transaction(async (tx) => {
      await tx.exec(`SET LOCAL maintenance_work_mem = '512MB'`);
      await tx.exec(def);
    });
}

export async function populate(database: Database, n: number, targetCount = 200): Promise<Target[]> {
  const pools = namePools();
  const districts = (
    await database.query<{ c: number }>("SELECT lgd_code AS c FROM location WHERE level = 'district' AND state_code = 27 ORDER BY lgd_code")
  ).map((r) => Number(r.c));
  const pool = (xs: { latin: string; dev: string }[]) =>
    xs.map((x) => ({ ...x, lk: indexKeys(x.latin), dk: indexKeys(x.dev), both: indexKeys(x.latin, x.dev) }));
  const given = pool(pools.given);
  const family = pool(pools.family);
  // The per-token union must be what indexKeys gives the whole name, or the app's search is not measured.
  for (let i = 0; i < 2000; i++) {
    const g = given[(i * 7919) % given.length];
    const f = family[(i * 104729) % family.length];
    const whole = new Set(indexKeys(`${g.latin} ${f.latin}`, `${g.dev} ${f.dev}`));
    const union = new Set([...g.both, ...f.both]);
    if (whole.size !== union.size || [...whole].some((k) => !union.has(k)))
      throw new Error(`name keys are not per token for ${g.latin} ${f.latin}: the bench's SQL keys would differ from the app's`);
  }
  for (const [table, xs] of [
    ['bench_given', given],
    ['bench_family', family],
  ] as const) {
    await database.exec(
      `DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (i int PRIMARY KEY, latin text, dev text, lk text[], dk text[])`,
    );
    await database.query(
      `INSERT INTO ${table} SELECT i - 1, l, d, string_to_array(lk, ' '), string_to_array(dk, ' ')
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(l, d, lk, dk, i)`,
      [xs.map((x) => x.latin), xs.map((x) => x.dev), xs.map((x) => x.lk.join(' ')), xs.map((x) => x.dk.join(' '))],
    );
  }

  const loose = await looseIndexes(database, 'child');
  for (const ix of loose) await database.exec(`DROP INDEX ${ix.name}`);
  const BATCH = 250_000;
  const started = process.hrtime.bigint();
  const [loadMs] = await timeIt(async () => {
    for (let lo = 1; lo <= n; lo += BATCH) {
      const hi = Math.min(n, lo + BATCH - 1);
      await database.exec(`
        INSERT INTO child (id, state_code, district_code, name, name_local, name_keys, sex, dob, care_status)
        SELECT c.id, 27, c.district,
               CASE WHEN c.dev_first THEN gp.dev || ' ' || fp.dev ELSE gp.latin || ' ' || fp.latin END,
               CASE WHEN c.one_script THEN NULL WHEN c.dev_first THEN gp.latin || ' ' || fp.latin ELSE gp.dev || ' ' || fp.dev END,
               ARRAY(SELECT DISTINCT k FROM unnest(CASE WHEN NOT c.one_script THEN gp.lk || gp.dk || fp.lk || fp.dk
                                                         WHEN c.dev_first THEN gp.dk || fp.dk ELSE gp.lk || fp.lk END) k),
               c.sex, c.dob, 'birth_family'
        FROM (${choices(`generate_series(${lo}::bigint, ${hi}::bigint) g`, given.length, family.length, districts)}) c
        JOIN bench_given gp ON gp.i = c.gi JOIN bench_family fp ON fp.i = c.fi`);
      const s = Number(process.hrtime.bigint() - started) / 1e9;
      log(`  populated ${hi}/${n} in ${round(s, 1)} s (${Math.round(hi / s)} rows/s, ≈ ${Math.round(((n - hi) * s) / hi)} s to go)`);
    }
  });
  log(`  rebuilding ${loose.length} secondary indexes…`);
  const [indexMs] = await timeIt(() =>
    buildIndexes(
      database,
      // A partitioned table's index reads `ON ONLY child`, which would build none of its partitions' indexes.
      loose.map((ix) => ix.def.replace(' ON ONLY ', ' ON ')),
    ),
  );
  log(`  indexes rebuilt in ${round(indexMs / 1000, 1)} s; VACUUM ANALYZE…`);
  const [vacuumMs] = await timeIt(() => database.exec('VACUUM ANALYZE child'));
  log(
    `  loaded ${n} children in ${round(loadMs / 1000, 1)} s, ${loose.length} indexes rebuilt in ${round(indexMs / 1000, 1)} s, VACUUM ANALYZE ${round(vacuumMs / 1000, 1)} s`,
  );
  stats.loadMs = loadMs;
  stats.indexMs = indexMs;
  stats.vacuumMs = vacuumMs;

  // Targets spread over the whole table, each searched under another spelling or script.
  const step = Math.max(1, Math.floor(n / targetCount));
  const gs = Array.from({ length: Math.min(targetCount, n) }, (_, k) => 1 + k * step);
  const rows = await database.query<{ id: string; gi: number; fi: number; dev_first: boolean; one_script: boolean; district: number }>(
    `SELECT id, gi, fi, dev_first, one_script, district FROM (${choices('unnest($1::bigint[]) g', given.length, family.length, districts)}) c ORDER BY g`,
    [gs],
  );
  return rows.map((r) => {
    const name = { ...pools.given[r.gi], family: pools.family[r.fi] };
    const query = variantOf(name, pools.r);
    const devanagari = /[\u0900-\u097F]/.test(query);
    return { id: r.id, query, districtCode: Number(r.district), devanagari, crossScript: r.one_script && devanagari !== r.dev_first };
  });
}

/** Load timings of the last populate, for the report. */
export const stats = { loadMs: 0, indexMs: 0, vacuumMs: 0 };
