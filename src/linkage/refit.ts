// Learning from reviewers: the review queue's confirmed and rejected pairs (the labelled-pairs export,
// src/missing/matches.service.ts) re-estimate the model's m-probabilities and calibration for one
// deployment or state. The result is a new, versioned model file; the old one stays as it was, so a
// rollback is pointing `--model` (or the deployment's setting) back at it.
import Papa from 'papaparse';
import { expectedCalibrationError, fitPlattSmoothed } from './calibration';
import { decodeUtf8 } from './csv';
import { boundM } from './em';
import { LinkEngine } from './engine';
import { type Model } from './model';
import { PERSON_COLUMNS, personTable, type PersonRecord } from './record';
import { stateAlias } from './states';

export interface LabelledPair {
  left: PersonRecord;
  right: PersonRecord;
  label: boolean;
}

/** Reads the labelled-pairs CSV (left_<column>, right_<column>, label 1/0). */
export function parseLabelledPairs(input: Uint8Array | string): LabelledPair[] {
  const rows = Papa.parse<Record<string, string>>(decodeUtf8(input), { header: true, skipEmptyLines: true }).data;
  if (rows.length && !('label' in rows[0])) throw new Error('labelled pairs: no "label" column');
  const side = (r: Record<string, string>, s: 'left' | 'right'): PersonRecord => {
    const rec = Object.fromEntries(PERSON_COLUMNS.map((c) => [c, (r[`${s}_${c}`] ?? '').trim()])) as Record<string, string>;
    const age = rec.age === '' ? null : Number(rec.age);
    return { ...(rec as unknown as PersonRecord), age: age !== null && Number.isFinite(age) ? age : null };
  };
  return rows
    .filter((r) => r.label === '1' || r.label === '0')
    .map((r) => ({ left: side(r, 'left'), right: side(r, 'right'), label: r.label === '1' }));
}

export interface RefitSummary {
  version: string;
  base: string;
  state: string | null;
  confirmed: number;
  rejected: number;
  /** Comparisons whose m moved, with the largest change of any level. */
  changed: Array<{ id: string; maxChange: number }>;
  calibration: { scale: number; shift: number };
  /** On the decisions themselves (in-sample: a check that the fit took, not a held-out figure). */
  eceBefore: number;
  eceAfter: number;
}

export interface RefitOptions {
  state?: string;
  /** Pseudo-decisions at the base model's m: few decisions move m a little, many move it a lot. */
  strength?: number;
  minEach?: number;
  today: string;
}

const sameState = (a: string, b: string) =>
  stateAlias(a)
    .toLowerCase()
    .replace(/[^a-z]/g, '') ===
  stateAlias(b)
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/**
 * m ← level frequencies among confirmed pairs, with a Dirichlet prior at the base model's m and the
 * bounds EM uses (m ≥ u on the best level, m ≤ u on the worst); u stays (decided pairs are not a
 * random sample of non-matches); calibration ← Platt scaling (smoothed targets) on all decisions, since reviewers decide
 * exactly the pairs the queue proposes. Refuses when there are too few decisions of either kind.
 */
export function refitFromReviews(base: Model, all: readonly LabelledPair[], opts: RefitOptions): { model: Model; summary: RefitSummary } {
  const pairs = opts.state ? all.filter((p) => sameState(p.left.state, opts.state!) || sameState(p.right.state, opts.state!)) : all;
  const confirmed = pairs.filter((p) => p.label).length,
    rejected = pairs.length - confirmed;
  const minEach = opts.minEach ?? 20;
  if (confirmed < minEach || rejected < minEach)
    throw new Error(
      `refit needs at least ${minEach} confirmed and ${minEach} rejected decisions${opts.state ? ` for ${opts.state}` : ''}; there are ${confirmed} and ${rejected}`,
    );
  const e = new LinkEngine(
    base,
    personTable(pairs.map((p, k) => ({ ...p.left, id: `l${k}` }))),
    personTable(pairs.map((p, k) => ({ ...p.right, id: `r${k}` }))),
    { train: 'none', populationSize: 10_000 },
  );
  e.setWeights();
  const levels = pairs.map((_, k) => e.levelsOf(k, k, new Int8Array(e.comparators.length)));
  const oddsBefore = levels.map((l) => e.logOdds(e.weightOfLevels(l)));
  const probBefore = oddsBefore.map((x) => e.calibrate(x));
  const strength = opts.strength ?? 50;
  const model = e.model;
  const changed: RefitSummary['changed'] = [];
  model.comparisons.forEach((c, k) => {
    if (!c.train) return;
    const acc = c.levels.map(() => 0);
    pairs.forEach((p, x) => {
      const l = levels[x][k];
      if (p.label && l >= 0) acc[l]++;
    });
    const n = acc.reduce((a, v) => a + v, 0);
    const m = boundM(
      c.levels.map((l, x) => (acc[x] + strength * l.m) / (n + strength)),
      c.levels.map((l) => l.u),
    );
    const maxChange = Math.max(...m.map((v, x) => Math.abs(v - c.levels[x].m)));
    c.levels.forEach((l, x) => (l.m = m[x]));
    if (maxChange > 1e-4) changed.push({ id: c.id, maxChange: Math.round(maxChange * 1000) / 1000 });
  });
  e.setWeights();
  const odds = levels.map((l) => e.logOdds(e.weightOfLevels(l)));
  model.calibration = fitPlattSmoothed(
    odds,
    pairs.map((p) => p.label),
  );
  const labels = pairs.map((p) => p.label);
  const tag = opts.state
    ? stateAlias(opts.state)
        .toLowerCase()
        .replace(/[^a-z]+/g, '-')
    : 'all';
  model.version = `${base.version}+reviews.${tag}.${opts.today}`;
  model.trainedOn = `${base.trainedOn ?? base.version}; m and calibration refitted on ${confirmed} confirmed and ${rejected} rejected reviewer decisions${opts.state ? ` (${opts.state})` : ''}, ${opts.today}`;
  const summary: RefitSummary = {
    version: model.version,
    base: base.version,
    state: opts.state ?? null,
    confirmed,
    rejected,
    changed,
    calibration: model.calibration,
    eceBefore: round3(expectedCalibrationError(probBefore, labels)),
    eceAfter: round3(
      expectedCalibrationError(
        odds.map((x) => e.calibrate(x)),
        labels,
      ),
    ),
  };
  return { model, summary };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
