// The left side prepared once (`prepareLeft`, as the first worker of a parallel run does) and copied
// to another engine gives that engine the same features, candidates and levels as preparing it there.
import { describe, expect, it } from 'vitest';
import { generateBenchmark } from './benchmark/generate';
import { buildLeftBlocks, mergeLeftBlocks } from './blocking';
import { LinkEngine, prepareLeft, prepareLeftFeatures } from './engine';
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

  it('gives the same when its two halves are prepared apart (as two workers do at once) and put together', () => {
    // Each half from a fresh start, copied as a message carries it: neither sees the other's dictionaries.
    const features = structuredClone(prepareLeftFeatures(model, left));
    const blocks = structuredClone(buildLeftBlocks(model, left));
    const whole = structuredClone(prepareLeft(model, left));
    for (const [from, to] of [
      [0, 600],
      [600, 1200],
    ]) {
      const one = new LinkEngine(model, left, slice(right, from, to), { left: structuredClone(whole) });
      const two = new LinkEngine(model, left, slice(right, from, to), { left: { ...features, blocks } });
      one.compare();
      two.compare();
      expect(two.pairCount).toBeGreaterThan(1000);
      expect(two.ruleStats).toEqual(one.ruleStats);
      expect([...two.rOff]).toEqual([...one.rOff]);
      expect([...two.leftOf]).toEqual([...one.leftOf]);
      expect([...two.code]).toEqual([...one.code]);
      expect(two.tfSums).toEqual(one.tfSums);
    }
  });

  it('gives the same when two workers share the blocking rules between them, in any order', () => {
    const whole = prepareLeft(model, left);
    const nRules = model.blocking.rules.length;
    // Rules handed out as two workers would take them: some from the end, interleaved; parts shared
    // by rules of both groups (sex, birth year) get a dictionary in each.
    const order = [nRules - 1, 0, nRules - 2, 3, 1, ...Array.from({ length: nRules }, (_, r) => r).slice(4, nRules - 2), 2];
    const mine = new Set([nRules - 1, 3, 2, 5, 8]);
    const groups = [0, 1].map((g) => {
      const take = order.filter((r) => mine.has(r) === (g === 0));
      return structuredClone(buildLeftBlocks(model, left, { nextRule: () => take.shift() ?? -1 }));
    });
    const blocks = mergeLeftBlocks(groups);
    expect(blocks.dicts).toHaveLength(2);
    const one = new LinkEngine(model, left, slice(right, 0, 700), { left: structuredClone(whole) });
    const two = new LinkEngine(model, left, slice(right, 0, 700), {
      left: { ...structuredClone(prepareLeftFeatures(model, left)), blocks },
    });
    one.compare();
    two.compare();
    expect(two.pairCount).toBeGreaterThan(1000);
    expect(two.ruleStats).toEqual(one.ruleStats);
    expect([...two.leftOf]).toEqual([...one.leftOf]);
    expect([...two.code]).toEqual([...one.code]);
    expect(() => mergeLeftBlocks([groups[0], groups[0]])).toThrow(/twice/);
    expect(() => new LinkEngine(model, left, right, { left: { ...whole, blocks: groups[1] } }).block).toThrow(/lack a rule/);
  });

  it('is refused for another model', () => {
    const prepared = prepareLeft({ ...model, comparisons: model.comparisons.slice(1) }, left);
    expect(() => new LinkEngine(model, left, right, { left: prepared })).toThrow(/another model/);
  });
});
