import { describe, expect, it } from 'vitest';
import { compileScheme, evaluateScheme } from './eligibility';
import { compileRule, F, T, U } from './rule-engine';
import type { Rule } from './rules';
import { validateScheme, type Scheme } from './scheme';
import { renderReasons } from './render';
import { inEnglish } from './test-support';

const explainEn = (c: ReturnType<typeof compileRule>, f: Parameters<ReturnType<typeof compileRule>['test']>[0]) => {
  const e = c.explain(f);
  return { ...e, reasons: renderReasons(e.reasons) };
};

function scheme(rules: Rule, extra: Partial<Scheme> = {}): Scheme {
  const s = {
    id: 'test-scheme',
    name: { en: 'Test scheme', hi: 'परीक्षण', mr: 'चाचणी' },
    department: 'Test',
    level: 'central',
    state: null,
    subject: 'child',
    channel: { mode: 'offline', where: 'DCPU' },
    sources: [{ title: 'test', date: '2020-01-01' }],
    versions: [{ validFrom: '2020-01-01', validTo: null, benefit: { kind: 'cash', amount: 100, period: 'monthly' }, rules, documents: [] }],
    ...extra,
  };
  const r = validateScheme(s);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
}

describe('three-valued logic', () => {
  const bpl: Rule = { fact: 'bpl', op: 'isTrue' };
  const rural: Rule = { fact: 'area', op: 'eq', value: 'rural' };
  it.each([
    [{ all: [bpl, rural] }, { bpl: true }, U],
    [{ all: [bpl, rural] }, { bpl: false }, F],
    [{ any: [bpl, rural] }, { bpl: true }, T],
    [{ any: [bpl, rural] }, { bpl: false }, U],
    [{ any: [bpl, rural] }, { bpl: false, area: 'urban' }, F],
    [{ not: bpl }, {}, U],
    [{ not: bpl }, { bpl: false }, T],
  ] as const)('%j with %j', (rule, facts, want) => {
    const c = compileRule(rule as Rule);
    expect(c.test(facts)).toBe(want);
    expect(c.explain(facts).value).toBe(want);
  });

  it('a `when` guard makes a limit not apply, and an unknown guard only matters if the limit fails', () => {
    const c = compileRule({ fact: 'annualIncome', op: 'lte', value: 72000, when: { fact: 'area', eq: 'rural' } });
    expect(c.test({ area: 'urban', annualIncome: 1e6 })).toBe(T);
    expect(c.test({ annualIncome: 50000 })).toBe(T);
    expect(explainEn(c, { annualIncome: 80000 })).toEqual({
      value: U,
      reasons: ['income ₹80,000 is over the ₹72,000 rural limit'],
      missing: ['area'],
    });
    expect(explainEn(c, { area: 'urban', annualIncome: 80000 })).toEqual({ value: T, reasons: [], missing: [] });
  });

  it('ifMissing gives an unrecorded fact a value', () => {
    const c = compileRule({ fact: 'guardianDeathCause', op: 'eq', value: 'covid19', ifMissing: false });
    expect(explainEn(c, {})).toEqual({
      value: F,
      reasons: ["nothing recorded for legal guardian or adoptive parent's cause of death"],
      missing: [],
    });
  });
});

describe('reasons', () => {
  it('say what qualified, what failed, and what is missing', () => {
    const s = scheme({
      all: [
        { fact: 'age', op: 'between', min: 0, max: 17.99 },
        { fact: 'annualIncome', op: 'lte', value: 100000 },
        {
          any: [
            { fact: 'casteCategory', op: 'in', values: ['SC', 'ST'] },
            { fact: 'disability', op: 'isTrue' },
          ],
        },
      ],
    });
    expect(inEnglish(evaluateScheme(s, { age: 12, annualIncome: 100000, casteCategory: 'ST' }, '2024-01-01'))).toMatchObject({
      status: 'eligible',
      reasons: ['age 12 is within 0–17', 'income ₹1,00,000 is at the ₹1,00,000 limit', 'caste category: ST'],
    });
    expect(inEnglish(evaluateScheme(s, { age: 18, annualIncome: 150000, casteCategory: 'ST' }, '2024-01-01'))).toMatchObject({
      status: 'not_eligible',
      reasons: ['age 18 is above the limit of 17', 'income ₹1,50,000 is over the ₹1,00,000 limit'],
    });
    expect(inEnglish(evaluateScheme(s, { age: 12, annualIncome: 1000, casteCategory: 'General' }, '2024-01-01'))).toMatchObject({
      status: 'maybe',
      reasons: ['age 12 is within 0–17', 'income ₹1,000 is under the ₹1,00,000 limit', 'not recorded yet, would decide it: disability'],
      missingFacts: [{ fact: 'disability', label: 'disability' }],
    });
  });

  it('state schemes say where they apply', () => {
    const s = scheme({ fact: 'bpl', op: 'isTrue' }, { level: 'state', state: 27, stateName: 'Maharashtra' });
    expect(inEnglish(evaluateScheme(s, { bpl: true, stateCode: 27 }, '2024-01-01')).reasons).toEqual([
      'lives in Maharashtra (state LGD 27)',
      'the family is below the poverty line (BPL)',
    ]);
  });
});

describe('versions by date', () => {
  const s = scheme(
    { fact: 'bpl', op: 'isTrue' },
    {
      versions: [
        {
          validFrom: '2020-01-01',
          validTo: '2022-12-31',
          benefit: { kind: 'cash', amount: 100, period: 'monthly' },
          rules: { fact: 'annualIncome', op: 'lte', value: 50000 },
          documents: [],
        },
        {
          validFrom: '2023-01-01',
          validTo: null,
          benefit: { kind: 'cash', amount: 200, period: 'monthly' },
          rules: { fact: 'annualIncome', op: 'lte', value: 80000 },
          documents: [],
        },
      ],
    },
  );
  it('judges by the rules in force on asOf', () => {
    expect(evaluateScheme(s, { annualIncome: 60000 }, '2022-12-31')).toMatchObject({ status: 'not_eligible', benefit: { amount: 100 } });
    expect(evaluateScheme(s, { annualIncome: 60000 }, '2023-01-01')).toMatchObject({ status: 'eligible', benefit: { amount: 200 } });
    expect(evaluateScheme(s, { annualIncome: 60000 }, '2019-12-31')).toMatchObject({ status: 'not_eligible', version: null });
  });

  it('an invalid asOf is reported, not thrown', () => {
    expect(inEnglish(evaluateScheme(s, {}, 'yesterday')).reasons[0]).toContain('is not a YYYY-MM-DD date');
  });

  it('the status-only path agrees with the explained one', () => {
    const c = compileScheme(s);
    for (const facts of [{}, { annualIncome: 1 }, { annualIncome: 90000 }]) {
      expect(c.evaluatePrepared(facts, '2024-01-01', 'status').status).toBe(c.evaluatePrepared(facts, '2024-01-01').status);
    }
  });
});
