import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../access/policy';
import { actorForToken } from '../auth/auth.service';
import { HttpError } from './errors';
import type { AppContext } from './context';

export const SESSION_COOKIE = 'samanvay_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export function tokenFrom(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : req.cookies?.[SESSION_COOKIE];
  // Tokens are printable ASCII; anything else (a URL-decoded %00 in a cookie…) is no token,
  // not a query with a NUL in it.
  return token && /^[\x21-\x7e]{1,512}$/.test(token) ? token : null;
}

export function registerAuthHook(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = tokenFrom(req);
    if (!token) return;
    req.sessionToken = token;
    req.actor = await actorForToken(ctx.db, token, req.ip, ctx.now());
  });
}

/** 401 when nobody is signed in (or the session expired): the web app goes back to sign-in. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new HttpError(401, 'unauthenticated', 'Sign in to continue (your session may have expired)');
  return req.actor;
}
