import { and, count, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { notification, notificationRead } from './cases.schema';

/** Notifications addressed to the actor, or to the actor's unit; read state is per person. */
function addressedTo(actor: Actor): SQL {
  return actor.organisationId
    ? or(eq(notification.userId, actor.userId), eq(notification.unitId, actor.organisationId))!
    : eq(notification.userId, actor.userId);
}

export async function listNotifications(db: Db, actor: Actor, f: { unread?: boolean }, limit: number, offset: number) {
  const where = and(
    addressedTo(actor),
    f.unread === true ? isNull(notificationRead.userId) : f.unread === false ? sql`${notificationRead.userId} IS NOT NULL` : undefined,
  );
  const joinOn = and(eq(notificationRead.notificationId, notification.id), eq(notificationRead.userId, actor.userId));
  const items = await db
    .select({
      id: notification.id,
      kind: notification.kind,
      caseId: notification.caseId,
      ref: notification.ref,
      dueAt: notification.dueAt,
      message: notification.message,
      params: notification.params,
      createdAt: notification.createdAt,
      toUser: notification.userId,
      toUnit: notification.unitId,
      readAt: notificationRead.readAt,
    })
    .from(notification)
    .leftJoin(notificationRead, joinOn)
    .where(where)
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(limit)
    .offset(offset);
  const [{ total, unread }] = await db
    .select({ total: count(), unread: sql<number>`count(*) FILTER (WHERE ${notificationRead.userId} IS NULL)` })
    .from(notification)
    .leftJoin(notificationRead, joinOn)
    .where(addressedTo(actor));
  return { items, total: Number(total), unread: Number(unread) };
}

/** Marks one notification read for the actor; false when it is not addressed to the actor. */
export async function markRead(db: Db, actor: Actor, id: string, at: Date): Promise<boolean> {
  const [n] = await db
    .select({ id: notification.id })
    .from(notification)
    .where(and(eq(notification.id, id), addressedTo(actor)));
  if (!n) return false;
  await db.insert(notificationRead).values({ notificationId: id, userId: actor.userId, readAt: at }).onConflictDoNothing();
  return true;
}

export async function markAllRead(db: Db, actor: Actor, at: Date): Promise<number> {
  const rows = await db
    .select({ id: notification.id })
    .from(notification)
    .leftJoin(notificationRead, and(eq(notificationRead.notificationId, notification.id), eq(notificationRead.userId, actor.userId)))
    .where(and(addressedTo(actor), isNull(notificationRead.userId)));
  if (!rows.length) return 0;
  await db
    .insert(notificationRead)
    .values(rows.map((r) => ({ notificationId: r.id, userId: actor.userId, readAt: at })))
    .onConflictDoNothing();
  return rows.length;
}

export async function insertNotifications(db: Db, values: (typeof notification.$inferInsert)[]) {
  if (values.length) await db.insert(notification).values(values);
}
