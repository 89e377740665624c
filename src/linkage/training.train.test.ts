import { describe, expect, it } from 'vitest';
import { generate, splitFiles } from '../../bench/linkage-holdout/generate';
import { readPersonCsv } from './csv';
import { runLinkage } from './link';
import { defaultModel } from './model';
import { personTable } from './record';
import { LinkEngine } from './engine';
import { estimateU, train } from './training';
import { applyStatedPriors, STATED_PRIORS } from './train';

// Issue #15, model v1.8: m where the project's generator cannot be the authority, and --train full on
// data where EM cannot fit m.
describe('stated priors', () => {
  it('set m of "different state" and mix the second observer fields with u, keeping each comparison a distribution', () => {
    const before = defaultModel();
    const after = structuredClone(before);
    // A location comparison as the generator trains it: different state rarer than the prior.
    after.comparisons.find((c) => c.id === 'location')!.levels.forEach((l, k) => (l.m = [0.2, 0.35, 0.25, 0.2][k]));
    const trained = structuredClone(after);
    applyStatedPriors(after);
    const loc = after.comparisons.find((c) => c.kind === 'location')!;
    const locBefore = trained.comparisons.find((c) => c.kind === 'location')!;
    expect(loc.levels.at(-1)!.m).toBe(STATED_PRIORS.differentState);
    // The sex comparison as the generator trains it (almost never wrong) gets the stated rate.
    expect(after.comparisons.find((c) => c.kind === 'sex')!.levels.map((l) => l.m)).toEqual([
      1 - STATED_PRIORS.sexDiffers,
      STATED_PRIORS.sexDiffers,
    ]);
    // The other levels keep their proportions.
    expect(loc.levels[0].m / loc.levels[1].m).toBeCloseTo(locBefore.levels[0].m / locBefore.levels[1].m, 9);
    for (const id of STATED_PRIORS.observerFields) {
      const c = after.comparisons.find((x) => x.id === id)!;
      const t = trained.comparisons.find((x) => x.id === id)!;
      c.levels.forEach((l, k) => expect(l.m).toBeCloseTo(0.75 * t.levels[k].m + 0.25 * t.levels[k].u, 12));
    }
    for (const c of after.comparisons) {
      const sum = (cc: typeof c) => cc.levels.reduce((a, l) => a + l.m, 0);
      expect(sum(c)).toBeCloseTo(sum(trained.comparisons.find((x) => x.id === c.id)!), 4);
    }
    // Name comparisons are left as trained.
    expect(after.comparisons.find((c) => c.id === 'name')).toEqual(trained.comparisons.find((c) => c.id === 'name'));
  });

  it('are in the shipped model (train.ts applies them before the match rate and calibration)', () => {
    const m = defaultModel();
    expect(m.version).toBe('indian-children.v1.13');
    expect(m.comparisons.find((c) => c.kind === 'location')!.levels.at(-1)!.m).toBe(STATED_PRIORS.differentState);
    expect(m.comparisons.find((c) => c.kind === 'sex')!.levels.at(-1)!.m).toBe(STATED_PRIORS.sexDiffers);
    const w = (id: string, k: number) => {
      const l = m.comparisons.find((c) => c.id === id)!.levels[k];
      return Math.log2(l.m / l.u);
    };
    // A sex written wrongly on the found record costs less than an exact name gives (about +8 to +14 bits).
    expect(w('sex', 1)).toBeGreaterThan(-6);
    // A second observer's marks or language disagreeing is weak evidence, not a veto.
    expect(w('marks', 2)).toBeGreaterThan(-4);
    expect(w('language', 1)).toBeGreaterThan(-3);
  });
});

describe('--train full where EM cannot fit m', () => {
  // Missing reports of one seed against found records of another: strangers, no true pairs.
  const left = readPersonCsv(splitFiles(generate(300, 23))['missing.csv']).records;
  const right = readPersonCsv(splitFiles(generate(300, 24))['found.csv']).records;
  const run = (train: 'prior' | 'u' | 'full') => runLinkage(personTable(left), personTable(right), defaultModel(), { train });

  it('keeps the model whole (its u as well as its m) and scores as --train prior', () => {
    const full = run('full');
    expect(full.trainingNotes.join('\n')).toMatch(/could not re-estimate m/);
    expect(full.trainingNotes.join('\n')).toMatch(/ran as --train prior/);
    const shipped = defaultModel();
    full.model.comparisons.forEach((c, k) => c.levels.forEach((l, x) => expect(l.u).toBe(shipped.comparisons[k].levels[x].u)));
    const prior = run('prior');
    for (let j = 0; j < right.length; j++) expect(full.topPairs(j, 5)).toEqual(prior.topPairs(j, 5));
  });

  it('keeps the model whole on the worker path too (u estimated in an earlier step, then train with skipU)', () => {
    const e = new LinkEngine(defaultModel(), personTable(left), personTable(right), { train: 'full' });
    e.compare();
    estimateU(e);
    train(e, { skipU: true });
    expect(e.trainingNotes.join('\n')).toMatch(/ran as --train prior/);
    const shipped = defaultModel();
    e.model.comparisons.forEach((c, k) => c.levels.forEach((l, x) => expect(l.u).toBe(shipped.comparisons[k].levels[x].u)));
  });

  it('--train u still re-estimates u on the input', () => {
    const u = run('u');
    const shipped = defaultModel();
    const loc = u.model.comparisons.findIndex((c) => c.kind === 'location');
    expect(u.model.comparisons[loc].levels.map((l) => l.u)).not.toEqual(shipped.comparisons[loc].levels.map((l) => l.u));
  });
});
