import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import type { Meeting } from './domain';
import { convergenceAttendance, convergenceDiscussion, convergenceMeeting } from './convergence.schema';
import { meetingInJurisdiction } from './convergence.access';

export type MeetingRow = typeof convergenceMeeting.$inferSelect;
export type AttendanceRow = typeof convergenceAttendance.$inferSelect;

export function toDomainMeeting(m: MeetingRow, attendance: AttendanceRow[]): Meeting {
  return {
    id: m.id,
    groupId: m.groupId,
    date: m.meetingDate,
    status: m.status,
    chairPersonId: m.chairMemberId,
    attendance: attendance.filter((a) => a.meetingId === m.id).map((a) => ({ personId: a.memberId, present: a.present })),
    guests: m.guests.map((g) => ({ name: g.name, note: g.note })),
  };
}

/** Meetings of groups (already access-checked), each with its domain form. */
export async function meetingsOfGroups(db: Db, groupIds: string[]): Promise<(MeetingRow & { domain: Meeting })[]> {
  if (!groupIds.length) return [];
  const rows = await db
    .select()
    .from(convergenceMeeting)
    .where(inArray(convergenceMeeting.groupId, groupIds))
    .orderBy(asc(convergenceMeeting.meetingDate));
  const att = rows.length
    ? await db
        .select()
        .from(convergenceAttendance)
        .where(
          inArray(
            convergenceAttendance.meetingId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((r) => ({ ...r, domain: toDomainMeeting(r, att) }));
}

export async function getMeeting(db: Db, actor: Actor, id: string): Promise<MeetingRow | null> {
  const [row] = await db
    .select()
    .from(convergenceMeeting)
    .where(and(eq(convergenceMeeting.id, id), meetingInJurisdiction(actor)));
  return row ?? null;
}

export async function lockMeeting(db: Db, id: string): Promise<MeetingRow | null> {
  const [row] = await db.select().from(convergenceMeeting).where(eq(convergenceMeeting.id, id)).for('update');
  return row ?? null;
}

export function attendanceOf(db: Db, meetingId: string) {
  return db.select().from(convergenceAttendance).where(eq(convergenceAttendance.meetingId, meetingId));
}

export async function insertMeeting(db: Db, values: typeof convergenceMeeting.$inferInsert) {
  const [row] = await db.insert(convergenceMeeting).values(values).returning();
  return row;
}

export async function updateMeeting(db: Db, id: string, set: Partial<typeof convergenceMeeting.$inferInsert>) {
  const [row] = await db
    .update(convergenceMeeting)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(convergenceMeeting.id, id))
    .returning();
  return row!;
}

/** Replaces the attendance marks given (others stay as they were). */
export async function upsertAttendance(db: Db, meetingId: string, marks: { memberId: string; present: boolean }[]) {
  if (!marks.length) return;
  await db
    .insert(convergenceAttendance)
    .values(marks.map((m) => ({ meetingId, memberId: m.memberId, present: m.present })))
    .onConflictDoUpdate({
      target: [convergenceAttendance.meetingId, convergenceAttendance.memberId],
      set: { present: sql`excluded.present` },
    });
}

export function discussionsOf(db: Db, meetingIds: string[]) {
  if (!meetingIds.length) return Promise.resolve([] as (typeof convergenceDiscussion.$inferSelect)[]);
  return db
    .select()
    .from(convergenceDiscussion)
    .where(inArray(convergenceDiscussion.meetingId, meetingIds))
    .orderBy(asc(convergenceDiscussion.createdAt), asc(convergenceDiscussion.id));
}

export async function insertDiscussion(db: Db, values: typeof convergenceDiscussion.$inferInsert) {
  const [row] = await db.insert(convergenceDiscussion).values(values).returning();
  return row;
}
