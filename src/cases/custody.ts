import { covers, requireCovers, type Actor, type Placement, type Scope } from '../access/policy';
import { roleHas, type Role } from '../access/roles';
import { badRequest } from '../http/errors';
import type { CaseFacts, TransferRecord } from './domain';
import type { OrganisationRow, UserFacts } from './cases.repository';

/**
 * Who may hold a case and who may move it between districts. The case's owner (a person)
 * and owning unit see the whole case wherever it sits (cases.access.ts), so handing a case to
 * someone is a disclosure: it goes only to people and units that work where the case is.
 * Every test of a place is `covers` from src/access/policy.ts, the rule the SQL applies.
 *
 * - Owner (owner_changed, escalation, return down, transfer acceptance): an active person whose
 *   role works cases (cases.write) and who works in the case's district (any level inside it)
 *   or above it (state); the unit likewise.
 * - Transfer (JJ Act 2015 s.95): the receiving unit lies in the
 *   target district; only a person whose jurisdiction covers that district accepts or rejects
 *   it; the requesting side (the requester, the case's owner or owning unit, or whoever covers
 *   the place the case is in now) may withdraw it until it is decided.
 */

/** The district a place lies in, as a jurisdiction. */
const districtOf = (p: Pick<Placement, 'stateCode' | 'districtCode'>): Scope => ({
  level: 'district',
  stateCode: p.stateCode,
  districtCode: p.districtCode,
});

/** The area an organisation works in: its district, else its state, else the whole country. */
export function unitScope(org: Pick<OrganisationRow, 'stateCode' | 'districtCode'>): Scope {
  if (org.districtCode != null) return { level: 'district', stateCode: org.stateCode, districtCode: org.districtCode };
  if (org.stateCode != null) return { level: 'state', stateCode: org.stateCode };
  return { level: 'national' };
}

/** A jurisdiction that lies inside the district of `place` (the district itself, a taluka, block or village of it). */
function insideDistrictOf(scope: Scope, place: Placement): boolean {
  if (scope.stateCode == null || scope.districtCode == null) return false;
  return covers(districtOf(place), { stateCode: scope.stateCode, districtCode: scope.districtCode });
}

/** Works where the case is: inside its district, or over it (a state society, a state officer). */
export function worksAt(scope: Scope, place: Placement): boolean {
  return covers(scope, place) || insideDistrictOf(scope, place);
}

/** 400 naming `field` unless the person may own a case at `place`. */
export function requireOwner(user: UserFacts | null, place: Placement, field: string): UserFacts {
  if (!user || !user.active) throw badRequest(field, 'no such active user');
  if (!roleHas(user.role as Role, 'cases.write')) throw badRequest(field, `a ${user.role.replace(/_/g, ' ')} does not work cases`);
  if (!worksAt(user.scope as Scope, place)) {
    throw badRequest(field, `must be someone working in district ${place.districtCode}, where the case is`);
  }
  return user;
}

/** 400 naming `field` unless the unit may own a case at `place`. */
export function requireOwningUnit(org: OrganisationRow | null, place: Placement, field: string): OrganisationRow {
  if (!org) throw badRequest(field, 'no such organisation');
  if (!worksAt(unitScope(org), place))
    throw badRequest(field, `must be an organisation of district ${place.districtCode}, where the case is`);
  return org;
}

/** The place a transfer moves the case to. */
export const transferTarget = (t: Pick<TransferRecord, 'toStateCode' | 'toDistrictCode'>): Placement => ({
  stateCode: Number(t.toStateCode),
  districtCode: Number(t.toDistrictCode),
});

/** 400 naming `field` unless the unit lies in the district the case is transferred to. */
export function requireReceivingUnit(org: OrganisationRow | null, target: Placement, field: string): OrganisationRow {
  if (!org) throw badRequest(field, 'no such organisation');
  if (!insideDistrictOf(unitScope(org), target)) {
    throw badRequest(field, `must be an organisation of district ${target.districtCode}, the district receiving the case`);
  }
  return org;
}

/** Accepting or rejecting a transfer: 403 unless the actor's jurisdiction covers the receiving district. */
export function requireReceivingSide(actor: Actor, t: TransferRecord): void {
  requireCovers(actor, transferTarget(t), 'receiving district');
}

/** Withdrawing a transfer: 403 unless the actor is on the requesting side. */
export function requireRequestingSide(actor: Actor, t: TransferRecord, facts: CaseFacts, place: Placement): void {
  const mine = (who: { user: string | null; unit: string }) =>
    who.user === actor.userId || (actor.organisationId != null && who.unit === actor.organisationId);
  if (mine(t.requestedBy) || mine(facts.owner)) return;
  requireCovers(actor, place, 'case');
}
