import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rootPath } from '../kernel/paths';
import { csvLine, readPersonCsv } from './csv';
import { defaultModel } from './model';
import { PERSON_COLUMNS, type PersonRecord } from './record';
import { parseLabelledPairs, refitFromReviews } from './refit';

// Reviewer decisions stand in as the independent set's dev split: its true pairs confirmed, a
// sibling-like wrong candidate (same sex, another child) rejected.
const dir = rootPath('bench', 'linkage-eval', 'data', 'dev');
const read = (f: string) => readPersonCsv(readFileSync(`${dir}/${f}`), { skipInvalid: true }).records;
const left = new Map(read('missing.csv').map((r) => [r.id, r]));
const right = read('found.csv');
const truth = new Map(
  readFileSync(`${dir}/truth.csv`, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').reverse() as [string, string]),
);
const lefts = [...left.values()];

function exportCsv(n: number): string {
  const cell = (r: PersonRecord, c: (typeof PERSON_COLUMNS)[number]) => (c === 'age' ? (r.age ?? '') : r[c]);
  let out = csvLine([...PERSON_COLUMNS.map((c) => `left_${c}`), ...PERSON_COLUMNS.map((c) => `right_${c}`), 'label']);
  let k = 0;
  for (const r of right) {
    const l = left.get(truth.get(r.id) ?? '');
    if (!l || k >= n) continue;
    let j = (k * 7) % lefts.length;
    while ((r.sex && lefts[j].sex !== r.sex) || lefts[j].id === l.id) j = (j + 1) % lefts.length;
    const wrong = lefts[j];
    out += csvLine([...PERSON_COLUMNS.map((c) => cell(l, c)), ...PERSON_COLUMNS.map((c) => cell(r, c)), 1]);
    out += csvLine([...PERSON_COLUMNS.map((c) => cell(wrong, c)), ...PERSON_COLUMNS.map((c) => cell(r, c)), 0]);
    k++;
  }
  return out;
}

describe('refitFromReviews', () => {
  const pairs = parseLabelledPairs(exportCsv(400));

  it('reads the labelled-pairs export', () => {
    expect(pairs.length).toBe(800);
    expect(pairs.filter((p) => p.label).length).toBe(400);
    expect(typeof pairs[0].left.age === 'number' || pairs[0].left.age === null).toBe(true);
  });

  it('moves m towards what reviewers confirmed, versioned, keeping the base model as it was', () => {
    const base = defaultModel();
    const before = base.comparisons.find((c) => c.id === 'name')!.levels.at(-1)!.m;
    const { model, summary } = refitFromReviews(base, pairs, { today: '2026-12-05' });
    // Confirmed pairs whose names the engine calls "different" are far more common here than the
    // shipped model assumes: the refit says so.
    expect(model.comparisons.find((c) => c.id === 'name')!.levels.at(-1)!.m).toBeGreaterThan(before * 2);
    expect(base.comparisons.find((c) => c.id === 'name')!.levels.at(-1)!.m).toBe(before);
    expect(model.version).toBe(`${base.version}+reviews.all.2026-12-05`);
    expect(summary.confirmed).toBe(400);
    expect(summary.changed.map((c) => c.id)).toContain('name');
    expect(summary.eceAfter).toBeLessThanOrEqual(summary.eceBefore);
    expect(summary.calibration.scale).toBeLessThan(100);
  });

  it('refits per state, naming it in the version', () => {
    const { model, summary } = refitFromReviews(defaultModel(), pairs, { today: '2026-12-05', state: 'WB', minEach: 5 });
    expect(model.version).toMatch(/\+reviews\.west-bengal\.2026-12-05$/);
    expect(summary.confirmed).toBeLessThan(400);
  });

  it('refuses with too few decisions of either kind', () => {
    expect(() =>
      refitFromReviews(
        defaultModel(),
        pairs.filter((p) => p.label),
        { today: '2026-12-05' },
      ),
    ).toThrow(/at least 20 confirmed and 20 rejected/);
  });
});
