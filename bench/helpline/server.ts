/**
 * The server side of the helpline bench, in its own process (autocannon in the parent must not
 * share its event loop): a scratch database with the demo seeded, the real app on 127.0.0.1,
 * and the baselines run here against the same database: a plain INSERT of the rows an intake
 * writes, and the queue's page as one plain SELECT.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/http/app';
import type { AppContext } from '../../src/http/context';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/scratch';
import { seedDemo } from '../../src/demo/seed';
import { listCalls, queuePageQuery } from '../../src/helpline/helpline.repository';
import type { Actor } from '../../src/access/policy';
import { istToday } from '../../src/kernel/clock';

type Msg =
  | { type: 'start'; postgresUrl?: string }
  | { type: 'plainInserts'; n: number; concurrency: number }
  | { type: 'fill'; rows: number }
  | { type: 'plainQueue'; n: number }
  | { type: 'queueStatements'; n: number }
  | { type: 'stop' };

const send = (m: unknown) => process.send!(m);
let database: ScratchDatabase | null = null;
let close: (() => Promise<void>) | null = null;

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

/** The row a submitted intake leaves (the same columns the API writes), inserted directly. */
const INSERT = `INSERT INTO helpline_call (status, channel, state_code, district_code, operator_user_id, caller_phone, caller_name,
  children, location_text, categories, urgency, language, notes, received_at, submitted_at, route, target_minutes, target_at,
  triage, created_at, updated_at)
  VALUES ('open', '1098', 27, 468, NULL, '+91 98220 12345', 'Bench caller', '[{"name":"Sunil","sex":"male","ageYears":9}]',
  'behind the bus stand', '{rescue}', 'emergency', 'mr', 'bench', now(), now(), 'police_112', 60, now() + interval '60 minutes',
  '{}', now(), now())`;

process.on('message', async (m: Msg) => {
  try {
    if (m.type === 'start') {
      database = await createScratchDatabase({ postgresUrl: m.postgresUrl, prefix: 'samanvay_bench_helpline', states: [27] });
      await seedDemo(database);
      const ctx: AppContext = {
        database,
        db: database.db,
        now: () => new Date(),
        config: { filesDir: `/tmp/samanvay-bench-helpline-${process.pid}`, webDir: null, secureCookies: false },
      };
      const app = await buildApp(ctx, { logger: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      close = async () => {
        await app.close();
        await database!.drop();
      };
      send({ type: 'ready', port: (app.server.address() as AddressInfo).port });
    } else if (m.type === 'plainInserts') {
      // `concurrency` workers inserting one row at a time, as 50 operators would.
      const t = process.hrtime.bigint();
      let left = m.n;
      const lat: number[] = [];
      await Promise.all(
        Array.from({ length: m.concurrency }, async () => {
          while (left-- > 0) {
            const s = process.hrtime.bigint();
            await database!.query(INSERT);
            lat.push(ms(s));
          }
        }),
      );
      send({ type: 'done', ms: ms(t), latencies: lat });
    } else if (m.type === 'fill') {
      // `rows` open calls in Amravati (468) spread over the last 30 days, both urgencies (the issue's "1 lakh
      // open calls"), half as many dispatched/reached/closed there, and as many again in Akola (467) of
      // every status: the state's index then holds other districts' calls, as a real state's does.
      await database!.query(`INSERT INTO helpline_call (status, channel, state_code, district_code, caller_anonymous, children,
          categories, urgency, received_at, submitted_at, route, target_minutes, target_at, created_at, updated_at)
        SELECT CASE WHEN g <= ${Number(m.rows)} THEN 'open'
            WHEN g <= ${Math.round(Number(m.rows) * 1.5)} THEN (ARRAY['dispatched','reached','closed'])[1 + g % 3]
            ELSE (ARRAY['open','dispatched','reached','closed'])[1 + g % 4] END,
          '1098', 27, CASE WHEN g > ${Math.round(Number(m.rows) * 1.5)} THEN 467 ELSE 468 END, true, '[]',
          ARRAY[(ARRAY['rescue','abuse','begging','missing'])[1 + g % 4]], (ARRAY['emergency','non_emergency'])[1 + g % 2],
          now() - (g % 43200) * interval '1 minute', now(), 'district_unit', 60, now(), now(), now()
        FROM generate_series(1, ${Number(m.rows) * 2}) AS g ORDER BY md5(g::text)`);
      await database!.query('ANALYZE helpline_call');
      send({ type: 'ok' });
    } else if (m.type === 'plainQueue') {
      // The same first page, as one plain SELECT: no access policy, no count, no repeat-call flag, no audit.
      const lat: number[] = [];
      for (let i = 0; i < m.n; i++) {
        const s = process.hrtime.bigint();
        // The queue's order through its index (migrations/0970), as the API reads it (the policy's state and district).
        await database!.query(`SELECT * FROM helpline_call WHERE state_code = 27 AND district_code = 468 AND status <> 'draft'
          ORDER BY queue_rank, received_at, number LIMIT 50`);
        lat.push(ms(s));
      }
      send({ type: 'done', latencies: lat });
    } else if (m.type === 'queueStatements') {
      // The API's district page without HTTP, session and audit: its page statement alone (outside
      // listCalls' transaction, so with the server's JIT setting), and listCalls (the capped count and
      // the page, JIT off), as the district officer (the policy's WHERE).
      const [u] = await database!.query<{ id: string; organisation_id: string }>(
        "SELECT id, organisation_id FROM app_user WHERE username = 'dcpo.amravati'",
      );
      const actor: Actor = {
        userId: u.id,
        username: 'dcpo.amravati',
        displayName: 'DCPO',
        role: 'dcpu_officer',
        organisationId: u.organisation_id,
        organisationKind: 'DCPU',
        scope: { level: 'district', stateCode: 27, districtCode: 468 },
      };
      const q = { page: 1, pageSize: 50 } as Parameters<typeof listCalls>[2];
      const page: number[] = [];
      const withCount: number[] = [];
      for (let i = 0; i < m.n; i++) {
        const now = new Date();
        let s = process.hrtime.bigint();
        await queuePageQuery(database!.db, actor, q, {}, now, istToday(now));
        page.push(ms(s));
        s = process.hrtime.bigint();
        await listCalls(database!.db, actor, q, {}, now, istToday(now));
        withCount.push(ms(s));
      }
      send({ type: 'done', page, withCount });
    } else if (m.type === 'stop') {
      await close?.();
      send({ type: 'ok' });
      process.exit(0);
    }
  } catch (err) {
    send({ type: 'error', message: (err as Error).message });
  }
});
send({ type: 'alive' });
