import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { versionFrom } from '../http/common';
import { badRequest, notFound } from '../http/errors';
import { assertCleanText } from '../http/input-hygiene';
import {
  actionInput,
  caseAttachmentOut,
  caseIdParams,
  caseListOut,
  caseListQuery,
  caseOut,
  intakeInput,
  markedOut,
  notificationListOut,
  notificationQuery,
  referralListOut,
  referralListQuery,
  taskListOut,
  taskQuery,
  type ActionInput,
} from './cases.model';
import { created, file, itemsOf, ok, okOut } from '../http/response';
import { accessLogEntryOut } from '../audit/audit.model';
import { listCasesFor, listReferralsFor, openCase, readCase, recordAction } from './cases.service';
import { tasksFor } from './tasks.service';
import { addAttachment, openAttachment, tooLarge } from './attachments.service';
import { ATTACHMENT_KINDS, MAX_ATTACHMENT_BYTES, type AttachmentKind } from './attachments.files';
import { listNotifications, markAllRead, markRead } from './notifications.repository';
import { alertText } from './alert-text';
import { catalogueLang } from '../i18n/catalogue';
import { attachmentsOf } from './attachments.repository';
import { getCase } from './cases.repository';
import { requirePermission } from '../access/policy';
import { audit } from '../audit/audit.service';
import { accessLogFor } from '../audit/audit.repository';
import { disclosureRoutes } from './disclosure.routes';

/** Case management API under /api/v1 (issue #4): cases, actions, tasks, alerts, attachments. */
export function casesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  r.post(
    '/cases',
    {
      schema: { tags, summary: 'Open a case (intake) for a registered child or a new one', body: intakeInput, response: created(caseOut) },
    },
    async (req, reply) => {
      const c = await openCase(ctx, requireActor(req), req.body);
      return reply.status(201).header('etag', `"${c.version}"`).send(c);
    },
  );

  r.get(
    '/cases',
    { schema: { tags, summary: 'Cases you may see, filtered; soonest due first', querystring: caseListQuery, response: ok(caseListOut) } },
    async (req) => listCasesFor(ctx, requireActor(req), req.query),
  );

  r.get(
    '/cases/referrals',
    {
      schema: {
        tags,
        summary: 'Referrals made to your organisation (the referred part of each case)',
        querystring: referralListQuery,
        response: ok(referralListOut),
      },
    },
    async (req) => listReferralsFor(ctx, requireActor(req), req.query),
  );

  r.get(
    '/cases/:id',
    {
      schema: {
        tags,
        summary: 'A case: derived state, due items, history (or only your referrals)',
        params: caseIdParams,
        response: ok(caseOut),
      },
    },
    async (req, reply) => {
      const c = await readCase(ctx, requireActor(req), req.params.id);
      return reply.header('etag', `"${c.version}"`).send(c);
    },
  );

  r.post(
    '/cases/:id/actions',
    {
      schema: {
        tags,
        summary: 'Record an action (assessment, CWC production, SIR, order, care plan, referral, review, escalation, transfer, closure…)',
        description:
          'Refused with 409 invalid_transition (reason = the domain code) when the case is not in a state for it, 400 for bad input. Send the version you saw (body or If-Match) to be refused if the case changed.',
        params: caseIdParams,
        body: actionInput,
        response: created(caseOut),
      },
    },
    async (req, reply) => {
      const body = req.body as ActionInput;
      const version = versionFrom(body, req.headers['if-match']);
      const c = await recordAction(ctx, requireActor(req), req.params.id, { ...body, ...(version ? { version } : {}) });
      return reply.status(201).header('etag', `"${c.version}"`).send(c);
    },
  );

  r.get('/cases/:id/attachments', { schema: { tags, params: caseIdParams, response: ok(itemsOf(caseAttachmentOut)) } }, async (req) => {
    const actor = requireActor(req);
    requirePermission(actor, 'cases.read');
    const c = await getCase(ctx.db, actor, req.params.id);
    if (!c || c.access !== 'full') throw notFound('Case');
    const items = await attachmentsOf(ctx.db, c.id);
    await audit(
      ctx.db,
      actor,
      'list',
      'case_attachment',
      c.id,
      { stateCode: c.stateCode, districtCode: c.districtCode },
      { ids: items.map((i) => i.id) },
      { children: [c.childId] },
    );
    return { items };
  });

  r.post(
    '/cases/:id/attachments',
    {
      schema: {
        tags,
        summary: `Attach a PDF, JPEG, PNG or WebP (images are stored without their metadata; ≤ ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB) as multipart/form-data: fields kind, description, then file`,
        params: caseIdParams,
        querystring: z.strictObject({ kind: z.enum(ATTACHMENT_KINDS).optional(), description: z.string().max(1000).optional() }),
        response: created(caseAttachmentOut),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!req.isMultipart()) throw badRequest('file', 'send the file as multipart/form-data');
      const part = await req.file();
      if (!part) throw badRequest('file', 'no file in the form');
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw err;
      }
      const field = (name: string) => {
        const f = part.fields[name] as { value?: unknown } | undefined;
        return typeof f?.value === 'string' ? f.value : undefined;
      };
      // The form's fields are read here, past the global hook: the same text rule, by field.
      assertCleanText(part.filename, 'file.filename');
      assertCleanText(field('description'), 'description');
      const kind = (field('kind') ?? req.query.kind ?? 'document') as AttachmentKind;
      if (!ATTACHMENT_KINDS.includes(kind)) throw badRequest('kind', `must be one of ${ATTACHMENT_KINDS.join(', ')}`);
      const a = await addAttachment(
        ctx,
        actor,
        req.params.id,
        { bytes, filename: part.filename },
        { kind, description: field('description') ?? req.query.description },
      );
      return reply.status(201).send(a);
    },
  );

  r.get(
    '/cases/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment (audited)',
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
        ...file('application/pdf', 'image/jpeg', 'image/png'),
      },
    },
    async (req, reply) => {
      const f = await openAttachment(ctx, requireActor(req), req.params.id, req.params.attachmentId);
      return reply
        .header('content-type', f.contentType)
        .header('content-length', f.size)
        .header('content-disposition', `attachment; filename="${f.filename}"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(f.stream);
    },
  );

  r.get(
    '/cases/:id/access-log',
    {
      schema: {
        tags,
        summary: 'Who read or changed this case (audit.read)',
        params: caseIdParams,
        response: ok(itemsOf(accessLogEntryOut)),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, 'audit.read');
      const c = await getCase(ctx.db, actor, req.params.id);
      if (!c || c.access !== 'full') throw notFound('Case');
      return { items: await accessLogFor(ctx.db, 'case', c.id) };
    },
  );

  r.get(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'What is due and overdue, for you (scope=mine) or your unit (scope=unit)',
        querystring: taskQuery,
        response: ok(taskListOut),
      },
    },
    async (req) => tasksFor(ctx, requireActor(req), req.query),
  );

  r.get(
    '/notifications',
    { schema: { tags, summary: 'Your alerts and your unit’s', querystring: notificationQuery, response: ok(notificationListOut) } },
    async (req) => {
      const actor = requireActor(req);
      const { page, pageSize, unread } = req.query;
      const res = await listNotifications(ctx.db, actor, { unread }, pageSize, (page - 1) * pageSize);
      // Each alert in the reader's language (the web app sends the one chosen on screen).
      const lang = catalogueLang(req.headers['accept-language']);
      const items = res.items.map(({ params, ...n }) => ({ ...n, text: alertText(lang, params, n.message) }));
      return { ...res, items, page, pageSize };
    },
  );

  r.post('/notifications/:id/read', { schema: { tags, params: z.object({ id: z.uuid() }), response: ok(okOut) } }, async (req) => {
    const actor = requireActor(req);
    if (!(await markRead(ctx.db, actor, req.params.id, ctx.now()))) throw notFound('Notification');
    return { ok: true };
  });

  r.post('/notifications/read-all', { schema: { tags, response: ok(markedOut) } }, async (req) => {
    const actor = requireActor(req);
    return { marked: await markAllRead(ctx.db, actor, ctx.now()) };
  });

  disclosureRoutes(app, ctx);
}
