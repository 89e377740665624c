import { describe, expect, it } from 'vitest';
import { OFFLINE_TRANSLATIONS } from './i18n';

// The offline module's own strings (web/src/i18n/translations.test.tsx checks only the shared files).
type Tree = { [k: string]: string | Tree };
const flat = (t: Tree, prefix = ''): Map<string, string> =>
  new Map(
    Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : [...flat(v, `${prefix}${k}.`)])),
  );
const langs = { en: flat(OFFLINE_TRANSLATIONS.en), hi: flat(OFFLINE_TRANSLATIONS.hi), mr: flat(OFFLINE_TRANSLATIONS.mr) };

describe('offline module translations', () => {
  it('Hindi and Marathi have every English string with the same placeholders', () => {
    const keys = [...langs.en.keys()].sort();
    expect([...langs.hi.keys()].sort()).toEqual(keys);
    expect([...langs.mr.keys()].sort()).toEqual(keys);
    const holes = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort().join();
    for (const [k, v] of langs.en) {
      expect(holes(langs.hi.get(k)!), `hi ${k}`).toBe(holes(v));
      expect(holes(langs.mr.get(k)!), `mr ${k}`).toBe(holes(v));
    }
  });

  it('counts have singular and plural forms, and Hindi and Marathi are in Devanagari', () => {
    for (const map of Object.values(langs))
      for (const k of map.keys()) if (k.endsWith('_one')) expect(map.has(k.replace(/_one$/, '_other')), k).toBe(true);
    for (const lang of ['hi', 'mr'] as const)
      for (const [k, v] of langs[lang]) expect(/[\u0900-\u097F]/.test(v), `${lang} ${k}`).toBe(true);
  });
});
