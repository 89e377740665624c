import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appUser } from '../users/users.schema';
import { insertNotifications } from '../cases/notifications.repository';
import { enqueue, type NewOutboxRow } from '../notifications/outbox.repository';
import type { OutboxChannel } from '../notifications/outbox.schema';
import { departmentLabel, formatDate, type DepartmentKind, type IsoDate, type Lang } from './domain';
import type { MemberRow } from './groups.repository';
import { translate } from '../i18n/catalogue';

/**
 * Messages the convergence module sends (through the outbox) and shows in the app
 * (the case module's notification table). They carry ids, department names, group names
 * and dates only: never a child's name, a case's particulars or an action's text
 * (JJ Act 2015 s.74) — the recipient signs in to read the rest.
 */
export type ReminderKind = 'due_soon' | 'overdue';

export const actionRef = (id: string) => `A-${id.slice(0, 8).toUpperCase()}`;

/** How to reach a member: email, else SMS, else the log (still recorded, and shown in the app). */
export function channelFor(m: Pick<MemberRow, 'email' | 'phone'> | null): { channel: OutboxChannel; address: string | null } {
  if (m?.email) return { channel: 'email', address: m.email };
  if (m?.phone) return { channel: 'sms', address: m.phone };
  return { channel: 'log', address: null };
}

export interface Recipient {
  member: MemberRow | null;
  /** Language of the linked user, when known. */
  lang: Lang;
}

export function reminderMessage(
  kind: ReminderKind,
  p: { actionId: string; department: DepartmentKind; group: string; dueDate: IsoDate },
  lang: Lang,
) {
  const due = formatDate(lang, p.dueDate);
  // The words are the shared catalogue's (src/i18n/email-words.ts), as on screen and on paper.
  return {
    subject: translate(lang, `email.reminderSubject.${kind}`, { due }),
    body: translate(lang, 'email.reminderBody', {
      department: departmentLabel(lang, p.department),
      group: p.group,
      ref: actionRef(p.actionId),
      due,
    }),
  };
}

export function noteMessage(p: { group: string; date: IsoDate; count: number; department: DepartmentKind | null }, lang: Lang) {
  const date = formatDate(lang, p.date);
  return {
    subject: translate(lang, 'email.noteSubject', { group: p.group, date }),
    body: p.department
      ? translate(lang, 'email.noteBody', { group: p.group, date, count: p.count, department: departmentLabel(lang, p.department) })
      : translate(lang, 'email.noteBodyFull', { group: p.group, date, count: p.count }),
  };
}

export interface QueuedMessage {
  dedupeKey: string;
  kind: string;
  recipient: MemberRow | null;
  subject: string;
  body: string;
  payload: Record<string, string | number | null>;
  place: { stateCode: number; districtCode: number };
  /** In-app notification for the recipient's user (or organisation). */
  inApp?: { message: string; ref: string; dueAt?: Date | null; caseId?: string | null };
}

/**
 * Queues messages once each (dedupe key) in the caller's transaction, and for each one
 * actually queued adds the in-app notification for the member's user or organisation.
 * Returns how many were queued now.
 */
export async function queueMessages(db: Db, messages: QueuedMessage[], now: Date): Promise<number> {
  if (!messages.length) return 0;
  const rows: NewOutboxRow[] = messages.map((m) => {
    const { channel, address } = channelFor(m.recipient);
    return {
      dedupeKey: m.dedupeKey,
      kind: m.kind,
      channel,
      recipientUserId: m.recipient?.userId ?? null,
      recipientMemberId: m.recipient?.id ?? null,
      recipientAddress: address,
      subject: m.subject,
      body: m.body,
      payload: m.payload,
      stateCode: m.place.stateCode,
      districtCode: m.place.districtCode,
      nextAttemptAt: now,
      createdAt: now,
    };
  });
  const queued = new Set((await enqueue(db, rows)).map((r) => r.dedupeKey));
  const inApp = messages
    .filter((m) => queued.has(m.dedupeKey) && m.inApp && (m.recipient?.userId || m.recipient?.organisationId))
    .map((m) => ({
      userId: m.recipient!.userId ?? null,
      unitId: m.recipient!.userId ? null : m.recipient!.organisationId,
      kind: m.kind,
      caseId: m.inApp!.caseId ?? null,
      ref: m.inApp!.ref,
      dueAt: m.inApp!.dueAt ?? null,
      message: m.inApp!.message,
      createdAt: now,
    }));
  await insertNotifications(db, inApp);
  return queued.size;
}

/** The language each linked user reads in (for their messages). */
export async function languagesOf(db: Db, userIds: string[]): Promise<Map<string, Lang>> {
  if (!userIds.length) return new Map();
  const rows = await db.select({ id: appUser.id, language: appUser.language }).from(appUser).where(inArray(appUser.id, userIds));
  return new Map(rows.map((r) => [r.id, (['en', 'hi', 'mr'].includes(r.language) ? r.language : 'en') as Lang]));
}
