/**
 * Registers the service worker (web/public/sw.js) in the built app, and tells it which files
 * this page loaded, so a screen opened once (the offline village, its forms) opens again
 * without signal. Not in the Vite dev server: there files change under the same names.
 */
export function registerServiceWorker() {
  if (import.meta.env.MODE === 'development' || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () =>
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => keepLoadedAssets())
      .catch(() => undefined); // no service worker (private mode, old browser): the app works online as before
  // After the first page is drawn (it may be drawn after the load event, main.tsx).
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register());
}

/** Asks the service worker to keep every /assets/ file this page has loaded so far. */
export async function keepLoadedAssets(): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || import.meta.env.MODE === 'development') return;
  const reg = await navigator.serviceWorker.ready;
  const urls = performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name, location.href))
    .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
    .map((u) => u.pathname);
  reg.active?.postMessage({ type: 'keep-assets', urls: [...new Set(urls)] });
}
