// Boundaries of the seeded Maharashtra (LGD 27) schemes.
import { describe, expect, it } from 'vitest';
import { check, statusOf } from '../test-support';

describe('Bal Sangopan Yojana', () => {
  const BSY = 'mh-bal-sangopan';
  const halfOrphan = { fatherStatus: 'dead', motherStatus: 'alive', dob: '2010-08-20' };

  it('pays ₹2,250 a month since 2023 and ₹1,100 before', () => {
    expect(check(BSY, halfOrphan, '2025-06-01').benefit).toMatchObject({ amount: 2250, period: 'monthly' });
    expect(check(BSY, halfOrphan, '2023-04-01').benefit).toMatchObject({ amount: 2250 });
    const old = check(BSY, halfOrphan, '2023-03-31');
    expect(old.benefit).toMatchObject({ amount: 1100 });
    expect(old.version).toEqual({ validFrom: '2021-04-01', validTo: '2023-03-31' });
  });

  it('has no rules before the first version in the catalogue', () => {
    const r = check(BSY, halfOrphan, '2019-01-01');
    expect(r.status).toBe('not_eligible');
    expect(r.version).toBeNull();
    expect(r.reasons[0]).toMatch(/had no rules in force on 2019-01-01/);
  });

  it('covers 0 to 18: the day before the 18th birthday but not the day itself', () => {
    expect(statusOf(BSY, halfOrphan, '2028-08-19')).toBe('eligible');
    expect(statusOf(BSY, halfOrphan, '2028-08-20')).toBe('not_eligible');
    expect(statusOf(BSY, { ...halfOrphan, dob: '2025-05-31' }, '2025-06-01')).toBe('eligible'); // newborn
  });

  it('orphans, single parents, and parents ill, disabled or in prison', () => {
    const age = { age: 8 };
    expect(statusOf(BSY, { ...age, orphanStatus: 'both_parents_dead' })).toBe('eligible');
    expect(statusOf(BSY, { ...age, fatherStatus: 'divorced_separated', motherStatus: 'alive' })).toBe('eligible');
    expect(statusOf(BSY, { ...age, fatherStatus: 'imprisoned', motherStatus: 'alive' })).toBe('eligible');
    expect(statusOf(BSY, { ...age, fatherStatus: 'alive', motherStatus: 'seriously_ill' })).toBe('eligible');
    const none = check(BSY, { ...age, fatherStatus: 'alive', motherStatus: 'alive' });
    expect(none.status).toBe('not_eligible');
    expect(none.reasons).toContain('orphan status: not an orphan (needs one of both parents dead, one parent dead, abandoned)');
    expect(statusOf(BSY, age)).toBe('maybe');
  });

  it('applies only in Maharashtra', () => {
    const r = check(BSY, { ...halfOrphan, stateCode: 29 });
    expect(r.status).toBe('not_eligible');
    expect(r.reasons).toEqual(['the scheme applies only in Maharashtra (state LGD 27); this family is in state LGD 29']);
    const unknown = check(BSY, { ...halfOrphan, stateCode: undefined });
    expect(unknown.status).toBe('maybe');
    expect(unknown.missingFacts.map((m) => m.fact)).toEqual(['stateCode']);
  });
});

describe('Sanjay Gandhi Niradhar Anudan Yojana', () => {
  const SG = 'mh-sanjay-gandhi-niradhar-caregiver';
  const widow = { fatherStatus: 'dead', motherStatus: 'alive', motherAge: 35, bpl: false };

  it('income up to ₹21,000 a year, or on the BPL list', () => {
    const at = check(SG, { ...widow, annualIncome: 21000 });
    expect(at.status).toBe('eligible');
    expect(at.reasons).toContain('income ₹21,000 is at the ₹21,000 limit');
    const over = check(SG, { ...widow, annualIncome: 21001 });
    expect(over.status).toBe('not_eligible');
    expect(over.reasons).toEqual(['the family is not below the poverty line (BPL)', 'income ₹21,001 is over the ₹21,000 limit']);
    expect(statusOf(SG, { ...widow, annualIncome: 21001, bpl: true })).toBe('eligible');
  });

  it('₹1,500 from the GR of 5 July 2023, ₹1,000 the day before', () => {
    expect(check(SG, { ...widow, annualIncome: 0 }, '2023-07-05').benefit).toMatchObject({ amount: 1500 });
    expect(check(SG, { ...widow, annualIncome: 0 }, '2023-07-04').benefit).toMatchObject({ amount: 1000 });
  });

  it('widows 18 to under 65; deserted or divorced mothers too', () => {
    expect(statusOf(SG, { ...widow, annualIncome: 0, motherAge: 64 })).toBe('eligible');
    expect(statusOf(SG, { ...widow, annualIncome: 0, motherAge: 65 })).toBe('not_eligible');
    expect(statusOf(SG, { ...widow, annualIncome: 0, motherAge: 17 })).toBe('not_eligible');
    expect(statusOf(SG, { fatherStatus: 'deserted', motherStatus: 'alive', motherAge: 30, annualIncome: 12000 })).toBe('eligible');
    expect(statusOf(SG, { fatherStatus: 'alive', motherStatus: 'alive', motherAge: 30, annualIncome: 12000 })).toBe('not_eligible');
  });

  it('a BPL widow aged 40–79 gets ONE pension of ₹1,500 (₹300 IGNWPS + ₹1,200 state), not ₹1,800', () => {
    const bplWidow = { fatherStatus: 'dead', motherStatus: 'alive', motherAge: 50, bpl: true };
    const sg = check(SG, bplWidow);
    expect(sg.status).toBe('eligible');
    expect(sg.benefit).toMatchObject({ amount: 1500 });
    expect(statusOf('nsap-ignwps', bplWidow)).toBe('not_eligible');
    // Aged 70 and BPL: still the one pension (the IGNWPS age band runs to 79).
    expect(statusOf(SG, { ...bplWidow, motherAge: 70 })).toBe('eligible');
    expect(statusOf(SG, { ...bplWidow, motherAge: 80 })).toBe('not_eligible');
  });

  it('persons with disabilities of 40% or more, a child included', () => {
    const DIS = 'mh-sanjay-gandhi-niradhar-disability';
    expect(statusOf(DIS, { age: 10, disability: true, disabilityPercent: 40, annualIncome: 20000 })).toBe('eligible');
    expect(statusOf(DIS, { age: 10, disability: true, disabilityPercent: 39, annualIncome: 20000 })).toBe('not_eligible');
    expect(statusOf(DIS, { age: 10, disability: true, disabilityPercent: 60, annualIncome: 25000, bpl: false })).toBe('not_eligible');
    expect(check(DIS, { age: 10, disability: true, disabilityPercent: 60, bpl: true }).benefit).toMatchObject({ amount: 1500 });
  });

  it('orphan children under 18', () => {
    const OR = 'mh-sanjay-gandhi-niradhar-orphan';
    expect(statusOf(OR, { orphanStatus: 'both_parents_dead', age: 12, annualIncome: 20000 })).toBe('eligible');
    expect(statusOf(OR, { orphanStatus: 'one_parent_dead', age: 12, annualIncome: 20000 })).toBe('not_eligible');
    expect(statusOf(OR, { orphanStatus: 'both_parents_dead', age: 18, annualIncome: 20000 })).toBe('not_eligible');
  });
});

describe('RTE 25% admission', () => {
  const RTE = 'mh-rte-25-percent';
  const general = { casteCategory: 'General', disability: false, annualIncome: 60000, fatherStatus: 'alive', motherStatus: 'alive' };
  // Ages are fixed on 31 December of the admission year.
  it('from 3 years to under 7 years 6 months on 31 December', () => {
    expect(statusOf(RTE, { ...general, dob: '2022-12-31' }, '2025-01-15')).toBe('eligible'); // exactly 3 on 31 Dec 2025
    expect(statusOf(RTE, { ...general, dob: '2023-01-01' }, '2025-01-15')).toBe('not_eligible'); // 2 y 11 m
    expect(statusOf(RTE, { ...general, dob: '2018-07-01' }, '2025-01-15')).toBe('eligible'); // 7 y 5 m
    const old = check(RTE, { ...general, dob: '2018-06-30' }, '2025-01-15'); // 7 y 6 m
    expect(old.status).toBe('not_eligible');
    expect(old.reasons).toEqual(['age on 31 December 7 years 6 months is above the limit of 7 years 5 months']);
  });

  it('income under ₹1 lakh: ₹99,999 qualifies, ₹1,00,000 does not', () => {
    expect(statusOf(RTE, { ...general, age: 5, ageOnDec31: 5, annualIncome: 99999 })).toBe('eligible');
    const r = check(RTE, { ...general, ageOnDec31: 5, annualIncome: 100000 });
    expect(r.status).toBe('not_eligible');
    expect(r.reasons).toContain('income ₹1,00,000 is not under the ₹1,00,000 limit');
  });

  it('disadvantaged groups have no income limit', () => {
    expect(statusOf(RTE, { casteCategory: 'NT', ageOnDec31: 6, annualIncome: 500000 })).toBe('eligible');
    expect(statusOf(RTE, { casteCategory: 'General', disability: true, ageOnDec31: 6, annualIncome: 500000 })).toBe('eligible');
  });

  it('disadvantaged group: SC, ST, all four VJNT sub-groups, OBC, EBC, disability and HIV, whatever the income', () => {
    const rich = { ...general, ageOnDec31: 6, annualIncome: 900000 };
    for (const c of ['SC', 'ST', 'VJNT', 'NT', 'OBC', 'EBC']) expect(statusOf(RTE, { ...rich, casteCategory: c }), c).toBe('eligible');
    expect(statusOf(RTE, { ...rich, hivAffected: true })).toBe('eligible');
    // A general-category child with none of these is judged by income.
    const r = check(RTE, rich);
    expect(r.status).toBe('not_eligible');
    expect(r.structured.every((x) => x.source)).toBe(true);
  });

  it('from the 2023-24 round: orphans and children whose parent died of COVID-19', () => {
    const rich = { casteCategory: 'General', disability: false, ageOnDec31: 6, annualIncome: 900000 };
    expect(statusOf(RTE, { ...rich, fatherStatus: 'dead', motherStatus: 'dead' })).toBe('eligible');
    expect(statusOf(RTE, { ...rich, fatherStatus: 'dead', fatherDeathCause: 'covid19', motherStatus: 'alive' })).toBe('eligible');
    expect(statusOf(RTE, { ...rich, fatherStatus: 'dead', fatherDeathCause: 'accident', motherStatus: 'alive' })).toBe('not_eligible');
    expect(check(RTE, rich, '2022-12-31').structured[0]).toMatchObject({ code: 'not_in_force' });
  });

  it('without a date of birth the age decides', () => {
    const r = check(RTE, { ...general, age: 5 });
    expect(r.status).toBe('maybe');
    expect(r.missingFacts.map((m) => m.fact)).toEqual(['ageOnDec31']);
  });
});

describe('NFSA priority household ration card', () => {
  const PDS = 'mh-nfsa-priority-ration-card';
  it('rural ₹44,000 and urban ₹59,000 limits, for families without a priority card', () => {
    expect(statusOf(PDS, { rationCardType: 'none', area: 'rural', annualIncome: 44000 })).toBe('eligible');
    expect(statusOf(PDS, { rationCardType: 'none', area: 'rural', annualIncome: 44001 })).toBe('not_eligible');
    expect(statusOf(PDS, { rationCardType: 'NPHH', area: 'urban', annualIncome: 59000 })).toBe('eligible');
    expect(statusOf(PDS, { rationCardType: 'NPHH', area: 'urban', annualIncome: 59001 })).toBe('not_eligible');
    expect(statusOf(PDS, { rationCardType: 'PHH', area: 'urban', annualIncome: 1000 })).toBe('not_eligible');
    // The limits conflict with other published figures: every verdict says its source is unverified.
    expect(check(PDS, { rationCardType: 'none', area: 'rural', annualIncome: 1000 }).source).toMatchObject({ verification: 'unverified' });
  });
});
