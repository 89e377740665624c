import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appUser } from '../users/users.schema';
import { findUserById } from '../users/users.repository';
import { HttpError, notFound, type FieldIssue } from '../http/errors';
import { audit } from '../audit/audit.service';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import { claimAccountAttempt, clearAccountAttempts, lockIfExhausted } from './lockout.repository';
import { liveSessionsOf, revokeAllSessionsOf, revokeSessionTree } from './sessions.repository';
import { createSession, LOCKOUT_MINUTES, MAX_FAILED_LOGINS, type Client, type ResolvedSession } from './auth.service';

/** What a signed-in person does with their own account: sessions, tokens, password. */

const invalid = (issues: FieldIssue[]) =>
  new HttpError(400, 'validation_failed', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);

export async function listOwnSessions(db: Db, session: ResolvedSession, now: Date) {
  const rows = await liveSessionsOf(db, session.actor.userId, now);
  return rows.map((r) => ({ ...r, current: r.id === session.sessionId }));
}

export async function revokeOwnSession(db: Db, session: ResolvedSession, id: string, now: Date) {
  const revoked = await revokeSessionTree(db, id, session.actor.userId, now);
  // Another user's session, or one already ended: the same 404 (it reveals nothing).
  if (!revoked.length) throw notFound('Session');
  await audit(db, session.actor, 'session_revoked', 'user', session.actor.userId, null, { sessions: revoked });
  return { revoked: revoked.length, current: revoked.includes(session.sessionId) };
}

/** A bearer token dies with the session it was made from (see revokeSessionTree). */
export async function createToken(db: Db, session: ResolvedSession, label: string, client: Client, now: Date) {
  const { token, id } = await createSession(db, {
    userId: session.actor.userId,
    kind: 'api',
    now,
    client,
    label,
    parentId: session.sessionId,
  });
  await audit(db, session.actor, 'token_created', 'user', session.actor.userId, null, { session: id });
  return { token, id };
}

/**
 * Changing one's password needs the current one (a session left open on a shared computer
 * must not be enough to take the account) and ends every other session and token. Wrong
 * current passwords count towards the same lockout as sign-in.
 */
export async function changeOwnPassword(
  db: Db,
  session: ResolvedSession,
  body: { currentPassword: string; newPassword: string },
  now: Date,
) {
  const found = await findUserById(db, session.actor.userId);
  if (!found) throw notFound('User');
  const { user } = found;
  const problem = passwordProblem(body.newPassword, { username: user.username });
  const newIssue = problem ? [{ field: 'newPassword', message: problem }] : [];
  const attempt = await claimAccountAttempt(db, user.id, MAX_FAILED_LOGINS, now);
  if (attempt === null) {
    throw new HttpError(429, 'too_many_attempts', `Too many wrong passwords; try again in ${LOCKOUT_MINUTES} minutes`, [
      { field: 'currentPassword', message: 'too many wrong attempts; try again later' },
    ]);
  }
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
    await audit(db, session.actor, 'password_change_failed', 'user', user.id, null, { attempt });
    await lockIfExhausted(db, user.id, MAX_FAILED_LOGINS, new Date(now.getTime() + LOCKOUT_MINUTES * 60_000));
    throw invalid([{ field: 'currentPassword', message: 'is wrong' }, ...newIssue]);
  }
  await clearAccountAttempts(db, user.id);
  if (newIssue.length) throw invalid(newIssue);
  if (await verifyPassword(user.passwordHash, body.newPassword))
    throw invalid([{ field: 'newPassword', message: 'must differ from the current password' }]);
  await db
    .update(appUser)
    .set({ passwordHash: await hashPassword(body.newPassword), mustChangePassword: false, passwordChangedAt: now })
    .where(eq(appUser.id, user.id));
  const ended = await revokeAllSessionsOf(db, user.id, now, session.sessionId);
  await audit(db, session.actor, 'password_changed', 'user', user.id, null, { sessionsEnded: ended });
  return { ok: true, sessionsEnded: ended };
}
