import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNode } from '../support/spawn';
import { openDatabase } from '../../src/db/client';
import { lockDataFolder } from '../../src/db/lock';

// `samanvay backup` and `samanvay restore` on the embedded database, as an operator runs them.
const dir = mkdtempSync(join(tmpdir(), 'samanvay-backup-'));
const original = join(dir, 'db');
const file = join(dir, 'backup.tar.gz');
const run = (url: string, ...args: string[]) =>
  runNode(['bin/samanvay.js', ...args], { env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test' }, timeoutMs: 300_000 });

const COUNTS = `SELECT (SELECT count(*) FROM child) AS children, (SELECT count(*) FROM family) AS families,
  (SELECT count(*) FROM case_record) AS cases, (SELECT count(*) FROM audit_event) AS audit`;

async function counts(folder: string) {
  const d = await openDatabase(folder);
  try {
    return (await d.query<Record<string, number>>(COUNTS))[0];
  } finally {
    await d.close();
  }
}

beforeAll(async () => {
  const s = await run(original, 'seed');
  if (s.status !== 0) throw new Error(s.stderr);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('backup and restore of the embedded database', () => {
  it('is refused while another process holds the database, naming the folder and the PID', async () => {
    const lock = await lockDataFolder(original);
    try {
      const r = await run(original, 'backup', '--to', join(dir, 'while-held.tar.gz'));
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(String(process.pid));
      expect(r.stderr).toContain(original);
    } finally {
      lock.release();
    }
  });

  it('restores every record into a new folder, with an intact audit chain', async () => {
    const before = await counts(original);
    expect(before.children).toBeGreaterThan(0);
    const b = await run(original, 'backup', '--to', file);
    expect(b.status, b.stderr).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(1000);
    // A second backup does not overwrite the first.
    const again = await run(original, 'backup', '--to', file);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/to: .* exists already/);

    const restored = join(dir, 'restored');
    const r = await run(original, 'restore', '--from', file, '--to', restored);
    expect(r.status, r.stderr).toBe(0);
    expect(await counts(restored)).toEqual(before);
    const v = await run(restored, 'audit', 'verify');
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toMatch(/audit log intact: \d+ entries/);
  }, 300_000);

  it('never restores over an existing database, nor from a file that is not a backup', async () => {
    const overOriginal = await run(original, 'restore', '--from', file, '--to', original);
    expect(overOriginal.status).not.toBe(0);
    expect(overOriginal.stderr).toMatch(/to: .* already holds files/);

    const bogus = join(dir, 'notes.txt');
    writeFileSync(bogus, 'not a database');
    const target = join(dir, 'from-bogus');
    const r = await run(original, 'restore', '--from', bogus, '--to', target);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/file: .* is not a Samanvay backup/);
    expect(existsSync(target)).toBe(false);
  });
});
