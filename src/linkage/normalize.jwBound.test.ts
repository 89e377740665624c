// The Jaro–Winkler bound (`jwBound`, `SimCache.simAtLeast`) and the look-ups it saves: the bound is
// never below the similarity, and the comparators give every pair the same level with it as without.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jaroWinkler } from '../names';
import { generateBenchmark } from './benchmark/generate';
import { buildComparators } from './comparisons';
import { LinkEngine } from './engine';
import { defaultModel } from './model';
import { Interner, SimCache } from './normalize';
import { emptyPerson, personTable, type PersonRecord } from './record';

const word = fc.stringMatching(/^[a-z]{1,12}$/);
const anyWord = fc.string({ minLength: 1, maxLength: 10, unit: fc.constantFrom(...'aabdehiklmnoprstuvyzéअआ'.split('')) });

/** The comparators as they were before the bound: every similarity looked up, no early stop. */
function withoutBound<T>(run: () => T): T {
  const bound = vi.spyOn(SimCache.prototype, 'bound').mockReturnValue(2);
  const at = vi.spyOn(SimCache.prototype, 'simAtLeast').mockImplementation(function (this: SimCache, a: number, b: number) {
    return this.sim(a, b);
  });
  try {
    return run();
  } finally {
    bound.mockRestore();
    at.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('jwBound', () => {
  it('is never below Jaro–Winkler', () => {
    fc.assert(
      fc.property(fc.oneof(word, anyWord), fc.oneof(word, anyWord), (a, b) => {
        const dict = new Interner();
        const jw = new SimCache(dict.strings);
        const x = dict.id(a),
          y = dict.id(b);
        expect(jw.bound(x, y)).toBeGreaterThanOrEqual(jaroWinkler(a, b));
        // Below the threshold asked for, simAtLeast answers below it; at or above, the similarity itself.
        const at = 0.8;
        const s = jw.simAtLeast(x, y, at);
        if (jaroWinkler(a, b) >= at) expect(s).toBe(jaroWinkler(a, b));
        else expect(s).toBeLessThan(at);
      }),
      { numRuns: 3000 },
    );
  });

  it('rules out different names without a look-up, and keeps close ones', () => {
    const dict = new Interner();
    const jw = new SimCache(dict.strings);
    const id = (s: string) => dict.id(s);
    expect(jw.bound(id('sunita'), id('kavita'))).toBeLessThan(0.8);
    expect(jw.bound(id('rahul'), id('rohit'))).toBeLessThan(0.8);
    expect(jw.bound(id('partha'), id('partho'))).toBeGreaterThanOrEqual(jaroWinkler('partha', 'partho'));
  });
});

describe('levels with the bound', () => {
  const model = defaultModel();

  it('are those of every look-up, for every candidate pair of a generated set', () => {
    const data = generateBenchmark({ seed: 7, left: 1500, right: 1500 });
    const run = () => {
      const e = new LinkEngine(model, personTable(data.left), personTable(data.right));
      e.compare();
      return { leftOf: Array.from(e.leftOf), code: Array.from(e.code) };
    };
    const before = withoutBound(run);
    const after = run();
    expect(before.code.length).toBeGreaterThan(10_000);
    expect(after).toEqual(before);
  });

  it('are those of every look-up, for random names of similar syllables', () => {
    const syl = fc.constantFrom(
      'ra',
      'ram',
      'an',
      'sh',
      'esh',
      'ku',
      'mar',
      'pr',
      'ia',
      'su',
      'ni',
      'ta',
      'ka',
      'vi',
      'ha',
      'ri',
      'p',
      'o',
      'mun',
      'ni',
      'chh',
      'otu',
    );
    const name = fc
      .array(
        fc.array(syl, { minLength: 1, maxLength: 4 }).map((s) => s.join('')),
        { minLength: 1, maxLength: 3 },
      )
      .map((t) => t.join(' '));
    const rec = (id: string, n: string, f: string): PersonRecord => ({ ...emptyPerson(id), name: n, father_name: f });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, name), { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(name, name), { minLength: 1, maxLength: 25 }),
        (ls, rs) => {
          const left = personTable(ls.map(([n, f], k) => rec(`L${k}`, n, f))),
            right = personTable(rs.map(([n, f], k) => rec(`R${k}`, n, f)));
          const levels = () => {
            const comps = buildComparators(model.comparisons).slice(0, 3);
            const fl = comps.map((c) => c.prepare(left)),
              fr = comps.map((c) => c.prepare(right));
            for (const c of comps) c.finish?.();
            const out: number[] = [];
            for (let i = 0; i < ls.length; i++)
              for (let j = 0; j < rs.length; j++) comps.forEach((c, k) => out.push(c.level(fl[k], i, fr[k], j)));
            return out;
          };
          expect(levels()).toEqual(withoutBound(levels));
        },
      ),
      { numRuns: 150 },
    );
  });
});
