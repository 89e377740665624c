import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor, SESSION_COOKIE } from '../http/auth-hook';
import { actorForToken, createSession, SESSION_HOURS, signIn, signOut } from './auth.service';
import { findUserById } from '../users/users.repository';
import { getLocation } from '../locations/locations.repository';
import { ROLE_PERMISSIONS } from '../access/roles';
import { created, ok, okOut } from '../http/response';
import { meOut, tokenOut } from './auth.model';

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/auth/login',
    { schema: { tags: ['auth'], security: [], body: z.strictObject({ username: z.string().trim().min(1).max(80), password: z.string().min(1).max(200) }), response: ok(meOut) } },
    async (req, reply) => {
      const { token } = await signIn(ctx.db, req.body.username, req.body.password, req.ip, ctx.now());
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure: ctx.config.secureCookies, maxAge: SESSION_HOURS * 3600 });
      return reply.send(await me(ctx, token, req.ip));
    },
  );
  r.post('/auth/logout', { schema: { tags: ['auth'], response: ok(okOut) } }, async (req, reply) => {
    if (req.sessionToken) await signOut(ctx.db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.send({ ok: true });
  });
  r.get('/auth/me', { schema: { tags: ['auth'], response: ok(meOut) } }, async (req) => {
    requireActor(req);
    return me(ctx, req.sessionToken!, req.ip);
  });
  r.post(
    '/auth/tokens',
    { schema: { tags: ['auth'], summary: 'Create a bearer token for an API client, as the signed-in user', body: z.strictObject({ label: z.string().trim().min(1).max(80) }), response: created(tokenOut) } },
    async (req, reply) => {
      const actor = requireActor(req);
      const token = await createSession(ctx.db, actor.userId, 'api', ctx.now(), req.body.label);
      return reply.status(201).send({ token, tokenType: 'Bearer' });
    },
  );
}

async function me(ctx: AppContext, token: string, ip: string) {
  const actor = (await actorForToken(ctx.db, token, ip, ctx.now()))!;
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
    jurisdiction: jurisdiction ? { id: jurisdiction.id, level: jurisdiction.level, name: jurisdiction.name, nameLocal: jurisdiction.nameLocal } : { id: null, level: 'national', name: 'India', nameLocal: 'भारत' },
    language: found?.user.language ?? 'en',
  };
}
