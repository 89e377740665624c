import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { idParams } from '../http/common';
import { listPossibleDuplicates, resolvePossibleDuplicate } from './duplicates.service';
import { duplicateResolutionOut, possibleDuplicateOut } from './registry.model';
import { itemsOf, ok } from '../http/response';

export function duplicatesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/possible-duplicates',
    { schema: { tags: ['registry'], summary: 'Imported rows held back as likely duplicates', querystring: z.strictObject({ status: z.enum(['open', 'same_child', 'different_child']).default('open') }), response: ok(itemsOf(possibleDuplicateOut)) } },
    async (req) => listPossibleDuplicates(ctx, requireActor(req), req.query.status),
  );
  r.post(
    '/possible-duplicates/:id/resolve',
    { schema: { tags: ['registry'], params: idParams, body: z.strictObject({ decision: z.enum(['same_child', 'different_child']) }), response: ok(duplicateResolutionOut) } },
    async (req) => resolvePossibleDuplicate(ctx, requireActor(req), req.params.id, req.body.decision),
  );
}
