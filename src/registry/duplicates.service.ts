import { and, desc, eq } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { jurisdictionWhere, requirePermission, type Actor, type Placement } from '../access/policy';
import { HttpError, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { child, family, possibleDuplicate } from './registry.schema';
import { indexKeys } from './name-index';
import type { ImportRow } from './import/import.row';

/** Import rows held back as likely duplicates, waiting for a person to decide (JJ Act: one child, one record). */
export async function listPossibleDuplicates(ctx: AppContext, actor: Actor, status: 'open' | 'same_child' | 'different_child' = 'open') {
  requirePermission(actor, 'registry.read');
  const rows = await ctx.db
    .select({ dup: possibleDuplicate, existing: { id: child.id, name: child.name, nameLocal: child.nameLocal, sex: child.sex, dob: child.dob, villageId: child.villageId } })
    .from(possibleDuplicate)
    .leftJoin(child, eq(child.id, possibleDuplicate.existingChildId))
    .where(and(eq(possibleDuplicate.status, status), jurisdictionWhere(actor, possibleDuplicate)))
    .orderBy(desc(possibleDuplicate.score))
    .limit(200);
  await audit(ctx.db, actor, 'list', 'possible_duplicate', null, null, { ids: rows.map((r) => r.dup.id) }, { children: rows.map((r) => r.existing?.id) });
  return { items: rows.map((r) => ({ ...r.dup, existing: r.existing })) };
}

/** "same_child" closes the flag; "different_child" creates the child (and family) the row described. */
export async function resolvePossibleDuplicate(ctx: AppContext, actor: Actor, id: string, decision: 'same_child' | 'different_child') {
  requirePermission(actor, 'registry.write');
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx.select().from(possibleDuplicate).where(and(eq(possibleDuplicate.id, id), jurisdictionWhere(actor, possibleDuplicate))).for('update');
    if (!dup) throw notFound('Possible duplicate');
    if (dup.status !== 'open') throw new HttpError(409, 'already_resolved', `This row was already resolved as ${dup.status}`);
    let createdChildId: string | null = null;
    if (decision === 'different_child') {
      const row = dup.incoming as ImportRow & { dob: string; place: Placement };
      const [f] = await tx.insert(family).values({
        ...row.place, headName: row.head_name, headNameLocal: row.head_name_local ?? null, nameKeys: indexKeys(row.head_name, row.head_name_local),
        caregiverType: row.caregiver_type, annualIncome: row.annual_income ?? null, vulnerabilityFactors: row.vulnerability_factors ?? [], createdBy: actor.userId,
      }).returning({ id: family.id });
      const [c] = await tx.insert(child).values({
        ...row.place, familyId: f.id, name: row.child_name, nameLocal: row.child_name_local ?? null, nameKeys: indexKeys(row.child_name, row.child_name_local),
        sex: row.sex, dob: row.dob, dobEstimated: !row.dob, careStatus: row.care_status, schoolStatus: row.school_status ?? null, createdBy: actor.userId,
      }).returning({ id: child.id });
      createdChildId = c.id;
      await audit(tx, actor, 'create', 'child', c.id, row.place, { from: 'possible_duplicate', duplicateId: id });
    }
    await tx.update(possibleDuplicate).set({ status: decision }).where(eq(possibleDuplicate.id, id));
    await audit(tx, actor, 'update', 'possible_duplicate', id, dup, { decision });
    return { id, status: decision, createdChildId };
  });
}
