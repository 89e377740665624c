import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateBenchmark } from './benchmark/generate';
import { personCsv } from './csv';

const devCli = fileURLToPath(new URL('./dev-cli.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'samanvay-linkage-'));
const b = generateBenchmark({ seed: 5, left: 300, right: 300 });
writeFileSync(join(dir, 'left.csv'), personCsv(b.left));
writeFileSync(join(dir, 'right.csv'), personCsv(b.right));

function run(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', devCli, ...args], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  });
}

function rows(path: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

describe('link command', () => {
  it('writes up to 5 calibrated candidates per right record, explanations after the first three columns', () => {
    const out = join(dir, 'm.csv');
    const r = run('link', '--left', join(dir, 'left.csv'), '--right', join(dir, 'right.csv'), '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('left_id,right_id,match_probability,match_weight,explanation');
    const data = rows(out);
    const perRight = new Map<string, number>();
    for (const d of data) {
      const p = Number(d.match_probability);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      perRight.set(d.right_id, (perRight.get(d.right_id) ?? 0) + 1);
    }
    expect(Math.max(...perRight.values())).toBeLessThanOrEqual(5);
    const proposed = data.filter((d) => Number(d.match_probability) >= 0.5);
    const correct = proposed.filter((d) => b.truth.get(d.right_id) === d.left_id).length;
    expect(correct / proposed.length).toBeGreaterThan(0.9);
  });

  it('gives the same answers with worker threads', () => {
    const one = join(dir, 'w1.csv'),
      two = join(dir, 'w2.csv');
    expect(run('link', '--left', join(dir, 'left.csv'), '--right', join(dir, 'right.csv'), '--out', one, '--workers', '1').status).toBe(0);
    expect(run('link', '--left', join(dir, 'left.csv'), '--right', join(dir, 'right.csv'), '--out', two, '--workers', '2').status).toBe(0);
    const a = rows(one),
      b2 = rows(two);
    // Each worker counts name frequencies over its own share of right records (150 here): probabilities
    // may differ a little, and so may the order of a found record's candidates that score within that.
    const byPair = (rs: typeof a) => new Map(rs.map((r) => [`${r.left_id}/${r.right_id}`, Number(r.match_probability)]));
    const one1 = byPair(a),
      two2 = byPair(b2);
    expect([...two2.keys()].sort()).toEqual([...one1.keys()].sort());
    for (const [k, p] of two2) expect(Math.abs(p - one1.get(k)!)).toBeLessThan(0.1);
    expect(b2.map((r) => r.right_id)).toEqual(a.map((r) => r.right_id));
  });

  it('fails with the line and field of bad input, or skips it with --skip-invalid', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'id,name,sex,age,father_name,mother_name,state,district,place,date,language,marks\n1,Asha,f,7,,,,,,,,\n2,Ravi,m,7,,,,,,2024-02-31,,\n',
    );
    const r = run('link', '--left', bad, '--right', join(dir, 'right.csv'), '--out', join(dir, 'x.csv'));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/line 3, field date: not a real date/);
    const s = run('link', '--left', bad, '--right', join(dir, 'right.csv'), '--out', join(dir, 'y.csv'), '--skip-invalid');
    expect(s.status).toBe(0);
    expect(s.stderr).toMatch(/line 3, field date: .*\(skipped\)/);
  });
});

describe('dedupe command', () => {
  it('writes id,cluster_id for every record', () => {
    const out = join(dir, 'c.csv');
    expect(run('dedupe', '--in', join(dir, 'left.csv'), '--out', out).status).toBe(0);
    const data = rows(out);
    expect(Object.keys(data[0])).toEqual(['id', 'cluster_id']);
    expect(data.map((d) => d.id)).toEqual(b.left.map((r) => r.id));
  });
});
