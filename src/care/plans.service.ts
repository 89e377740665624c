import { eq } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { covers, requirePermission, type Actor } from '../access/policy';
import { requireWritable } from '../access/fields';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { carePlan, carePlanReview } from './care.schema';
import { lockStay, reviewsOf, selectPlans } from './care.repository';
import { nextReviewAfter } from './domain';
import type { PlanInput, PlanView, ReviewInput } from './care.model';
import { progressOf } from './records.service';

/**
 * The Individual Care Plan (JJ Model Rules 2016 Form 7) of a child in an institution and its
 * periodic reviews; the next review's date comes from the timelines data (domain/timelines.json).
 */

export async function planOfStay(db: Db, actor: Actor, today: string, stayId: string) {
  const [p] = await selectPlans(db, actor, today, [eq(carePlan.stayId, stayId)]);
  if (!p) return null;
  const reviews = (await reviewsOf(db, [p.id as string])).map((r) => ({
    reviewedOn: r.reviewedOn,
    outcome: r.outcome,
    notes: r.notes,
    nextReviewDue: r.nextReviewDue,
  }));
  const progress = (await progressOf(db, [p.id as string])).map(({ on, domain, note }) => ({ on, domain, note }));
  return { ...(p as Record<string, unknown>), reviews, progress, overdue: (p.nextReviewDue as string) < today } as unknown as PlanView;
}

export async function preparePlan(ctx: AppContext, actor: Actor, stayId: string, input: PlanInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'carePlan', ['stayId', 'preparedOn', 'preferredOption', 'goals']);
  const today = istToday(ctx.now());
  if (input.preparedOn > today) throw badRequest('preparedOn', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const stay = await lockStay(tx, stayId);
    if (!stay || !covers(actor.scope, stay)) throw notFound('Stay');
    if (stay.status === 'left')
      throw new HttpError(409, 'stay_ended', 'The child has left the institution', [{ field: 'stayId', message: 'the stay has ended' }]);
    if (input.preparedOn < stay.admittedOn) throw badRequest('preparedOn', `must be on or after the admission (${stay.admittedOn})`);
    const [exists] = await tx.select({ id: carePlan.id }).from(carePlan).where(eq(carePlan.stayId, stayId));
    if (exists)
      throw new HttpError(409, 'plan_exists', 'The stay has a care plan: review it instead', [
        { field: 'stayId', message: 'already has a care plan' },
      ]);
    const [row] = await tx
      .insert(carePlan)
      .values({
        stayId,
        childId: stay.childId,
        stateCode: stay.stateCode,
        districtCode: stay.districtCode,
        preparedOn: input.preparedOn,
        preferredOption: input.preferredOption,
        goals: input.goals,
        nextReviewDue: nextReviewAfter(input.preparedOn),
        institutionId: stay.institutionId,
        createdBy: actor.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await audit(tx, actor, 'create', 'care_plan', row.id, stay, { stayId, goals: input.goals.length }, { children: [stay.childId] });
    return (await planOfStay(tx, actor, today, stayId))!;
  });
}

export async function reviewPlan(ctx: AppContext, actor: Actor, planId: string, input: ReviewInput) {
  requirePermission(actor, 'care.write');
  requireWritable(actor, 'carePlan', ['reviews', 'nextReviewDue']);
  const today = istToday(ctx.now());
  if (input.reviewedOn > today) throw badRequest('reviewedOn', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const [plan] = await tx.select().from(carePlan).where(eq(carePlan.id, planId)).for('update');
    if (!plan || !covers(actor.scope, plan)) throw notFound('Care plan');
    if (plan.version !== input.version) throw conflict('The care plan was reviewed by someone else', { version: plan.version });
    const reviews = await reviewsOf(tx, [planId]);
    const last = reviews.at(-1)?.reviewedOn ?? plan.preparedOn;
    if (input.reviewedOn < last) throw badRequest('reviewedOn', `must be on or after the last review or the plan (${last})`);
    const next = nextReviewAfter(input.reviewedOn);
    await tx.insert(carePlanReview).values({
      planId,
      reviewedOn: input.reviewedOn,
      outcome: input.outcome,
      notes: input.notes ?? null,
      nextReviewDue: next,
      byUser: actor.userId,
      at: ctx.now(),
    });
    await tx
      .update(carePlan)
      .set({ nextReviewDue: next, version: plan.version + 1, updatedAt: ctx.now() })
      .where(eq(carePlan.id, planId));
    await audit(tx, actor, 'update', 'care_plan', planId, plan, { review: input.outcome }, { children: [plan.childId] });
    return (await planOfStay(tx, actor, today, plan.stayId))!;
  });
}
