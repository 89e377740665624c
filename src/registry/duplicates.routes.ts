import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { idParams } from '../http/common';
import { listPossibleDuplicates, resolvePossibleDuplicate } from './duplicates.service';
import { mergePair, undoMerge } from './merges.service';
import { duplicateResolutionOut, possibleDuplicateOut, recordMergeOut } from './registry.model';
import { created, itemsOf, ok } from '../http/response';

export function duplicatesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/possible-duplicates',
    {
      schema: {
        tags: ['registry'],
        summary: 'Pairs held as likely duplicates: import rows not loaded, and records saved from a form with a reason',
        querystring: z.strictObject({ status: z.enum(['open', 'same_child', 'different_child']).default('open') }),
        response: ok(itemsOf(possibleDuplicateOut)),
      },
    },
    async (req) => listPossibleDuplicates(ctx, requireActor(req), req.query.status),
  );
  r.post(
    '/possible-duplicates/:id/resolve',
    {
      schema: {
        tags: ['registry'],
        params: idParams,
        body: z.strictObject({ decision: z.enum(['same_child', 'different_child']) }),
        response: ok(duplicateResolutionOut),
      },
    },
    async (req) => resolvePossibleDuplicate(ctx, requireActor(req), req.params.id, req.body.decision),
  );
  r.post(
    '/possible-duplicates/:id/merge',
    {
      schema: {
        tags: ['registry'],
        summary: 'The two saved records are one child (or family): merge, keeping the chosen one (undoable)',
        params: idParams,
        body: z.strictObject({ keep: z.enum(['existing', 'incoming']).default('existing') }),
        response: created(recordMergeOut),
      },
    },
    async (req, reply) => reply.status(201).send(await mergePair(ctx, requireActor(req), req.params.id, req.body.keep)),
  );
  r.post(
    '/record-merges/:id/undo',
    {
      schema: {
        tags: ['registry'],
        summary: 'Undo a merge: both records are listed again and the pair is open for review',
        params: idParams,
        response: ok(recordMergeOut),
      },
    },
    async (req) => undoMerge(ctx, requireActor(req), req.params.id),
  );
}
