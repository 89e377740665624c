// The independent set at scale: a fresh seed of the eval generator (53, neither dev nor test), N × N,
// run through `samanvay link --train prior` as a user would, scored like evaluate.ts.
//   SCALE_N=50000 node --import tsx bench/linkage-eval/scale.ts [path/to/bin/samanvay.js ...]
// With several bin paths (e.g. an older checkout exported with `git archive`) each is run on the same
// files, so before/after figures come from one run on one machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { score, type Scored } from './evaluate';
import { COLUMNS, generate, toCsv } from './generate';

const N = Number(process.env.SCALE_N ?? 50_000);
const SEED = 53;
const dir = fileURLToPath(new URL(`../out/linkage-eval/scale-${N}/`, import.meta.url));
mkdirSync(dir, { recursive: true });
if (!existsSync(`${dir}/truth.csv`)) {
  const t0 = performance.now();
  const { missing, found, truth } = generate(SEED, N, N);
  writeFileSync(`${dir}/missing.csv`, toCsv(missing as unknown as Record<string, string>[], COLUMNS));
  writeFileSync(`${dir}/found.csv`, toCsv(found as unknown as Record<string, string>[], COLUMNS));
  writeFileSync(`${dir}/truth.csv`, toCsv(truth, ['left_id', 'right_id']));
  process.stderr.write(
    `generated ${N} × ${N} (seed ${SEED}, ${truth.length} true pairs) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
  );
}
const rows = (p: string) => Papa.parse<Record<string, string>>(readFileSync(p, 'utf8'), { header: true, skipEmptyLines: true }).data;
const truth = new Map(rows(`${dir}/truth.csv`).map((r) => [r.right_id, r.left_id]));
const bins = process.argv.slice(2).length ? process.argv.slice(2) : [fileURLToPath(new URL('../../bin/samanvay.js', import.meta.url))];
for (const [k, bin] of bins.entries()) {
  const out = `${dir}/links.${k}.csv`;
  const t0 = performance.now();
  const res = spawnSync(
    process.execPath,
    [
      bin,
      'link',
      '--left',
      `${dir}/missing.csv`,
      '--right',
      `${dir}/found.csv`,
      '--out',
      out,
      '--train',
      process.env.SCALE_TRAIN ?? 'prior',
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (res.status !== 0) throw new Error(`${bin}: link failed: ${res.stderr.slice(-1500)}`);
  const links: Scored[] = rows(out).map((r) => ({ leftId: r.left_id, rightId: r.right_id, p: Number(r.match_probability) }));
  const f = score(links, truth);
  const pairs = /(\d[\d,]*) candidate pairs/.exec(res.stderr)?.[1] ?? '?';
  console.log(
    JSON.stringify({
      bin,
      n: N,
      seed: SEED,
      precision: f.precision,
      recall: f.recall,
      f1: f.f1,
      top5: f.top5,
      ece: f.ece,
      seconds: Math.round(seconds),
      pairs,
    }),
  );
}
