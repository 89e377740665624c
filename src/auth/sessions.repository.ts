import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appUser, organisation, userSession } from '../users/users.schema';
import { actorColumns } from '../users/users.repository';
import { placeholderAs, preparedOnce } from '../db/prepared';

export type SessionKind = 'cookie' | 'api';
export type SessionRow = typeof userSession.$inferSelect;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface NewSession {
  userId: string;
  kind: SessionKind;
  expiresAt: Date;
  now: Date;
  label?: string | null;
  /** The session that made this one (a bearer token made while signed in). */
  parentId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

/** Stores only the token's hash; the token itself is returned once, to its owner. */
export async function insertSession(db: Db, s: NewSession): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const [row] = await db
    .insert(userSession)
    .values({
      tokenHash: sha256(token),
      userId: s.userId,
      kind: s.kind,
      label: s.label ?? null,
      parentId: s.parentId ?? null,
      ip: s.ip ?? null,
      userAgent: s.userAgent ? s.userAgent.slice(0, 300) : null,
      createdAt: s.now,
      lastSeenAt: s.now,
      expiresAt: s.expiresAt,
    })
    .returning({ id: userSession.id });
  return { id: row.id, token };
}

export async function liveSessionByToken(db: Db, token: string, now: Date): Promise<SessionRow | null> {
  const [s] = await db
    .select()
    .from(userSession)
    .where(and(eq(userSession.tokenHash, sha256(token)), isNull(userSession.revokedAt), gt(userSession.expiresAt, now)));
  return s ?? null;
}

/**
 * The live session of a token with its user and the user's organisation kind, in one query:
 * every signed-in request asks this, so it is one round trip, not two (issue #19). Only the
 * columns the request needs: not the password hash, nor the timestamps it would parse for nothing.
 */
export async function liveSessionWithUser(db: Db, token: string, now: Date) {
  // Built once per database handle (src/db/prepared.ts): only the token's hash and the time differ.
  const query = preparedOnce(db, 'session.live-with-user', () =>
    db
      .select({
        session: { id: userSession.id, kind: userSession.kind, lastSeenAt: userSession.lastSeenAt },
        user: { ...actorColumns, active: appUser.active, mustChangePassword: appUser.mustChangePassword },
        orgKind: organisation.kind,
      })
      .from(userSession)
      .innerJoin(appUser, eq(appUser.id, userSession.userId))
      .leftJoin(organisation, eq(organisation.id, appUser.organisationId))
      .where(
        and(
          eq(userSession.tokenHash, placeholderAs('hash', userSession.tokenHash)),
          isNull(userSession.revokedAt),
          gt(userSession.expiresAt, placeholderAs('now', userSession.expiresAt)),
        ),
      ),
  );
  const [row] = await query.execute({ hash: sha256(token), now });
  return row ?? null;
}

export async function touchSession(db: Db, id: string, now: Date, expiresAt?: Date) {
  await db
    .update(userSession)
    .set({ lastSeenAt: now, ...(expiresAt ? { expiresAt } : {}) })
    .where(eq(userSession.id, id));
}

/** One's own sessions and tokens still in force, newest first (never the token or its hash). */
export async function liveSessionsOf(db: Db, userId: string, now: Date) {
  return db
    .select({
      id: userSession.id,
      kind: userSession.kind,
      label: userSession.label,
      createdAt: userSession.createdAt,
      lastUsedAt: userSession.lastSeenAt,
      expiresAt: userSession.expiresAt,
      ip: userSession.ip,
      userAgent: userSession.userAgent,
      parentId: userSession.parentId,
    })
    .from(userSession)
    .where(and(eq(userSession.userId, userId), isNull(userSession.revokedAt), gt(userSession.expiresAt, now)))
    .orderBy(desc(userSession.createdAt));
}

/**
 * Revokes a session and every token made from it, and from those, at any depth, so that no
 * bearer token outlives the sign-in that created it. `userId` confines it to one's own.
 * Returns the ids revoked (empty when the session is not the user's or already ended).
 */
export async function revokeSessionTree(db: Db, sessionId: string, userId: string, now: Date): Promise<string[]> {
  const rows = (await db.execute(sql`
    WITH RECURSIVE tree(id) AS (
      SELECT id FROM user_session WHERE id = ${sessionId} AND user_id = ${userId}
      UNION ALL
      SELECT s.id FROM user_session s JOIN tree ON s.parent_id = tree.id
    )
    UPDATE user_session SET revoked_at = ${now.toISOString()}::timestamptz
    WHERE id IN (SELECT id FROM tree) AND revoked_at IS NULL
    RETURNING id`)) as unknown as { rows?: { id: string }[] } | { id: string }[];
  const list = Array.isArray(rows) ? rows : (rows.rows ?? []);
  return list.map((r) => r.id);
}

/** Every session and token of a user, except one (the one changing the password), ends now. */
export async function revokeAllSessionsOf(db: Db, userId: string, now: Date, exceptId?: string | null): Promise<number> {
  const rows = await db
    .update(userSession)
    .set({ revokedAt: now })
    .where(and(eq(userSession.userId, userId), isNull(userSession.revokedAt), exceptId ? ne(userSession.id, exceptId) : undefined))
    .returning({ id: userSession.id });
  return rows.length;
}

/**
 * The session's offline key, made once: two first requests at the same moment (two tabs) get
 * the same key, because the UPDATE keeps a key already there.
 */
export async function offlineKeyOf(db: Db, sessionId: string): Promise<string | null> {
  const fresh = randomBytes(32).toString('base64url');
  const [row] = await db
    .update(userSession)
    .set({ offlineKey: sql`COALESCE(${userSession.offlineKey}, ${fresh})` })
    .where(and(eq(userSession.id, sessionId), isNull(userSession.revokedAt)))
    .returning({ key: userSession.offlineKey });
  return row?.key ?? null;
}
