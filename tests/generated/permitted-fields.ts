import type { Role } from '../../src/access/roles';

/**
 * What of a record each role may receive: the one place the access matrix reads its field
 * expectations from.
 *
 * TODO(#12): switch to the permitted-fields policy in src/access/fields.ts when it lands
 * (`permittedFields` should then just call it), and delete this table.
 *
 * 'all' means every field of the record. Otherwise the set of keys an object describing that
 * record (identified by its `id`) may carry in any response to that role.
 */
export type RecordType = 'child' | 'family' | 'member' | 'case';

/** The minimal registry view (JJ Act 2015 s.74: disclose no more than needed): name, age, sex, village. */
const MINIMAL: Record<RecordType, readonly string[]> = {
  child: [
    'id',
    'stateCode',
    'districtCode',
    'subdistrictCode',
    'blockCode',
    'villageId',
    'villageName',
    'name',
    'nameLocal',
    'sex',
    'age',
    'ageYears',
    'mergedInto',
    'version',
    'view',
  ],
  family: [
    'id',
    'stateCode',
    'districtCode',
    'subdistrictCode',
    'blockCode',
    'villageId',
    'villageName',
    'headName',
    'headNameLocal',
    'version',
    'view',
  ],
  member: ['id', 'name', 'nameLocal', 'relationship', 'sex', 'age'],
  // "Names only" for the helpline (README); the referred part for a department.
  case: ['id', 'number', 'childId', 'childName', 'name', 'status', 'stateCode', 'districtCode', 'villageId', 'view', 'access'],
};

const MINIMAL_ROLES: readonly Role[] = ['nodal_officer', 'helpline_operator'];

export function permittedFields(role: Role, recordType: RecordType): 'all' | ReadonlySet<string> {
  if (!MINIMAL_ROLES.includes(role)) return 'all';
  // A department sees the referred part of a case referred to it (cases.access.ts): not checked here yet.
  if (recordType === 'case' && role === 'nodal_officer') return 'all';
  return new Set(MINIMAL[recordType]);
}
