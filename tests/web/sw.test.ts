import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';

/**
 * The service worker (web/public/sw.js) and SMS short links (/s/<code>, src/notifications/short-link.ts):
 * the kept index.html would open the app at /s/…, which no screen answers ("page not found"). The
 * worker passes /s/ to the network and, when that fails (no signal), answers with a page that says
 * so in English, Hindi and Marathi. Run in a bare context with a fetch that fails: Playwright's
 * offline switch does not reach a service worker's own requests.
 */
type Handler = (event: { request: Request; respondWith: (r: Promise<Response>) => void }) => void;

function loadWorker(fetchImpl: (r: Request) => Promise<Response>) {
  const handlers: Record<string, Handler> = {};
  const self = { addEventListener: (type: string, h: Handler) => (handlers[type] = h), location: { origin: 'https://samanvay.test' } };
  const kept = new Response('<!doctype html><div id="root"></div>', { headers: { 'content-type': 'text/html' } });
  const caches = { open: async () => ({ match: async () => kept.clone(), put: async () => undefined, keys: async () => [] }) };
  runInNewContext(readFileSync('web/public/sw.js', 'utf8'), { self, caches, fetch: fetchImpl, Response, URL, console });
  return async (url: string, mode: RequestMode | 'navigate' = 'navigate') => {
    let answer: Promise<Response> | undefined;
    const request = { url, method: 'GET', mode } as unknown as Request;
    handlers.fetch!({ request, respondWith: (r) => (answer = r) });
    return answer;
  };
}

const offline = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch');
};

describe('the service worker and SMS short links', () => {
  it('without signal, a short link says so in three languages (not the kept app, whose router has no /s/)', async () => {
    const fetchVia = loadWorker(offline);
    const res = await fetchVia('https://samanvay.test/s/abcdefgh23');
    expect(res).toBeDefined();
    expect(res!.status).toBe(503);
    const html = await res!.text();
    expect(html).toContain('data-testid="short-link-offline"');
    expect(html).toContain('No connection');
    expect(html).toContain('इंटरनेट कनेक्शन नहीं है');
    expect(html).toContain('इंटरनेट कनेक्शन नाही');
    expect(html).not.toContain('id="root"');
    // Another page without signal still gets the kept app.
    expect(await (await fetchVia('https://samanvay.test/children'))!.text()).toContain('id="root"');
  });

  it("with signal, the server's answer (its redirect to the page) is passed on as is", async () => {
    const redirect = new Response(null, { status: 302, headers: { location: '/convergence/actions' } });
    const seen: string[] = [];
    const fetchVia = loadWorker(async (r) => {
      seen.push(r.url);
      return redirect;
    });
    const res = await fetchVia('https://samanvay.test/s/abcdefgh23');
    expect(res).toBe(redirect);
    expect(seen).toEqual(['https://samanvay.test/s/abcdefgh23']);
    // The API is never the worker's (nothing answered, nothing kept).
    expect(await fetchVia('https://samanvay.test/api/v1/auth/me', 'cors')).toBeUndefined();
  });
});
