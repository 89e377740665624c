import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { can, covers, jurisdictionWhere, type Actor, type Placement, type ScopeColumns } from '../access/policy';
import { caseRecord } from './cases.schema';

/**
 * Who sees a case: the access rule for case records, applied in SQL like the registry's
 * `jurisdictionWhere` (src/access/policy.ts), so a case outside it never leaves the database.
 *
 * - **Whole case** (history, plan, orders, attachments) for a role with `cases.read` who is
 *   its owner, or in its owning unit (organisation), or whose jurisdiction covers the case's
 *   place (the levels above it: block, district, state), or in the unit a pending transfer
 *   goes to (it must read the case to accept it; JJ Act 2015 s.95).
 * - **Referred part only** for the users of an organisation a service was referred to
 *   (`cases.read` or `cases.referral`): the child's name, that organisation's referrals and
 *   their need, nothing else (JJ Act 2015 s.74: disclose no more than the work needs).
 * - Nothing for everyone else: 404, never a hint that the case exists.
 */
export type CaseAccess = 'full' | 'referral';

/** Columns the rule reads: the case's place and owners (case_record, and copied on case_due). */
export interface CaseAccessColumns extends ScopeColumns {
  ownerUserId: AnyPgColumn;
  ownerUnitId: AnyPgColumn;
  transferToUnitId: AnyPgColumn;
}

/**
 * Owning unit, owner, receiving unit of a pending transfer: who sees a case wherever it is.
 * As disjoint parts, each led by an equality a separate index can answer.
 */
function ownershipParts(actor: Actor, c: CaseAccessColumns): SQL[] {
  const me = eq(c.ownerUserId, actor.userId);
  const org = actor.organisationId;
  if (!org) return [me];
  const notMyUnit = sql`${c.ownerUnitId} IS DISTINCT FROM ${org}`;
  return [
    eq(c.ownerUnitId, org),
    and(me, notMyUnit)!,
    and(eq(c.transferToUnitId, org), notMyUnit, sql`${c.ownerUserId} IS DISTINCT FROM ${actor.userId}`)!,
  ];
}

function ownership(actor: Actor, c: CaseAccessColumns): SQL {
  return or(...ownershipParts(actor, c))!;
}

/** SQL: the actor may read the whole case. */
export function caseVisibleWhere(actor: Actor, c: CaseAccessColumns = caseRecord): SQL {
  if (!can(actor, 'cases.read')) return sql`false`;
  return or(jurisdictionWhere(actor, c), ownership(actor, c))!;
}

/**
 * The same rule as disjoint parts whose union is `caseVisibleWhere`: the cases in the
 * actor's jurisdiction, and those outside it that the actor owns or must take over. A list
 * reads each part on its own index (UNION ALL) instead of OR-ing them, which would make the
 * database visit every row of the district to sort and count.
 */
export function caseVisibleBranches(actor: Actor, c: CaseAccessColumns = caseRecord): SQL[] {
  if (!can(actor, 'cases.read')) return [];
  const inScope = jurisdictionWhere(actor, c);
  if (actor.scope.level === 'national') return [inScope];
  const outside = sql`(${inScope}) IS NOT TRUE`;
  return [inScope, ...ownershipParts(actor, c).map((part) => and(outside, part)!)];
}

/**
 * SQL: the actor's organisation has a referral on the case (the referred part is visible). A case's
 * referral rows are kept in the case's own state (rewritten with the case's place on every change,
 * a transfer to another state included: partition.pg.test.ts), so the check names that state, the
 * partition key, which lets PostgreSQL skip other states' `case_referral` partitions when it probes
 * them case by case (run-time pruning; docs/SCALE.md §3).
 */
export function caseReferredWhere(actor: Actor, c = caseRecord): SQL {
  if (!actor.organisationId || !(can(actor, 'cases.read') || can(actor, 'cases.referral'))) return sql`false`;
  return sql`EXISTS (SELECT 1 FROM case_referral cr WHERE cr.case_id = ${c.id} AND cr.state_code = ${c.stateCode} AND cr.to_org_id = ${actor.organisationId})`;
}

/** SQL: the actor sees the case in some way (used before answering a referral). */
export function caseAnyAccessWhere(actor: Actor, c = caseRecord): SQL {
  return or(caseVisibleWhere(actor, c), caseReferredWhere(actor, c))!;
}

/** SQL: which view of the case the actor gets ('full', 'referral' or NULL). */
export function caseAccessColumn(actor: Actor, c = caseRecord): SQL<CaseAccess | null> {
  return sql<CaseAccess | null>`CASE WHEN ${caseVisibleWhere(actor, c)} THEN 'full' WHEN ${caseReferredWhere(actor, c)} THEN 'referral' END`;
}

/** What the rule needs to know about a case. */
export interface CaseAccessFacts extends Placement {
  ownerUserId: string | null;
  ownerUnitId: string;
  transferToUnitId: string | null;
  /** Organisations that have a referral on the case. */
  referredTo: readonly string[];
}

/**
 * The same rule in plain code, for one case: the property test (cases.scopes.test.ts)
 * checks that the SQL and this agree for every user × role × place.
 */
export function caseAccess(actor: Actor, c: CaseAccessFacts): CaseAccess | null {
  const org = actor.organisationId;
  if (can(actor, 'cases.read')) {
    if (covers(actor.scope, c) || c.ownerUserId === actor.userId) return 'full';
    if (org && (c.ownerUnitId === org || c.transferToUnitId === org)) return 'full';
  }
  if (org && (can(actor, 'cases.read') || can(actor, 'cases.referral')) && c.referredTo.includes(org)) return 'referral';
  return null;
}

/** Condition for one case id with the given access. */
export function oneCase(id: string, where: SQL, c = caseRecord): SQL {
  return and(eq(c.id, id), where)!;
}
