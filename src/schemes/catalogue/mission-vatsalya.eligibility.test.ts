// Boundaries of the Mission Vatsalya non-institutional care schemes
// (guidelines 5 Jul 2022, ch. 4).
import { describe, expect, it } from 'vitest';
import { check, statusOf } from '../test-support';

const SP = 'mission-vatsalya-sponsorship';
const widowedMother = { fatherStatus: 'dead', motherStatus: 'alive', cwcRecommendation: true, age: 10 };

describe('sponsorship: income limits', () => {
  it('explains a rural income under the limit', () => {
    const r = check(SP, { ...widowedMother, area: 'rural', annualIncome: 60000 });
    expect(r.status).toBe('eligible');
    expect(r.reasons).toContain('income ₹60,000 is under the ₹72,000 rural limit');
    expect(r.benefit).toEqual({ kind: 'cash', amount: 4000, period: 'monthly', note: 'per child, paid to the family' });
  });

  it('rural: exactly at ₹72,000 qualifies, ₹1 over does not', () => {
    const at = check(SP, { ...widowedMother, area: 'rural', annualIncome: 72000 });
    expect(at.status).toBe('eligible');
    expect(at.reasons).toContain('income ₹72,000 is at the ₹72,000 rural limit');
    const over = check(SP, { ...widowedMother, area: 'rural', annualIncome: 72001 });
    expect(over.status).toBe('not_eligible');
    expect(over.reasons).toEqual(['income ₹72,001 is over the ₹72,000 rural limit']);
  });

  it('urban: exactly at ₹96,000 qualifies, ₹1 over does not', () => {
    expect(statusOf(SP, { ...widowedMother, area: 'urban', annualIncome: 96000 })).toBe('eligible');
    expect(statusOf(SP, { ...widowedMother, area: 'urban', annualIncome: 96001 })).toBe('not_eligible');
  });

  it('the same ₹80,000 passes in a town and fails in a village', () => {
    expect(statusOf(SP, { ...widowedMother, area: 'urban', annualIncome: 80000 })).toBe('eligible');
    expect(statusOf(SP, { ...widowedMother, area: 'rural', annualIncome: 80000 })).toBe('not_eligible');
  });

  it('without the area, ₹80,000 is "maybe" and the area decides; ₹50,000 passes either way', () => {
    const r = check(SP, { ...widowedMother, annualIncome: 80000 });
    expect(r.status).toBe('maybe');
    expect(r.missingFacts).toEqual([{ fact: 'area', label: 'area' }]);
    expect(r.reasons.at(-1)).toBe('not recorded yet, would decide it: area');
    expect(statusOf(SP, { ...widowedMother, annualIncome: 50000 })).toBe('eligible');
  });

  it('without any income it is "maybe" on income', () => {
    const r = check(SP, { ...widowedMother, area: 'rural' });
    expect(r.status).toBe('maybe');
    expect(r.missingFacts.map((m) => m.fact)).toEqual(['annualIncome']);
  });
});

describe('sponsorship: age and the situations covered', () => {
  const base = { fatherStatus: 'dead', motherStatus: 'alive', cwcRecommendation: true, area: 'rural', annualIncome: 50000 };

  it('ends on the 18th birthday', () => {
    expect(statusOf(SP, { ...base, dob: '2007-06-02' }, '2025-06-01')).toBe('eligible');
    const r = check(SP, { ...base, dob: '2007-06-02' }, '2025-06-02');
    expect(r.status).toBe('not_eligible');
    expect(r.reasons).toEqual(['age 18 is above the limit of 17']);
  });

  it('covers divorced and abandoned mothers, orphans with relatives, and ill or disabled parents', () => {
    const rest = { cwcRecommendation: true, area: 'rural', annualIncome: 50000, age: 9 };
    expect(statusOf(SP, { ...rest, fatherStatus: 'divorced_separated', motherStatus: 'alive' })).toBe('eligible');
    expect(statusOf(SP, { ...rest, fatherStatus: 'deserted', motherStatus: 'alive' })).toBe('eligible');
    expect(statusOf(SP, { ...rest, fatherStatus: 'dead', motherStatus: 'dead', careStatus: 'kinship' })).toBe('eligible');
    expect(statusOf(SP, { ...rest, fatherStatus: 'alive', motherStatus: 'seriously_ill' })).toBe('eligible');
    expect(statusOf(SP, { ...rest, fatherStatus: 'disabled', motherStatus: 'alive' })).toBe('eligible');
    expect(statusOf(SP, { ...rest, fatherStatus: 'alive', motherStatus: 'alive', careStatus: 'birth_family' })).toBe('not_eligible');
    // Orphan in an institution: not the kinship route.
    expect(statusOf(SP, { ...rest, fatherStatus: 'dead', motherStatus: 'dead', careStatus: 'cci' })).toBe('not_eligible');
  });

  it('also covers children in need of care and protection and PM CARES children (guidelines 4.1)', () => {
    // Both parents alive and at home: none of the family situations applies, so only the child's
    // own circumstances can make the child eligible (they came out "not eligible" before issue #18).
    const child = {
      cwcRecommendation: true,
      area: 'urban',
      annualIncome: 90000,
      age: 11,
      fatherStatus: 'alive',
      motherStatus: 'alive',
      careStatus: 'birth_family',
    };
    expect(statusOf(SP, child)).toBe('not_eligible');
    for (const fact of ['childLabour', 'childMarriage', 'trafficked', 'hivAffected', 'disability', 'missingOrRunaway', 'pmCaresChild']) {
      const r = check(SP, { ...child, [fact]: true });
      expect(r.status, fact).toBe('eligible');
      expect(r.structured.find((x) => 'fact' in x && x.fact === fact)?.source).toMatch(/Mission Vatsalya guidelines 2022, 4.1/);
    }
    expect(statusOf(SP, { ...child, careStatus: 'street_connected' })).toBe('eligible');
    // The income limit and the CWC recommendation still apply.
    expect(statusOf(SP, { ...child, childLabour: true, annualIncome: 96001 })).toBe('not_eligible');
    expect(statusOf(SP, { ...child, trafficked: true, cwcRecommendation: false })).toBe('not_eligible');
  });

  it('a mother who has died is not "a widowed mother"', () => {
    const r = check(SP, {
      fatherStatus: 'dead',
      motherStatus: 'dead',
      careStatus: 'cci',
      cwcRecommendation: true,
      annualIncome: 1,
      age: 5,
    });
    expect(r.reasons).toContain('mother: deceased (must not be deceased)');
  });

  it('needs the CWC recommendation', () => {
    const maybe = check(SP, { ...base, age: 5, cwcRecommendation: undefined });
    expect(maybe.status).toBe('maybe');
    expect(maybe.missingFacts.map((m) => m.fact)).toEqual(['cwcRecommendation']);
    expect(statusOf(SP, { ...base, age: 5, cwcRecommendation: false })).toBe('not_eligible');
  });
});

describe('foster care grant', () => {
  const FC = 'mission-vatsalya-foster-care';
  it('for a child placed in foster care by the CWC, until 18', () => {
    expect(statusOf(FC, { careStatus: 'foster', cwcRecommendation: true, dob: '2008-01-15' }, '2026-01-14')).toBe('eligible');
    expect(statusOf(FC, { careStatus: 'foster', cwcRecommendation: true, dob: '2008-01-15' }, '2026-01-15')).toBe('not_eligible');
    expect(statusOf(FC, { careStatus: 'kinship', cwcRecommendation: true, age: 7 })).toBe('not_eligible');
    expect(check(FC, { careStatus: 'foster', cwcRecommendation: true, age: 7 }).benefit).toMatchObject({ amount: 4000, period: 'monthly' });
  });
});

describe('aftercare', () => {
  const AC = 'mission-vatsalya-aftercare';
  const leaver = { careStatus: 'cci', dob: '2007-03-10' };
  it('starts on the 18th birthday', () => {
    expect(statusOf(AC, leaver, '2025-03-09')).toBe('not_eligible');
    expect(statusOf(AC, leaver, '2025-03-10')).toBe('eligible');
  });

  it('runs to 21, then to 23 only with an extension', () => {
    expect(statusOf(AC, leaver, '2028-03-09')).toBe('eligible'); // 20
    const at21 = check(AC, leaver, '2028-03-10');
    expect(at21.status).toBe('maybe');
    expect(at21.missingFacts.map((m) => m.fact)).toEqual(['aftercareExtensionApproved']);
    expect(statusOf(AC, { ...leaver, aftercareExtensionApproved: true }, '2030-03-09')).toBe('eligible'); // 22
    expect(statusOf(AC, { ...leaver, aftercareExtensionApproved: false }, '2029-01-01')).toBe('not_eligible');
    expect(statusOf(AC, { ...leaver, aftercareExtensionApproved: true }, '2030-03-10')).toBe('not_eligible'); // 23
  });

  it('is for young people leaving institutional care', () => {
    expect(statusOf(AC, { careStatus: 'birth_family', age: 19 })).toBe('not_eligible');
    expect(statusOf(AC, { careStatus: 'aftercare', age: 19 })).toBe('eligible');
  });
});
