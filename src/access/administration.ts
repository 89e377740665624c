import { HttpError } from '../http/errors';
import { covers, type Scope, type ScopeLevel } from './policy';
import type { Role } from './roles';

/**
 * Who administers what: an administrator (`users.manage`) creates organisations and users,
 * and assigns roles, only inside their own jurisdiction. The same `covers` rule as every
 * record (policy.ts), extended to places that are a whole state or the whole country,
 * which `covers` (made for records, that always sit in a district) does not take.
 *
 * Granting a role is placing a user somewhere: a district administrator can make users of
 * their district and the places in it (an administrator too, at district level or below),
 * never a state-wide or national user, nor anyone in another district.
 */
export interface HierarchyPlace {
  level: ScopeLevel;
  stateCode?: number | null;
  districtCode?: number | null;
  subdistrictCode?: number | null;
  blockCode?: number | null;
  villageId?: string | null;
}

/** Does `scope` take in the whole of `place` (a state, a district, a taluka, a block, a village)? */
export function coversPlace(scope: Scope, place: HierarchyPlace): boolean {
  if (scope.level === 'national') return true;
  if (place.level === 'national' || place.stateCode == null) return false;
  if (place.level === 'state' || place.districtCode == null) return scope.level === 'state' && scope.stateCode === place.stateCode;
  return covers(scope, {
    stateCode: place.stateCode,
    districtCode: place.districtCode,
    subdistrictCode: place.subdistrictCode ?? null,
    blockCode: place.blockCode ?? null,
    villageId: place.villageId ?? null,
  });
}

/** 403 naming the field when the place is not inside the administrator's jurisdiction. */
export function requireAdministers(scope: Scope, place: HierarchyPlace, field: string, what = 'place'): void {
  if (!coversPlace(scope, place)) {
    throw new HttpError(403, 'outside_jurisdiction', `The ${what} is outside your jurisdiction`, [
      { field, message: 'is outside your jurisdiction' },
    ]);
  }
}

/**
 * Roles that exist at one level only: the State Child Protection Society's officer works the
 * whole state (JJ Act 2015 s.106). Other roles may be given at any level.
 */
export const ROLE_LEVELS: Partial<Record<Role, readonly ScopeLevel[]>> = {
  scps_officer: ['state'],
};

/** Why `role` cannot be given with a jurisdiction at `level`, or null. */
export function roleLevelProblem(role: Role, level: ScopeLevel): string | null {
  const levels = ROLE_LEVELS[role];
  if (!levels || levels.includes(level)) return null;
  return `a ${role.replace(/_/g, ' ')} works at ${levels.join(' or ')} level; give a ${levels.join(' or ')} jurisdiction (st:…)`;
}
