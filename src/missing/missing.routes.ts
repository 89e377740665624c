import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { idParams, MAX_VERSION, versionFrom } from '../http/common';
import { badRequest } from '../http/errors';
import {
  foundChildInput,
  matchDecisionInput,
  modelRefitInput,
  modelRollbackInput,
  modelStatusOut,
  matchListQuery,
  missingReportInput,
  moderationInput,
  openCaseInput,
  recordListQuery,
  recordPatch,
  restorationListQuery,
  restorationUpdateInput,
} from './missing.model';
import {
  createFoundChild,
  createMissingReport,
  listRecordsFor,
  moderate,
  openPhoto,
  patchRecord,
  photoTooLarge,
  readRecord,
  setPhoto,
} from './missing.service';
import { decideMatch, exportLabelledPairs, listMatchesFor, readMatch } from './matches.service';
import { modelStatus, refitModel, rollbackModel } from './model.service';
import { listRestorationsFor, openRestorationCase, updateRestorationStatus } from './restorations.service';
import { publicMissingRoutes } from './public.routes';
import { multipartReport, photoOf } from './multipart-form';
import { MAX_PHOTO_BYTES } from './photos';
import {
  matchDecidedOut,
  matchDetailOut,
  matchListOut,
  missingRecordDetailOut,
  missingRecordListOut,
  missingRecordWrittenOut,
  photoSetOut,
  restorationListOut,
  restorationOut,
} from './missing.model';
import { created, file, ok } from '../http/response';

/** Missing and found children (issue #7): official routes here, the public forms in public.routes.ts. */
export function missingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['missing'];

  // JSON, or multipart/form-data with the form as JSON in "data" and a photo in "photo" (multipart-form.ts).
  const withPhoto =
    ' (JSON; or multipart/form-data: the same form as JSON in field "data" and a JPEG, PNG or WebP photo ≤ 5 MB in file "photo")';
  r.post(
    '/missing/reports',
    {
      preValidation: multipartReport,
      schema: {
        tags,
        summary: 'Report a missing child (official): matched against found children at once' + withPhoto,
        body: missingReportInput,
        response: created(missingRecordWrittenOut),
      },
    },
    async (req, reply) => reply.status(201).send(await createMissingReport(ctx, requireActor(req), req.body, photoOf(req))),
  );
  r.post(
    '/missing/found-children',
    {
      preValidation: multipartReport,
      schema: {
        tags,
        summary: 'Record a found child (official): matched against missing reports at once' + withPhoto,
        body: foundChildInput,
        response: created(missingRecordWrittenOut),
      },
    },
    async (req, reply) => reply.status(201).send(await createFoundChild(ctx, requireActor(req), req.body, photoOf(req))),
  );
  r.get(
    '/missing/records',
    {
      schema: {
        tags,
        summary: 'Reports and found children in your jurisdiction (status=pending_moderation: the moderation list)',
        querystring: recordListQuery,
        response: ok(missingRecordListOut),
      },
    },
    async (req) => listRecordsFor(ctx, requireActor(req), req.query),
  );
  r.get(
    '/missing/records/:id',
    { schema: { tags, summary: 'One record with its matches (audited)', params: idParams, response: ok(missingRecordDetailOut) } },
    async (req, reply) => {
      const rec = await readRecord(ctx, requireActor(req), req.params.id);
      return reply.header('etag', `"${rec.version}"`).send(rec);
    },
  );
  r.patch(
    '/missing/records/:id',
    {
      schema: {
        tags,
        summary: 'Correct a record (matched again)',
        params: idParams,
        body: recordPatch,
        response: ok(missingRecordWrittenOut),
      },
    },
    async (req, reply) => {
      const rec = await patchRecord(ctx, requireActor(req), req.params.id, req.body);
      return reply.header('etag', `"${rec.version}"`).send(rec);
    },
  );
  r.post(
    '/missing/records/:id/moderation',
    {
      schema: {
        tags,
        summary: 'Accept (enters matching) or reject a public submission',
        params: idParams,
        body: moderationInput,
        response: ok(missingRecordWrittenOut),
      },
    },
    async (req) => moderate(ctx, requireActor(req), req.params.id, req.body),
  );
  r.put(
    '/missing/records/:id/photo',
    {
      schema: {
        tags,
        summary: 'Set or replace the photo (JPEG, PNG or WebP ≤ 5 MB, metadata removed; multipart/form-data file "file")',
        description:
          'Send the version of the record you read, as the form field "version" or an If-Match header: 409 version_conflict (with the record as it stands) if it changed since. ' +
          'A rejected record takes no photo (409 record_closed, reason rejected). ' +
          'Under a CWC non-disclosure order (JJ Act 2015 s.74), a writer who sees the child as initials only may not set it: 403 field_forbidden naming photo.',
        params: idParams,
        response: ok(photoSetOut),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!req.isMultipart()) throw badRequest('file', 'send the photo as multipart/form-data');
      let bytes: Buffer | null = null;
      let field = 'file';
      let formVersion: number | undefined;
      for await (const part of req.parts({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 1, fieldSize: 32, parts: 2 } })) {
        if (part.type === 'file') {
          field = part.fieldname || 'file';
          try {
            bytes = await part.toBuffer();
          } catch (err) {
            if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw photoTooLarge(field);
            throw err;
          }
        } else if (part.fieldname === 'version') {
          const v = Number(String(part.value).trim());
          if (!Number.isInteger(v) || v < 1 || v > MAX_VERSION)
            throw badRequest('version', 'must be the version of the record you read (a whole number, 1 or more)');
          formVersion = v;
        } else {
          throw badRequest(part.fieldname, 'is not a field of this form (send "file" and "version")');
        }
      }
      if (!bytes) throw badRequest('file', 'no file in the form');
      const version = versionFrom({ version: formVersion }, req.headers['if-match']);
      const out = await setPhoto(ctx, actor, req.params.id, bytes, field, version);
      return reply.header('etag', `"${out.version}"`).send(out);
    },
  );
  r.get(
    '/missing/records/:id/photo',
    {
      schema: {
        tags,
        summary: 'The photo, for officials who see the record (audited; never public)',
        params: idParams,
        ...file('image/jpeg', 'image/png', 'image/webp'),
      },
    },
    async (req, reply) => {
      const f = await openPhoto(ctx, requireActor(req), req.params.id);
      return reply
        .header('content-type', f.contentType)
        .header('content-length', f.size)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(f.stream);
    },
  );

  r.get(
    '/missing/matches',
    {
      schema: {
        tags,
        summary: 'The review queue: match candidates with per-field explanation (default status=proposed)',
        querystring: matchListQuery,
        response: ok(matchListOut),
      },
    },
    async (req) => listMatchesFor(ctx, requireActor(req), req.query),
  );
  r.get(
    '/missing/matches/:id',
    { schema: { tags, summary: 'A match side by side (audited)', params: idParams, response: ok(matchDetailOut) } },
    async (req) => readMatch(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/missing/matches/:id/decision',
    {
      schema: {
        tags,
        summary:
          'Confirm or reject with a note (required both ways: a confirmation says how the match was checked, at least 5 characters, else 400 naming note). Across districts a confirmation is that side’s agreement: confirmed when both sides agree (or by the CWC of the report’s district); restoration starts',
        params: idParams,
        body: matchDecisionInput,
        response: ok(matchDecidedOut),
      },
    },
    async (req) => decideMatch(ctx, requireActor(req), req.params.id, req.body),
  );
  r.get(
    '/missing/labelled-pairs',
    {
      schema: {
        tags,
        summary: 'Decided pairs as CSV (left_*/right_* person-record columns + label 1/0) for re-fitting the model',
        querystring: z.strictObject({}),
        ...file('text/csv'),
      },
    },
    async (req, reply) => {
      const file = await exportLabelledPairs(ctx, requireActor(req));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );

  r.get(
    '/missing/model',
    {
      schema: {
        tags,
        summary:
          'The match model in use: version, what it was fitted on and when, calibration and its bands, the decisions available and earlier refits (DCPU and state officers)',
        querystring: z.strictObject({}),
        response: ok(modelStatusOut),
      },
    },
    async (req) => modelStatus(ctx, requireActor(req)),
  );
  r.post(
    '/missing/model/refit',
    {
      schema: {
        tags,
        summary:
          "Refit m and calibration from the reviewers' confirmed and rejected matches the officer's districts took part in (samanvay link-refit): a new model version, used from now on; 422 naming decisions with fewer than 20 of either kind",
        body: modelRefitInput,
        response: ok(modelStatusOut),
      },
    },
    async (req) => refitModel(ctx, requireActor(req), req.body),
  );
  r.post(
    '/missing/model/rollback',
    {
      schema: {
        tags,
        summary:
          'Roll matching back to an earlier model version (a kept refit, or the shipped model): state and national officers; 409 when the model in use is no longer `expected`; stored records are re-keyed and matched again by the sweep',
        body: modelRollbackInput,
        response: ok(modelStatusOut),
      },
    },
    async (req) => rollbackModel(ctx, requireActor(req), req.body),
  );

  r.get(
    '/missing/restorations',
    {
      schema: {
        tags,
        summary: 'Restorations after confirmed matches (home and finding districts)',
        querystring: restorationListQuery,
        response: ok(restorationListOut),
      },
    },
    async (req) => listRestorationsFor(ctx, requireActor(req), req.query),
  );
  r.post(
    '/missing/restorations/:id/open-case',
    {
      schema: {
        tags,
        summary: 'Open the restoration case (home district)',
        params: idParams,
        body: openCaseInput,
        response: created(restorationOut),
      },
    },
    async (req, reply) => reply.status(201).send(await openRestorationCase(ctx, requireActor(req), req.params.id, req.body.childId)),
  );
  r.post(
    '/missing/restorations/:id/status',
    {
      schema: {
        tags,
        summary:
          'Record the outcome (home district): restored on a CWC restoration order (Form 44: on the case, or cwcOrderRef from a CWC member; else 409 cwc_order_required) or closed',
        params: idParams,
        body: restorationUpdateInput,
        response: ok(restorationOut),
      },
    },
    async (req) => updateRestorationStatus(ctx, requireActor(req), req.params.id, req.body),
  );

  publicMissingRoutes(app, ctx);
}
