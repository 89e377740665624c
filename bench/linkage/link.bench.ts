// Linkage benchmark: the engine on N × N generated records (LINK_BENCH_N, default 200,000),
// and two naive baselines on a 5,000 × 5,000 sample for speed and F1: all-pairs Jaro–Winkler on
// names, and a pg_trgm similarity join on names in PostgreSQL.
//   node --import tsx bench/linkage/link.bench.ts
import { generateBenchmark } from '../../src/linkage/benchmark/generate';
import { calibrationError, evaluate, type ScoredLink } from '../../src/linkage/benchmark/metrics';
import { forEachLink, runLinkage } from '../../src/linkage/link';
import { defaultModel } from '../../src/linkage/model';
import { defaultWorkers, linkParallel, shareExplanation } from '../../src/linkage/parallel';
import { personTable, type PersonRecord } from '../../src/linkage/record';
import { nameSounds, tokenListSimilarity } from '../../src/names';
import { TRIGRAM_MATCH_AT, trigramBaseline } from './trigram-baseline';

export type BenchResult = { name: string; value: number; unit: string; baseline?: number; ratio?: number; note?: string };

function linkWithEngine(left: PersonRecord[], right: PersonRecord[]) {
  const t0 = performance.now();
  const e = runLinkage(personTable(left), personTable(right), defaultModel());
  const links: ScoredLink[] = [];
  forEachLink(e, {}, (_j, cands) => {
    for (const c of cands) links.push({ leftId: c.leftId, rightId: c.rightId, probability: c.probability });
  });
  return { seconds: (performance.now() - t0) / 1000, links, pairs: e.pairCount, upperBound: e.block.pairUpperBound };
}

/** The path `link` takes on large inputs: worker threads, explanations built for every output row. */
async function linkWithWorkers(left: PersonRecord[], right: PersonRecord[], workers: number) {
  const t0 = performance.now();
  const res = await linkParallel(personTable(left), personTable(right), defaultModel(), { workers });
  const links: ScoredLink[] = [];
  let explained = 0;
  for (const sh of res.shares)
    for (let x = 0; x < sh.right.length; x++) {
      links.push({ leftId: left[sh.left[x]].id, rightId: right[sh.right[x]].id, probability: sh.probability[x] });
      // As `link` does while writing each row.
      explained += shareExplanation(res.model, sh, x).length;
    }
  if (explained === 0) throw new Error('no explanations were produced');
  return { seconds: (performance.now() - t0) / 1000, links, pairs: res.pairsCompared, upperBound: res.pairUpperBound };
}

/** What a system without blocking or a model does: compare every name with every name. */
function naiveBaseline(left: PersonRecord[], right: PersonRecord[]) {
  const t0 = performance.now();
  const ls = left.map((r) => nameSounds(r.name));
  const links: ScoredLink[] = [];
  for (const r of right) {
    const rs = nameSounds(r.name);
    const best: Array<[number, number]> = [];
    for (let i = 0; i < ls.length; i++) {
      const s = tokenListSimilarity(ls[i], rs);
      if (best.length < 5 || s > best[best.length - 1][1]) {
        best.push([i, s]);
        best.sort((a, b) => b[1] - a[1]);
        if (best.length > 5) best.pop();
      }
    }
    // The best name match above 0.9 counts as a proposed match.
    best.forEach(([i, s], k) => links.push({ leftId: left[i].id, rightId: r.id, probability: k === 0 && s >= 0.9 ? 1 : 0 }));
  }
  return { seconds: (performance.now() - t0) / 1000, links };
}

export async function run(): Promise<BenchResult[]> {
  const n = Number(process.env.LINK_BENCH_N ?? 200_000);
  const out: BenchResult[] = [];
  const big = generateBenchmark({ seed: 11, left: n, right: n });
  const rssBefore = process.memoryUsage().rss;
  const workers = Number(process.env.LINK_BENCH_WORKERS ?? defaultWorkers());
  const cpu0 = process.cpuUsage();
  const eng = workers > 1 ? await linkWithWorkers(big.left, big.right, workers) : linkWithEngine(big.left, big.right);
  const cpuMain = process.cpuUsage(cpu0).user / 1e6;
  const m = evaluate(eng.links, big.truth);
  // maxRSS is per process, so it includes the worker threads.
  const peakMb = process.resourceUsage().maxRSS / 1024;
  out.push(
    {
      name: `link ${n}×${n} wall time`,
      value: eng.seconds,
      unit: 's',
      note: `target < 60 s on 2 cores; ${workers} worker(s); main-thread CPU ${cpuMain.toFixed(1)} s`,
    },
    {
      name: `link ${n}×${n} peak RSS`,
      value: peakMb,
      unit: 'MB',
      note: `target < 2048 MB (RSS before linking ${Math.round(rssBefore / 2 ** 20)} MB, includes generated data)`,
    },
    {
      name: `link ${n}×${n} candidate pairs`,
      value: eng.pairs,
      unit: 'pairs',
      note: `upper bound counted before comparing: ${eng.upperBound}`,
    },
    {
      name: `link ${n}×${n} F1 at 0.5`,
      value: m.f1,
      unit: 'F1',
      note: `precision ${m.precision.toFixed(4)}, recall ${m.recall.toFixed(4)}`,
    },
    { name: `link ${n}×${n} top-5 recall`, value: m.topKRecall, unit: 'recall' },
    {
      name: `link ${n}×${n} calibration error`,
      value: calibrationError(m.bins),
      unit: 'ECE',
      note: m.bins
        .filter((b) => b.pairs > 0)
        .map((b) => `${b.lo.toFixed(1)}:${b.meanPredicted.toFixed(2)}/${b.observedRate.toFixed(2)}`)
        .join(' '),
    },
  );

  const s = Math.min(5000, n);
  const small = generateBenchmark({ seed: 12, left: s, right: s });
  const base = naiveBaseline(small.left, small.right);
  const baseM = evaluate(base.links, small.truth);
  const engS = linkWithEngine(small.left, small.right);
  const engM = evaluate(engS.links, small.truth);
  out.push(
    {
      name: `link ${s}×${s} wall time vs naive all-pairs name JW`,
      value: engS.seconds,
      unit: 's',
      baseline: base.seconds,
      ratio: base.seconds / engS.seconds,
      note: 'ratio = speed-up',
    },
    {
      name: `link ${s}×${s} F1 vs naive all-pairs name JW`,
      value: engM.f1,
      unit: 'F1',
      baseline: baseM.f1,
      ratio: engM.f1 / Math.max(1e-9, baseM.f1),
    },
    {
      name: `link ${s}×${s} top-5 recall vs naive`,
      value: engM.topKRecall,
      unit: 'recall',
      baseline: baseM.topKRecall,
      ratio: engM.topKRecall / Math.max(1e-9, baseM.topKRecall),
    },
  );
  try {
    const trgm = await trigramBaseline(small.left, small.right);
    const trgmM = evaluate(trgm.links, small.truth);
    const note = `PostgreSQL pg_trgm join on names (GIN index build + join; best candidate at similarity ≥ ${TRIGRAM_MATCH_AT} proposed)`;
    out.push(
      {
        name: `link ${s}×${s} wall time vs PostgreSQL trigram join`,
        value: engS.seconds,
        unit: 's',
        baseline: trgm.seconds,
        ratio: trgm.seconds / engS.seconds,
        note: `ratio = speed-up; ${note}`,
      },
      {
        name: `link ${s}×${s} F1 vs PostgreSQL trigram join`,
        value: engM.f1,
        unit: 'F1',
        baseline: trgmM.f1,
        ratio: engM.f1 / Math.max(1e-9, trgmM.f1),
        note: `trigram precision ${trgmM.precision.toFixed(3)}, recall ${trgmM.recall.toFixed(3)}`,
      },
      {
        name: `link ${s}×${s} top-5 recall vs PostgreSQL trigram join`,
        value: engM.topKRecall,
        unit: 'recall',
        baseline: trgmM.topKRecall,
        ratio: engM.topKRecall / Math.max(1e-9, trgmM.topKRecall),
      },
    );
  } catch (err) {
    out.push({ name: `link ${s}×${s} vs PostgreSQL trigram join`, value: NaN, unit: '', note: `not run: ${(err as Error).message}` });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) console.log(JSON.stringify(r));
}
