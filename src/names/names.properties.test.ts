import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectScript, isNickname, nameSimilarity, nameTokens, phoneticKey, searchKeys, toDevanagari, toLatin } from './index';

// Strings drawn from Latin plus the Indic blocks, so the transliterator sees odd sign orders.
const indicChar = fc.integer({ min: 0x0900, max: 0x0d7f }).map((cp) => String.fromCodePoint(cp));
const anyName = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.array(fc.oneof(indicChar, fc.constantFrom(' ', 'a', 'k', '.', '्', 'ा')), { maxLength: 20 }).map((a) => a.join('')),
);

describe('names properties', () => {
  it('never throw and return the right types', () => {
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        expect(typeof toLatin(a)).toBe('string');
        expect(typeof toDevanagari(a)).toBe('string');
        expect(typeof detectScript(a)).toBe('string');
        expect(Array.isArray(nameTokens(a))).toBe(true);
        expect(typeof phoneticKey(a)).toBe('string');
        expect(typeof isNickname(a)).toBe('boolean');
        const s = nameSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1.0000001);
      }),
      { numRuns: 500 },
    );
  });

  it('keys are stable: deterministic, idempotent through toLatin, unique', () => {
    fc.assert(
      fc.property(anyName, (a) => {
        const k = searchKeys(a);
        expect(searchKeys(a)).toEqual(k);
        expect(searchKeys(toLatin(a))).toEqual(k);
        expect(new Set(k).size).toBe(k.length);
        expect(toLatin(toLatin(a))).toBe(toLatin(a));
      }),
      { numRuns: 500 },
    );
  });

  it('similarity is symmetric-ish and 1 on identity for non-empty names', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{2,10}( [A-Za-z]{2,10})?$/), (a) => {
        if (nameTokens(a).length > 0) expect(nameSimilarity(a, a)).toBeCloseTo(1, 6);
      }),
    );
  });
});
