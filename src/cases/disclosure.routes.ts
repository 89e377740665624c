import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { MAX_VERSION, versionFrom } from '../http/common';
import { isoDate } from '../http/iso-date';
import { caseIdParams, nonDisclosureLiftedOut, nonDisclosureOrderOut, nonDisclosureStateOut } from './cases.model';
import { ok } from '../http/response';
import { liftNonDisclosureOrder, readNonDisclosureOrder, setNonDisclosureOrder } from './disclosure.service';

const version = z.number().int('must be a whole number').positive('must be the version you read (1 or more)');
const orderInput = z.strictObject({
  orderRef: z.string().trim().min(1, 'the CWC order reference is required').max(100),
  orderedOn: isoDate,
  version: version.optional(),
});
const liftQuery = z.strictObject({
  version: z.coerce
    .number()
    .int('must be a whole number')
    .positive('must be the version you read (1 or more)')
    .max(MAX_VERSION, 'is not a version of this record')
    .optional(),
});

/** CWC non-disclosure orders on a case (JJ Act 2015 s.74(1)); see disclosure.service.ts. */
export function disclosureRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  const P = '/cases/:id/non-disclosure-order';
  r.get(
    P,
    {
      schema: {
        tags,
        summary: "Whether a CWC order restricts the child's identity",
        params: caseIdParams,
        response: ok(nonDisclosureStateOut),
      },
    },
    async (req, reply) => {
      const o = await readNonDisclosureOrder(ctx, requireActor(req), req.params.id);
      if (o.order) reply.header('etag', `"${o.order.version}"`);
      return o;
    },
  );
  r.put(
    P,
    {
      schema: {
        tags,
        summary: "Record a CWC order restricting the child's identity (CWC only; notes then show the case reference and initials)",
        description:
          'The first order takes no version; changing one takes the version you read (body `version` or If-Match). ' +
          'A stale version, or none while an order stands, is a 409 version_conflict with the order as it stands (`current`); nothing is written.',
        params: caseIdParams,
        body: orderInput,
        response: ok(nonDisclosureOrderOut),
      },
    },
    async (req, reply) => {
      const row = await setNonDisclosureOrder(ctx, requireActor(req), req.params.id, {
        ...req.body,
        version: versionFrom(req.body, req.headers['if-match']),
      });
      return reply.header('etag', `"${row.version}"`).send(row);
    },
  );
  r.delete(
    P,
    {
      schema: {
        tags,
        summary: 'Lift the CWC non-disclosure order (CWC only)',
        description:
          'Takes the version of the order you read (If-Match, or ?version=): 400 without one, 409 version_conflict if it changed since.',
        params: caseIdParams,
        querystring: liftQuery,
        response: ok(nonDisclosureLiftedOut),
      },
    },
    async (req) =>
      liftNonDisclosureOrder(ctx, requireActor(req), req.params.id, versionFrom({ version: req.query.version }, req.headers['if-match'])),
  );
}
