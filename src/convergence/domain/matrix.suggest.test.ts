import { describe, expect, it } from 'vitest';
import { departmentRole, domainsOfDepartment, loadDefaultMatrix, matrixCells, parseMatrix, suggestDepartments } from './matrix';

const m = loadDefaultMatrix();

describe('suggestDepartments', () => {
  it('ranks leads before supports, in file order', () => {
    expect(suggestDepartments(m, 'health', 'village')).toEqual(['HEALTH', 'DWCD']);
    expect(suggestDepartments(m, 'legal_aid_documents', 'district')).toEqual(['DLSA', 'DWCD', 'CWC', 'NGO']);
    expect(suggestDepartments(m, 'alternative_care', 'district')).toEqual(['CWC', 'DCPU', 'NGO']);
    expect(suggestDepartments(m, 'nutrition', 'district')).toEqual(['DWCD', 'HEALTH', 'REVENUE']);
  });

  it('falls back to the nearest higher level when nobody has a role at the level asked', () => {
    const small = parseMatrix({
      version: 't',
      effectiveFrom: '2025-01-01',
      sources: ['test'],
      programmes: [],
      cells: [
        ...[
          'health',
          'education',
          'nutrition',
          'livelihood',
          'social_protection',
          'legal_aid_documents',
          'protection_safety',
          'family_strengthening',
          'alternative_care',
          'psychosocial',
        ].map((domain) => ({ domain, department: 'DCPU', level: 'district', responsibility: 'lead', role: 'r' })),
        { domain: 'health', department: 'HEALTH', level: 'state', responsibility: 'lead', role: 'r' },
      ],
    });
    expect(suggestDepartments(small, 'health', 'village')).toEqual(['DCPU']);
    expect(suggestDepartments(small, 'health', 'state')).toEqual(['HEALTH']);
    expect(suggestDepartments(small, 'education', 'national')).toEqual([]);
    expect(matrixCells(small, 'education', 'block').map((c) => c.level)).toEqual(['district']);
  });

  it('looks up a department role and the domains a department serves', () => {
    expect(departmentRole(m, 'DLSA', 'legal_aid_documents', 'district')?.role).toContain('chairs the convergence group');
    expect(departmentRole(m, 'POLICE', 'education', 'district')).toBeUndefined();
    expect(domainsOfDepartment(m, 'POLICE')).toEqual(['protection_safety']);
  });
});
