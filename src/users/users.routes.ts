import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { jurisdictionWhere, requirePermission } from '../access/policy';
import { ROLES } from '../access/roles';
import { appUser, organisation } from './users.schema';
import { createUser } from './users.service';
import { audit } from '../audit/audit.service';
import { created, itemsOf, ok } from '../http/response';
import { organisationOut, userCreatedOut, userOut } from './users.model';

export function usersRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/users', { schema: { tags: ['users'], response: ok(itemsOf(userOut)) } }, async (req) => {
    const actor = requireActor(req);
    requirePermission(actor, 'users.manage');
    const rows = await ctx.db
      .select({ id: appUser.id, username: appUser.username, displayName: appUser.displayName, role: appUser.role, scopeLevel: appUser.scopeLevel, jurisdictionId: appUser.jurisdictionId, active: appUser.active, organisation: organisation.name })
      .from(appUser)
      .leftJoin(organisation, eq(organisation.id, appUser.organisationId))
      .where(and(actor.scope.level === 'national' ? undefined : jurisdictionWhere(actor, { stateCode: appUser.stateCode, districtCode: appUser.districtCode, subdistrictCode: appUser.subdistrictCode, blockCode: appUser.blockCode, villageId: appUser.villageId })))
      .orderBy(asc(appUser.username));
    return { items: rows };
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
}
