import type { Plugin } from 'vite';

/**
 * Only the reader's language is sent (issue #17: the sign-in page on a village connection).
 * Every translation file keeps its three languages side by side, as `const en`, `const hi`,
 * `const mr` and one `export const X = { en, hi, mr }` (the completeness check reads them so).
 * In the build this plugin rewrites that export to `{ en }`, so Hindi and Marathi are dropped
 * from the first download as unused; `file.ts?lang=hi` is the same file with `export default hi`,
 * gathered by `web/src/i18n/lang-hi.ts` into one chunk fetched when Hindi is chosen.
 * The dev server and the tests see the files unchanged (all three languages at once).
 */
const TRANSLATION_FILE = /\/(web\/src\/features\/.+\/i18n|web\/src\/i18n\/index|src\/i18n\/catalogue)\.ts$/;
const EXPORT = /(export const \w+(?:\s*:[^=]+?)?\s*=\s*\{)([^{}]*)(\};)/g;

export function langSplit(): Plugin {
  let build = false;
  return {
    name: 'samanvay-lang-split',
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build';
    },
    transform(code, id) {
      const [path, query = ''] = id.split('?');
      if (!TRANSLATION_FILE.test(path!)) return null;
      const lang = /(?:^|&)lang=(hi|mr)(?:&|$)/.exec(query)?.[1];
      if (lang) return { code: `${code}\nexport default ${lang};\n`, map: null };
      if (!build || query) return null;
      let changed = false;
      const out = code.replace(EXPORT, (whole, head: string, body: string, tail: string) => {
        const parts = body
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean);
        const names = parts.map((p) => p.split(':')[0]!.trim());
        if (!names.includes('hi') || !names.includes('mr')) return whole;
        changed = true;
        return `${head} ${parts.filter((_, i) => names[i] !== 'hi' && names[i] !== 'mr').join(', ')} ${tail}`;
      });
      if (!changed) this.error(`lang-split: no "export const … = { en, hi, mr }" in ${path}`);
      return { code: out, map: null };
    },
  };
}
