import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { idParams, lgdCodeQuery, pageQuery, versionFrom } from '../http/common';
import { CAREGIVER_TYPES, DOCUMENT_TYPES, VULNERABILITY_FACTORS } from './vocabulary';
import {
  assessmentInput,
  assessmentOut,
  documentInput,
  documentOut,
  familyInput,
  familyListOut,
  familyOut,
  familyPatch,
  familyRecordOut,
  instrumentOut,
  memberInput,
  memberOut,
  memberPatch,
  type MemberPatch,
} from './registry.model';
import { created, itemsOf, ok } from '../http/response';
import { addMember, createFamily, listFamiliesFor, patchFamily, patchMember, readFamily, setDocument } from './families.service';
import { familyAssessments, recordAssessment } from './assessments.service';
import { defaultInstrument } from './instrument';

export function familiesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/families',
    {
      schema: {
        tags: ['registry'],
        querystring: z.strictObject({
          q: z.string().trim().max(100).optional(),
          villageId: z.string().max(60).optional(),
          subdistrictCode: lgdCodeQuery.optional(),
          factor: z.enum(VULNERABILITY_FACTORS).optional(),
          caregiverType: z.enum(CAREGIVER_TYPES).optional(),
          ...pageQuery,
        }),
        response: ok(familyListOut),
      },
    },
    async (req) => listFamiliesFor(ctx, requireActor(req), req.query),
  );
  r.post('/families', { schema: { tags: ['registry'], body: familyInput, response: created(familyOut) } }, async (req, reply) =>
    reply.status(201).send(await createFamily(ctx, requireActor(req), req.body)),
  );
  r.get('/families/:id', { schema: { tags: ['registry'], params: idParams, response: ok(familyRecordOut) } }, async (req, reply) => {
    const f = await readFamily(ctx, requireActor(req), req.params.id);
    // Rows shaped by the permitted-fields policy are typed loosely; the response schema checks them as they are sent.
    return reply.header('etag', `"${f.version}"`).send(f as z.input<typeof familyRecordOut>);
  });
  r.patch(
    '/families/:id',
    { schema: { tags: ['registry'], params: idParams, body: familyPatch as never, response: ok(familyOut) } },
    async (req, reply) => {
      const f = await patchFamily(ctx, requireActor(req), req.params.id, req.body as never);
      return reply.header('etag', `"${f.version}"`).send(f);
    },
  );
  r.post(
    '/families/:id/members',
    { schema: { tags: ['registry'], params: idParams, body: memberInput, response: created(memberOut) } },
    async (req, reply) => reply.status(201).send(await addMember(ctx, requireActor(req), req.params.id, req.body)),
  );
  r.patch(
    '/families/:id/members/:memberId',
    {
      schema: {
        tags: ['registry'],
        params: z.object({ id: z.uuid(), memberId: z.uuid() }),
        body: memberPatch as never,
        response: ok(memberOut),
      },
    },
    async (req) =>
      (await patchMember(ctx, requireActor(req), req.params.id, req.params.memberId, req.body as MemberPatch)) as z.input<typeof memberOut>,
  );
  r.put(
    '/families/:id/documents/:docType',
    {
      schema: {
        tags: ['registry'],
        summary: "Record a family's document status (optional `version` as read, or If-Match: 409 if it changed since)",
        params: z.object({ id: z.uuid(), docType: z.enum(DOCUMENT_TYPES) }),
        body: documentInput,
        response: ok(documentOut),
      },
    },
    async (req) =>
      setDocument(ctx, requireActor(req), { familyId: req.params.id }, req.params.docType, {
        ...req.body,
        version: versionFrom(req.body, req.headers['if-match']),
      }),
  );
  r.get('/assessment-instrument', { schema: { tags: ['registry'], response: ok(instrumentOut) } }, async (req) => {
    requireActor(req);
    return defaultInstrument();
  });
  r.get(
    '/families/:id/assessments',
    { schema: { tags: ['registry'], params: idParams, response: ok(itemsOf(assessmentOut)) } },
    async (req) => ({
      items: await familyAssessments(ctx, requireActor(req), req.params.id),
    }),
  );
  r.post(
    '/families/:id/assessments',
    { schema: { tags: ['registry'], params: idParams, body: assessmentInput, response: created(assessmentOut) } },
    async (req, reply) => reply.status(201).send(await recordAssessment(ctx, requireActor(req), req.params.id, req.body)),
  );
}
