import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BlockIndex } from './blocking';
import { districtAlias } from './districts';
import { scorePair } from './link';
import { defaultModel } from './model';
import { personTable, type PersonRecord } from './record';
import { LGD_STATES, stateAlias } from './states';

describe('stateAlias: a state as people write it', () => {
  it('lists the states and union territories of the LGD file, no more and no fewer', () => {
    const lgd = readFileSync('reference/lgd/1-state.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[3].replace(/"/g, '').toLowerCase().replace(/^the /, ''));
    expect([...LGD_STATES].sort()).toEqual(lgd.sort());
  });

  it.each([
    ['Maharashtra', 'maharashtra'],
    ['MH', 'maharashtra'],
    ['Maha.', 'maharashtra'],
    ['Mhr', 'maharashtra'],
    ['Maharastra', 'maharashtra'],
    ['Guj.', 'gujarat'],
    ['Gujrat', 'gujarat'],
    ['Hry.', 'haryana'],
    ['Raj.', 'rajasthan'],
    ['Kar.', 'karnataka'],
    ['Karnatak', 'karnataka'],
    ['Bihar State', 'bihar'],
    ['Madhya Pardesh', 'madhya pradesh'],
    ['U.P.', 'uttar pradesh'],
    ['महाराष्ट्र', 'maharashtra'],
    ['पश्चिम बंगाल', 'west bengal'],
    ['পশ্চিমবঙ্গ', 'west bengal'],
    ['தமிழ்நாடு', 'tamil nadu'],
    ['ગુજરાત', 'gujarat'],
  ])('%s is %s', (raw, lgd) => expect(stateAlias(raw)).toBe(lgd));

  it('leaves what names no one state as written: a prefix of two states, too short a form, another place', () => {
    expect(stateAlias('Uttar')).toBe('Uttar'); // Uttar Pradesh or Uttarakhand
    expect(stateAlias('Ma')).toBe('Ma');
    expect(stateAlias('Mumbai')).toBe('Mumbai');
    expect(stateAlias('')).toBe('');
  });
});

describe('districtAlias: a district by its former or everyday name', () => {
  it.each([
    ['Allahabad', 'prayagraj'],
    ['Calcutta', 'kolkata'],
    ['Bombay', 'mumbai'],
    ['Poona', 'pune'],
    ['Bangalore', 'bengaluru urban'],
    ['Aurangabad', 'chhatrapati sambhajinagar'],
    ['Ahmednagar', 'ahilyanagar'],
    ['Amdavad', 'ahmedabad'],
    ['Kovai', 'coimbatore'],
    ['24 Pgs (N)', 'north 24 parganas'],
    ['Gurgaon Distt.', 'gurugram'],
  ])('%s is %s', (raw, current) => expect(districtAlias(raw)).toBe(current));

  it('leaves a current or unknown name as written', () => {
    expect(districtAlias('Prayagraj')).toBe('Prayagraj');
    expect(districtAlias('Sitapur')).toBe('Sitapur');
  });
});

describe('blocking and comparing read the state and the district through them', () => {
  const model = defaultModel();
  const person = (id: string, r: Partial<PersonRecord>): PersonRecord => ({ id, name: '', ...r }) as PersonRecord;
  const pair = (missing: Partial<PersonRecord>, found: Partial<PersonRecord>) =>
    new BlockIndex(model, personTable([person('m', missing)]), personTable([person('f', found)]));

  it('a report from "Maha." meets a child found in "Maharashtra" on a rule keyed on the state', () => {
    const missing = { name: 'Datta Patil', sex: 'm', age: 12, date: '2025-02-01', state: 'Maha.' };
    // The sex written wrongly and no age: only the name and the state are left to meet on.
    const found = { name: 'Datta', sex: 'f', date: '2025-07-20', state: 'Maharashtra' };
    expect(pair(missing, found).candidates(0, new Int32Array(1))).toBe(1);
    // Written as "Mumbai" (not a state), the report is not a candidate: it was the state that met.
    expect(pair({ ...missing, state: 'Mumbai' }, found).candidates(0, new Int32Array(1))).toBe(0);
  });

  it('a report from "Allahabad" is in the same district as a child found in "Prayagraj"', () => {
    const c = scorePair(
      person('m', { name: 'Sonu Yadav', state: 'UP', district: 'Allahabad' }),
      person('f', { name: 'Sonu Yadav', state: 'Uttar Pradesh', district: 'Prayagraj' }),
      model,
    );
    const place = c.fields.find((f) => f.id === 'location')!;
    expect(place.levelLabel).toBe('same district');
  });
});
