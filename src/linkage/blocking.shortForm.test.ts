// Blocking rules of indian-children.v1.9 (issue #15, holdout recall): a found child known by a pet
// name clipped from the given name, OCR's letter groups, initials written in an Indian script, a
// child found within a month or so whatever the age written, the father's full name. Every example
// here was written for this test.
import { describe, expect, it } from 'vitest';
import { ocrFolded } from '../names';
import { BlockIndex, transformValue } from './blocking';
import { defaultModel, type Model } from './model';
import { emptyPerson, personTable, type PersonRecord } from './record';

const person = (id: string, fields: Partial<PersonRecord>): PersonRecord => ({ ...emptyPerson(id), ...fields });
const base = defaultModel();
/** The shipped model with only the named rules. */
const only = (...ids: string[]): Model => ({
  ...base,
  blocking: { ...base.blocking, rules: base.blocking.rules.filter((r) => ids.includes(r.id)) },
});
const meets = (m: Model, missing: Partial<PersonRecord>, found: Partial<PersonRecord>) => {
  const block = new BlockIndex(m, personTable([person('m', missing)]), personTable([person('f', found)]));
  return block.candidates(0, new Int32Array(1)) === 1;
};

describe('a pet name clipped from the given name (short-form+sex+birthyear)', () => {
  const rule = only('short-form+sex+birthyear');
  it.each([
    ['Shivam Rajbhar', 'Shivu'],
    ['शिवम राजभर', 'Shivu'],
    ['Sapna Singh', 'Sapu'],
    ['Prabhjot Kaur', 'Probho'],
    ['Nagaraj Reddy', 'Naagu'],
    ['Lakshmi Kumari', 'Laku'],
  ])('%s meets a found child known as %s, of that sex and age, wherever found', (name, pet) => {
    const sex = /Sapna|Prabhjot|Lakshmi/.test(name) ? 'f' : 'm';
    const missing = { name, sex, age: 9, date: '2025-01-10', state: 'Uttar Pradesh' };
    expect(meets(rule, missing, { name: pet, sex, age: 10, date: '2025-02-01', state: 'Delhi' })).toBe(true);
    expect(meets(rule, missing, { name: pet, sex, age: 16, date: '2025-02-01' })).toBe(false);
    expect(meets(rule, missing, { name: pet, sex: sex === 'f' ? 'm' : 'f', age: 10, date: '2025-02-01' })).toBe(false);
  });

  it('not a pet name of other sounds, not a found name of two words or a long one, not on a marker (Kumari)', () => {
    const missing = { name: 'Shivam Kumar', sex: 'm', age: 9, date: '2025-01-10' };
    const found = { sex: 'm', age: 9, date: '2025-02-01' };
    expect(meets(rule, missing, { ...found, name: 'Bittu' })).toBe(false);
    expect(meets(rule, missing, { ...found, name: 'Shivu Yadav' })).toBe(false);
    expect(meets(rule, missing, { ...found, name: 'Shivprasad' })).toBe(false);
    expect(meets(rule, { ...missing, name: 'Sunita Kumari', sex: 'f' }, { ...found, sex: 'f', name: 'Kumu' })).toBe(false);
  });
});

describe("OCR's letter groups in the one-slip keys", () => {
  it('reads rn as m, cl as d, ri as n, on both sides alike', () => {
    expect(ocrFolded('Sarijay')).toBe('sanjay');
    expect(ocrFolded('Kunclan')).toBe('kundan');
    expect(ocrFolded('Tanrnoy Sircar')).toBe('tanmoy sircar');
    expect(ocrFolded('Krishna')).toBe('knshna');
    expect(ocrFolded('Sunita')).toBe('');
    expect(ocrFolded('सुनीता')).toBe('');
  });

  it.each([
    ['Sanjay Maurya', 'Sarijay'],
    ['Kundan Kumar', 'Kunclan'],
    ['Tanmay Sarkar', 'Tanrnoy'],
    ['Amit Sarkar', 'Arnit'],
    ['कुंदन कुमार', 'Kunclan'],
  ])('%s meets %s (one-slip+sex+birthyear)', (name, found) => {
    const rule = only('one-slip+sex+birthyear');
    const missing = { name, sex: 'm', age: 10, date: '2025-01-10' };
    expect(meets(rule, missing, { name: found, sex: 'm', age: 10, date: '2025-02-01' })).toBe(true);
    expect(meets(rule, missing, { name: found, sex: 'm', age: 17, date: '2025-02-01' })).toBe(false);
  });
});

describe('initials written in an Indian script are not names to block on', () => {
  it('క. రాజేశ్ offers Rajesh, not "ka", as its first name', () => {
    expect(transformValue('క. రాజేశ్', 'firstKey', 'right')).toEqual(transformValue('Rajesh', 'firstKey', 'right'));
    expect(transformValue('ர. ராம்குமார்', 'firstKey', 'right')).toEqual(transformValue('Ramkumar', 'firstKey', 'right'));
  });

  it('a report of Katta Rajesh with no district meets క. రాజేశ్ of that sex and age in the shipped model', () => {
    const missing = { name: 'Katta Rajesh', sex: 'm', age: 12, date: '2024-01-28', state: 'Andhra Pradesh' };
    expect(meets(base, missing, { name: 'క. రాజేశ్', sex: 'm', age: 11, date: '2024-02-12', district: 'Visakhapatnam' })).toBe(true);
  });
});

describe('a child found within a month or so, whatever the age written (name+sex+found-month)', () => {
  const rule = only('name+sex+found-month');
  const missing = { name: 'Ravindra Mishra', sex: 'm', age: 9.5, date: '2024-11-14', state: 'Uttar Pradesh' };
  it('meets the same given name found that month or the next, not later or before, not the other sex', () => {
    expect(meets(rule, missing, { name: 'Ravindra Kumar', sex: 'm', age: 6, date: '2024-11-21', state: 'Maharashtra' })).toBe(true);
    expect(meets(rule, missing, { name: 'Ravindra', sex: 'm', age: 14, date: '2024-12-30' })).toBe(true);
    expect(meets(rule, missing, { name: 'Ravindra', sex: 'm', age: 6, date: '2025-01-02' })).toBe(false);
    expect(meets(rule, missing, { name: 'Ravindra', sex: 'm', age: 6, date: '2024-10-30' })).toBe(false);
    expect(meets(rule, missing, { name: 'Ravindra', sex: 'f', age: 9, date: '2024-11-21' })).toBe(false);
    // The found record's first name against the report's names: a shared surname alone does not meet.
    expect(meets(rule, missing, { name: 'Sunil Mishra', sex: 'm', age: 9, date: '2024-11-21' })).toBe(false);
  });
});

describe("the father's full name and the sex (father-full+sex)", () => {
  const rule = only('father-full+sex');
  it('meets a found child in another state with a misspelt name when the father is named in full, not on a father’s given name alone', () => {
    const missing = { name: 'Kumkum Kumari', sex: 'f', age: 10, father_name: 'Raja Manjhi', state: 'Bihar' };
    expect(meets(rule, missing, { name: 'Kvmkum', sex: 'f', age: 13.5, father_name: 'Raja Manjhi', state: 'West Bengal' })).toBe(true);
    expect(meets(rule, missing, { name: 'Kvmkum', sex: 'f', father_name: 'Raja', state: 'West Bengal' })).toBe(false);
    expect(meets(rule, missing, { name: 'Kvmkum', sex: 'f', father_name: 'Raja Paswan' })).toBe(false);
    expect(meets(rule, missing, { name: 'Kvmkum', sex: 'm', father_name: 'Raja Manjhi' })).toBe(false);
  });
});
