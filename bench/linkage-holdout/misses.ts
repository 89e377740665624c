/**
 * Where the engine loses the holdout's true pairs (dev split only): not a candidate at all (blocking),
 * a candidate scored below 0.5, or outranked. `npx tsx bench/linkage-holdout/misses.ts [2000] [sample]`
 * prints counts by cause and variation, and a sample of each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPersonCsv } from '../../src/linkage/csv';
import { runLinkage, candidateOf } from '../../src/linkage/link';
import { defaultModel } from '../../src/linkage/model';
import { personTable } from '../../src/linkage/record';
import { ensureSplit, readRows } from './evaluate';

const n = Number(process.argv[2] ?? 2000);
const sample = Number(process.argv[3] ?? 0);
const dir = ensureSplit(n);
const left = readPersonCsv(readFileSync(join(dir, 'missing.csv')), { skipInvalid: true }).records;
const right = readPersonCsv(readFileSync(join(dir, 'found.csv')), { skipInvalid: true }).records;
const truth = readRows(join(dir, 'truth.csv'));
const kinds = new Map(readRows(join(dir, 'found_kinds.csv')).map((k) => [k.right_id, k]));
const e = runLinkage(personTable(left), personTable(right), defaultModel(), { train: 'prior' });
const li = new Map(left.map((r, i) => [r.id, i]));
const ri = new Map(right.map((r, j) => [r.id, j]));
const byCause = new Map<string, Map<string, number>>();
const examples = new Map<string, string[]>();
const show = (i: number, j: number) =>
  `${JSON.stringify([left[i].name, left[i].sex, left[i].age, left[i].father_name, left[i].state])} → ${JSON.stringify([right[j].name, right[j].sex, right[j].age, right[j].father_name, right[j].state])}`;
for (const t of truth) {
  const i = li.get(t.left_id)!,
    j = ri.get(t.right_id)!;
  let cause: string;
  let p = -1;
  for (let q = e.rOff[j]; q < e.rOff[j + 1]; q++) if (e.leftOf[q] === i) p = q;
  const { pairs, probs } = e.topPairs(j, 5, 0, true);
  const at = pairs.indexOf(p);
  let why = '';
  if (p < 0) {
    cause = 'not blocked';
    const d = e.scoreDirect(i, j);
    why = `p=${e.probability(d.weight).toFixed(3)} ` + d.fields.map((f) => `${f.id}:${f.levelLabel}(${f.weight.toFixed(1)})`).join(' ');
  } else if (at < 0) cause = 'blocked, not in top 5';
  else if (probs[at] >= 0.5) cause = 'found';
  else cause = at === 0 ? 'first, p<0.5' : 'outranked, p<0.5';
  if (p >= 0 && cause !== 'found') {
    const c = candidateOf(e, p, j, at >= 0 ? probs[at] : 0);
    why = `p=${c.probability.toFixed(3)} rank ${at} ` + c.explanation;
    if (at > 0) why += ` | first: ${left[e.leftOf[pairs[0]]].name} p=${probs[0].toFixed(2)}`;
  }
  const vars = ['all', ...(kinds.get(t.right_id)?.variations.split(' ').filter(Boolean) ?? [])];
  const m = byCause.get(cause) ?? new Map<string, number>();
  for (const v of vars) m.set(v, (m.get(v) ?? 0) + 1);
  byCause.set(cause, m);
  const ex = examples.get(cause) ?? [];
  ex.push(`${vars.slice(1).join(',')}: ${show(i, j)}  ${why}`);
  examples.set(cause, ex);
}
for (const [cause, m] of byCause) {
  console.log(
    `${cause}: ${m.get('all')}  ` +
      [...m.entries()]
        .filter(([k]) => k !== 'all')
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
  );
  if (sample && cause !== 'found')
    for (const x of (examples.get(cause) ?? []).filter((_, k) => k % Number(process.env.EVERY ?? 7) === 0).slice(0, sample))
      console.log('   ' + x);
}
