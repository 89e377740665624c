import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_MODEL_PATH } from '../linkage/model';
import { explain } from '../linkage/engine';
import { matchExplanation, matchFieldText, matchLevelText } from './catalogue';

// Issue #17: a match's explanation ("name: spelling/script variant (+8.0)") was English on a
// Marathi screen. Every comparison and level of the shipped model has words in all three
// languages, read from the model file itself, not from the list that translates it.
const model = JSON.parse(readFileSync(DEFAULT_MODEL_PATH, 'utf8')) as {
  comparisons: { id: string; label: string; levels: { label: string }[] }[];
};

describe("a match's explanation in the reader's language", () => {
  it('has every field and level of the shipped model in Hindi and Marathi, and English as the model says it', () => {
    for (const c of model.comparisons) {
      expect(matchFieldText('en', c), c.id).toBe(c.label);
      c.levels.forEach((l, level) => {
        const f = { id: c.id, level, levelLabel: l.label };
        expect(matchLevelText('en', f)).toBe(l.label);
        for (const lang of ['hi', 'mr'] as const) {
          expect(matchLevelText(lang, f), `${lang} ${c.id} ${level}`).toMatch(/^[^a-z]*[\u0900-\u097F][^a-z]*$/i);
          expect(matchFieldText(lang, c), `${lang} ${c.id}`).toMatch(/[\u0900-\u097F]/);
        }
      });
    }
  });

  it('reads as the engine in English and in words in Marathi, and keeps a refitted model’s unknown level as written', () => {
    const fields = [
      { id: 'name', label: 'name', level: 1, levelLabel: 'spelling/script variant', weight: 8.01 },
      { id: 'date', label: 'dates', level: 4, levelLabel: 'found long before missing', weight: -3.24 },
    ];
    expect(matchExplanation('en', fields)).toBe(explain(fields));
    expect(matchExplanation('mr', fields)).toBe('नाव: शुद्धलेखन किंवा लिपीतील फरक (+8.0), तारखा: हरवण्याच्या खूप आधी सापडले (-3.2)');
    expect(matchLevelText('hi', { id: 'age', level: 1, levelLabel: 'within 2y' })).toBe('within 2y');
  });
});
