import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import type { Actor } from '../../src/access/policy';
import type { AppContext } from '../../src/http/context';
import { searchChildren } from '../../src/registry/children.service';
import { indexKeys } from '../../src/registry/name-index';
import { percentile, round, timeIt, type BenchResult } from '../types';
import { log, scratchDatabase } from '../support';
import { namePools, variantOf, type SynthName } from './synthetic-names';

const STATE_ACTOR: Actor = {
  userId: '00000000-0000-4000-8000-000000000000',
  username: 'bench',
  displayName: 'bench',
  role: 'dcpu_officer',
  organisationId: null,
  organisationKind: null,
  scope: { level: 'state', stateCode: 27 },
};

interface Target {
  id: string;
  query: string;
  districtCode: number;
}

export async function populate(database: Database, n: number): Promise<Target[]> {
  const pools = namePools();
  const districts = (
    await database.query<{ c: number }>("SELECT lgd_code AS c FROM location WHERE level = 'district' AND state_code = 27")
  ).map((r) => Number(r.c));
  const targets: Target[] = [];
  const BATCH = 5000;
  for (let done = 0; done < n; done += BATCH) {
    const cols = {
      name: [] as string[],
      local: [] as string[],
      keys: [] as string[],
      sex: [] as string[],
      dob: [] as string[],
      district: [] as number[],
    };
    const chosen: (SynthName & { family: SynthName })[] = [];
    for (let i = 0; i < Math.min(BATCH, n - done); i++) {
      const g = pools.pickGiven();
      const f = pools.pickFamily();
      const latin = `${g.latin} ${f.latin}`;
      const dev = `${g.dev} ${f.dev}`;
      const devFirst = pools.r.chance(0.3);
      cols.name.push(devFirst ? dev : latin);
      cols.local.push(devFirst ? latin : dev);
      cols.keys.push(indexKeys(latin, dev).join(' '));
      cols.sex.push(pools.r.chance(0.5) ? 'female' : 'male');
      cols.dob.push(`${pools.r.int(2008, 2025)}-0${pools.r.int(1, 9)}-1${pools.r.int(0, 9)}`);
      cols.district.push(districts[pools.r.int(0, districts.length - 1)]);
      chosen.push({ ...g, family: f });
    }
    const rows = await database.query<{ id: string }>(
      `INSERT INTO child (state_code, district_code, name, name_local, name_keys, sex, dob, care_status)
       SELECT 27, d, nm, nl, string_to_array(k, ' '), s, b::date, 'birth_family'
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(d, nm, nl, k, s, b)
       RETURNING id`,
      [cols.district, cols.name, cols.local, cols.keys, cols.sex, cols.dob],
    );
    // Every 500th record becomes a query target, searched under another spelling or script.
    for (let i = 0; i < rows.length; i += 500)
      targets.push({ id: rows[i].id, query: variantOf(chosen[i], pools.r), districtCode: cols.district[i] });
    if ((done / BATCH) % 20 === 0) log(`  populated ${done + rows.length}/${n}`);
  }
  await database.exec('VACUUM ANALYZE child');
  return targets.slice(0, 200);
}

async function measure(database: Database, targets: Target[]) {
  const ctx = { database, db: database.db, now: () => new Date(), config: {} } as unknown as AppContext;
  const ours: number[] = [];
  const scan: number[] = [];
  let oursHits = 0;
  let scanHits = 0;
  for (const t of targets) {
    const [ms, res] = await timeIt(() => searchChildren(ctx, STATE_ACTOR, t.query, {}, new Date()));
    ours.push(ms);
    if (res.slice(0, 25).some((r) => r.id === t.id)) oursHits++;
    const like = `%${t.query}%`;
    const [ms2, rows] = await timeIt(() =>
      database.db.execute(sql`SELECT id FROM child WHERE state_code = 27 AND (name ILIKE ${like} OR name_local ILIKE ${like}) LIMIT 25`),
    );
    scan.push(ms2);
    const ids = ((rows as { rows?: { id: string }[] }).rows ?? (rows as unknown as { id: string }[])).map((r) => r.id);
    if (ids.includes(t.id)) scanHits++;
  }
  return { ours, scan, recall: oursHits / targets.length, scanRecall: scanHits / targets.length };
}

export async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const plans: ['postgres' | 'pglite', number][] = [
    ['postgres', Number(process.env.BENCH_SEARCH_ROWS_PG ?? 1_000_000)],
    ['pglite', Number(process.env.BENCH_SEARCH_ROWS_PGLITE ?? 100_000)],
  ];
  for (const [kind, n] of plans) {
    log(`name search: ${n} children on ${kind}`);
    const database = await scratchDatabase(kind);
    try {
      const targets = await populate(database, n);
      await measure(database, targets.slice(0, 10)); // warm caches and JIT
      const m = await measure(database, targets);
      const label = `search ${kind} ${n.toLocaleString('en-IN')} children`;
      out.push(
        {
          name: `${label}: median`,
          value: round(percentile(m.ours, 50)),
          unit: 'ms',
          baseline: round(percentile(m.scan, 50)),
          ratio: round(percentile(m.scan, 50) / percentile(m.ours, 50), 1),
          note: 'baseline: ILIKE %q% scan over name and name_local',
        },
        {
          name: `${label}: p95`,
          value: round(percentile(m.ours, 95)),
          unit: 'ms',
          baseline: round(percentile(m.scan, 95)),
          ratio: round(percentile(m.scan, 95) / percentile(m.ours, 95), 1),
        },
        {
          name: `${label}: recall@25 on spelling/script variants`,
          value: round(m.recall, 3),
          unit: 'fraction',
          baseline: round(m.scanRecall, 3),
          note: `${m.ours.length} queries; baseline = ILIKE recall`,
        },
      );
    } finally {
      await database.drop();
    }
  }
  return out;
}
