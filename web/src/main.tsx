import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Fonts ship with the app (no CDN): Devanagari must render on any machine, offline too.
// Latin and Devanagari subsets, woff2 only, each fetched only when a page uses it (fonts.css).
import './app/fonts.css';
import './app/first-styles.css';
import './app/global.css';
import i18n, { ensureLanguage } from './i18n';
import { App } from './app/App';
import { registerServiceWorker } from './offline/register-sw';

// Hindi or Marathi come as their own chunk (only the reader's language is sent): the first screen
// waits for it rather than flashing English.
void ensureLanguage(i18n.language).finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  registerServiceWorker();
});
