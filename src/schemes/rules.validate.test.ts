import { describe, expect, it } from 'vitest';
import { CATALOGUE_DATA } from './catalogue/index';
import { factsUsed, validateRule, type Rule } from './rules';
import { validateCatalogue } from './scheme';

function errorsOf(rule: unknown): string[] {
  const r = validateRule(rule, 'rules');
  return r.ok ? [] : r.errors;
}

describe('validateRule accepts the documented shapes', () => {
  it.each<[string, Rule]>([
    ['between', { fact: 'age', op: 'between', min: 0, max: 17.99 }],
    ['when', { fact: 'annualIncome', op: 'lte', value: 72000, when: { fact: 'area', eq: 'rural' } }],
    ['within', { fact: 'fatherDeathDate', op: 'within', from: '2020-03-11', to: '2022-02-28' }],
    ['in', { fact: 'casteCategory', op: 'in', values: ['SC', 'ST'] }],
    ['eq', { fact: 'rationCardType', op: 'eq', value: 'AAY' }],
    ['isTrue', { fact: 'bpl', op: 'isTrue' }],
    ['ifMissing', { fact: 'guardianDeathCause', op: 'eq', value: 'covid19', ifMissing: false }],
    ['combinators', { all: [{ any: [{ fact: 'bpl', op: 'isTrue' }] }, { not: { fact: 'careStatus', op: 'eq', value: 'cci' } }] }],
  ])('%s', (_, rule) => expect(errorsOf(rule)).toEqual([]));
});

describe('validateRule refuses, with the path and the reason', () => {
  it('an unknown fact, suggesting the nearest', () => {
    expect(
      errorsOf({
        all: [
          { fact: 'age', op: 'lt', value: 18 },
          { fact: 'incom', op: 'lte', value: 1 },
        ],
      }),
    ).toEqual(['rules.all[1]: fact "incom" is not a known fact (did you mean "annualIncome"?)']);
    expect(errorsOf({ fact: 'agee', op: 'lt', value: 18 })[0]).toContain('did you mean "age"');
  });

  it('impossible ranges', () => {
    expect(errorsOf({ fact: 'age', op: 'between', min: 18, max: 17 })).toEqual(['rules: impossible range: min 18 is greater than max 17']);
    expect(errorsOf({ fact: 'annualIncome', op: 'lte', value: -1 })).toEqual([
      'rules: value -1 is impossible for "annualIncome" (amounts cannot be negative)',
    ]);
    expect(errorsOf({ fact: 'age', op: 'lt', value: 500 })[0]).toContain('largest is 120');
    expect(errorsOf({ fact: 'fatherDeathDate', op: 'within', from: '2022-02-28', to: '2020-03-11' })).toEqual([
      'rules: impossible range: from 2022-02-28 is after to 2020-03-11',
    ]);
    expect(errorsOf({ fact: 'fatherDeathDate', op: 'within', from: '2021-02-30', to: '2022-01-01' })[0]).toContain(
      '"from" must be a real YYYY-MM-DD date',
    );
  });

  it('wrong value types', () => {
    expect(errorsOf({ fact: 'annualIncome', op: 'lte', value: '72000' })).toEqual([
      'rules: value for "annualIncome" must be a number, got string "72000"',
    ]);
    expect(errorsOf({ fact: 'area', op: 'eq', value: 'semi-urban' })[0]).toBe(
      'rules: value "semi-urban" is not a value of "area" (rural, urban)',
    );
    expect(errorsOf({ fact: 'bpl', op: 'eq', value: 'yes' })[0]).toContain('must be true or false');
    expect(errorsOf({ fact: 'casteCategory', op: 'in', values: ['SC', 'Dalit'] })[0]).toContain('"Dalit" is not a value');
  });

  it('an op that does not fit the fact', () => {
    expect(errorsOf({ fact: 'area', op: 'lte', value: 3 })).toEqual([
      'rules: op "lte" cannot be used on "area", which is a choice (rural, urban)',
    ]);
    expect(errorsOf({ fact: 'annualIncome', op: 'isTrue' })[0]).toContain('which is a number');
    expect(errorsOf({ fact: 'fatherDeathDate', op: 'eq', value: '2021-01-01' })[0]).toContain('which is a date');
  });

  it('missing or extra parameters, unknown keys, bad shapes', () => {
    expect(errorsOf({ fact: 'age', op: 'between', min: 1 })).toEqual(['rules: op "between" needs "max"']);
    expect(errorsOf({ fact: 'age', op: 'lt', value: 5, max: 3 })).toEqual(['rules: op "lt" does not take "max"']);
    expect(errorsOf({ fact: 'age' })[0]).toContain('needs an op');
    expect(errorsOf({ fact: 'age', op: 'lt', vaule: 18 })[0]).toMatch(/^rules: Unrecognized key.*vaule/);
    expect(errorsOf({ all: [] })).toEqual(['rules.all: an "all" needs at least one rule']);
    expect(errorsOf({ all: [{ fact: 'bpl', op: 'isTrue' }], fact: 'bpl' })[0]).toContain('exactly one of all, any, not or fact');
    expect(errorsOf({})[0]).toContain('found none');
    expect(errorsOf({ any: [{ fact: 'bpl', op: 'isTrue' }], op: 'eq' })[0]).toContain('only belongs on a fact rule');
    expect(errorsOf({ fact: 'op', op: 'nope' })[0]).toContain('rules.op');
  });

  it('bad when conditions', () => {
    expect(errorsOf({ fact: 'annualIncome', op: 'lte', value: 1, when: { fact: 'aera', eq: 'rural' } })).toEqual([
      'rules.when: fact "aera" is not a known fact (did you mean "area"?)',
    ]);
    expect(errorsOf({ fact: 'annualIncome', op: 'lte', value: 1, when: { fact: 'area', eq: 'town' } })[0]).toContain(
      '"town" is not a value of "area"',
    );
    expect(errorsOf({ fact: 'annualIncome', op: 'lte', value: 1, when: { fact: 'area' } })[0]).toContain('exactly one of eq or in');
  });

  it('lists every problem, deep in the tree', () => {
    const errs = errorsOf({
      any: [
        { not: { fact: 'age', op: 'between', min: 5, max: 1 } },
        {
          all: [
            { fact: 'bpl', op: 'isTrue' },
            { fact: 'x', op: 'eq', value: 1 },
          ],
        },
      ],
    });
    expect(errs).toEqual([
      'rules.any[0].not: impossible range: min 5 is greater than max 1',
      'rules.any[1].all[1]: fact "x" is not a known fact',
    ]);
  });
});

describe('validateCatalogue', () => {
  it('accepts the seed catalogue', () => {
    const r = validateCatalogue(CATALOGUE_DATA);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('names the scheme, version and rule in errors', () => {
    const data = structuredClone([...CATALOGUE_DATA]) as unknown as Array<Record<string, any>>;
    data[3].versions[0].rules = {
      all: [
        { fact: 'age', op: 'lt', value: 18 },
        { fact: 'incom', op: 'lte', value: 72000 },
      ],
    };
    const r = validateCatalogue(data);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^schemes\[3\]\.versions\[0\]\.rules\.all\[1\]: fact "incom" is not a known fact/);
  });

  it('refuses overlapping versions, duplicate ids, negative amounts and state schemes without a state', () => {
    const data = structuredClone([...CATALOGUE_DATA]) as unknown as Array<Record<string, any>>;
    const bsy = data.findIndex((s) => s.id === 'mh-bal-sangopan');
    data[bsy].versions[0].validTo = '2023-06-30';
    data[1].id = data[0].id;
    data[0].versions[0].benefit.amount = -4000;
    data[bsy].state = null;
    const r = validateCatalogue(data);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toContain(`schemes[0].versions[0].benefit.amount: amounts cannot be negative`);
    expect(errors.some((e) => e.startsWith(`schemes[${bsy}].versions[1].validFrom: version starting 2023-04-01 overlaps`))).toBe(true);
    expect(errors).toContain(`schemes[${bsy}].state: a state scheme needs the LGD code of its state`);
    expect(errors).toContain(`schemes[1].id: duplicate scheme id "mission-vatsalya-sponsorship" (also schemes[0])`);
  });
});

it('factsUsed lists leaf and guard facts', () => {
  const used = factsUsed({
    all: [{ fact: 'annualIncome', op: 'lte', value: 1, when: { fact: 'area', eq: 'rural' } }, { not: { fact: 'bpl', op: 'isTrue' } }],
  });
  expect([...used].sort()).toEqual(['annualIncome', 'area', 'bpl']);
});
