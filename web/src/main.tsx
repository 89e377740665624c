import { createRoot, type Root } from 'react-dom/client';
// Fonts ship with the app (no CDN): Devanagari must render on any machine, offline too.
// Latin and Devanagari subsets, woff2 only, each fetched only when a page uses it (fonts.css).
import './app/fonts.css';
import './lite/lite.css';
import i18n, { ensureLanguage } from './i18n';
import { registerServiceWorker } from './offline/register-sw';
import { SignIn } from './lite/SignIn';
import { PUBLIC_REPORT } from './lite/paths';
// In the first chunk (about 6 KB compressed): the form a citizen opens from an SMS is drawn with no
// further request (each is a 400 ms round trip on a village connection).
import { PublicReport } from './lite/PublicReport';

/**
 * The first page on a village connection (issue #17: 400 kbps, 400 ms a round trip) is drawn by
 * this small entry: React, the strings, and plain HTML controls with a small stylesheet. The sign-in
 * page and the citizen's public report form need neither Mantine nor the router nor the query
 * library; the full app (app/full.tsx) is loaded once someone is signed in, and fetched while the
 * sign-in page waits for the password so that it is there when she signs in.
 */
const root: Root = createRoot(document.getElementById('root')!);
let full: Promise<typeof import('./app/full')> | undefined;
const loadFull = () => (full ??= import('./app/full'));

function openFullApp() {
  void loadFull().then((m) => m.mountFullApp(root));
}

/** Who is signed in, from the request index.html made (auth/early-me.ts), left for the full app too. */
async function signedIn(): Promise<boolean | null> {
  const early = window.__samanvayMe ? await window.__samanvayMe.catch(() => null) : null;
  if (!early) return null; // no answer (no signal, a server error): the full app decides, with its offline copy
  if (early.status === 401) return false;
  return early.ok ? true : null;
}

async function start() {
  const language = ensureLanguage(i18n.language);
  if (location.pathname === PUBLIC_REPORT) {
    // The citizen's page needs no session: drawn at once, whoever is signed in.
    await language;
    root.render(<PublicReport />);
    return;
  }
  const [who] = await Promise.all([signedIn(), language]);
  if (who === false) {
    root.render(<SignIn onSignedIn={openFullApp} />);
    // The rest of the app while she types (idle, after the page is drawn).
    const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 1500));
    idle(() => void loadFull());
  } else openFullApp();
}

void start().finally(registerServiceWorker);
