import { describe, expect, it } from 'vitest';
import { consonantSkeleton } from './comparison.name';
import { buildComparators } from './comparisons';
import { defaultModel } from './model';
import { personTable, type PersonRecord } from './record';

const rec = (id: string, name: string): PersonRecord => ({
  id,
  name,
  sex: '',
  age: null,
  father_name: '',
  mother_name: '',
  state: '',
  district: '',
  place: '',
  date: '',
  language: '',
  marks: '',
});

function nameLevel(a: string, b: string): string {
  const spec = defaultModel().comparisons.find((c) => c.id === 'name')!;
  const [cmp] = buildComparators([spec]);
  const fa = cmp.prepare(personTable([rec('a', a)]));
  const fb = cmp.prepare(personTable([rec('b', b)]));
  cmp.finish?.();
  return spec.levels[cmp.level(fa, 0, fb, 0)].label;
}

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
