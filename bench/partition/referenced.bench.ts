import { createScratchDatabase, type ScratchDatabase } from '../../src/db/scratch';
import { seedDemo } from '../../src/demo/seed';
import { addState, convertTable, PARTITIONABLE_TABLES } from '../../src/db/partition/partition';
import { convertReferenced, REFERENCED_TABLES } from '../../src/db/partition/referenced';
import { log, PG_URL } from '../support';
import { percentile, round, timeIt, type BenchResult } from '../types';

/**
 * What partitioning the big four costs the code that does not name a state (docs/SCALE.md §3):
 * a lookup by id alone probes every state's partition, and an insert into a table with a
 * composite key to them has its link column filled by a trigger (worst case: family_member,
 * which has no state_code of its own, so the trigger cannot try one partition first). Baseline:
 * the same demo database unpartitioned, in the same run. 37 state partitions, as for India.
 */
const N = Number(process.env.PARTITION_BENCH_N || 2000);

async function database(convert: boolean): Promise<ScratchDatabase> {
  const db = await createScratchDatabase({ postgresUrl: PG_URL, prefix: 'samanvay_bench_part', states: [27, 23] });
  await seedDemo(db);
  if (convert) {
    for (const t of PARTITIONABLE_TABLES) await convertTable(db, t);
    for (const t of REFERENCED_TABLES) await convertReferenced(db, t);
    for (let s = 1; s <= 38; s++) await addState(db, s);
  }
  await db.exec('ANALYZE');
  return db;
}

const idsOf = (db: ScratchDatabase) =>
  db.query<{ child: string; family: string }>(
    'SELECT id AS child, family_id AS family FROM child WHERE family_id IS NOT NULL AND state_code = 27 ORDER BY name LIMIT 100',
  );

/** Each statement in its own loop (interleaved, the pruned lookup was slower too: to be understood). */
async function measure(db: ScratchDatabase, n: number) {
  const ids = await idsOf(db);
  const loop = async (sql: string, arg: (i: number) => string) => {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) xs.push((await timeIt(() => db.query(sql, [arg(i % ids.length)])))[0]);
    return percentile(xs, 50);
  };
  return {
    lookup: await loop('SELECT id, name FROM child WHERE id = $1', (i) => ids[i].child),
    scoped: await loop('SELECT id, name FROM child WHERE state_code = 27 AND id = $1', (i) => ids[i].child),
    insert: await loop(`INSERT INTO family_member (family_id, name, relationship) VALUES ($1, 'Bench', 'other')`, (i) => ids[i].family),
  };
}

export async function run(): Promise<BenchResult[]> {
  const plain = await database(false);
  const parted = await database(true);
  try {
    await measure(plain, 100); // warm both
    await measure(parted, 100);
    const base = await measure(plain, N);
    const part = await measure(parted, N);
    log(`plain ${JSON.stringify(base)} partitioned ${JSON.stringify(part)}`);
    const row = (name: string, v: number, b: number, note: string): BenchResult => ({
      name,
      value: round(v, 3),
      unit: 'ms p50',
      baseline: round(b, 3),
      ratio: round(v / b),
      note,
    });
    return [
      row('child by id alone, 37 partitions', part.lookup, base.lookup, 'baseline: the unpartitioned table'),
      row('child by state and id, pruned', part.scoped, base.lookup, 'baseline: by id, unpartitioned'),
      row('family_member insert (link filled by trigger)', part.insert, base.insert, 'baseline: single-column FK, unpartitioned'),
    ];
  } finally {
    await plain.drop();
    await parted.drop();
  }
}
