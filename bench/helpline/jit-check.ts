/**
 * The district queue page's statement with and without PostgreSQL's JIT, in the same run, on
 * 1.5 lakh calls (1 lakh in the district): why listCalls sets `jit = off` for it (issue #13). A
 * development aid, not a bench.   TEST_DATABASE_URL=postgres://… npx tsx bench/helpline/jit-check.ts
 */
import { sql } from 'drizzle-orm';
import { createScratchDatabase } from '../../src/db/scratch';
import { queuePageQuery } from '../../src/helpline/helpline.repository';
import type { Actor } from '../../src/access/policy';
import { percentile, round } from '../types';

const database = await createScratchDatabase({
  postgresUrl: process.env.TEST_DATABASE_URL || undefined,
  prefix: 'samanvay_jit_check',
  states: [27],
});
const rows = 100_000;
await database.query(`INSERT INTO helpline_call (status, channel, state_code, district_code, caller_anonymous, children,
    categories, urgency, received_at, submitted_at, route, target_minutes, target_at, created_at, updated_at)
  SELECT (ARRAY['open','dispatched','reached','closed'])[1 + g % 4], '1098', 27, CASE WHEN g > ${rows} THEN 467 ELSE 468 END, true, '[]',
    ARRAY[(ARRAY['rescue','abuse','begging','missing'])[1 + g % 4]], (ARRAY['emergency','non_emergency'])[1 + g % 2],
    now() - (g % 43200) * interval '1 minute', now(), 'district_unit', 60, now(), now(), now()
  FROM generate_series(1, ${rows * 1.5}) AS g ORDER BY md5(g::text)`);
await database.query('ANALYZE helpline_call');
const actor: Actor = {
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'bench',
  displayName: 'bench',
  role: 'dcpu_officer',
  organisationId: '00000000-0000-4000-8000-000000000002',
  organisationKind: 'DCPU',
  scope: { level: 'district', stateCode: 27, districtCode: 468 },
};
const times: Record<'on' | 'off', number[]> = { on: [], off: [] };
for (let i = 0; i < 20; i++)
  for (const jit of ['on', 'off'] as const)
    await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SET LOCAL jit = ${jit}`));
      const t = performance.now();
      await queuePageQuery(tx, actor, { page: 1, pageSize: 50 } as never, {}, new Date(), '2026-12-06');
      times[jit].push(performance.now() - t);
    });
for (const jit of ['on', 'off'] as const)
  console.log(
    `jit ${jit}: p50 ${round(percentile(times[jit], 50), 1)} ms, p95 ${round(percentile(times[jit], 95), 1)} ms (20 runs, alternating)`,
  );
await database.drop();
process.exit(0);
