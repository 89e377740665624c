/**
 * The plans PostgreSQL keeps for the queries built once when they go as named statements
 * (DB_NAMED_STATEMENTS, issue #19, docs/SCALE.md §2): the demo in a scratch PostgreSQL database,
 * every partitionable table converted (`samanvay partition`), the district officer's name search
 * and case read captured as the app sends them, then each EXPLAINed as a generic plan
 * (plan_cache_mode = force_generic_plan, what PostgreSQL may switch to after five executions).
 *
 *   npx tsx bench/load/generic-plans.ts
 */
import pg from 'pg';
// @ts-expect-error node-postgres's own value encoder, untyped
import { prepareValue } from 'pg/lib/utils.js';
import { captureStatements, demoOnScratch } from './demo-scratch';

const { db, app, headers } = await demoOnScratch('samanvay_generic', true);
try {
  const [c] = await db.query<{ id: string; name: string }>(
    `SELECT r.id, k.name FROM case_record r JOIN child k ON k.id = r.child_id WHERE r.district_code = 468 AND k.state_code = 27 LIMIT 1`,
  );
  const { seen, stop } = captureStatements();
  for (const url of [`/api/v1/children?q=${encodeURIComponent(c.name)}`, `/api/v1/cases/${c.id}`]) {
    const res = await app.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  }
  stop();
  await app.close();
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL plan_cache_mode = force_generic_plan');
    if (process.env.NO_SEQSCAN) await tx.query('SET LOCAL enable_seqscan = off');
    let n = 0;
    for (const st of seen) {
      if (!st.values.length || /^(insert|update|delete|with e as)/i.test(st.text.trim())) continue;
      const name = `g${n++}`;
      await tx.query(`PREPARE ${name} AS ${st.text}`);
      // EXECUTE takes literals: each value as node-postgres would send it (arrays as array literals).
      const args = st.values.map((v) => (v == null ? 'NULL' : pg.escapeLiteral(String(prepareValue(v))))).join(', ');
      const plan = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) EXECUTE ${name}(${args})`);
      console.log(`\n=== ${st.text.slice(0, 160).replace(/\s+/g, ' ')}…\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
      await tx.query(`DEALLOCATE ${name}`);
    }
  });
} finally {
  await db.drop();
}
process.exit(0);
