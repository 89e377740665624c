import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { idParams, lgdCodeQuery, pageQuery, versionFrom } from '../http/common';
import { CARE_STATUSES, DOCUMENT_TYPES, SEXES, VULNERABILITY_FACTORS } from './vocabulary';
import { childInput, childListOut, childOut, childPatch, childRecordOut, documentInput, documentOut } from './registry.model';
import { created, file, ok } from '../http/response';
import { createChild, listChildrenFor, patchChild, readChild } from './children.service';
import { setDocument } from './families.service';
import { exportChildren } from './export.service';

const childListFields = {
  q: z.string().trim().max(100).optional(),
  sex: z.enum(SEXES).optional(),
  careStatus: z.enum(CARE_STATUSES).optional(),
  factor: z.enum(VULNERABILITY_FACTORS).optional(),
  villageId: z.string().max(60).optional(),
  subdistrictCode: lgdCodeQuery.optional(),
  familyId: z.uuid().optional(),
  ageMin: z.coerce.number().int().min(0).max(25).optional(),
  ageMax: z.coerce.number().int().min(0).max(25).optional(),
  ...pageQuery,
};
const agesInOrder = {
  check: (q: { ageMin?: number; ageMax?: number }) => q.ageMin == null || q.ageMax == null || q.ageMin <= q.ageMax,
  params: { path: ['ageMax'], message: 'must not be below ageMin' },
};
export const childListQuery = z.strictObject(childListFields).refine(agesInOrder.check, agesInOrder.params);
const childExportQuery = z
  .strictObject({ ...childListFields, format: z.enum(['csv', 'xlsx']).default('csv') })
  .refine(agesInOrder.check, agesInOrder.params);
const CHILD_EXPORT_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;

export function childrenRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/children',
    {
      schema: {
        tags: ['registry'],
        summary: 'List or search children (name in any script or spelling)',
        querystring: childListQuery,
        response: ok(childListOut),
      },
    },
    async (req) => listChildrenFor(ctx, requireActor(req), req.query),
  );
  r.get(
    '/children/export',
    {
      schema: {
        tags: ['registry'],
        summary: 'Export the filtered list as CSV or Excel',
        querystring: childExportQuery,
        ...file(...CHILD_EXPORT_TYPES),
      },
    },
    async (req, reply) => {
      const { format, ...query } = req.query;
      const file = await exportChildren(ctx, requireActor(req), query, format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
  r.post('/children', { schema: { tags: ['registry'], body: childInput, response: created(childOut) } }, async (req, reply) =>
    reply.status(201).send(await createChild(ctx, requireActor(req), req.body)),
  );
  r.get('/children/:id', { schema: { tags: ['registry'], params: idParams, response: ok(childRecordOut) } }, async (req, reply) => {
    const c = await readChild(ctx, requireActor(req), req.params.id);
    // Rows shaped by the permitted-fields policy are typed loosely; the response schema checks them as they are sent.
    return reply.header('etag', `"${c.version}"`).send(c as z.input<typeof childRecordOut>);
  });
  r.patch(
    '/children/:id',
    { schema: { tags: ['registry'], params: idParams, body: childPatch, response: ok(childOut) } },
    async (req, reply) => {
      const c = await patchChild(ctx, requireActor(req), req.params.id, req.body);
      return reply.header('etag', `"${c.version}"`).send(c);
    },
  );
  r.put(
    '/children/:id/documents/:docType',
    {
      schema: {
        tags: ['registry'],
        summary: "Record a child's document status (optional `version` as read, or If-Match: 409 if it changed since)",
        params: z.object({ id: z.uuid(), docType: z.enum(DOCUMENT_TYPES) }),
        body: documentInput,
        response: ok(documentOut),
      },
    },
    async (req) =>
      setDocument(ctx, requireActor(req), { childId: req.params.id }, req.params.docType, {
        ...req.body,
        version: versionFrom(req.body, req.headers['if-match']),
      }),
  );
}
