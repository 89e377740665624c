/**
 * PostgreSQL's own cost of the case read's statements (issue #19, docs/SCALE.md §2): the demo in a
 * scratch PostgreSQL database (every partitionable table converted unless PLAIN=1, then ANALYZE),
 * one case read by the district officer captured as the app sends it, then each of its reading
 * statements PREPAREd and run `N` times under EXPLAIN (ANALYZE): the mean planning and execution
 * time PostgreSQL reports, the statement's size, and (SHOW_PLAN=1) the last plan.
 *
 *   npx tsx bench/load/case-read-plan.ts [N=200]      PLAIN=1: not partitioned
 */
import pg from 'pg';
// @ts-expect-error node-postgres's own value encoder, untyped
import { prepareValue } from 'pg/lib/utils.js';
import { captureStatements, demoOnScratch } from './demo-scratch';

const N = Number(process.argv[2] ?? 200);
const { db, app, headers } = await demoOnScratch('samanvay_caseplan', !process.env.PLAIN);
try {
  const [c] = await db.query<{ id: string }>(
    `SELECT r.id FROM case_record r JOIN child k ON k.id = r.child_id WHERE r.district_code = 468 AND k.state_code = 27 ORDER BY r.version DESC LIMIT 1`,
  );
  const { seen, stop } = captureStatements();
  const res = await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers });
  if (res.statusCode !== 200) throw new Error(`case read: ${res.statusCode}`);
  stop();
  await app.close();
  console.log(`${process.env.PLAIN ? 'not partitioned' : 'partitioned'}; ${N} executions each; mean ms reported by EXPLAIN ANALYZE`);
  await db.transaction(async (tx) => {
    let n = 0;
    for (const st of seen) {
      if (!st.values.length || /^(insert|update|delete|with e as)/i.test(st.text.trim()) || /app_session/.test(st.text)) continue;
      const name = `p${n++}`;
      await tx.query(`PREPARE ${name} AS ${st.text}`);
      const args = st.values.map((v) => (v == null ? 'NULL' : pg.escapeLiteral(String(prepareValue(v))))).join(', ');
      let plan = 0;
      let exec = 0;
      let last: string[] = [];
      for (let i = 0; i < N; i++) {
        const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) EXECUTE ${name}(${args})`);
        last = rows.map((r) => r['QUERY PLAN']);
        plan += Number(/Planning Time: ([\d.]+)/.exec(last.join('\n'))?.[1] ?? 0);
        exec += Number(/Execution Time: ([\d.]+)/.exec(last.join('\n'))?.[1] ?? 0);
      }
      const subplans = last.filter((l) => /SubPlan|InitPlan/.test(l)).length;
      console.log(
        `${st.text.trim().slice(0, 70).replace(/\s+/g, ' ')}… ${st.text.length} chars, ${st.values.length} params: planning ${(plan / N).toFixed(3)} ms, execution ${(exec / N).toFixed(3)} ms, ${subplans} sub-plans`,
      );
      if (process.env.SHOW_PLAN) console.log(last.join('\n'));
      await tx.query(`DEALLOCATE ${name}`);
    }
  });
} finally {
  await db.drop();
}
process.exit(0);
