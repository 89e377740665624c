import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { helplineCall, helplineCallStep, helplinePartnerMessage, type HelplineCallRow, type PartnerMessageRow } from './helpline.schema';

/**
 * SQL of the 112/181 handover (partner.service.ts) and of the call's timeline. System reads by
 * id (a partner is not an actor); every caller audits what it does.
 */
const m = helplinePartnerMessage;

export interface StepInput {
  callId: string;
  step: string;
  at: Date;
  byUserId?: string | null;
  byPartner?: string | null;
  detail?: Record<string, string | number | null>;
}

export async function insertStep(db: Db, v: StepInput) {
  await insertSteps(db, [v]);
}

/** Several steps in one statement, in the order given (their seq follows it). */
export async function insertSteps(db: Db, steps: readonly StepInput[]) {
  if (!steps.length) return;
  await db
    .insert(helplineCallStep)
    .values(steps.map((v) => ({ ...v, byUserId: v.byUserId ?? null, byPartner: v.byPartner ?? null, detail: v.detail ?? {} })));
}

export function timelineOf(db: Db, callId: string) {
  return db
    .select({
      step: helplineCallStep.step,
      at: helplineCallStep.at,
      byUserId: helplineCallStep.byUserId,
      byPartner: helplineCallStep.byPartner,
      detail: helplineCallStep.detail,
    })
    .from(helplineCallStep)
    .where(eq(helplineCallStep.callId, callId))
    .orderBy(asc(helplineCallStep.at), asc(helplineCallStep.seq));
}

export function messagesOf(db: Db, callId: string) {
  return db
    .select({
      direction: m.direction,
      partner: m.partner,
      messageId: m.messageId,
      kind: m.kind,
      statusValue: m.statusValue,
      delivery: m.delivery,
      attempts: m.attempts,
      acknowledgedAt: m.acknowledgedAt,
      lastError: m.lastError,
      createdAt: m.createdAt,
    })
    .from(m)
    .where(eq(m.callId, callId))
    .orderBy(asc(m.createdAt), asc(m.id));
}

/** The replay guard: true when the message id is new for this partner (inserted), false when seen before. */
export async function recordInbound(db: Db, v: typeof m.$inferInsert): Promise<boolean> {
  const rows = await db.insert(m).values(v).onConflictDoNothing().returning({ id: m.id });
  return rows.length === 1;
}

export async function inboundMessage(db: Db, partner: string, messageId: string): Promise<PartnerMessageRow | null> {
  const [row] = await db
    .select()
    .from(m)
    .where(and(eq(m.direction, 'in'), eq(m.partner, partner as '112'), eq(m.messageId, messageId)));
  return row ?? null;
}

export async function setInboundCall(db: Db, id: string, callId: string) {
  await db.update(m).set({ callId }).where(eq(m.id, id));
}

/**
 * An outbound message queued and its steps written in one statement (the message's INSERT as a
 * CTE of the steps' INSERT): one round trip fewer on the intake's submit (issue #13). A repeated
 * message id is still skipped, the steps still written.
 */
export async function enqueueOutboundWithSteps(
  db: Db,
  v: Omit<typeof m.$inferInsert, 'direction' | 'delivery'>,
  steps: readonly StepInput[],
) {
  const queued = db.$with('queued').as(
    db
      .insert(m)
      .values({ ...v, direction: 'out', delivery: 'pending' })
      .onConflictDoNothing()
      .returning({ id: m.id }),
  );
  await db
    .with(queued)
    .insert(helplineCallStep)
    .values(steps.map((x) => ({ ...x, byUserId: x.byUserId ?? null, byPartner: x.byPartner ?? null, detail: x.detail ?? {} })));
}

/** A claim older than this is taken to be from a worker that died mid-send (as the notification outbox). */
const STALE_CLAIM_MS = 10 * 60_000;

/** Due outbound messages, claimed FOR UPDATE SKIP LOCKED (several servers deliver side by side, none twice). */
export async function claimDueOutbound(db: Db, now: Date, limit: number): Promise<PartnerMessageRow[]> {
  const due = db
    .select({ id: m.id })
    .from(m)
    .where(
      and(
        eq(m.direction, 'out'),
        or(
          and(eq(m.delivery, 'pending'), lte(m.nextAttemptAt, now)),
          and(eq(m.delivery, 'sending'), lt(m.claimedAt, new Date(now.getTime() - STALE_CLAIM_MS))),
        ),
      ),
    )
    // In the order they were queued: a partner hears a call's statuses in order.
    .orderBy(asc(m.createdAt), asc(m.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(m)
    .set({ delivery: 'sending', claimedAt: now, attempts: sql`${m.attempts} + 1` })
    .where(inArray(m.id, due))
    .returning();
}

export async function markAcknowledged(db: Db, id: string, now: Date, bodySha256: string) {
  await db.update(m).set({ delivery: 'acknowledged', acknowledgedAt: now, lastError: null, bodySha256 }).where(eq(m.id, id));
}

export async function markRetry(db: Db, id: string, error: string, retryAt: Date) {
  await db.update(m).set({ delivery: 'pending', nextAttemptAt: retryAt, lastError: error }).where(eq(m.id, id));
}

/** A call by id, locked, for a system change (a partner's status update, the delivery). */
export async function lockCallById(db: Db, id: string): Promise<HelplineCallRow | null> {
  const [row] = await db.select().from(helplineCall).where(eq(helplineCall.id, id)).for('update');
  return row ?? null;
}

export async function callById(db: Db, id: string): Promise<HelplineCallRow | null> {
  const [row] = await db.select().from(helplineCall).where(eq(helplineCall.id, id));
  return row ?? null;
}
