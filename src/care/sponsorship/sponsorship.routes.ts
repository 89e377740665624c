import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context';
import { requireActor } from '../../http/auth-hook';
import { idParams } from '../../http/common';
import { created, ok } from '../../http/response';
import { paymentOut } from '../family.model';
import {
  sponsorshipAbsenceInput,
  sponsorshipDecisionInput,
  sponsorshipDetailOut,
  sponsorshipInput,
  sponsorshipListOut,
  sponsorshipListQuery,
  sponsorshipOut,
  sponsorshipPaymentInput,
  sponsorshipReviewInput,
  sponsorshipReassessmentInput,
  sponsorshipRenewalDecisionInput,
  sponsorshipRenewalResultOut,
  sponsorshipRenewalsOut,
  sponsorshipEndInput,
  sponsorshipEndOut,
  sponsorshipsDueQuery,
  sponsorshipsDueOut,
} from './sponsorship.model';
import { decideSponsorshipRenewal, endSponsorship, reassessSponsorship, sponsorshipRenewals, sponsorshipsDue } from './renewal.service';
import {
  applySponsorship,
  decideSponsorship,
  listSponsorships,
  readSponsorship,
  recordAbsence,
  recordSponsorshipPayment,
  reviewSponsorship,
} from './sponsorship.service';

/** Sponsorship applications and sanctions (s.45; R.24, Form 36; Mission Vatsalya 2022, 4.1): /api/v1/care/sponsorships/… */
export function sponsorshipRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['care'];
  r.get(
    '/care/sponsorships',
    {
      schema: {
        tags,
        summary:
          'Sponsorship applications and sanctions with their clocks (decision in 3 months, yearly review, pause after 30 days absent)',
        querystring: sponsorshipListQuery,
        response: ok(sponsorshipListOut),
      },
    },
    (req) => listSponsorships(ctx, requireActor(req), req.query),
  );
  r.post(
    '/care/sponsorships',
    { schema: { tags, summary: 'A sponsorship application for a child', body: sponsorshipInput, response: created(sponsorshipOut) } },
    async (req, reply) => reply.status(201).send(await applySponsorship(ctx, requireActor(req), req.body)),
  );
  r.get(
    '/care/sponsorships/:id',
    {
      schema: {
        tags,
        summary: 'One sponsorship with its clocks, pauses and monthly grant ledger',
        params: idParams,
        response: ok(sponsorshipDetailOut),
      },
    },
    (req) => readSponsorship(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/care/sponsorships/:id/decision',
    {
      schema: {
        tags,
        summary: "The Sponsorship and Foster Care Approval Committee's decision; a sanction carries the CWC's Form 36 order",
        params: idParams,
        body: sponsorshipDecisionInput,
        response: ok(sponsorshipOut),
      },
    },
    (req) => decideSponsorship(ctx, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/care/sponsorships/:id/reviews',
    {
      schema: {
        tags,
        summary: "The committee's yearly review of a sponsored child (goes on or ends)",
        params: idParams,
        body: sponsorshipReviewInput,
        response: ok(sponsorshipOut),
      },
    },
    (req) => reviewSponsorship(ctx, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/care/sponsorships/:id/absence',
    {
      schema: {
        tags,
        summary: "A school-going sponsored child's absence begins or ends (more than 30 days pauses the sponsorship)",
        params: idParams,
        body: sponsorshipAbsenceInput,
        response: ok(sponsorshipOut),
      },
    },
    (req) => recordAbsence(ctx, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/care/sponsorships/:id/payments',
    {
      schema: {
        tags,
        summary: "A month of the sponsorship's grant in the ledger; a paused month cannot be paid",
        params: idParams,
        body: sponsorshipPaymentInput,
        response: ok(paymentOut),
      },
    },
    (req) => recordSponsorshipPayment(ctx, requireActor(req), req.params.id, req.body),
  );
  // Renewal and ending (migration 1000; s.45; Mission Vatsalya guidelines 2022, 4.1).
  r.get(
    '/care/sponsorships-due',
    {
      schema: {
        tags,
        summary: 'Sponsorships ending within the notice (or lapsed), and those ended or lapsed while months are still due',
        querystring: sponsorshipsDueQuery,
        response: ok(sponsorshipsDueOut),
      },
    },
    (req) => sponsorshipsDue(ctx, requireActor(req), req.query),
  );
  r.get(
    '/care/sponsorships/:id/renewals',
    {
      schema: {
        tags,
        summary: "A sponsorship's re-assessments and renewal decisions",
        params: idParams,
        response: ok(sponsorshipRenewalsOut),
      },
    },
    (req) => sponsorshipRenewals(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/care/sponsorships/:id/reassessment',
    {
      schema: {
        tags,
        summary: "The DCPU's re-assessment of a sanctioned sponsorship before its period ends",
        params: idParams,
        body: sponsorshipReassessmentInput,
        response: ok(sponsorshipRenewalResultOut),
      },
    },
    (req) => reassessSponsorship(ctx, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/care/sponsorships/:id/renewal-decision',
    {
      schema: {
        tags,
        summary: "The committee's renewal decision: renewed with a new end, or refused (the sponsorship ends)",
        params: idParams,
        body: sponsorshipRenewalDecisionInput,
        response: ok(sponsorshipRenewalResultOut),
      },
    },
    (req) => decideSponsorshipRenewal(ctx, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/care/sponsorships/:id/end',
    {
      schema: {
        tags,
        summary: 'Ends a sanctioned sponsorship with a reason; the ledger stops with the end month',
        params: idParams,
        body: sponsorshipEndInput,
        response: ok(sponsorshipEndOut),
      },
    },
    (req) => endSponsorship(ctx, requireActor(req), req.params.id, req.body),
  );
}
