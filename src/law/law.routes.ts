import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { ok } from '../http/response';
import { rulesOut, rulesQuery } from './law.model';
import { rulesAndSources } from './law.service';

const tags = ['rules'];

export function lawRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/rules',
    {
      schema: {
        tags,
        summary: 'Every timeline, CWC order form and scheme eligibility rule in force, each with its source (Act, rule, guideline, order)',
        querystring: rulesQuery,
        response: ok(rulesOut),
      },
    },
    async (req) => rulesAndSources(ctx, requireActor(req), req.query),
  );
}
