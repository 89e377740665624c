import { and, eq, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { jurisdictionWhere, requirePermission } from '../access/policy';
import { listOutbox } from './outbox.repository';
import { notificationOutbox } from './outbox.schema';
import { ok } from '../http/response';
import { outboxPageOut } from './outbox.model';

/**
 * What the system sent, for the DCPU and auditors: kind, channel, status, attempts. No
 * addresses and no message text (the rows are addressed to officials, but the list is
 * for checking delivery, not for reading mail).
 */
export function outboxRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/notifications/outbox',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Messages queued and sent (reminders, division-of-labour notes)',
        querystring: z.strictObject({
          kind: z.string().max(60).optional(),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: ok(outboxPageOut),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, 'convergence.manage', 'audit.read');
      const conds: (SQL | undefined)[] = [
        jurisdictionWhere(actor, { stateCode: notificationOutbox.stateCode, districtCode: notificationOutbox.districtCode }),
      ];
      if (req.query.kind) conds.push(eq(notificationOutbox.kind, req.query.kind));
      const items = await listOutbox(ctx.db, and(...conds), req.query.pageSize, (req.query.page - 1) * req.query.pageSize);
      return { items, page: req.query.page, pageSize: req.query.pageSize };
    },
  );
}
