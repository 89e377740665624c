import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appUser } from '../users/users.schema';
import { notification } from '../cases/cases.schema';
import { enqueue, type NewOutboxRow } from '../notifications/outbox.repository';
import type { OutboxChannel } from '../notifications/outbox.schema';
import { departmentLabel, formatDate, type DepartmentKind, type IsoDate, type Lang } from './domain';
import type { MemberRow } from './groups.repository';

/**
 * Messages the convergence module sends (through the outbox) and shows in the app
 * (the case module's notification table). They carry ids, department names, group names
 * and dates only: never a child's name, a case's particulars or an action's text
 * (JJ Act 2015 s.74) — the recipient signs in to read the rest.
 */
export type ReminderKind = 'due_soon' | 'overdue';

const TEXT = {
  reminderSubject: {
    due_soon: { en: 'Convergence action due {due}', hi: 'अभिसरण कार्यवाही की नियत तारीख {due}', mr: 'अभिसरण कार्यवाहीची मुदत {due}' },
    overdue: {
      en: 'Convergence action overdue since {due}',
      hi: 'अभिसरण कार्यवाही {due} से अतिदेय',
      mr: 'अभिसरण कार्यवाहीची मुदत {due} रोजी उलटली',
    },
  },
  reminderBody: {
    en: 'A responsibility assigned to {department} by {group} (action {ref}) is due on {due}. Please sign in to Samanvay and record what was done, or why it is blocked.',
    hi: '{group} द्वारा {department} को सौंपी गई कार्यवाही (क्रमांक {ref}) की नियत तारीख {due} है। कृपया समन्वय में लॉग इन करके की गई कार्यवाही या रुकावट का कारण दर्ज करें।',
    mr: '{group} ने {department} कडे सोपवलेल्या कार्यवाहीची (क्रमांक {ref}) मुदत {due} आहे. कृपया समन्वयमध्ये लॉग इन करून केलेली कार्यवाही किंवा अडचणीचे कारण नोंदवा.',
  },
  noteSubject: {
    en: 'Division of labour note: {group}, {date}',
    hi: 'कार्य-विभाजन टिप्पणी: {group}, {date}',
    mr: 'कार्यविभाजन टिपण: {group}, {date}',
  },
  noteBody: {
    en: 'The division of labour note of the {group} meeting on {date} is ready: {count} action(s) for {department}. Sign in to Samanvay to read it and update your actions.',
    hi: '{group} की {date} की बैठक की कार्य-विभाजन टिप्पणी तैयार है: {department} के लिए {count} कार्यवाही। पढ़ने और अपनी कार्यवाही अद्यतन करने के लिए समन्वय में लॉग इन करें।',
    mr: '{group} च्या {date} रोजीच्या बैठकीचे कार्यविभाजन टिपण तयार आहे: {department} साठी {count} कार्यवाही. वाचण्यासाठी व आपली कार्यवाही अद्ययावत करण्यासाठी समन्वयमध्ये लॉग इन करा.',
  },
  noteBodyFull: {
    en: 'The division of labour note of the {group} meeting on {date} is ready: {count} action(s) in all. Sign in to Samanvay to read the full note.',
    hi: '{group} की {date} की बैठक की कार्य-विभाजन टिप्पणी तैयार है: कुल {count} कार्यवाही। संपूर्ण टिप्पणी पढ़ने के लिए समन्वय में लॉग इन करें।',
    mr: '{group} च्या {date} रोजीच्या बैठकीचे कार्यविभाजन टिपण तयार आहे: एकूण {count} कार्यवाही. संपूर्ण टिपण वाचण्यासाठी समन्वयमध्ये लॉग इन करा.',
  },
} as const;

const fill = (s: string, p: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in p ? String(p[k]) : m));
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
  return {
    subject: fill(TEXT.reminderSubject[kind][lang], { due }),
    body: fill(TEXT.reminderBody[lang], {
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
    subject: fill(TEXT.noteSubject[lang], { group: p.group, date }),
    body: p.department
      ? fill(TEXT.noteBody[lang], { group: p.group, date, count: p.count, department: departmentLabel(lang, p.department) })
      : fill(TEXT.noteBodyFull[lang], { group: p.group, date, count: p.count }),
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
  if (inApp.length) await db.insert(notification).values(inApp);
  return queued.size;
}

/** The language each linked user reads in (for their messages). */
export async function languagesOf(db: Db, userIds: string[]): Promise<Map<string, Lang>> {
  if (!userIds.length) return new Map();
  const rows = await db.select({ id: appUser.id, language: appUser.language }).from(appUser).where(inArray(appUser.id, userIds));
  return new Map(rows.map((r) => [r.id, (['en', 'hi', 'mr'].includes(r.language) ? r.language : 'en') as Lang]));
}
