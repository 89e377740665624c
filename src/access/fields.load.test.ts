import { describe, expect, it } from 'vitest';
import { FIELD_POLICY_DATA } from './fields/policy.data';
import { loadFieldPolicy, RECORD_TYPES } from './fields/load';
import { mappedFields, readableFields, registryViewOf } from './fields';
import { ROLES, ROLE_PERMISSIONS } from './roles';

const clone = () => JSON.parse(JSON.stringify(FIELD_POLICY_DATA));

describe('permitted-fields policy data', () => {
  it('is refused at load when a role is missing, a field is unknown or a set does not exist', () => {
    const noRole = clone();
    delete noRole.records.child.read.auditor;
    expect(() => loadFieldPolicy(noRole)).toThrow(/records\.child\.read/);
    const unknownField = clone();
    unknownField.records.family.sets.minimal.push('passportNumber');
    expect(() => loadFieldPolicy(unknownField)).toThrow(/passportNumber/);
    const noSet = clone();
    noSet.records.case.read.caseworker = 'everything';
    expect(() => loadFieldPolicy(noSet)).toThrow(/no field set "everything"/);
  });

  it('the registry view follows the permissions of roles.ts (JJ Act 2015 s.74)', () => {
    for (const role of ROLES) {
      const perms = ROLE_PERMISSIONS[role];
      const expected = perms.includes('registry.read') ? 'full' : perms.includes('registry.read.minimal') ? 'minimal' : null;
      expect(registryViewOf(role), role).toBe(expected);
    }
  });

  it('nodal officers and the helpline read the age, never the date of birth, and no family history', () => {
    for (const role of ['nodal_officer', 'helpline_operator'] as const) {
      const child = readableFields(role, 'child');
      expect(child.has('age')).toBe(true);
      expect(child.has('dob')).toBe(false);
      expect([...readableFields(role, 'family')].sort()).toEqual([
        'districtCode',
        'headName',
        'headNameLocal',
        'id',
        'stateCode',
        'version',
        'villageId',
      ]);
      expect(readableFields(role, 'member').size).toBe(0);
    }
  });

  it('every field a repository can select is a field of its record type', () => {
    for (const type of ['child', 'family', 'member', 'case', 'caseReferral', 'documentRequest'] as const) {
      const known = new Set(FIELD_POLICY_DATA.records[type].fields as readonly string[]);
      for (const f of mappedFields(type)) expect(known.has(f), `${type}.${f}`).toBe(true);
    }
    expect(RECORD_TYPES).toEqual(
      expect.arrayContaining(['missingRecord', 'missingMatch', 'photo', 'attachment', 'schemeApplication', 'convergenceAction']),
    );
  });
});
