/**
 * What the dashboards' triggers (migrations 0840, 0923: statement-level, over transition tables)
 * cost a bulk import on PostgreSQL: BENCH_TRIGGER_ROWS families and children written as the
 * registry import writes them (src/registry/import/import.service.ts: one multi-row INSERT per
 * table per chunk of 500 rows), then the same rows' due items as the case module writes them.
 *
 * Baseline, same run, same database: the same statements with the dashboards' triggers disabled
 * (ratio = with / without: what the marks add). The triggers fire once per statement, not per row,
 * so the cost is one INSERT ... SELECT into the pending table per chunk.
 *
 * Then the tables whose triggers came later (0980, 1010, 1090), each written as the app writes it
 * (`records.ts`: BENCH_TRIGGER_ROWS rows in 500-row INSERTs, then one update per chunk that moves every
 * row to another bucket: an action item done, a stay left, a call reached, a child moving block...),
 * with and without that table's triggers, same run (ratio = with / without).
 *
 *   BENCH_TRIGGER_ROWS (default 100000)
 */
import { pathToFileURL } from 'node:url';
import { log, scratchDatabase } from '../support';
import { round, timeIt, type BenchResult } from '../types';
import { RECORD_TABLES, recordsSetup } from './records';

const ROWS = Number(process.env.BENCH_TRIGGER_ROWS ?? 100_000);
const CHUNK = 500;

export async function run(): Promise<BenchResult[]> {
  const d = await scratchDatabase('postgres');
  try {
    const unit = '00000000-0000-0000-0000-000000000900';
    /** Families and children of rows [from, from + ROWS) in chunks, as the import's chunks. */
    const importRows = async (tag: string) => {
      for (let c = 0; c < ROWS; c += CHUNK) {
        const lo = c + 1;
        const hi = Math.min(c + CHUNK, ROWS);
        await d.exec(`INSERT INTO family (id, state_code, district_code, head_name, caregiver_type, caste_category)
          SELECT md5('${tag}f' || g)::uuid, 27, 468, 'Head', 'single_mother', 'sc' FROM generate_series(${lo}, ${hi}) g`);
        await d.exec(`INSERT INTO child (id, family_id, state_code, district_code, name, sex, care_status, dob)
          SELECT md5('${tag}c' || g)::uuid, md5('${tag}f' || g)::uuid, 27, 468, 'Child ' || g, 'female', 'birth_family', DATE '2015-01-01'
          FROM generate_series(${lo}, ${hi}) g`);
      }
    };
    const caseRows = async (tag: string) => {
      for (let c = 0; c < ROWS; c += CHUNK) {
        const lo = c + 1;
        const hi = Math.min(c + CHUNK, ROWS);
        await d.exec(`INSERT INTO case_record (id, child_id, state_code, district_code, status, phase, level, risk, source, reported_on, owner_unit_id, opened_at, last_action_at)
          SELECT md5('${tag}k' || g)::uuid, md5('${tag}c' || g)::uuid, 27, 468, 'intake', 'intake', 'district', 'high', 'vcpc', DATE '2026-11-01', '${unit}', now(), now()
          FROM generate_series(${lo}, ${hi}) g`);
        await d.exec(`INSERT INTO case_due (case_id, kind, due_at, assigned_unit_id, statutory, source, state_code, district_code)
          SELECT md5('${tag}k' || g)::uuid, 'cwc_production', now() + interval '1 day', '${unit}', true, 'default', 27, 468
          FROM generate_series(${lo}, ${hi}) g`);
      }
    };
    const TABLES = ['family', 'child', 'case_record', 'case_due'];
    const triggers = async (on: boolean) => {
      for (const t of TABLES) {
        const names = await d.query<{ n: string }>(
          `SELECT tgname AS n FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal AND tgname LIKE 'dash\\_%'`,
          [t],
        );
        for (const { n } of names) await d.exec(`ALTER TABLE ${t} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${n}`);
      }
    };
    // Baseline first, then with the triggers, each into an emptied set of tables of the same size.
    await triggers(false);
    const [offImport] = await timeIt(() => importRows('a'));
    const [offCases] = await timeIt(() => caseRows('a'));
    await triggers(true);
    const [onImport] = await timeIt(() => importRows('b'));
    const [onCases] = await timeIt(() => caseRows('b'));
    const [pending] = await d.query<{ children: number; cases: number }>(
      `SELECT (SELECT count(*)::int FROM dash_child_pending) AS children, (SELECT count(*)::int FROM dash_case_pending) AS cases`,
    );
    log(
      `triggers bench: import of ${ROWS} rows ${round(onImport)} ms (without the triggers ${round(offImport)}); cases and due items ${round(onCases)} ms (${round(offCases)}); marked ${pending.children} children, ${pending.cases} cases`,
    );
    const note = `${ROWS.toLocaleString('en-IN')} rows in ${CHUNK}-row statements on PostgreSQL; the triggers marked ${pending.children} children and ${pending.cases} cases`;
    // The later tables, one at a time (their rows name the children imported above, 'a' and 'b').
    await recordsSetup(d);
    const later: BenchResult[] = [];
    for (const t of RECORD_TABLES) {
      const run1 = async (tag: string) => {
        for (let c = 0; c < ROWS; c += CHUNK) await t.insert(d, tag, c + 1, Math.min(c + CHUNK, ROWS));
        for (let c = 0; c < ROWS; c += CHUNK) await t.update(d, tag, c + 1, Math.min(c + CHUNK, ROWS));
      };
      const toggle = async (on: boolean) => {
        const names = await d.query<{ n: string }>(
          `SELECT tgname AS n FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal AND tgname LIKE 'dash\\_%'`,
          [t.table],
        );
        for (const { n } of names) await d.exec(`ALTER TABLE ${t.table} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${n}`);
      };
      await toggle(false);
      const [off] = await timeIt(() => run1('a'));
      await toggle(true);
      const [on] = await timeIt(() => run1('b'));
      log(`triggers bench: ${t.table} ${round(on)} ms (without its triggers ${round(off)})`);
      later.push({
        name: `${t.table}: ${t.what} with the dashboards triggers`,
        value: round(on),
        unit: 'ms',
        baseline: round(off),
        ratio: round(on / off, 2),
        note: `baseline: the same statements with ${t.table}'s triggers disabled; ${ROWS.toLocaleString('en-IN')} rows in ${CHUNK}-row statements on PostgreSQL`,
      });
    }
    return [
      {
        name: 'registry import (families, children) with the dashboards triggers',
        value: round(onImport),
        unit: 'ms',
        baseline: round(offImport),
        ratio: round(onImport / offImport, 2),
        note: `baseline: the same statements with the triggers disabled; ${note}`,
      },
      {
        name: 'cases and due items with the dashboards triggers',
        value: round(onCases),
        unit: 'ms',
        baseline: round(offCases),
        ratio: round(onCases / offCases, 2),
        note: `baseline: the same statements with the triggers disabled; ${note}`,
      },
      ...later,
    ];
  } finally {
    await d.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await run();
  console.log(JSON.stringify(results, null, 2));
}
