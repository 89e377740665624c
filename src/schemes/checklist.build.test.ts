import { describe, expect, it } from 'vitest';
import { buildChecklist, documentOwner } from './checklist';
import { suggestForFamily } from './suggest';
import { defaultCatalogue } from './catalogue/index';
import { versionInForce } from './scheme';

const bsy = defaultCatalogue().find((s) => s.id === 'mh-bal-sangopan')!;
const record = (docType: string, status: string, childId: string | null = null) => ({
  id: `${docType}-${childId}`,
  familyId: 'f',
  childId,
  docType,
  status,
  issuingOffice: null,
  appliedOn: null,
  issuedOn: null,
  version: 1,
});

describe('document checklist of an application', () => {
  it('marks each required document held or missing, with its record and where a change is recorded', () => {
    const records = [
      record('ration_card', 'held'),
      record('birth_certificate', 'applied_for', 'c'),
      record('orphan_certificate', 'held', 'c'),
      record('aadhaar', 'held', 'other-child'),
    ];
    const input = {
      id: 'f',
      facts: { stateCode: 27, fatherStatus: 'dead', motherStatus: 'dead', casteCategory: 'SC' },
      documents: { ration_card: 'held' as const },
      children: [
        {
          id: 'c',
          facts: { dob: '2016-01-01' },
          documents: { birth_certificate: 'applied_for' as const, orphan_certificate: 'held' as const },
        },
      ],
    };
    const s = suggestForFamily([bsy], input, '2025-08-01')[0];
    const list = buildChecklist(s, versionInForce(bsy, '2025-08-01'), records, 'c');
    const by = Object.fromEntries(list.map((i) => [i.doc, i]));
    expect(by.ration_card).toMatchObject({ held: true, owner: 'family', satisfiedBy: 'ration_card' });
    expect(by.birth_certificate).toMatchObject({ held: false, status: 'applied_for', owner: 'child' });
    expect(by.birth_certificate.record?.id).toBe('birth_certificate-c');
    // The orphan certificate stands in for the parents' death certificate.
    expect(by.parent_death_certificate).toMatchObject({
      held: true,
      satisfiedBy: 'orphan_certificate',
      alternatives: ['orphan_certificate'],
    });
    // Another child's Aadhaar does not count for this child.
    expect(by.aadhaar).toMatchObject({ held: false, status: 'missing', record: null });
    expect(by.caste_certificate).toMatchObject({ held: false, owner: 'family' });
  });

  it('household documents are recorded on the family, personal ones on the child', () => {
    expect(documentOwner('child', 'caste_certificate')).toBe('family');
    expect(documentOwner('child', 'aadhaar')).toBe('child');
    expect(documentOwner('caregiver', 'aadhaar')).toBe('family');
  });
});
