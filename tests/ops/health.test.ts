import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestApp, type TestApp } from '../support/app';
import { startCaseJobs, OVERDUE_SWEEP_QUEUE } from '../../src/cases/cases.jobs';
import { enqueue } from '../../src/notifications/outbox.repository';
import { deliverOutbox, OUTBOX_QUEUE } from '../../src/notifications/outbox.service';
import { opsCounts, setOpsLog, type OpsLog } from '../../src/kernel/ops-health';
import { PartnerSender, PARTNER_FAILURES } from '../../src/helpline/partner.service';
import { LogSender } from '../../src/notifications/senders';

/**
 * Failures away from any request (background jobs, the outbox, idle pool connections) are
 * logged without their message (which may carry names and phone numbers) and counted in
 * GET /api/health, which still answers 200 while the server is ready.
 */
const PERSONAL = 'Jyoti Pawar, 9876543210';
let t: TestApp;
let logged: Parameters<OpsLog>[0][] = [];

beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());
afterEach(() => setOpsLog(null));

const health = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/health' });
  expect(res.statusCode).toBe(200);
  return res.json() as { status: string; database: string; jobs: { failures: Record<string, number> }; pool: { errors: number } };
};

async function until(cond: () => boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('GET /api/health', () => {
  it('reports the database and zero failures on a fresh server', async () => {
    expect(await health()).toEqual({ status: 'ok', database: t.ctx.database.kind, jobs: { failures: {} }, pool: { errors: 0 } });
  });

  it('a failing pg-boss job is logged by type and stack only, counted per queue, and stored without its message', async () => {
    setOpsLog((e) => logged.push(e));
    logged = [];
    const ctx = {
      ...t.ctx,
      now: () => {
        throw new TypeError(`no clock for ${PERSONAL}`);
      },
    };
    const jobs = await startCaseJobs(ctx, { cron: null, supervise: false, pollingIntervalSeconds: 0.5 });
    try {
      await jobs.boss.send(OVERDUE_SWEEP_QUEUE, {});
      await until(() => (opsCounts().jobs.failures[OVERDUE_SWEEP_QUEUE] ?? 0) >= 1);
    } finally {
      await jobs.stop();
    }
    expect((await health()).jobs.failures[OVERDUE_SWEEP_QUEUE]).toBeGreaterThanOrEqual(1);
    expect(logged[0]).toMatchObject({ msg: 'background job failed', queue: OVERDUE_SWEEP_QUEUE, err: { type: 'TypeError' } });
    expect(logged[0].err.stack).toMatch(/at /);
    expect(JSON.stringify(logged)).not.toContain('Jyoti');
    // pg-boss keeps a failed job's error in its table: only the type is there.
    const rows = await t.ctx.database.query<{ output: string }>('SELECT output::text AS output FROM pgboss.job WHERE name = $1', [
      OVERDUE_SWEEP_QUEUE,
    ]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.output ?? '').join(' ')).not.toContain('Jyoti');
  });

  it('a failed outbox send is counted and logged without the message text', async () => {
    setOpsLog((e) => logged.push(e));
    logged = [];
    const at = new Date('2026-12-01T04:30:00Z');
    await enqueue(t.ctx.db, [
      {
        dedupeKey: 'health-1',
        kind: 'test',
        channel: 'email',
        recipientAddress: 'eo@zp.test',
        subject: 's',
        body: PERSONAL,
        payload: {},
        stateCode: 27,
        districtCode: 468,
        nextAttemptAt: at,
        createdAt: at,
      },
    ]);
    const failing = {
      name: 'smtp',
      send: async () => {
        throw new Error(`refused ${PERSONAL}`);
      },
    };
    const before = opsCounts().jobs.failures[OUTBOX_QUEUE] ?? 0;
    const r = await deliverOutbox(t.ctx.db, { byChannel: { email: failing }, fallback: failing }, at);
    expect(r.retrying).toBe(1);
    expect((await health()).jobs.failures[OUTBOX_QUEUE]).toBe(before + 1);
    expect(logged.filter((e) => e.queue === OUTBOX_QUEUE)).toEqual([
      expect.objectContaining({ msg: 'background job failed', err: expect.objectContaining({ type: 'Error' }) }),
    ]);
    expect(JSON.stringify(logged)).not.toContain('Jyoti');
  });

  it('a failed send to the 112/181 partner is counted under the partner, not the outbox', async () => {
    const at = new Date('2026-12-01T04:30:00Z');
    await enqueue(t.ctx.db, [
      {
        dedupeKey: 'health-partner-1',
        kind: 'helpline.partner',
        channel: 'helpline_partner',
        recipientAddress: null,
        subject: '',
        body: '',
        // A message the partner table does not hold: the sender refuses it (SendError), as a failed POST would.
        payload: { partnerMessageId: '00000000-0000-4000-8000-000000000001' },
        stateCode: 27,
        districtCode: 468,
        nextAttemptAt: at,
        createdAt: at,
      },
    ]);
    const before = opsCounts().jobs.failures;
    const r = await deliverOutbox(t.ctx.db, { byChannel: { helpline_partner: new PartnerSender() }, fallback: new LogSender() }, at, {
      channels: ['helpline_partner'],
    });
    expect(r.retrying).toBe(1);
    const failures = (await health()).jobs.failures;
    expect(failures[PARTNER_FAILURES]).toBe((before[PARTNER_FAILURES] ?? 0) + 1);
    expect(failures[OUTBOX_QUEUE] ?? 0).toBe(before[OUTBOX_QUEUE] ?? 0);
    expect(Object.keys(failures)).not.toContain('helpline_partner');
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'an idle pool connection dropped by PostgreSQL is counted, and the server stays ready',
    async () => {
      setOpsLog((e) => logged.push(e));
      logged = [];
      await t.ctx.database.query('SELECT 1'); // a connection now idle in the pool
      const [{ db }] = await t.ctx.database.query<{ db: string }>('SELECT current_database() AS db');
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      let dropped = 0;
      try {
        const r = await admin.query(
          'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [db],
        );
        dropped = r.rows.filter((x: { ok: boolean }) => x.ok).length;
      } finally {
        await admin.end();
      }
      expect(dropped).toBeGreaterThanOrEqual(1);
      // Each idle connection of the pool reports its end as an error event: none may crash the server.
      await until(() => opsCounts().pool.errors >= dropped);
      const h = await health();
      expect(h.pool.errors).toBe(dropped);
      expect(logged[0]).toMatchObject({ msg: 'database pool error', err: { code: '57P01' } });
    },
  );
});
