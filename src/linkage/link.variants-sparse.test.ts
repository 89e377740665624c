// The outside variant table (src/names/variants.data.ts) and blocking for found children with no name.
import { describe, expect, it } from 'vitest';
import { linkRecords } from './link';
import { emptyPerson, type PersonRecord } from './record';

const rec = (id: string, f: Partial<PersonRecord>): PersonRecord => ({ ...emptyPerson(id), ...f });
const base = { sex: 'm', state: 'Uttar Pradesh', district: 'Mathura', date: '2024-03-01', language: 'Hindi' };

// Fillers give the engine a population; none shares a name or block key with the children below.
const fillers = Array.from({ length: 60 }, (_, k) =>
  rec(`X${k}`, {
    ...base,
    name: `Filler${String.fromCharCode(97 + (k % 26))}${k} Zed`,
    age: 3 + (k % 12),
    district: k % 2 ? 'Agra' : 'Etah',
  }),
);
const missing = [
  ...fillers,
  rec('M1', { ...base, name: 'Krishna Yadav', age: 8, father_name: 'Ramesh Yadav' }),
  rec('M2', { ...base, name: 'Lakshmi Banerjee', sex: 'f', age: 11, state: 'West Bengal', district: 'Nadia' }),
  rec('M3', { ...base, name: 'Suraj Kumar', age: 13, marks: 'burn mark on right hand' }),
  rec('M4', { ...base, name: 'Deepak Singh', age: 5, district: 'Agra' }),
];
const found = [
  rec('F1', { ...base, name: 'Kishan Jadav', age: 9, date: '2024-03-09' }),
  rec('F2', { ...base, name: 'Lachhmi Bandyopadhyay', sex: 'f', age: 11, state: 'West Bengal', district: 'Nadia', date: '2024-03-05' }),
  rec('F3', { ...base, name: 'Kanha', age: 8, date: '2024-03-04' }),
  // No name at all: sex, an estimated age, where and when found, a mark.
  rec('F4', { ...base, name: '', age: 13, date: '2024-03-03', marks: 'burn on right hand' }),
  rec('F5', { ...base, name: 'Munna', age: 5, district: 'Agra', date: '2024-03-10' }),
];

describe('outside variants and sparse found records', () => {
  const byRight = new Map(
    linkRecords(missing, found, undefined, { topK: 5, threshold: 0, train: 'none' }).map((r) => [r.rightId, r.candidates]),
  );
  const nameLevel = (r: string, l: string) =>
    byRight
      .get(r)
      ?.find((c) => c.leftId === l)
      ?.fields.find((f) => f.id === 'name')?.level;

  it('meets and scores table variants: Kishan Jadav is Krishna Yadav, Lachhmi Bandyopadhyay is Lakshmi Banerjee, Kanha is close to Krishna', () => {
    expect(byRight.get('F1')?.[0]?.leftId).toBe('M1');
    expect(nameLevel('F1', 'M1')).toBe(1);
    expect(byRight.get('F2')?.[0]?.leftId).toBe('M2');
    expect(nameLevel('F2', 'M2')).toBe(1);
    expect(nameLevel('F3', 'M1')).toBe(2);
  });

  it('gives a found child with no name, or only a generic pet name, candidates ranked by the other fields', () => {
    expect(byRight.get('F4')?.[0]?.leftId).toBe('M3');
    expect(
      byRight
        .get('F4')
        ?.find((c) => c.leftId === 'M3')
        ?.fields.find((f) => f.id === 'name')?.weight ?? 0,
    ).toBe(0);
    expect(byRight.get('F5')?.map((c) => c.leftId)).toContain('M4');
  });
});
