import { factLabelIn, renderReasons, type ReasonLang } from './render';
import type { AppContext } from '../http/context';
import { requirePermission, type Actor } from '../access/policy';
import { isIdentityWithheld } from '../access/fields';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { catalogueOf, schemeOr404 } from './catalogue.service';
import { familyForFacts, loadBatch } from './facts.repository';
import {
  applicationConditions,
  countApplications,
  getApplication,
  insertApplication,
  insertStep,
  listApplications,
  stepsOf,
  updateApplication,
  type ApplicationRow,
  type StepRow,
} from './applications.repository';
import { requestsOfFamily } from './document-tracking.repository';
import { eventsOfDocuments } from '../registry/documents.repository';
import { followUpsOf } from './document-followup.service';
import { documentsOfFamilies } from './facts.repository';
import { areaWhere, resolveArea } from './area';
import { schemeApplication } from './schemes.schema';
import { notFuture, requireSchemesRecord, todayIn } from './schemes.access';
import { subjectsOf } from './suggestions.service';
import { buildChecklist } from './checklist';
import {
  allowedNext,
  currentAmount,
  replay,
  startApplication as startWorkflow,
  transition,
  type Application,
  type ApplicationStatus,
  type ApplicationStep,
  type WorkflowError,
  type WorkflowErrorCode,
} from './application-workflow';
import { versionInForce, type Scheme } from './scheme';
import { suggestForFamily } from './suggest';

export interface StartInput {
  schemeId: string;
  familyId: string;
  childId?: string | null;
  on: string;
  officerName?: string | null;
  reference?: string | null;
  note?: string | null;
}

export interface StepInput {
  version: number;
  status: ApplicationStatus;
  on: string;
  reason?: string | null;
  amount?: number | null;
  reference?: string | null;
  note?: string | null;
  officerName?: string | null;
}

const FIELD: Record<WorkflowErrorCode, string> = {
  bad_date: 'on',
  date_before_previous: 'on',
  reason_required: 'reason',
  bad_amount: 'amount',
  amount_not_expected: 'amount',
  unknown_status: 'status',
  must_start_identified: 'status',
  not_allowed: 'status',
  final: 'status',
};

/** The engine's refusal as an HTTP error: a move off the pipeline is a 409, a bad field a 400. */
function refusal(e: WorkflowError, from?: ApplicationStatus): HttpError {
  if (e.code === 'not_allowed' || e.code === 'final') {
    return new HttpError(409, 'transition_refused', e.message, [{ field: 'status', message: e.message }], {
      from,
      allowedNext: from ? allowedNext(from) : [],
    });
  }
  return badRequest(FIELD[e.code], e.message);
}

const isUniqueViolation = (e: unknown) => {
  const x = e as { code?: string; cause?: { code?: string } };
  return x?.code === '23505' || x?.cause?.code === '23505';
};

export function toStep(r: StepRow): ApplicationStep {
  return {
    status: r.status,
    on: r.onDate,
    ...(r.reason != null ? { reason: r.reason } : {}),
    ...(r.amount != null ? { amount: Number(r.amount) } : {}),
    ...(r.reference != null ? { reference: r.reference } : {}),
    ...(r.note != null ? { note: r.note } : {}),
  };
}

/** The projection columns an application row carries, recomputed from the whole history. */
export function projectionOf(app: Application) {
  const h = app.history;
  const lastOf = (s: ApplicationStatus) => [...h].reverse().find((x) => x.status === s)?.on ?? null;
  const firstOf = (s: ApplicationStatus) => h.find((x) => x.status === s)?.on ?? null;
  const reference = [...h].reverse().find((x) => x.reference)?.reference ?? null;
  return {
    status: app.status,
    identifiedOn: h[0].on,
    appliedOn: lastOf('applied'),
    sanctionedOn: firstOf('sanctioned'),
    lastStepOn: h[h.length - 1].on,
    amount: currentAmount(app),
    reference,
  };
}

/** Opens an application ("identified") for a subject the engine does not rule out on that date. */
export async function startApplication(ctx: AppContext, actor: Actor, input: StartInput) {
  requirePermission(actor, 'schemes.write');
  requireSchemesRecord(actor);
  notFuture(ctx, 'on', input.on);
  const state = await catalogueOf(ctx.db);
  const scheme = state.byId.get(input.schemeId);
  if (!scheme) throw badRequest('schemeId', `no scheme "${input.schemeId}" in the catalogue`);
  const fam = await familyForFacts(ctx.db, actor, input.familyId);
  if (!fam) throw badRequest('familyId', 'no such family in your jurisdiction');
  const batch = await loadBatch(ctx.db, actor, [fam]);
  let subjectId: string;
  if (scheme.subject === 'child') {
    if (!input.childId) throw badRequest('childId', `${scheme.name.en} is for a child: choose which child`);
    if (!batch.children.some((c) => c.id === input.childId)) throw badRequest('childId', 'no such child in this family');
    subjectId = input.childId;
  } else {
    if (input.childId)
      throw badRequest('childId', `${scheme.name.en} is for the ${scheme.subject === 'family' ? 'household' : 'caregiver'}, not a child`);
    subjectId = scheme.subject === 'family' ? fam.id : `${fam.id}:caregiver`;
  }
  // Judged by the rules in force on the day it was identified.
  const judged = suggestForFamily([scheme], batch.inputs[0], input.on).find((s) => s.subjectId === subjectId)!;
  if (judged.status === 'not_eligible') {
    throw badRequest('schemeId', `not eligible for ${scheme.name.en} on ${input.on}: ${renderReasons(judged.reasons, 'en').join('; ')}`);
  }
  const started = startWorkflow(scheme.id, subjectId, {
    on: input.on,
    ...(input.reference ? { reference: input.reference } : {}),
    ...(input.note ? { note: input.note } : {}),
  });
  if (!started.ok) throw refusal(started.error);
  const officerName = input.officerName ?? actor.displayName;
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const app = await insertApplication(tx, {
        schemeId: scheme.id,
        subject: scheme.subject,
        subjectId,
        familyId: fam.id,
        childId: scheme.subject === 'child' ? subjectId : null,
        stateCode: fam.stateCode,
        districtCode: fam.districtCode,
        subdistrictCode: fam.subdistrictCode,
        blockCode: fam.blockCode,
        villageId: fam.villageId,
        ...projectionOf(started.application),
        officerName,
        officerUserId: input.officerName ? null : actor.userId,
        createdBy: actor.userId,
      });
      await insertStep(tx, {
        applicationId: app.id,
        seq: 1,
        status: 'identified',
        onDate: input.on,
        reference: input.reference ?? null,
        note: input.note ?? null,
        officerName,
        recordedBy: actor.userId,
        stateCode: fam.stateCode,
        districtCode: fam.districtCode,
      });
      await audit(
        tx,
        actor,
        'create',
        'scheme_application',
        app.id,
        fam,
        { schemeId: scheme.id, familyId: fam.id, childId: app.childId },
        { families: [fam.id], children: [app.childId] },
      );
      return app;
    });
    return readApplication(ctx, actor, row.id, { audited: true });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new HttpError(
        409,
        'already_open',
        `An application for ${scheme.name.en} is already open for this ${scheme.subject}: continue that one`,
      );
    }
    throw e;
  }
}

/** Appends a step; the engine checks the move, and nothing is written when it refuses. */
export async function addStep(ctx: AppContext, actor: Actor, id: string, input: StepInput) {
  requirePermission(actor, 'schemes.write');
  requireSchemesRecord(actor);
  const app = await getApplication(ctx.db, actor, id);
  if (!app) throw notFound('Application');
  if (input.version !== app.version) {
    throw conflict(
      `Someone else updated this application (now version ${app.version}, status ${app.status}; you edited version ${input.version})`,
      { version: app.version, status: app.status },
    );
  }
  notFuture(ctx, 'on', input.on);
  const steps = await stepsOf(ctx.db, id);
  const current = replay(app.schemeId, app.subjectId, steps.map(toStep));
  if (!current.ok)
    throw new HttpError(409, 'history_invalid', `The stored history of this application does not replay: ${current.error.message}`);
  const step: ApplicationStep = {
    status: input.status,
    on: input.on,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.amount != null ? { amount: input.amount } : {}),
    ...(input.reference ? { reference: input.reference } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
  const next = transition(current.application, step);
  if (!next.ok) throw refusal(next.error, current.application.status);
  await ctx.db.transaction(async (tx) => {
    const row = await updateApplication(tx, actor, id, input.version, {
      ...projectionOf(next.application),
      ...(input.officerName ? { officerName: input.officerName } : {}),
    });
    if (!row) throw conflict('Someone else updated this application at the same time; reload and try again');
    await insertStep(tx, {
      applicationId: id,
      seq: steps.length + 1,
      status: step.status,
      onDate: step.on,
      reason: step.reason ?? null,
      amount: step.amount ?? null,
      reference: step.reference ?? null,
      note: step.note ?? null,
      officerName: input.officerName ?? actor.displayName,
      recordedBy: actor.userId,
      stateCode: app.stateCode,
      districtCode: app.districtCode,
    });
    await audit(
      tx,
      actor,
      'update',
      'scheme_application',
      id,
      app,
      { status: step.status, familyId: app.familyId, childId: app.childId, version: row.version },
      { families: [app.familyId], children: [app.childId] },
    );
  });
  return readApplication(ctx, actor, id, { audited: true });
}

/** The date an application is judged on: when it was (last) lodged, else when it was identified. */
export const judgedOn = (a: Pick<ApplicationRow, 'appliedOn' | 'identifiedOn'>) => a.appliedOn ?? a.identifiedOn;

/**
 * One application: its steps, the status derived from them, the moves allowed next,
 * the eligibility judged by the version in force on its date, and the document checklist.
 */
export async function readApplication(ctx: AppContext, actor: Actor, id: string, opts: { audited?: boolean; lang?: ReasonLang } = {}) {
  const lang = opts.lang ?? 'en';
  requireSchemesRecord(actor);
  const app = await getApplication(ctx.db, actor, id);
  if (!app) throw notFound('Application');
  const fam = await familyForFacts(ctx.db, actor, app.familyId);
  if (!fam) throw notFound('Application');
  const [state, steps, batch, docs, requests] = await Promise.all([
    catalogueOf(ctx.db),
    stepsOf(ctx.db, id),
    loadBatch(ctx.db, actor, [fam]),
    documentsOfFamilies(ctx.db, [fam.id]),
    requestsOfFamily(ctx.db, fam.id),
  ]);
  const scheme: Scheme = schemeOr404(state, app.schemeId);
  const followUps = await followUpsOf(ctx.db, actor, requests);
  const derived = replay(app.schemeId, app.subjectId, steps.map(toStep));
  const on = judgedOn(app);
  const judged = suggestForFamily([scheme], batch.inputs[0], on).find((s) => s.subjectId === app.subjectId) ?? null;
  const subjectDocs = docs.filter((d) => d.childId === null || d.childId === app.childId);
  const checklist = judged ? buildChecklist(judged, versionInForce(scheme, on), subjectDocs, app.childId) : [];
  const history = await eventsOfDocuments(
    ctx.db,
    checklist.flatMap((c) => (c.record ? [c.record.id] : [])),
  );
  const subjects = subjectsOf(fam, batch, ctx.now());
  if (!opts.audited)
    await audit(
      ctx.db,
      actor,
      'read',
      'scheme_application',
      id,
      app,
      { familyId: app.familyId, childId: app.childId },
      { families: [app.familyId], children: [app.childId] },
    );
  const status = derived.ok ? derived.application.status : app.status;
  // A CWC non-disclosure order the actor may not see past (JJ Act 2015 s.74): the names came
  // back as initials (facts.repository.ts); the local-script name is left out and said so.
  const nd = isIdentityWithheld(fam);
  return {
    ...app,
    ...(nd ? { initialsOnly: true as const, withheld: ['headNameLocal', 'childNameLocal'] } : {}),
    status,
    historyValid: derived.ok,
    historyError: derived.ok ? null : derived.error.message,
    allowedNext: derived.ok ? allowedNext(status) : [],
    scheme: { id: scheme.id, name: scheme.name, department: scheme.department, subject: scheme.subject, channel: scheme.channel },
    family: { id: fam.id, headName: fam.headName, headNameLocal: nd ? undefined : fam.headNameLocal, villageId: fam.villageId },
    subjectName: subjects.get(app.subjectId)?.name ?? null,
    steps: steps.map((s) => ({
      seq: s.seq,
      status: s.status,
      on: s.onDate,
      reason: s.reason,
      amount: s.amount == null ? null : Number(s.amount),
      reference: s.reference,
      note: s.note,
      officerName: s.officerName,
      recordedAt: s.recordedAt,
    })),
    eligibility: judged
      ? {
          judgedOn: on,
          status: judged.status,
          reasons: renderReasons(judged.reasons, lang),
          reasonDetails: judged.reasons,
          missingFacts: judged.missingFacts.map((m) => ({ fact: m.fact, label: factLabelIn(m.fact, lang) })),
          version: judged.version,
          benefit: judged.benefit,
          source: judged.source,
        }
      : null,
    checklist: checklist.map((c) => ({
      ...c,
      ownerId: c.owner === 'child' ? app.childId : app.familyId,
      history: c.record
        ? history
            .filter((h) => h.documentId === c.record!.id)
            .map((h) => ({ from: h.fromStatus, to: h.toStatus, on: h.eventOn, issuingOffice: h.issuingOffice, note: h.note }))
        : [],
      requests: requests
        .filter(
          (r) => (r.docType === c.doc || c.alternatives.includes(r.docType as never)) && (r.childId === null || r.childId === app.childId),
        )
        .map((r) => ({
          id: r.id,
          department: r.department,
          officer: r.officer,
          requestedOn: r.requestedOn,
          dueOn: r.dueOn,
          status: r.status,
          closedOn: r.closedOn,
          version: r.version,
          overdue: r.status === 'open' && r.dueOn < todayIn(ctx),
          followUp: r.followUp,
          followUpStatus: followUps.get(r.id) ?? null,
        })),
    })),
  };
}

export interface ApplicationListQuery {
  familyId?: string;
  schemeId?: string;
  status?: ApplicationStatus;
  locationId?: string;
  page: number;
  pageSize: number;
}

export async function listApplicationsFor(ctx: AppContext, actor: Actor, q: ApplicationListQuery) {
  requireSchemesRecord(actor);
  const area = await resolveArea(ctx.db, actor, q.locationId);
  const where = applicationConditions(actor, {
    familyId: q.familyId,
    schemeId: q.schemeId,
    status: q.status,
    area: areaWhere(area, schemeApplication),
  });
  const [items, total] = await Promise.all([
    listApplications(ctx.db, actor, where, q.pageSize, (q.page - 1) * q.pageSize),
    countApplications(ctx.db, where),
  ]);
  await audit(
    ctx.db,
    actor,
    'list',
    'scheme_application',
    null,
    null,
    { ids: items.map((i) => i.id), total },
    { families: items.map((i) => i.familyId), children: items.map((i) => i.childId) },
  );
  return {
    items: items.map((i) => ({ ...i, amount: i.amount == null ? null : Number(i.amount) })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
