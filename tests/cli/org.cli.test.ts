import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `samanvay org create|list` as an operator runs them, on a real embedded database in a temp folder.
const dir = mkdtempSync(join(tmpdir(), 'samanvay-org-cli-'));
const env = { ...process.env, DATABASE_URL: join(dir, 'db'), NODE_ENV: 'test' };
const run = (...args: string[]) => spawnSync(process.execPath, ['bin/samanvay.js', ...args], { env, encoding: 'utf8', timeout: 120_000 });

beforeAll(() => {
  const m = run('migrate');
  if (m.status !== 0) throw new Error(m.stderr);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samanvay org', () => {
  it('creates the state society and a taluka committee, and lists them from the state down', () => {
    const scps = run('org', 'create', '--kind', 'SCPS', '--name', 'State Child Protection Society, Maharashtra', '--place', 'st:27');
    expect(scps.status, scps.stderr).toBe(0);
    expect(scps.stdout).toMatch(/^created SCPS [0-9a-f-]{36} at st:27/);
    expect(run('org', 'create', '--kind', 'TCPC', '--name', 'TCPC Chandurbazar', '--place', 'sd:4005').status).toBe(0);
    const list = run('org', 'list');
    expect(list.status).toBe(0);
    const rows = list.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(rows.map((r) => [r[1], r[2], r[3], r[5]])).toEqual([
      ['SCPS', 'state', 'st:27', 'active'],
      ['TCPC', 'subdistrict', 'sd:4005', 'active'],
    ]);
    expect(run('org', 'list', '--level', 'state').stdout.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a kind that does not fit the place, naming the field, and writes nothing', () => {
    const r = run('org', 'create', '--kind', 'VCPC', '--name', 'VCPC Amravati', '--place', 'di:468');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/placeId: a VCPC sits at a village/);
    const bad = run('org', 'create', '--kind', 'CLUB', '--name', 'X', '--place', 'di:468');
    expect(bad.stderr).toMatch(/kind: must be one of/);
    expect(run('org', 'list').stdout.trim().split('\n')).toHaveLength(2);
  });
});
