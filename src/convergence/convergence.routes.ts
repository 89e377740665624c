import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { idParams } from '../http/common';
import {
  accountabilityExportQuery,
  accountabilityQuery,
  actionEventInput,
  actionListQuery,
  attendanceInput,
  cancelInput,
  coverageFamiliesQuery,
  coverageQuery,
  discussionInput,
  escalateInput,
  groupInput,
  groupPatch,
  holdInput,
  issueInput,
  issueListQuery,
  matrixPut,
  matrixQuery,
  meetingInput,
  memberInput,
  memberPatch,
  minuteInput,
  noteQuery,
  raiseActionInput,
  resolveInput,
  suggestQuery,
} from './convergence.model';
import {
  accountabilityOut,
  actionDetailOut,
  actionListOut,
  actionRowOut,
  agendaOut,
  attendanceSavedOut,
  coverageFamiliesOut,
  coverageOut,
  discussionOut,
  familyCoverageOut,
  groupDetailOut,
  groupListOut,
  groupMemberOut,
  groupOut,
  groupRecordOut,
  issueListOut,
  issueOut,
  matrixOut,
  matrixSavedOut,
  matrixSuggestionOut,
  matrixVersionsOut,
  meetingCancelledOut,
  meetingHeldOut,
  meetingListOut,
  meetingMinutedOut,
  meetingOut,
  meetingRecordOut,
  noteOut,
  noteSentOut,
} from './convergence.model';
import { created, file, ok } from '../http/response';
import { matrixVersions, readMatrix, saveMatrix, suggestFor } from './matrix.service';
import { addMember, createGroup, listGroupsFor, patchGroup, patchMember, readGroup } from './groups.service';
import {
  addDiscussion,
  cancelMeeting,
  holdMeeting,
  listMeetings,
  meetingAgenda,
  meetingNote,
  meetingNotePdf,
  minuteMeeting,
  readMeeting,
  recordAttendance,
  scheduleMeeting,
  sendNote,
} from './meetings.service';
import { listActionsFor, raiseAction, readAction, recordActionEvent } from './actions.service';
import { istDay } from './convergence.time';
import { accountabilityExport, accountabilityFor } from './accountability.service';
import { coverageFamilies, coverageSummary, familyCoverageFor } from './coverage.service';
import { escalateIssue, listIssues, raiseIssue, readIssue, resolveIssue } from './balpanchayat.service';
import { GOVERNANCE_LEVELS } from './domain';

const tags = ['convergence'];
const P = '/convergence';

/** The convergence API under /api/v1/convergence. */
export function convergenceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---- the Convergence Matrix
  r.get(
    `${P}/matrix`,
    {
      schema: {
        tags,
        summary: 'The Convergence Matrix in force, with a grid (domains × departments) at one level',
        querystring: matrixQuery,
        response: ok(matrixOut),
      },
    },
    async (req) => readMatrix(ctx, requireActor(req), req.query.level),
  );
  r.put(
    `${P}/matrix`,
    {
      schema: {
        tags,
        summary: 'Save an edited matrix as the next version (validated; 409 if stale)',
        body: matrixPut,
        response: ok(matrixSavedOut),
      },
    },
    async (req) => saveMatrix(ctx, requireActor(req), req.body as { version: number; matrix: unknown; note?: string }),
  );
  r.get(
    `${P}/matrix/versions`,
    { schema: { tags, summary: 'Saved versions of the matrix', response: ok(matrixVersionsOut) } },
    async (req) => matrixVersions(ctx, requireActor(req)),
  );
  r.get(
    `${P}/matrix/suggest`,
    {
      schema: {
        tags,
        summary: 'Departments the matrix suggests for a need in a domain',
        querystring: suggestQuery,
        response: ok(matrixSuggestionOut),
      },
    },
    async (req) => suggestFor(ctx, requireActor(req), req.query.domain, req.query.level),
  );

  // ---- groups and members
  r.get(`${P}/groups`, { schema: { tags, summary: 'Convergence groups in your jurisdiction', response: ok(groupListOut) } }, async (req) =>
    listGroupsFor(ctx, requireActor(req)),
  );
  r.post(
    `${P}/groups`,
    { schema: { tags, summary: 'Create a district or block convergence group', body: groupInput, response: created(groupOut) } },
    async (req, reply) => reply.status(201).send(await createGroup(ctx, requireActor(req), req.body)),
  );
  r.get(`${P}/groups/:id`, { schema: { tags, params: idParams, response: ok(groupDetailOut) } }, async (req) =>
    readGroup(ctx, requireActor(req), req.params.id),
  );
  r.patch(`${P}/groups/:id`, { schema: { tags, params: idParams, body: groupPatch, response: ok(groupRecordOut) } }, async (req) =>
    patchGroup(ctx, requireActor(req), req.params.id, req.body),
  );
  r.post(
    `${P}/groups/:id/members`,
    {
      schema: {
        tags,
        summary: 'Add a member (a department or NGO representative)',
        params: idParams,
        body: memberInput,
        response: created(groupMemberOut),
      },
    },
    async (req, reply) => reply.status(201).send(await addMember(ctx, requireActor(req), req.params.id, req.body)),
  );
  r.patch(
    `${P}/groups/:id/members/:memberId`,
    {
      schema: {
        tags,
        summary: 'Change a seat (roles, contact) or end it (until)',
        params: z.object({ id: z.uuid(), memberId: z.uuid() }),
        body: memberPatch,
        response: ok(groupMemberOut),
      },
    },
    async (req) => patchMember(ctx, requireActor(req), req.params.id, req.params.memberId, req.body),
  );
  r.get(`${P}/groups/:id/meetings`, { schema: { tags, params: idParams, response: ok(meetingListOut) } }, async (req) =>
    listMeetings(ctx, requireActor(req), req.params.id),
  );
  r.post(
    `${P}/groups/:id/meetings`,
    { schema: { tags, summary: 'Schedule a meeting', params: idParams, body: meetingInput, response: created(meetingRecordOut) } },
    async (req, reply) => reply.status(201).send(await scheduleMeeting(ctx, requireActor(req), req.params.id, req.body)),
  );

  // ---- meetings
  r.get(`${P}/meetings/:id`, { schema: { tags, params: idParams, response: ok(meetingOut) } }, async (req) =>
    readMeeting(ctx, requireActor(req), req.params.id),
  );
  r.get(
    `${P}/meetings/:id/agenda`,
    {
      schema: {
        tags,
        summary: 'The agenda: overdue actions carried over, flagged/escalated cases, Bal Panchayat issues',
        params: idParams,
        response: ok(agendaOut),
      },
    },
    async (req) => meetingAgenda(ctx, requireActor(req), req.params.id),
  );
  r.put(
    `${P}/meetings/:id/attendance`,
    {
      schema: {
        tags,
        summary: 'Mark attendance (by member) and guests',
        params: idParams,
        body: attendanceInput,
        response: ok(attendanceSavedOut),
      },
    },
    async (req) => recordAttendance(ctx, requireActor(req), req.params.id, req.body),
  );
  r.post(
    `${P}/meetings/:id/hold`,
    {
      schema: {
        tags,
        summary: 'Record that the meeting was held (chair, attendance); freezes the agenda',
        params: idParams,
        body: holdInput,
        response: ok(meetingHeldOut),
      },
    },
    async (req) => holdMeeting(ctx, requireActor(req), req.params.id, req.body),
  );
  r.post(
    `${P}/meetings/:id/cancel`,
    { schema: { tags, params: idParams, body: cancelInput, response: ok(meetingCancelledOut) } },
    async (req) => cancelMeeting(ctx, requireActor(req), req.params.id, req.body.reason),
  );
  r.post(
    `${P}/meetings/:id/discussions`,
    {
      schema: {
        tags,
        summary: 'A case discussed: the decision and the actions assigned to departments',
        params: idParams,
        body: discussionInput,
        response: created(discussionOut),
      },
    },
    async (req, reply) => reply.status(201).send(await addDiscussion(ctx, requireActor(req), req.params.id, req.body)),
  );
  r.post(
    `${P}/meetings/:id/minute`,
    {
      schema: {
        tags,
        summary: 'Finalise the minutes (schedules the next meeting)',
        params: idParams,
        body: minuteInput,
        response: ok(meetingMinutedOut),
      },
    },
    async (req) => minuteMeeting(ctx, requireActor(req), req.params.id, req.body.minutes),
  );
  r.get(
    `${P}/meetings/:id/note`,
    {
      schema: {
        tags,
        summary: 'The division-of-labour note (yours, or the full note for the chair/DCPU)',
        params: idParams,
        querystring: noteQuery,
        response: ok(noteOut),
      },
    },
    async (req) => (await meetingNote(ctx, requireActor(req), req.params.id, req.query.department)).note,
  );
  r.get(
    `${P}/meetings/:id/note.pdf`,
    {
      schema: {
        tags,
        summary: 'The division-of-labour note as PDF (en, hi, mr)',
        params: idParams,
        querystring: noteQuery,
        ...file('application/pdf'),
      },
    },
    async (req, reply) => {
      const pdf = await meetingNotePdf(ctx, requireActor(req), req.params.id, req.query.lang, req.query.department);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${pdf.filename}"`)
        .send(pdf.body);
    },
  );
  r.post(
    `${P}/meetings/:id/note/send`,
    { schema: { tags, summary: 'Send the note to every department with an action (outbox)', params: idParams, response: ok(noteSentOut) } },
    async (req) => sendNote(ctx, requireActor(req), req.params.id),
  );

  // ---- action items
  r.get(
    `${P}/actions`,
    {
      schema: {
        tags,
        summary: 'Action items (a nodal officer sees their department’s)',
        querystring: actionListQuery,
        response: ok(actionListOut),
      },
    },
    async (req) => listActionsFor(ctx, requireActor(req), req.query),
  );
  r.post(
    `${P}/groups/:id/actions`,
    {
      schema: {
        tags,
        summary: 'Raise an action item between meetings (no meeting; assigned today; on the next meeting’s agenda)',
        params: idParams,
        body: raiseActionInput,
        response: created(actionRowOut),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const today = istDay(ctx.now());
      return reply.status(201).send(await ctx.db.transaction((tx) => raiseAction(tx, actor, req.params.id, req.body, { today })));
    },
  );
  r.get(`${P}/actions/:id`, { schema: { tags, params: idParams, response: ok(actionDetailOut) } }, async (req) =>
    readAction(ctx, requireActor(req), req.params.id),
  );
  r.post(
    `${P}/actions/:id/events`,
    {
      schema: {
        tags,
        summary: 'Report on an action: complete (result), block (why), reopen (why)',
        params: idParams,
        body: actionEventInput,
        response: created(actionRowOut),
      },
    },
    async (req, reply) => reply.status(201).send(await recordActionEvent(ctx, requireActor(req), req.params.id, req.body)),
  );

  // ---- accountability
  r.get(
    `${P}/accountability`,
    {
      schema: {
        tags,
        summary: 'Per department and month: assigned, on time, late, overdue, days late, attendance; trend',
        querystring: accountabilityQuery,
        response: ok(accountabilityOut),
      },
    },
    async (req) => accountabilityFor(ctx, requireActor(req), req.query),
  );
  r.get(
    `${P}/accountability/export`,
    {
      schema: {
        tags,
        summary: 'The accountability report as Excel or PDF (DCWPC, Mission Vatsalya monthly review)',
        querystring: accountabilityExportQuery,
        ...file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'),
      },
    },
    async (req, reply) => {
      const { format, lang, metric: _m, ...q } = req.query;
      const file = await accountabilityExport(ctx, requireActor(req), q, format, lang);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  // ---- service coverage
  r.get(
    `${P}/coverage`,
    {
      schema: {
        tags,
        summary: 'Families with needs and unmet needs per domain, by district, block or village',
        querystring: coverageQuery,
        response: ok(coverageOut),
      },
    },
    async (req) => coverageSummary(ctx, requireActor(req), req.query),
  );
  r.get(
    `${P}/coverage/families`,
    { schema: { tags, summary: 'Families with service gaps', querystring: coverageFamiliesQuery, response: ok(coverageFamiliesOut) } },
    async (req) => coverageFamilies(ctx, requireActor(req), req.query),
  );
  r.get(
    `${P}/coverage/families/:id`,
    {
      schema: {
        tags,
        summary: "One family's coverage with the Matrix's suggestions",
        params: idParams,
        querystring: z.strictObject({ level: z.enum(GOVERNANCE_LEVELS).default('district') }),
        response: ok(familyCoverageOut),
      },
    },
    async (req) => familyCoverageFor(ctx, requireActor(req), req.params.id, req.query.level),
  );

  // ---- Bal Panchayat issues
  r.get(`${P}/bal-panchayat/issues`, { schema: { tags, querystring: issueListQuery, response: ok(issueListOut) } }, async (req) =>
    listIssues(ctx, requireActor(req), req.query),
  );
  r.post(
    `${P}/bal-panchayat/issues`,
    {
      schema: {
        tags,
        summary: 'Record an issue a Bal Panchayat raised (no child’s name needed)',
        body: issueInput,
        response: created(issueOut),
      },
    },
    async (req, reply) => reply.status(201).send(await raiseIssue(ctx, requireActor(req), req.body)),
  );
  r.get(`${P}/bal-panchayat/issues/:id`, { schema: { tags, params: idParams, response: ok(issueOut) } }, async (req) =>
    readIssue(ctx, requireActor(req), req.params.id),
  );
  r.post(
    `${P}/bal-panchayat/issues/:id/escalate`,
    { schema: { tags, params: idParams, body: escalateInput, response: ok(issueOut) } },
    async (req) => escalateIssue(ctx, requireActor(req), req.params.id, req.body),
  );
  r.post(
    `${P}/bal-panchayat/issues/:id/resolve`,
    { schema: { tags, params: idParams, body: resolveInput, response: ok(issueOut) } },
    async (req) => resolveIssue(ctx, requireActor(req), req.params.id, req.body),
  );
}
