import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { precompress } from './build/precompress';
import { langSplit } from './build/lang-split';
import { firstPagePreload } from './build/first-page-preload';

// Run from the repository root: `npx vite build --config web/vite.config.ts`.
// root is this folder whatever the working directory, so the output lands in web/dist,
// which the server serves (src/http/app.ts) with an SPA fallback to index.html.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [
    langSplit(),
    react(),
    // The reader's language's strings, fetched beside the first page's code. The public report form
    // (the first page a phone may open, from a link shared by SMS) is in the first chunk itself
    // (main.tsx, lite/PublicReport.tsx): no page preloads, one request fewer per page.
    firstPagePreload({}, { hi: '/web/src/i18n/lang-hi.ts', mr: '/web/src/i18n/lang-mr.ts' }),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Screens and charts are loaded on demand (lazy routes), so the first screen a phone
    // downloads is the shell and sign-in; recharts and zod only come with a chart or a form.
    // The libraries every screen needs go in one 'vendor' chunk that stays cached across
    // our deploys (one chunk: libraries never import our code, so no import cycles).
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('/node_modules/')) return undefined;
          // The first page's libraries (main.tsx draws sign-in and the public form with these alone;
          // react-i18next uses use-sync-external-store's shim).
          if (/\/node_modules\/(react|react-dom|scheduler|i18next|react-i18next|use-sync-external-store)\//.test(id)) return 'vendor';
          // The signed-in app's router and query cache (app/full.tsx): not on the first download.
          if (/\/node_modules\/@tanstack\//.test(id)) return 'vendor-app';
          return undefined;
        },
      },
    },
  },
  server: {
    // `npx vite --config web/vite.config.ts` for UI work, against `npm start` on :3000.
    proxy: { '/api': 'http://localhost:3000' },
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
