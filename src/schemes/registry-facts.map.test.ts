import { describe, expect, it } from 'vitest';
import { childFacts, familyFacts, familyInputsFromRows, parentStatus, type MemberFactsRow } from './registry-facts';
import { prepareFacts } from './derive-facts';
import { suggestForFamily } from './suggest';
import { defaultCatalogue } from './catalogue/index';

const fam = {
  id: 'f1',
  stateCode: 27,
  districtCode: 468,
  areaType: 'rural',
  annualIncome: 36000,
  rationCard: 'phh',
  bpl: true,
  casteCategory: 'vjnt',
  caregiverType: 'single_mother',
};
const member = (over: Partial<MemberFactsRow>): MemberFactsRow => ({
  familyId: 'f1',
  relationship: 'father',
  sex: 'male',
  age: 40,
  alive: true,
  deathDate: null,
  deathCause: null,
  imprisoned: false,
  chronicIllness: null,
  disability: null,
  ...over,
});

describe('registry rows → engine facts', () => {
  it('maps the family row and the parents', () => {
    const f = familyFacts(fam, [
      member({ alive: false, deathDate: '2023-05-02', deathCause: 'suicide', age: 41 }),
      member({ relationship: 'mother', sex: 'female', age: 36 }),
    ]);
    expect(f).toMatchObject({
      stateCode: 27,
      districtCode: 468,
      area: 'rural',
      annualIncome: 36000,
      bpl: true,
      rationCardType: 'PHH',
      casteCategory: 'VJNT',
      fatherStatus: 'dead',
      fatherDeathDate: '2023-05-02',
      fatherDeathCause: 'suicide',
      motherStatus: 'alive',
      motherAge: 36,
      breadwinnerAgeAtDeath: 41,
      breadwinnerDeathDate: '2023-05-02',
    });
    const derived = prepareFacts(f, '2025-08-01');
    expect(derived.orphanStatus).toBe('one_parent_dead');
    expect(derived.widowedMotherAge).toBe(36);
  });

  it('a status that matters most wins: dead > imprisoned > seriously ill > disabled', () => {
    expect(parentStatus(member({ alive: false, imprisoned: true }))).toBe('dead');
    expect(parentStatus(member({ imprisoned: true, chronicIllness: 'TB' }))).toBe('imprisoned');
    expect(parentStatus(member({ chronicIllness: 'HIV', disability: 'paralysis' }))).toBe('seriously_ill');
    expect(parentStatus(member({ disability: 'blind' }))).toBe('disabled');
    expect(parentStatus(member({}))).toBe('alive');
  });

  it('leaves unknowns undefined (a "maybe", never a wrong "no")', () => {
    const f = familyFacts(
      { ...fam, caregiverType: 'grandparent', annualIncome: null, bpl: null, rationCard: null, casteCategory: 'unknown' },
      [],
    );
    expect(f.fatherStatus).toBeUndefined();
    expect(f.motherStatus).toBeUndefined();
    expect(f.annualIncome).toBeUndefined();
    expect(f.bpl).toBeUndefined();
    expect(f.rationCardType).toBeUndefined();
    expect(f.casteCategory).toBeUndefined();
    expect(
      childFacts({ id: 'c', familyId: 'f1', dob: null, sex: 'other', careStatus: 'kinship_care', schoolStatus: null, disability: null }),
    ).toEqual({
      dob: undefined,
      sex: undefined,
      careStatus: 'kinship',
      enrolledInSchool: undefined,
      disability: undefined,
    });
  });

  it('a single parent recorded without the other parent: the other has left the home', () => {
    expect(familyFacts({ ...fam, caregiverType: 'single_father' }, [member({})]).motherStatus).toBe('divorced_separated');
    expect(familyFacts({ ...fam, caregiverType: 'single_mother' }, [member({ relationship: 'mother', sex: 'female' })]).fatherStatus).toBe(
      'divorced_separated',
    );
  });

  it('groups many families and puts household documents on the family, personal ones on the child', () => {
    const [input] = familyInputsFromRows(
      [fam],
      [member({ alive: false, deathDate: '2022-01-10', deathCause: 'illness' }), member({ relationship: 'mother', sex: 'female' })],
      [
        {
          id: 'c1',
          familyId: 'f1',
          dob: '2015-03-01',
          sex: 'female',
          careStatus: 'birth_family',
          schoolStatus: 'enrolled',
          disability: null,
        },
      ],
      [
        { familyId: 'f1', childId: null, docType: 'ration_card', status: 'held' },
        { familyId: 'f1', childId: 'c1', docType: 'birth_certificate', status: 'applied_for' },
        { familyId: 'f1', childId: null, docType: 'not_a_document', status: 'held' },
      ],
    );
    expect(input.documents).toEqual({ ration_card: 'held' });
    expect(input.children[0].documents).toEqual({ birth_certificate: 'applied_for' });
    const bsy = suggestForFamily(defaultCatalogue(), input, '2025-08-01').find((s) => s.schemeId === 'mh-bal-sangopan')!;
    expect(bsy.status).toBe('eligible');
    expect(bsy.missingDocuments.map((m) => m.doc)).toContain('birth_certificate');
    expect(bsy.missingDocuments.map((m) => m.doc)).not.toContain('ration_card');
  });
});
