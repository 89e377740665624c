import { and, desc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { jurisdictionWhere, requirePermission, type Actor } from '../access/policy';
import { HttpError, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { child, family, possibleDuplicate, recordMerge } from './registry.schema';

/**
 * Merging two records of one child (or family) found on the duplicates screen. Nothing is
 * deleted or rewritten: the duplicate is marked `merged_into` the survivor (lists and search then
 * skip it, a link to it leads to the survivor), each record keeps its own history and audit trail,
 * and `undoMerge` restores both exactly. Cases, documents and applications stay on the record
 * they were made on and are found from the survivor's page through the merge.
 */
type Kind = 'child' | 'family';
const table = (k: Kind) => (k === 'child' ? child : family);

export async function mergePair(ctx: AppContext, actor: Actor, duplicateId: string, keep: 'existing' | 'incoming') {
  requirePermission(actor, 'registry.write');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx
      .select()
      .from(possibleDuplicate)
      .where(and(eq(possibleDuplicate.id, duplicateId), jurisdictionWhere(actor, possibleDuplicate)))
      .for('update');
    if (!dup) throw notFound('Possible duplicate');
    if (dup.status !== 'open') throw new HttpError(409, 'already_resolved', `This pair was already resolved as ${dup.status}`);
    const existing = dup.subjectType === 'family' ? dup.existingFamilyId : dup.existingChildId;
    if (!dup.incomingId || !existing) {
      throw new HttpError(
        409,
        'nothing_to_merge',
        'This import row was never created: resolve it as the same child or a different child instead',
        [{ field: 'keep', message: 'only pairs of two saved records can be merged' }],
      );
    }
    const kind = dup.subjectType as Kind;
    const t = table(kind);
    const [survivorId, mergedId] = keep === 'existing' ? [existing, dup.incomingId] : [dup.incomingId, existing];
    const rows = await tx
      .select({ id: t.id, mergedInto: t.mergedInto, stateCode: t.stateCode, districtCode: t.districtCode })
      .from(t)
      .where(and(eq(t.id, mergedId), jurisdictionWhere(actor, t)))
      .for('update');
    const [survivor] = await tx
      .select({ id: t.id, mergedInto: t.mergedInto })
      .from(t)
      .where(and(eq(t.id, survivorId), jurisdictionWhere(actor, t)));
    if (!rows[0] || !survivor) throw notFound(kind === 'child' ? 'Child' : 'Family');
    if (rows[0].mergedInto || survivor.mergedInto)
      throw new HttpError(409, 'already_merged', 'One of the two records is already merged into another');
    await tx.update(t).set({ mergedInto: survivorId, updatedAt: now }).where(eq(t.id, mergedId));
    const [merge] = await tx
      .insert(recordMerge)
      .values({
        subjectType: kind,
        survivorId,
        mergedId,
        duplicateId,
        stateCode: rows[0].stateCode,
        districtCode: rows[0].districtCode,
        mergedBy: actor.userId,
        mergedAt: now,
      })
      .returning();
    await tx
      .update(possibleDuplicate)
      .set({ status: 'same_child', resolvedBy: actor.userId, resolvedAt: now })
      .where(eq(possibleDuplicate.id, duplicateId));
    await audit(tx, actor, 'merge', kind, mergedId, rows[0], { survivorId, mergeId: merge.id, duplicateId });
    await audit(tx, actor, 'merge', kind, survivorId, rows[0], { mergedId, mergeId: merge.id, duplicateId });
    return merge;
  });
}

export async function undoMerge(ctx: AppContext, actor: Actor, mergeId: string) {
  requirePermission(actor, 'registry.write');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [m] = await tx
      .select()
      .from(recordMerge)
      .where(and(eq(recordMerge.id, mergeId), jurisdictionWhere(actor, recordMerge)))
      .for('update');
    if (!m) throw notFound('Merge');
    if (m.undoneAt) throw new HttpError(409, 'already_undone', 'This merge was already undone');
    const t = table(m.subjectType as Kind);
    await tx
      .update(t)
      .set({ mergedInto: null, updatedAt: now })
      .where(and(eq(t.id, m.mergedId), eq(t.mergedInto, m.survivorId)));
    const [undone] = await tx
      .update(recordMerge)
      .set({ undoneAt: now, undoneBy: actor.userId })
      .where(eq(recordMerge.id, mergeId))
      .returning();
    if (m.duplicateId)
      await tx
        .update(possibleDuplicate)
        .set({ status: 'open', resolvedBy: null, resolvedAt: null })
        .where(eq(possibleDuplicate.id, m.duplicateId));
    await audit(tx, actor, 'unmerge', m.subjectType, m.mergedId, m, { survivorId: m.survivorId, mergeId });
    return undone;
  });
}

/** Merges that touch a record (as survivor or merged), newest first, for its page. */
export async function mergesOf(ctx: AppContext, actor: Actor, kind: Kind, id: string) {
  requirePermission(actor, 'registry.read');
  return ctx.db
    .select()
    .from(recordMerge)
    .where(
      and(
        eq(recordMerge.subjectType, kind),
        jurisdictionWhere(actor, recordMerge),
        isNull(recordMerge.undoneAt),
        eq(recordMerge.survivorId, id),
      ),
    )
    .orderBy(desc(recordMerge.mergedAt));
}
