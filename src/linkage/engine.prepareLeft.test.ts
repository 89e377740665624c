// The left side prepared once (`prepareLeft`, as the first worker of a parallel run does) and copied
// to another engine gives that engine the same features, candidates and levels as preparing it there.
import { describe, expect, it } from 'vitest';
import { generateBenchmark } from './benchmark/generate';
import { LinkEngine, prepareLeft } from './engine';
import { defaultModel } from './model';
import { personTable, type Table } from './record';

function slice(t: Table, from: number, to: number): Table {
  const columns: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(t.columns)) columns[k] = v.slice(from, to);
  return { ids: t.ids.slice(from, to), columns };
}

describe('a left side prepared once for every worker', () => {
  const model = defaultModel();
  const data = generateBenchmark({ seed: 5, left: 1200, right: 1200 });
  const left = personTable(data.left),
    right = personTable(data.right);

  it('gives each slice of right records the same candidates, levels and statistics as its own preparation', () => {
    // A copy as a message carries it, with the dictionaries' state after the left side only.
    const prepared = structuredClone(prepareLeft(model, left));
    for (const [from, to] of [
      [0, 600],
      [600, 1200],
    ]) {
      const own = new LinkEngine(model, left, slice(right, from, to));
      const shared = new LinkEngine(model, left, slice(right, from, to), { left: structuredClone(prepared) });
      own.compare();
      shared.compare();
      expect(shared.ruleStats).toEqual(own.ruleStats);
      expect(shared.pairCount).toBeGreaterThan(1000);
      expect([...shared.rOff]).toEqual([...own.rOff]);
      expect([...shared.leftOf]).toEqual([...own.leftOf]);
      expect([...shared.code]).toEqual([...own.code]);
      expect([...shared.counts]).toEqual([...own.counts]);
      expect(shared.tfSums).toEqual(own.tfSums);
    }
  });

  it('is refused for another model', () => {
    const prepared = prepareLeft({ ...model, comparisons: model.comparisons.slice(1) }, left);
    expect(() => new LinkEngine(model, left, right, { left: prepared })).toThrow(/another model/);
  });
});
