import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor, requireSession, SESSION_COOKIE } from '../http/auth-hook';
import { resolveSession, SESSION_HOURS, signIn, signOut, TooManyAttempts, type Client } from './auth.service';
import { changeOwnPassword, createToken, listOwnSessions, revokeOwnSession } from './account.service';
import { findUserById } from '../users/users.repository';
import { getLocation } from '../locations/locations.repository';
import { ROLE_PERMISSIONS } from '../access/roles';
import { created, ok, okOut } from '../http/response';
import { meOut, offlineKeyOut, passwordChangedOut, sessionListOut, sessionRevokedOut, tokenOut } from './auth.model';
import { offlineKey } from './offline-key';

const clientOf = (req: FastifyRequest): Client => ({ ip: req.ip, userAgent: req.headers['user-agent'] ?? null });

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        security: [],
        description:
          'One answer (401 invalid_credentials) for an unknown username, a wrong password, a deactivated user and a locked account. 429 with Retry-After when the client address made too many failed attempts.',
        body: z.strictObject({ username: z.string().trim().min(1).max(80), password: z.string().min(1).max(200) }),
        response: ok(meOut),
      },
    },
    async (req, reply) => {
      let signedIn;
      try {
        signedIn = await signIn(ctx.db, req.body.username, req.body.password, clientOf(req), ctx.now());
      } catch (e) {
        if (e instanceof TooManyAttempts) reply.header('retry-after', String(e.retryAfterSeconds));
        throw e;
      }
      reply.setCookie(SESSION_COOKIE, signedIn.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: ctx.config.secureCookies,
        maxAge: SESSION_HOURS * 3600,
      });
      return reply.send(await me(ctx, signedIn.token, req.ip));
    },
  );
  r.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'End this session and every bearer token made from it', response: ok(okOut) } },
    async (req, reply) => {
      if (req.session) await signOut(ctx.db, req.session, ctx.now());
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.send({ ok: true });
    },
  );
  r.get('/auth/me', { schema: { tags: ['auth'], response: ok(meOut) } }, async (req) => {
    requireActor(req);
    return me(ctx, req.sessionToken!, req.ip);
  });
  r.post(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a bearer token for an API client, as the signed-in user; signing out of this session revokes it',
        body: z.strictObject({ label: z.string().trim().min(1).max(80) }),
        response: created(tokenOut),
      },
    },
    async (req, reply) => {
      const session = requireSession(req);
      const { token, id } = await createToken(ctx.db, session, req.body.label, clientOf(req), ctx.now());
      return reply.status(201).send({ id, token, tokenType: 'Bearer' });
    },
  );
  r.get(
    '/auth/sessions',
    {
      schema: {
        tags: ['auth'],
        summary: "One's own sessions and bearer tokens in force (never the token itself)",
        response: ok(sessionListOut),
      },
    },
    async (req) => {
      const session = requireSession(req);
      return { items: await listOwnSessions(ctx.db, session, ctx.now()) };
    },
  );
  r.delete(
    '/auth/sessions/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke one of one’s own sessions or tokens (and the tokens made from it)',
        params: z.object({ id: z.uuid() }),
        response: ok(sessionRevokedOut),
      },
    },
    async (req, reply) => {
      const session = requireSession(req);
      const out = await revokeOwnSession(ctx.db, session, req.params.id, ctx.now());
      if (out.current) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return out;
    },
  );
  r.post(
    '/auth/offline-key',
    {
      schema: {
        tags: ['auth'],
        summary: "This session's key for the device's encrypted offline copy (the same key for the session's life; none once it ends)",
        response: ok(offlineKeyOut),
      },
    },
    async (req, reply) => {
      const session = requireSession(req);
      // Never kept by a cache between here and the browser.
      return reply.header('cache-control', 'no-store').send(await offlineKey(ctx.db, session));
    },
  );
  r.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password (needs the current one); ends every other session and token',
        body: z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
        response: ok(passwordChangedOut),
      },
    },
    async (req) => {
      const session = requireSession(req);
      return changeOwnPassword(ctx.db, session, req.body, ctx.now());
    },
  );
}

async function me(ctx: AppContext, token: string, ip: string) {
  const session = (await resolveSession(ctx.db, token, ip, ctx.now()))!;
  const actor = session.actor;
  const found = await findUserById(ctx.db, actor.userId);
  const jurisdictionId = found?.user.jurisdictionId ?? null;
  const jurisdiction = jurisdictionId ? await getLocation(ctx.db, jurisdictionId) : null;
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    permissions: ROLE_PERMISSIONS[actor.role],
    organisation: found?.orgName ? { id: actor.organisationId, name: found.orgName, kind: actor.organisationKind } : null,
    scope: actor.scope,
    jurisdiction: jurisdiction
      ? { id: jurisdiction.id, level: jurisdiction.level, name: jurisdiction.name, nameLocal: jurisdiction.nameLocal }
      : { id: null, level: 'national', name: 'India', nameLocal: 'भारत' },
    language: found?.user.language ?? 'en',
    mustChangePassword: session.mustChangePassword,
  };
}
