import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBenchmark } from '../../src/linkage/benchmark/generate';
import { personCsv } from '../../src/linkage/csv';
import { runNode } from '../support/spawn';

/**
 * Production runs the JavaScript bundle (scripts/build-server.js, tsup), not the sources
 * through tsx. Built here into a folder of its own under dist/ (so that the CLI tests running
 * bin/samanvay.js at the same time are not disturbed) and run with plain node: no tsx loaded.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const out = join(ROOT, 'dist', `test-${process.pid}`);
const tmp = mkdtempSync(join(tmpdir(), 'samanvay-built-'));
const node = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runNode(args, { cwd: tmp, env: { ...process.env, NODE_ENV: 'test', ...env } });

beforeAll(async () => {
  const b = await runNode(['scripts/build-server.js', '--out-dir', relative(ROOT, out)], { cwd: ROOT });
  if (b.status !== 0) throw new Error(`build failed: ${b.stderr}${b.stdout}`);
});
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

describe('the built command line (dist/)', () => {
  it('runs --help with plain node, from another folder, without tsx', async () => {
    const r = await node([join(out, 'cli.js'), '--help']);
    expect(r.status).toBe(0);
    for (const c of ['serve', 'migrate', 'seed', 'user', 'audit', 'import', 'link', 'dedupe'])
      expect(r.stdout).toMatch(new RegExp(`\\b${c}\\b`));
    expect(readFileSync(join(out, 'cli.js'), 'utf8')).not.toMatch(/from ["']tsx/);
  }, 300_000);

  it('links with worker threads (the worker is built beside the bundle) and gives the one-thread answers', async () => {
    const b = generateBenchmark({ seed: 7, left: 200, right: 200 });
    writeFileSync(join(tmp, 'left.csv'), personCsv(b.left));
    writeFileSync(join(tmp, 'right.csv'), personCsv(b.right));
    const link = (file: string, workers: string) =>
      node([join(out, 'cli.js'), 'link', '--left', 'left.csv', '--right', 'right.csv', '--out', file, '--workers', workers]);
    const one = await link('one.csv', '1');
    expect(one.status, one.stderr).toBe(0);
    const two = await link('two.csv', '2');
    expect(two.status, two.stderr).toBe(0);
    const pairs = (f: string) =>
      readFileSync(join(tmp, f), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',').slice(0, 2).join('/'));
    expect(pairs('one.csv').length).toBeGreaterThan(100);
    expect(pairs('two.csv')).toEqual(pairs('one.csv'));
  }, 300_000);

  it('finds migrations and the LGD reference data from the bundle (a new embedded database)', async () => {
    const r = await node([join(out, 'cli.js'), 'migrate'], { DATABASE_URL: join(tmp, 'db') });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\d+ migration\(s\) applied/);
    const v = await node([join(out, 'cli.js'), 'audit', 'verify'], { DATABASE_URL: join(tmp, 'db') });
    expect(v.stdout).toMatch(/audit log intact/);
  }, 300_000);
});
