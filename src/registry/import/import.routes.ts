import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context';
import { requireActor } from '../../http/auth-hook';
import { badRequest } from '../../http/errors';
import { file, ok } from '../../http/response';
import { HttpError } from '../../http/errors';
import { can } from '../../access/policy';
import { importQuery, importResultOut } from './import.model';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, importTooLarge, importUpload } from './import.upload';
import { IMPORT_COLUMNS } from './import.row';

export function importRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/registry/imports',
    {
      schema: {
        tags: ['registry'],
        summary:
          `Import children and families from a CSV (multipart/form-data, the file as "file"; ≤ ${MAX_IMPORT_BYTES / 1024 / 1024} MB, ` +
          `${MAX_IMPORT_ROWS} rows; columns ${IMPORT_COLUMNS.join(',')}). dryRun=true (the default) checks every row and writes nothing; ` +
          'dryRun=false writes every valid row in one transaction (all or nothing), holding likely duplicates for review',
        querystring: importQuery,
        response: ok(importResultOut),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!req.isMultipart()) throw badRequest('file', 'send the CSV as multipart/form-data (field "file")');
      const part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
      if (!part) throw badRequest('file', 'no file in the form');
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw badRequest(part.fieldname, 'is not a field of this form (send the CSV as "file")');
      }
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw importTooLarge();
        throw err;
      }
      return importUpload(ctx, actor, bytes, {
        dryRun: req.query.dryRun === 'true',
        expectChildren: req.query.expectChildren,
        acceptLanguage: req.headers['accept-language'],
      });
    },
  );
  r.get(
    '/registry/imports/template',
    {
      schema: {
        tags: ['registry'],
        summary: 'An empty import file: the header line with every column the import reads (blank cells are "unknown")',
        querystring: z.strictObject({}),
        ...file('text/csv'),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!can(actor, 'registry.import')) throw new HttpError(403, 'forbidden', `role ${actor.role} may not import`);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="samanvay-import-template.csv"')
        .send(`\uFEFF${IMPORT_COLUMNS.join(',')}\r\n`);
    },
  );
}
