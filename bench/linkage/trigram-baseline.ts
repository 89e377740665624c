// The baseline a district team could build in an afternoon: a trigram similarity join on names in
// PostgreSQL (pg_trgm, GIN index, `%` operator, best 5 by similarity per found child). It runs in a
// scratch database on BENCH_DATABASE_URL / TEST_DATABASE_URL / the local server, dropped afterwards.
import pg from 'pg';
import type { ScoredLink } from '../../src/linkage/benchmark/metrics';
import type { PersonRecord } from '../../src/linkage/record';
import { PG_URL } from '../support';

/** The best candidate counts as a proposed match at or above this similarity (pg_trgm's scale, 0–1).
 *  0.5 gave the baseline its best F1 among 0.4, 0.5, 0.7 and 0.9 on the 5,000 × 5,000 sample. */
export const TRIGRAM_MATCH_AT = 0.5;

export interface TrigramResult {
  links: ScoredLink[];
  /** Index build plus the join, the part that would run per batch; loading rows is left out. */
  seconds: number;
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function trigramBaseline(left: readonly PersonRecord[], right: readonly PersonRecord[]): Promise<TrigramResult> {
  const name = `samanvay_bench_trgm_${process.pid}`;
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  try {
    await c.query('CREATE EXTENSION pg_trgm');
    await c.query('CREATE TABLE lrec (id text PRIMARY KEY, name text NOT NULL)');
    await c.query('CREATE TABLE rrec (id text PRIMARY KEY, name text NOT NULL)');
    const load = (table: string, rows: readonly PersonRecord[]) =>
      c.query(`INSERT INTO ${table} SELECT * FROM unnest($1::text[], $2::text[])`, [rows.map((r) => r.id), rows.map((r) => r.name ?? '')]);
    await load('lrec', left);
    await load('rrec', right);
    await c.query('ANALYZE lrec; ANALYZE rrec');
    const t0 = performance.now();
    await c.query('CREATE INDEX lrec_name_trgm ON lrec USING gin (name gin_trgm_ops)');
    const res = await c.query<{ rid: string; lid: string; s: number; k: string }>(`
      SELECT r.id AS rid, l.id AS lid, l.s, l.k FROM rrec r
      CROSS JOIN LATERAL (
        SELECT id, similarity(name, r.name) AS s, row_number() OVER (ORDER BY similarity(name, r.name) DESC, id) AS k
        FROM lrec WHERE name % r.name ORDER BY s DESC, id LIMIT 5
      ) l`);
    const seconds = (performance.now() - t0) / 1000;
    const links = res.rows.map((row) => ({
      leftId: row.lid,
      rightId: row.rid,
      probability: Number(row.k) === 1 && Number(row.s) >= TRIGRAM_MATCH_AT ? 1 : 0,
    }));
    return { links, seconds };
  } finally {
    await c.end();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
