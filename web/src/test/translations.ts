import { expect } from 'vitest';

/** A translation catalogue: nested objects of strings (i18next's resource shape). */
export type Tree = { [k: string]: string | Tree };

/** The catalogue as dotted keys → strings. */
export function flatten(t: Tree, prefix = ''): Map<string, string> {
  return new Map(
    Object.entries(t).flatMap(([k, v]) =>
      typeof v === 'string' ? [[prefix + k, v] as [string, string]] : [...flatten(v, `${prefix}${k}.`)],
    ),
  );
}

const holes = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort().join();
/** i18next plural suffixes: Hindi and Marathi may need forms English does not, and the other way round. */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

/**
 * Hindi and Marathi have every English string (a plural family counts once) and nothing else,
 * with the same {{placeholders}}: a missing key shows the English or the raw key to a reader.
 */
export function expectCompleteTranslations(name: string, tr: Partial<Record<'en' | 'hi' | 'mr', unknown>>) {
  const en = flatten((tr.en ?? {}) as Tree);
  const families = (m: Map<string, string>) => [...new Set([...m.keys()].map(base))].sort();
  for (const lang of ['hi', 'mr'] as const) {
    const other = flatten((tr[lang] ?? {}) as Tree);
    expect(families(other), `${name}: ${lang} keys`).toEqual(families(en));
    const byBase = new Map([...other].map(([k, v]) => [base(k), v]));
    for (const [k, v] of en) expect(holes(other.get(k) ?? byBase.get(base(k)) ?? ''), `${name}: ${lang} ${k}`).toBe(holes(v));
  }
}
