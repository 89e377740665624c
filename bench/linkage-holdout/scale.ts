// The holdout set at scale: a fresh seed of its generator (424242, neither the 2,000 nor the 5,000
// split), N × N, run through `samanvay link --train prior` as a user would, scored like evaluate.ts.
//   HOLDOUT_SCALE_N=50000 npx tsx bench/linkage-holdout/scale.ts [path/to/bin/samanvay.js ...]
// With several bin paths (e.g. a worktree of an older commit, built) each runs on the same files one
// after the other, so before/after figures come from one run on one machine. Time, CPU and peak memory
// of each `link` process from /usr/bin/time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { metrics, readCandidates, readRows } from './evaluate';
import { writeSplit } from './generate';

const N = Number(process.env.HOLDOUT_SCALE_N ?? 50_000);
const SEED = 424242;
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, 'bench', 'out', 'linkage-holdout', `scale-${N}`);
mkdirSync(dir, { recursive: true });
if (!existsSync(join(dir, 'truth.csv'))) {
  const t0 = performance.now();
  writeSplit(dir, N, SEED);
  process.stderr.write(`generated ${N} × ${N} (seed ${SEED}) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
const truthPairs = readRows(join(dir, 'truth.csv')).map((r) => `${r.left_id}|${r.right_id}`);
const truth = new Set(truthPairs);
const bins = process.argv.slice(2).length ? process.argv.slice(2) : [join(root, 'bin', 'samanvay.js')];
for (const [k, bin] of bins.entries()) {
  const out = join(dir, `links.${k}.csv`);
  const res = spawnSync(
    '/usr/bin/time',
    ['-f', 'TIME %e %U %S %M', process.execPath, bin, 'link', '--left', join(dir, 'missing.csv'), '--right', join(dir, 'found.csv')].concat(
      ['--out', out, '--train', process.env.HOLDOUT_SCALE_TRAIN ?? 'prior'],
    ),
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (res.status !== 0) throw new Error(`${bin}: link failed: ${res.stderr.slice(-1500)}`);
  const [wall, user, sys, rssKb] = /TIME (\S+) (\S+) (\S+) (\S+)/.exec(res.stderr)!.slice(1).map(Number);
  const m = metrics(readCandidates(out), truth, truthPairs.length);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  console.log(
    JSON.stringify({
      bin,
      n: N,
      seed: SEED,
      truePairs: truthPairs.length,
      precision: r3(m.precision),
      recall: r3(m.recall),
      f1: r3(m.f1),
      top5: r3(m.top5),
      ece: r3(m.ece),
      wallSeconds: wall,
      cpuSeconds: r3(user + sys),
      peakMb: Math.round(rssKb / 1024),
    }),
  );
}
