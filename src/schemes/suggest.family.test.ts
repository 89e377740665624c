import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from './catalogue/index';
import { compileCatalogue, suggestBatch, suggestEach, suggestForFamily, type FamilyInput } from './suggest';

const catalogue = compileCatalogue(defaultCatalogue());
const ASOF = '2025-06-01';

const family: FamilyInput = {
  id: 'fam-1',
  facts: {
    stateCode: 27,
    area: 'rural',
    annualIncome: 48000,
    fatherStatus: 'dead',
    fatherDeathDate: '2022-09-01',
    fatherDeathCause: 'suicide',
    motherStatus: 'alive',
    motherAge: 42,
    bpl: true,
    rationCardType: 'PHH',
    casteCategory: 'NT',
    breadwinnerAgeAtDeath: 44,
  },
  documents: { aadhaar: 'held', ration_card: 'held', income_certificate: 'applied_for', domicile: 'issued' },
  children: [
    {
      id: 'child-a',
      facts: { dob: '2011-02-10', enrolledInSchool: true, schoolClass: 9, schoolManagement: 'government', cwcRecommendation: true },
      documents: ['birth_certificate', 'orphan_certificate'],
    },
    { id: 'child-b', facts: { dob: '2021-07-01' } },
  ],
};

describe('suggestForFamily', () => {
  const list = suggestForFamily(catalogue, family, ASOF);

  it('covers every scheme once per subject: each child, the family, the caregiver', () => {
    const childSchemes = defaultCatalogue().filter((s) => s.subject === 'child').length;
    const otherSchemes = defaultCatalogue().length - childSchemes;
    expect(list).toHaveLength(childSchemes * 2 + otherSchemes);
    expect(new Set(list.filter((s) => s.subject === 'caregiver').map((s) => s.subjectId))).toEqual(new Set(['fam-1:caregiver']));
    expect(new Set(list.filter((s) => s.subject === 'family').map((s) => s.subjectId))).toEqual(new Set(['fam-1']));
  });

  it('sorts eligible, then maybe, then not eligible; larger benefits first', () => {
    const rank = { eligible: 0, maybe: 1, not_eligible: 2 };
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      expect(rank[a.status] <= rank[b.status]).toBe(true);
      if (a.status === b.status) expect(a.annualValue >= b.annualValue).toBe(true);
    }
  });

  it('finds what the family qualifies for', () => {
    const eligible = list.filter((s) => s.status === 'eligible').map((s) => `${s.schemeId}/${s.subjectId}`);
    expect(eligible).toEqual(
      expect.arrayContaining([
        'mission-vatsalya-sponsorship/child-a',
        'mh-bal-sangopan/child-a',
        'mh-bal-sangopan/child-b',
        'nsap-nfbs/fam-1',
        // A BPL widow aged 42 in Maharashtra: one pension under Sanjay Gandhi Niradhar (₹300 IGNWPS + ₹1,200 state).
        'mh-sanjay-gandhi-niradhar-caregiver/fam-1:caregiver',
        'ab-pmjay/fam-1',
        'pm-yasasvi-pre-matric/child-a',
        'mh-rte-25-percent/child-b',
      ]),
    );
    expect(eligible).not.toContain('nsap-ignwps/fam-1:caregiver');
    const sponsorB = list.find((s) => s.schemeId === 'mission-vatsalya-sponsorship' && s.subjectId === 'child-b');
    expect(sponsorB?.status).toBe('maybe');
    expect(sponsorB?.missingFacts.map((m) => m.fact)).toEqual(['cwcRecommendation']);
  });

  it('lists the documents still to get, with where each stands', () => {
    const bsy = list.find((s) => s.schemeId === 'mh-bal-sangopan' && s.subjectId === 'child-a')!;
    const missing = Object.fromEntries(bsy.missingDocuments.map((d) => [d.doc, d.status]));
    // Held by the family or the child, or issued: not missing.
    expect(missing.aadhaar).toBeUndefined();
    expect(missing.birth_certificate).toBeUndefined();
    expect(missing.domicile).toBeUndefined();
    // An orphan certificate stands in for the parent's death certificate.
    expect(missing.parent_death_certificate).toBeUndefined();
    expect(missing.income_certificate).toBe('applied_for');
    expect(missing.caste_certificate).toBe('missing');
    expect(bsy.requiredDocuments).toContain('caste_certificate');

    const bsyB = list.find((s) => s.schemeId === 'mh-bal-sangopan' && s.subjectId === 'child-b')!;
    expect(bsyB.missingDocuments.map((d) => d.doc)).toContain('birth_certificate');
    expect(bsyB.missingDocuments.find((d) => d.doc === 'parent_death_certificate')?.alternatives).toEqual(['orphan_certificate']);
  });

  it('marks documents that depend on a fact not yet recorded', () => {
    const [s] = suggestForFamily(
      catalogue,
      { id: 'f', facts: { stateCode: 27 }, children: [{ id: 'c', facts: { age: 3, orphanStatus: 'abandoned' } }] },
      ASOF,
      {
        include: ['eligible'],
      },
    );
    expect(s.schemeId).toBe('mh-bal-sangopan');
    expect(s.missingDocuments.find((d) => d.doc === 'caste_certificate')?.conditional).toBe(true);
    expect(s.requiredDocuments).not.toContain('parent_death_certificate');
  });

  it('leaves documents out for schemes the subject is not eligible for', () => {
    for (const s of list.filter((x) => x.status === 'not_eligible')) expect(s.missingDocuments).toEqual([]);
  });

  it('filters by status and can skip the explanations', () => {
    const onlyMaybe = suggestForFamily(catalogue, family, ASOF, { include: ['maybe'] });
    expect(onlyMaybe.every((s) => s.status === 'maybe')).toBe(true);
    const fast = suggestForFamily(catalogue, family, ASOF, { detail: 'status' });
    expect(fast.map((s) => [s.schemeId, s.subjectId, s.status])).toEqual(list.map((s) => [s.schemeId, s.subjectId, s.status]));
    expect(fast.every((s) => s.reasons.length === 0)).toBe(true);
  });

  it('copes with a family with no children and no facts', () => {
    const r = suggestForFamily(defaultCatalogue(), { id: 'empty', facts: undefined, children: [] }, ASOF);
    expect(r.every((s) => s.subject !== 'child')).toBe(true);
    expect(r.every((s) => s.status !== 'eligible')).toBe(true);
  });
});

describe('batch', () => {
  it('gives the same answers as one family at a time', () => {
    const families = [family, { ...family, id: 'fam-2', facts: { ...(family.facts as object), stateCode: 9 } }];
    const batch = suggestBatch(catalogue, families, ASOF);
    expect(batch.map((b) => b.familyId)).toEqual(['fam-1', 'fam-2']);
    expect(batch[0].suggestions).toEqual(suggestForFamily(catalogue, family, ASOF));
    const bsy2 = batch[1].suggestions.find((s) => s.schemeId === 'mh-bal-sangopan');
    expect(bsy2?.status).toBe('not_eligible');
  });

  it('streams lazily', () => {
    let pulled = 0;
    function* source() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield { ...family, id: `f${i}` };
      }
    }
    const it = suggestEach(catalogue, source(), ASOF);
    it.next();
    it.next();
    expect(pulled).toBe(2);
  });
});
