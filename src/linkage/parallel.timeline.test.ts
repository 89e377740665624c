// The parallel link prepares the left side's two halves in two workers and reports where its
// wall time went; with one worker its output is the one-thread engine's, row for row.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultModel } from './model';
import type { TimedStep } from './parallel';

function run(workers: number): { rows: string[]; timeline: TimedStep[]; pairs: number } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./parallel.timeline.run.ts', import.meta.url)), String(workers)],
    {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
    },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { rows: string[]; timeline: TimedStep[]; pairs: number };
}

describe('linkParallel', () => {
  it('with one worker gives the one-thread engine rows exactly', () => {
    const own = run(0),
      one = run(1);
    expect(own.rows.length).toBeGreaterThan(1000);
    expect(one.rows).toEqual(own.rows);
    expect(one.pairs).toBe(own.pairs);
  }, 120_000);

  it('prepares the left features in one worker while the rules are shared out, and times each step', () => {
    const res = run(2);
    const step = (s: string) => res.timeline.filter((t) => t.step.startsWith(s));
    expect(step('left features')).toHaveLength(1);
    const [features] = step('left features');
    // The other worker indexes blocking rules meanwhile; the one with the features may join it after.
    const blocks = step('left blocks').find((t) => t.worker !== features.worker)!;
    expect(blocks.step).toMatch(/^left blocks \((\d+) rules\)$/);
    const rules = step('left blocks').reduce((a, t) => a + Number(/\((\d+) rules\)/.exec(t.step)![1]), 0);
    // Every rule of the model built once, by one worker or the other.
    expect(rules).toBe(defaultModel().blocking.rules.length);
    // Whether the two steps overlap in time depends on when the machine starts each thread (on a
    // loaded CI machine the second may start after the first has done everything): that is measured
    // where times belong, in the bench's timeline (bench/linkage/digest.ts), not asserted here.
    for (const w of [0, 1]) expect(res.timeline.filter((t) => t.worker === w && t.step === 'compare')).toHaveLength(1);
    expect(Math.min(...step('compare').map((t) => t.from))).toBeGreaterThanOrEqual(Math.max(...step('left').map((t) => t.to)));
    expect(res.pairs).toBeGreaterThan(1000);
  }, 120_000);
});
