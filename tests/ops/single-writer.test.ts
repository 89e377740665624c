import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE } from '../../src/db/lock';
import { openDatabase } from '../../src/db/client';
import { runCli, startServe, stopServe, type ServerProcess } from './server-process';

/**
 * One process per embedded database (src/db/lock.ts). Two servers on one PGlite folder each
 * keep their own copy of the database and overwrite each other's writes, so a second server
 * and every command that opens the database are refused, naming the folder and the PID.
 */
const dir = mkdtempSync(join(tmpdir(), 'samanvay-lock-'));
const folder = join(dir, 'db');
const env = { DATABASE_URL: folder };
let server: ServerProcess | undefined;

beforeAll(async () => {
  server = await startServe(env, ['--no-demo']);
}, 200_000);
afterAll(async () => {
  await stopServe(server);
  rmSync(dir, { recursive: true, force: true });
});

describe('a PGlite folder held by a running server', () => {
  it('holds a lock file naming the server', () => {
    const lock = JSON.parse(readFileSync(join(folder, LOCK_FILE), 'utf8'));
    expect(lock).toMatchObject({ pid: server!.pid, host: hostname() });
  });

  it('refuses a second server and every command that opens the database, naming the folder and the PID', async () => {
    const second = await runCli(env, ['serve', '--port', '0', '--no-demo']);
    const runs = [
      second,
      ...(await Promise.all(
        [
          ['migrate'],
          ['seed'],
          ['audit', 'verify'],
          ['import', join(dir, 'none.csv')],
          ['user', 'create', '--username', 'x', '--name', 'X', '--role', 'admin', '--password', 'long-enough-password-1'],
        ].map((a) => runCli(env, a)),
      )),
    ];
    for (const r of runs) {
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(`the embedded database ${folder} is in use by another Samanvay process (PID ${server!.pid}`);
    }
    expect(second.stderr).not.toContain('Samanvay is ready');
    // The first server is unaffected.
    expect((await fetch(`${server!.url}/api/health`)).status).toBe(200);
  }, 300_000);

  it('refuses a second open in the same process too', async () => {
    await expect(openDatabase(folder)).rejects.toThrow(`PID ${server!.pid}`);
  }, 300_000);

  it('releases the lock when the server stops; the folder opens again', async () => {
    await stopServe(server);
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
    const r = await runCli(env, ['audit', 'verify']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/audit log intact/);
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
  }, 300_000);

  it('takes over a stale lock (its process is gone) with a note on stderr', async () => {
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => gone.on('exit', r));
    writeFileSync(
      join(folder, LOCK_FILE),
      JSON.stringify({ pid: gone.pid, host: hostname(), since: '2026-12-01T00:00:00.000Z', processStart: null, token: 'old' }),
    );
    const r = await runCli(env, ['audit', 'verify']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`note: ${folder} was locked by PID ${gone.pid} on ${hostname()}`);
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
  }, 300_000);

  it('takes over a lock whose PID now belongs to another program (a different start time)', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(
        join(folder, LOCK_FILE),
        JSON.stringify({ pid: other.pid, host: hostname(), since: '2026-12-01T00:00:00.000Z', processStart: '1', token: 'old' }),
      );
      const r = await runCli(env, ['audit', 'verify']);
      expect(r.status).toBe(0);
      expect(r.stderr).toContain('whose PID now belongs to another program');
    } finally {
      other.kill('SIGKILL');
    }
  }, 300_000);

  it('refuses while a lock from another host is fresh, takes it over once it is no longer refreshed', async () => {
    const path = join(folder, LOCK_FILE);
    writeFileSync(
      path,
      JSON.stringify({ pid: 4242, host: 'another-host', since: '2026-12-01T00:00:00.000Z', processStart: null, token: 'old' }),
    );
    const fresh = await runCli(env, ['audit', 'verify']);
    expect(fresh.status).toBe(1);
    expect(fresh.stderr).toContain('PID 4242 on another-host');
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(path, old, old);
    const later = await runCli(env, ['audit', 'verify']);
    expect(later.status).toBe(0);
    expect(later.stderr).toContain('PID 4242 on another-host');
    expect(later.stderr).toContain('not refreshed');
  }, 300_000);

  it('creates a new folder, or an existing empty one (a mounted volume), already locked', async () => {
    for (const target of [join(dir, 'fresh', 'db'), join(dir, 'empty')]) {
      if (target.endsWith('empty')) mkdirSync(target);
      const d = await openDatabase(target);
      try {
        expect(JSON.parse(readFileSync(join(target, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
        expect(existsSync(join(target, 'PG_VERSION'))).toBe(true);
        await expect(openDatabase(target)).rejects.toThrow(`PID ${process.pid}`);
      } finally {
        await d.close();
      }
      expect(existsSync(join(target, LOCK_FILE))).toBe(false);
    }
    expect(readdirSync(join(dir, 'fresh'))).toEqual(['db']); // no half-made folder left beside it
  }, 300_000);
});
