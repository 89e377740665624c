// The simple baseline matcher measured in the same run as the engine: lower-cased Latin letters only
// (it cannot read Indic scripts), Jaro–Winkler between name tokens, a sex and age block, and a fixed
// weighted score. Written for this set; it shares no code with src/.
import type { EvalRecord } from './generate';

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  if (!a.length || !b.length) return 0;
  const win = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const ma = new Uint8Array(a.length),
    mb = new Uint8Array(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = Math.max(0, i - win); j < Math.min(b.length, i + win + 1); j++)
      if (!mb[j] && a[i] === b[j]) {
        ma[i] = mb[j] = 1;
        m++;
        break;
      }
  if (!m) return 0;
  let t = 0,
    k = 0;
  for (let i = 0; i < a.length; i++)
    if (ma[i]) {
      while (!mb[k]) k++;
      if (a[i] !== b[k]) t++;
      k++;
    }
  const jaro = (m / a.length + m / b.length + (m - t / 2) / m) / 3;
  let l = 0;
  while (l < 4 && a[l] === b[l]) l++;
  return jaro + l * 0.1 * (1 - jaro);
}

const tokens = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z ]/g, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 1);

/** Mean over the shorter token list of each token's best Jaro–Winkler in the other. */
function tokenSim(a: string[], b: string[]): number {
  if (!a.length || !b.length) return -1;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return s.reduce((acc, t) => acc + Math.max(...l.map((u) => jaroWinkler(t, u))), 0) / s.length;
}

export const BASELINE_THRESHOLD = 0.8;

/** For each right record, its best 5 left records and a score in [0,1] (≥ BASELINE_THRESHOLD = proposed). */
export function baselineLinks(left: EvalRecord[], right: EvalRecord[]) {
  const L = left.map((r) => ({ r, n: tokens(r.name), f: tokens(r.father_name), d: r.district.toLowerCase(), age: Number(r.age) }));
  const out: { leftId: string; rightId: string; score: number }[] = [];
  for (const rr of right) {
    const n = tokens(rr.name),
      f = tokens(rr.father_name),
      d = rr.district.toLowerCase(),
      age = Number(rr.age);
    const best: [number, number][] = [];
    for (let i = 0; i < L.length; i++) {
      const l = L[i];
      if (rr.sex && l.r.sex && rr.sex !== l.r.sex) continue;
      if (rr.age && l.r.age && Math.abs(age - l.age) > 4) continue;
      // A cheap block: some name token starts with the same letter.
      if (!n.some((t) => l.n.some((u) => u[0] === t[0]))) continue;
      const ns = tokenSim(n, l.n);
      if (ns < 0.75) continue;
      const fs = tokenSim(f, l.f);
      let score = 0.6 * ns + 0.1 * (rr.age && l.r.age ? 1 - Math.abs(age - l.age) / 5 : 0.5);
      score += 0.2 * (fs < 0 ? 0.5 : fs) + 0.1 * (d && l.d ? (jaroWinkler(d, l.d) > 0.9 ? 1 : 0) : 0.5);
      if (best.length < 5 || score > best[best.length - 1][1]) {
        best.push([i, score]);
        best.sort((x, y) => y[1] - x[1]);
        if (best.length > 5) best.pop();
      }
    }
    for (const [i, s] of best) out.push({ leftId: L[i].r.id, rightId: rr.id, score: s });
  }
  return out;
}
