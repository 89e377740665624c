// Scores `samanvay link` (run as a separate process through its CLI, as a user would) and the
// baseline matcher on the independent set (data/dev, data/test) and on FEBRL4 as person records.
//   node --import tsx bench/linkage-eval/evaluate.ts [dev|test|febrl4 ...]   (default: test febrl4)
// EVAL_TRAIN=none,prior,full picks the engine's --train modes (default prior,full).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { applyIsotonic, fitIsotonic } from '../../src/linkage/calibration';
import { baselineLinks, BASELINE_THRESHOLD } from './baseline';
import { COLUMNS, toCsv, type EvalRecord } from './generate';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const OUT = here('../out/linkage-eval/');

function readCsv(path: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim(),
  }).data;
}

export interface Scored {
  leftId: string;
  rightId: string;
  p: number;
}
export interface Figures {
  precision: number;
  recall: number;
  f1: number;
  top5: number;
  ece: number;
  proposed: number;
  reliability: { bin: string; n: number; meanP: number; observed: number }[];
}

/** Precision/recall/F1 of the pairs at p ≥ threshold, top-5 recall, and the reliability of p over all listed pairs. */
export function score(links: Scored[], truth: Map<string, string>, threshold = 0.5): Figures {
  const isTrue = (l: Scored) => truth.get(l.rightId) === l.leftId;
  const proposed = links.filter((l) => l.p >= threshold);
  const tp = proposed.filter(isTrue).length;
  const listed = new Set(links.filter(isTrue).map((l) => l.rightId));
  const precision = proposed.length ? tp / proposed.length : 0;
  const recall = truth.size ? tp / truth.size : 0;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, sp: 0, sy: 0 }));
  for (const l of links) {
    const b = bins[Math.min(9, Math.floor(l.p * 10))];
    b.n++;
    b.sp += l.p;
    b.sy += isTrue(l) ? 1 : 0;
  }
  const ece = bins.reduce((s, b) => s + (b.n ? (b.n / links.length) * Math.abs(b.sp / b.n - b.sy / b.n) : 0), 0);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    precision: r3(precision),
    recall: r3(recall),
    f1: r3(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    top5: r3(truth.size ? listed.size / truth.size : 0),
    ece: r3(ece),
    proposed: proposed.length,
    reliability: bins.map((b, i) => ({
      bin: `${i / 10}-${(i + 1) / 10}`,
      n: b.n,
      meanP: r3(b.n ? b.sp / b.n : 0),
      observed: r3(b.n ? b.sy / b.n : 0),
    })),
  };
}

interface EvalSet {
  name: string;
  missing: string;
  found: string;
  truth: Map<string, string>;
}

function splitSet(split: string): EvalSet {
  const dir = here(`./data/${split}/`);
  const truth = new Map(readCsv(`${dir}/truth.csv`).map((r) => [r.right_id, r.left_id]));
  return { name: split, missing: `${dir}/missing.csv`, found: `${dir}/found.csv`, truth };
}

/** FEBRL4 (dataset4a/4b) as person records: given+surname → name, suburb → district, the rest → place. */
function febrlSet(): EvalSet | null {
  const dir = process.env.FEBRL_DIR ?? '/work/shared/data/febrl';
  if (!existsSync(`${dir}/dataset4a.csv`)) return null;
  mkdirSync(OUT, { recursive: true });
  const conv = (file: string, out: string) => {
    const rows = readCsv(`${dir}/${file}`).map((r) => {
      const v = (k: string) => (r[k] ?? r[` ${k}`] ?? '').trim();
      const rec: EvalRecord = {
        id: v('rec_id'),
        name: `${v('given_name')} ${v('surname')}`.trim(),
        sex: '',
        age: '',
        father_name: '',
        mother_name: '',
        state: v('state'),
        district: v('suburb'),
        place: [v('street_number'), v('address_1'), v('address_2'), v('postcode')].filter(Boolean).join(' '),
        date: '',
        language: '',
        marks: v('soc_sec_id'),
      };
      return rec;
    });
    writeFileSync(out, toCsv(rows as unknown as Record<string, string>[], COLUMNS));
    return rows;
  };
  const left = conv('dataset4a.csv', `${OUT}/febrl4a.csv`);
  const right = conv('dataset4b.csv', `${OUT}/febrl4b.csv`);
  const byN = new Map(left.map((r) => [r.id.split('-')[1], r.id]));
  const truth = new Map(
    right.flatMap((r) => (byN.has(r.id.split('-')[1]) ? [[r.id, byN.get(r.id.split('-')[1])!] as [string, string]] : [])),
  );
  return { name: 'febrl4', missing: `${OUT}/febrl4a.csv`, found: `${OUT}/febrl4b.csv`, truth };
}

export function runEngine(set: EvalSet, train: string, extra: string[] = []): { links: Scored[]; seconds: number; stderr: string } {
  mkdirSync(OUT, { recursive: true });
  const out = `${OUT}/${set.name}.${train}.csv`;
  const t0 = performance.now();
  const res = spawnSync(
    process.execPath,
    [
      here('../../bin/samanvay.js'),
      'link',
      '--left',
      set.missing,
      '--right',
      set.found,
      '--out',
      out,
      '--train',
      train,
      '--skip-invalid',
      ...extra,
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (res.status !== 0) throw new Error(`link failed (${res.status}): ${res.stderr.slice(-2000)}`);
  const links = readCsv(out).map((r) => ({ leftId: r.left_id, rightId: r.right_id, p: Number(r.match_probability) }));
  return { links, seconds: (performance.now() - t0) / 1000, stderr: res.stderr };
}

export function runBaseline(set: EvalSet): Scored[] {
  const l = readCsv(set.missing) as unknown as EvalRecord[];
  const r = readCsv(set.found) as unknown as EvalRecord[];
  // Rescale so the baseline's own threshold sits at 0.5 for the shared scorer.
  return baselineLinks(l, r).map((x) => ({
    leftId: x.leftId,
    rightId: x.rightId,
    p: x.score >= BASELINE_THRESHOLD ? 0.5 + (x.score - BASELINE_THRESHOLD) : x.score * (0.5 / BASELINE_THRESHOLD),
  }));
}

export function loadSet(name: string): EvalSet | null {
  return name === 'febrl4' ? febrlSet() : splitSet(name);
}

export function evaluateAll(sets: string[], trains: string[]) {
  const rows: { set: string; matcher: string; figures: Figures; seconds?: number }[] = [];
  for (const name of sets) {
    const set = loadSet(name);
    if (!set) continue;
    const t0 = performance.now();
    const base = runBaseline(set);
    rows.push({ set: name, matcher: 'baseline (Jaro–Winkler)', figures: score(base, set.truth), seconds: (performance.now() - t0) / 1000 });
    for (const train of trains) {
      const { links, seconds, stderr } = runEngine(set, train);
      for (const w of stderr.split('\n').filter((s) => /warning|EM|fit/i.test(s))) process.stderr.write(`  [${name} ${train}] ${w}\n`);
      rows.push({ set: name, matcher: `engine --train ${train}`, figures: score(links, set.truth), seconds });
      // Calibration held out: an isotonic map fitted on the dev split's decisions, applied here.
      if (train === 'prior' && name !== 'dev' && process.env.EVAL_CALIBRATE !== '0') {
        const dev = splitSet('dev');
        const fit = runEngine(dev, 'prior').links;
        const map = fitIsotonic(
          fit.map((l) => l.p),
          fit.map((l) => dev.truth.get(l.rightId) === l.leftId),
        );
        const cal = links.map((l) => ({ ...l, p: applyIsotonic(map, l.p) }));
        rows.push({ set: name, matcher: 'engine --train prior, isotonic fitted on dev', figures: score(cal, set.truth) });
      }
    }
  }
  return rows;
}

export function table(rows: ReturnType<typeof evaluateAll>): string {
  const lines = ['| set | matcher | precision | recall | F1 | top-5 recall | ECE | seconds |', '|---|---|---|---|---|---|---|---|'];
  for (const r of rows)
    lines.push(
      `| ${r.set} | ${r.matcher} | ${r.figures.precision} | ${r.figures.recall} | ${r.figures.f1} | ${r.figures.top5} | ${r.figures.ece} | ${r.seconds?.toFixed(1) ?? ''} |`,
    );
  return lines.join('\n');
}

/** `npm run bench` entry (BENCH_ONLY=linkage-eval). */
export async function run() {
  const rows = evaluateAll(['test', 'febrl4'], (process.env.EVAL_TRAIN ?? 'prior,full').split(','));
  process.stderr.write(table(rows) + '\n');
  const out: { name: string; value: number; unit: string; baseline?: number; ratio?: number; note?: string }[] = [];
  for (const r of rows.filter((x) => x.matcher.startsWith('engine'))) {
    const b = rows.find((x) => x.set === r.set && x.matcher.startsWith('baseline'))!;
    for (const k of ['f1', 'top5'] as const)
      out.push({
        name: `${r.set} ${r.matcher} ${k}`,
        value: r.figures[k],
        unit: '',
        baseline: b.figures[k],
        ratio: b.figures[k] ? Math.round((r.figures[k] / b.figures[k]) * 100) / 100 : undefined,
        note: `P ${r.figures.precision} R ${r.figures.recall} ECE ${r.figures.ece}`,
      });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sets = process.argv.slice(2).length ? process.argv.slice(2) : ['test', 'febrl4'];
  const rows = evaluateAll(sets, (process.env.EVAL_TRAIN ?? 'prior,full').split(','));
  console.log(table(rows));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}/figures.json`, JSON.stringify(rows, null, 2));
}
