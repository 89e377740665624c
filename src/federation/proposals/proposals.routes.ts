import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context';
import { requireActor } from '../../http/auth-hook';
import { idParams } from '../../http/common';
import { ok } from '../../http/response';
import { proposalDecisionInput, proposalListOut, proposalListQuery, proposalOut } from './proposals.model';
import { decideNationalProposal, listNationalProposals } from './proposals.service';

/** A state's side of national matching (issue #19): the proposals naming its records, and its DCPU's decisions. */
export function nationalProposalRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['missing'];
  r.get(
    '/missing/national-proposals',
    {
      schema: {
        tags,
        summary:
          'National match proposals naming a record of your jurisdiction (missing.national), newest first. Each side as the proposal carries it (names, sex, age, date, state). federation: false (and no items) when this database is not set up for national matching',
        querystring: proposalListQuery,
        response: ok(proposalListOut),
      },
    },
    async (req) => listNationalProposals(ctx, requireActor(req), req.query),
  );
  r.post(
    '/missing/national-proposals/:id/decision',
    {
      schema: {
        tags,
        summary:
          'Confirm (with how it was checked: checkedBy and a note of at least 5 characters) or reject (with a note) for your state; replicated to the nation, which confirms when both states confirmed. 409 already_decided when your state has decided or the proposal is no longer proposed',
        params: idParams,
        body: proposalDecisionInput,
        response: ok(proposalOut),
      },
    },
    async (req) => decideNationalProposal(ctx, requireActor(req), req.params.id, req.body),
  );
}
