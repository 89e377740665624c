import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { surveyInput, surveyOut, vulnerabilityMapOut } from './registry.model';
import { created, ok } from '../http/response';
import { recordSurvey, vulnerabilityMap } from './mapping.service';

export function mappingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/vulnerability-map',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Families and children at risk per village, rolled up by taluka and district',
        querystring: z.strictObject({ locationId: z.string().max(60).optional() }),
        response: ok(vulnerabilityMapOut),
      },
    },
    async (req) => vulnerabilityMap(ctx, requireActor(req), req.query.locationId),
  );
  r.post(
    '/villages/:villageId/surveys',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Record a village vulnerability-mapping survey',
        params: z.object({ villageId: z.string().max(60) }),
        body: surveyInput,
        response: created(surveyOut),
      },
    },
    async (req, reply) => reply.status(201).send(await recordSurvey(ctx, requireActor(req), req.params.villageId, req.body)),
  );
}
