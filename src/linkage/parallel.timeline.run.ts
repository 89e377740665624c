// Run by parallel.timeline.test.ts in its own process (worker threads need Node's own loader, not
// vitest's): links a generated set with the worker count given and prints rows and timeline as JSON.
import { generateBenchmark } from './benchmark/generate';
import { forEachLink, runLinkage } from './link';
import { defaultModel } from './model';
import { linkParallel, shareExplanation } from './parallel';
import { personTable } from './record';

const workers = Number(process.argv[2]);
const data = generateBenchmark({ seed: 7, left: 400, right: 400 });
const left = personTable(data.left),
  right = personTable(data.right);
const leftIndex = new Map(data.left.map((r, i) => [r.id, i]));
if (workers === 0) {
  // The one-thread engine, as `link --workers 1` runs it.
  const e = runLinkage(left, right, defaultModel());
  const rows: string[] = [];
  forEachLink(e, {}, (j, cands) => {
    for (const c of cands) rows.push(`${j}/${leftIndex.get(c.leftId)}/${c.probability}/${c.explanation}`);
  });
  console.log(JSON.stringify({ rows, timeline: [], pairs: e.pairCount }));
} else {
  const res = await linkParallel(left, right, defaultModel(), { workers });
  const rows = res.shares.flatMap((sh) =>
    Array.from(sh.right, (j, x) => `${j}/${sh.left[x]}/${sh.probability[x]}/${shareExplanation(res.model, sh, x)}`),
  );
  console.log(JSON.stringify({ rows, timeline: res.timeline, pairs: res.pairsCompared }));
}
