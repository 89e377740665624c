// Blocking rules of indian-children.v1.3 and v1.4 (issue #15): true pairs that the earlier rules never
// compared. Every example here was written for this test.
import { describe, expect, it } from 'vitest';
import { foldKey, nameTokens, searchKeys } from '../names';
import { BlockIndex, birthYearWindow, birthYears } from './blocking';
import { defaultModel, type Model } from './model';
import { emptyPerson, personTable, type PersonRecord } from './record';

const person = (id: string, fields: Partial<PersonRecord>): PersonRecord => ({ ...emptyPerson(id), ...fields });

/** Whether the shipped model's blocking compares the missing record with the found one. */
function compared(missing: Partial<PersonRecord>, found: Partial<PersonRecord>): boolean {
  // A few unrelated records on each side, so no block is trivially everyone.
  const left = [
    person('m', missing),
    person('x1', { name: 'Sunita Pawar', sex: 'f', age: 9, date: '2025-01-10' }),
    person('x2', { name: 'Imran Shaikh', sex: 'm', age: 12, date: '2025-02-01' }),
  ];
  const right = [person('f', found), person('y1', { name: 'Kavita Jadhav', sex: 'f', age: 7, date: '2025-03-01' })];
  const block = new BlockIndex(defaultModel(), personTable(left), personTable(right));
  const out = new Int32Array(left.length);
  const n = block.candidates(0, out);
  return Array.from(out.subarray(0, n)).includes(0);
}

describe('names in South Indian and Bengali scripts share the Latin rendering’s blocking key', () => {
  it.each([
    ['திவ்யா', 'Divya'],
    ['பாலாஜி', 'Balaji'],
    ['மணிகண்டன்', 'Manikandan'],
    ['లక్ష్మి', 'Lakshmi'],
    ['పద్మ', 'Padma'],
    ['অভিজিৎ', 'Avijit'],
    ['প্রিয়াঙ্কা', 'Priyanka'],
  ])('%s / %s', (script, latin) => {
    expect(searchKeys(script).map(foldKey)).toEqual(searchKeys(latin).map(foldKey));
  });

  it('a found child written in Tamil script is compared with the missing report in Latin letters', () => {
    const missing = { name: 'M. Divya', sex: 'f', age: 12, date: '2024-11-27', state: 'TN', district: 'Salem' };
    const found = { name: 'திவ்யா முத்து', sex: 'f', age: 11, date: '2024-11-28' };
    expect(compared(missing, found)).toBe(true);
  });

  it('Bengali য় is y (প্রিয়াঙ্কা is Priyanka, not Prizanka)', () => {
    expect(nameTokens('প্রিয়াঙ্কা')).toEqual(['priyanka']);
  });
});

describe('abbreviations and vowel spellings', () => {
  it('"Kr." is Kumar: dropped as a middle name, kept first', () => {
    expect(nameTokens('Ram Kr. Yadav')).toEqual(nameTokens('Ram Kumar Yadav'));
    expect(nameTokens('Rekha Kr')).toEqual(['rekha']);
    expect(nameTokens('Kr. Poonam')).toEqual(['kumar', 'punam']);
  });

  it('"ow" before a consonant is the vowel au (Gowtam / Goutam, Gowd / Goud)', () => {
    expect(nameTokens('Gowtam Gowd')).toEqual(nameTokens('Goutam Goud'));
    expect(nameTokens('Chowdhury')).toEqual(nameTokens('Choudhury'));
  });
});

describe('slips and names of one word (holdout analysis, model v1.7)', () => {
  it('a given name one slip away meets the report, with the sex and birth year', () => {
    const missing = { name: 'Gulshan Ansari', sex: 'f', age: 10, date: '2025-03-02' };
    expect(compared(missing, { name: 'Gvlshan', sex: 'f', age: 9, date: '2025-03-20' })).toBe(true);
    expect(compared(missing, { name: 'Dheeaj', sex: 'f', age: 9, date: '2025-03-20' })).toBe(false);
  });

  it('a found child known by one word (a pet name in no list) meets reports of its sex and age in its district', () => {
    const missing = { name: 'Puja De', sex: 'f', age: 2, date: '2025-01-10', district: 'Malda' };
    expect(compared(missing, { name: 'Tumpa', sex: 'f', age: 3, date: '2025-01-20', district: 'Malda' })).toBe(true);
    expect(compared(missing, { name: 'Tumpa', sex: 'm', age: 3, date: '2025-01-20', district: 'Malda' })).toBe(false);
  });
});

describe('estimated ages', () => {
  it('the window grows with age: ±2 years to age 10, ±3 from 11, ±4 from 16', () => {
    expect([0, 4, 6, 7, 9, 10, 11, 14, 15, 16, 17].map(birthYearWindow)).toEqual([2, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4]);
  });

  it('a 9-year-old estimated as 11 is compared; as 13, not by name and age alone', () => {
    const missing = { name: 'Rohan Kale', sex: 'm', age: 9, date: '2025-04-02' };
    // Found four months later: the rule on the name, sex and month of finding (v1.9) does not apply.
    expect(compared(missing, { name: 'Rohan', sex: 'm', age: 11, date: '2025-08-20' })).toBe(true);
    expect(compared(missing, { name: 'Rohan', sex: 'm', age: 13, date: '2025-08-20' })).toBe(false);
    // Found within the month, the age written does not keep them apart (name+sex+found-month).
    expect(compared(missing, { name: 'Rohan', sex: 'm', age: 13, date: '2025-04-20' })).toBe(true);
  });

  it('the report date’s day counts: 3 in late December 2024 and 2 in February 2025 are one birth year', () => {
    const left = birthYears('3', '2024-12-22', 'left');
    const right = birthYears('2', '2025-02-01', 'right');
    expect(right).toEqual(['2023', '?L']);
    expect(left).toContain('2023');
  });

  it('a record with no age is still compared by name and sex, on either side', () => {
    expect(compared({ name: 'Priya Raman', sex: 'f', date: '2025-01-22' }, { name: 'Priya', sex: 'f', age: 1, date: '2025-01-29' })).toBe(
      true,
    );
    expect(compared({ name: 'Jyoti Chauhan', sex: 'f', age: 3, date: '2024-02-19' }, { name: 'ज्योति', sex: 'f', date: '2024-02-19' })).toBe(
      true,
    );
  });

  it('a record with no sex joins both sexes’ blocks', () => {
    expect(
      compared({ name: 'Vaibhav Tayde', sex: 'm', age: 16, date: '2024-08-02' }, { name: 'Vaibhaw', sex: '', age: 16, date: '2024-08-05' }),
    ).toBe(true);
  });
});

describe('name order, dropped and fused names', () => {
  it('a name written surname first meets the given name alone (Telugu order)', () => {
    const missing = { name: 'Nayudu Bhavani', sex: 'f', age: 9, date: '2024-11-15', state: 'Telangana' };
    expect(compared(missing, { name: 'Bhavani', sex: 'f', age: 8, date: '2024-12-15' })).toBe(true);
    expect(
      compared(
        { name: 'Kiran Goud', sex: 'm', age: 10, date: '2024-12-13' },
        { name: 'Gowd Kiran', sex: 'm', age: 11, date: '2025-01-16' },
      ),
    ).toBe(true);
  });

  it('two records sharing only a surname are not compared by it', () => {
    const missing = { name: 'Sameer Siddiqui', sex: 'm', age: 5, date: '2024-06-07' };
    expect(compared(missing, { name: 'Arif Siddiqui', sex: 'm', age: 5, date: '2024-06-20' })).toBe(false);
  });

  it('any two names in common, in any order, with the sex', () => {
    const missing = { name: 'Tushar Sandeep Chavan', sex: 'm', age: 5, date: '2024-04-30', state: 'Maharashtra' };
    expect(compared(missing, { name: 'Sandeep Tushar', sex: 'm', date: '2024-05-13' })).toBe(true);
  });

  it('a name written as one word meets the same names written apart, in either order and on either side', () => {
    const rupa = { name: 'Rupa Halder', sex: 'f', age: 4, date: '2025-03-20', district: 'Malda' };
    expect(compared(rupa, { name: 'Halderrupa', sex: 'f', age: 9, date: '2025-05-30' })).toBe(true);
    expect(
      compared({ name: 'Nehakewat', sex: 'f', age: 3, date: '2025-04-14' }, { name: 'Neha Kewat', sex: 'f', age: 8, date: '2025-05-04' }),
    ).toBe(true);
    expect(compared(rupa, { name: 'Halder', sex: 'f', age: 9, date: '2025-05-30' })).toBe(false);
  });
});

describe('big blocks of a common first name (the cost at 2 lakh records, v1.4)', () => {
  const model = defaultModel();
  const rule = (id: string) => model.blocking.rules.find((r) => r.id === id)!;

  it('the rules keyed on a first name, sex and birth year give up on big blocks sooner than the others', () => {
    for (const id of [
      'name+sex+birthyear',
      'name+sex+birthyear/found-any',
      'nameless+sex+birthyear+state',
      'joined+sex',
      'joined-found+sex',
      'pet+name+sex+birthyear',
    ])
      expect(rule(id).maxBlockPairs ?? Infinity).toBeLessThan(model.blocking.maxBlockPairs);
    // The rules with a second name or a place keep the model's cap.
    expect(rule('name+district').maxBlockPairs).toBeUndefined();
  });

  /** Many boys called Rahul of one age on both sides, with the missing one at index 0. */
  function crowd(size: number, missing: Partial<PersonRecord>, found: Partial<PersonRecord>) {
    const left = [person('m', missing)];
    const right = [person('f', found)];
    for (let k = 1; k < size; k++) {
      left.push(person(`l${k}`, { name: `Rahul L${k}`, sex: 'm', age: 8, date: '2025-03-01' }));
      right.push(person(`r${k}`, { name: 'Rahul', sex: 'm', age: 8, date: '2025-03-02' }));
    }
    const block = new BlockIndex(model, personTable(left), personTable(right));
    const out = new Int32Array(left.length);
    const n = block.candidates(0, out);
    return { compared: Array.from(out.subarray(0, n)).includes(0), warnings: block.warnings() };
  }

  const missing = { name: 'Rahul Kale', sex: 'm', age: 8, date: '2025-03-01' };
  const found = { name: 'Rahul', sex: 'm', age: 8, date: '2025-03-05' };

  it('in a small population a first name, sex and age are enough to compare', () => {
    expect(crowd(20, missing, found).compared).toBe(true);
  });

  it('in a crowd of namesakes the block is skipped, with a warning naming the rule', () => {
    const c = crowd(120, missing, found);
    expect(c.compared).toBe(false);
    expect(c.warnings.some((w) => w.includes('"name+sex+birthyear"'))).toBe(true);
  });

  it('in a crowd of namesakes a pair that also shares a district is still compared', () => {
    expect(crowd(120, { ...missing, district: 'Nashik' }, { ...found, district: 'Nashik' }).compared).toBe(true);
  });
});

describe('a rule’s own limits', () => {
  it('birthYears caps the window at maxYears', () => {
    expect(birthYears('14', '2025-09-14', 'left', 1)).toEqual(['?R', '2011', '2012', '2013']);
    expect(birthYears('14', '2025-09-14', 'left')).toHaveLength(8);
  });

  it('a rule’s maxBlockPairs skips its blocks over that size, and only its own', () => {
    const base = defaultModel();
    const m = {
      ...base,
      blocking: {
        maxBlockPairs: 1000,
        rules: [
          { id: 'small', keys: [{ column: 'sex', transform: 'sex' as const }], maxBlockPairs: 3 },
          { id: 'big', keys: [{ column: 'state', transform: 'key' as const }] },
        ],
      },
    };
    const left = [1, 2, 3].map((k) => person(`l${k}`, { sex: 'f', state: 'Bihar' }));
    const right = [1, 2].map((k) => person(`r${k}`, { sex: 'f', state: 'Bihar' }));
    const block = new BlockIndex(m, personTable(left), personTable(right));
    expect(block.stats.map((s) => [s.id, s.skippedBlocks, s.pairs])).toEqual([
      ['small', 1, 0],
      ['big', 0, 6],
    ]);
  });
});

describe('a pet name with another name, and Tamil initials for the father (issue #15, recall)', () => {
  const base = defaultModel();
  const only = (rule: Model['blocking']['rules'][number]): Model => ({ ...base, blocking: { maxBlockPairs: 50_000, rules: [rule] } });
  const pet = only({
    id: 'pet+name+sex+birthyear',
    keys: [
      { column: 'name', transform: 'petAndName' },
      { column: 'sex', transform: 'sex' },
      { column: 'age', transform: 'birthYear', with: 'date' },
    ],
  });
  const initial = only({
    id: 'name+initial+sex',
    keys: [
      { column: 'name', transform: 'initialFor', with: 'father_name' },
      { column: 'sex', transform: 'sex' },
    ],
  });
  const meets = (m: Model, missing: Partial<PersonRecord>, found: Partial<PersonRecord>) => {
    const block = new BlockIndex(m, personTable([person('m', missing)]), personTable([person('f', found)]));
    return block.candidates(0, new Int32Array(1)) === 1;
  };

  it('the shipped model has the pet-name rule (since v1.5)', () => {
    expect(base.blocking.rules.some((r) => r.id === 'pet+name+sex+birthyear' && r.keys[0].transform === 'petAndName')).toBe(true);
    expect(base.version).toBe('indian-children.v1.13');
  });

  it('a found child known by a pet name and a surname, nothing else, meets the missing report of that surname, sex and age', () => {
    const missing = { name: 'Meena Chauhan', sex: 'f', age: 6, date: '2025-02-01', father_name: 'Ramesh Chauhan', district: 'Indore' };
    expect(meets(pet, missing, { name: 'Munni Chouhan', sex: 'f', age: 7, date: '2025-03-01' })).toBe(true);
    // Not another surname, sex or age; a pet name alone is the nameless rules' business.
    expect(meets(pet, missing, { name: 'Munni Rathore', sex: 'f', age: 7, date: '2025-03-01' })).toBe(false);
    expect(meets(pet, missing, { name: 'Munni Chauhan', sex: 'f', age: 14, date: '2025-03-01' })).toBe(false);
    expect(meets(pet, missing, { name: 'Munni', sex: 'f', age: 7, date: '2025-03-01' })).toBe(false);
    // A found name with no pet name in it is left to the other rules.
    expect(meets(pet, missing, { name: 'Sunita Chauhan', sex: 'f', age: 6, date: '2025-03-01' })).toBe(false);
  });

  it('"R. Murugan" meets Murugan whose father is Ramasamy (also in Tamil script), not Murugan son of Kannan', () => {
    const missing = { name: 'Murugan', sex: 'm', age: 9, father_name: 'Ramasamy', date: '2025-01-01' };
    expect(meets(initial, missing, { name: 'R. Murugan', sex: 'm', age: 13 })).toBe(true);
    expect(meets(initial, missing, { name: 'ர. முருகன்', sex: 'm' })).toBe(true);
    expect(meets(initial, { ...missing, father_name: 'Kannan' }, { name: 'R. Murugan', sex: 'm' })).toBe(false);
    // The initial may stand for another name of the missing record (its surname or father's name written in it).
    expect(meets(initial, { name: 'Priya Muthu', sex: 'f' }, { name: 'M. Priya', sex: 'f' })).toBe(true);
    // Without an initial the found record offers nothing under this rule. (Measured on the dev split
    // and not in the shipped model: it cost one proposed true match there; docs/LINKAGE.md §6.)
    expect(meets(initial, missing, { name: 'Murugan', sex: 'm' })).toBe(false);
  });
});
