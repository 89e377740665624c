import { describe, expect, it } from 'vitest';

/**
 * The glossary's "not this word" column (shared/GLOSSARY.md) over every feature's catalogue:
 * a case is प्रकरण (not केस), restoration पुनर्स्थापन(ा) (not पुनर्वसन = rehabilitation), and in
 * Hindi an action item is कार्रवाई and overdue समय-सीमा बीत गई (not अतिदेय).
 */
const catalogues = import.meta.glob<Record<string, unknown>>('../features/*/i18n.ts', { eager: true });

function strings(tree: unknown, path: string, out: [string, string][]) {
  if (typeof tree === 'string') out.push([path, tree]);
  else if (tree && typeof tree === 'object') for (const [k, v] of Object.entries(tree)) strings(v, `${path}.${k}`, out);
  return out;
}

function languageTrees(lang: 'hi' | 'mr'): [string, string][] {
  const out: [string, string][] = [];
  for (const [file, mod] of Object.entries(catalogues))
    for (const exported of Object.values(mod))
      if (exported && typeof exported === 'object' && lang in exported) strings((exported as Record<string, unknown>)[lang], file, out);
  return out;
}

describe('feature catalogues follow the glossary', () => {
  it('finds the catalogues', () => {
    expect(Object.keys(catalogues).length).toBeGreaterThan(10);
    expect(languageTrees('hi').length).toBeGreaterThan(500);
  });

  it.each(['hi', 'mr'] as const)('%s: no केस, no पुनर्वसन', (lang) => {
    const bad = languageTrees(lang).filter(([, s]) => /केस|पुनर्वसन/.test(s));
    expect(bad).toEqual([]);
  });

  it('hi: no अतिदेय; कार्यवाही only for a committee’s proceedings', () => {
    const bad = languageTrees('hi').filter(([, s]) => /अतिदेय/.test(s) || (/कार्यवाही/.test(s) && !/समिति की कार्यवाही/.test(s)));
    expect(bad).toEqual([]);
  });
});
