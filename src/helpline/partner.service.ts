import { createHash, randomUUID } from 'node:crypto';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { HttpError, badRequest } from '../http/errors';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { getLocation, placementOf } from '../locations/locations.repository';
import { activeOfKindAt } from '../users/organisations.repository';
import { deliverOutbox } from '../notifications/outbox.service';
import {
  LogSender,
  SendError,
  SendHeld,
  registerComposedChannel,
  type NotificationSender,
  type OutboxMessage,
  type SendContext,
} from '../notifications/senders';
import { triage } from './domain/triage';
import { triageTableFor } from './triage.data';
import { insertCall, updateCall } from './helpline.repository';
import type { HelplineCallRow } from './helpline.schema';
import {
  CONTRACT,
  partnerConfigFromEnv,
  signedHeaders,
  type HandoverBody,
  type Partner,
  type PartnerAck,
  type PartnerConfig,
  type PartnerMessage,
  type PartnerStatus,
  type StatusBody,
} from './partner.contract';
import {
  callById,
  earlierUnacknowledged,
  enqueueOutboundWithSteps,
  inboundMessage,
  insertStep,
  lockCallById,
  markAcknowledged,
  outboundCtes,
  partnerMessageById,
  recordInbound,
  releaseLater,
  setInboundCall,
  type StepInput,
} from './partner.repository';

/**
 * The 1098 side of the handover contract with 112 (ERSS) and 181 (partner.contract.ts,
 * docs/HELPLINE-CONTRACT.md). Inbound: a verified message is recorded once (its id is the replay
 * guard) and applied in the same transaction, so a refused one changes nothing. Outbound: a
 * message is queued in the caller's transaction with its row in the notification outbox (channel
 * `helpline_partner`, ids and codes only) and delivered by the outbox (`PartnerSender`; each
 * minute by `deliverPartnerMessages` on pg-boss), its body composed from the call when sent,
 * retried with backoff until the partner acknowledges (never dropped: it stays `pending`,
 * visible on the call). Every message in or out is audited with ids only (JJ Act 2015 s.74).
 */
const ENTITY = 'helpline_call';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let configured: PartnerConfig | null = null;
/** The partners' URLs and secrets (environment, or set by a test or the CLI). */
export function partnerConfig(): PartnerConfig {
  return (configured ??= partnerConfigFromEnv());
}
export function setPartnerConfig(c: PartnerConfig | null) {
  configured = c;
}

const PARTNER_OUTCOME: Record<Partner, string> = { '112': 'handed_to_police', '181': 'handed_to_181' };
export const ROUTE_PARTNER: Record<string, Partner> = { police_112: '112', womens_181: '181' };

// ---------------------------------------------------------------- inbound

/** Applies a verified message. Throws 409 `replayed` (with the first acknowledgement) for a message id seen before. */
export async function receivePartnerMessage(ctx: AppContext, partner: Partner, msg: PartnerMessage, rawBody: string): Promise<PartnerAck> {
  if (msg.from !== partner) throw badRequest('from', `must be the sending partner (${partner})`);
  if (msg.to !== '1098') throw badRequest('to', 'must be 1098');
  const now = ctx.now();
  const sha = createHash('sha256').update(rawBody).digest('hex');
  return ctx.db.transaction(async (tx) => {
    const place =
      msg.kind === 'handover'
        ? await placeOf(tx, msg.handover)
        : await (async () => {
            const call = UUID.test(msg.status.ref) ? await callById(tx, msg.status.ref) : null;
            return call ? { stateCode: call.stateCode, districtCode: call.districtCode } : { stateCode: 0, districtCode: 0 };
          })();
    const fresh = await recordInbound(tx, {
      direction: 'in',
      partner,
      messageId: msg.messageId,
      kind: msg.kind,
      statusValue: msg.kind === 'status' ? msg.status.status : null,
      stateCode: place.stateCode,
      districtCode: place.districtCode,
      delivery: 'acknowledged',
      attempts: 1,
      acknowledgedAt: now,
      bodySha256: sha,
      createdAt: now,
    });
    if (!fresh) {
      const first = (await inboundMessage(tx, partner, msg.messageId))!;
      throw new HttpError(409, 'replayed', `Message ${msg.messageId} from ${partner} was received before; nothing was changed`, undefined, {
        ack: ackOf(msg.messageId, first.acknowledgedAt ?? first.createdAt, first.callId),
        sameBody: first.bodySha256 === sha,
      });
    }
    const row = (await inboundMessage(tx, partner, msg.messageId))!;
    const callId =
      msg.kind === 'handover' ? await takeHandover(tx, partner, msg.handover, now, place) : await applyStatus(tx, partner, msg.status, now);
    await setInboundCall(tx, row.id, callId);
    await audit(tx, null, `helpline.partner_in`, ENTITY, callId, place, {
      partner,
      messageId: msg.messageId,
      kind: msg.kind,
      status: msg.kind === 'status' ? msg.status.status : null,
    });
    return ackOf(msg.messageId, now, msg.kind === 'handover' ? callId : null);
  });
}

const ackOf = (messageId: string, at: Date, receiverRef: string | null): PartnerAck => ({
  contract: CONTRACT,
  messageId,
  acknowledgedAt: at.toISOString(),
  receiverRef,
});

type Place = {
  stateCode: number;
  districtCode: number;
  subdistrictCode?: number | null;
  blockCode?: number | null;
  villageId?: string | null;
};

async function placeOf(db: Db, h: HandoverBody): Promise<Place> {
  if (h.location.villageId) {
    const loc = await getLocation(db, h.location.villageId);
    const p = loc && placementOf(loc);
    if (!p || p.districtCode !== h.districtCode) throw badRequest('handover.location.villageId', 'no such village in that district');
    return p;
  }
  const d = await getLocation(db, `di:${h.districtCode}`);
  if (!d || d.stateCode !== h.stateCode) throw badRequest('handover.districtCode', 'no such district in that state');
  return { stateCode: h.stateCode, districtCode: h.districtCode };
}

/** 112/181 hands a child's call to 1098: a call in the district queue, triaged and timed from when the partner took it. */
async function takeHandover(db: Db, partner: Partner, h: HandoverBody, now: Date, place: Place): Promise<string> {
  const receivedAt = new Date(Math.min(new Date(h.receivedAt).getTime(), now.getTime()));
  const decision = triage(triageTableFor(place.stateCode, istToday(receivedAt)), {
    categories: h.categories,
    urgency: h.urgency,
    anyGirl: h.children.some((c) => c.sex === 'female'),
    atStation: h.atStation,
  });
  const [unit] = await activeOfKindAt(db, 'DCPU', `di:${place.districtCode}`);
  const row = await insertCall(db, {
    status: 'open',
    channel: partner,
    partner,
    partnerRef: h.ref,
    stateCode: place.stateCode,
    districtCode: place.districtCode,
    subdistrictCode: place.subdistrictCode ?? null,
    blockCode: place.blockCode ?? null,
    villageId: place.villageId ?? null,
    operatorUserId: null,
    operatorUnitId: unit?.id ?? null,
    callerAnonymous: h.caller.anonymous,
    callerPhone: h.caller.anonymous ? null : (h.caller.phone ?? null),
    children: h.children.map((c) => ({
      name: c.name ?? null,
      sex: c.sex,
      ageYears: c.ageYears ?? null,
      description: c.description ?? null,
    })),
    childIds: [],
    locationText: h.location.text ?? null,
    latitude: h.location.latitude ?? null,
    longitude: h.location.longitude ?? null,
    categories: h.categories,
    urgency: h.urgency,
    atStation: h.atStation,
    notes: h.notes ?? null,
    receivedAt,
    submittedAt: now,
    route: decision.route,
    targetMinutes: decision.targetMinutes,
    targetAt: decision.targetMinutes != null ? new Date(receivedAt.getTime() + decision.targetMinutes * 60_000) : null,
    triage: decision,
    createdAt: now,
    updatedAt: now,
  });
  await insertStep(db, { callId: row.id, step: 'received_from_partner', at: now, byPartner: partner, detail: { partner } });
  return row.id;
}

/** A status update about a call 1098 handed to the partner (`ref` is our call id). */
async function applyStatus(db: Db, partner: Partner, s: StatusBody, now: Date): Promise<string> {
  const row = UUID.test(s.ref) ? await lockCallById(db, s.ref) : null;
  // Only a call 1098 handed to this partner (a call the partner handed to 1098 carries its partnerRef and is ours to report on).
  if (!row || row.partner !== partner || row.partnerRef)
    throw new HttpError(404, 'unknown_ref', `No call was handed to ${partner} with the reference ${s.ref}`, [
      { field: 'status.ref', message: 'unknown reference' },
    ]);
  const at = new Date(Math.min(new Date(s.at).getTime(), now.getTime()));
  const v: Partial<HelplineCallRow> = {};
  const live = row.status !== 'closed';
  if (s.status === 'on_the_way' || s.status === 'reached') v.dispatchedAt = row.dispatchedAt ?? at;
  if (s.status === 'on_the_way') {
    v.onTheWayAt = row.onTheWayAt ?? at;
    if (row.status === 'open') v.status = 'dispatched';
  }
  if (s.status === 'reached') {
    v.reachedAt = row.reachedAt ?? at;
    if (live) v.status = 'reached';
  }
  if (s.status === 'closed' && live) Object.assign(v, { status: 'closed', closedAt: at, outcome: row.outcome ?? PARTNER_OUTCOME[partner] });
  if (Object.keys(v).length) await updateCall(db, row.id, row.version, { ...v, updatedAt: now });
  await insertStep(db, {
    callId: row.id,
    step: `partner_${s.status}`,
    at,
    byPartner: partner,
    detail: { responder: s.responder ?? null, outcome: s.outcome ?? null },
  });
  return row.id;
}

// ---------------------------------------------------------------- outbound

type QueuedCall = Pick<HelplineCallRow, 'id' | 'stateCode' | 'districtCode'>;

/** The outbound record of a message to a partner and the step that says it was queued. */
function outbound(call: QueuedCall, partner: Partner, kind: 'handover' | 'status', now: Date, status?: PartnerStatus) {
  const messageId = `1098-${randomUUID()}`;
  return {
    values: {
      id: randomUUID(),
      partner,
      messageId,
      kind,
      statusValue: status ?? null,
      callId: call.id,
      stateCode: call.stateCode,
      districtCode: call.districtCode,
      createdAt: now,
    },
    step: {
      callId: call.id,
      step: kind === 'handover' ? 'handover_queued' : `status_queued`,
      at: now,
      byPartner: null,
      detail: { partner, messageId, status: status ?? null },
    },
  };
}

/** Queues a message to a partner in the caller's transaction: a handover of the call, or a status of a call the partner handed us. */
export async function queuePartnerMessage(
  db: Db,
  call: QueuedCall,
  partner: Partner,
  kind: 'handover' | 'status',
  now: Date,
  status?: PartnerStatus,
) {
  const o = outbound(call, partner, kind, now, status);
  await enqueueOutboundWithSteps(db, o.values, [o.step]);
}

/**
 * The handover to `partner` (when given) and the steps, as CTEs of the caller's statement
 * (the submit's UPDATE): the steps in the order given, then the handover's own.
 */
export function handoverCtes(db: Db, call: QueuedCall, partner: Partner | undefined, now: Date, steps: readonly StepInput[]) {
  if (!partner) return outboundCtes(db, null, steps);
  const o = outbound(call, partner, 'handover', now);
  return outboundCtes(db, o.values, [...steps, o.step]);
}

/** The message as sent: composed from the call now (the queue holds no personal data). */
function compose(
  row: { messageId: string; kind: string; partner: Partner; statusValue: string | null },
  call: HelplineCallRow,
  now: Date,
): PartnerMessage {
  const env = { contract: CONTRACT, messageId: row.messageId, from: '1098' as const, to: row.partner, sentAt: now.toISOString() };
  if (row.kind === 'status')
    return {
      ...env,
      kind: 'status',
      status: {
        ref: call.partnerRef ?? call.id,
        status: row.statusValue as PartnerStatus,
        at:
          (row.statusValue === 'reached'
            ? call.reachedAt
            : row.statusValue === 'closed'
              ? call.closedAt
              : row.statusValue === 'on_the_way'
                ? call.onTheWayAt
                : call.dispatchedAt
          )?.toISOString() ?? now.toISOString(),
        responder: null,
        outcome: row.statusValue === 'closed' ? call.outcome : null,
      },
    };
  return {
    ...env,
    kind: 'handover',
    handover: {
      ref: call.id,
      stateCode: call.stateCode,
      districtCode: call.districtCode,
      categories: call.categories as HandoverBody['categories'],
      urgency: (call.urgency ?? 'emergency') as HandoverBody['urgency'],
      atStation: call.atStation,
      location: { text: call.locationText, villageId: call.villageId, latitude: call.latitude, longitude: call.longitude },
      children: call.children.map((c) => ({
        name: c.name || c.nameLocal || null,
        sex: c.sex ?? 'unknown',
        ageYears: c.ageYears ?? null,
        description: c.description ?? null,
      })),
      caller: { anonymous: call.callerAnonymous, phone: call.callerAnonymous ? null : call.callerPhone },
      notes: call.notes,
      receivedAt: call.receivedAt.toISOString(),
    },
  };
}

export const PARTNER_DELIVERY_QUEUE = 'helpline-partner-delivery';
/** What GET /api/health counts failed sends to 112/181 under (not the outbox's internal queue name). */
export const PARTNER_FAILURES = 'partner 112/181';
/** Retry after 1, 2, 4 … minutes, at most every 30 minutes, until acknowledged. */
const PARTNER_RETRY = { maxAttempts: null, maxDelayMs: 30 * 60_000 };

/**
 * The outbox's sender for channel `helpline_partner`: reads the message and the call when it
 * sends, composes and signs the body, and POSTs it to 112/181. An answer 200, or 409 `replayed`
 * (it had it already), acknowledges: the message record, a step on the call and the audit, in one
 * transaction. Anything else throws, and the outbox retries (codes only in `last_error`).
 */
export class PartnerSender implements NotificationSender {
  readonly name = 'partner';
  readonly retry = PARTNER_RETRY;
  readonly failureName = PARTNER_FAILURES;
  constructor(private readonly opts: { config?: PartnerConfig; timeoutMs?: number } = {}) {}

  async send(message: OutboxMessage, { db, now }: SendContext): Promise<{ providerRef: string }> {
    const row = await partnerMessageById(db, String(message.payload.partnerMessageId));
    if (!row || row.direction !== 'out') throw new SendError('no such partner message');
    // Acknowledged already (a worker died after the partner's answer): nothing to send again.
    if (row.delivery === 'acknowledged') return { providerRef: row.messageId };
    // A call's messages reach a partner in the order queued: a status never overtakes the handover
    // (or an earlier status) of its call while that one is still being retried. Held, not failed;
    // made due again when the earlier one is acknowledged (releaseLater below).
    const earlier = await earlierUnacknowledged(db, row);
    if (earlier)
      throw new SendHeld(
        `held: the ${earlier.kind} queued before it is not acknowledged`,
        new Date(Math.max(now.getTime() + 60_000, earlier.nextAttemptAt?.getTime() ?? 0)),
      );
    const endpoint = (this.opts.config ?? partnerConfig())[row.partner];
    if (!endpoint) throw new SendError(`${row.partner} is not connected (no secret)`);
    if (!endpoint.url) throw new SendError(`${row.partner} has no URL configured`);
    const call = row.callId ? await callById(db, row.callId) : null;
    if (!call) throw new SendError('the call is not found');
    const body = JSON.stringify(compose(row, call, now));
    let error: string | null = null;
    try {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: signedHeaders('1098', endpoint.secret, body, row.messageId, now),
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
      const answer = (await res.json().catch(() => ({}))) as { code?: string };
      if (!(res.ok || (res.status === 409 && answer.code === 'replayed')))
        error = `HTTP ${res.status}${answer.code ? ` ${answer.code}` : ''}`;
    } catch (err) {
      const e = err as { name?: string; cause?: { code?: string } };
      error = `${e?.name ?? 'Error'}${e?.cause?.code ? ` ${e.cause.code}` : ''}`;
    }
    if (error) throw new SendError(error);
    await db.transaction(async (tx) => {
      await markAcknowledged(tx, row.id, now, createHash('sha256').update(body).digest('hex'));
      await releaseLater(tx, row, now);
      await insertStep(tx, {
        callId: call.id,
        step: `${row.kind}_acknowledged`,
        at: now,
        byPartner: row.partner,
        detail: { messageId: row.messageId },
      });
      await audit(
        tx,
        null,
        'helpline.partner_out',
        ENTITY,
        call.id,
        call,
        { partner: row.partner, messageId: row.messageId, kind: row.kind, status: row.statusValue },
        { children: call.childIds },
      );
    });
    return { providerRef: row.messageId };
  }
}
registerComposedChannel('helpline_partner', () => new PartnerSender());

export interface PartnerDelivery {
  acknowledged: number;
  pending: number;
}

/** Delivers the due partner messages (the outbox, channel `helpline_partner` only): each minute on pg-boss. */
export async function deliverPartnerMessages(
  db: Db,
  now: Date,
  opts: { config?: PartnerConfig; timeoutMs?: number } = {},
): Promise<PartnerDelivery> {
  const r = await deliverOutbox(db, { byChannel: { helpline_partner: new PartnerSender(opts) }, fallback: new LogSender() }, now, {
    channels: ['helpline_partner'],
  });
  return { acknowledged: r.sent, pending: r.retrying + r.failed };
}
