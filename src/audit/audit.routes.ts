import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { ok } from '../http/response';
import { accessLogOut, auditEventsOut, auditEventsQuery } from './audit.model';
import { accessLog, auditEvents } from './audit.service';

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
    '/audit/events',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log in your jurisdiction, newest first (audit.read); ids and roles, never names of children',
        querystring: auditEventsQuery,
        response: ok(auditEventsOut),
      },
    },
    async (req) => auditEvents(ctx, requireActor(req), req.query),
  );
  r.get(
    '/:kind/:id/access-log',
    {
      schema: {
        tags: ['audit'],
        params: z.object({ kind: z.enum(['children', 'families']), id: z.uuid() }),
        querystring: logQuery,
        response: ok(accessLogOut),
      },
    },
    async (req) => accessLog(ctx, requireActor(req), req.params.kind === 'children' ? 'child' : 'family', req.params.id, req.query),
  );
}
