/**
 * How an outbox message leaves the system. One interface for every channel; which sender
 * handles which channel is configuration (`sendersFromEnv`).
 *
 * What ships:
 * - `LogSender` (the default, and the demo's): writes one line to the server log per message
 *   with ONLY the message id, its kind, the action id, the department and the due date —
 *   never a name, address, case particulars or the message text (JJ Act 2015 s.74; the
 *   logs are read by people who may not see the child).
 * - `SmtpSender` (./smtp.ts): email through nodemailer, TLS required (STARTTLS or implicit
 *   TLS) unless SMTP_URL says `starttls=opportunistic|never`, enabled by SMTP_URL.
 * - `SmsSender` (./sms.ts): an HTTP SMS gateway client carrying the TRAI DLT ids (TCCCPR
 *   2018), enabled by SMS_URL. Its text is composed from the payload only (action reference,
 *   department, due date, link); without SMS_URL, 'sms' messages go to the log sender.
 * - Composed channels (`COMPOSED_CHANNELS`, e.g. `helpline_partner`): the row holds ids and a
 *   kind only; the channel's sender, registered by its module (`registerComposedChannel`), reads
 *   the record and builds the body when it sends. A channel without a sender is refused at
 *   enqueue and marked failed at send time: never handed to the log sender as if sent.
 */
import type { Db } from '../db/client';
import { COMPOSED_CHANNELS, TEXT_CHANNELS, type OutboxChannel } from './outbox.schema';
import { SmtpSender, smtpConfigFromUrl } from './smtp';
import { SmsSender, smsConfigFromUrl } from './sms';

export interface OutboxMessage {
  id: string;
  kind: string;
  channel: OutboxChannel;
  /** Email address or phone number; null for log-only messages. */
  to: string | null;
  subject: string;
  body: string;
  /** Ids, codes and dates only. */
  payload: Record<string, string | number | null>;
}

/** What a sender may report about a message it handed over (recorded on the outbox row). */
export interface SendReceipt {
  /** The provider's id for the message. */
  providerRef?: string;
  /** SMS parts billed (see sms.ts `smsSegments`). */
  segments?: number;
  encoding?: 'gsm7' | 'ucs2';
}

/** What a sender may use while sending: the database (a composed channel reads its record) and the clock. */
export interface SendContext {
  db: Db;
  now: Date;
}

/** How often a sender's failures are retried: `maxAttempts` null retries until delivered. */
export interface RetryPolicy {
  maxAttempts: number | null;
  /** The longest wait between attempts (the backoff doubles up to it). */
  maxDelayMs?: number;
}

export interface NotificationSender {
  /** Recorded as `sent_via` on the outbox row. */
  readonly name: string;
  /** Default: MAX_ATTEMPTS (outbox.service.ts), no cap on the wait. */
  readonly retry?: RetryPolicy;
  /**
   * The name its failed sends are counted under in GET /api/health, for a sender whose failures
   * monitoring must tell apart (the 112/181 partner link); default: the outbox's (OUTBOX_QUEUE).
   */
  readonly failureName?: string;
  /** Resolves when the message was handed over; throws to have it retried later. */
  send(message: OutboxMessage, ctx: SendContext): Promise<void | SendReceipt>;
}

/** A send failure whose message holds codes only (no address, no server's words): stored as `last_error`. */
export class SendError extends Error {}

/**
 * Not sent yet, by the sender's own rule, and not a failure: e.g. a partner message waiting for an
 * earlier one of the same call to be acknowledged. The outbox keeps it pending until `until` (or
 * until the sender makes it due, `makeDue`), counts no attempt and records `message` as its state.
 */
export class SendHeld extends Error {
  constructor(
    message: string,
    readonly until: Date,
  ) {
    super(message);
  }
}

/** Sender per channel; `fallback` takes a text channel (`TEXT_CHANNELS`) without its own sender. */
export interface Senders {
  byChannel: Partial<Record<OutboxChannel, NotificationSender>>;
  fallback: NotificationSender;
}

/** The payload keys the log sender may write. Everything else stays out of the log. */
export const LOGGABLE_KEYS = ['actionId', 'department', 'dueDate'] as const;

export class LogSender implements NotificationSender {
  readonly name = 'log';
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n')) {}

  async send(message: OutboxMessage): Promise<void> {
    const fields: Record<string, string | number | null> = { notification: message.id, kind: message.kind, channel: message.channel };
    for (const k of LOGGABLE_KEYS) if (message.payload[k] !== undefined) fields[k] = message.payload[k];
    this.write(JSON.stringify({ level: 30, time: Date.now(), msg: 'notification (log sender)', ...fields }));
  }
}

/**
 * Senders from the environment: SMTP_URL (smtp://user:pass@host:587?from=noreply@example.org,
 * or smtps:// for implicit TLS on 465) turns on email; SMS_URL
 * (https://user:key@gateway/send?sender=SAMNVY&entity=PE_ID&template=TEMPLATE_ID[&link=…])
 * turns on SMS; everything else goes to the log.
 */
export function sendersFromEnv(env: NodeJS.ProcessEnv = process.env, log = new LogSender()): Senders {
  const byChannel: Senders['byChannel'] = {};
  if (env.SMTP_URL) byChannel.email = new SmtpSender(smtpConfigFromUrl(env.SMTP_URL));
  if (env.SMS_URL) byChannel.sms = new SmsSender(smsConfigFromUrl(env.SMS_URL));
  for (const [channel, make] of composed) byChannel[channel] = make();
  return { byChannel, fallback: log };
}

const composed = new Map<OutboxChannel, () => NotificationSender>();

/** A module's sender for a composed channel (e.g. src/helpline/partner.service.ts), taken by `sendersFromEnv`. */
export function registerComposedChannel(channel: OutboxChannel, make: () => NotificationSender) {
  if (!COMPOSED_CHANNELS.includes(channel)) throw new Error(`outbox: ${channel} is not a composed channel`);
  composed.set(channel, make);
}

/** Whether the outbox can deliver a channel: a text channel (its sender or the log), or a composed one with its sender registered. */
export function channelHasSender(channel: string): channel is OutboxChannel {
  return TEXT_CHANNELS.includes(channel as OutboxChannel) || composed.has(channel as OutboxChannel);
}

/** The sender for a row's channel, or null (the row is marked failed, never sent by the log). */
export function senderFor(senders: Senders, channel: OutboxChannel): NotificationSender | null {
  return senders.byChannel[channel] ?? (TEXT_CHANNELS.includes(channel) ? senders.fallback : null);
}
