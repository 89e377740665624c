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
    // The public report form can be the first page a phone opens (a link shared by SMS).
    firstPagePreload(
      { '/report-a-child': '/web/src/features/missing/PublicReportPage.tsx' },
      { hi: '/web/src/i18n/lang-hi.ts', mr: '/web/src/i18n/lang-mr.ts' },
    ),
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
          if (/\/node_modules\/(react|react-dom|scheduler|@tanstack|i18next|react-i18next|use-sync-external-store)\//.test(id))
            return 'vendor';
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
