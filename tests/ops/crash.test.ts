import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { villageId } from '../../src/demo/seed';
import { runCli, scratchPostgres, signIn, startServe, stopServe, type ServerProcess } from './server-process';

/**
 * A server killed with SIGKILL in the middle of a stream of writes loses none that it had
 * acknowledged (2xx), on the embedded database and on PostgreSQL; and N requests updating one
 * record with the same version give one success and N-1 conflicts, never a lost update.
 */
const PG = process.env.TEST_DATABASE_URL || '';

interface Target {
  name: string;
  env: () => NodeJS.ProcessEnv;
  serveArgs: string[];
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

const tmp = mkdtempSync(join(tmpdir(), 'samanvay-crash-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const pglite: Target = (() => {
  const folder = join(tmp, 'db');
  return {
    name: 'embedded PGlite folder',
    env: () => ({ DATABASE_URL: folder, FILES_DIR: join(tmp, 'files') }),
    serveArgs: [],
    // Demo seeded once, by the CLI, before the server starts.
    async setUp() {
      const r = await runCli({ DATABASE_URL: folder }, ['seed']);
      if (r.status !== 0) throw new Error(r.stderr);
    },
    async tearDown() {},
  };
})();

const postgres: Target = (() => {
  let db: { url: string; drop: () => Promise<void> } | null = null;
  return {
    name: 'PostgreSQL',
    env: () => ({ DATABASE_URL: db!.url, FILES_DIR: join(tmp, 'files-pg') }),
    serveArgs: ['--demo'],
    async setUp() {
      db = await scratchPostgres(PG, 'samanvay_crash');
    },
    async tearDown() {
      await db?.drop();
    },
  };
})();

// Similar names on purpose (many writes of one kind): saved past the duplicate check at the door with a reason.
const newChild = (n: number) => ({
  locationId: villageId('Wadali'),
  name: `Kiran Crash ${n}`,
  sex: n % 2 ? 'female' : 'male',
  ageYears: 6 + (n % 8),
  careStatus: 'birth_family',
  notDuplicate: { reason: 'crash test: distinct children with similar names' },
});

for (const target of [pglite, ...(PG ? [postgres] : [])]) {
  describe(`kill -9 and concurrent updates on ${target.name}`, () => {
    let server: ServerProcess | undefined;

    beforeAll(async () => {
      await target.setUp();
      server = await startServe(target.env(), target.serveArgs);
    }, 300_000);
    afterAll(async () => {
      await stopServe(server);
      await target.tearDown();
    });

    it('N parallel updates of one child with the same version: one succeeds, the others get 409, nothing is lost', async () => {
      const cw = await signIn(server!.url, 'caseworker.amravati');
      const created = await cw.post('/children', newChild(0));
      expect(created.status).toBe(201);
      const { id, version } = created.body as { id: string; version: number };
      const N = 8;
      const results = await Promise.all(
        Array.from({ length: N }, (_, i) => cw.patch(`/children/${id}`, { version, school: `ZP School ${i}` })),
      );
      const ok = results.filter((r) => r.status === 200);
      const conflicts = results.filter((r) => r.status === 409);
      expect(ok).toHaveLength(1);
      expect(conflicts).toHaveLength(N - 1);
      for (const c of conflicts) expect(c.body).toMatchObject({ code: 'version_conflict' });
      const winner = (ok[0].body as { school: string }).school;
      const now = (await cw.get(`/children/${id}`)).body as { version: number; school: string };
      expect(now).toMatchObject({ version: version + 1, school: winner });
    }, 300_000);

    it('every write acknowledged before SIGKILL is there after a restart', async () => {
      const cw = await signIn(server!.url, 'caseworker.amravati');
      const acked = new Map<string, string>();
      let n = 1;
      let stop = false;
      const errors: string[] = [];
      // Four writers, one request after another each, until the server dies under them.
      const writer = async () => {
        while (!stop) {
          const i = n++;
          try {
            const r = await cw.post('/children', newChild(i));
            if (r.status === 201) acked.set((r.body as { id: string }).id, `Kiran Crash ${i}`);
            else if (!stop) errors.push(`status ${r.status}`);
          } catch (err) {
            if (!stop) errors.push(String(err)); // after the kill, a reset connection is expected
          }
        }
      };
      const writers = Array.from({ length: 4 }, () => writer());
      const until = Date.now() + 30_000;
      while (acked.size < 25 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      // Kill while requests are in flight, as a power cut or the OOM killer would.
      stop = true;
      server!.proc.kill('SIGKILL');
      expect(await server!.exited).toBeNull();
      await Promise.all(writers);
      expect(errors).toEqual([]);
      expect(acked.size).toBeGreaterThanOrEqual(25);

      server = await startServe(target.env(), target.serveArgs);
      // The killed server's lock on the embedded folder is stale: taken over, with a note.
      if (target === pglite) expect(server.output()).toContain('that process is gone, so this one takes the database over');
      const after = await signIn(server.url, 'caseworker.amravati');
      const missing: string[] = [];
      for (const [id, name] of acked) {
        const r = await after.get(`/children/${id}`);
        if (r.status !== 200 || (r.body as { name: string }).name !== name) missing.push(`${id} (${r.status})`);
      }
      expect(missing).toEqual([]);
      const verify = await fetch(`${server.url}/api/health`);
      expect(verify.status).toBe(200);
    }, 300_000);
  });
}
