// Boundaries of the seeded all-India schemes.
import { describe, expect, it } from 'vitest';
import { check, statusOf } from '../test-support';

describe('PM CARES for Children', () => {
  const PMC = 'pm-cares-for-children';
  // Judged while the scheme was open to new enrolment (it closed on 28 February 2022).
  const OPEN = '2022-01-15';
  const pmc = (f: Record<string, unknown>, asOf = OPEN) => check(PMC, f, asOf);
  const pmcStatus = (f: Record<string, unknown>, asOf = OPEN) => statusOf(PMC, f, asOf);
  const orphan = (fatherDeathDate: string, extra: Record<string, unknown> = {}) => ({
    dob: '2010-01-01',
    fatherStatus: 'dead',
    fatherDeathCause: 'covid19',
    fatherDeathDate,
    motherStatus: 'dead',
    motherDeathCause: 'illness',
    motherDeathDate: '2015-01-01',
    ...extra,
  });

  it('explains a COVID-19 death inside the window', () => {
    const r = pmc(orphan('2021-05-02'));
    expect(r.status).toBe('eligible');
    expect(r.reasons).toContain("father's death recorded (2021-05-02, COVID-19) is inside 11 Mar 2020 – 28 Feb 2022");
  });

  it('window: 11 Mar 2020 and 28 Feb 2022 are in, the day before and the day after are out', () => {
    expect(pmcStatus(orphan('2020-03-11'))).toBe('eligible');
    expect(pmcStatus(orphan('2022-02-28'), '2022-02-28')).toBe('eligible');
    const before = pmc(orphan('2020-03-10'));
    expect(before.status).toBe('not_eligible');
    expect(before.reasons).toContain("father's death recorded (2020-03-10, COVID-19) is outside 11 Mar 2020 – 28 Feb 2022 (before it)");
    const after = pmc(orphan('2022-03-01'), '2022-02-28');
    expect(after.status).toBe('not_eligible');
    expect(after.reasons).toContain("father's death recorded (2022-03-01, COVID-19) is outside 11 Mar 2020 – 28 Feb 2022 (after it)");
  });

  it('the child must not have turned 18 on the date of death', () => {
    expect(pmcStatus(orphan('2021-06-15', { dob: '2003-06-16' }))).toBe('eligible'); // 17 that day
    const r = pmc(orphan('2021-06-15', { dob: '2003-06-15' })); // 18 that day
    expect(r.status).toBe('not_eligible');
    expect(r.reasons).toContain("age at father's death 18 is above the limit of 17");
  });

  it('is for children left without parents, not for those with a surviving parent', () => {
    expect(pmcStatus(orphan('2021-05-02', { motherStatus: 'alive', motherDeathDate: undefined, motherDeathCause: undefined }))).toBe(
      'not_eligible',
    );
    // Mother (the surviving parent) lost to COVID after the father died earlier of illness.
    expect(
      pmcStatus({
        dob: '2012-01-01',
        fatherStatus: 'dead',
        fatherDeathCause: 'illness',
        fatherDeathDate: '2016-01-01',
        motherDeathCause: 'covid19',
        motherDeathDate: '2021-04-20',
      }),
    ).toBe('eligible');
    expect(pmcStatus(orphan('2021-05-02', { fatherDeathCause: 'accident' }))).toBe('not_eligible');
  });

  it('covers a legal guardian or adoptive parent lost to COVID-19', () => {
    expect(pmcStatus({ dob: '2012-01-01', guardianDeathCause: 'covid19', guardianDeathDate: '2021-05-10' })).toBe('eligible');
  });

  it('without a date of birth the age at death decides', () => {
    const r = pmc(orphan('2021-05-02', { dob: undefined, age: 12 }));
    expect(r.status).toBe('maybe');
    expect(r.missingFacts.map((m) => m.fact)).toEqual(['ageAtFatherDeath']);
  });

  it('closed to new enrolment on 28 February 2022: not suggested as open after it', () => {
    expect(pmcStatus(orphan('2021-05-02'), '2022-02-28')).toBe('eligible');
    const later = check(PMC, orphan('2021-05-02'), '2022-03-01');
    expect(later.status).toBe('not_eligible');
    expect(later.structured[0]).toMatchObject({ code: 'not_in_force' });
  });

  it('covers the loss of the SURVIVING parent to COVID-19, not any orphan with one COVID death', () => {
    // Father died of COVID-19 first; the mother, the surviving parent, died later of an accident.
    const motherSurvivedCovid = orphan('2021-05-02', { motherDeathCause: 'accident', motherDeathDate: '2021-08-01' });
    expect(pmcStatus(motherSurvivedCovid)).toBe('not_eligible');
    // Both parents lost to COVID-19.
    expect(pmcStatus(orphan('2021-05-02', { motherDeathCause: 'covid19', motherDeathDate: '2021-05-10' }))).toBe('eligible');
    const r = pmc(orphan('2021-05-02'));
    expect(r.structured.some((x) => x.source?.startsWith('PM CARES for Children guidelines'))).toBe(true);
    expect(r.source).toMatchObject({ verification: 'secondary_source' });
  });
});

describe('National Family Benefit Scheme', () => {
  const NF = 'nsap-nfbs';
  it('BPL household, breadwinner died aged 18–59', () => {
    expect(statusOf(NF, { bpl: true, breadwinnerAgeAtDeath: 18 })).toBe('eligible');
    expect(statusOf(NF, { bpl: true, breadwinnerAgeAtDeath: 17 })).toBe('not_eligible');
    expect(statusOf(NF, { bpl: true, breadwinnerAgeAtDeath: 59 })).toBe('eligible');
    const r = check(NF, { bpl: true, breadwinnerAgeAtDeath: 60 });
    expect(r.status).toBe('not_eligible');
    expect(r.reasons).toEqual(["deceased breadwinner's age at death 60 is above the limit of 59"]);
    expect(statusOf(NF, { bpl: false, breadwinnerAgeAtDeath: 40 })).toBe('not_eligible');
    expect(check(NF, { breadwinnerAgeAtDeath: 40 }).missingFacts.map((m) => m.fact)).toEqual(['bpl']);
    expect(check(NF, { bpl: true, breadwinnerAgeAtDeath: 40 }).benefit).toMatchObject({ amount: 20000, period: 'once' });
  });

  it('is not "may be eligible" for a family whose father and mother are both recorded as living (issue #17)', () => {
    expect(statusOf(NF, { bpl: true, fatherStatus: 'alive', motherStatus: 'alive' })).toBe('not_eligible');
    expect(statusOf(NF, { bpl: true, fatherStatus: 'dead', motherStatus: 'alive', breadwinnerAgeAtDeath: 41 })).toBe('eligible');
    expect(statusOf(NF, { bpl: true, fatherStatus: 'alive' })).toBe('maybe');
    // The breadwinner may be a grandparent: a recorded death keeps the family in.
    expect(statusOf(NF, { bpl: true, fatherStatus: 'alive', motherStatus: 'alive', breadwinnerAgeAtDeath: 55 })).toBe('eligible');
  });
});

describe('IGNWPS widow pension', () => {
  const WP = 'nsap-ignwps';
  it('widows 40–79 in BPL households', () => {
    const widow = (motherAge: number) => ({ stateCode: 9, fatherStatus: 'dead', motherStatus: 'alive', motherAge, bpl: true });
    expect(statusOf(WP, widow(39))).toBe('not_eligible');
    expect(statusOf(WP, widow(40))).toBe('eligible');
    expect(statusOf(WP, widow(79))).toBe('eligible');
    expect(statusOf(WP, widow(80))).toBe('not_eligible');
    expect(statusOf(WP, { ...widow(50), bpl: false })).toBe('not_eligible');
    // A mother whose husband is alive is not a widow.
    const notWidow = check(WP, { stateCode: 9, fatherStatus: 'alive', motherStatus: 'alive', motherAge: 50, bpl: true });
    expect(notWidow.status).toBe('not_eligible');
    expect(notWidow.reasons).toEqual(['father: alive (needs deceased)']);
    // Widowed, age not recorded: the age decides.
    expect(check(WP, { stateCode: 9, fatherStatus: 'dead', motherStatus: 'alive', bpl: true }).missingFacts.map((m) => m.fact)).toEqual([
      'widowedMotherAge',
    ]);
  });

  it('is not suggested on its own in Maharashtra, where it is paid with the state top-up as one pension', () => {
    const widow = { fatherStatus: 'dead', motherStatus: 'alive', motherAge: 50, bpl: true };
    expect(statusOf(WP, { ...widow, stateCode: 27 })).toBe('not_eligible');
    expect(statusOf(WP, { ...widow, stateCode: 9 })).toBe('eligible');
  });
});

describe('PM-JAY', () => {
  const JAY = 'ab-pmjay';
  it('SECC deprivation, AAY card or BPL', () => {
    expect(statusOf(JAY, { seccListed: true })).toBe('eligible');
    expect(statusOf(JAY, { rationCardType: 'AAY' })).toBe('eligible');
    expect(statusOf(JAY, { seccListed: false, rationCardType: 'PHH', bpl: false })).toBe('not_eligible');
    expect(statusOf(JAY, {})).toBe('maybe');
    expect(check(JAY, { seccListed: true }).benefit).toMatchObject({ valueInr: 500000, period: 'yearly' });
  });
});

describe('Pre-matric scholarship for SC students', () => {
  const SC = 'sc-pre-matric-scholarship';
  const pupil = { casteCategory: 'SC', enrolledInSchool: true, schoolClass: 9 };
  it('income limit ₹2,50,000 from 2022-23', () => {
    expect(statusOf(SC, { ...pupil, annualIncome: 250000 })).toBe('eligible');
    const over = check(SC, { ...pupil, annualIncome: 250001 });
    expect(over.reasons).toEqual(['income ₹2,50,001 is over the ₹2,50,000 limit']);
  });

  it('was ₹2,00,000 before April 2022', () => {
    expect(statusOf(SC, { ...pupil, annualIncome: 250000 }, '2022-03-31')).toBe('not_eligible');
    expect(statusOf(SC, { ...pupil, annualIncome: 200000 }, '2022-03-31')).toBe('eligible');
    expect(check(SC, { ...pupil, annualIncome: 200000 }, '2022-03-31').benefit).toMatchObject({ amount: 2250 });
    expect(check(SC, { ...pupil, annualIncome: 200000 }, '2022-04-01').benefit).toMatchObject({ amount: 3500 });
  });

  it('classes 9 and 10 only', () => {
    expect(statusOf(SC, { ...pupil, schoolClass: 8, annualIncome: 1 })).toBe('not_eligible');
    expect(statusOf(SC, { ...pupil, schoolClass: 10, annualIncome: 1 })).toBe('eligible');
    expect(statusOf(SC, { ...pupil, schoolClass: 11, annualIncome: 1 })).toBe('not_eligible');
  });
});

describe('Pre-matric scholarship for children of parents in unclean or hazardous occupations', () => {
  const UC = 'pre-matric-unclean-occupations';
  const pupil = { parentUncleanOccupation: true, enrolledInSchool: true };
  it('classes 1–10, no income ceiling and no caste condition', () => {
    expect(statusOf(UC, { ...pupil, schoolClass: 1, annualIncome: 900000, casteCategory: 'General' })).toBe('eligible');
    expect(statusOf(UC, { ...pupil, schoolClass: 10 })).toBe('eligible');
    expect(statusOf(UC, { ...pupil, schoolClass: 0 })).toBe('not_eligible');
    expect(statusOf(UC, { ...pupil, schoolClass: 11 })).toBe('not_eligible');
    expect(statusOf(UC, { ...pupil, parentUncleanOccupation: false, schoolClass: 5 })).toBe('not_eligible');
  });
});

describe('PM YASASVI pre-matric', () => {
  const PY = 'pm-yasasvi-pre-matric';
  const pupil = { casteCategory: 'OBC', enrolledInSchool: true, schoolClass: 10, schoolManagement: 'government', annualIncome: 250000 };
  it('OBC/DNT pupils in classes 9–10 of government schools, income up to ₹2.5 lakh', () => {
    expect(statusOf(PY, pupil)).toBe('eligible');
    expect(statusOf(PY, { ...pupil, casteCategory: 'VJNT' })).toBe('eligible');
    expect(statusOf(PY, { ...pupil, annualIncome: 250001 })).toBe('not_eligible');
    expect(statusOf(PY, { ...pupil, schoolManagement: 'private_unaided' })).toBe('not_eligible');
    expect(statusOf(PY, { ...pupil, casteCategory: 'SC' })).toBe('not_eligible');
  });
});
