import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { requirePermission } from '../access/policy';
import { notFound } from '../http/errors';
import { subjectAccessLog } from './audit.repository';
import { getChild } from '../registry/children.repository';
import { getFamily } from '../registry/families.repository';
import { appUser } from '../users/users.schema';
import { inArray } from 'drizzle-orm';

const logQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** `nextCursor` of the previous page. */
  cursor: z.coerce.number().int().positive().optional(),
});

/**
 * Who saw a record: every read, list, search, export, case or meeting page that disclosed it,
 * newest first, a page at a time. For roles with audit.read, and only for records they can see.
 */
export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/:kind/:id/access-log',
    { schema: { tags: ['audit'], params: z.object({ kind: z.enum(['children', 'families']), id: z.uuid() }), querystring: logQuery } },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, 'audit.read');
      const { kind, id } = req.params;
      const visible = kind === 'children' ? await getChild(ctx.db, actor, id, 'minimal') : await getFamily(ctx.db, actor, id);
      if (!visible) throw notFound(kind === 'children' ? 'Child' : 'Family');
      const { limit, cursor } = req.query;
      const { items: rows, total } = await subjectAccessLog(ctx.db, kind === 'children' ? 'child' : 'family', id, { limit, before: cursor });
      const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
      const users = ids.length ? await ctx.db.select({ id: appUser.id, displayName: appUser.displayName, username: appUser.username }).from(appUser).where(inArray(appUser.id, ids)) : [];
      const byId = new Map(users.map((u) => [u.id, u]));
      return {
        items: rows.map((r) => ({ ...r, actor: r.actorId ? byId.get(r.actorId) ?? null : null })),
        total,
        nextCursor: rows.length === limit ? rows[rows.length - 1].seq : null,
      };
    },
  );
}
