import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

// Bad options of `national-dashboard` are refused by name before any connection is made: the
// database URL points at a port nothing listens on, so reaching it would fail differently.
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/samanvay.js', 'national-dashboard', ...args], { encoding: 'utf8', timeout: 60_000 });
const URL = 'postgres://postgres@127.0.0.1:1/nowhere';

describe('national-dashboard refuses bad options', () => {
  it.each([
    [['--database-url', 'mysql://x/y'], /--database-url/],
    [['--database-url', URL, '--format', 'pdf'], /--format: one of table, json, csv/],
    [['--database-url', URL, '--max-age-minutes', '-5'], /--max-age-minutes: a positive number/],
  ])('%j', (args, message) => {
    const r = run(...args);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/reading the national dashboard/);
  });
});
