import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `samanvay care-sweep` as an operator runs it, on a real embedded database in a temp folder: the
// care module's daily sweeps now (the ledger's due months, sponsorship pauses, foster lapse alerts).
const dir = mkdtempSync(join(tmpdir(), 'samanvay-care-cli-'));
const env = { ...process.env, DATABASE_URL: join(dir, 'db'), NODE_ENV: 'test' };
const run = (...args: string[]) => spawnSync(process.execPath, ['bin/samanvay.js', ...args], { env, encoding: 'utf8', timeout: 180_000 });

beforeAll(() => {
  const m = run('migrate');
  if (m.status !== 0) throw new Error(m.stderr);
}, 200_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samanvay care-sweep', () => {
  it('runs every sweep with progress on stderr and the summary on stdout; a second run raises nothing twice', () => {
    const r = run('care-sweep');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/care-sweep: 1\/3 ledger/);
    expect(r.stderr).toMatch(/care-sweep: 3\/3 foster-lapses/);
    expect(r.stderr).toMatch(/care-sweep: done/);
    expect(r.stdout).toMatch(/^ledger: 0 due entries made up to \d{4}-\d{2}/m);
    expect(r.stdout).toMatch(/^sponsorship pauses: 0 month\(s\) withheld/m);
    expect(r.stdout).toMatch(/^foster lapses: 0 alert\(s\) raised/m);
    const only = run('care-sweep', '--only', 'foster-lapses');
    expect(only.status, only.stderr).toBe(0);
    expect(only.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^foster lapses: 0 alert/)]);
  }, 200_000);

  it('refuses an unknown sweep plainly, naming the option, with exit 2 and nothing run', () => {
    const r = run('care-sweep', '--only', 'ledger,bogus');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/only: unknown sweep "bogus"; must be one or more of ledger, sponsorship-pauses, foster-lapses/);
    expect(r.stderr).not.toMatch(/care-sweep: 1\//);
    expect(r.stdout).toBe('');
    const empty = run('care-sweep', '--only', ',');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/only: name at least one sweep/);
  }, 200_000);
});
