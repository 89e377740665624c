import { and, asc, eq, inArray, lt, lte, ne, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { addDays, type DepartmentKind } from './domain';
import { convergenceAction, convergenceGroup } from './convergence.schema';
import { istDay } from './convergence.time';
import { membersOf, type MemberRow } from './groups.repository';
import { languagesOf, queueMessages, reminderMessage, type QueuedMessage, type ReminderKind } from './notify';

export interface ReminderOptions {
  /** A reminder goes this many days before the due date (and once more when it is overdue). */
  daysBefore?: number;
  batch?: number;
}

export const DEFAULT_REMINDER_DAYS_BEFORE = 3;

/**
 * Scans action items by due date and queues reminders, each once: "due soon" when the due
 * date is `daysBefore` days away or less, "overdue" the day after it passes. Items are
 * claimed in batches with FOR UPDATE SKIP LOCKED (the case module's overdue-sweep pattern)
 * and their reminder_stage advanced in the same transaction, so scans running at once on
 * several servers never queue one twice (the outbox's dedupe key guards it as well).
 * Recipients: the seats of the assigned department in the group (the named officer only,
 * when there is one; the named organisation's, when the action has one). Returns the number
 * of messages queued.
 */
export async function scanReminders(db: Db, now: Date, opts: ReminderOptions = {}): Promise<number> {
  const today = istDay(now);
  const soon = addDays(today, opts.daysBefore ?? DEFAULT_REMINDER_DAYS_BEFORE);
  const batch = opts.batch ?? 500;
  let total = 0;
  for (;;) {
    const [claimed, queued] = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(convergenceAction)
        .where(
          and(
            ne(convergenceAction.status, 'done'),
            or(
              and(eq(convergenceAction.reminderStage, 'none'), lte(convergenceAction.dueDate, soon)),
              and(ne(convergenceAction.reminderStage, 'overdue'), lt(convergenceAction.dueDate, today)),
            ),
          ),
        )
        .orderBy(asc(convergenceAction.dueDate), asc(convergenceAction.id))
        .limit(batch)
        .for('update', { of: convergenceAction, skipLocked: true });
      if (!rows.length) return [0, 0];
      const groupIds = [...new Set(rows.map((r) => r.groupId))];
      const groups = new Map(
        (
          await tx
            .select({ id: convergenceGroup.id, name: convergenceGroup.name })
            .from(convergenceGroup)
            .where(inArray(convergenceGroup.id, groupIds))
        ).map((g) => [g.id, g.name]),
      );
      const members = await membersOf(tx, groupIds);
      const langs = await languagesOf(
        tx,
        members.map((m) => m.userId).filter((x): x is string => !!x),
      );
      const messages: QueuedMessage[] = [];
      for (const a of rows) {
        const kind: ReminderKind = a.dueDate < today ? 'overdue' : 'due_soon';
        const seated = (m: MemberRow) =>
          m.groupId === a.groupId && (m.since === null || m.since <= today) && (m.until === null || today <= m.until);
        let to = members.filter(
          (m) => seated(m) && m.department === a.department && (!a.organisationId || m.organisationId === a.organisationId),
        );
        if (a.officerMemberId && to.some((m) => m.id === a.officerMemberId)) to = to.filter((m) => m.id === a.officerMemberId);
        const recipients: (MemberRow | null)[] = to.length ? to : [null];
        for (const m of recipients) {
          const lang = (m?.userId && langs.get(m.userId)) || 'en';
          const msg = reminderMessage(
            kind,
            { actionId: a.id, department: a.department as DepartmentKind, group: groups.get(a.groupId) ?? '', dueDate: a.dueDate },
            lang,
          );
          messages.push({
            dedupeKey: `conv.action.${kind}:${a.id}:${m?.id ?? 'department'}`,
            kind: `convergence.reminder.${kind}`,
            recipient: m,
            ...msg,
            payload: { actionId: a.id, department: a.department, dueDate: a.dueDate, lang },
            place: { stateCode: a.stateCode, districtCode: a.districtCode },
            inApp: { message: msg.subject, ref: `action:${a.id}`, dueAt: new Date(`${a.dueDate}T18:29:59Z`), caseId: a.caseId },
          });
        }
      }
      const n = await queueMessages(tx, messages, now);
      for (const stage of ['due_soon', 'overdue'] as const) {
        const ids = rows.filter((a) => (a.dueDate < today ? 'overdue' : 'due_soon') === stage).map((a) => a.id);
        if (ids.length) await tx.update(convergenceAction).set({ reminderStage: stage }).where(inArray(convergenceAction.id, ids));
      }
      return [rows.length, n];
    });
    total += queued;
    if (claimed < batch) return total;
  }
}
