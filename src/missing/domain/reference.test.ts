import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REFERENCE_ALPHABET, newReference, normaliseReference } from './reference';

describe('public references', () => {
  it('are MR-/FC- and ten characters with no 0, O, 1, I or L', () => {
    const bytes = randomBytes(4096);
    let i = 0;
    const refs = Array.from({ length: 200 }, (_, k) => newReference(k % 2 ? 'found' : 'missing', () => bytes[i++]));
    for (const r of refs) {
      expect(r).toMatch(/^(MR|FC)-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
      expect(r.slice(3)).not.toMatch(/[01OIL]/);
    }
    expect(new Set(refs).size).toBe(refs.length);
    expect(REFERENCE_ALPHABET).toHaveLength(31);
  });

  it('draw every character evenly (bytes past the last whole multiple of 31 are skipped)', () => {
    const seen = new Map<string, number>();
    let b = 0;
    for (let k = 0; k < 3100; k++) {
      const r = newReference('missing', () => b++ % 256);
      for (const ch of r.slice(3).replace('-', '')) seen.set(ch, (seen.get(ch) ?? 0) + 1);
    }
    const counts = [...seen.values()];
    expect(seen.size).toBe(31);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('are found however an official types them', () => {
    expect(normaliseReference(' mr-7kq4x m9tz2 ')).toBe('MR7KQ4XM9TZ2');
    expect(normaliseReference('MR-000123')).toBe('MR000123');
    expect(normaliseReference('mr-ooo123')).toBe('MR000123');
    expect(normaliseReference('Sanika')).toBeNull();
    expect(normaliseReference('MR-12')).toBeNull();
  });
});
