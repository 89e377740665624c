import { describe, expect, it } from 'vitest';
import { OFFLINE_TRANSLATIONS } from './i18n';
import { flatten as flat } from '../../test/translations';

// The offline module's own strings (web/src/i18n/translations.test.tsx checks only the shared files).
const langs = { en: flat(OFFLINE_TRANSLATIONS.en), hi: flat(OFFLINE_TRANSLATIONS.hi), mr: flat(OFFLINE_TRANSLATIONS.mr) };

describe('offline module translations', () => {
  it('counts have singular and plural forms, and Hindi and Marathi are in Devanagari', () => {
    for (const map of Object.values(langs))
      for (const k of map.keys()) if (k.endsWith('_one')) expect(map.has(k.replace(/_one$/, '_other')), k).toBe(true);
    for (const lang of ['hi', 'mr'] as const)
      for (const [k, v] of langs[lang]) expect(/[\u0900-\u097F]/.test(v), `${lang} ${k}`).toBe(true);
  });
});
