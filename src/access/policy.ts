import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { HttpError } from '../http/errors';
import { roleHas, type Permission, type Role } from './roles';
import { readSetName } from './fields/load';

/**
 * The one place access rules live. Every repository that lists, reads, counts or exports
 * a child's or family's record builds its WHERE clause with `jurisdictionWhere`, so a
 * record outside the actor's jurisdiction never leaves the database.
 */
export type ScopeLevel = 'national' | 'state' | 'district' | 'subdistrict' | 'block' | 'village';

export interface Scope {
  level: ScopeLevel;
  stateCode?: number | null;
  districtCode?: number | null;
  subdistrictCode?: number | null;
  blockCode?: number | null;
  villageId?: string | null;
}

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  organisationKind: string | null;
  scope: Scope;
  ip?: string;
}

/** Where a record sits. */
export interface Placement {
  stateCode: number;
  districtCode: number;
  subdistrictCode?: number | null;
  blockCode?: number | null;
  villageId?: string | null;
}

export interface ScopeColumns {
  stateCode: AnyPgColumn;
  districtCode: AnyPgColumn;
  subdistrictCode?: AnyPgColumn;
  blockCode?: AnyPgColumn;
  villageId?: AnyPgColumn;
}

const never = sql`false`;

export function jurisdictionWhere(actor: Actor, cols: ScopeColumns): SQL {
  const s = actor.scope;
  if (s.level === 'national') return sql`true`;
  // Every level below the nation names the actor's state, even where the district implies it:
  // PostgreSQL then plans a lookup by id on a state-partitioned table against one state's
  // partition instead of every state's (docs/SCALE.md §3). A scope without its state sees nothing.
  if (s.stateCode == null) return never;
  const inState = (c?: SQL) => and(eq(cols.stateCode, s.stateCode!), c)!;
  switch (s.level) {
    case 'state':
      return inState();
    case 'district':
      return s.districtCode == null ? never : inState(eq(cols.districtCode, s.districtCode));
    case 'subdistrict':
      return s.subdistrictCode == null || !cols.subdistrictCode
        ? never
        : inState(and(eq(cols.districtCode, s.districtCode!), eq(cols.subdistrictCode, s.subdistrictCode))!);
    case 'block':
      return s.blockCode == null || !cols.blockCode
        ? never
        : inState(and(eq(cols.districtCode, s.districtCode!), eq(cols.blockCode, s.blockCode))!);
    case 'village':
      return s.villageId == null || !cols.villageId
        ? never
        : inState(and(eq(cols.districtCode, s.districtCode!), eq(cols.villageId, s.villageId))!);
  }
}

/** The same rule as jurisdictionWhere, for a single placement (used before writes). */
export function covers(scope: Scope, p: Placement): boolean {
  if (scope.level === 'national') return true;
  if (scope.stateCode == null || p.stateCode !== scope.stateCode) return false;
  switch (scope.level) {
    case 'state':
      return true;
    case 'district':
      return scope.districtCode != null && p.districtCode === scope.districtCode;
    case 'subdistrict':
      return scope.subdistrictCode != null && p.districtCode === scope.districtCode && p.subdistrictCode === scope.subdistrictCode;
    case 'block':
      return scope.blockCode != null && p.districtCode === scope.districtCode && p.blockCode === scope.blockCode;
    case 'village':
      return scope.villageId != null && p.districtCode === scope.districtCode && p.villageId === scope.villageId;
  }
}

/**
 * The actor's state as a condition on a state-partitioned table's `state_code`, for a read that
 * may first try the actor's own state (one partition) before every state's (a record the actor
 * sees outside their jurisdiction: a case transferred to their unit from another state). None
 * for a national actor, who scans every partition (docs/SCALE.md §3).
 */
export function actorStateWhere(actor: Actor, stateCode: AnyPgColumn): SQL | undefined {
  const s = actor.scope;
  return s.level === 'national' || s.stateCode == null ? undefined : eq(stateCode, s.stateCode);
}

export function can(actor: Actor, permission: Permission): boolean {
  return roleHas(actor.role, permission);
}

/** 403 when the role lacks the right, whatever the record: it reveals nothing about records. */
export function requirePermission(actor: Actor, ...anyOf: Permission[]): void {
  if (!anyOf.some((p) => can(actor, p))) {
    throw new HttpError(403, 'forbidden', `Your role (${actor.role}) may not do this (needs ${anyOf.join(' or ')})`);
  }
}

/** Before writing a record at a place: outside the jurisdiction is refused like a missing record. */
export function requireCovers(actor: Actor, p: Placement, what = 'location'): void {
  if (!covers(actor.scope, p)) {
    throw new HttpError(403, 'outside_jurisdiction', `The ${what} is outside your jurisdiction`);
  }
}

/**
 * Full record, or the minimal view a department nodal officer or helpline operator gets: a
 * thin wrapper over the permitted-fields policy (fields/policy.data.ts, the child's read set),
 * gated by the registry permission. Repositories select through `permittedColumns` (fields.ts).
 */
export function registryView(actor: Actor): 'full' | 'minimal' | null {
  if (!can(actor, 'registry.read') && !can(actor, 'registry.read.minimal')) return null;
  const set = readSetName(actor.role, 'child');
  return set === 'full' || set === 'minimal' ? set : null;
}

/**
 * Actions a permission alone does not decide, because they change something for more than one
 * district: the permission they need and the jurisdiction levels allowed to take them. Kept here,
 * next to the permissions, so the one policy decides them (services ask `mayAct`/`requireScope`).
 */
export const SCOPE_REQUIREMENTS = {
  // The match model is the deployment's (every district's matching uses it): one district's
  // reviewers must not replace it, so a state or national officer refits or rolls it back.
  'missing.model.replace': {
    permission: 'missing.model',
    levels: ['state', 'national'],
    code: 'refit_needs_state_scope',
    message: 'A refit changes matching for the whole state: a state officer refits',
    reason: 'a refit needs a state-wide or national jurisdiction',
  },
} as const satisfies Record<
  string,
  { permission: Permission; levels: readonly ScopeLevel[]; code: string; message: string; reason: string }
>;

export type ScopedAction = keyof typeof SCOPE_REQUIREMENTS;

/** Whether the actor has the action's permission and a jurisdiction at one of its levels. */
export function mayAct(actor: Actor, action: ScopedAction): boolean {
  const r = SCOPE_REQUIREMENTS[action];
  return can(actor, r.permission) && (r.levels as readonly ScopeLevel[]).includes(actor.scope.level);
}

/** 403 `forbidden` without the permission; 403 with the action's code (field `scope`) at a narrower jurisdiction. */
export function requireScope(actor: Actor, action: ScopedAction): void {
  const r = SCOPE_REQUIREMENTS[action];
  requirePermission(actor, r.permission);
  if (!mayAct(actor, action)) throw new HttpError(403, r.code, r.message, [{ field: 'scope', message: r.reason }]);
}
