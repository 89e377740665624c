import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { idParams } from '../http/common';
import { ok } from '../http/response';
import { fosterCarerOut } from './family.model';
import {
  aftercareProposalOut,
  approvalsDueOut,
  approvalsDueQuery,
  carerProfileInput,
  carerRenewalsOut,
  matchOut,
  matchQuery,
  placementEndInput,
  placementEndOut,
  reassessmentInput,
  renewalDecisionInput,
  renewalResultOut,
  visitDueOut,
  visitsQuery,
} from './foster-life.model';
import { aftercareProposals, endPlacement, matchCarers, setCarerProfile, visitsDue } from './foster-life.service';
import { aftercareStayProposals } from './aftercare-stays.service';
import { approvalsDue, carerRenewals, decideRenewal, recordReassessment } from './foster-renewal.service';

/**
 * The foster care lifecycle under /api/v1/care/… (issue #14; JJ Act 2015 s.44, s.46; JJ Model
 * Rules 2016 r.23): what a family can take, matching a child to the approved families, ending a
 * placement, the Form 35 visits due, aftercare proposals. Registered by careRoutes.
 */
export function fosterLifeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['care'];

  r.patch(
    '/care/foster-carers/:id/profile',
    {
      schema: {
        tags,
        summary: 'What the home study (Form 30) found the family can take: places, the sex and ages, languages, sibling groups',
        params: idParams,
        body: carerProfileInput,
        response: ok(fosterCarerOut),
      },
    },
    (req) => setCarerProfile(ctx, requireActor(req), req.params.id, req.body),
  );
  r.get(
    '/care/foster-matches',
    {
      schema: {
        tags,
        summary:
          "The district's approved, valid foster families ranked for a child (places, preferences, distance, language, siblings) with the reasons; those that cannot take the child with why",
        querystring: matchQuery,
        response: ok(matchOut),
      },
    },
    (req) => matchCarers(ctx, requireActor(req), req.query),
  );
  r.post(
    '/care/family-placements/:id/end',
    {
      schema: {
        tags,
        summary:
          "End a placement on the CWC's order (restored, adopted, turned 18, disruption, transfer): the ledger stops, the care status follows",
        params: idParams,
        body: placementEndInput,
        response: ok(placementEndOut),
      },
    },
    (req) => endPlacement(ctx, requireActor(req), req.params.id, req.body),
  );
  r.get(
    '/care/foster-visits',
    {
      schema: {
        tags,
        summary: 'The monthly Form 35 visit each foster family is due (r.23(18)); overdue=true: those past due',
        querystring: visitsQuery,
        response: ok(z.object({ items: z.array(visitDueOut) })),
      },
    },
    (req) => visitsDue(ctx, requireActor(req), req.query),
  );
  r.get(
    '/care/aftercare-proposals',
    {
      schema: {
        tags,
        summary: 'Foster children for whom an aftercare plan (s.46, Form 37) is proposed: from 17 years 6 months, or who left at 18',
        response: ok(z.object({ items: z.array(aftercareProposalOut) })),
      },
    },
    (req) => aftercareProposals(ctx, requireActor(req)),
  );
  r.get(
    '/care/aftercare-proposals/stays',
    {
      schema: {
        tags,
        summary: 'Stays discharged to aftercare (s.46) that no aftercare plan follows yet, to link a new plan to',
        response: ok(
          z.object({
            items: z.array(z.object({ stayId: z.string(), childId: z.string(), endedOn: z.string(), institution: z.string().nullable() })),
          }),
        ),
      },
    },
    (req) => aftercareStayProposals(ctx, requireActor(req)),
  );

  // ------------------------------------------------ renewal of a family's approval (r.23)
  r.get(
    '/care/foster-approvals-due',
    {
      schema: {
        tags,
        summary:
          'Foster families whose committee approval ends within withinDays or has ended; an alert where a child is still placed with a family whose approval no longer holds',
        querystring: approvalsDueQuery,
        response: ok(approvalsDueOut),
      },
    },
    (req) => approvalsDue(ctx, requireActor(req), req.query),
  );
  r.get(
    '/care/foster-carers/:id/renewals',
    {
      schema: {
        tags,
        summary: "A foster family's approval renewals: the DCPU's re-assessments and the committee's decisions, latest first",
        params: idParams,
        response: ok(carerRenewalsOut),
      },
    },
    (req) => carerRenewals(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/care/foster-carers/:id/reassessment',
    {
      schema: {
        tags,
        summary: "The DCPU's re-assessment of an approved family before its approval ends (an update of the Form 30 home study)",
        params: idParams,
        body: reassessmentInput,
        response: ok(renewalResultOut),
      },
    },
    (req) => recordReassessment(ctx, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/care/foster-carers/:id/renewal-decision',
    {
      schema: {
        tags,
        summary: "The Sponsorship and Foster Care Approval Committee's decision on the renewal: renewed with a new end, or refused",
        params: idParams,
        body: renewalDecisionInput,
        response: ok(renewalResultOut),
      },
    },
    (req) => decideRenewal(ctx, requireActor(req), req.params.id, req.body),
  );
}
