import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { enqueue, type NewOutboxRow } from './outbox.repository';
import { deliverOutbox, MAX_ATTEMPTS } from './outbox.service';
import { sendersFromEnv, LogSender } from './senders';
import { indianMobile, smsConfigFromUrl, SmsError, smsSegments, SmsSender, smsTarget, smsText, templateId } from './sms';
import type { SendContext } from './senders';

const MEETING = '4b0c6a52-3f1e-4c2a-9d7e-0a1b2c3d4e5f';
/** The short link maker, without a database (short-link.api.test.ts covers the real one). */
const shortened: string[] = [];
const shorten = async (_db: unknown, outboxId: string) => (shortened.push(outboxId), 'k7m2p9x4qa');
const CTX = { db: undefined, now: new Date('2026-12-06T06:30:00Z') } as unknown as SendContext;

/** A tiny SMS gateway on node:http: records each request and answers as told. */
interface Received {
  method: string;
  url: string;
  auth: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown>;
}
type Answer = { status: number; body: string } | 'hang';

function fakeGateway(answers: Answer[] = []) {
  const received: Received[] = [];
  const queue = [...answers];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method!,
        url: req.url!,
        auth: req.headers.authorization,
        contentType: req.headers['content-type'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      const a = queue.shift() ?? { status: 200, body: JSON.stringify({ status: 'success', messageId: `gw-${received.length}` }) };
      if (a === 'hang') return; // never answers: the sender's timeout must fire
      res.writeHead(a.status, { 'content-type': 'application/json' }).end(a.body);
    });
  });
  return new Promise<{ port: number; received: Received[]; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        received,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    ),
  );
}

const url = (port: number, extra = '') =>
  `http://dcpu%40amravati:k3y%2F1@127.0.0.1:${port}/api/send?route=tx&sender=SAMNVY&entity=1101234567890123456&template=1107000000000000001&template_mr=1107000000000000003&link=https://samanvay.test/${extra}`;

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

const REMINDER = {
  id: 'm-1',
  kind: 'convergence.reminder.due_soon',
  channel: 'sms' as const,
  to: '98765 43210',
  subject: 'Priya S. — Convergence action due',
  body: 'Priya Shinde, Rajura village, case AMR/CNCP/2025/0012: admit to school',
  payload: { actionId: '1f2e3d4c-aaaa-bbbb-cccc-000000000000', department: 'EDUCATION', dueDate: '2026-12-10', lang: 'en' },
};

describe('SMS text, encoding and segments', () => {
  it('counts GSM-7 in 160/153 and Devanagari (UCS-2) in 70/67', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
    expect(smsSegments('{'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 }); // extension chars: 2 septets
    expect(smsSegments('क'.repeat(70))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(smsSegments('क'.repeat(71))).toEqual({ encoding: 'ucs2', units: 71, segments: 2 });
    expect(smsSegments('क'.repeat(135))).toEqual({ encoding: 'ucs2', units: 135, segments: 3 });
    expect(smsSegments('Rs. 5 ₹').encoding).toBe('ucs2'); // one non-GSM character makes the whole text UCS-2
  });

  it('is composed from the payload only: action reference, department, due date and link — never the subject or body', () => {
    const { text } = smsText(REMINDER, 'https://samanvay.test', 'k7m2p9x4qa');
    // The link is a short link (DLT: every variable ≤ 30 characters); the code is its only variable.
    expect(text).toBe(
      'Samanvay: convergence action item A-1F2E3D4C for Education is due on 10-12-2026. Record what was done: https://samanvay.test/s/k7m2p9x4qa',
    );
    expect(smsTarget(REMINDER)).toEqual({ target: '/convergence/actions' });
    expect(text).not.toMatch(/Priya|Shinde|Rajura|AMR\/CNCP|school/);
    const mr = smsText(
      { ...REMINDER, kind: 'convergence.reminder.overdue', payload: { ...REMINDER.payload, lang: 'mr' } },
      'https://samanvay.test',
    ).text;
    expect(mr).toContain('A-1F2E3D4C');
    expect(mr).toContain('10-12-2026');
    expect(mr).toMatch(/[\u0900-\u097F]/);
    const meeting = { kind: 'convergence.note', payload: { meetingId: MEETING, department: 'HEALTH', actions: 3, lang: 'en' } };
    const note = smsText(meeting, 'https://s.test', 'abcdefgh23').text;
    expect(note).toBe(
      'Samanvay: the division-of-labour note of the convergence meeting is ready. Health: action items 3. Read it: https://s.test/s/abcdefgh23',
    );
    expect(smsTarget(meeting)).toEqual({
      target: `/convergence/meetings/${MEETING}`,
      entityType: 'convergence_meeting',
      entityId: MEETING,
    });
    expect(smsText({ kind: 'unknown', payload: { childName: 'Priya' } }, 'https://s.test').text).not.toContain('Priya');
  });

  it('normalises Indian mobile numbers and refuses anything else', () => {
    expect(indianMobile('98765 43210')).toBe('919876543210');
    expect(indianMobile('+91 98765-43210')).toBe('919876543210');
    expect(indianMobile('098765 43210')).toBe('919876543210');
    expect(() => indianMobile('12345')).toThrow(SmsError);
  });

  it('parses SMS_URL and insists on the DLT ids', () => {
    const c = smsConfigFromUrl(url(8080));
    expect(c).toMatchObject({
      endpoint: 'http://127.0.0.1:8080/api/send?route=tx',
      user: 'dcpu@amravati',
      key: 'k3y/1',
      sender: 'SAMNVY',
      entityId: '1101234567890123456',
      templates: { en: '1107000000000000001', hi: '1107000000000000001', mr: '1107000000000000003' },
      link: 'https://samanvay.test',
      timeoutMs: 10_000,
    });
    expect(c.kindTemplates).toEqual({});
    // Each kind of text is its own DLT template: the most specific id configured wins.
    const k = smsConfigFromUrl(`${url(8080)}&template_overdue=1107000000000000010&template_overdue_mr=1107000000000000011`);
    expect(templateId(k, 'overdue', 'mr')).toBe('1107000000000000011');
    expect(templateId(k, 'overdue', 'hi')).toBe('1107000000000000010');
    expect(templateId(k, 'due_soon', 'mr')).toBe('1107000000000000003');
    expect(templateId(k, 'note', 'en')).toBe('1107000000000000001');
    expect(new URL(k.endpoint).searchParams.has('template_overdue')).toBe(false);
    // A malformed URL is refused without quoting it (it may hold the gateway's key).
    expect(() => smsConfigFromUrl('https://user:secret@[bad')).toThrow(/^SMS_URL is not a valid URL$/);
    expect(() => smsConfigFromUrl('https://gw.test/send?entity=1&template=2')).toThrow(/sender/);
    expect(() => smsConfigFromUrl('https://gw.test/send?sender=SAMNVY&template=2')).toThrow(/entity/);
    expect(() => smsConfigFromUrl('https://gw.test/send?sender=SAMNVY&entity=1')).toThrow(/template/);
    expect(() => smsConfigFromUrl('smtp://gw.test/?sender=SAMNVY&entity=1&template=2')).toThrow(/https/);
    expect(sendersFromEnv({ SMS_URL: url(8080) }).byChannel.sms).toBeInstanceOf(SmsSender);
    expect(sendersFromEnv({}).byChannel.sms).toBeUndefined();
  });
});

describe('SmsSender against a real HTTP gateway', () => {
  it('posts UTF-8 JSON with basic auth, the DLT fields, the Unicode flag and the segment count', async () => {
    const gw = await fakeGateway();
    close = gw.close;
    const sender = new SmsSender(smsConfigFromUrl(url(gw.port)), fetch, shorten);
    const receipt = await sender.send({ ...REMINDER, payload: { ...REMINDER.payload, lang: 'mr' } }, CTX);
    const [r] = gw.received;
    expect(r.method).toBe('POST');
    expect(r.url).toBe('/api/send?route=tx');
    expect(r.contentType).toBe('application/json; charset=utf-8');
    expect(Buffer.from(r.auth!.replace('Basic ', ''), 'base64').toString('utf8')).toBe('dcpu@amravati:k3y/1');
    const text = r.body.message as string;
    expect(text).toMatch(/^समन्वय: /);
    expect(text).toMatch(/: https:\/\/samanvay\.test\/s\/k7m2p9x4qa$/);
    expect(shortened).toContain('m-1');
    expect(r.body).toMatchObject({
      to: '919876543210',
      sender: 'SAMNVY',
      unicode: true,
      encoding: 'UCS2',
      dlt_entity_id: '1101234567890123456',
      dlt_template_id: '1107000000000000003',
      dlt_header: 'SAMNVY',
      reference: 'm-1',
      segments: Math.ceil(text.length / 67),
    });
    expect(JSON.stringify(r.body)).not.toMatch(/Priya|Shinde|Rajura|AMR\/CNCP/);
    expect(receipt).toEqual({ providerRef: 'gw-1', segments: Math.ceil(text.length / 67), encoding: 'ucs2' });
  });

  it('treats a non-2xx status, an error body and a silent gateway as failures', async () => {
    const gw = await fakeGateway([
      { status: 503, body: 'busy' },
      { status: 200, body: JSON.stringify({ status: 'error', message: 'template mismatch for 919876543210' }) },
      { status: 200, body: 'ERROR: DLT header not approved' },
      'hang',
    ]);
    close = gw.close;
    const sender = new SmsSender(smsConfigFromUrl(url(gw.port, '&timeout=300')), fetch, shorten);
    await expect(sender.send(REMINDER, CTX)).rejects.toThrow('SMS HTTP failed (503)');
    await expect(sender.send(REMINDER, CTX)).rejects.toThrow('SMS gateway failed (200)');
    await expect(sender.send(REMINDER, CTX)).rejects.toThrow('SMS gateway failed (200)');
    const t0 = Date.now();
    await expect(sender.send(REMINDER, CTX)).rejects.toThrow('SMS timeout failed');
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});

describe('SMS through the outbox', () => {
  let t: TestApp;
  const T0 = new Date('2026-12-07T04:30:00Z');
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params);
  const row = (key: string, over: Partial<NewOutboxRow> = {}): NewOutboxRow => ({
    dedupeKey: key,
    kind: REMINDER.kind,
    channel: 'sms',
    recipientAddress: '+919876543210',
    subject: REMINDER.subject,
    body: REMINDER.body,
    payload: { ...REMINDER.payload, lang: 'hi' },
    stateCode: 27,
    districtCode: 468,
    nextAttemptAt: T0,
    createdAt: T0,
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp({ demo: false });
  });
  afterAll(() => t.close());

  it('a failed send is retried with backoff and recorded with its segments once the gateway accepts it', async () => {
    const gw = await fakeGateway([
      { status: 500, body: 'oops' },
      { status: 200, body: '{"status":"failed"}' },
    ]);
    close = gw.close;
    const lines: string[] = [];
    const senders = sendersFromEnv({ SMS_URL: url(gw.port) }, new LogSender((l) => lines.push(l)));
    await enqueue(t.ctx.db, [row('sms-retry')]);
    const state = async () =>
      (
        await q<{
          status: string;
          attempts: number;
          last_error: string | null;
          next_attempt_at: Date;
          sent_via: string | null;
          segments: number | null;
          encoding: string | null;
          provider_ref: string | null;
        }>(
          "SELECT status, attempts, last_error, next_attempt_at, sent_via, segments, encoding, provider_ref FROM notification_outbox WHERE dedupe_key = 'sms-retry'",
        )
      )[0];

    expect(await deliverOutbox(t.ctx.db, senders, T0)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let s = await state();
    expect(s).toMatchObject({ status: 'pending', attempts: 1, last_error: 'SMS HTTP failed (500)' });
    expect(new Date(s.next_attempt_at).getTime()).toBe(T0.getTime() + 60_000);
    expect((await deliverOutbox(t.ctx.db, senders, T0)).retrying).toBe(0); // not due yet

    const t1 = new Date(s.next_attempt_at);
    expect(await deliverOutbox(t.ctx.db, senders, t1)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    s = await state();
    expect(s).toMatchObject({ status: 'pending', attempts: 2, last_error: 'SMS gateway failed (200)' });

    expect(await deliverOutbox(t.ctx.db, senders, new Date(s.next_attempt_at))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    s = await state();
    const sent = gw.received[2].body;
    const segments = Math.ceil((sent.message as string).length / 67);
    expect(s).toMatchObject({
      status: 'sent',
      attempts: 3,
      last_error: null,
      sent_via: 'sms',
      segments,
      encoding: 'ucs2',
      provider_ref: 'gw-3',
    });
    expect(sent).toMatchObject({ unicode: true, dlt_template_id: '1107000000000000001', to: '919876543210' });
    expect(sent.message).not.toMatch(/Priya|Rajura/);
    expect(gw.received).toHaveLength(3);
    expect(lines).toEqual([]); // nothing went to the log
  });

  it('gives up after the last attempt when the gateway keeps refusing', async () => {
    const gw = await fakeGateway(Array.from({ length: MAX_ATTEMPTS }, () => ({ status: 502, body: '' })));
    close = gw.close;
    const senders = sendersFromEnv({ SMS_URL: url(gw.port) });
    await enqueue(t.ctx.db, [row('sms-dead')]);
    let now = T0;
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const r = await deliverOutbox(t.ctx.db, senders, now);
      const [s] = await q<{ status: string; next_attempt_at: Date }>(
        "SELECT status, next_attempt_at FROM notification_outbox WHERE dedupe_key = 'sms-dead'",
      );
      if (i < MAX_ATTEMPTS) {
        expect(r.retrying).toBe(1);
        now = new Date(s.next_attempt_at);
      } else {
        expect(r.failed).toBe(1);
        expect(s.status).toBe('failed');
      }
    }
    expect(gw.received).toHaveLength(MAX_ATTEMPTS);
  });
});
