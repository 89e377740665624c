import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AppContext } from '../http/context';
import { jurisdictionWhere, requirePermission, type Actor, type Placement } from '../access/policy';
import { HttpError, notFound } from '../http/errors';
import { identityWithheldWhere, initialsOf } from '../access/fields';
import { audit } from '../audit/audit.service';
import { child, family, possibleDuplicate, recordMerge } from './registry.schema';
import { indexKeys } from './name-index';
import type { ImportRow } from './import/import.row';

/**
 * Pairs held as likely duplicates, waiting for a person to decide (one child, one record): import
 * rows not created, and records a form saved anyway with a reason (`source: 'form'`).
 */
export async function listPossibleDuplicates(ctx: AppContext, actor: Actor, status: 'open' | 'same_child' | 'different_child' = 'open') {
  requirePermission(actor, 'registry.read');
  const incomingChild = alias(child, 'incoming_child');
  const incomingFamily = alias(family, 'incoming_family');
  const existingFamily = alias(family, 'existing_family');
  const summary = (t: typeof child | typeof incomingChild) => ({
    id: t.id,
    name: t.name,
    nameLocal: t.nameLocal,
    sex: t.sex,
    dob: t.dob,
    villageId: t.villageId,
    mergedInto: t.mergedInto,
  });
  const familySummary = (t: typeof family) => ({
    id: t.id,
    name: t.headName,
    nameLocal: t.headNameLocal,
    villageId: t.villageId,
    mergedInto: t.mergedInto,
  });
  // A pair naming a child or family under a CWC non-disclosure order the reader may not see
  // past (JJ Act 2015 s.74): both sides show initials only (`withheldSide`).
  const pd = possibleDuplicate;
  const ids = (...cols: AnyPgColumn[]) => sql`(SELECT x FROM unnest(ARRAY[${sql.join(cols, sql`, `)}]::uuid[]) AS x)`;
  const nd = identityWithheldWhere(actor, {
    childIdIn: ids(pd.existingChildId, pd.incomingId),
    familyIdIn: ids(pd.existingFamilyId, pd.incomingId),
  });
  const rows = await ctx.db
    .select({
      nd: sql<boolean>`${nd}`.mapWith(Boolean),
      dup: possibleDuplicate,
      existing: summary(child),
      incomingChild: summary(incomingChild),
      existingFamily: familySummary(existingFamily as unknown as typeof family),
      incomingFamily: familySummary(incomingFamily as unknown as typeof family),
      mergeId: recordMerge.id,
    })
    .from(possibleDuplicate)
    .leftJoin(child, eq(child.id, possibleDuplicate.existingChildId))
    .leftJoin(incomingChild, and(eq(incomingChild.id, possibleDuplicate.incomingId), eq(possibleDuplicate.subjectType, 'child')))
    .leftJoin(existingFamily, eq(existingFamily.id, possibleDuplicate.existingFamilyId))
    .leftJoin(incomingFamily, and(eq(incomingFamily.id, possibleDuplicate.incomingId), eq(possibleDuplicate.subjectType, 'family')))
    .leftJoin(recordMerge, and(eq(recordMerge.duplicateId, possibleDuplicate.id), isNull(recordMerge.undoneAt)))
    .where(and(eq(possibleDuplicate.status, status), jurisdictionWhere(actor, possibleDuplicate)))
    .orderBy(desc(possibleDuplicate.score), desc(possibleDuplicate.createdAt))
    .limit(200);
  await audit(
    ctx.db,
    actor,
    'list',
    'possible_duplicate',
    null,
    null,
    { ids: rows.map((r) => r.dup.id) },
    {
      children: rows.flatMap((r) => [r.existing?.id, r.incomingChild?.id]),
      families: rows.flatMap((r) => [r.existingFamily?.id, r.incomingFamily?.id]),
    },
  );
  return {
    items: rows.map((r) => {
      const isFamily = r.dup.subjectType === 'family';
      return {
        id: r.dup.id,
        subjectType: r.dup.subjectType,
        source: r.dup.source,
        sourceLine: r.dup.sourceLine,
        score: r.dup.score,
        status: r.dup.status,
        reason: r.dup.reason,
        createdAt: r.dup.createdAt,
        // An import row not created is described by what the file said; a saved record by itself.
        incoming: withheldSide(r.nd, r.dup.incomingId ? (isFamily ? r.incomingFamily : r.incomingChild) : r.dup.incoming),
        existing: withheldSide(r.nd, isFamily ? r.existingFamily : r.existing),
        mergeId: r.mergeId,
        ...(r.nd ? { initialsOnly: true as const } : {}),
      };
    }),
  };
}

/**
 * One side of a pair under a non-disclosure order the reader may not see past: its id, the
 * initials of its name (an import row: of the child's and the family head's), nothing else.
 */
function withheldSide<T extends Record<string, unknown> | null>(nd: boolean, side: T): T {
  if (!nd || !side) return side;
  const name = (side.name ?? side.head_name ?? null) as string | null;
  return { id: (side.id as string | undefined) ?? null, name: initialsOf(name) } as unknown as T;
}

/** "same_child" closes the flag; "different_child" creates the child (and family) the row described. */
export async function resolvePossibleDuplicate(ctx: AppContext, actor: Actor, id: string, decision: 'same_child' | 'different_child') {
  requirePermission(actor, 'registry.write');
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx
      .select()
      .from(possibleDuplicate)
      .where(and(eq(possibleDuplicate.id, id), jurisdictionWhere(actor, possibleDuplicate)))
      .for('update');
    if (!dup) throw notFound('Possible duplicate');
    if (dup.status !== 'open') throw new HttpError(409, 'already_resolved', `This row was already resolved as ${dup.status}`);
    let createdChildId: string | null = null;
    // A form pair: both records exist already; "different" closes the flag, "same" is a merge.
    if (dup.incomingId) {
      if (decision === 'same_child')
        throw new HttpError(
          409,
          'merge_instead',
          'Both records exist: merge them (POST /possible-duplicates/:id/merge) to record that they are one child',
          [{ field: 'decision', message: 'use merge for two saved records' }],
        );
    } else if (decision === 'different_child') {
      const row = dup.incoming as ImportRow & { dob: string; place: Placement };
      const [f] = await tx
        .insert(family)
        .values({
          ...row.place,
          headName: row.head_name,
          headNameLocal: row.head_name_local ?? null,
          nameKeys: indexKeys(row.head_name, row.head_name_local),
          caregiverType: row.caregiver_type,
          annualIncome: row.annual_income ?? null,
          vulnerabilityFactors: row.vulnerability_factors ?? [],
          createdBy: actor.userId,
        })
        .returning({ id: family.id });
      const [c] = await tx
        .insert(child)
        .values({
          ...row.place,
          familyId: f.id,
          name: row.child_name,
          nameLocal: row.child_name_local ?? null,
          nameKeys: indexKeys(row.child_name, row.child_name_local),
          sex: row.sex,
          dob: row.dob,
          dobEstimated: !row.dob,
          careStatus: row.care_status,
          schoolStatus: row.school_status ?? null,
          createdBy: actor.userId,
        })
        .returning({ id: child.id });
      createdChildId = c.id;
      await audit(tx, actor, 'create', 'child', c.id, row.place, { from: 'possible_duplicate', duplicateId: id });
    }
    await tx
      .update(possibleDuplicate)
      .set({ status: decision, resolvedBy: actor.userId, resolvedAt: ctx.now() })
      .where(eq(possibleDuplicate.id, id));
    await audit(tx, actor, 'update', 'possible_duplicate', id, dup, { decision });
    return { id, status: decision, createdChildId };
  });
}
