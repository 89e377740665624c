/**
 * Outbox email over SMTP with nodemailer (a maintained client: STARTTLS, implicit TLS,
 * AUTH, MIME and header encoding). TLS is required by default: an smtp:// server that does
 * not offer STARTTLS (or whose offer was stripped on the way) makes the send fail, so a
 * note naming children never crosses the network in plain text. Only an explicit
 * `starttls=opportunistic` or `starttls=never` in SMTP_URL allows that.
 */
import type tls from 'node:tls';
import nodemailer from 'nodemailer';
import type { NotificationSender, OutboxMessage } from './senders';

export interface SmtpConfig {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (smtps, port 465). */
  secure: boolean;
  /** STARTTLS after EHLO: required (fail without it, the default), opportunistic (when offered), never. */
  startTls: 'required' | 'opportunistic' | 'never';
  user?: string;
  pass?: string;
  from: string;
  /** Name sent with EHLO. */
  heloName?: string;
  timeoutMs?: number;
  /** TLS options (e.g. `ca` for a private certificate authority). */
  tls?: tls.ConnectionOptions;
}

/** smtp://user:pass@host:587?from=noreply@example.org&starttls=required|opportunistic|never, smtps://…:465 */
export function smtpConfigFromUrl(url: string): SmtpConfig {
  const u = new URL(url);
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const secure = u.protocol === 'smtps:';
  const from = u.searchParams.get('from');
  if (!from) throw new Error('SMTP_URL needs ?from=address');
  const st = (u.searchParams.get('starttls') ?? (secure ? 'never' : 'required')) as SmtpConfig['startTls'];
  if (!['required', 'opportunistic', 'never'].includes(st)) throw new Error('SMTP_URL starttls must be required, opportunistic or never');
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    startTls: st,
    user: u.username ? decodeURIComponent(u.username) : undefined,
    pass: u.password ? decodeURIComponent(u.password) : undefined,
    from,
    heloName: u.searchParams.get('helo') ?? undefined,
  };
}

export class SmtpError extends Error {
  constructor(
    readonly stage: string,
    readonly code: number | null,
  ) {
    // Only the stage and the reply code: server replies can echo addresses.
    super(`SMTP ${stage} failed${code ? ` (${code})` : ''}`);
    this.name = 'SmtpError';
  }
}

/** The nodemailer options for a config: where the TLS rule is applied. */
export function transportOptions(config: SmtpConfig) {
  const timeout = config.timeoutMs ?? 20_000;
  return {
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: !config.secure && config.startTls === 'required',
    ignoreTLS: !config.secure && config.startTls === 'never',
    auth: config.user ? { user: config.user, pass: config.pass ?? '' } : undefined,
    name: config.heloName ?? 'samanvay.local',
    tls: { servername: config.host, ...config.tls },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    // No connection pooling: one message per connection, as the outbox sends them one by one.
    pool: false,
    logger: false,
    debug: false,
  } as const;
}

/** What of a nodemailer error may be kept: the SMTP command it failed at and the reply code. */
function smtpError(err: unknown): SmtpError {
  const e = err as { code?: string; command?: string; responseCode?: number };
  const stage = e.code === 'ETLS' ? 'STARTTLS' : e.command ? e.command.replace(/^(AUTH) .*/, '$1') : (e.code ?? 'connection');
  return new SmtpError(stage, typeof e.responseCode === 'number' ? e.responseCode : null);
}

/** Sends one message; resolves when the server accepted it. */
export async function sendMail(config: SmtpConfig, mail: { to: string; subject: string; body: string }): Promise<void> {
  if (/[\r\n<>,;]/.test(mail.to) || /[\r\n<>,;]/.test(config.from)) throw new SmtpError('address', null);
  const transport = nodemailer.createTransport(transportOptions(config));
  try {
    await transport.sendMail({
      from: config.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.body,
      // base64 keeps Marathi and Hindi intact through any relay, with no line to dot-stuff.
      textEncoding: 'base64',
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  } catch (err) {
    throw smtpError(err);
  } finally {
    transport.close();
  }
}

export class SmtpSender implements NotificationSender {
  readonly name = 'smtp';
  constructor(private readonly config: SmtpConfig) {}

  async send(message: OutboxMessage): Promise<void> {
    if (!message.to) throw new SmtpError('no recipient address', null);
    await sendMail(this.config, { to: message.to, subject: message.subject, body: message.body });
  }
}
