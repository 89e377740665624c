// The worker path of `link` (project generator, seed 11, N × N, explanations for every row) with a
// SHA-256 over every output row (right id, left id, probability, explanation), the CPU seconds of all
// threads and the peak RSS: run an old and a new commit back to back and compare digests and ratios.
//   LINK_BENCH_N=50000 LINK_BENCH_WORKERS=2 node --import tsx bench/linkage/digest.ts
import { createHash } from 'node:crypto';
import { generateBenchmark } from '../../src/linkage/benchmark/generate';
import { formatTimeline, linkParallel, shareExplanation } from '../../src/linkage/parallel';
import { defaultModel } from '../../src/linkage/model';
import { personTable } from '../../src/linkage/record';

const n = Number(process.env.LINK_BENCH_N ?? 50_000);
const workers = Number(process.env.LINK_BENCH_WORKERS ?? 2);
const big = generateBenchmark({ seed: 11, left: n, right: n });
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const res = await linkParallel(personTable(big.left), personTable(big.right), defaultModel(), { workers });
const linked = performance.now();
const hash = createHash('sha256');
let rows = 0;
for (const sh of res.shares)
  for (let x = 0; x < sh.right.length; x++, rows++)
    hash.update(`${big.right[sh.right[x]].id}\t${big.left[sh.left[x]].id}\t${sh.probability[x]}\t${shareExplanation(res.model, sh, x)}\n`);
const cpu = process.cpuUsage(cpu0);
// Where the wall time went (worker steps from the run's start), then the main thread's output rows.
for (const line of formatTimeline(res.timeline)) process.stderr.write(`${line}\n`);
process.stderr.write(`main output rows ${((linked - t0) / 1000).toFixed(1)}–${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
console.log(
  JSON.stringify({
    n,
    workers,
    pairs: res.pairsCompared,
    rows,
    digest: hash.digest('hex'),
    cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
    wallSeconds: +((performance.now() - t0) / 1000).toFixed(1),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
