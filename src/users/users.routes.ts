import { z } from 'zod';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { requirePermission } from '../access/policy';
import { ROLES } from '../access/roles';
import { appUser, organisation } from './users.schema';
import { createUser } from './users.service';
import { userScopeWhere } from './users.repository';
import { resetPassword, setActive, unlock } from './users.admin.service';
import { audit } from '../audit/audit.service';
import { created, itemsOf, ok } from '../http/response';
import { activationOut, organisationOut, passwordResetOut, unlockedOut, userCreatedOut, userOut } from './users.model';

export function usersRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/users', { schema: { tags: ['users'], response: ok(itemsOf(userOut)) } }, async (req) => {
    const actor = requireActor(req);
    requirePermission(actor, 'users.manage');
    const rows = await ctx.db
      .select({
        id: appUser.id,
        username: appUser.username,
        displayName: appUser.displayName,
        role: appUser.role,
        scopeLevel: appUser.scopeLevel,
        jurisdictionId: appUser.jurisdictionId,
        active: appUser.active,
        organisation: organisation.name,
        lockedUntil: appUser.lockedUntil,
        mustChangePassword: appUser.mustChangePassword,
      })
      .from(appUser)
      .leftJoin(organisation, eq(organisation.id, appUser.organisationId))
      .where(userScopeWhere(actor))
      .orderBy(asc(appUser.username));
    // A lock that has run out is no lock (the next sign-in starts a new count).
    const now = ctx.now();
    return { items: rows.map((u) => ({ ...u, lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil : null })) };
  });
  r.get('/organisations', { schema: { tags: ['users'], response: ok(itemsOf(organisationOut)) } }, async (req) => {
    requireActor(req);
    return { items: await ctx.db.select().from(organisation).orderBy(asc(organisation.name)) };
  });
  r.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        body: z.strictObject({
          username: z.string().trim().min(3).max(40),
          displayName: z.string().trim().min(1).max(120),
          password: z.string().min(1).max(200),
          role: z.enum(ROLES),
          organisationId: z.uuid().nullable().optional(),
          jurisdictionId: z.string().max(60).nullable(),
          language: z.enum(['en', 'hi', 'mr']).optional(),
        }),
        response: created(userCreatedOut),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, 'users.manage');
      const row = await createUser(ctx.db, actor, req.body);
      await audit(ctx.db, actor, 'create', 'user', row.id);
      return reply.status(201).send(row);
    },
  );

  const byId = { params: z.object({ id: z.uuid() }) };
  r.post(
    '/users/:id/password-reset',
    {
      schema: {
        tags: ['users'],
        summary: 'Give the user a one-time password; they choose a new one at sign-in. Ends their sessions.',
        ...byId,
        response: ok(passwordResetOut),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, 'users.manage');
      return resetPassword(ctx.db, actor, req.params.id, ctx.now());
    },
  );
  r.post(
    '/users/:id/deactivate',
    {
      schema: {
        tags: ['users'],
        summary: 'The user can no longer sign in; their sessions and tokens end at once',
        ...byId,
        response: ok(activationOut),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, 'users.manage');
      return setActive(ctx.db, actor, req.params.id, false, ctx.now());
    },
  );
  r.post('/users/:id/reactivate', { schema: { tags: ['users'], ...byId, response: ok(activationOut) } }, async (req) => {
    const actor = requireActor(req);
    requirePermission(actor, 'users.manage');
    return setActive(ctx.db, actor, req.params.id, true, ctx.now());
  });
  r.post(
    '/users/:id/unlock',
    { schema: { tags: ['users'], summary: 'Lift a lockout after failed sign-ins', ...byId, response: ok(unlockedOut) } },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, 'users.manage');
      return unlock(ctx.db, actor, req.params.id);
    },
  );
}
