import { describe, expect, it } from 'vitest';
import { aggregateCoverage, familyCoverage, type FamilyServicesInput } from './coverage';

// Hand-built family: every need source and every service state appears once.
const F1: FamilyServicesInput = {
  familyId: 'F1',
  area: { village: 'V1', block: 'B1', district: 'D1' },
  assessments: [
    { key: 'household_economy', score: 1.5, assessedOn: '2025-01-10' }, // → livelihood + social protection
    { key: 'health', score: 3, assessedOn: '2025-01-10' }, // safe: no need
    { key: 'education', score: 2, assessedOn: '2025-01-10' }, // improved on re-assessment ↓
    { key: 'education', score: 3, assessedOn: '2025-03-01' },
    { key: 'safety', score: 2, assessedOn: '2025-01-10', childId: 'c1' }, // ≤ 2: need
  ],
  casePlanNeeds: [
    { domain: 'education_training', childId: 'c2' },
    { domain: 'emotional_psychological' },
    { domain: 'spiritual' }, // not in the map: reported, not dropped silently
  ],
  referrals: [
    { id: 'r1', domain: 'education_training', department: 'EDUCATION', status: 'accepted' },
    { id: 'r2', domain: 'emotional_psychological', department: 'HEALTH', status: 'pending' },
    { id: 'r3', domain: 'protection_from_abuse', department: 'POLICE', status: 'declined' },
  ],
  enrolments: [
    { id: 'e1', schemeId: 'BAL_SANGOPAN', domains: ['social_protection', 'family_strengthening'], department: 'DWCD', status: 'receiving' },
  ],
  actions: [{ id: 'x1', domain: 'livelihood', department: 'RURAL_DEVELOPMENT', status: 'open' }],
};

const empty = { casePlanNeeds: [], referrals: [], enrolments: [], actions: [] };
const F2: FamilyServicesInput = {
  familyId: 'F2',
  area: { village: 'V1', block: 'B1', district: 'D1' },
  assessments: [{ key: 'health', score: 1, assessedOn: '2025-02-01' }],
  ...empty,
};
const F3: FamilyServicesInput = {
  familyId: 'F3',
  area: { village: 'V2', block: 'B1' },
  assessments: [{ key: 'health.nutrition', score: 2, assessedOn: '2025-02-01' }],
  ...empty,
};

describe('familyCoverage', () => {
  const c = familyCoverage(F1);
  const row = (d: string) => c.domains.find((x) => x.domain === d)!;

  it('finds needs from assessments (latest score ≤ 2) and case plans', () => {
    expect(c.domains.filter((d) => d.need).map((d) => d.domain)).toEqual([
      'education',
      'livelihood',
      'social_protection',
      'protection_safety',
      'psychosocial',
    ]);
    expect(row('education').needSources).toEqual(['case_plan']);
    expect(row('education').children).toEqual(['c2']);
    expect(row('protection_safety').children).toEqual(['c1']);
    expect(c.unmappedKeys).toEqual(['spiritual']);
  });

  it('marks each domain met, pending, unmet, served or none', () => {
    expect(Object.fromEntries(c.domains.map((d) => [d.domain, d.status]))).toEqual({
      health: 'none',
      education: 'met',
      nutrition: 'none',
      livelihood: 'pending', // open action only
      social_protection: 'met', // Bal Sangopan received
      legal_aid_documents: 'none',
      protection_safety: 'unmet', // the only referral was declined
      family_strengthening: 'served', // Bal Sangopan, no recorded need
      alternative_care: 'none',
      psychosocial: 'pending', // referral not yet accepted
    });
    expect(c.gaps).toEqual(['livelihood', 'protection_safety', 'psychosocial']);
    expect(row('protection_safety').services).toEqual([{ kind: 'referral', id: 'r3', department: 'POLICE', state: 'ineffective' }]);
    expect(row('psychosocial').departments).toEqual([]);
  });

  it('flags multi-department support only for departments actually delivering', () => {
    expect(c.departments).toEqual(['EDUCATION', 'DWCD']);
    expect(c.multiDepartmentSupport).toBe(true);
    expect(familyCoverage(F2).multiDepartmentSupport).toBe(false);
  });

  it('uses the configured threshold', () => {
    const strict = familyCoverage(F1, { needThreshold: 1.5, domainMap: { household_economy: ['livelihood'] } });
    expect(strict.domains.filter((d) => d.need && d.needSources.includes('assessment')).map((d) => d.domain)).toEqual(['livelihood']);
  });
});

describe('aggregateCoverage', () => {
  const all = [F1, F2, F3].map((f) => familyCoverage(f));

  it('counts families with unmet needs per domain in each village', () => {
    const [v1, v2] = aggregateCoverage(all, 'village');
    expect(v1).toMatchObject({ area: 'V1', families: 2, familiesWithAnyGap: 2, multiDepartmentFamilies: 1 });
    expect(v1.familiesWithGap).toMatchObject({
      health: 1,
      livelihood: 1,
      protection_safety: 1,
      psychosocial: 1,
      education: 0,
      social_protection: 0,
    });
    expect(v1.familiesWithNeed).toMatchObject({ social_protection: 1, education: 1 });
    expect(v2).toMatchObject({ area: 'V2', families: 1, familiesWithAnyGap: 1 });
    expect(v2.familiesWithGap.nutrition).toBe(1);
  });

  it('rolls up to block, and keeps families without a code visible', () => {
    const [b1] = aggregateCoverage(all, 'block');
    expect(b1).toMatchObject({ area: 'B1', families: 3, familiesWithAnyGap: 3 });
    expect(aggregateCoverage(all, 'district').map((a) => [a.area, a.families])).toEqual([
      ['', 1],
      ['D1', 2],
    ]);
  });
});
