// String similarity for short name tokens.

let flagsA = new Uint8Array(128),
  flagsB = new Uint8Array(128);

/** Jaro–Winkler similarity in [0,1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length,
    lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const range = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  // Reused flag buffers: this runs millions of times in bulk linkage and must not allocate.
  if (la > flagsA.length || lb > flagsB.length) {
    flagsA = new Uint8Array(Math.max(la, 64) * 2);
    flagsB = new Uint8Array(Math.max(lb, 64) * 2);
  }
  const ma = flagsA,
    mb = flagsB;
  ma.fill(0, 0, la);
  mb.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range),
      hi = Math.min(lb - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (!mb[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        ma[i] = 1;
        mb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let t = 0,
    k = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let p = 0;
  while (p < 4 && p < la && p < lb && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

/**
 * Similarity of two token lists, insensitive to order: tokens are paired greedily
 * by best similarity, averaged over the shorter list, with a mild penalty for
 * tokens left over (a given name alone still scores high against a full name).
 * The joined forms are compared too, for "Raj Kumar" vs "Rajkumar".
 */
export function tokenListSimilarity(ta: readonly string[], tb: readonly string[]): number {
  const na = ta.length,
    nb = tb.length;
  if (na === 0 || nb === 0) return 0;
  if (na === 1 && nb === 1) return jaroWinkler(ta[0], tb[0]);
  const sims: number[] = [];
  for (let i = 0; i < na; i++) for (let j = 0; j < nb; j++) sims.push(jaroWinkler(ta[i], tb[j]));
  const usedA = new Uint8Array(na),
    usedB = new Uint8Array(nb);
  const m = Math.min(na, nb);
  let total = 0;
  for (let step = 0; step < m; step++) {
    let best = -1,
      bi = 0,
      bj = 0;
    for (let i = 0; i < na; i++) {
      if (usedA[i]) continue;
      for (let j = 0; j < nb; j++)
        if (!usedB[j] && sims[i * nb + j] > best) {
          best = sims[i * nb + j];
          bi = i;
          bj = j;
        }
    }
    usedA[bi] = 1;
    usedB[bj] = 1;
    total += best;
  }
  const aligned = (total / m) * (0.9 + 0.1 * (m / Math.max(na, nb)));
  const joined = jaroWinkler(ta.join(''), tb.join(''));
  return Math.max(aligned, joined);
}
