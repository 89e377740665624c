import type { Plugin } from 'vite';
import type { OutputChunk } from 'rollup';

/**
 * Issue #17: on a village connection (400 ms a round trip) a page whose code is a lazy chunk waited
 * for the whole first download, then asked for its chunks, then drew. This puts a small script in
 * index.html that, before the app's code runs, preloads (modulepreload) the chunks of the page at
 * this address (and its style sheets) and of the reader's language (Hindi or Marathi; English comes with the app), so they
 * download alongside the first chunk instead of after it.
 *
 * pages: address → the page's module (as in its lazy import); languages: code → its catalogue module.
 * The language is chosen as web/src/i18n/index.ts chooses it: the stored choice, else the first of
 * the browser's languages the app speaks.
 */
export function firstPagePreload(pages: Record<string, string>, languages: Record<string, string>): Plugin {
  return {
    name: 'samanvay-first-page-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const chunks = Object.values(ctx.bundle).filter((c): c is OutputChunk => c.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const entry = chunks.find((c) => c.isEntry)!;
        const initial = new Set([entry.fileName, ...entry.imports]);
        const filesOf = (module: string): string[] => {
          const root = chunks.find((c) => c.facadeModuleId?.endsWith(module));
          if (!root) throw new Error(`first-page-preload: no chunk for ${module}`);
          const seen = new Set<string>();
          const walk = (file: string) => {
            if (seen.has(file) || initial.has(file)) return;
            seen.add(file);
            for (const dep of byFile.get(file)?.imports ?? []) walk(dep);
          };
          walk(root.fileName);
          // The chunks' own style sheets too (Vite skips a sheet already linked when the page imports it).
          const css = [...seen].flatMap((f) => [...(byFile.get(f)?.viteMetadata?.importedCss ?? [])]);
          return [...seen, ...css].map((f) => `/${f}`);
        };
        const map = {
          pages: Object.fromEntries(Object.entries(pages).map(([path, module]) => [path, filesOf(module)])),
          languages: Object.fromEntries(Object.entries(languages).map(([code, module]) => [code, filesOf(module)])),
        };
        const script = `(function (m) {
  var lang = null;
  try { lang = localStorage.getItem('samanvay.language'); } catch (e) {}
  if (!m.languages[lang] && lang !== 'en') {
    lang = null;
    var tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (var i = 0; i < tags.length && !lang; i++) {
      var base = String(tags[i]).toLowerCase().split('-')[0];
      if (base === 'en' || m.languages[base]) lang = base;
    }
  }
  var files = (m.pages[location.pathname] || []).concat(m.languages[lang] || []);
  for (var j = 0; j < files.length; j++) {
    var link = document.createElement('link');
    link.rel = /\\.css$/.test(files[j]) ? 'stylesheet' : 'modulepreload';
    link.crossOrigin = '';
    link.href = files[j];
    document.head.appendChild(link);
  }
})(${JSON.stringify(map)});`;
        return [{ tag: 'script', children: script, injectTo: 'head' }];
      },
    },
  };
}
