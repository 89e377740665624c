import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { shouldSeedDemo } from '../../src/server';
import { scratchPostgres, signIn, startServe, stopServe, type ServerProcess } from './server-process';

/**
 * The demo's users share a published password and include a state-wide administrator: `serve`
 * seeds them only into the embedded database (a trial on one machine) or when asked with
 * --demo; a PostgreSQL deployment with no users is told how to make its first administrator.
 */
const PG = process.env.TEST_DATABASE_URL || '';
const tmp = mkdtempSync(join(tmpdir(), 'samanvay-demo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const userCount = async (url: string) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user')).rows[0].n;
  } finally {
    await c.end();
  }
};

describe('when serve seeds the demo', () => {
  it('the rule: embedded by default, PostgreSQL only with --demo, never with --no-demo', () => {
    expect(shouldSeedDemo(undefined, 'pglite')).toBe(true);
    expect(shouldSeedDemo(undefined, 'postgres')).toBe(false);
    expect(shouldSeedDemo(true, 'postgres')).toBe(true);
    expect(shouldSeedDemo(false, 'pglite')).toBe(false);
    expect(shouldSeedDemo(false, 'postgres')).toBe(false);
  });

  it('an empty embedded folder gets the demo; with --no-demo it gets none and the operator is told how to make an administrator', async () => {
    let s: ServerProcess | undefined;
    try {
      s = await startServe({ DATABASE_URL: join(tmp, 'plain') }, ['--no-demo']);
      expect(s.output()).toContain('No users yet. Create the first administrator');
      expect(s.output()).toContain('npx samanvay user create --username <name> --name "<full name>" --role admin');
      await expect(signIn(s.url, 'admin')).rejects.toThrow(/401/);
      await stopServe(s);
      s = await startServe({ DATABASE_URL: join(tmp, 'plain') }); // no flag, on the embedded database
      expect(s.output()).toContain('Demo data seeded');
      expect(s.output()).not.toContain('No users yet');
      await signIn(s.url, 'admin');
    } finally {
      await stopServe(s);
    }
  }, 300_000);

  describe.skipIf(!PG)('on PostgreSQL', () => {
    it('an empty database gets no demo without --demo, only the instructions; with --demo it gets the demo', async () => {
      const db = await scratchPostgres(PG, 'samanvay_demo');
      let s: ServerProcess | undefined;
      try {
        s = await startServe({ DATABASE_URL: db.url });
        expect(s.output()).not.toContain('Demo data seeded');
        expect(s.output()).toContain('No users yet. Create the first administrator');
        expect(s.output()).not.toContain(db.url); // the URL may carry a password
        expect(await userCount(db.url)).toBe(0);
        await stopServe(s);
        s = await startServe({ DATABASE_URL: db.url }, ['--demo']);
        expect(s.output()).toContain('Demo data seeded');
        expect(await userCount(db.url)).toBeGreaterThan(10);
      } finally {
        await stopServe(s);
        await db.drop();
      }
    }, 300_000);
  });
});
