/**
 * A minimal SMTP client (RFC 5321) for outbox email: plain, STARTTLS (RFC 3207) or implicit
 * TLS, AUTH PLAIN or LOGIN (RFC 4954), one message per connection. The body is UTF-8 in
 * base64, so Marathi and Hindi text arrives intact and no line needs dot-stuffing.
 * No dependency: node:net and node:tls only.
 */
import net from 'node:net';
import tls from 'node:tls';
import { randomUUID } from 'node:crypto';
import type { NotificationSender, OutboxMessage } from './senders';

export interface SmtpConfig {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (smtps, port 465). */
  secure: boolean;
  /** STARTTLS after EHLO: required (fail without it), opportunistic (when offered), never. */
  startTls: 'required' | 'opportunistic' | 'never';
  user?: string;
  pass?: string;
  from: string;
  /** Name sent with EHLO. */
  heloName?: string;
  timeoutMs?: number;
  tls?: tls.ConnectionOptions;
}

/** smtp://user:pass@host:587?from=noreply@example.org&starttls=required|opportunistic|never, smtps://…:465 */
export function smtpConfigFromUrl(url: string): SmtpConfig {
  const u = new URL(url);
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const secure = u.protocol === 'smtps:';
  const from = u.searchParams.get('from');
  if (!from) throw new Error('SMTP_URL needs ?from=address');
  const st = (u.searchParams.get('starttls') ?? (secure ? 'never' : 'opportunistic')) as SmtpConfig['startTls'];
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

interface Reply {
  code: number;
  lines: string[];
}

/** Reads multi-line SMTP replies from a socket that may be swapped for a TLS one. */
class ReplyReader {
  private buffer = '';
  private lines: string[] = [];
  private replies: Reply[] = [];
  private waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void } | null = null;
  private failed: Error | null = null;
  private socket!: net.Socket;

  constructor(socket: net.Socket) {
    this.attach(socket);
  }

  attach(socket: net.Socket) {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.onData(chunk));
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new SmtpError('connection closed', null)));
  }

  private fail(e: Error) {
    this.failed ??= e;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w.reject(this.failed);
    }
  }

  private onData(chunk: string) {
    this.buffer += chunk;
    let i: number;
    while ((i = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, i).replace(/\r$/, '');
      this.buffer = this.buffer.slice(i + 1);
      this.lines.push(line);
      if (/^\d{3}(?: |$)/.test(line)) {
        const reply = { code: Number(line.slice(0, 3)), lines: this.lines.map((l) => l.slice(4)) };
        this.lines = [];
        if (this.waiting) {
          const w = this.waiting;
          this.waiting = null;
          w.resolve(reply);
        } else this.replies.push(reply);
      }
    }
  }

  next(): Promise<Reply> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  detach() {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('error');
    this.socket.removeAllListeners('close');
  }
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
/** RFC 2047 encoded word for a header that is not plain ASCII. */
const headerText = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${b64(s)}?=`);
const wrap76 = (s: string) => s.replace(/(.{76})/g, '$1\r\n');

export function formatMessage(from: string, to: string, subject: string, body: string, date = new Date()): string {
  const domain = from.split('@')[1] ?? 'localhost';
  return [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${headerText(subject)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    wrap76(b64(body.replace(/\r?\n/g, '\r\n'))),
  ].join('\r\n');
}

/** Sends one message; resolves when the server accepted it (250 after DATA). */
export async function sendMail(config: SmtpConfig, mail: { to: string; subject: string; body: string }): Promise<void> {
  if (/[\r\n<>]/.test(mail.to) || /[\r\n<>]/.test(config.from)) throw new SmtpError('address', null);
  const timeout = config.timeoutMs ?? 20_000;
  let socket: net.Socket = await new Promise((resolve, reject) => {
    const s = config.secure
      ? tls.connect({ host: config.host, port: config.port, servername: config.host, ...config.tls }, () => resolve(s))
      : net.connect({ host: config.host, port: config.port }, () => resolve(s));
    s.once('error', reject);
  });
  socket.setTimeout(timeout, () => socket.destroy(new SmtpError('timeout', null)));
  const reader = new ReplyReader(socket);
  const send = (line: string) => socket.write(line + '\r\n');
  const expect = async (stage: string, ok: (code: number) => boolean): Promise<Reply> => {
    const r = await reader.next();
    if (!ok(r.code)) throw new SmtpError(stage, r.code);
    return r;
  };
  try {
    await expect('greeting', (c) => c === 220);
    const helo = config.heloName ?? 'samanvay.local';
    send(`EHLO ${helo}`);
    let ehlo = await expect('EHLO', (c) => c === 250);
    const offers = (r: Reply, ext: string) => r.lines.some((l) => l.toUpperCase().startsWith(ext));
    if (!config.secure && config.startTls !== 'never' && (offers(ehlo, 'STARTTLS') || config.startTls === 'required')) {
      if (!offers(ehlo, 'STARTTLS')) throw new SmtpError('STARTTLS not offered', null);
      send('STARTTLS');
      await expect('STARTTLS', (c) => c === 220);
      reader.detach();
      socket = await new Promise<net.Socket>((resolve, reject) => {
        const s = tls.connect({ socket, servername: config.host, ...config.tls }, () => resolve(s));
        s.once('error', reject);
      });
      reader.attach(socket);
      send(`EHLO ${helo}`);
      ehlo = await expect('EHLO after STARTTLS', (c) => c === 250);
    }
    if (config.user) {
      const auth = ehlo.lines.find((l) => l.toUpperCase().startsWith('AUTH')) ?? '';
      if (/\bPLAIN\b/i.test(auth) || !/\bLOGIN\b/i.test(auth)) {
        send(`AUTH PLAIN ${b64(`\0${config.user}\0${config.pass ?? ''}`)}`);
        await expect('AUTH', (c) => c === 235);
      } else {
        send('AUTH LOGIN');
        await expect('AUTH', (c) => c === 334);
        send(b64(config.user));
        await expect('AUTH', (c) => c === 334);
        send(b64(config.pass ?? ''));
        await expect('AUTH', (c) => c === 235);
      }
    }
    send(`MAIL FROM:<${config.from}>`);
    await expect('MAIL FROM', (c) => c === 250);
    send(`RCPT TO:<${mail.to}>`);
    await expect('RCPT TO', (c) => c === 250 || c === 251);
    send('DATA');
    await expect('DATA', (c) => c === 354);
    socket.write(formatMessage(config.from, mail.to, mail.subject, mail.body) + '\r\n.\r\n');
    await expect('message', (c) => c === 250);
    send('QUIT');
    await reader.next().catch(() => undefined);
  } finally {
    reader.detach();
    socket.destroy();
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
