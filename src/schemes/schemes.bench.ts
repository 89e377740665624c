// Bench: scheme suggestions for 100,000 synthetic families. The batch path
// validates and compiles the catalogue once and streams families through
// precompiled closures; the baseline re-validates and re-compiles the
// catalogue for every family, as a naive per-request handler would. The
// integrator can swap the baseline for the API path later.

import { CATALOGUE_DATA } from './catalogue/index';
import type { DocumentType } from './documents';
import { DOCUMENT_TYPES } from './documents';
import { validateCatalogue } from './scheme';
import { compileCatalogue, suggestEach, suggestForFamily, type FamilyInput } from './suggest';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  note?: string;
}

export interface BenchOptions {
  families?: number;
  /** Families timed on the (slow) baseline path; its rate is per family. */
  baselineSample?: number;
  seed?: number;
  asOf?: string;
}

/** Small seeded PRNG (mulberry32) so every run sees the same families. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticFamilies(n: number, seed = 42): FamilyInput[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const maybe = <T>(p: number, v: () => T): T | undefined => (r() < p ? v() : undefined);
  const date = (y0: number, y1: number) => {
    const y = y0 + Math.floor(r() * (y1 - y0 + 1));
    return `${y}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  };
  const statuses = ['alive', 'alive', 'alive', 'dead', 'dead', 'imprisoned', 'seriously_ill', 'disabled', 'divorced_separated', 'deserted'];
  const out: FamilyInput[] = [];
  for (let i = 0; i < n; i++) {
    const fatherStatus = maybe(0.9, () => pick(statuses));
    const motherStatus = maybe(0.9, () => pick(statuses));
    const fatherDead = fatherStatus === 'dead';
    const facts = {
      stateCode: r() < 0.8 ? 27 : pick([9, 10, 23, 29]),
      districtCode: 400 + Math.floor(r() * 40),
      area: maybe(0.9, () => pick(['rural', 'rural', 'urban'])),
      annualIncome: maybe(0.85, () => Math.floor(r() * 30) * 5000),
      bpl: maybe(0.8, () => r() < 0.5),
      rationCardType: maybe(0.8, () => pick(['AAY', 'PHH', 'NPHH', 'none'])),
      seccListed: maybe(0.5, () => r() < 0.3),
      casteCategory: maybe(0.85, () => pick(['SC', 'ST', 'OBC', 'VJNT', 'NT', 'SBC', 'General'])),
      fatherStatus,
      motherStatus,
      fatherDeathDate: fatherDead ? maybe(0.8, () => date(2012, 2025)) : undefined,
      fatherDeathCause: fatherDead ? maybe(0.8, () => pick(['covid19', 'illness', 'accident', 'suicide'])) : undefined,
      motherAge: maybe(0.7, () => 20 + Math.floor(r() * 45)),
      breadwinnerAgeAtDeath: fatherDead ? maybe(0.6, () => 20 + Math.floor(r() * 50)) : undefined,
    };
    const children = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, c) => ({
      id: `f${i}c${c}`,
      facts: {
        dob: maybe(0.8, () => date(2004, 2024)),
        age: maybe(0.3, () => Math.floor(r() * 20)),
        careStatus: maybe(0.7, () => pick(['birth_family', 'birth_family', 'kinship', 'foster', 'cci', 'aftercare'])),
        cwcRecommendation: maybe(0.5, () => r() < 0.5),
        enrolledInSchool: maybe(0.8, () => r() < 0.85),
        schoolClass: maybe(0.6, () => Math.floor(r() * 13)),
        schoolManagement: maybe(0.5, () => pick(['government', 'aided', 'private_unaided'])),
        disability: maybe(0.6, () => r() < 0.05),
      },
      documents: DOCUMENT_TYPES.filter(() => r() < 0.3) as DocumentType[],
    }));
    out.push({ id: `f${i}`, facts, documents: DOCUMENT_TYPES.filter(() => r() < 0.4), children });
  }
  return out;
}

function time(fn: () => number): { ms: number; count: number } {
  const t0 = performance.now();
  const count = fn();
  return { ms: performance.now() - t0, count };
}

export async function run(opts: BenchOptions = {}): Promise<BenchResult[]> {
  const n = opts.families ?? 100_000;
  const sample = Math.min(opts.baselineSample ?? 2_000, n);
  const asOf = opts.asOf ?? '2025-06-01';
  const families = syntheticFamilies(n, opts.seed ?? 42);

  const checked = validateCatalogue(CATALOGUE_DATA);
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  const catalogue = compileCatalogue(checked.value);

  const batch = (detail: 'full' | 'status') => {
    let subjects = 0;
    for (const f of suggestEach(catalogue, families, asOf, { detail })) subjects += f.suggestions.length;
    return subjects;
  };
  // Warm up the JIT on a slice so both paths are measured hot.
  for (const _ of suggestEach(catalogue, families.slice(0, Math.min(2000, n)), asOf)) void _;

  const full = time(() => batch('full'));
  const status = time(() => batch('status'));
  const baseline = time(() => {
    let subjects = 0;
    for (let i = 0; i < sample; i++) {
      const v = validateCatalogue(CATALOGUE_DATA);
      if (!v.ok) throw new Error('catalogue invalid');
      subjects += suggestForFamily(v.value, families[i], asOf).length;
    }
    return subjects;
  });

  const fullRate = (n / full.ms) * 1000;
  const statusRate = (n / status.ms) * 1000;
  const baseRate = (sample / baseline.ms) * 1000;
  return [
    {
      name: 'schemes.suggest_batch_full',
      value: Math.round(fullRate),
      unit: 'families/s',
      baseline: Math.round(baseRate),
      ratio: +(fullRate / baseRate).toFixed(1),
      note: `${n} families, ${full.count} scheme×subject results with reasons and missing documents in ${Math.round(full.ms)} ms; baseline re-validates and compiles the catalogue per family (timed on ${sample})`,
    },
    {
      name: 'schemes.suggest_batch_status_only',
      value: Math.round(statusRate),
      unit: 'families/s',
      baseline: Math.round(baseRate),
      ratio: +(statusRate / baseRate).toFixed(1),
      note: `${n} families, status only (no reasons) in ${Math.round(status.ms)} ms`,
    },
    {
      name: 'schemes.suggest_batch_full_total',
      value: Math.round(full.ms),
      unit: 'ms',
      note: `wall time for ${n} families, full detail`,
    },
    {
      name: 'schemes.evaluations_per_second',
      value: Math.round((full.count / full.ms) * 1000),
      unit: 'evaluations/s',
      note: 'one evaluation = one scheme for one subject (child, family or caregiver), full detail',
    },
  ];
}
