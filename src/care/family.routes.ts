import { z } from 'zod';
import { legallyFreeChildren } from './adoption-free.service';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { idParams } from '../http/common';
import { created, file, ok } from '../http/response';
import {
  aftercareInput,
  aftercareOut,
  aftercareReviewInput,
  districtLedgerOut,
  fosterCarerInput,
  fosterCarerOut,
  fosterInspectionInput,
  handoffInput,
  handoffOut,
  legallyFreeOut,
  handoffPatch,
  homeStudyInput,
  ledgerOut,
  ledgerQuery,
  movementDecisionInput,
  movementRequestInput,
  movementRequestOut,
  paymentInput,
  paymentOut,
  paymentPatch,
  placementRecordOut,
  progressInput,
  progressOut,
  sfcacDecisionInput,
} from './family.model';
import { caringsFile } from './carings/carings.service';
import { addProgress, decideMovement, listMovementRequests, requestMovement } from './records.service';
import {
  applyFosterCarer,
  decideFosterCarer,
  listFosterCarers,
  readPlacement,
  recordFosterInspection,
  recordHomeStudy,
} from './foster.service';
import { districtLedger, ledger, ledgerCsv, recordPayment, updatePayment } from './ledger.service';
import { createDueEntriesFor } from './ledger-due.service';
import {
  createAftercarePlan,
  handOverForAdoption,
  listAftercarePlans,
  listHandoffs,
  reviewAftercarePlan,
  updateHandoff,
} from './leaving.service';

/**
 * The second part of /api/v1/care/… (issue #14): an institution's daily records, foster carers
 * (s.44, r.23), the grant ledger (s.45; Mission Vatsalya 2022), aftercare (s.46) and the
 * adoption hand-off (s.38). Registered by careRoutes.
 */
export function careFamilyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['care'];

  // ------------------------------------------------ the institution's daily records
  r.post(
    '/care/plans/:id/progress',
    {
      schema: {
        tags,
        summary: "A progress note on the child's Individual Care Plan (Form 7) by the institution's staff or the DCPU",
        params: idParams,
        body: progressInput,
        response: created(progressOut),
      },
    },
    async (req, reply) => reply.status(201).send(await addProgress(ctx, requireActor(req), req.params.id, req.body)),
  );
  r.post(
    '/care/stays/:id/requests',
    {
      schema: {
        tags,
        summary: 'The institution asks for a move (leave, transfer, discharge, a medical visit); the CWC or DCPU decides',
        params: idParams,
        body: movementRequestInput,
        response: created(movementRequestOut),
      },
    },
    async (req, reply) => reply.status(201).send(await requestMovement(ctx, requireActor(req), req.params.id, req.body)),
  );
  r.get(
    '/care/movement-requests',
    {
      schema: {
        tags,
        summary: "Movement requests of the stays you may see (an institution's staff: their own)",
        querystring: z.strictObject({ status: z.enum(['open', 'granted', 'refused']).optional(), stayId: z.uuid().optional() }),
        response: ok(z.object({ items: z.array(movementRequestOut) })),
      },
    },
    (req) => listMovementRequests(ctx, requireActor(req), req.query),
  );
  r.post(
    '/care/movement-requests/:id/decision',
    {
      schema: {
        tags,
        summary: 'The CWC or the DCPU grants or refuses a movement request (the move itself is then recorded on the stay)',
        params: idParams,
        body: movementDecisionInput,
        response: ok(movementRequestOut),
      },
    },
    (req) => decideMovement(ctx, requireActor(req), req.params.id, req.body),
  );

  // ------------------------------------------------ foster carers
  r.get(
    '/care/foster-carers',
    {
      schema: {
        tags,
        summary: 'Foster and kinship carers: applications, home studies and the committee decisions (r.23)',
        querystring: z.strictObject({ status: z.enum(['applied', 'home_study_done', 'approved', 'rejected', 'ended']).optional() }),
        response: ok(z.object({ items: z.array(fosterCarerOut) })),
      },
    },
    (req) => listFosterCarers(ctx, requireActor(req), req.query),
  );
  r.post(
    '/care/foster-carers',
    {
      schema: {
        tags,
        summary: 'A family applies to foster (JJ Act 2015 s.44; Model Rules r.23)',
        body: fosterCarerInput,
        response: created(fosterCarerOut),
      },
    },
    async (req, reply) => reply.status(201).send(await applyFosterCarer(ctx, requireActor(req), req.body)),
  );
  r.post(
    '/care/foster-carers/:id/home-study',
    {
      schema: {
        tags,
        summary: 'The home study report (Form 30, r.23(9))',
        params: idParams,
        body: homeStudyInput,
        response: ok(fosterCarerOut),
      },
    },
    (req) => recordHomeStudy(ctx, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/care/foster-carers/:id/decision',
    {
      schema: {
        tags,
        summary: "The Sponsorship and Foster Care Approval Committee's decision (r.23), after the home study",
        params: idParams,
        body: sfcacDecisionInput,
        response: ok(fosterCarerOut),
      },
    },
    (req) => decideFosterCarer(ctx, requireActor(req), req.params.id, req.body),
  );
  r.get(
    '/care/family-placements/:id',
    {
      schema: {
        tags,
        summary: 'The record of a child in foster care (Form 34): the order, the carer, the monthly inspections and their clock',
        params: idParams,
        response: ok(placementRecordOut),
      },
    },
    (req) => readPlacement(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/care/family-placements/:id/inspections',
    {
      schema: {
        tags,
        summary: 'The monthly inspection of the foster family (Form 35, r.23(18))',
        params: idParams,
        body: fosterInspectionInput,
        response: created(placementRecordOut),
      },
    },
    async (req, reply) => reply.status(201).send(await recordFosterInspection(ctx, requireActor(req), req.params.id, req.body)),
  );

  // ------------------------------------------------ the grant ledger
  r.get(
    '/care/payments',
    {
      schema: {
        tags,
        summary: "A child's or a placement's monthly grant ledger with totals",
        querystring: ledgerQuery,
        response: ok(ledgerOut),
      },
    },
    (req) => ledger(ctx, requireActor(req), req.query),
  );
  r.get(
    '/care/payments/districts',
    {
      schema: {
        tags,
        summary: 'Grant totals per district and kind (due, paid, withheld): sums only',
        querystring: ledgerQuery.pick({ from: true, to: true }),
        response: ok(districtLedgerOut),
      },
    },
    (req) => districtLedger(ctx, requireActor(req), req.query),
  );
  r.get(
    '/care/payments/export',
    { schema: { tags, summary: 'The grant ledger as CSV (ids, no names)', querystring: ledgerQuery, ...file('text/csv') } },
    async (req, reply) => {
      const body = await ledgerCsv(ctx, requireActor(req), req.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="care-payments.csv"')
        .send(body);
    },
  );
  r.post(
    '/care/payments',
    {
      schema: {
        tags,
        summary: "A month of a placement's grant: due, paid or withheld (the amount from the rates data; twice is refused)",
        body: paymentInput,
        response: created(paymentOut),
      },
    },
    async (req, reply) => reply.status(201).send(await recordPayment(ctx, requireActor(req), req.body)),
  );
  r.post(
    '/care/payments/due-month',
    {
      schema: {
        tags,
        summary:
          "Make the 'due' entries of the placements you may see, for every month each ran up to the current IST month (missed months back-filled; idempotent; also a daily job)",
        response: ok(z.object({ month: z.string(), created: z.number(), backfilled: z.number() })),
      },
    },
    (req) => createDueEntriesFor(ctx, requireActor(req)),
  );
  r.patch(
    '/care/payments/:id',
    {
      schema: {
        tags,
        summary: 'Mark a month paid or withheld (a payment made is final)',
        params: idParams,
        body: paymentPatch,
        response: ok(paymentOut),
      },
    },
    (req) => updatePayment(ctx, requireActor(req), req.params.id, req.body),
  );

  // ------------------------------------------------ aftercare and adoption hand-off
  r.get(
    '/care/aftercare',
    {
      schema: {
        tags,
        summary: 'Aftercare plans (s.46, r.25) with their review clock',
        querystring: z.strictObject({ childId: z.uuid().optional() }),
        response: ok(z.object({ items: z.array(aftercareOut) })),
      },
    },
    (req) => listAftercarePlans(ctx, requireActor(req), req.query),
  );
  r.post(
    '/care/aftercare',
    {
      schema: {
        tags,
        summary: "An aftercare plan on the CWC's order (Form 37): education, skills, housing, stipend",
        body: aftercareInput,
        response: created(aftercareOut),
      },
    },
    async (req, reply) => reply.status(201).send(await createAftercarePlan(ctx, requireActor(req), req.body)),
  );
  r.post(
    '/care/aftercare/:id/reviews',
    {
      schema: {
        tags,
        summary: 'A follow-up review of an aftercare plan (end it with end: true)',
        params: idParams,
        body: aftercareReviewInput,
        response: ok(aftercareOut),
      },
    },
    (req) => reviewAftercarePlan(ctx, requireActor(req), req.params.id, req.body),
  );
  r.get(
    '/care/adoption-handoffs',
    {
      schema: {
        tags,
        summary: 'Children handed over to a Specialised Adoption Agency (s.38)',
        response: ok(z.object({ items: z.array(handoffOut) })),
      },
    },
    (req) => listHandoffs(ctx, requireActor(req)),
  );
  r.get(
    '/care/legally-free-children',
    {
      schema: {
        tags,
        summary: "The district's children declared legally free for adoption (s.38, Form 25) not yet handed over to an SAA",
        response: ok(legallyFreeOut),
      },
    },
    (req) => legallyFreeChildren(ctx, requireActor(req)),
  );
  r.post(
    '/care/adoption-handoffs',
    {
      schema: {
        tags,
        summary: 'Hand a child the CWC declared legally free for adoption (s.38, Form 25) to an SAA, with the CARINGS reference',
        body: handoffInput,
        response: created(handoffOut),
      },
    },
    async (req, reply) => reply.status(201).send(await handOverForAdoption(ctx, requireActor(req), req.body)),
  );
  r.get(
    '/care/adoption-handoffs/:id/carings',
    {
      schema: {
        tags,
        summary:
          "The hand-off as the file CARINGS registers a child from (CSV or XLSX; columns and assumptions in docs/CARINGS-EXPORT.md). Names the child: only roles that read the child's full record",
        params: idParams,
        querystring: z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') }),
        ...file('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
      },
    },
    async (req, reply) => {
      const f = await caringsFile(ctx, requireActor(req), req.params.id, req.query.format);
      return reply
        .header('content-type', f.contentType)
        .header('content-disposition', `attachment; filename="${f.filename}"`)
        .header('x-carings-missing', f.missing.join(','))
        .send(f.body);
    },
  );
  r.patch(
    '/care/adoption-handoffs/:id',
    {
      schema: {
        tags,
        summary: 'The status coming back from the SAA/CARINGS',
        params: idParams,
        body: handoffPatch,
        response: ok(handoffOut),
      },
    },
    (req) => updateHandoff(ctx, requireActor(req), req.params.id, req.body),
  );
}
