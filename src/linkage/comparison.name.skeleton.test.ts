import { describe, expect, it } from 'vitest';
import { nameLevel } from './comparison.name.testkit';
import { consonantSkeleton } from './comparison.name';

describe('consonant skeleton', () => {
  it('keeps the first letter and the consonants, b/v/w as one', () => {
    expect(consonantSkeleton('parta')).toBe('prt');
    expect(consonantSkeleton('bisvajit')).toBe(consonantSkeleton('visvajit'));
    expect(consonantSkeleton('amit')).toBe('amt');
  });

  it('makes vowel-only and b/v respellings a close variant', () => {
    expect(nameLevel('Partha Sarkar', 'Partho Sarkar')).toBe('close variant');
    expect(nameLevel('Subrata', 'Subroto')).toBe('close variant');
    // The outside variant table (src/names/variants.data.ts) lists Biswajit/Vishwajit: a variant, above close.
    expect(['close variant', 'spelling/script variant']).toContain(nameLevel('Biswajit Roy', 'Vishwajeet Roy'));
  });

  it('leaves different names different', () => {
    expect(nameLevel('Ramesh', 'Rajesh')).not.toBe('close variant');
    expect(nameLevel('Seema', 'Soma')).not.toBe('close variant');
    expect(nameLevel('Amit', 'Sunil')).toBe('different');
  });
});
