import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { caseDue, caseRecord } from './cases.schema';
import { insertNotifications } from './notifications.repository';
import { istDayOf } from '../kernel/clock';

/** Words for a due item in an alert (no names or particulars of the child: JJ Act 2015 s.74). */
export const DUE_LABELS: Record<string, string> = {
  cwc_production: 'production before the CWC (JJ Act 2015 s.31, 24 hours)',
  sir_submission: 'Social Investigation Report, Form 22 (JJ Act 2015 s.36, 15 days)',
  cwc_final_order: 'CWC final order (JJ Act 2015 s.36, 4 months)',
  lfa_declaration: 'declaration that the child is legally free for adoption, Form 25 (JJ Act 2015 s.38, 2 or 4 months)',
  surrender_reconsideration: "end of the surrendering parents' two months to reconsider (JJ Act 2015 s.35(3))",
  care_plan_review: 'review of the Individual Care Plan (Form 7)',
  referral_response: 'answer to a referral',
  referral_completion: 'referred service',
  escalation_response: 'action on an escalated case',
  post_restoration_follow_up: 'post-restoration follow-up visit',
  transfer_response: 'decision on a case transfer',
  case_review: 'review of an open case with nothing else due',
};

/**
 * Raises one alert per due item that has become overdue and was not alerted yet: to the
 * person it is assigned to, or else to the unit. Batches are claimed with
 * FOR UPDATE SKIP LOCKED, so sweeps running at once on several servers never alert twice.
 * `now` is the application clock (tests move it). Returns the number of alerts raised.
 */
export async function sweepOverdue(db: Db, now: Date, batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await tx
        .select({
          caseId: caseDue.caseId,
          kind: caseDue.kind,
          ref: caseDue.ref,
          dueAt: caseDue.dueAt,
          userId: caseDue.assignedUserId,
          unitId: caseDue.assignedUnitId,
          number: caseRecord.number,
        })
        .from(caseDue)
        .innerJoin(caseRecord, eq(caseRecord.id, caseDue.caseId))
        .where(and(isNull(caseDue.alertedAt), lt(caseDue.dueAt, now)))
        .orderBy(asc(caseDue.dueAt))
        .limit(batch)
        .for('update', { of: caseDue, skipLocked: true });
      if (!due.length) return 0;
      await insertNotifications(
        tx,
        due.map((d) => ({
          userId: d.userId,
          unitId: d.userId ? null : d.unitId,
          kind: `overdue.${d.kind}`,
          caseId: d.caseId,
          ref: d.ref || null,
          dueAt: d.dueAt,
          message: `Overdue on case #${d.number}: ${DUE_LABELS[d.kind] ?? d.kind.replace(/_/g, ' ')}, due ${istDayOf(d.dueAt)}`,
          params: { key: 'alert.overdue' as const, number: Number(d.number), dueKind: d.kind, dueAt: d.dueAt.toISOString() },
          createdAt: now,
        })),
      );
      const keys = due.map((d) => sql`(${d.caseId}::uuid, ${d.kind}, ${d.ref})`);
      await tx
        .update(caseDue)
        .set({ alertedAt: now })
        .where(sql`(${caseDue.caseId}, ${caseDue.kind}, ${caseDue.ref}) IN (${sql.join(keys, sql`, `)})`);
      return due.length;
    });
    total += n;
    if (n < batch) return total;
  }
}
