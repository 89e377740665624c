import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { idParams } from '../http/common';
import { created, file, itemsOf, ok, pageOf } from '../http/response';
import { csvText } from '../exports/csv';
import {
  attachCaseInput,
  callListQuery,
  callOut,
  closeInput,
  dispatchInput,
  draftInput,
  draftPatch,
  duplicateOut,
  duplicatesQuery,
  handedToInput,
  monthlyOut,
  monthlyQuery,
  handoverInput,
  handoverOut,
  partnerHandoverInput,
  responderOut,
  summaryOut,
  summaryQuery,
  triageTableOut,
  versionBody,
} from './helpline.model';
import {
  attachToCase,
  CSV_HEADER,
  createDraft,
  exportRows,
  MONTHLY_CSV_HEADER,
  handToPartner,
  monthlyFor,
  handoverAsCase,
  listCallsFor,
  readCallFor,
  respondersFor,
  stepCall,
  submitCall,
  suggestChildren,
  summaryFor,
  triageTableIn,
  updateDraft,
} from './helpline.service';
import { partnerRoutes } from './partner.routes';

/** The child helpline 1098 (src/helpline/helpline.service.ts). */
/** A queue page: `total` counts at most 1,000 calls (`totalCapped`); `nextCursor` is null on the last page. */
const callPage = pageOf(callOut).extend({ totalCapped: z.boolean(), nextCursor: z.string().nullable() });

export function helplineRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['helpline'];
  type CallReply = z.input<typeof callOut>;

  r.post(
    '/helpline/calls',
    { schema: { tags, summary: 'Start a call: a draft, saved as the operator types', body: draftInput, response: created(callOut) } },
    async (req, reply) => reply.status(201).send((await createDraft(ctx, requireActor(req), req.body)) as CallReply),
  );
  r.get(
    '/helpline/calls',
    {
      schema: {
        tags,
        summary: 'The queue: calls by status, urgency and age (keyset paging: pass nextCursor as after)',
        querystring: callListQuery,
        response: ok(callPage),
      },
    },
    async (req) => (await listCallsFor(ctx, requireActor(req), req.query)) as z.input<typeof callPage>,
  );
  r.get(
    '/helpline/calls/export',
    { schema: { tags, summary: 'Calls of a period with their response times (CSV)', querystring: summaryQuery, ...file('text/csv') } },
    async (req, reply) => {
      const { rows, from, to } = await exportRows(ctx, requireActor(req), req.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="helpline-calls-${from}-${to}.csv"`)
        .send(csvText(CSV_HEADER, rows));
    },
  );
  r.get(
    '/helpline/summary',
    {
      schema: {
        tags,
        summary: 'Response times against target: median, 90th percentile, by category and route',
        querystring: summaryQuery,
        response: ok(summaryOut),
      },
    },
    async (req) => summaryFor(ctx, requireActor(req), req.query),
  );
  r.get(
    '/helpline/figures/monthly',
    {
      schema: {
        tags,
        summary: 'Per district and month: median and 90th percentile minutes to reach, per route and category',
        querystring: monthlyQuery,
        response: ok(monthlyOut),
      },
    },
    async (req) => monthlyFor(ctx, requireActor(req), req.query),
  );
  r.get(
    '/helpline/figures/monthly/export',
    { schema: { tags, summary: 'The monthly figures per district as CSV', querystring: monthlyQuery, ...file('text/csv') } },
    async (req, reply) => {
      const { from, to, rows } = await monthlyFor(ctx, requireActor(req), req.query);
      const cells = rows.map((r) => [
        r.month,
        r.districtCode,
        r.dim,
        r.key,
        r.calls,
        r.reached,
        r.withinTarget,
        r.p50Minutes,
        r.p90Minutes,
        r.p50MinutesToOnTheWay,
        r.p90MinutesToOnTheWay,
      ]);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="helpline-monthly-${from}-${to}.csv"`)
        .send(csvText(MONTHLY_CSV_HEADER, cells));
    },
  );
  r.get(
    '/helpline/triage',
    {
      schema: {
        tags,
        summary: "The triage rules in force in the user's state (versioned data, source cited)",
        response: ok(triageTableOut),
      },
    },
    async (req) => triageTableIn(requireActor(req), ctx),
  );
  r.get(
    '/helpline/child-suggestions',
    {
      schema: {
        tags,
        summary: 'Registry children like the one the caller describes, in the district',
        querystring: duplicatesQuery,
        response: ok(itemsOf(duplicateOut)),
      },
    },
    async (req) => suggestChildren(ctx, requireActor(req), req.query),
  );
  r.get(
    '/helpline/calls/:id',
    { schema: { tags, params: idParams, response: ok(callOut) } },
    async (req) => (await readCallFor(ctx, requireActor(req), req.params.id)) as CallReply,
  );
  r.get(
    '/helpline/calls/:id/responders',
    {
      schema: {
        tags,
        summary: "Who may be named as the call's responder: the active staff of its district unit",
        params: idParams,
        response: ok(itemsOf(responderOut)),
      },
    },
    async (req) => respondersFor(ctx, requireActor(req), req.params.id),
  );
  r.patch(
    '/helpline/calls/:id',
    {
      schema: {
        tags,
        summary: 'Save more of a draft (version required: 409 if someone saved first)',
        params: idParams,
        body: draftPatch,
        response: ok(callOut),
      },
    },
    async (req) => (await updateDraft(ctx, requireActor(req), req.params.id, req.body)) as CallReply,
  );
  r.post(
    '/helpline/calls/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit the call: checked, triaged, the clock set',
        params: idParams,
        body: versionBody,
        response: ok(callOut),
      },
    },
    async (req) => (await submitCall(ctx, requireActor(req), req.params.id, req.body.version)) as CallReply,
  );
  r.post(
    '/helpline/calls/:id/dispatch',
    { schema: { tags, summary: 'Assign to the responsible unit', params: idParams, body: dispatchInput, response: ok(callOut) } },
    async (req) => (await stepCall(ctx, requireActor(req), req.params.id, 'dispatch', req.body)) as CallReply,
  );
  r.post(
    '/helpline/calls/:id/on-the-way',
    { schema: { tags, summary: 'The responder is on the way (timed)', params: idParams, body: versionBody, response: ok(callOut) } },
    async (req) => (await stepCall(ctx, requireActor(req), req.params.id, 'on_the_way', req.body)) as CallReply,
  );
  r.post(
    '/helpline/calls/:id/handed-to',
    {
      schema: {
        tags,
        summary: 'The child was handed to a police station, the CWC, a CCI or the family (timed)',
        params: idParams,
        body: handedToInput,
        response: ok(callOut),
      },
    },
    async (req) => (await stepCall(ctx, requireActor(req), req.params.id, 'handed_to', req.body)) as CallReply,
  );
  r.post(
    '/helpline/calls/:id/partner-handover',
    {
      schema: {
        tags,
        summary: 'Hand the call to 112 or 181 (a signed message, retried until acknowledged)',
        params: idParams,
        body: partnerHandoverInput,
        response: ok(callOut),
      },
    },
    async (req) => (await handToPartner(ctx, requireActor(req), req.params.id, req.body)) as CallReply,
  );
  r.post(
    '/helpline/calls/:id/reached',
    { schema: { tags, summary: 'The child was reached (stops the clock)', params: idParams, body: versionBody, response: ok(callOut) } },
    async (req) => (await stepCall(ctx, requireActor(req), req.params.id, 'reached', req.body)) as CallReply,
  );
  r.post(
    '/helpline/calls/:id/close',
    { schema: { tags, summary: 'Close the call with its outcome', params: idParams, body: closeInput, response: ok(callOut) } },
    async (req) => (await stepCall(ctx, requireActor(req), req.params.id, 'close', req.body)) as CallReply,
  );
  r.post(
    '/helpline/calls/:id/case',
    {
      schema: {
        tags,
        summary: "Hand the call over as a case owned by the district's DCPU",
        params: idParams,
        body: handoverInput,
        response: ok(handoverOut),
      },
    },
    async (req) => (await handoverAsCase(ctx, requireActor(req), req.params.id, req.body)) as z.input<typeof handoverOut>,
  );
  r.post(
    '/helpline/calls/:id/attach-case',
    {
      schema: {
        tags,
        summary: "Attach the call to an existing case of a child it names (the case reader's access rule applies)",
        params: idParams,
        body: attachCaseInput,
        response: ok(callOut),
      },
    },
    async (req) => (await attachToCase(ctx, requireActor(req), req.params.id, req.body)) as CallReply,
  );
  // Its own scope: the partner messages keep their raw body for the signature.
  app.register(async (scope) => partnerRoutes(scope, ctx));
}
