import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { enqueue, type NewOutboxRow } from './outbox.repository';
import { deliverOutbox, MAX_ATTEMPTS } from './outbox.service';
import { LogSender, type NotificationSender, type OutboxMessage } from './senders';
import { SmtpError } from './smtp';
import { startConvergenceJobs } from '../convergence/convergence.jobs';

/** The outbox: queued once, delivered once (even by concurrent workers), retried with backoff. */
let t: TestApp;
const T0 = new Date('2026-12-01T04:30:00Z');
const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params);

beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

const row = (key: string, over: Partial<NewOutboxRow> = {}): NewOutboxRow => ({
  dedupeKey: key,
  kind: 'test',
  channel: 'log',
  subject: 's',
  body: 'b',
  payload: { actionId: key, department: 'HEALTH', dueDate: '2026-12-10' },
  stateCode: 27,
  districtCode: 468,
  nextAttemptAt: T0,
  createdAt: T0,
  ...over,
});

class Recorder implements NotificationSender {
  readonly sent: OutboxMessage[] = [];
  constructor(
    readonly name = 'recorder',
    private failWith: Error | null = null,
  ) {}
  async send(m: OutboxMessage) {
    if (this.failWith) throw this.failWith;
    await new Promise((r) => setTimeout(r, 1));
    this.sent.push(m);
  }
}

describe('outbox', () => {
  it('queues a dedupe key once, however often it is enqueued', async () => {
    expect(await enqueue(t.ctx.db, [row('once')])).toHaveLength(1);
    expect(await enqueue(t.ctx.db, [row('once'), row('once-2')])).toEqual([expect.objectContaining({ dedupeKey: 'once-2' })]);
    await deliverOutbox(t.ctx.db, { byChannel: {}, fallback: new Recorder() }, T0);
  });

  it('two workers at once deliver every message exactly once', async () => {
    await enqueue(
      t.ctx.db,
      Array.from({ length: 60 }, (_, i) => row(`c-${i}`)),
    );
    const a = new Recorder('a');
    const b = new Recorder('b');
    const [ra, rb] = await Promise.all([
      deliverOutbox(t.ctx.db, { byChannel: {}, fallback: a }, T0, { batch: 7 }),
      deliverOutbox(t.ctx.db, { byChannel: {}, fallback: b }, T0, { batch: 7 }),
    ]);
    expect(ra.sent + rb.sent).toBe(60);
    const ids = [...a.sent, ...b.sent].map((m) => m.payload.actionId);
    expect(new Set(ids).size).toBe(60);
    const [{ n }] = await q<{ n: number }>(
      "SELECT count(*)::int n FROM notification_outbox WHERE dedupe_key LIKE 'c-%' AND status = 'sent'",
    );
    expect(n).toBe(60);
  });

  it('routes by channel: email to the email sender, SMS without an SMS sender configured to the log', async () => {
    await enqueue(t.ctx.db, [
      row('mail', { channel: 'email', recipientAddress: 'eo@zp.test' }),
      row('sms', { channel: 'sms', recipientAddress: '+919800000000' }),
    ]);
    const email = new Recorder('smtp');
    const lines: string[] = [];
    await deliverOutbox(t.ctx.db, { byChannel: { email }, fallback: new LogSender((l) => lines.push(l)) }, T0);
    expect(email.sent.map((m) => m.to)).toEqual(['eo@zp.test']);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ channel: 'sms', actionId: 'sms', department: 'HEALTH', dueDate: '2026-12-10' });
    const via = await q<{ dedupe_key: string; sent_via: string }>(
      "SELECT dedupe_key, sent_via FROM notification_outbox WHERE dedupe_key IN ('mail','sms') ORDER BY 1",
    );
    expect(via).toEqual([
      { dedupe_key: 'mail', sent_via: 'smtp' },
      { dedupe_key: 'sms', sent_via: 'log' },
    ]);
  });

  it('the log sender writes ids, department and due date only: never the text or other payload', async () => {
    const lines: string[] = [];
    await new LogSender((l) => lines.push(l)).send({
      id: 'm1',
      kind: 'k',
      channel: 'log',
      to: 'someone@x.test',
      subject: 'Priya S. case',
      body: 'Priya S. lives in Rajura',
      payload: { actionId: 'a1', department: 'EDUCATION', dueDate: '2026-12-10', childName: 'Priya S.' },
    });
    expect(lines[0]).not.toContain('Priya');
    expect(lines[0]).not.toContain('someone@');
    expect(Object.keys(JSON.parse(lines[0])).sort()).toEqual([
      'actionId',
      'channel',
      'department',
      'dueDate',
      'kind',
      'level',
      'msg',
      'notification',
      'time',
    ]);
  });

  it('a failure is retried with backoff, then given up after the last attempt', async () => {
    await enqueue(t.ctx.db, [row('flaky')]);
    const failing = { byChannel: {}, fallback: new Recorder('smtp', new SmtpError('RCPT TO', 451)) };
    let now = T0;
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const r = await deliverOutbox(t.ctx.db, failing, now);
      const [s] = await q<{ status: string; attempts: number; last_error: string; next_attempt_at: Date }>(
        "SELECT status, attempts, last_error, next_attempt_at FROM notification_outbox WHERE dedupe_key = 'flaky'",
      );
      expect(s.attempts).toBe(i);
      expect(s.last_error).toBe('SMTP RCPT TO failed (451)');
      if (i < MAX_ATTEMPTS) {
        expect(r.retrying).toBe(1);
        expect(s.status).toBe('pending');
        expect((await deliverOutbox(t.ctx.db, failing, now)).retrying).toBe(0); // not due again yet
        now = new Date(s.next_attempt_at);
      } else {
        expect(r.failed).toBe(1);
        expect(s.status).toBe('failed');
      }
    }
  });

  it('refuses at enqueue a channel it has no sender for, and a composed channel carrying text; nothing is written', async () => {
    await expect(enqueue(t.ctx.db, [row('fax', { channel: 'fax' as never })])).rejects.toThrow('no sender for channel "fax"');
    await expect(enqueue(t.ctx.db, [row('partner-text', { channel: 'helpline_partner' })])).rejects.toThrow('holds ids only');
    const [{ n }] = await q<{ n: number }>("SELECT count(*)::int n FROM notification_outbox WHERE dedupe_key IN ('fax','partner-text')");
    expect(n).toBe(0);
  });

  it('marks failed, with the reason, a composed message no sender was given for: never sent by the log', async () => {
    await enqueue(t.ctx.db, [
      row('composed', { channel: 'helpline_partner', body: '', payload: { partnerMessageId: '00000000-0000-4000-8000-000000000000' } }),
    ]);
    const log = new Recorder('log');
    const r = await deliverOutbox(t.ctx.db, { byChannel: {}, fallback: log }, T0);
    expect(r).toMatchObject({ sent: 0, failed: 1 });
    expect(log.sent).toEqual([]);
    const [s] = await q<{ status: string; last_error: string; sent_via: string | null }>(
      "SELECT status, last_error, sent_via FROM notification_outbox WHERE dedupe_key = 'composed'",
    );
    expect(s).toEqual({ status: 'failed', last_error: 'no sender for channel helpline_partner', sent_via: null });
  });

  it('the reminder job runs on pg-boss and delivers the outbox', async () => {
    await enqueue(t.ctx.db, [row('via-job', { nextAttemptAt: new Date(0) })]);
    const sender = new Recorder('job');
    const jobs = await startConvergenceJobs(t.ctx, {
      cron: null,
      supervise: false,
      pollingIntervalSeconds: 0.5,
      senders: { byChannel: {}, fallback: sender },
    });
    try {
      const out = await jobs.runNow();
      expect(out).toMatchObject({ queued: 0, sent: 1 });
      expect(sender.sent.map((m) => m.payload.actionId)).toEqual(['via-job']);
    } finally {
      await jobs.stop();
    }
  });
});
