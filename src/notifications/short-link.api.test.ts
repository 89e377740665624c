import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { shortLinkFor, SHORT_LINK_DAYS, SHORT_LINK_KEEP_EXPIRED_DAYS } from './short-link';
import { dailySweep } from '../care/care.jobs';
import { smsTarget } from './sms';

/**
 * GET /s/:code, the SMS short link (DLT: every template variable ≤ 30 characters, so the link goes
 * as `<site>/s/<code>`): a real route, no session needed, 302 to the app's page until it expires,
 * one code per outbox message, and an audit entry when it names a record.
 */
let t: TestApp;
const NOW = new Date('2026-12-06T06:30:00Z');
const MEETING = '4b0c6a52-3f1e-4c2a-9d7e-0a1b2c3d4e5f';
const OUTBOX_A = 'a0000000-0000-4000-8000-00000000000a';
const OUTBOX_B = 'b0000000-0000-4000-8000-00000000000b';
beforeAll(async () => {
  t = await createTestApp({ demo: false, now: NOW });
});
afterAll(() => t.close());

const rows = <T>(res: unknown): T[] => (Array.isArray(res) ? res : ((res as { rows?: T[] }).rows ?? [])) as T[];
const follows = async () =>
  rows<{ n: number }>(
    await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'short_link.follow' AND entity_id = ${MEETING}`),
  )[0]!.n;

describe('SMS short links', () => {
  it('redirects to the page the SMS is about, without a session, and audits a link that names a record', async () => {
    const note = { kind: 'convergence.note', payload: { meetingId: MEETING, department: 'HEALTH', actions: 2, lang: 'hi' } };
    const code = await shortLinkFor(t.ctx.db, OUTBOX_A, smsTarget(note), NOW);
    expect(code).toMatch(/^[a-z2-9]{10}$/);
    // A retry of the same outbox message sends the same link.
    expect(await shortLinkFor(t.ctx.db, OUTBOX_A, smsTarget(note), NOW)).toBe(code);
    const res = await t.app.inject({ method: 'GET', url: `/s/${code}` });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/convergence/meetings/${MEETING}`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(await follows()).toBe(1);
    // The code holds nothing of the record: not the meeting's id, nothing a person wrote.
    expect(MEETING.replace(/-/g, '')).not.toContain(code);
  });

  it('a reminder link opens the action items; no record named, nothing audited', async () => {
    const reminder = { kind: 'convergence.reminder.overdue', payload: { actionId: MEETING, department: 'HEALTH', dueDate: '2026-12-01' } };
    const code = await shortLinkFor(t.ctx.db, OUTBOX_B, smsTarget(reminder), NOW);
    const before = await follows();
    const res = await t.app.inject({ method: 'GET', url: `/s/${code}` });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/convergence/actions');
    expect(await follows()).toBe(before);
  });

  it('refuses an unknown or malformed code (404) and an expired one (410), with the error body', async () => {
    for (const bad of ['zzzzzzzzzz', 'short', '../../etc', 'AAAAAAAAAA']) {
      const res = await t.app.inject({ method: 'GET', url: `/s/${encodeURIComponent(bad)}` });
      expect(res.statusCode, bad).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
    }
    const code = await shortLinkFor(t.ctx.db, 'c0000000-0000-4000-8000-00000000000c', { target: '/' }, NOW);
    t.setNow(new Date(NOW.getTime() + SHORT_LINK_DAYS * 86_400_000 + 1000));
    try {
      const res = await t.app.inject({ method: 'GET', url: `/s/${code}` });
      expect(res.statusCode).toBe(410);
      expect(res.json()).toMatchObject({ code: 'link_expired' });
      expect(res.headers.location).toBeUndefined();
    } finally {
      t.setNow(NOW);
    }
  });

  it('the daily sweep deletes links a week past expiry and keeps the rest', async () => {
    const old = await shortLinkFor(t.ctx.db, 'd0000000-0000-4000-8000-00000000000d', { target: '/' }, NOW);
    const later = new Date(NOW.getTime() + 20 * 86_400_000);
    const young = await shortLinkFor(t.ctx.db, 'e0000000-0000-4000-8000-00000000000e', { target: '/' }, later);
    const codes = async () =>
      rows<{ code: string }>(await t.ctx.db.execute(sql`SELECT code FROM sms_short_link WHERE code IN (${old}, ${young})`)).map(
        (r) => r.code,
      );
    // A day past expiry: still kept (it answers 410, "sign in instead").
    t.setNow(new Date(NOW.getTime() + (SHORT_LINK_DAYS + 1) * 86_400_000));
    try {
      expect((await dailySweep(t.ctx)).shortLinksPurged).toBe(0);
      expect((await codes()).sort()).toEqual([old, young].sort());
      t.setNow(new Date(NOW.getTime() + (SHORT_LINK_DAYS + SHORT_LINK_KEEP_EXPIRED_DAYS + 1) * 86_400_000));
      const swept = await dailySweep(t.ctx);
      expect(swept.shortLinksPurged).toBeGreaterThanOrEqual(1);
      expect(await codes()).toEqual([young]);
      expect((await t.app.inject({ method: 'GET', url: `/s/${old}` })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: `/s/${young}` })).statusCode).toBe(302);
    } finally {
      t.setNow(NOW);
    }
  });

  it('limits the links followed per address (429 with Retry-After), another address unaffected, and frees it in the next window', async () => {
    const code = await shortLinkFor(t.ctx.db, 'f0000000-0000-4000-8000-00000000000f', { target: '/' }, NOW);
    const saved = process.env.SHORT_LINK_RATE_MAX;
    process.env.SHORT_LINK_RATE_MAX = '3';
    // The clock is frozen (NOW), so all of these fall in one window.
    const follow = (remoteAddress: string) => t.app.inject({ method: 'GET', url: `/s/${code}`, remoteAddress });
    try {
      for (let i = 0; i < 3; i++) expect((await follow('203.0.113.7')).statusCode).toBe(302);
      const refused = await follow('203.0.113.7');
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ code: 'rate_limited' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Unknown codes count too (guessing is what the limit is for).
      expect((await t.app.inject({ method: 'GET', url: '/s/zzzzzzzzzz', remoteAddress: '203.0.113.7' })).statusCode).toBe(429);
      expect((await follow('198.51.100.9')).statusCode).toBe(302);
      t.setNow(new Date(NOW.getTime() + 10 * 60_000));
      expect((await follow('203.0.113.7')).statusCode).toBe(302);
    } finally {
      t.setNow(NOW);
      if (saved === undefined) delete process.env.SHORT_LINK_RATE_MAX;
      else process.env.SHORT_LINK_RATE_MAX = saved;
    }
  });
});
