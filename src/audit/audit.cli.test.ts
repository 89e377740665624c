import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/client';
import { audit } from './audit.service';

// `samanvay audit checkpoint` and `audit verify` as an operator runs them, on an embedded database.
const dir = mkdtempSync(join(tmpdir(), 'samanvay-audit-cli-'));
const dbDir = join(dir, 'db');
const env = { ...process.env, DATABASE_URL: dbDir, NODE_ENV: 'test', AUDIT_KEY: '', AUDIT_KEY_FILE: '', AUDIT_CHECKPOINT_FILE: '' };
const run = (...args: string[]) => spawnSync(process.execPath, ['bin/samanvay.js', ...args], { env, encoding: 'utf8', timeout: 120_000 });
const child = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

async function withDb(fn: (d: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>) {
  const d = await openDatabase(dbDir);
  try {
    await fn(d);
  } finally {
    await d.close();
  }
}

beforeAll(async () => {
  const m = run('migrate');
  if (m.status !== 0) throw new Error(m.stderr);
  await withDb(async (d) => {
    for (let i = 0; i < 6; i++) await audit(d.db, null, 'read', 'child', child(i));
  });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samanvay audit', () => {
  it('signs a checkpoint with a key made next to the data folder, exports it, and verify checks against it', () => {
    const file = join(dir, 'elsewhere', 'checkpoints.jsonl');
    const c = run('audit', 'checkpoint', '--export', file);
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout).toMatch(/checkpoint at position 6/);
    expect(existsSync(join(dir, 'db.audit-key'))).toBe(true);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    const v = run('audit', 'verify', '--checkpoints', file);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/audit log intact: 6 entries; matches the checkpoint of .* \(position 6/);
  });

  it('fails naming truncation when the tail was deleted by someone who switched the triggers off', async () => {
    await withDb(async (d) => {
      for (const t of ['audit_event', 'audit_chain', 'audit_subject']) await d.exec(`ALTER TABLE ${t} DISABLE TRIGGER ALL`);
      await d.exec('DELETE FROM audit_subject WHERE event_seq IN (SELECT event_seq FROM audit_chain WHERE pos > 4)');
      await d.exec('DELETE FROM audit_event WHERE seq IN (SELECT event_seq FROM audit_chain WHERE pos > 4)');
      await d.exec('DELETE FROM audit_chain WHERE pos > 4');
      for (const t of ['audit_event', 'audit_chain', 'audit_subject']) await d.exec(`ALTER TABLE ${t} ENABLE TRIGGER ALL`);
    });
    const v = run('audit', 'verify', '--checkpoints', join(dir, 'elsewhere', 'checkpoints.jsonl'));
    expect(v.status).toBe(1);
    expect(v.stdout).toMatch(/TAMPERED \(truncated\).*chain ends at position 4.*truncation/);
  });
});
