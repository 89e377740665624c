import { describe, expect, it } from 'vitest';
import { BlockIndex } from '../linkage/blocking';
import { defaultModel } from '../linkage/model';
import { personTable } from '../linkage/record';
import { generateBenchmark } from '../linkage/benchmark/generate';
import { blockingKeys } from './blocking-keys';
import { nameVariants, toPersonRecords, type LinkableRecord } from './domain/person';

describe('blocking keys for the database', () => {
  it('two records share a stored key exactly when the engine would compare them', () => {
    const model = defaultModel();
    const { left, right } = generateBenchmark({ seed: 11, left: 400, right: 400 });
    const block = new BlockIndex(model, personTable(left), personTable(right));
    const lk = left.map((r) => new Set(blockingKeys(model, r, 'left')));
    const rk = right.map((r) => blockingKeys(model, r, 'right'));
    const buf = new Int32Array(left.length);
    let pairs = 0;
    for (let j = 0; j < right.length; j++) {
      const n = block.candidates(j, buf);
      const engine = new Set(Array.from(buf.subarray(0, n)));
      const ours = new Set(left.map((_, i) => i).filter((i) => rk[j].some((k) => lk[i].has(k))));
      expect(ours).toEqual(engine);
      pairs += n;
    }
    expect(pairs).toBeGreaterThan(400);
  });

  it('the missing side carries a window of birth years growing with age, the found side the year', () => {
    const model = defaultModel();
    const r = {
      id: 'x',
      name: 'Omkar Bhise',
      sex: 'm',
      age: 14,
      father_name: '',
      mother_name: '',
      state: '',
      district: '',
      place: '',
      date: '2025-09-14',
      language: '',
      marks: '',
    };
    const years = (side: 'left' | 'right') =>
      blockingKeys(model, r, side)
        .filter((k) => k.startsWith('name+sex+birthyear:'))
        .map((k) => k.split('|')[2]);
    const distinct = (xs: string[]) => [...new Set(xs)].sort();
    // 14 years old in mid-September 2025: born in late 2011, so 2012; ±3 years at 14 (birthYearWindow).
    // "?R" meets found children of unknown age, "?L" missing children of unknown age.
    expect(distinct(years('left'))).toEqual(['2009', '2010', '2011', '2012', '2013', '2014', '2015', '?R']);
    expect(distinct(years('right'))).toEqual(['2012', '?L']);
  });
});

describe('records as person records', () => {
  const rec: LinkableRecord = {
    id: 'r1',
    kind: 'missing',
    name: 'Omkar Bhise',
    nameLocal: 'ओंकार भिसे',
    aliases: ['Chhotu'],
    sex: 'male',
    ageYears: 14,
    fatherName: 'Bhimrao Bhise',
    motherName: null,
    language: 'Marathi',
    marks: null,
    eventDate: '2025-09-14',
    place: 'Wadali',
    eventPlace: 'Amravati railway station',
  };
  it('one variant per distinct name: the same name in another script is not another variant', () => {
    expect(nameVariants({ name: 'Sanika Wankhade', nameLocal: 'सानिका वानखडे', aliases: ['Chhotu'] })).toEqual([
      'Sanika Wankhade',
      'Chhotu',
    ]);
    expect(nameVariants({ name: null, nameLocal: null, aliases: [] })).toEqual(['']);
  });
  it('maps a missing report to the left side: home place, date last seen', () => {
    const [p, q] = toPersonRecords(rec, { state: 'Maharashtra', district: 'Amravati' });
    expect(p).toMatchObject({
      id: 'r1',
      name: 'Omkar Bhise',
      sex: 'm',
      age: 14,
      father_name: 'Bhimrao Bhise',
      place: 'Wadali',
      district: 'Amravati',
      date: '2025-09-14',
    });
    expect(q.id).toBe('r1~1');
  });
  it('maps a found child to the right side: where found', () => {
    const [p] = toPersonRecords({ ...rec, kind: 'found', aliases: [] }, { state: 'Maharashtra', district: 'Pune' });
    expect(p).toMatchObject({ place: 'Amravati railway station', district: 'Pune' });
  });
});
