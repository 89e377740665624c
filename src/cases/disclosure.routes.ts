import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { isoDate } from '../http/iso-date';
import { caseIdParams } from './cases.model';
import { liftNonDisclosureOrder, readNonDisclosureOrder, setNonDisclosureOrder } from './disclosure.service';

const orderInput = z.object({
  orderRef: z.string().trim().min(1, 'the CWC order reference is required').max(100),
  orderedOn: isoDate,
});

/** CWC non-disclosure orders on a case (JJ Act 2015 s.74(1)); see disclosure.service.ts. */
export function disclosureRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  const P = '/cases/:id/non-disclosure-order';
  r.get(P, { schema: { tags, summary: "Whether a CWC order restricts the child's identity", params: caseIdParams } }, async (req) =>
    readNonDisclosureOrder(ctx, requireActor(req), req.params.id),
  );
  r.put(
    P,
    {
      schema: {
        tags,
        summary: "Record a CWC order restricting the child's identity (CWC only; notes then show the case reference and initials)",
        params: caseIdParams,
        body: orderInput,
      },
    },
    async (req) => setNonDisclosureOrder(ctx, requireActor(req), req.params.id, req.body),
  );
  r.delete(P, { schema: { tags, summary: 'Lift the CWC non-disclosure order (CWC only)', params: caseIdParams } }, async (req) =>
    liftNonDisclosureOrder(ctx, requireActor(req), req.params.id),
  );
}
