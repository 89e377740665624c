import { describe, expect, it } from 'vitest';
import { blankFacts, cleanFacts, cleanInto, deriveFacts, prepareFacts } from './derive-facts';
import { FACT_NAMES } from './facts';

describe('cleanFacts', () => {
  it('keeps well-typed facts and coerces form strings', () => {
    const { facts, ignored } = cleanFacts({ annualIncome: '60,000', bpl: 'yes', area: 'Rural', rationCardType: 'aay' });
    expect(facts).toEqual({ annualIncome: 60000, bpl: true, area: 'rural', rationCardType: 'AAY' });
    expect(ignored).toEqual([]);
  });

  it('drops wrong types and implausible values and says why', () => {
    const { facts, ignored } = cleanFacts({ annualIncome: -5, age: 'ten', dob: '2021-02-30', careStatus: 'orphanage', schoolClass: 9.5 });
    expect(facts).toEqual({});
    expect(ignored.map((i) => i.fact).sort()).toEqual(['age', 'annualIncome', 'careStatus', 'dob', 'schoolClass']);
    expect(ignored.find((i) => i.fact === 'annualIncome')?.why).toBe('below 0');
  });

  it('ignores unknown keys and never throws on odd input', () => {
    expect(cleanFacts({ incom: 5, name: 'x' }).facts).toEqual({});
    for (const odd of [null, undefined, 42, 'x', [], [1, 2], () => 1]) expect(() => cleanFacts(odd)).not.toThrow();
    const trap = Object.defineProperty({}, 'age', {
      get: () => {
        throw new Error('boom');
      },
      enumerable: true,
    });
    expect(cleanFacts(trap).facts).toEqual({});
  });
});

describe('deriveFacts', () => {
  it('computes age from date of birth on the day asked about', () => {
    expect(prepareFacts({ dob: '2007-06-02' }, '2025-06-01').age).toBe(17);
    expect(prepareFacts({ dob: '2007-06-02' }, '2025-06-02').age).toBe(18);
    // A stale typed age loses to the date of birth.
    expect(prepareFacts({ dob: '2007-06-02', age: 12 }, '2025-06-02').age).toBe(18);
  });

  it('ages a recorded age by the years since it was recorded', () => {
    expect(prepareFacts({ age: 10, assessmentDate: '2022-01-10' }, '2025-01-09').age).toBe(12);
    expect(prepareFacts({ age: 10, assessmentDate: '2022-01-10' }, '2025-01-10').age).toBe(13);
    expect(prepareFacts({ age: 10 }, '2025-01-10').age).toBe(10);
  });

  it('derives orphan status, single parent and the widowed mother', () => {
    expect(deriveFacts({ fatherStatus: 'dead', motherStatus: 'dead' }, '2025-01-01')).toMatchObject({
      orphanStatus: 'both_parents_dead',
      singleParent: false,
    });
    expect(deriveFacts({ fatherStatus: 'dead', motherStatus: 'alive', motherAge: 41 }, '2025-01-01')).toMatchObject({
      orphanStatus: 'one_parent_dead',
      singleParent: true,
      widowedMotherAge: 41,
    });
    expect(deriveFacts({ fatherStatus: 'divorced_separated', motherStatus: 'alive' }, '2025-01-01')).toMatchObject({
      orphanStatus: 'not_orphan',
      singleParent: true,
    });
    // One parent dead, the other unknown: could be either, so no guess.
    expect(deriveFacts({ fatherStatus: 'dead' }, '2025-01-01').orphanStatus).toBeUndefined();
    // A death date implies the status.
    expect(deriveFacts({ motherDeathDate: '2021-05-01' }, '2025-01-01').motherStatus).toBe('dead');
  });

  it('computes age at a parent death and on 31 December', () => {
    const f = prepareFacts({ dob: '2004-05-10', fatherDeathDate: '2022-05-09', motherDeathDate: '2022-05-10' }, '2025-03-01');
    expect(f.ageAtFatherDeath).toBe(17);
    expect(f.ageAtMotherDeath).toBe(18);
    expect(prepareFacts({ dob: '2022-12-31' }, '2025-02-01').ageOnDec31).toBe(3);
    expect(prepareFacts({ dob: '2010-01-01', fatherDeathDate: '2009-06-01' }, '2025-01-01').ageAtFatherDeath).toBe(0);
  });

  it('does not invent an age for a date of birth after the date asked about', () => {
    expect(prepareFacts({ dob: '2030-01-01' }, '2025-01-01').age).toBeUndefined();
  });
});

describe('fixed-shape facts', () => {
  it('blankFacts lists exactly the registered facts, in registry order', () => {
    expect(Object.keys(blankFacts())).toEqual(FACT_NAMES);
  });

  it('cleanInto lets later sources win and keeps earlier values otherwise', () => {
    const merged = cleanInto(cleanInto(blankFacts(), { area: 'rural', annualIncome: 1000 }), { annualIncome: 2000, bpl: null });
    expect(merged).toEqual({ area: 'rural', annualIncome: 2000 });
  });
});
