import { eq, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { covers, jurisdictionWhere, type Actor, type Placement } from '../policy';
import { caseNonDisclosureOrder } from '../../cases/disclosure.schema';
import { FIELD_POLICY } from './load';

/**
 * The CWC non-disclosure order (JJ Act 2015 s.74(1)) applied to every record that names a
 * child or the child's family. A record is "identity-withheld" for an actor when a case of
 * its child (or family) is under an order and the actor is not one of those who may still
 * identify the child on that case (policy.data.ts `nonDisclosure`): then a name search does
 * not find it, its name shows initials and the other identifying fields are absent.
 * The SQL (`identityWithheldWhere`) and the plain rule (`identityWithheld`) are the same
 * rule; src/access/fields.property.test.ts checks they agree.
 */

/** A case as the identity rule needs it. */
export interface OrderedCase extends Placement {
  ownerUserId: string | null;
  ownerUnitId: string | null;
  transferToUnitId: string | null;
}

/** Plain rule: may the actor identify the child of this case (under an order)? */
export function mayIdentify(actor: Actor, c: OrderedCase): boolean {
  const nd = FIELD_POLICY.nonDisclosure;
  if (nd.identifyInJurisdiction.includes(actor.role) && covers(actor.scope, c)) return true;
  if (!nd.identifyAsCaseTeam) return false;
  if (c.ownerUserId === actor.userId) return true;
  const org = actor.organisationId;
  return !!org && (c.ownerUnitId === org || c.transferToUnitId === org);
}

/** Plain rule: the record is identity-withheld if any ordered case of its child/family withholds it. */
export function identityWithheld(actor: Actor, orderedCases: readonly OrderedCase[]): boolean {
  return orderedCases.some((c) => !mayIdentify(actor, c));
}

// The order carries its case's place, child, family and team (kept by triggers, migration 1111),
// so the check reads case_non_disclosure_order alone: no case_record partition is planned, wherever
// the ordered case now is (docs/SCALE.md §3). Aliased: the outer query may read the table itself.
const ND_ORDER = 'nd_order';
const ndo = alias(caseNonDisclosureOrder, ND_ORDER);

function mayIdentifySql(actor: Actor): SQL {
  const nd = FIELD_POLICY.nonDisclosure;
  const parts: SQL[] = [];
  if (nd.identifyInJurisdiction.includes(actor.role)) parts.push(jurisdictionWhere(actor, ndo));
  if (nd.identifyAsCaseTeam) {
    parts.push(eq(ndo.ownerUserId, actor.userId));
    if (actor.organisationId) parts.push(eq(ndo.ownerUnitId, actor.organisationId), eq(ndo.transferToUnitId, actor.organisationId));
  }
  return parts.length ? or(...parts)! : sql`false`;
}

/** Whose record it is: the child's id, the family's id, or both (a document request, an application). */
export interface IdentitySubject {
  childId?: AnyPgColumn | SQL;
  familyId?: AnyPgColumn | SQL;
  /** A subquery of child ids (a missing-child match names the children of both its sides). */
  childIdIn?: SQL;
  /** A subquery of family ids (a held pair of possible duplicates names two families). */
  familyIdIn?: SQL;
}

/** SQL boolean: the record is identity-withheld for the actor (never NULL). */
export function identityWithheldWhere(actor: Actor, subject: IdentitySubject): SQL<boolean> {
  const links: SQL[] = [];
  if (subject.childId) links.push(sql`${ndo.childId} = ${subject.childId}`);
  if (subject.familyId) links.push(sql`${ndo.familyId} = ${subject.familyId}`);
  if (subject.childIdIn) links.push(sql`${ndo.childId} IN ${subject.childIdIn}`);
  if (subject.familyIdIn) links.push(sql`${ndo.familyId} IN ${subject.familyIdIn}`);
  if (!links.length) return sql<boolean>`false`;
  return sql<boolean>`EXISTS (SELECT 1 FROM ${caseNonDisclosureOrder} ${sql.identifier(ND_ORDER)}
    WHERE (${or(...links)}) AND (${mayIdentifySql(actor)}) IS NOT TRUE)`;
}

/** SQL: the record may be found by a name search (not identity-withheld). */
export function nameSearchable(actor: Actor, subject: IdentitySubject): SQL {
  return sql`NOT ${identityWithheldWhere(actor, subject)}`;
}

/** "Priya Shinde" → "P. S.": the same as the division-of-labour note's `initialsOf`, in SQL. */
export function initialsSql(name: AnyPgColumn | SQL): SQL<string | null> {
  return sql<string | null>`(SELECT string_agg(upper(left(w, 1)) || '.', ' ' ORDER BY n)
    FROM regexp_split_to_table(${name}, '[[:space:].]+') WITH ORDINALITY AS t(w, n) WHERE w <> '')`;
}

/** The same in plain code. */
export function initialsOf(name: string | null): string | null {
  if (name == null) return null;
  const parts = name.split(/[\s.]+/).filter(Boolean);
  return parts.length ? parts.map((w) => `${[...w][0].toUpperCase()}.`).join(' ') : null;
}
