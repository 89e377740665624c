/**
 * The engine (through its CLI, as a user runs it) and the baseline on the holdout set:
 * precision / recall / F1 of pairs with probability ≥ 0.5, top-5 recall, ECE (10 bins, over the
 * listed candidates). `npx tsx bench/linkage-holdout/evaluate.ts` or `BENCH_ONLY=linkage-holdout npm run bench`.
 * HOLDOUT_SPLIT=2000 for the smaller split, HOLDOUT_TRAIN=prior,full for the modes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { baseline, type Candidate } from './baseline';
import { writeSplit, type Row } from './generate';
import type { BenchResult } from '../types';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
export const SEED = 61206;

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

export function readRows(path: string): Record<string, string>[] {
  const [head, ...rest] = parseCsv(readFileSync(path, 'utf8'));
  return rest.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

export function runLink(dir: string, out: string, train: string): Promise<{ status: number | null; stderr: string; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      ['bin/samanvay.js', 'link', '--left', join(dir, 'missing.csv'), '--right', join(dir, 'found.csv'), '--out', out, '--train', train],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr, cpuMs: Number(process.hrtime.bigint() - t0) / 1e6 }));
  });
}

export interface Metrics {
  precision: number;
  recall: number;
  f1: number;
  top5: number;
  ece: number;
  predicted: number;
  listed: number;
}

export function metrics(cands: Candidate[], truth: Set<string>, nTruth: number): Metrics {
  let tp = 0;
  let pred = 0;
  let inTop = 0;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, y: 0 }));
  for (const c of cands) {
    const y = truth.has(`${c.left}|${c.right}`);
    if (y) inTop++;
    if (c.p >= 0.5) {
      pred++;
      if (y) tp++;
    }
    const b = bins[Math.min(9, Math.floor(c.p * 10))];
    b.n++;
    b.p += c.p;
    b.y += y ? 1 : 0;
  }
  const precision = pred ? tp / pred : 0;
  const recall = tp / nTruth;
  const ece = bins.reduce((a, b) => (b.n ? a + (b.n / cands.length) * Math.abs(b.p / b.n - b.y / b.n) : a), 0);
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    top5: inTop / nTruth,
    ece,
    predicted: pred,
    listed: cands.length,
  };
}

export function readCandidates(path: string): Candidate[] {
  return readRows(path).map((r) => ({ left: r.left_id, right: r.right_id, p: Number(r.match_probability) }));
}

export function ensureSplit(n: number): string {
  const dir = join(here, 'data', String(n));
  if (!existsSync(join(dir, 'truth.csv'))) writeSplit(dir, n, SEED);
  return dir;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const fmt = (name: string, m: Metrics) =>
  `${name.padEnd(16)} P ${r3(m.precision).toFixed(3)}  R ${r3(m.recall).toFixed(3)}  F1 ${r3(m.f1).toFixed(3)}  top-5 ${r3(m.top5).toFixed(3)}  ECE ${r3(m.ece).toFixed(3)}  (≥0.5: ${m.predicted}, listed ${m.listed})`;

/** recall at 0.5 and top-5 per kind of variation, and what the false positives are */
function breakdown(cands: Candidate[], truthPairs: [string, string][], kinds: Record<string, string>[]): string {
  const kindOf = new Map(kinds.map((k) => [k.right_id, k]));
  const best = new Map<string, Candidate[]>();
  for (const c of cands) best.set(c.right, [...(best.get(c.right) ?? []), c]);
  const per = new Map<string, { n: number; hit: number; top: number }>();
  for (const [l, r] of truthPairs) {
    const listed = best.get(r) ?? [];
    const hit = listed.some((c) => c.left === l && c.p >= 0.5);
    const top = listed.some((c) => c.left === l);
    for (const k of ['all', ...kindOf.get(r)!.variations.split(' ').filter(Boolean)]) {
      const e = per.get(k) ?? { n: 0, hit: 0, top: 0 };
      e.n++;
      e.hit += hit ? 1 : 0;
      e.top += top ? 1 : 0;
      per.set(k, e);
    }
  }
  const truth = new Set(truthPairs.map(([l, r]) => `${l}|${r}`));
  const fp = new Map<string, number>();
  for (const c of cands)
    if (c.p >= 0.5 && !truth.has(`${c.left}|${c.right}`)) {
      const k = kindOf.get(c.right)!;
      const cls =
        k.class === 'match' ? 'a matched record, wrong report' : k.related_left_id === c.left ? `${k.class} (its own relative)` : k.class;
      fp.set(cls, (fp.get(cls) ?? 0) + 1);
    }
  const lines = [...per.entries()]
    .sort((a, b) => a[1].hit / a[1].n - b[1].hit / b[1].n)
    .map(
      ([k, e]) =>
        `  ${k.padEnd(22)} n ${String(e.n).padStart(5)}  recall@0.5 ${(e.hit / e.n).toFixed(3)}  top-5 ${(e.top / e.n).toFixed(3)}`,
    );
  return [
    'recall by variation (a record has several):',
    ...lines,
    'false positives (p ≥ 0.5) by kind of found record:',
    ...[...fp.entries()].map(([k, v]) => `  ${k}: ${v}`),
  ].join('\n');
}

export async function run(): Promise<BenchResult[]> {
  const n = Number(process.env.HOLDOUT_SPLIT ?? 5000);
  const modes = (process.env.HOLDOUT_TRAIN ?? 'prior,full').split(',');
  const dir = ensureSplit(n);
  const outDir = join(root, 'bench', 'out', 'linkage-holdout');
  mkdirSync(outDir, { recursive: true });
  const truthPairs = readRows(join(dir, 'truth.csv')).map((r) => [r.left_id, r.right_id] as [string, string]);
  const truth = new Set(truthPairs.map(([l, r]) => `${l}|${r}`));
  const kinds = readRows(join(dir, 'found_kinds.csv'));
  const missing = readRows(join(dir, 'missing.csv')) as unknown as Row[];
  const found = readRows(join(dir, 'found.csv')) as unknown as Row[];

  const t0 = process.hrtime.bigint();
  const base = baseline(missing, found);
  const baseMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const mb = metrics(base, truth, truthPairs.length);
  writeFileSync(
    join(outDir, `baseline-${n}.csv`),
    ['left_id,right_id,match_probability', ...base.map((c) => `${c.left},${c.right},${c.p.toFixed(6)}`)].join('\n') + '\n',
  );
  const report = [
    `holdout ${n} × ${n} (${truthPairs.length} true pairs), seed ${SEED}`,
    fmt('baseline', mb) + `  ${Math.round(baseMs)} ms`,
  ];
  const results: BenchResult[] = [];
  for (const mode of modes) {
    const out = join(outDir, `engine-${mode}-${n}.csv`);
    const r = await runLink(dir, out, mode);
    if (r.status !== 0) throw new Error(`link --train ${mode} failed: ${r.stderr.slice(-500)}`);
    const cands = readCandidates(out);
    const m = metrics(cands, truth, truthPairs.length);
    report.push(fmt(`engine ${mode}`, m) + `  ${Math.round(r.cpuMs)} ms wall`);
    report.push(breakdown(cands, truthPairs, kinds));
    const note = `holdout ${n}×${n}, --train ${mode}`;
    results.push(
      { name: `F1 (--train ${mode})`, value: r3(m.f1), unit: '', baseline: r3(mb.f1), ratio: r3(m.f1 / mb.f1), note },
      { name: `precision (--train ${mode})`, value: r3(m.precision), unit: '', baseline: r3(mb.precision), note },
      { name: `recall (--train ${mode})`, value: r3(m.recall), unit: '', baseline: r3(mb.recall), note },
      { name: `top-5 recall (--train ${mode})`, value: r3(m.top5), unit: '', baseline: r3(mb.top5), ratio: r3(m.top5 / mb.top5), note },
      { name: `ECE (--train ${mode})`, value: r3(m.ece), unit: '', baseline: r3(mb.ece), note },
    );
  }
  const text = report.join('\n');
  writeFileSync(join(outDir, `report-${n}.txt`), text + '\n');
  process.stderr.write(text + '\n');
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const res = await run();
  console.log(JSON.stringify(res, null, 1));
}
