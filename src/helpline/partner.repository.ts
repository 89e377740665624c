import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { enqueueStatement } from '../notifications/outbox.repository';
import { notificationOutbox } from '../notifications/outbox.schema';
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

/** The outbox row delivering an outbound message (`queuePartnerMessage`). */
export const outboxKeyOf = (messageId: string) => `helpline-partner:${messageId}`;
const o = notificationOutbox;

/** A call's messages; an outbound one's attempts and last error are those of its outbox row. */
export function messagesOf(db: Db, callId: string) {
  return db
    .select({
      direction: m.direction,
      partner: m.partner,
      messageId: m.messageId,
      kind: m.kind,
      statusValue: m.statusValue,
      delivery: m.delivery,
      attempts: sql<number>`coalesce(${o.attempts}, ${m.attempts})`.mapWith(Number),
      acknowledgedAt: m.acknowledgedAt,
      lastError: sql<string | null>`CASE WHEN ${o.id} IS NULL THEN ${m.lastError} ELSE ${o.lastError} END`,
      createdAt: m.createdAt,
    })
    .from(m)
    .leftJoin(o, and(eq(m.direction, 'out'), eq(o.dedupeKey, sql`'helpline-partner:' || ${m.messageId}`)))
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
 * An outbound message queued, its outbox row (channel `helpline_partner`: ids and kind only, the
 * body built from the call when sent) and its steps written in one statement (the two INSERTs as
 * CTEs of the steps' INSERT): one round trip on the intake's submit (issue #13).
 */
export async function enqueueOutboundWithSteps(
  db: Db,
  v: Omit<typeof m.$inferInsert, 'direction' | 'delivery' | 'id'> & { id: string },
  steps: readonly StepInput[],
) {
  const queued = db.$with('queued').as(
    db
      .insert(m)
      .values({ ...v, direction: 'out', delivery: 'pending' })
      .onConflictDoNothing()
      .returning({ id: m.id }),
  );
  const outboxed = db.$with('outboxed').as(
    enqueueStatement(db, [
      {
        dedupeKey: outboxKeyOf(v.messageId),
        kind: `helpline_partner_${v.kind}`,
        channel: 'helpline_partner',
        subject: `${v.kind} to ${v.partner}`,
        body: '',
        payload: { partnerMessageId: v.id, callId: v.callId ?? null, partner: v.partner, status: v.statusValue ?? null },
        stateCode: v.stateCode,
        districtCode: v.districtCode,
        nextAttemptAt: v.createdAt,
        createdAt: v.createdAt,
      },
    ]),
  );
  await db
    .with(queued, outboxed)
    .insert(helplineCallStep)
    .values(steps.map((x) => ({ ...x, byUserId: x.byUserId ?? null, byPartner: x.byPartner ?? null, detail: x.detail ?? {} })));
}

export async function partnerMessageById(db: Db, id: string): Promise<PartnerMessageRow | null> {
  const [row] = await db.select().from(m).where(eq(m.id, id));
  return row ?? null;
}

export async function markAcknowledged(db: Db, id: string, now: Date, bodySha256: string) {
  await db.update(m).set({ delivery: 'acknowledged', acknowledgedAt: now, lastError: null, bodySha256 }).where(eq(m.id, id));
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
