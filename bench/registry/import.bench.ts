import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runImport } from '../../src/registry/import/import.service';
import { createUser } from '../../src/users/users.service';
import { round, timeIt, type BenchResult } from '../types';
import { log, scratchDatabase } from '../support';
import { namePools } from './synthetic-names';

// Talukas of Amravati (468): every row goes to one of them, in one of 200 villages.
const TALUKAS = [
  'Achalpur',
  'Amravati',
  'Anjangaon Surji',
  'Bhatkuli',
  'Chandurbazar',
  'Chandur Railway',
  'Chikhaldara',
  'Daryapur',
  'Dhamangaon Railway',
  'Dharni',
  'Morshi',
  'Nandgaon-Khandeshwar',
  'Teosa',
  'Warud',
];

function csvRows(n: number) {
  const p = namePools(11);
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const g = p.pickGiven();
    const f = p.pickFamily();
    const v = p.r.int(0, 199);
    rows.push([
      `F${Math.floor(i / 2)}`,
      'Amravati',
      TALUKAS[v % TALUKAS.length],
      `Gaon ${v}`,
      `Head ${f.latin}`,
      '',
      'both_parents',
      String(p.r.int(10, 90) * 1000),
      'seasonal_migration',
      `${g.latin} ${f.latin}`,
      `${g.dev} ${f.dev}`,
      p.r.chance(0.5) ? 'f' : 'm',
      '',
      String(p.r.int(1, 17)),
      'birth_family',
      'enrolled',
    ]);
  }
  return rows;
}

export async function run(): Promise<BenchResult[]> {
  const n = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'samanvay-import-bench-'));
  const header = [
    'family_ref',
    'district',
    'taluka',
    'village',
    'head_name',
    'head_name_local',
    'caregiver_type',
    'annual_income',
    'vulnerability_factors',
    'child_name',
    'child_name_local',
    'sex',
    'dob',
    'age',
    'care_status',
    'school_status',
  ];
  const rows = csvRows(n);
  const file = join(dir, 'register.csv');
  writeFileSync(file, Papa.unparse({ fields: header, data: rows }));
  const out: BenchResult[] = [];
  for (const kind of ['postgres', 'pglite'] as const) {
    log(`import: ${n} rows on ${kind}`);
    const d = await scratchDatabase(kind);
    try {
      await createUser(d.db, null, {
        username: 'bench',
        displayName: 'bench',
        password: 'bench-password-1',
        role: 'dcpu_officer',
        jurisdictionId: 'di:468',
      });
      const [ms, res] = await timeIt(() => runImport(d, { file, asUser: 'bench' }));
      // Baseline: the same children written with one bulk INSERT per 5,000 rows, no validation,
      // no duplicate check, no villages or families: the floor the import cannot go below.
      const [baseMs] = await timeIt(async () => {
        for (let i = 0; i < rows.length; i += 5000) {
          const chunk = rows.slice(i, i + 5000);
          await d.query(
            `INSERT INTO child (state_code, district_code, name, name_local, sex, care_status) SELECT 27, 468, a, b, 'female', 'birth_family' FROM unnest($1::text[], $2::text[]) AS t(a, b)`,
            [chunk.map((r) => r[9]), chunk.map((r) => r[10])],
          );
        }
      });
      const rate = n / (ms / 1000);
      const baseRate = n / (baseMs / 1000);
      out.push({
        name: `import ${n.toLocaleString('en-IN')} rows on ${kind}`,
        value: round(rate, 0),
        unit: 'rows/s',
        baseline: round(baseRate, 0),
        ratio: round(rate / baseRate, 3),
        note: `${res.created.children} created, ${res.duplicates} flagged as duplicates; baseline = raw bulk INSERT without validation or duplicate check`,
      });
    } finally {
      await d.drop();
    }
  }
  return out;
}
