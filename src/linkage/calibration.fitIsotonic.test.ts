import { describe, expect, it } from 'vitest';
import { applyIsotonic, band, expectedCalibrationError, fitIsotonic, fitPlattSmoothed } from './calibration';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Scores that are overconfident: the true match rate at score s is s². Fit on one half, check the
// reliability on the other (held out).
function sample(n: number, seed: number) {
  const r = rng(seed);
  const s: number[] = [],
    y: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const p = r();
    s.push(p);
    y.push(r() < p * p);
  }
  return { s, y };
}

describe('isotonic calibration', () => {
  const fit = sample(20_000, 1);
  const held = sample(20_000, 2);
  const map = fitIsotonic(fit.s, fit.y);

  it('is monotone', () => {
    for (let k = 1; k < map.y.length; k++) expect(map.y[k]).toBeGreaterThanOrEqual(map.y[k - 1]);
  });

  it('makes overconfident scores reliable on held-out pairs', () => {
    const before = expectedCalibrationError(held.s, held.y);
    const after = expectedCalibrationError(
      held.s.map((p) => applyIsotonic(map, p)),
      held.y,
    );
    expect(before).toBeGreaterThan(0.1);
    expect(after).toBeLessThan(0.03);
  });

  it('maps a score of 0.7 near its observed rate 0.49', () => {
    expect(applyIsotonic(map, 0.7)).toBeGreaterThan(0.42);
    expect(applyIsotonic(map, 0.7)).toBeLessThan(0.56);
  });
});

describe('band', () => {
  it('words the calibrated probability', () => {
    expect([0.95, 0.8, 0.5, 0.1].map(band)).toEqual(['strong', 'likely', 'possible', 'weak']);
  });
});

describe('fitPlattSmoothed', () => {
  it('stays finite on decisions that separate cleanly', () => {
    const x = [...Array.from({ length: 50 }, (_, i) => 5 + i / 10), ...Array.from({ length: 50 }, (_, i) => -5 - i / 10)];
    const y = x.map((v) => v > 0);
    const c = fitPlattSmoothed(x, y);
    expect(Number.isFinite(c.scale) && c.scale < 10).toBe(true);
    const p = 1 / (1 + 2 ** -(c.scale * 5 + c.shift));
    expect(p).toBeGreaterThan(0.9);
    expect(p).toBeLessThan(1);
  });
});
