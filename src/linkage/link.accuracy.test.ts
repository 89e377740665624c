// Regression guards on labelled data. Floors sit a little below the measured values
// (docs/LINKAGE.md); a drop below them means a change made matching worse.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { febrlTruth, FEBRL_DIR, loadFebrl } from './benchmark/febrl';
import { generateBenchmark } from './benchmark/generate';
import { calibrationError, evaluate, type ScoredLink } from './benchmark/metrics';
import { forEachLink, runLinkage } from './link';
import { defaultModel, loadModel } from './model';
import { personTable, type Table } from './record';

function links(left: Table, right: Table, model = defaultModel(), train: 'prior' | 'full' = 'prior'): ScoredLink[] {
  const e = runLinkage(left, right, model, { train });
  const out: ScoredLink[] = [];
  forEachLink(e, {}, (_j, cands) => out.push(...cands));
  return out;
}

describe('synthetic Indian children benchmark (3,000 × 3,000, seed 7; the model was trained on seed 101)', () => {
  const b = generateBenchmark({ seed: 7, left: 3000, right: 3000 });
  const m = evaluate(links(personTable(b.left), personTable(b.right)), b.truth);

  it('F1 at 0.5 stays at or above 0.94 (measured 0.962)', () => {
    expect(m.f1).toBeGreaterThanOrEqual(0.94);
    expect(m.precision).toBeGreaterThanOrEqual(0.96);
    expect(m.recall).toBeGreaterThanOrEqual(0.92);
  });
  it('top-5 recall stays at or above 0.955 (measured 0.962)', () => {
    expect(m.topKRecall).toBeGreaterThanOrEqual(0.955);
  });
  it('probabilities are calibrated: expected calibration error under 0.03', () => {
    expect(calibrationError(m.bins)).toBeLessThan(0.03);
    const high = m.bins[9];
    expect(high.observedRate).toBeGreaterThan(0.95);
  });
  it('holds on another seed', () => {
    const b2 = generateBenchmark({ seed: 2024, left: 2000, right: 2000 });
    const m2 = evaluate(links(personTable(b2.left), personTable(b2.right)), b2.truth);
    expect(m2.f1).toBeGreaterThanOrEqual(0.92);
    expect(m2.topKRecall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('FEBRL4 (5,000 × 5,000), parameters by unlabelled EM', () => {
  it('F1 stays at or above 0.99 (measured 0.999)', () => {
    const left = loadFebrl(fileURLToPath(new URL('dataset4a.csv', FEBRL_DIR)));
    const right = loadFebrl(fileURLToPath(new URL('dataset4b.csv', FEBRL_DIR)));
    const model = loadModel(fileURLToPath(new URL('./models/febrl.v1.json', import.meta.url)));
    const m = evaluate(links(left, right, model, 'full'), febrlTruth(left, right));
    expect(m.f1).toBeGreaterThanOrEqual(0.99);
    expect(m.topKRecall).toBeGreaterThanOrEqual(0.99);
  }, 180_000);
});
