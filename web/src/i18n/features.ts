import i18n from 'i18next';
import type { Lang } from './index';

type Bundle = Partial<Record<Lang, Record<string, unknown>>>;

/**
 * Every feature's own strings (`web/src/features/<name>/i18n.ts`, found at build time), kept out of
 * the first download (issue #17: the sign-in page carried ≈ 150 KB of English it never shows).
 * In the build this file is its own chunk, fetched with the signed-in shell (app/router.tsx);
 * a public page imports its feature's strings itself (lite/PublicReport.tsx). In the build
 * each file holds only English (web/build/lang-split.ts): Hindi and Marathi come with lang-hi/lang-mr.
 * The tests register them at once (test/harness.tsx).
 */
const found = import.meta.glob<Record<string, unknown>>(['../features/*/i18n.ts', '../features/*/*/i18n.ts'], { eager: true });

/** Feature id (its folder, e.g. 'registry/import') → its strings by language. */
export const FEATURE_STRINGS: Record<string, Bundle> = Object.fromEntries(
  Object.entries(found).flatMap(([path, mod]) =>
    Object.values(mod)
      .filter((v): v is Bundle => typeof v === 'object' && v !== null && 'en' in v)
      .map((b) => [path.replace(/^\.\.\/features\//, '').replace(/\/i18n\.ts$/, ''), b] as const),
  ),
);

export function registerBundle(bundle: Bundle) {
  for (const [lng, res] of Object.entries(bundle)) if (res) i18n.addResourceBundle(lng, 'translation', res, true, false);
}

let registered = false;
/** Adds every feature's strings to i18next (once). */
export function registerFeatureStrings() {
  if (registered) return;
  registered = true;
  for (const b of Object.values(FEATURE_STRINGS)) registerBundle(b);
}
