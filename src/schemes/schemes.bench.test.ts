import { describe, expect, it } from 'vitest';
import { run, syntheticFamilies } from './schemes.bench';

describe('schemes bench helper', () => {
  it('generates the same families for the same seed', () => {
    expect(syntheticFamilies(50, 7)).toEqual(syntheticFamilies(50, 7));
    expect(syntheticFamilies(50, 7)).not.toEqual(syntheticFamilies(50, 8));
  });

  it('reports throughput against the per-call baseline', async () => {
    const results = await run({ families: 300, baselineSample: 30 });
    expect(results.map((r) => r.name)).toEqual([
      'schemes.suggest_batch_full',
      'schemes.suggest_batch_status_only',
      'schemes.suggest_batch_full_total',
      'schemes.evaluations_per_second',
    ]);
    for (const r of results) {
      expect(Number.isFinite(r.value) && r.value > 0).toBe(true);
      expect(r.unit).toBeTruthy();
    }
    expect(results[0].baseline).toBeGreaterThan(0);
    expect(results[0].ratio).toBeGreaterThan(0);
  });
});
