import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { requireCovers, requirePermission } from '../access/policy';
import { badRequest, notFound } from '../http/errors';
import { getLocation, insertVillage, listLocations, placementOf } from './locations.repository';
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
          districtCode: z.coerce.number().int().positive().optional(),
        }),
        response: ok(itemsOf(locationOut)),
      },
    },
    async (req) => {
      requireActor(req);
      return { items: await listLocations(ctx.db, req.query) };
    },
  );
  r.get('/locations/:id', { schema: { tags: ['locations'], params: z.object({ id: z.string().max(60) }), response: ok(locationOut) } }, async (req) => {
    requireActor(req);
    const loc = await getLocation(ctx.db, req.params.id);
    if (!loc) throw notFound('Location');
    return loc;
  });
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
          blockCode: z.number().int().positive().optional(),
        }),
        response: created(locationOut),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, 'survey.write', 'config.edit');
      const parent = await getLocation(ctx.db, req.body.parentId);
      if (!parent) throw badRequest('parentId', 'no such taluka or block');
      requireCovers(actor, placementOf(parent)!, 'taluka');
      const row = await insertVillage(ctx.db, { name: req.body.name, nameLocal: req.body.nameLocal, parent, blockCode: req.body.blockCode });
      return reply.status(201).send(row);
    },
  );
}
