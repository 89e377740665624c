import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CALL_CATEGORIES, URGENCIES } from './domain/vocabulary';

/**
 * The handover contract between 1098 and the state's 112 (ERSS) and 181 (women's helpline)
 * systems, version 1 (docs/HELPLINE-CONTRACT.md). Pure: the message schema, the signature and
 * the partners' configuration. Mission Vatsalya Guidelines 2022 integrate the child helpline with
 * ERSS-112 and WHL-181; this is the interface a state connects its real systems to.
 *
 * Every message is JSON, POSTed with four headers:
 *   X-Helpline-Partner    who sends it: '1098', '112' or '181'
 *   X-Helpline-Timestamp  Unix seconds when it was signed (refused outside ±REPLAY_WINDOW_SECONDS)
 *   X-Helpline-Signature  'v1=' + hex HMAC-SHA256(shared secret, `${timestamp}.${raw body}`)
 *   Idempotency-Key       the message's `messageId` (a message id is accepted once, ever)
 */
export const CONTRACT = 'samanvay.helpline-handover/1' as const;
export const PARTNERS = ['112', '181'] as const;
export type Partner = (typeof PARTNERS)[number];
export const SENDERS = ['1098', ...PARTNERS] as const;
export const PARTNER_STATUSES = ['acknowledged', 'on_the_way', 'reached', 'closed'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
export const REPLAY_WINDOW_SECONDS = 300;

export const HEADERS = {
  partner: 'x-helpline-partner',
  timestamp: 'x-helpline-timestamp',
  signature: 'x-helpline-signature',
  idempotencyKey: 'idempotency-key',
} as const;

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

const child = z.strictObject({
  name: text(120).nullable().optional(),
  sex: z.enum(['female', 'male', 'other', 'unknown']).default('unknown'),
  ageYears: z.number().int().min(0).max(17, 'a child is under 18').nullable().optional(),
  description: text(1000).nullable().optional(),
});

/** A call handed over: the sender's reference, where, what, who. */
export const handoverBody = z.strictObject({
  /** The sender's reference for the call (1098: the call id; 112: the ERSS incident id). Status updates name it. */
  ref: z.string().trim().min(1).max(80),
  stateCode: z.number().int().min(1).max(99),
  districtCode: z.number().int().min(1),
  categories: z.array(z.enum(CALL_CATEGORIES)).min(1, 'at least one category'),
  urgency: z.enum(URGENCIES),
  atStation: z.boolean().default(false),
  location: z.strictObject({
    text: text(500).nullable().optional(),
    /** A Samanvay LGD village id (vi:…) when the sender knows it. */
    villageId: text(60).nullable().optional(),
    latitude: z.number().min(6).max(38).nullable().optional(),
    longitude: z.number().min(68).max(98).nullable().optional(),
  }),
  children: z.array(child).max(10),
  caller: z.strictObject({ anonymous: z.boolean(), phone: text(20).nullable().optional() }),
  notes: text(4000).nullable().optional(),
  /** When the call reached the sender: the response target is counted from it. */
  receivedAt: instant,
});
export type HandoverBody = z.infer<typeof handoverBody>;

/** What happened to a handed-over call, sent back by the side that took it. */
export const statusBody = z.strictObject({
  /** The `ref` of the handover this is about. */
  ref: z.string().trim().min(1).max(80),
  status: z.enum(PARTNER_STATUSES),
  at: instant,
  /** The responder's call sign or unit (no personal names needed). */
  responder: text(120).nullable().optional(),
  outcome: text(80).nullable().optional(),
});
export type StatusBody = z.infer<typeof statusBody>;

const envelope = {
  contract: z.literal(CONTRACT),
  messageId: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only'),
  from: z.enum(SENDERS),
  to: z.enum(SENDERS),
  sentAt: instant,
};

export const partnerMessage = z.discriminatedUnion('kind', [
  z.strictObject({ ...envelope, kind: z.literal('handover'), handover: handoverBody }),
  z.strictObject({ ...envelope, kind: z.literal('status'), status: statusBody }),
]);
export type PartnerMessage = z.infer<typeof partnerMessage>;

/** The acknowledgement a receiver answers with (200). */
export const partnerAck = z.object({
  contract: z.literal(CONTRACT),
  messageId: z.string(),
  acknowledgedAt: z.string(),
  /** For a handover received: the receiver's reference (status updates from the receiver name the sender's `ref`). */
  receiverRef: z.string().nullable(),
});
export type PartnerAck = z.infer<typeof partnerAck>;

// ---------------------------------------------------------------- signature

export function sign(secret: string, timestamp: number, rawBody: string): string {
  return 'v1=' + createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

/** The headers of a signed message. */
export function signedHeaders(from: string, secret: string, rawBody: string, messageId: string, now: Date): Record<string, string> {
  const ts = Math.floor(now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    [HEADERS.partner]: from,
    [HEADERS.timestamp]: String(ts),
    [HEADERS.signature]: sign(secret, ts, rawBody),
    [HEADERS.idempotencyKey]: messageId,
  };
}

export type SignatureCheck = { ok: true } | { ok: false; code: 'stale_timestamp' | 'bad_signature'; message: string };

/** Checks the timestamp window, then the signature in constant time. */
export function verify(
  secret: string,
  headers: { timestamp?: string; signature?: string },
  rawBody: string,
  now: Date,
  windowSeconds = REPLAY_WINDOW_SECONDS,
): SignatureCheck {
  const ts = Number(headers.timestamp);
  if (!headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp) || Math.abs(now.getTime() / 1000 - ts) > windowSeconds)
    return {
      ok: false,
      code: 'stale_timestamp',
      message: `${HEADERS.timestamp} must be the Unix time of signing, within ${windowSeconds} seconds of the receiver's clock`,
    };
  const want = Buffer.from(sign(secret, ts, rawBody));
  const got = Buffer.from(headers.signature ?? '');
  if (got.length !== want.length || !timingSafeEqual(got, want))
    return { ok: false, code: 'bad_signature', message: `${HEADERS.signature} does not match the body and timestamp (HMAC-SHA256, v1)` };
  return { ok: true };
}

// ---------------------------------------------------------------- configuration

export interface PartnerEndpoint {
  /** Where messages to the partner are POSTed; null: inbound only. */
  url: string | null;
  /** The shared secret (both directions). */
  secret: string;
}
export type PartnerConfig = Partial<Record<Partner, PartnerEndpoint>>;

/**
 * From the environment: HELPLINE_112_SECRET (at least 32 characters) and HELPLINE_112_URL, the
 * same for 181. A partner without a secret is not connected: its messages are refused (401) and
 * ours to it wait, pending, until it is.
 */
export function partnerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PartnerConfig {
  const out: PartnerConfig = {};
  for (const p of PARTNERS) {
    const secret = env[`HELPLINE_${p}_SECRET`];
    if (!secret) continue;
    if (secret.length < 32)
      throw new Error(
        `HELPLINE_${p}_SECRET is ${secret.length} characters long; the shared secret that signs messages with ${p} must be at least 32 characters (docs/HELPLINE-CONTRACT.md). Set a longer one, or unset it to leave ${p} unconnected.`,
      );
    out[p] = { secret, url: env[`HELPLINE_${p}_URL`] || null };
  }
  return out;
}
