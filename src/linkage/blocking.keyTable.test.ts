// KeyTable (block numbers by rule key, on typed arrays) answers as the Map it replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyTable } from './blocking';

describe('KeyTable', () => {
  it('gives every key added its value and -1 for any other, across growth, for keys up to 2^53', () => {
    const key = fc.oneof(
      fc.integer({ min: 0, max: 2000 }),
      fc.maxSafeInteger().map(Math.abs),
      fc.integer({ min: 0, max: 40 }).map((x) => x * 2 ** 32),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), fc.array(key, { maxLength: 200 }), (adds, asks) => {
        const t = new KeyTable(4),
          m = new Map<number, number>();
        adds.forEach((k, v) => {
          if (m.has(k)) return;
          m.set(k, v);
          t.add(k, v);
        });
        expect(t.size).toBe(m.size);
        for (const k of [...adds, ...asks]) expect(t.get(k)).toBe(m.get(k) ?? -1);
      }),
      { numRuns: 200 },
    );
  });
});
