import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNode } from '../support/spawn';

// The real command line, as a user runs it, on a real embedded database in a temp folder.
const dir = mkdtempSync(join(tmpdir(), 'samanvay-cli-'));
const env = { ...process.env, DATABASE_URL: join(dir, 'db'), NODE_ENV: 'test' };
const run = (...args: string[]) => runNode(['bin/samanvay.js', ...args], { env });

beforeAll(async () => {
  const m = await run('migrate');
  if (m.status !== 0) throw new Error(m.stderr);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samanvay CLI', () => {
  it('--help lists the commands', async () => {
    const r = await run('--help');
    expect(r.status).toBe(0);
    for (const c of ['serve', 'migrate', 'seed', 'user', 'audit', 'import']) expect(r.stdout).toMatch(new RegExp(`\\b${c}\\b`));
  });

  it('creates the first administrator and refuses a weak password with the field named', async () => {
    const weak = await run(
      'user',
      'create',
      '--username',
      'firstadmin',
      '--name',
      'First Admin',
      '--role',
      'admin',
      '--jurisdiction',
      'st:27',
      '--password',
      'short',
    );
    expect(weak.status).not.toBe(0);
    expect(weak.stderr).toMatch(/password: must be at least 12 characters/);
    // The same rule as every other place a password is set: a common one is refused too.
    const common = await run(
      'user',
      'create',
      '--username',
      'firstadmin',
      '--name',
      'First Admin',
      '--role',
      'admin',
      '--jurisdiction',
      'st:27',
      '--password',
      'Password12345',
    );
    expect(common.status).not.toBe(0);
    expect(common.stderr).toMatch(/password: is a common word/);
    const ok = await run(
      'user',
      'create',
      '--username',
      'firstadmin',
      '--name',
      'First Admin',
      '--role',
      'admin',
      '--jurisdiction',
      'st:27',
      '--password',
      'a-long-password-1',
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/created admin firstadmin/);
    // Three processes, each opening the embedded database: minutes on a loaded 2-core machine.
  }, 180_000);

  it('imports a CSV, naming bad rows by line and field, with a non-zero exit', async () => {
    const csv = join(dir, 'in.csv');
    writeFileSync(
      csv,
      'district,taluka,village,head_name,child_name,sex,age\nAmravati,Morshi,Hiwarkhed,Ramesh Tayade,Ganesh Tayade,m,8\nAmravati,Morshi,Hiwarkhed,Ramesh Tayade,Pooja Tayade,q,6\n',
    );
    const r = await run('import', csv, '--as', 'firstadmin');
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/1 children and 1 families created, 1 invalid rows skipped/);
    expect(r.stderr).toMatch(/line 3, field sex:/);
  });

  it('audit verify reports an intact chain', async () => {
    const r = await run('audit', 'verify');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/audit log intact: \d+ entries/);
  });

  it('an unknown command is refused with a message', async () => {
    const r = await run('frobnicate');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command/);
  });
});
