import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { idParams, lgdCodeQuery } from '../http/common';
import { created, ok } from '../http/response';
import { isoDate } from '../http/iso-date';
import {
  admissionInput,
  gatekeepingInput,
  gatekeepingListOut,
  gatekeepingListQuery,
  gatekeepingOut,
  inspectionInput,
  inspectionOut,
  institutionInput,
  institutionOut,
  institutionPatch,
  occupancyOut,
  planInput,
  planOut,
  reviewInput,
  stayListQuery,
  stayMoveInput,
  stayOut,
  pathwayInput,
  pathwayOut,
  pathwayStepInput,
  pathwayReassignInput,
  followUpInput,
  familyPlacementInput,
  familyPlacementOut,
  targetsOut,
} from './care.model';
import {
  createInstitution,
  listInstitutionsFor,
  occupancyFor,
  patchInstitution,
  readInstitution,
  recordInspection,
} from './institutions.service';
import { admit, gatekeepingFigures, listStays, moveStay, readStay, recordGatekeeping } from './stays.service';
import { preparePlan, reviewPlan } from './plans.service';
import { listGatekeeping } from './gatekeeping.service';
import {
  listFamilyPlacements,
  listPathways,
  openPathway,
  readPathway,
  recordFamilyPlacement,
  recordFollowUp,
  stepPathway,
  reassignPathway,
} from './pathways.service';
import { targetProgress } from './targets.service';
import { careFamilyRoutes } from './family.routes';
import { fosterLifeRoutes } from './foster-life.routes';
import { FAMILY_PLACEMENT_KINDS, PATHWAY_STAGES } from './domain';

/** Children in institutions and family-based care (issue #14): /api/v1/care/… */
export function careRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['care'];
  const stayDetail = z.object({ stay: stayOut, plan: planOut.nullable() });

  r.get(
    '/care/institutions',
    {
      schema: {
        tags,
        summary: 'Child care institutions in your jurisdiction with live occupancy against sanctioned capacity',
        querystring: z.strictObject({ districtCode: lgdCodeQuery.optional() }),
        response: ok(z.object({ items: z.array(institutionOut) })),
      },
    },
    (req) => listInstitutionsFor(ctx, requireActor(req), req.query),
  );

  r.post(
    '/care/institutions',
    {
      schema: {
        tags,
        summary: 'Register an institution (JJ Act 2015 s.41; an SAA under s.65): the organisation and its registration, capacity and staff',
        body: institutionInput,
        response: created(institutionOut),
      },
    },
    async (req, reply) => reply.status(201).send(await createInstitution(ctx, requireActor(req), req.body)),
  );

  r.get(
    '/care/institutions/:id',
    {
      schema: {
        tags,
        summary: 'An institution: registration, capacity by sex and age band, occupancy, staff and inspections',
        params: idParams,
        response: ok(institutionOut.extend({ inspections: z.array(inspectionOut) })),
      },
    },
    (req) => readInstitution(ctx, requireActor(req), req.params.id),
  );

  r.patch(
    '/care/institutions/:id',
    {
      schema: {
        tags,
        summary: "Update an institution's registration, capacity or staff (version required)",
        params: idParams,
        body: institutionPatch,
        response: ok(institutionOut),
      },
    },
    (req) => patchInstitution(ctx, requireActor(req), req.params.id, req.body),
  );

  r.post(
    '/care/institutions/:id/inspections',
    {
      schema: {
        tags,
        summary: 'Record an inspection committee visit (JJ Act 2015 s.54); follow-ups become convergence action items',
        params: idParams,
        body: inspectionInput,
        response: created(inspectionOut),
      },
    },
    async (req, reply) => reply.status(201).send(await recordInspection(ctx, requireActor(req), req.params.id, req.body)),
  );

  r.get(
    '/care/occupancy',
    { schema: { tags, summary: 'Children in care against sanctioned places, per district and per state', response: ok(occupancyOut) } },
    (req) => occupancyFor(ctx, requireActor(req)),
  );

  r.post(
    '/care/gatekeeping',
    {
      schema: {
        tags,
        summary: 'Record a gatekeeping assessment: the family-based options weighed before institutional care (JJ Act 2015 s.3(xii))',
        body: gatekeepingInput,
        response: created(gatekeepingOut),
      },
    },
    async (req, reply) => reply.status(201).send(await recordGatekeeping(ctx, requireActor(req), req.body)),
  );

  r.get(
    '/care/gatekeeping',
    {
      schema: {
        tags,
        summary: 'Gatekeeping assessments of your jurisdiction by child and outcome (unused=true: those an admission may still rely on)',
        querystring: gatekeepingListQuery,
        response: ok(gatekeepingListOut),
      },
    },
    (req) => listGatekeeping(ctx, requireActor(req), req.query),
  );

  r.get(
    '/care/gatekeeping/figures',
    {
      schema: {
        tags,
        summary: 'Per district: proposed admissions assessed and how many were diverted to family-based care',
        querystring: z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }),
        response: ok(
          z.object({
            items: z.array(
              z.object({
                districtCode: z.number(),
                assessed: z.number(),
                diverted: z.number(),
                institution: z.number(),
                decisions: z.record(z.string(), z.number()),
              }),
            ),
          }),
        ),
      },
    },
    (req) => gatekeepingFigures(ctx, requireActor(req), req.query),
  );

  r.post(
    '/care/stays',
    {
      schema: {
        tags,
        summary: "Admit a child on an order: a CWC order on the child's case (s.37) or a JJB order (kept apart)",
        body: admissionInput,
        response: created(stayDetail),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await admit(ctx, actor, req.body);
      return reply.status(201).send(await readStay(ctx, actor, id));
    },
  );

  r.get(
    '/care/stays',
    {
      schema: {
        tags,
        summary: 'Children in institutions (current by default), with the care plan due and aftercare flags',
        querystring: stayListQuery,
        response: ok(z.object({ items: z.array(stayOut) })),
      },
    },
    (req) => listStays(ctx, requireActor(req), req.query),
  );

  r.get(
    '/care/stays/:id',
    { schema: { tags, summary: "A child's stay: the order, the movements and the care plan", params: idParams, response: ok(stayDetail) } },
    (req) => readStay(ctx, requireActor(req), req.params.id),
  );

  r.post(
    '/care/stays/:id/moves',
    {
      schema: {
        tags,
        summary: 'Leave, return, running away (opens a missing report), transfer or discharge (version required)',
        params: idParams,
        body: stayMoveInput,
        response: ok(stayDetail),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const id = await moveStay(ctx, actor, req.params.id, req.body);
      return readStay(ctx, actor, id);
    },
  );

  r.post(
    '/care/stays/:id/plan',
    {
      schema: {
        tags,
        summary: 'Prepare the Individual Care Plan (JJ Model Rules 2016 Form 7)',
        params: idParams,
        body: planInput,
        response: created(planOut),
      },
    },
    async (req, reply) => reply.status(201).send(await preparePlan(ctx, requireActor(req), req.params.id, req.body)),
  );

  r.post(
    '/care/plans/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Review a care plan; the next review falls due by the timelines data',
        params: idParams,
        body: reviewInput,
        response: ok(planOut),
      },
    },
    (req) => reviewPlan(ctx, requireActor(req), req.params.id, req.body),
  );

  r.get(
    '/care/reintegration',
    {
      schema: {
        tags,
        summary: 'Reintegration pathways (an NGO caseworker sees only those assigned to its organisation)',
        querystring: z.strictObject({ stage: z.enum(PATHWAY_STAGES).optional(), childId: z.uuid().optional() }),
        response: ok(z.object({ items: z.array(pathwayOut) })),
      },
    },
    (req) => listPathways(ctx, requireActor(req), req.query),
  );

  r.post(
    '/care/reintegration',
    {
      schema: {
        tags,
        summary: 'Open a reintegration pathway for a child, optionally assigned to an NGO (Center for Excellence)',
        body: pathwayInput,
        response: created(pathwayOut),
      },
    },
    async (req, reply) => reply.status(201).send(await openPathway(ctx, requireActor(req), req.body)),
  );

  r.get(
    '/care/reintegration/:id',
    { schema: { tags, summary: 'A reintegration pathway with its follow-up visits', params: idParams, response: ok(pathwayOut) } },
    (req) => readPathway(ctx, requireActor(req), req.params.id),
  );

  r.post(
    '/care/reintegration/:id/steps',
    {
      schema: {
        tags,
        summary: 'Move a pathway to its next stage; restoration needs the CWC order (Form 44); restored schedules the follow-ups',
        params: idParams,
        body: pathwayStepInput,
        response: ok(pathwayOut),
      },
    },
    (req) => stepPathway(ctx, requireActor(req), req.params.id, req.body),
  );

  r.post(
    '/care/reintegration/:id/ngo',
    {
      schema: {
        tags,
        summary: 'The DCPU reassigns a pathway to another NGO (Center for Excellence) or takes it back; the old NGO no longer sees it',
        params: idParams,
        body: pathwayReassignInput,
        response: ok(pathwayOut),
      },
    },
    (req) => reassignPathway(ctx, requireActor(req), req.params.id, req.body),
  );

  r.post(
    '/care/follow-ups/:id',
    {
      schema: {
        tags,
        summary: "Record a follow-up visit's findings and risk",
        params: idParams,
        body: followUpInput,
        response: ok(pathwayOut),
      },
    },
    (req) => recordFollowUp(ctx, requireActor(req), req.params.id, req.body),
  );

  r.get(
    '/care/family-placements',
    {
      schema: {
        tags,
        summary: 'Kinship, foster, sponsorship and aftercare placements in your jurisdiction',
        querystring: z.strictObject({ kind: z.enum(FAMILY_PLACEMENT_KINDS).optional() }),
        response: ok(z.object({ items: z.array(familyPlacementOut) })),
      },
    },
    (req) => listFamilyPlacements(ctx, requireActor(req), req.query),
  );

  r.post(
    '/care/family-placements',
    {
      schema: {
        tags,
        summary: "Record a family-based placement on the CWC's order (JJ Act 2015 s.44–46)",
        body: familyPlacementInput,
        response: created(familyPlacementOut),
      },
    },
    async (req, reply) => reply.status(201).send(await recordFamilyPlacement(ctx, requireActor(req), req.body)),
  );

  r.get(
    '/care/targets',
    {
      schema: {
        tags,
        summary: 'Progress against the district action-plan targets of a financial year, computed from the records',
        querystring: z.strictObject({ year: z.string().regex(/^\d{4}-\d{2}$/, 'a financial year like 2026-27') }),
        response: ok(targetsOut),
      },
    },
    (req) => targetProgress(ctx, requireActor(req), req.query.year),
  );

  careFamilyRoutes(app, ctx);
  fosterLifeRoutes(app, ctx);
}
