import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery: the session cookie is SameSite=Strict, and on top of that an
 * unsafe request that a browser could have sent with the cookie (or a sign-in, which would
 * otherwise let another site sign the browser into an account of its choosing) must come from
 * this site's own pages (OWASP CSRF Prevention Cheat Sheet: Fetch Metadata, then the
 * standard-header origin check). Bearer-token requests are exempt: a browser never adds one.
 *
 * A request with neither `Sec-Fetch-Site` nor `Origin` is not from a browser that could be
 * tricked (every current browser sends one of them on a cross-site POST), so a script or
 * `curl` with a cookie still works.
 */
export function csrfRefusal(req: FastifyRequest, cookieName: string): string | null {
  if (!UNSAFE.has(req.method) || !req.url.startsWith('/api/')) return null;
  if (req.headers.authorization?.startsWith('Bearer ')) return null;
  const isLogin = req.url.split('?')[0] === '/api/v1/auth/login';
  if (!req.cookies?.[cookieName] && !isLogin) return null;
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') {
    return site === 'same-origin' || site === 'none' ? null : `Sec-Fetch-Site: ${site}`;
  }
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  // Host (with the default port of the Origin's scheme dropped on both sides), not scheme:
  // behind a TLS-terminating proxy the server itself is reached over http. req.host follows
  // X-Forwarded-Host only when TRUST_PROXY trusts the proxy that set it.
  try {
    const from = new URL(origin);
    const self = new URL(`${from.protocol}//${req.host}`);
    return from.host === self.host ? null : 'Origin is not this site';
  } catch {
    return 'Origin is not this site'; // "null" (a sandboxed frame, a privacy redirect) or garbage
  }
}

export function registerCsrfCheck(app: FastifyInstance, cookieName: string) {
  app.addHook('onRequest', async (req) => {
    const why = csrfRefusal(req, cookieName);
    if (why)
      throw new HttpError(
        403,
        'csrf_refused',
        `Refused: a change sent with the session cookie must come from this site's own pages (${why})`,
      );
  });
}
