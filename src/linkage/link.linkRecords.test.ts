import { describe, expect, it } from 'vitest';
import { dedupeRecords } from './dedupe';
import { linkRecords, matchOne, scorePair } from './link';
import { defaultModel, parseModel } from './model';
import { emptyPerson, type PersonRecord } from './record';

const rec = (id: string, f: Partial<PersonRecord>): PersonRecord => ({ ...emptyPerson(id), ...f });

const missing = [
  rec('M1', {
    name: 'Sunita Pawar',
    sex: 'f',
    age: 9,
    father_name: 'Ramesh Pawar',
    mother_name: 'Lakshmi',
    state: 'Maharashtra',
    district: 'Amravati',
    place: 'Tiwsa',
    date: '2024-01-10',
    language: 'Marathi',
    marks: 'mole on left cheek',
  }),
  rec('M2', {
    name: 'Kavita Pawar',
    sex: 'f',
    age: 6,
    father_name: 'Ramesh Pawar',
    mother_name: 'Lakshmi',
    state: 'Maharashtra',
    district: 'Amravati',
    place: 'Tiwsa',
    date: '2024-01-10',
    language: 'Marathi',
  }),
  rec('M3', {
    name: 'Mohd Imran',
    sex: 'm',
    age: 12,
    father_name: 'Mohd Aslam',
    state: 'Uttar Pradesh',
    district: 'Meerut',
    date: '2023-05-01',
    language: 'Hindi',
  }),
];
const found = [
  rec('F1', {
    name: 'सुनीता पवार',
    sex: 'f',
    age: 10,
    father_name: 'रमेश',
    state: 'Maharashtra',
    district: 'Amraoti',
    date: '2024-02-01',
    language: 'मराठी',
    marks: 'mole left cheek',
  }),
  rec('F2', { name: 'Imran', sex: 'm', age: 13, father_name: 'Mohammed Aslam', state: 'Delhi', district: 'New Delhi', date: '2023-07-15' }),
];

describe('linkRecords', () => {
  it("finds each found child's missing report across script and spelling", () => {
    const res = linkRecords(missing, found, defaultModel());
    expect(res.map((r) => r.rightId)).toEqual(['F1', 'F2']);
    expect(res[0].candidates[0].leftId).toBe('M1');
    expect(res[0].candidates[0].probability).toBeGreaterThan(0.5);
    expect(res[1].candidates[0].leftId).toBe('M3');
    for (const r of res) {
      expect(r.candidates.length).toBeLessThanOrEqual(5);
      for (const c of r.candidates) expect(c.probability).toBeGreaterThanOrEqual(0);
    }
  });
  it('ranks the sibling (same parents and village) below the child', () => {
    const c = linkRecords(missing, found, defaultModel())[0].candidates;
    const sib = c.find((x) => x.leftId === 'M2');
    if (sib) expect(sib.probability).toBeLessThan(0.5);
  });
  it('reports progress', () => {
    const phases = new Set<string>();
    linkRecords(missing, found, defaultModel(), { onProgress: (p) => phases.add(p.phase) });
    expect([...phases]).toEqual(expect.arrayContaining(['preparing', 'blocking', 'comparing', 'scoring']));
  });
});

describe('scorePair', () => {
  it('keeps per-field weights and explains them', () => {
    const s = scorePair(missing[0], found[0]);
    expect(s.fields.map((f) => f.id)).toEqual(expect.arrayContaining(['name', 'father', 'age', 'sex', 'date']));
    expect(s.weight).toBeCloseTo(
      s.fields.reduce((a, f) => a + f.weight, 0),
      6,
    );
    expect(s.explanation).toMatch(/name: [a-z/ ]+ \(\+\d+\.\d\)/);
    expect(scorePair(missing[2], found[0]).probability).toBeLessThan(0.01);
  });
  it('treats a found date long before the missing date as evidence against', () => {
    const early = { ...found[0], date: '2022-01-01' };
    expect(scorePair(missing[0], early).weight).toBeLessThan(scorePair(missing[0], found[0]).weight);
  });
});

describe('matchOne', () => {
  it('scores candidates from a provider, best first', async () => {
    const seen: string[][] = [];
    const res = await matchOne(found[0], (q) => {
      seen.push(q.nameKeys);
      return missing;
    });
    expect(seen[0].length).toBeGreaterThan(0);
    expect(res[0].leftId).toBe('M1');
    expect(res[0].rightId).toBe('F1');
  });
});

describe('dedupeRecords', () => {
  it('clusters reports of one child and keeps siblings apart', () => {
    const dup = { ...found[0], id: 'M9', date: '2024-01-12' };
    const res = dedupeRecords([...missing, dup]);
    const cl = new Map(res.clusters.map((c) => [c.id, c.clusterId]));
    expect(cl.get('M9')).toBe(cl.get('M1'));
    expect(cl.get('M2')).not.toBe(cl.get('M1'));
    expect(cl.get('M3')).toBe('M3');
  });
});

describe('model', () => {
  it('rejects a model whose levels do not fit its comparison kind', () => {
    const m = defaultModel();
    m.comparisons[4].levels.pop();
    expect(() => parseModel(m)).toThrow(/"age" \(age\) needs 5 levels/);
  });
});
