import { and, asc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { enqueueStatement, makeDue } from '../notifications/outbox.repository';
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
      // An outbound message whose outbox row ended failed (given up, see earlierUnacknowledged) reads `failed`.
      delivery: sql<string>`CASE WHEN ${o.status} = 'failed' AND ${m.delivery} <> 'acknowledged' THEN 'failed' ELSE ${m.delivery} END`,
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

type OutboundValues = Omit<typeof m.$inferInsert, 'direction' | 'delivery' | 'id'> & { id: string };

const stepValues = (steps: readonly StepInput[]) =>
  steps.map((x) => ({ ...x, byUserId: x.byUserId ?? null, byPartner: x.byPartner ?? null, detail: x.detail ?? {} }));

/**
 * An outbound message queued (when `v` is given), its outbox row (channel `helpline_partner`: ids
 * and kind only, the body built from the call when sent) and the steps, as CTEs for the caller's
 * statement (the submit's UPDATE of the call: one round trip, issue #13). Data-modifying CTEs run
 * whatever the main statement matches: for a row the caller has locked at its version.
 */
export function outboundCtes(db: Db, v: OutboundValues | null, steps: readonly StepInput[]) {
  const stepped = steps.length
    ? [db.$with('stepped').as(db.insert(helplineCallStep).values(stepValues(steps)).returning({ seq: helplineCallStep.seq }))]
    : [];
  if (!v) return stepped;
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
  return [queued, outboxed, ...stepped];
}

/** An outbound message queued, its outbox row and its steps, in one statement (outboundCtes). */
export async function enqueueOutboundWithSteps(db: Db, v: OutboundValues, steps: readonly StepInput[]) {
  const [queued, outboxed] = outboundCtes(db, v, []);
  await db.with(queued, outboxed).insert(helplineCallStep).values(stepValues(steps));
}

export async function partnerMessageById(db: Db, id: string): Promise<PartnerMessageRow | null> {
  const [row] = await db.select().from(m).where(eq(m.id, id));
  return row ?? null;
}

type OutRow = Pick<PartnerMessageRow, 'callId' | 'partner' | 'seq'>;
const sameThread = (row: OutRow) =>
  and(eq(m.direction, 'out'), eq(m.callId, row.callId!), eq(m.partner, row.partner), ne(m.delivery, 'acknowledged'));

/**
 * The first message queued before `row` to the same partner about the same call and not yet
 * acknowledged (index helpline_partner_message_out_order, 0971), with its outbox row's next try.
 * One whose outbox row ended `failed` (nothing retries it: no sender for the channel) does not
 * hold the later ones: they would wait forever. Its failure stays on the call (`messagesOf`:
 * delivery `failed` with the outbox's last error).
 */
export async function earlierUnacknowledged(db: Db, row: OutRow) {
  if (!row.callId) return null;
  const [earlier] = await db
    .select({ messageId: m.messageId, kind: m.kind, nextAttemptAt: o.nextAttemptAt })
    .from(m)
    .leftJoin(o, eq(o.dedupeKey, sql`'helpline-partner:' || ${m.messageId}`))
    .where(and(sameThread(row), lt(m.seq, row.seq), sql`${o.status} IS DISTINCT FROM 'failed'`))
    .orderBy(asc(m.seq))
    .limit(1);
  return earlier ?? null;
}

/** The messages queued after `row` to the same partner about the same call: due at once (their wait is over). */
export async function releaseLater(db: Db, row: OutRow, now: Date) {
  if (!row.callId) return;
  const later = await db
    .select({ messageId: m.messageId })
    .from(m)
    .where(and(sameThread(row), gt(m.seq, row.seq)));
  await makeDue(
    db,
    later.map((x) => outboxKeyOf(x.messageId)),
    now,
  );
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
