import { describe, expect, it } from 'vitest';
import { run, syntheticFamilies } from './schemes.bench';

describe('schemes bench helper', () => {
  it('generates the same families for the same seed', () => {
    expect(syntheticFamilies(50, 7)).toEqual(syntheticFamilies(50, 7));
    expect(syntheticFamilies(50, 7)).not.toEqual(syntheticFamilies(50, 8));
  });

  it('reports the district worklist against the per-family API baseline', async () => {
    const results = await run({ families: 300, baselineSample: 10, database: 'pglite', log: () => undefined });
    expect(results.map((r) => r.name)).toEqual([
      'schemes.district_worklist',
      'schemes.district_worklist_total',
      'schemes.engine_in_memory',
    ]);
    for (const r of results) {
      expect(Number.isFinite(r.value) && r.value > 0).toBe(true);
      expect(r.unit).toBeTruthy();
      expect(r.baseline).toBeGreaterThan(0);
      expect(r.ratio).toBeGreaterThan(0);
    }
    expect(results[0].note).toMatch(/380 families in district 468/);
  }, 180_000);
});
