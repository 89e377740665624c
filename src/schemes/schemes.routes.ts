import { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { idParams, MAX_VERSION, pageQuery, recordVersion, versionFrom } from '../http/common';
import { badRequest } from '../http/errors';
import { isoDate } from '../http/iso-date';
import type { TableFile } from '../exports/tables';
import { DEPARTMENT_KINDS } from '../convergence/domain/types';
import { APPLICATION_STATUSES } from './application-workflow';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from './documents';
import { addSchemeVersion, createScheme, ensureCatalogue, listSchemes, readScheme, ruleVocabulary } from './catalogue.service';
import { familySuggestions } from './suggestions.service';
import { reasonLangOf } from './language';
import { FOLLOW_UPS } from './document-followup';
import { REASON_LANGS } from './render';
import { addStep, listApplicationsFor, readApplication, startApplication } from './applications.service';
import { changeDocumentStatus, closeDocumentRequest, listDocumentRequests, requestDocument } from './document-tracking.service';
import { exportWorklist, worklist } from './worklist.service';
import { exportOutcomes, schemeOutcomes } from './outcomes.service';
import {
  applicationListOut,
  applicationOut,
  documentMovedOut,
  documentRequestListOut,
  documentRequestOut,
  familySuggestionsOut,
  outcomesOut,
  ruleVocabularyOut,
  schemeListOut,
  schemeOut,
  worklistOut,
} from './schemes.model';
import { created, file, ok } from '../http/response';

/** CSV or Excel (src/exports/tables.ts). */
const TABLE_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;

const tags = ['schemes'];
const text = (max: number) => z.string().trim().max(max, `is too long (${max} characters at most)`);
const schemeIdParams = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a scheme id (lower-case words joined by hyphens)')
    .max(80),
});
const statusList = z
  .string()
  .max(40)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(['eligible', 'maybe', 'not_eligible'])));
const format = z.enum(['csv', 'xlsx']).default('csv');
const locationId = z.string().max(60).optional();

const worklistQuery = z.strictObject({
  locationId,
  schemeId: z.string().max(80).optional(),
  status: z.enum(['eligible', 'maybe']).default('eligible'),
});
const outcomesQuery = z.strictObject({
  locationId,
  from: isoDate.optional(),
  to: isoDate.optional(),
  groupBy: z.enum(['district', 'subdistrict', 'village']).optional(),
});

const startInput = z.strictObject({
  schemeId: z.string().min(1, 'choose a scheme').max(80),
  familyId: z.uuid('must be a family id (UUID)'),
  childId: z.uuid('must be a child id (UUID)').optional().nullable(),
  on: isoDate,
  officerName: text(120).optional().nullable(),
  reference: text(120).optional().nullable(),
  note: text(2000).optional().nullable(),
});
const stepInput = z.strictObject({
  version: recordVersion.optional(),
  status: z.enum(APPLICATION_STATUSES),
  on: isoDate,
  reason: text(1000).optional().nullable(),
  amount: z.number().finite().min(0, 'cannot be negative').max(100_000_000, 'is implausibly large').optional().nullable(),
  reference: text(120).optional().nullable(),
  note: text(2000).optional().nullable(),
  officerName: text(120).optional().nullable(),
});
const documentStatusInput = z.strictObject({
  version: z.number().int().min(0).max(MAX_VERSION).optional(),
  status: z.enum(DOCUMENT_STATUSES),
  on: isoDate,
  issuingOffice: text(200).optional().nullable(),
  note: text(1000).optional().nullable(),
});
const requestInput = z.strictObject({
  familyId: z.uuid('must be a family id (UUID)'),
  childId: z.uuid().optional().nullable(),
  applicationId: z.uuid().optional().nullable(),
  docType: z.enum(DOCUMENT_TYPES),
  department: z.enum(DEPARTMENT_KINDS),
  officer: text(120).optional().nullable(),
  requestedOn: isoDate,
  dueOn: isoDate,
  note: text(1000).optional().nullable(),
  followUp: z.enum(FOLLOW_UPS).optional(),
});
const requestClose = z.strictObject({
  version: recordVersion,
  status: z.enum(['done', 'cancelled']),
  on: isoDate,
  result: text(1000).optional().nullable(),
});
const docParams = z.object({ id: z.uuid('must be a record id (UUID)'), docType: z.enum(DOCUMENT_TYPES) });

function send(reply: FastifyReply, file: TableFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(file.body);
}

export function schemesRoutes(app: FastifyInstance, ctx: AppContext) {
  // The catalogue is seeded and validated before the server takes requests: a stored
  // scheme that does not validate stops start-up with the rule's path and the reason.
  app.addHook('onReady', async () => {
    await ensureCatalogue(ctx.db);
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Catalogue
  r.get(
    '/schemes',
    {
      schema: {
        tags,
        summary: 'The scheme catalogue (each scheme with its versions and the one in force today)',
        response: ok(schemeListOut),
      },
    },
    async (req) => listSchemes(ctx, requireActor(req)),
  );
  r.get(
    '/scheme-rule-vocabulary',
    { schema: { tags, summary: 'Facts a rule may read and documents a scheme may ask for', response: ok(ruleVocabularyOut) } },
    async (req) => {
      requireActor(req);
      return ruleVocabulary();
    },
  );
  r.get(
    '/schemes/:id',
    {
      schema: {
        tags,
        summary: 'One scheme: its rules as data, versions and revision history',
        params: schemeIdParams,
        response: ok(schemeOut),
      },
    },
    async (req, reply) => {
      const s = await readScheme(ctx, requireActor(req), req.params.id);
      return reply.header('etag', `"${s.revision}"`).send(s);
    },
  );
  r.post(
    '/schemes',
    {
      schema: {
        tags,
        summary: 'Add a scheme (schemes.configure); validated by the engine',
        body: z.strictObject({ scheme: z.unknown(), note: text(500).optional() }),
        response: created(schemeOut),
      },
    },
    async (req, reply) => reply.status(201).send(await createScheme(ctx, requireActor(req), req.body)),
  );
  r.post(
    '/schemes/:id/versions',
    {
      schema: {
        tags,
        summary: 'Add a version to a scheme (a new GR), refused with the rule path and reason when it does not validate',
        params: schemeIdParams,
        body: z.strictObject({ revision: z.number().int().positive().optional(), version: z.unknown(), note: text(500).optional() }),
        response: created(schemeOut),
      },
    },
    async (req, reply) => {
      const revision = versionFrom({ version: req.body.revision }, req.headers['if-match']);
      if (revision === undefined) throw badRequest('revision', 'give the revision you edited (or an If-Match header)');
      return reply.status(201).send(await addSchemeVersion(ctx, requireActor(req), req.params.id, { ...req.body, revision }));
    },
  );

  // Suggestions and worklist
  r.get(
    '/families/:id/scheme-suggestions',
    {
      schema: {
        tags,
        summary: 'What a family and each child may get, with reasons and missing documents',
        params: idParams,
        querystring: z.strictObject({ asOf: isoDate.optional(), include: statusList.optional(), lang: z.enum(REASON_LANGS).optional() }),
        response: ok(familySuggestionsOut),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return familySuggestions(ctx, actor, req.params.id, { ...req.query, lang: await reasonLangOf(ctx, actor, req, req.query.lang) });
    },
  );
  r.get(
    '/scheme-worklist',
    {
      schema: {
        tags,
        summary: 'Families eligible for a scheme they are not enrolled in (your jurisdiction)',
        querystring: worklistQuery.extend(pageQuery),
        response: ok(worklistOut),
      },
    },
    async (req) => worklist(ctx, requireActor(req), req.query),
  );
  r.get(
    '/scheme-worklist/export',
    { schema: { tags, summary: 'The worklist as CSV or Excel', querystring: worklistQuery.extend({ format }), ...file(...TABLE_TYPES) } },
    async (req, reply) => {
      const { format: f, ...q } = req.query;
      return send(reply, await exportWorklist(ctx, requireActor(req), q, f));
    },
  );

  // Applications
  r.get(
    '/scheme-applications',
    {
      schema: {
        tags,
        summary: 'Applications in your jurisdiction',
        querystring: z.strictObject({
          familyId: z.uuid().optional(),
          schemeId: z.string().max(80).optional(),
          status: z.enum(APPLICATION_STATUSES).optional(),
          locationId,
          ...pageQuery,
        }),
        response: ok(applicationListOut),
      },
    },
    async (req) => listApplicationsFor(ctx, requireActor(req), req.query),
  );
  r.post(
    '/scheme-applications',
    { schema: { tags, summary: 'Open an application (identified)', body: startInput, response: created(applicationOut) } },
    async (req, reply) => {
      const a = await startApplication(ctx, requireActor(req), req.body);
      return reply.status(201).header('etag', `"${a.version}"`).send(a);
    },
  );
  r.get(
    '/scheme-applications/:id',
    {
      schema: {
        tags,
        summary: 'An application: steps, derived status, eligibility on its date (reasons in ?lang=), document checklist',
        params: idParams,
        querystring: z.strictObject({ lang: z.enum(REASON_LANGS).optional() }),
        response: ok(applicationOut),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const a = await readApplication(ctx, actor, req.params.id, { lang: await reasonLangOf(ctx, actor, req, req.query.lang) });
      return reply.header('etag', `"${a.version}"`).send(a);
    },
  );
  r.post(
    '/scheme-applications/:id/steps',
    {
      schema: {
        tags,
        summary: 'Move an application along the pipeline (optimistic version in body or If-Match)',
        params: idParams,
        body: stepInput,
        response: created(applicationOut),
      },
    },
    async (req, reply) => {
      const version = versionFrom(req.body, req.headers['if-match']);
      if (version === undefined) throw badRequest('version', 'give the version you edited (or an If-Match header)');
      const a = await addStep(ctx, requireActor(req), req.params.id, { ...req.body, version });
      return reply.status(201).header('etag', `"${a.version}"`).send(a);
    },
  );

  // Documents
  r.post(
    '/families/:id/documents/:docType/status',
    {
      schema: {
        tags,
        summary: 'Move a household document along (missing → applied for → issued → held)',
        params: docParams,
        body: documentStatusInput,
        response: ok(documentMovedOut),
      },
    },
    async (req) => changeDocumentStatus(ctx, requireActor(req), 'family', req.params.id, req.params.docType, req.body),
  );
  r.post(
    '/children/:id/documents/:docType/status',
    {
      schema: {
        tags,
        summary: "Move a child's document along (missing → applied for → issued → held)",
        params: docParams,
        body: documentStatusInput,
        response: ok(documentMovedOut),
      },
    },
    async (req) => changeDocumentStatus(ctx, requireActor(req), 'child', req.params.id, req.params.docType, req.body),
  );
  r.post(
    '/document-requests',
    {
      schema: {
        tags,
        summary:
          'Ask a department for a missing document; followUp=convergence_action makes it an action item for the department, case_task a task in the open case',
        body: requestInput,
        response: created(documentRequestOut),
      },
    },
    async (req, reply) => reply.status(201).send(await requestDocument(ctx, requireActor(req), req.body)),
  );
  r.get(
    '/document-requests',
    {
      schema: {
        tags,
        summary: 'Document requests, by department (what is overdue, with whom)',
        querystring: z.strictObject({
          department: z.enum(DEPARTMENT_KINDS).optional(),
          status: z.enum(['open', 'done', 'cancelled']).optional(),
          overdue: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
          locationId,
          ...pageQuery,
        }),
        response: ok(documentRequestListOut),
      },
    },
    async (req) => listDocumentRequests(ctx, requireActor(req), req.query),
  );
  r.patch(
    '/document-requests/:id',
    {
      schema: {
        tags,
        summary: 'Close a document request (done or cancelled)',
        params: idParams,
        body: requestClose,
        response: ok(documentRequestOut),
      },
    },
    async (req) => closeDocumentRequest(ctx, requireActor(req), req.params.id, req.body),
  );

  // Outcomes
  r.get(
    '/scheme-outcomes',
    {
      schema: {
        tags,
        summary: 'Families linked, children receiving each scheme, documents secured, by place and month',
        querystring: outcomesQuery,
        response: ok(outcomesOut),
      },
    },
    async (req) => schemeOutcomes(ctx, requireActor(req), req.query),
  );
  r.get(
    '/scheme-outcomes/export',
    {
      schema: { tags, summary: 'Outcome figures as CSV or Excel', querystring: outcomesQuery.extend({ format }), ...file(...TABLE_TYPES) },
    },
    async (req, reply) => {
      const { format: f, ...q } = req.query;
      return send(reply, await exportOutcomes(ctx, requireActor(req), q, f));
    },
  );
}
