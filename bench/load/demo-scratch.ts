/**
 * The demo in a scratch PostgreSQL database, every partitionable table converted (as `samanvay
 * partition` does) unless `partitioned` is false, ANALYZEd, with the app on it and the district
 * officer signed in: the setting of the plan scripts (case-read-plan.ts, generic-plans.ts).
 */
import pg from 'pg';
import { PG_URL } from '../support';
import { createScratchDatabase } from '../../src/db/scratch';
import { seedDemo } from '../../src/demo/seed';
import { DEMO_PASSWORD } from '../../src/demo/users';
import { buildApp } from '../../src/http/app';
import { convertTable, PARTITIONABLE_TABLES } from '../../src/db/partition/partition';
import { convertReferenced, REFERENCED_TABLES } from '../../src/db/partition/referenced';

export async function demoOnScratch(prefix: string, partitioned: boolean) {
  const db = await createScratchDatabase({ postgresUrl: PG_URL, prefix, states: [27, 23] });
  try {
    await seedDemo(db);
    if (partitioned) {
      for (const t of PARTITIONABLE_TABLES) await convertTable(db, t);
      for (const t of REFERENCED_TABLES) await convertReferenced(db, t);
    }
    await db.query('ANALYZE');
  } catch (e) {
    await db.drop();
    throw e;
  }
  const app = await buildApp(
    { database: db, db: db.db, now: () => new Date(), config: { filesDir: `/tmp/${prefix}`, webDir: null, secureCookies: false } },
    { logger: false },
  );
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'dcpo.amravati', password: DEMO_PASSWORD },
  });
  const headers = { authorization: `Bearer ${/samanvay_session=([^;]+)/.exec(String(login.headers['set-cookie']))![1]}` };
  return { db, app, headers };
}

/** Every statement node-postgres sends until `stop()`, as text and values (the app's own, as it sends them). */
export function captureStatements(): { seen: { text: string; values: unknown[] }[]; stop: () => void } {
  const seen: { text: string; values: unknown[] }[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [a, b] = args as [string | { text: string; values?: unknown[] }, unknown];
    if (a && typeof a === 'object' && typeof a.text === 'string')
      seen.push({ text: a.text, values: Array.isArray(b) ? b : (a.values ?? []) });
    return (original as (...x: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return {
    seen,
    stop: () => {
      pg.Client.prototype.query = original;
    },
  };
}
