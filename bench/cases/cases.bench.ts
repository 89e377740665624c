/**
 * Case lists at scale on PostgreSQL: a caseworker's task list and a district's case list
 * with filters, over BENCH_CASES_ROWS cases (default 10 lakh) spread over Maharashtra's 36
 * districts (~28,000 cases a district: a heavy state, not an average one).
 *
 * The queries are built by the API's own repository functions (caseConditions/listCases/
 * countCases, taskConditions/listTasks/countTasks) with the access rule applied in SQL, and
 * each measure is one page of 25 plus its total, run together as the API runs them.
 *
 * Baseline, same run, same data, same queries: with the case indexes of migrations 0100/0101
 * dropped (primary keys kept); then the indexes are built and the queries measured again.
 *
 *   BENCH_CASES_ROWS=100000 npx tsx bench/cases/cases.bench.ts     (quick run)
 *   BENCH_CASES_ITER (default 200), BENCH_CASES_BASELINE_ITER (default 15)
 */
import { pathToFileURL } from 'node:url';
import type { Actor } from '../../src/access/policy';
import { caseConditions, countCases, listCases, type CaseFilter } from '../../src/cases/cases.repository';
import { countTasks, listTasks, taskConditions, type TaskScope } from '../../src/cases/tasks.repository';
import type { Database } from '../../src/db/client';
import { log, scratchDatabase } from '../support';
import { percentile, round, timeIt, type BenchResult } from '../types';
import { istToday } from '../../src/kernel/clock';

const ROWS = Number(process.env.BENCH_CASES_ROWS ?? 1_000_000);
const ITER = Number(process.env.BENCH_CASES_ITER ?? 200);
const BASE_ITER = Number(process.env.BENCH_CASES_BASELINE_ITER ?? 15);
const NOW = new Date('2026-11-23T05:00:00Z');
/** Caseworkers per district, for a caseload of about 150 open cases each (65% of cases are open). */
const caseworkersPer = (districts: number) => Math.max(1, Math.round(((ROWS / districts) * 0.65) / 150));

/** The tables whose secondary indexes (migrations/0100 and 0101) the baseline runs without. */
const CASE_INDEXES = ['case_record', 'case_due'];

/** Deterministic ids, computed the same way in SQL (md5(text)::uuid) and here. */
import { createHash } from 'node:crypto';
const md5uuid = (s: string) => {
  const h = createHash('md5').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

const DUE_PLACE = 'state_code, district_code, subdistrict_code, block_code, village_id, owner_user_id, owner_unit_id, transfer_to_unit_id';

export async function generate(d: Database, districts: number[], rows = ROWS) {
  const D = districts.length;
  const CW = caseworkersPer(D);
  const arr = `ARRAY[${districts.join(',')}]::int[]`;
  // One child per case (the list shows the child's name).
  await d.exec(`
    INSERT INTO child (id, state_code, district_code, name, sex, care_status, dob)
    SELECT md5('c' || g)::uuid, 27, (${arr})[1 + g % ${D}], 'Child ' || g, CASE WHEN (g / ${D}) % 2 = 0 THEN 'female' ELSE 'male' END, 'birth_family',
           DATE '2010-01-01' + (g % 5000)
    FROM generate_series(1, ${rows}) g`);
  // Statuses: 35% closed, 25% care plan, 10% each CWC / assessment / intake, 5% escalated, 4% review, 1% transfer.
  await d.exec(
    `
    INSERT INTO case_record (id, child_id, state_code, district_code, subdistrict_code, block_code, village_id, status, phase, level, risk, source,
                             reported_on, owner_user_id, owner_unit_id, transfer_to_unit_id, next_due_at, next_due_kind, flags, opened_at, last_action_at, closed_at, version)
    SELECT md5('k' || g)::uuid, md5('c' || g)::uuid, 27, dist, dist * 10 + (g / ${D}) % 6, dist * 100 + (g / ${D}) % 12, 'v:' || dist || ':' || (g / ${D}) % 200,
           st, CASE WHEN st IN ('escalated','transfer_pending','closed') THEN 'care_plan_active' ELSE st END,
           CASE WHEN st = 'escalated' THEN 'district' ELSE (ARRAY['village','block','district'])[1 + (g / ${D}) % 3] END,
           (ARRAY['low','medium','high','critical'])[1 + ((g / ${D}) * 7 + g / 7) % 4], 'vcpc', DATE '2025-01-01' + (g % 600),
           CASE WHEN st = 'escalated' THEN NULL ELSE md5('cw-' || dist || '-' || ((g / ${D}) % ${CW}))::uuid END,
           CASE WHEN (g / ${D}) % 10 = 3 AND st <> 'escalated' THEN md5('ngo-' || dist)::uuid ELSE md5('dcpu-' || dist)::uuid END,
           CASE WHEN st = 'transfer_pending' THEN md5('dcpu-' || ((${arr})[1 + (g + 1) % ${D}]))::uuid END,
           CASE WHEN st = 'closed' THEN NULL ELSE $1::timestamptz + (((g * 37) % 240) - 60) * interval '1 day' + (g % 1440) * interval '1 minute' END,
           CASE WHEN st = 'closed' THEN NULL ELSE 'care_plan_review' END,
           CASE WHEN st <> 'closed' AND g % 17 = 0 THEN ARRAY['convergence'] ELSE '{}'::text[] END,
           TIMESTAMPTZ '2025-01-01' + (g % 600) * interval '1 day', $1::timestamptz - (g % 90) * interval '1 day',
           CASE WHEN st = 'closed' THEN $1::timestamptz - (g % 300) * interval '1 day' END, 1 + g % 20
    FROM (
      SELECT g, (${arr})[1 + g % ${D}] AS dist,
             CASE WHEN g % 100 < 35 THEN 'closed' WHEN g % 100 < 60 THEN 'care_plan_active' WHEN g % 100 < 70 THEN 'under_cwc'
                  WHEN g % 100 < 80 THEN 'under_assessment' WHEN g % 100 < 90 THEN 'intake' WHEN g % 100 < 95 THEN 'escalated'
                  WHEN g % 100 < 99 THEN 'under_review' ELSE 'transfer_pending' END AS st
      FROM generate_series(1, ${rows}) g
    ) s`.replace(/\$1::timestamptz/g, `'${NOW.toISOString()}'::timestamptz`),
  );
  // Due items: one per open case for its owner; a third also owe Education an answer to a referral.
  await d.exec(`
    INSERT INTO case_due (case_id, kind, ref, due_at, assigned_user_id, assigned_unit_id, statutory, source, ${DUE_PLACE})
    SELECT id, CASE WHEN status = 'escalated' THEN 'escalation_response' ELSE 'care_plan_review' END, '', next_due_at, owner_user_id, owner_unit_id, false, 'default', ${DUE_PLACE}
    FROM case_record WHERE status <> 'closed'`);
  await d.exec(`
    INSERT INTO case_due (case_id, kind, ref, due_at, assigned_user_id, assigned_unit_id, statutory, source, ${DUE_PLACE})
    SELECT id, 'referral_response', 'R1', next_due_at + interval '5 days', NULL, md5('edu-' || district_code)::uuid, false, 'default', ${DUE_PLACE}
    FROM case_record WHERE status <> 'closed' AND number % 3 = 0`);
}

interface Query {
  name: string;
  run: (i: number) => Promise<unknown>;
}

export function queries(d: Database, districts: number[]): Query[] {
  const db = d.db;
  const CW = caseworkersPer(districts.length);
  const district = (i: number) => districts[(i * 7) % districts.length];
  const caseworker = (i: number): Actor => {
    const dist = district(i);
    return {
      userId: md5uuid(`cw-${dist}-${(i * 13) % CW}`),
      username: 'cw',
      displayName: 'cw',
      role: 'caseworker',
      organisationId: md5uuid(`dcpu-${dist}`),
      organisationKind: 'DCPU',
      scope: { level: 'district', stateCode: 27, districtCode: dist },
    };
  };
  const dcpo = (i: number): Actor => ({ ...caseworker(i), userId: md5uuid(`dcpo-${district(i)}`), role: 'dcpu_officer' });
  const tasks = (scope: TaskScope, overdue?: boolean) => async (i: number) => {
    const actor = caseworker(i);
    const where = taskConditions(actor, scope, { overdue }, NOW);
    return Promise.all([listTasks(db, actor, where, 25, 0), countTasks(db, where, NOW)]);
  };
  const cases = (filter: (i: number) => CaseFilter) => async (i: number) => {
    const actor = dcpo(i);
    const where = caseConditions(actor, filter(i), NOW);
    return Promise.all([listCases(db, actor, where, 25, 0, istToday(NOW)), countCases(db, where)]);
  };
  const RISKS = ['low', 'medium', 'high', 'critical'];
  return [
    { name: "caseworker's task list (scope=mine), page + total", run: tasks('mine') },
    { name: "caseworker's overdue tasks (scope=mine&overdue=true)", run: tasks('mine', true) },
    { name: "DCPU unit's task list (scope=unit)", run: tasks('unit') },
    { name: 'district case list, status + risk filter', run: cases((i) => ({ status: 'care_plan_active', risk: RISKS[i % 4] })) },
    { name: 'district case list, open + overdue', run: cases(() => ({ status: 'open', overdue: true })) },
    { name: 'district case list, one village', run: cases((i) => ({ villageId: `v:${district(i)}:${i % 200}` })) },
    { name: 'district escalation queue (queue=escalated)', run: cases(() => ({ queue: 'escalated' })) },
    { name: 'district case list, no filter', run: cases(() => ({})) },
  ];
}

async function measure(q: Query, iterations: number, warmup: number) {
  for (let i = 0; i < warmup; i++) await q.run(i);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) times.push((await timeIt(() => q.run(i + warmup)))[0]);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

export async function run(): Promise<BenchResult[]> {
  const d = await scratchDatabase('postgres');
  try {
    const districts = (
      await d.query<{ c: number }>("SELECT lgd_code AS c FROM location WHERE level = 'district' AND state_code = 27 ORDER BY lgd_code")
    ).map((r) => Number(r.c));
    log(`cases bench: ${ROWS.toLocaleString('en-IN')} cases over ${districts.length} districts`);
    const indexes = await d.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY($1) AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' ORDER BY indexname`,
      [CASE_INDEXES],
    );
    for (const ix of indexes) await d.exec(`DROP INDEX ${ix.indexname}`);
    const [genMs] = await timeIt(() => generate(d, districts));
    for (const t of ['child', 'case_record', 'case_due']) await d.exec(`VACUUM ANALYZE ${t}`);
    const counts = (
      await d.query<{ cases: number; due: number }>(
        'SELECT (SELECT count(*) FROM case_record)::int AS cases, (SELECT count(*) FROM case_due)::int AS due',
      )
    )[0];
    log(`generated ${counts.cases} cases, ${counts.due} due items in ${round(genMs / 1000, 1)} s`);

    const qs = queries(d, districts);
    const baseline = new Map<string, { p50: number; p95: number }>();
    for (const q of qs) {
      baseline.set(q.name, await measure(q, BASE_ITER, 2));
      log(`  without indexes: ${q.name}: p95 ${round(baseline.get(q.name)!.p95)} ms`);
    }
    const [ixMs] = await timeIt(async () => {
      for (const ix of indexes) await d.exec(ix.indexdef);
    });
    await d.exec('ANALYZE case_record; ANALYZE case_due;');
    log(`built ${indexes.length} indexes in ${round(ixMs / 1000, 1)} s`);

    const out: BenchResult[] = [];
    for (const q of qs) {
      const m = await measure(q, ITER, 10);
      const b = baseline.get(q.name)!;
      log(`  with indexes: ${q.name}: p50 ${round(m.p50)} ms, p95 ${round(m.p95)} ms (without: ${round(b.p95)} ms)`);
      out.push({
        name: `${q.name}, p95`,
        value: round(m.p95),
        unit: 'ms',
        baseline: round(b.p95),
        ratio: round(b.p95 / m.p95, 1),
        note: `p50 ${round(m.p50)} ms; ${counts.cases.toLocaleString('en-IN')} cases; ${ITER} runs (baseline ${BASE_ITER}); target p95 < 50 ms`,
      });
    }
    out.push({
      name: 'data generated',
      value: counts.cases,
      unit: 'cases',
      note: `${counts.due} due items, ${round(genMs / 1000, 1)} s; ${indexes.length} indexes built in ${round(ixMs / 1000, 1)} s`,
    });
    return out;
  } finally {
    await d.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await run();
  console.log(JSON.stringify(results, null, 2));
}
