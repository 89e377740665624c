/* Samanvay service worker (issue #17: installable, the app shell works without signal).
 *
 * What it keeps: the app itself (index.html, the hashed /assets/ files, the manifest and icons),
 * so the screens open on a phone without signal. What it never keeps: anything under /api/. The
 * village's records live only in IndexedDB, sealed with the session's key (web/src/offline/);
 * a response cached here would sit on the phone in plain text, outside the sign-out wipe.
 *
 * Navigations go to the network first (a deploy shows at once) and fall back to the kept
 * index.html; assets are content-hashed, so a kept copy is always right (cache first). Written
 * by hand: it is small, and no service-worker library is among the project's dependencies.
 */
const CACHE = 'samanvay-shell-v1';
const SHELL = ['/', '/manifest.webmanifest', '/icon-192.png', '/icon-512.png'];

const assetsOf = (html) => [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);

async function keep(urls) {
  const cache = await caches.open(CACHE);
  // One at a time and forgiving: a file that fails now is fetched again when next used.
  for (const url of urls) {
    if (await cache.match(url)) continue;
    try {
      const res = await fetch(url, { credentials: 'same-origin' });
      if (res.ok) await cache.put(url, res);
    } catch {
      // offline or gone
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await keep(SHELL);
      const index = await (await caches.open(CACHE)).match('/');
      if (index) await keep(assetsOf(await index.text()));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** The page tells what it loaded (lazy screens included), so those work offline next time. */
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'keep-assets' && Array.isArray(data.urls)) {
    const urls = data.urls.filter((u) => typeof u === 'string' && u.startsWith('/assets/'));
    event.waitUntil(keep(urls));
  }
});

async function navigate(request) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(request);
    const type = res.headers.get('content-type') || '';
    if (res.ok && type.includes('text/html')) {
      const html = await res.clone().text();
      const kept = await cache.match('/');
      if (!kept || (await kept.text()) !== html) {
        // A new deploy: its files replace the old ones (hashed names, so nothing in use is lost).
        for (const req of await cache.keys()) if (new URL(req.url).pathname.startsWith('/assets/')) await cache.delete(req);
        await cache.put('/', res.clone());
        await keep(assetsOf(html));
      }
    }
    return res;
  } catch (err) {
    const kept = await cache.match('/');
    if (kept) return kept;
    throw err;
  }
}

/*
 * An SMS short link (/s/<code>, src/notifications/short-link.ts) is the server's to answer (a
 * redirect to the page it names, or "expired"): the kept index.html would open the app at /s/…,
 * which no screen answers ("page not found"). Without signal the page says so, in the three
 * languages (the reader's choice is not known here), with a way into the app as kept.
 */
const SHORT_LINK_OFFLINE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Samanvay: no connection</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:24px;color:#1a1b1e}main{max-width:32rem;margin:auto}a{color:#1864ab}</style>
</head><body><main data-testid="short-link-offline"><h1>No connection</h1>
<p>This link from an SMS needs the internet. Open it again when you have signal.</p>
<p lang="hi">इंटरनेट कनेक्शन नहीं है। SMS की यह लिंक खोलने के लिए इंटरनेट चाहिए: सिग्नल मिलने पर इसे फिर से खोलें।</p>
<p lang="mr">इंटरनेट कनेक्शन नाही. SMS मधील ही लिंक उघडण्यासाठी इंटरनेट लागते: सिग्नल मिळाल्यावर ती पुन्हा उघडा.</p>
<p><a href="/">Samanvay / समन्वय</a></p></main></body></html>`;

async function shortLink(request) {
  try {
    return await fetch(request);
  } catch {
    return new Response(SHORT_LINK_OFFLINE, {
      status: 503,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (url.pathname.startsWith('/s/')) event.respondWith(shortLink(request));
  else if (request.mode === 'navigate') event.respondWith(navigate(request));
  else if (url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname)) event.respondWith(asset(request));
});
