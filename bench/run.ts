import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { BenchResult } from './types';

// Every bench measures against a baseline in the same run and reports the ratio.
// BENCH_ONLY=search,import runs a subset.
const BENCHES: [string, string][] = [
  ['search', './registry/search.bench.ts'],
  ['import', './registry/import.bench.ts'],
  ['cases', './cases/cases.bench.ts'],
  ['dashboards', './dashboards/home.bench.ts'],
  ['dashboard-triggers', './dashboards/triggers.bench.ts'],
  ['schemes', '../src/schemes/schemes.bench.ts'],
  ['linkage', './linkage/link.bench.ts'],
  ['linkage-eval', './linkage-eval/evaluate.ts'],
  ['linkage-holdout', './linkage-holdout/evaluate.ts'],
  ['missing', './missing/match-one.bench.ts'],
  ['login', './auth/login-timing.bench.ts'],
  ['load', './load/load.bench.ts'],
  ['helpline', './helpline/helpline.bench.ts'],
  ['ratio', './load/pgbench-ratio.bench.ts'],
  ['memory', './load/memory.bench.ts'],
  ['web', './web/throttled.bench.ts'],
  ['partition', './partition/referenced.bench.ts'],
  ['case-history', './partition/case-history.bench.ts'],
  ['national', './national/crore.bench.ts'],
];

const only = process.env.BENCH_ONLY?.split(',');
const all: (BenchResult & { bench: string })[] = [];
for (const [name, path] of BENCHES) {
  if (only && !only.includes(name)) continue;
  if (!existsSync(new URL(path, import.meta.url))) continue;
  process.stderr.write(`\n== ${name} ==\n`);
  try {
    const mod = (await import(path)) as { run: () => Promise<BenchResult[]> };
    for (const r of await mod.run()) all.push({ bench: name, ...r });
  } catch (err) {
    process.stderr.write(`bench ${name} failed: ${(err as Error).message}\n`);
    all.push({ bench: name, name: `${name} FAILED`, value: NaN, unit: '', note: (err as Error).message });
  }
}

const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : String(n));
console.log('\n| bench | measure | value | unit | baseline | ratio | note |\n|---|---|---|---|---|---|---|');
for (const r of all)
  console.log(
    `| ${r.bench} | ${r.name} | ${fmt(r.value)} | ${r.unit} | ${fmt(r.baseline)} | ${r.ratio === undefined ? '' : r.ratio + '×'} | ${r.note ?? ''} |`,
  );
mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(new URL('./out/results.json', import.meta.url), JSON.stringify(all, null, 2));
