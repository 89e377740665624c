import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../access/policy';
import { resolveSession, type ResolvedSession } from '../auth/auth.service';
import { HttpError } from './errors';
import type { AppContext } from './context';
import { registerCsrfCheck } from './csrf';

export const SESSION_COOKIE = 'samanvay_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    /** The session or token in force for this request (its id, whether a new password is due). */
    session: ResolvedSession | null;
  }
}

export function tokenFrom(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : req.cookies?.[SESSION_COOKIE];
  // Tokens are printable ASCII; anything else (a URL-decoded %00 in a cookie…) is no token,
  // not a query with a NUL in it.
  return token && /^[\x21-\x7e]{1,512}$/.test(token) ? token : null;
}

/** All a user with a one-time password may do: see who they are, choose a password, sign out. */
const WHILE_PASSWORD_DUE = new Set(['/api/v1/auth/me', '/api/v1/auth/password', '/api/v1/auth/logout', '/api/v1/auth/login']);

export function registerAuthHook(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('session', null);
  registerCsrfCheck(app, SESSION_COOKIE);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = tokenFrom(req);
    if (!token) return;
    req.sessionToken = token;
    req.session = await resolveSession(ctx.db, token, req.ip, ctx.now());
    req.actor = req.session?.actor ?? null;
    const path = req.url.split('?')[0];
    if (req.session?.mustChangePassword && path.startsWith('/api/v1/') && !WHILE_PASSWORD_DUE.has(path)) {
      throw new HttpError(403, 'password_change_required', 'Choose a new password first (an administrator reset yours)');
    }
  });
}

/** 401 when nobody is signed in (or the session expired): the web app goes back to sign-in. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new HttpError(401, 'unauthenticated', 'Sign in to continue (your session may have expired)');
  return req.actor;
}

/** The signed-in session itself, for the routes about one's own sessions and password. */
export function requireSession(req: FastifyRequest): ResolvedSession {
  requireActor(req);
  return req.session!;
}
