import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { lgdCodeQuery } from '../http/common';
import { notFound } from '../http/errors';
import { getLocation, listLocations } from './locations.repository';
import { addVillage } from './locations.service';
import { locationOut } from './locations.model';
import { created, itemsOf, ok } from '../http/response';

export function locationsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/locations',
    {
      schema: {
        tags: ['locations'],
        summary: 'LGD units and villages (reference data)',
        querystring: z.strictObject({
          parentId: z.string().max(60).optional(),
          level: z.enum(['state', 'district', 'subdistrict', 'block', 'village']).optional(),
          districtCode: lgdCodeQuery.optional(),
        }),
        response: ok(itemsOf(locationOut)),
      },
    },
    async (req) => {
      requireActor(req);
      return { items: await listLocations(ctx.db, req.query) };
    },
  );
  r.get(
    '/locations/:id',
    { schema: { tags: ['locations'], params: z.object({ id: z.string().max(60) }), response: ok(locationOut) } },
    async (req) => {
      requireActor(req);
      const loc = await getLocation(ctx.db, req.params.id);
      if (!loc) throw notFound('Location');
      return loc;
    },
  );
  r.post(
    '/locations/villages',
    {
      schema: {
        tags: ['locations'],
        summary: 'Add a village or gram panchayat under a taluka (sub-district) or block',
        body: z.strictObject({
          name: z.string().trim().min(1).max(120),
          nameLocal: z.string().trim().max(120).optional(),
          parentId: z.string().regex(/^(sd|bl):\d+$/, 'must be a sub-district (sd:N) or block (bl:N) id'),
          blockCode: z.number().int().positive().max(99_999_999, 'must be an LGD code (at most 8 digits)').optional(),
        }),
        response: created(locationOut),
      },
    },
    async (req, reply) => reply.status(201).send(await addVillage(ctx, requireActor(req), req.body)),
  );
}
