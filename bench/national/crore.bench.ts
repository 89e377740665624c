/**
 * The issue's query aims (issue #19) on the national synthetic data set: a database loaded by
 * `samanvay generate-national` (docs/SCALE.md §1, §5), pointed at with BENCH_NATIONAL_DATABASE_URL (never
 * a scratch database: the point is the big one, loaded once). It measures, through the functions
 * the routes call:
 *
 * - a district's case list and task list: the exact queries of bench/cases/cases.bench.ts
 *   (caseConditions/listCases/countCases, taskConditions/listTasks/countTasks; one page of 25
 *   plus its total), by a district officer of the BENCH_NATIONAL_DISTRICTS (default 10) districts
 *   with the most cases, in turn;
 * - the state dashboard: stateComparison of the state with the most children (kept counts, as
 *   served), and the cost of the `dashboards-refresh` job (ensureFresh) at this size: the first
 *   refresh after the load, one with nothing to do, one after BENCH_NATIONAL_CHANGED children changed;
 * - one missing report matched against the open found records of every state in the database:
 *   scoreAgainstDatabase (blocking keys → candidate rows → matchOne: what matchRecord computes
 *   before it writes) and matchRecord itself (proposals written, audited) for other reports.
 *
 * The generator writes no due items (case_due) and no next due date on a case; a task list needs
 * them, so the first run derives, for each open case without any, one care-plan review owed by the
 * owning unit, due 30 days after the case's last action (what the bench of bench/cases does with
 * its own cases), and the case's next due date from it. Marked in the output; rerunning finds them.
 *
 *   BENCH_NATIONAL_DATABASE_URL=postgres://postgres@127.0.0.1:5432/samanvay_crore npx tsx bench/national/crore.bench.ts
 *   (or BENCH_ONLY=national npm run bench; without the variable the bench is skipped)
 *   BENCH_NATIONAL_ITER (default 200), BENCH_NATIONAL_MATCHES (default 100), BENCH_NATIONAL_COMPARISONS (default 30)
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Actor } from '../../src/access/policy';
import { caseConditions, countCases, listCases, type CaseFilter } from '../../src/cases/cases.repository';
import { countTasks, listTasks, taskConditions, type TaskScope } from '../../src/cases/tasks.repository';
import { openDatabase } from '../../src/db/client';
import { stateComparison } from '../../src/dashboards/indicators.service';
import { ensureFresh } from '../../src/dashboards/summary.repository';
import type { AppContext } from '../../src/http/context';
import { istToday } from '../../src/kernel/clock';
import { matchRecord, scoreAgainstDatabase } from '../../src/missing/matching.service';
import { getRecordSystem } from '../../src/missing/missing.repository';
import { log } from '../support';
import { percentile, round, timeIt, type BenchResult } from '../types';

const URL = process.env.BENCH_NATIONAL_DATABASE_URL ?? '';
const ITER = Number(process.env.BENCH_NATIONAL_ITER ?? 200);
const MATCHES = Number(process.env.BENCH_NATIONAL_MATCHES ?? 100);
const COMPARISONS = Number(process.env.BENCH_NATIONAL_COMPARISONS ?? 30);
const DISTRICTS = Number(process.env.BENCH_NATIONAL_DISTRICTS ?? 10);
const CHANGED = Number(process.env.BENCH_NATIONAL_CHANGED ?? 1000);
/** BENCH_NATIONAL_ONLY=lists,refresh,state,match: a subset (default all). */
const ONLY = process.env.BENCH_NATIONAL_ONLY?.split(',');
const part = (name: string) => !ONLY || ONLY.includes(name);
/** The generator's default as-of day (2026-11-30), IST midday. */
const NOW = new Date(process.env.BENCH_NATIONAL_NOW ?? '2026-11-30T06:30:00Z');
const DUE_PLACE = 'state_code, district_code, subdistrict_code, block_code, village_id, owner_user_id, owner_unit_id, transfer_to_unit_id';

const load = () =>
  loadavg()
    .map((x) => round(x, 1))
    .join(', ');

async function measure(fn: (i: number) => Promise<unknown>, iterations: number, warmup: number) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) times.push((await timeIt(() => fn(i + warmup)))[0]);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

const officer = (role: Actor['role'], scope: Actor['scope'], organisationId: string | null): Actor => ({
  userId: '00000000-0000-4000-8000-0000000000b1',
  username: 'bench',
  displayName: 'bench',
  role,
  organisationId,
  organisationKind: organisationId ? 'DCPU' : null,
  scope,
});

export async function run(): Promise<BenchResult[]> {
  if (!URL) {
    log('national bench skipped: BENCH_NATIONAL_DATABASE_URL names no database loaded by generate-national (this bench never creates one)');
    return [];
  }
  const d = await openDatabase(URL);
  const ctx = { database: d, db: d.db, now: () => NOW, config: { filesDir: '/tmp' } } as AppContext;
  const out: BenchResult[] = [];
  try {
    const [size] = await d.query<{ children: number; cases: number; open_found: number; open_missing: number; bytes: string }>(
      `SELECT (SELECT count(*) FROM child)::int AS children, (SELECT count(*) FROM case_record)::int AS cases,
              (SELECT count(*) FROM missing_record WHERE kind = 'found' AND status = 'open')::int AS open_found,
              (SELECT count(*) FROM missing_record WHERE kind = 'missing' AND status = 'open')::int AS open_missing,
              pg_database_size(current_database())::text AS bytes`,
    );
    const sizeNote = `${size.children.toLocaleString('en-IN')} children, ${size.cases.toLocaleString('en-IN')} cases, ${size.open_found.toLocaleString('en-IN')} open found records; database ${round(Number(size.bytes) / 2 ** 30, 1)} GB`;
    log(`national bench on ${sizeNote}; load average ${load()}`);

    // Due items for the task list (see the note at the top), once.
    const [{ n: dueBefore }] = await d.query<{ n: number }>('SELECT count(*)::int AS n FROM case_due');
    if (!dueBefore) {
      const [ms] = await timeIt(async () => {
        await d.exec(`UPDATE case_record SET next_due_at = last_action_at + interval '30 days', next_due_kind = 'care_plan_review'
                       WHERE status <> 'closed' AND next_due_at IS NULL`);
        await d.exec(`INSERT INTO case_due (case_id, kind, ref, due_at, assigned_user_id, assigned_unit_id, statutory, source, ${DUE_PLACE})
                      SELECT id, 'care_plan_review', '', next_due_at, owner_user_id, owner_unit_id, false, 'default', ${DUE_PLACE}
                        FROM case_record WHERE status <> 'closed' AND owner_unit_id IS NOT NULL`);
        await d.exec('VACUUM ANALYZE case_record');
        await d.exec('ANALYZE case_due');
      });
      log(`derived due items for the open cases in ${round(ms / 1000, 1)} s`);
    }

    // The districts with the most cases, each with the DCPU that owns its cases.
    const districts = await d.query<{ state_code: number; district_code: number; unit: string; cases: number; due: number }>(
      `SELECT x.state_code, x.district_code, x.unit::text AS unit, x.cases,
              (SELECT count(*) FROM case_due u WHERE u.assigned_unit_id = x.unit)::int AS due
         FROM (SELECT state_code, district_code, owner_unit_id AS unit, count(*)::int AS cases
                 FROM case_record GROUP BY 1, 2, 3 ORDER BY count(*) DESC, 2 LIMIT $1) x
        ORDER BY x.cases DESC, x.district_code`,
      [DISTRICTS],
    );
    log(`districts: ${districts.map((x) => `${x.district_code} (${x.cases} cases, ${x.due} due)`).join(', ')}`);
    const pick = (i: number) => districts[(i * 7) % districts.length];
    const dcpo = (i: number) => {
      const x = pick(i);
      return officer('dcpu_officer', { level: 'district', stateCode: x.state_code, districtCode: x.district_code }, x.unit);
    };
    const tasks = (scope: TaskScope, overdue?: boolean) => async (i: number) => {
      const actor = dcpo(i);
      const where = taskConditions(actor, scope, { overdue }, NOW);
      return Promise.all([listTasks(d.db, actor, where, 25, 0), countTasks(d.db, where, NOW)]);
    };
    const cases = (filter: (i: number) => CaseFilter) => async (i: number) => {
      const actor = dcpo(i);
      const where = caseConditions(actor, filter(i), NOW);
      return Promise.all([listCases(d.db, actor, where, 25, 0, istToday(NOW)), countCases(d.db, where)]);
    };
    const RISKS = ['low', 'medium', 'high', 'critical'];
    const lists: [string, (i: number) => Promise<unknown>][] = [
      ["DCPU unit's task list (scope=unit)", tasks('unit')],
      ["DCPU unit's overdue tasks (scope=unit&overdue=true)", tasks('unit', true)],
      ['district case list, status + risk filter', cases((i) => ({ status: 'care_plan_active', risk: RISKS[i % 4] }))],
      ['district case list, open + overdue', cases(() => ({ status: 'open', overdue: true }))],
      ['district escalation queue (queue=escalated)', cases(() => ({ queue: 'escalated' }))],
      ['district case list, no filter', cases(() => ({}))],
    ];
    for (const [name, fn] of part('lists') ? lists : []) {
      const before = load();
      const m = await measure(fn, ITER, 10);
      log(`  ${name}: p50 ${round(m.p50)} ms, p95 ${round(m.p95)} ms, max ${round(m.max)} ms (load ${before} → ${load()})`);
      out.push({
        name: `${name}, p95`,
        value: round(m.p95),
        unit: 'ms',
        note: `p50 ${round(m.p50)} ms; ${ITER} runs over the ${districts.length} districts with most cases (${districts[districts.length - 1].cases}–${districts[0].cases} cases each); ${sizeNote}; load ${before} → ${load()}; aim p95 < 100 ms`,
      });
    }

    // The kept counts: the first refresh after the load builds them for every child.
    if (part('refresh')) await refresh();
    async function refresh() {
      const [firstMs] = await timeIt(() => ensureFresh(d.db, 0));
      const [noopMs] = await timeIt(() => ensureFresh(d.db, 0));
      await d.exec(
        `UPDATE child SET care_status = CASE care_status WHEN 'kinship_care' THEN 'birth_family' ELSE 'kinship_care' END
        WHERE id IN (SELECT id FROM child WHERE state_code = (SELECT min(state_code) FROM child) LIMIT ${CHANGED})`,
      );
      const [incMs] = await timeIt(() => ensureFresh(d.db, 0));
      log(
        `dashboards-refresh (ensureFresh): first after the load ${round(firstMs / 1000, 1)} s; nothing to do ${round(noopMs)} ms; ${CHANGED} changed children ${round(incMs)} ms`,
      );
      out.push({
        name: `dashboards-refresh job, ${CHANGED} changed children`,
        value: round(incMs),
        unit: 'ms',
        baseline: round(firstMs),
        ratio: round(firstMs / incMs, 1),
        note: `baseline: the first refresh after the load (every child); nothing to do: ${round(noopMs)} ms; ${sizeNote}; load ${load()}`,
      });
    }
    if (part('state')) await state();
    async function state() {
      process.env.DASHBOARD_MAX_AGE_SECONDS = '100000';
      const [big] = await d.query<{ state_code: number; children: number; districts: number }>(
        'SELECT state_code, count(*)::int AS children, count(DISTINCT district_code)::int AS districts FROM child GROUP BY 1 ORDER BY 2 DESC LIMIT 1',
      );
      const scps = officer('scps_officer', { level: 'state', stateCode: big.state_code }, null);
      const before = load();
      const comparison = await measure(() => stateComparison(ctx, scps, {}), COMPARISONS, 2);
      log(
        `  state comparison of state ${big.state_code} (${big.districts} districts, ${big.children} children): p50 ${round(comparison.p50)} ms, p95 ${round(comparison.p95)} ms`,
      );
      out.push({
        name: `state dashboard: state comparison (${big.districts} districts), p95`,
        value: round(comparison.p95),
        unit: 'ms',
        note: `p50 ${round(comparison.p50)} ms; state ${big.state_code}, ${big.children.toLocaleString('en-IN')} children; kept counts; ${COMPARISONS} runs; ${sizeNote}; load ${before} → ${load()}; aim < 1 s`,
      });
    }
    if (part('match')) await match();
    async function match() {
      // One missing report matched against the open found records of every state.
      const reports = await d.query<{ id: string }>(
        `SELECT id::text FROM missing_record WHERE kind = 'missing' AND status = 'open' AND name IS NOT NULL
        ORDER BY md5(id::text) LIMIT $1`,
        [MATCHES * 2 + 10],
      );
      const score = async (i: number) => {
        const r = await getRecordSystem(d.db, reports[i].id);
        return scoreAgainstDatabase(d.db, r!);
      };
      const candidates: number[] = [];
      const sBefore = load();
      const scored = await measure(async (i) => candidates.push((await score(i)).candidates), MATCHES, 5);
      log(
        `  missing report scored nationally: p50 ${round(scored.p50)} ms, p95 ${round(scored.p95)} ms; candidates median ${percentile(candidates, 50)}`,
      );
      out.push({
        name: 'one missing report matched nationally (blocking keys → candidates → matchOne), p95',
        value: round(scored.p95),
        unit: 'ms',
        note: `p50 ${round(scored.p50)} ms; ${MATCHES} reports; candidates per report median ${percentile(candidates, 50)}, max ${Math.max(...candidates)}; ${sizeNote}; load ${sBefore} → ${load()}; aim < 500 ms`,
      });
      const mBefore = load();
      const matched = await measure((i) => matchRecord(ctx, reports[MATCHES + 5 + i].id), MATCHES, 5);
      log(`  matchRecord (proposals written): p50 ${round(matched.p50)} ms, p95 ${round(matched.p95)} ms`);
      out.push({
        name: 'one missing report matched nationally, proposals written (matchRecord), p95',
        value: round(matched.p95),
        unit: 'ms',
        note: `p50 ${round(matched.p50)} ms; ${MATCHES} other reports; ${sizeNote}; load ${mBefore} → ${load()}; aim < 500 ms`,
      });
    }
    return out;
  } finally {
    await d.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await run();
  console.log(JSON.stringify(results, null, 2));
}
