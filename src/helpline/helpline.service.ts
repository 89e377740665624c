import type { AppContext } from '../http/context';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { requirePermission, type Actor, type Placement } from '../access/policy';
import { requireWritable } from '../access/fields';
import { HttpError, badRequest, conflict, notFound, type FieldIssue } from '../http/errors';
import { audit } from '../audit/audit.service';
import { istToday, istYearsBefore } from '../kernel/clock';
import { resolvePlacement } from '../registry/placement';
import { childDuplicates } from '../registry/duplicates.door';
import { childIdentityWithheld } from '../registry/children.repository';
import { openCaseFromCall, readCase } from '../cases/cases.service';
import { createFoundChild } from '../missing/missing.service';
import { activeOfKindAt, activeUsersOfUnits } from '../users/organisations.repository';
import { triage } from './domain/triage';
import { figures, figuresBy, isDueSoon, isOverdue, minutesBetween } from './domain/response-times';
import type { Route } from './domain/vocabulary';
import { triageTableFor } from './triage.data';
import {
  decodeCursor,
  insertCallView,
  listCalls,
  lockCall,
  monthlyFigures,
  readCall,
  timedCalls,
  updateCall,
  updateCallView,
  type CallView,
  type QueueCursor,
} from './helpline.repository';
import type { HelplineCallRow } from './helpline.schema';
import type { CallChild, CallListQuery, DraftInput, DraftPatch, MonthlyQuery, SummaryQuery } from './helpline.model';
import { findUserById } from '../users/users.repository';
import { insertStep, messagesOf, timelineOf } from './partner.repository';
import { ROUTE_PARTNER, handoverCtes, queuePartnerMessage } from './partner.service';
import type { Partner, PartnerStatus } from './partner.contract';

/**
 * The 1098 helpline (issue #13): a call is taken as a draft saved while the operator types,
 * submitted (completeness checked, triaged by the state's rules), dispatched to the responsible
 * unit, timed (one clock: ctx.now()) until the child is reached and the call closed; it may be
 * handed over as a case or, for a found child or sighting, become a found-child record of the
 * missing module at once (an official record: matched with no public-moderation wait).
 * Every read and write is audited with ids only (JJ Act 2015 s.74).
 */

// ---------------------------------------------------------------- helpers

const ENTITY = 'helpline_call';

/** Input fields → policy field names (requireWritable). */
function writtenFields(input: DraftInput): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined || k === 'version') continue;
    if (k === 'caller') {
      const c = v as NonNullable<DraftInput['caller']>;
      if (c.phone !== undefined) out.push('callerPhone');
      if (c.name !== undefined) out.push('callerName');
      if (c.anonymous !== undefined) out.push('callerAnonymous');
      if (c.relation !== undefined) out.push('callerRelation');
    } else out.push(k);
  }
  return out;
}

/** The columns a draft body sets. An anonymous caller keeps no number or name. */
function columnsOf(input: DraftInput): Partial<HelplineCallRow> {
  const v: Partial<HelplineCallRow> = {};
  if (input.channel !== undefined) v.channel = input.channel;
  if (input.caller) {
    const c = input.caller;
    if (c.anonymous !== undefined) v.callerAnonymous = c.anonymous;
    if (c.phone !== undefined) v.callerPhone = c.phone || null;
    if (c.name !== undefined) v.callerName = c.name || null;
    if (c.relation !== undefined) v.callerRelation = c.relation || null;
    if (c.anonymous) Object.assign(v, { callerPhone: null, callerName: null });
  }
  if (input.children !== undefined) {
    v.children = input.children;
    v.childIds = [...new Set(input.children.map((c) => c.registryChildId).filter((x): x is string => !!x))];
  }
  for (const k of ['locationText', 'latitude', 'longitude', 'urgency', 'language', 'notes', 'villageId'] as const) {
    if (input[k] !== undefined) (v as Record<string, unknown>)[k] = input[k] === '' ? null : input[k];
  }
  if (input.categories !== undefined) v.categories = input.categories;
  if (input.atStation !== undefined) v.atStation = input.atStation;
  return v;
}

/** Where the call is placed: the village given, else the operator's own district. */
async function placementFor(db: Db, actor: Actor, villageId: string | null | undefined): Promise<Placement> {
  if (villageId) return resolvePlacement(db, actor, villageId, 'villageId');
  const s = actor.scope;
  if (s.stateCode == null || s.districtCode == null) throw badRequest('villageId', 'choose the village or district the call is about');
  return { stateCode: s.stateCode, districtCode: s.districtCode };
}

const placeColumns = (p: Placement) => ({
  stateCode: p.stateCode,
  districtCode: p.districtCode,
  subdistrictCode: p.subdistrictCode ?? null,
  blockCode: p.blockCode ?? null,
  villageId: p.villageId ?? null,
});

/** Adds the clock's view (minutes since the call, overdue) to a call. */
function withClock(c: CallView, now: Date): CallView {
  const receivedAt = new Date(c.receivedAt as Date | string);
  const reachedAt = c.reachedAt ? new Date(c.reachedAt as Date | string) : null;
  const targetMinutes = (c.targetMinutes as number | null) ?? null;
  const live = c.status !== 'draft' && c.status !== 'closed';
  return {
    ...c,
    elapsedMinutes: minutesBetween(receivedAt, reachedAt ?? (c.closedAt ? new Date(c.closedAt as string) : now)),
    overdue: live && isOverdue({ receivedAt, reachedAt, targetMinutes }, now),
    dueSoon:
      live &&
      isDueSoon({ receivedAt, reachedAt, targetMinutes }, now, triageTableFor(c.stateCode as number, istToday(now)).warnBeforeMinutes),
  };
}

async function view(ctx: AppContext, actor: Actor, id: string): Promise<CallView> {
  const now = ctx.now();
  const c = await readCall(ctx.db, actor, id, istToday(now));
  if (!c) throw notFound('Call');
  return withClock(c, now);
}

/** Locks the call for a change by the actor at `version`, refusing a stale version with the call as it stands. */
async function lockAt(ctx: AppContext, tx: Db, actor: Actor, id: string, version: number): Promise<HelplineCallRow> {
  const row = await lockCall(tx, actor, id);
  if (!row || (row.status === 'draft' && row.operatorUserId !== actor.userId)) throw notFound('Call');
  if (row.version !== version) {
    const current = await readCall(tx, actor, id, istToday(ctx.now()));
    throw conflict('Someone saved this call since you read it', current);
  }
  return row;
}

const subjects = (row: Pick<HelplineCallRow, 'childIds'>) => ({ children: row.childIds });

function wrongStatus(row: HelplineCallRow, want: string) {
  return new HttpError(409, 'invalid_transition', `The call is ${row.status}; this needs a call that is ${want}`, undefined, {
    reason: 'WRONG_STATUS',
    from: row.status,
  });
}

// ---------------------------------------------------------------- intake

export async function createDraft(ctx: AppContext, actor: Actor, input: DraftInput) {
  requirePermission(actor, 'helpline.intake');
  requireWritable(actor, 'helplineCall', writtenFields(input));
  const now = ctx.now();
  const place = await placementFor(ctx.db, actor, input.villageId);
  // The call comes back from its INSERT as the operator may read it: no second read (intake speed, issue #13).
  const created = await ctx.db.transaction(async (tx) => {
    const values = {
      ...columnsOf(input),
      ...placeColumns(place),
      status: 'draft' as const,
      operatorUserId: actor.userId,
      operatorUnitId: actor.organisationId,
      receivedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    const c = await insertCallView(tx, actor, values, istToday(now));
    await audit(tx, actor, 'helpline.create', ENTITY, c.id, place, { draft: true }, subjects({ childIds: values.childIds ?? [] }));
    return c;
  });
  return withClock(created, now);
}

export async function updateDraft(ctx: AppContext, actor: Actor, id: string, patch: DraftPatch) {
  requirePermission(actor, 'helpline.intake');
  const { version, ...input } = patch;
  requireWritable(actor, 'helplineCall', writtenFields(input));
  const now = ctx.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await lockAt(ctx, tx, actor, id, version);
    if (row.status !== 'draft') throw wrongStatus(row, 'a draft');
    const place = input.villageId !== undefined ? placeColumns(await placementFor(tx, actor, input.villageId)) : {};
    const values = { ...columnsOf(input), ...place, updatedAt: now };
    const shown = await updateCallView(tx, actor, id, version, values, istToday(now));
    if (!shown) throw conflict('Someone saved this call since you read it');
    await audit(
      tx,
      actor,
      'helpline.update',
      ENTITY,
      id,
      row,
      { fields: writtenFields(input) },
      subjects({ childIds: values.childIds ?? row.childIds }),
    );
    return shown;
  });
  return withClock(updated, now);
}

/** What a call must have to leave the draft state; every missing field named. */
export function completenessIssues(row: HelplineCallRow): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!row.categories.length) issues.push({ field: 'categories', message: 'choose at least one category' });
  if (!row.urgency) issues.push({ field: 'urgency', message: 'choose the urgency' });
  if (!row.callerAnonymous && !row.callerPhone)
    issues.push({ field: 'caller.phone', message: "give the caller's number, or mark the caller anonymous" });
  if (!row.villageId && !row.locationText) issues.push({ field: 'locationText', message: 'say where the child is (village or place)' });
  const childless = !row.children.length && !row.categories.every((c) => c === 'information');
  if (childless) issues.push({ field: 'children', message: 'add the child the call is about (whatever is known)' });
  return issues;
}

export async function submitCall(ctx: AppContext, actor: Actor, id: string, version: number) {
  requirePermission(actor, 'helpline.intake');
  const now = ctx.now();
  const { row, shown } = await ctx.db.transaction(async (tx) => {
    const row = await lockAt(ctx, tx, actor, id, version);
    if (row.status !== 'draft') throw wrongStatus(row, 'a draft');
    const issues = completenessIssues(row);
    if (issues.length) throw new HttpError(400, 'validation_failed', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
    const table = triageTableFor(row.stateCode, istToday(row.receivedAt));
    const decision = triage(table, {
      categories: row.categories as never,
      urgency: row.urgency as never,
      anyGirl: row.children.some((c) => c.sex === 'female'),
      atStation: row.atStation,
    });
    const targetAt = decision.targetMinutes != null ? new Date(row.receivedAt.getTime() + decision.targetMinutes * 60_000) : null;
    const values = {
      status: 'open' as const,
      submittedAt: now,
      triage: decision,
      route: decision.route,
      targetMinutes: decision.targetMinutes,
      targetAt,
      updatedAt: now,
      // Advice given on the call is the response: nothing to dispatch, no clock.
      ...(decision.route === 'advice_only' ? { status: 'closed' as const, closedAt: now, outcome: 'advice_given' } : {}),
    };
    // A call for the police or 181 is handed to their system at once (signed, retried until acknowledged).
    const partner = ROUTE_PARTNER[decision.route];
    if (partner) Object.assign(values, { partner });
    const submitted = { callId: id, step: 'submitted', at: now, byUserId: actor.userId, detail: { route: decision.route } };
    // One statement: the call's UPDATE with its step and, for 112/181, the handover queued (CTEs).
    // The row is locked at this version (lockAt), so the UPDATE matches and the CTEs' writes stand.
    const shown = await updateCallView(tx, actor, id, version, values, istToday(now), handoverCtes(tx, row, partner, now, [submitted]));
    if (!shown) throw conflict('Someone saved this call since you read it');
    await audit(
      tx,
      actor,
      'helpline.submit',
      ENTITY,
      id,
      row,
      { route: decision.route, rules: decision.ruleIds, table: decision.table.version },
      subjects(row),
    );
    return { row: { ...row, ...values, version: version + 1 }, shown };
  });
  // The found-child record changes the call again (its missingRecordId): that one is read back.
  if (row.categories.includes('found_sighting') && row.children.length) {
    await feedMissing(ctx, actor, row);
    return view(ctx, actor, id);
  }
  return withClock(shown, now);
}

/**
 * A found child or a sighting becomes an official found-child record of the missing module
 * (its public function, src/missing/missing.service.ts), matched against missing reports at
 * once instead of waiting in the public moderation queue.
 */
async function feedMissing(ctx: AppContext, actor: Actor, row: HelplineCallRow) {
  const c = row.children[0];
  const found = await createFoundChild(ctx, actor, {
    name: c.name || null,
    nameLocal: c.nameLocal || null,
    sex: c.sex ?? 'unknown',
    ageYears: c.ageYears ?? null,
    description: c.description || null,
    districtCode: row.districtCode,
    villageId: row.villageId,
    foundOn: istToday(row.receivedAt),
    foundPlace: row.locationText || null,
    source: 'helpline',
  });
  await ctx.db.transaction(async (tx) => {
    const cur = await lockCall(tx, actor, row.id);
    if (!cur) return;
    await updateCall(tx, row.id, cur.version, { missingRecordId: found.id, updatedAt: ctx.now() });
    await audit(tx, actor, 'helpline.found_record', ENTITY, row.id, row, { missingRecordId: found.id }, subjects(row));
  });
}

// ---------------------------------------------------------------- dispatch and the clock

const ROUTE_UNIT_KIND: Partial<Record<Route, string>> = { cwc: 'CWC', police_112: 'POLICE' };

/** The unit a call goes to: the route's body in the district when there is one, else the district child helpline unit (the operator's). */
async function unitFor(db: Db, actor: Actor, row: HelplineCallRow): Promise<string | null> {
  const kind = row.route ? ROUTE_UNIT_KIND[row.route as Route] : undefined;
  if (kind) {
    const [u] = await activeOfKindAt(db, kind, `di:${row.districtCode}`);
    if (u) return u.id;
  }
  return row.operatorUnitId ?? actor.organisationId;
}

type Step = 'dispatch' | 'on_the_way' | 'reached' | 'handed_to' | 'close';
const STEP_FROM: Record<Step, readonly string[]> = {
  dispatch: ['open'],
  on_the_way: ['dispatched'],
  reached: ['open', 'dispatched'],
  handed_to: ['reached'],
  close: ['open', 'dispatched', 'reached'],
};
/** The status sent back to the partner that handed the call to 1098, per step. */
const STEP_STATUS: Partial<Record<Step, PartnerStatus>> = {
  dispatch: 'acknowledged',
  on_the_way: 'on_the_way',
  reached: 'reached',
  close: 'closed',
};
const STEP_FIELDS: Record<Step, string[]> = {
  dispatch: ['assignedUnitId', 'responderUserId'],
  on_the_way: [],
  reached: [],
  handed_to: ['handedToKind', 'handedToName'],
  close: ['outcome'],
};

/** A named responder: an active user of the call's district (the district child helpline unit's field staff). */
async function checkResponder(db: Db, row: HelplineCallRow, userId: string) {
  const u = await findUserById(db, userId);
  if (!u || !u.user.active || u.user.districtCode !== row.districtCode)
    throw badRequest('responderUserId', "must be an active user of the call's district");
}

export async function stepCall(
  ctx: AppContext,
  actor: Actor,
  id: string,
  step: Step,
  input: { version: number; unitId?: string; responderUserId?: string; outcome?: string; kind?: string; name?: string | null },
) {
  requirePermission(actor, 'helpline.dispatch');
  requireWritable(actor, 'helplineCall', STEP_FIELDS[step]);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockAt(ctx, tx, actor, id, input.version);
    if (!STEP_FROM[step].includes(row.status)) throw wrongStatus(row, STEP_FROM[step].join(' or '));
    if (input.responderUserId) await checkResponder(tx, row, input.responderUserId);
    const values: Partial<HelplineCallRow> =
      step === 'dispatch'
        ? {
            status: 'dispatched',
            dispatchedAt: now,
            assignedUnitId: input.unitId ?? (await unitFor(tx, actor, row)),
            responderUserId: input.responderUserId ?? null,
          }
        : step === 'on_the_way'
          ? { onTheWayAt: now }
          : step === 'reached'
            ? { status: 'reached', reachedAt: now, dispatchedAt: row.dispatchedAt ?? now, onTheWayAt: row.onTheWayAt ?? now }
            : step === 'handed_to'
              ? { handedToKind: input.kind ?? null, handedToName: input.name || null, handedToAt: now }
              : { status: 'closed', closedAt: now, outcome: input.outcome ?? null };
    await updateCall(tx, id, input.version, { ...values, updatedAt: now });
    await insertStep(tx, {
      callId: id,
      step,
      at: now,
      byUserId: actor.userId,
      detail: {
        unitId: values.assignedUnitId ?? null,
        responderUserId: values.responderUserId ?? null,
        handedTo: values.handedToKind ?? null,
        outcome: values.outcome ?? null,
      },
    });
    // A call 112/181 handed to 1098: the partner hears what happened (signed, retried until acknowledged).
    const status = STEP_STATUS[step];
    if (status && row.partner && row.partnerRef) await queuePartnerMessage(tx, row, row.partner as Partner, 'status', now, status);
    await audit(
      tx,
      actor,
      `helpline.${step}`,
      ENTITY,
      id,
      row,
      {
        unitId: values.assignedUnitId ?? null,
        responderUserId: values.responderUserId ?? null,
        handedTo: values.handedToKind ?? null,
        outcome: values.outcome ?? null,
      },
      subjects(row),
    );
  });
  return view(ctx, actor, id);
}

// ---------------------------------------------------------------- handover as a case

const CONCERN_WORDS: Record<string, string> = {
  rescue: 'child in danger, rescue needed',
  abuse: 'abuse reported',
  child_marriage: 'child marriage',
  missing: 'child missing',
  found_sighting: 'child found or sighted alone',
  child_labour: 'child labour',
  begging: 'child begging',
  medical: 'medical help needed',
  shelter: 'shelter needed',
  emotional_support: 'emotional support',
  information: 'information sought',
};

function careStatusFor(categories: readonly string[]) {
  if (categories.includes('missing')) return 'missing' as const;
  if (categories.includes('begging') || categories.includes('found_sighting')) return 'street_connected' as const;
  return 'birth_family' as const;
}

/**
 * Hands a submitted call over as a case (src/cases `openCaseFromCall`), owned by the district's
 * DCPU: for the registry child the operator linked, or a new child registered with what the
 * caller knew (the duplicate finder still runs at the door: 409 possible_duplicates).
 */
export async function handoverAsCase(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { version: number; childIndex: number; productionRequired: boolean },
) {
  requirePermission(actor, 'cases.open', 'cases.write');
  const row = await ctx.db.transaction((tx) => lockAt(ctx, tx, actor, id, input.version));
  if (row.status === 'draft') throw wrongStatus(row, 'submitted');
  if (row.caseId) throw new HttpError(409, 'already_handed_over', 'This call is already a case', undefined, { reason: 'HAS_CASE' });
  const c: CallChild | undefined = row.children[input.childIndex];
  if (!c) throw badRequest('childIndex', 'no such child on this call');
  const name = c.name || c.nameLocal;
  if (!c.registryChildId && !name)
    throw badRequest(`children.${input.childIndex}.name`, "a case needs the child's name (or link a registry child)");
  if (!c.registryChildId && !row.villageId) throw badRequest('villageId', 'a new child is registered at a village: choose it');
  const [dcpu] = (await activeOfKindAt(ctx.db, 'DCPU', `di:${row.districtCode}`)).filter((u) => u.id !== row.operatorUnitId);
  const owner = dcpu?.id ?? row.operatorUnitId ?? actor.organisationId;
  if (!owner) throw new HttpError(403, 'no_unit', 'No unit in this district can take the case');
  const opened = await openCaseFromCall(
    ctx,
    actor,
    {
      ...(c.registryChildId
        ? { childId: c.registryChildId }
        : {
            child: {
              locationId: row.villageId!,
              name: (c.name || c.nameLocal)!,
              ...(c.name && c.nameLocal ? { nameLocal: c.nameLocal } : {}),
              sex: c.sex ?? 'unknown',
              ageYears: c.ageYears ?? null,
              careStatus: careStatusFor(row.categories),
            },
          }),
      source: 'helpline',
      reporter: {
        name: row.callerAnonymous || !row.callerName ? 'Anonymous 1098 caller' : row.callerName,
        role: row.callerRelation || '1098 caller',
      },
      reportedOn: istToday(row.receivedAt),
      concerns: row.categories.map((k) => CONCERN_WORDS[k] ?? k),
      risk: row.urgency === 'emergency' ? 'high' : 'medium',
      productionRequired: input.productionRequired,
      clientId: `helpline-call:${row.id}:${input.childIndex}`,
    },
    owner,
  );
  await ctx.db.transaction(async (tx) => {
    const cur = await lockAt(ctx, tx, actor, id, input.version);
    await updateCall(tx, id, cur.version, { caseId: opened.id, updatedAt: ctx.now() });
    await audit(tx, actor, 'helpline.handover', ENTITY, id, cur, { caseId: opened.id, ownerUnitId: owner }, subjects(cur));
  });
  return { call: await view(ctx, actor, id), caseId: opened.id, caseNumber: opened.number, missingRecordId: row.missingRecordId };
}

/**
 * Attaches the call to an existing case of a child the call names (a repeat call about a child
 * already in care, JJ Model Rules 2016 r.19: one case per child): the case must be one the actor
 * may read (the case access rule, in SQL) and about one of the call's registry children.
 */
export async function attachToCase(ctx: AppContext, actor: Actor, id: string, input: { version: number; caseId: string }) {
  requirePermission(actor, 'helpline.dispatch');
  requirePermission(actor, 'cases.read');
  const found = (await readCase(ctx, actor, input.caseId).catch((e: unknown) => {
    if (e instanceof HttpError && e.status === 404) throw badRequest('caseId', 'no such case that you may read');
    throw e;
  })) as { child?: { id?: string } };
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockAt(ctx, tx, actor, id, input.version);
    if (row.status === 'draft') throw wrongStatus(row, 'submitted');
    if (row.caseId) throw new HttpError(409, 'already_handed_over', 'This call is already a case', undefined, { reason: 'HAS_CASE' });
    const childId = found.child?.id;
    if (!childId || !row.childIds.includes(childId)) throw badRequest('caseId', 'must be a case of a child linked on this call');
    await updateCall(tx, id, row.version, { caseId: input.caseId, updatedAt: now });
    await insertStep(tx, { callId: id, step: 'attached_to_case', at: now, byUserId: actor.userId, detail: { caseId: input.caseId } });
    await audit(tx, actor, 'helpline.attach_case', ENTITY, id, row, { caseId: input.caseId }, subjects(row));
  });
  return view(ctx, actor, id);
}

/** Who may be named as the call's responder: the active staff of its district child helpline unit (the DCPU) and of the unit it was assigned to. */
export async function respondersFor(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'helpline.dispatch');
  const c = await view(ctx, actor, id);
  const units = (await activeOfKindAt(ctx.db, 'DCPU', `di:${c.districtCode as number}`)).map((u) => u.id);
  if (c.assignedUnitId) units.push(c.assignedUnitId as string);
  const users = await activeUsersOfUnits(ctx.db, [...new Set(units)]);
  return { items: users.map((u) => ({ id: u.id, displayName: u.displayName, role: u.role })) };
}

// ---------------------------------------------------------------- reads, figures

/** Hands the call to 112 or 181 (e.g. a route's `alsoNotify`): a signed message, retried until acknowledged. */
export async function handToPartner(ctx: AppContext, actor: Actor, id: string, input: { version: number; partner: Partner }) {
  requirePermission(actor, 'helpline.intake', 'helpline.dispatch');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockAt(ctx, tx, actor, id, input.version);
    if (row.status === 'draft' || row.status === 'closed') throw wrongStatus(row, 'submitted and not closed');
    if (row.partner) throw new HttpError(409, 'already_handed_over', `The call is already with ${row.partner}`);
    await updateCall(tx, id, input.version, { partner: input.partner, updatedAt: now });
    await queuePartnerMessage(tx, row, input.partner, 'handover', now);
    await audit(tx, actor, 'helpline.partner_handover', ENTITY, id, row, { partner: input.partner }, subjects(row));
  });
  return view(ctx, actor, id);
}

export async function readCallFor(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'helpline.read');
  const c: CallView = {
    ...(await view(ctx, actor, id)),
    timeline: await timelineOf(ctx.db, id),
    partnerMessages: await messagesOf(ctx.db, id),
  };
  await audit(ctx.db, actor, 'read', ENTITY, id, c as unknown as Placement, {}, { children: (c.childIds as string[]) ?? [] });
  return c;
}

/** An IST calendar day's start as an instant. */
const istStart = (day: string) => new Date(`${day}T00:00:00+05:30`);
const nextDay = (day: string) => new Date(istStart(day).getTime() + 86_400_000);

function periodOf(now: Date, from?: string, to?: string) {
  const today = istToday(now);
  const f = from ?? `${today.slice(0, 7)}-01`;
  const t = to ?? today;
  if (t < f) throw badRequest('to', 'must be on or after from');
  return { from: f, to: t, range: { from: istStart(f), to: nextDay(t) } };
}

export async function listCallsFor(ctx: AppContext, actor: Actor, q: CallListQuery & { idsIn?: SQL }) {
  requirePermission(actor, 'helpline.read');
  const now = ctx.now();
  const range = { from: q.from ? istStart(q.from) : undefined, to: q.to ? nextDay(q.to) : undefined };
  const cursor = q.after ? decodeCursor(q.after) : null;
  if (q.after && !cursor) throw badRequest('after', 'must be a nextCursor from this list');
  const { items, total, totalCapped, nextCursor } = await listCalls(ctx.db, actor, q, range, now, istToday(now), cursor);
  await audit(
    ctx.db,
    actor,
    'list',
    ENTITY,
    null,
    null,
    { count: items.length, total },
    { children: items.flatMap((c) => (c.childIds as string[]) ?? []) },
  );
  return { items: items.map((c) => withClock(c, now)), total, totalCapped, nextCursor, page: q.page, pageSize: q.pageSize };
}

export async function summaryFor(ctx: AppContext, actor: Actor, q: SummaryQuery) {
  requirePermission(actor, 'helpline.read');
  const now = ctx.now();
  const p = periodOf(now, q.from, q.to);
  const calls = (await timedCalls(ctx.db, actor, p.range, q.districtCode)).map((c) => ({ ...c, receivedAt: new Date(c.receivedAt) }));
  return {
    from: p.from,
    to: p.to,
    ...figures(calls, now),
    byCategory: figuresBy(calls, (c) => c.categories, now),
    byRoute: figuresBy(calls, (c) => (c.route ? [c.route] : []), now),
  };
}

/** The month `n` months after `ym` (YYYY-MM). */
function addMonths(ym: string, n: number) {
  const [y, m] = ym.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Monthly figures per district (by default the last six months to this one), at most 24 months. */
export async function monthlyFor(ctx: AppContext, actor: Actor, q: MonthlyQuery) {
  requirePermission(actor, 'helpline.read');
  const thisMonth = istToday(ctx.now()).slice(0, 7);
  const to = q.to ?? thisMonth;
  const from = q.from ?? addMonths(to, -5);
  if (to < from) throw badRequest('to', 'must be on or after from');
  if (addMonths(from, 24) <= to) throw badRequest('from', 'at most 24 months at once');
  const rows = await monthlyFigures(
    ctx.db,
    actor,
    { from: istStart(`${from}-01`), to: istStart(`${addMonths(to, 1)}-01`) },
    q.districtCode,
  );
  return { from, to, rows: rows as ((typeof rows)[number] & { dim: 'all' | 'route' | 'category' })[] };
}

export const MONTHLY_CSV_HEADER = [
  'month',
  'district_code',
  'by',
  'key',
  'calls',
  'reached',
  'reached_within_target',
  'p50_minutes_to_reach',
  'p90_minutes_to_reach',
  'p50_minutes_to_on_the_way',
  'p90_minutes_to_on_the_way',
] as const;

export const CSV_HEADER = [
  'number',
  'received_at',
  'state_code',
  'district_code',
  'categories',
  'urgency',
  'route',
  'target_minutes',
  'dispatched_at',
  'reached_at',
  'minutes_to_reach',
  'within_target',
  'status',
  'outcome',
] as const;

/** The calls of a period for a spreadsheet: no caller, child or place beyond the district (ids and codes only). */
export async function exportRows(ctx: AppContext, actor: Actor, q: SummaryQuery) {
  requirePermission(actor, 'helpline.read');
  const now = ctx.now();
  const p = periodOf(now, q.from, q.to);
  const rows: (string | number | null)[][] = [];
  for (let cursor: QueueCursor | null = null; ;) {
    const { items, nextCursor } = await listCalls(ctx.db, actor, { page: 1, pageSize: 100 }, p.range, now, istToday(now), cursor);
    for (const c of items) {
      if (c.status === 'draft' || (q.districtCode && c.districtCode !== q.districtCode)) continue;
      const rec = new Date(c.receivedAt as string);
      const reached = c.reachedAt ? new Date(c.reachedAt as string) : null;
      const mins = reached ? minutesBetween(rec, reached) : null;
      const target = c.targetMinutes as number | null;
      rows.push([
        c.number as number,
        rec.toISOString(),
        c.stateCode as number,
        c.districtCode as number,
        (c.categories as string[]).join(' '),
        (c.urgency as string) ?? null,
        (c.route as string) ?? null,
        target,
        c.dispatchedAt ? new Date(c.dispatchedAt as string).toISOString() : null,
        reached ? reached.toISOString() : null,
        mins,
        target == null || mins == null ? null : mins <= target ? 'yes' : 'no',
        c.status as string,
        (c.outcome as string) ?? null,
      ]);
    }
    if (!nextCursor) break;
    cursor = decodeCursor(nextCursor);
  }
  await audit(ctx.db, actor, 'export', ENTITY, null, null, { rows: rows.length, from: p.from, to: p.to });
  return { rows, from: p.from, to: p.to };
}

/** Registry children like the one the caller describes, in the call's district (the duplicate finder at the door). */
export async function suggestChildren(
  ctx: AppContext,
  actor: Actor,
  q: { name: string; sex?: string; ageYears?: number; villageId?: string },
) {
  requirePermission(actor, 'helpline.intake', 'helpline.read');
  const now = ctx.now();
  const placement = await placementFor(ctx.db, actor, q.villageId);
  const dob = q.ageYears != null ? istYearsBefore(now, q.ageYears) : null;
  // The finder audits the search; a child under a CWC order the operator may not identify is not suggested (JJ Act 2015 s.74).
  const found = await childDuplicates(ctx.db, actor, { name: q.name, sex: q.sex ?? 'unknown', dob, placement }, now);
  const items = [];
  for (const f of found) if (!(await childIdentityWithheld(ctx.db, actor, f.id))) items.push(f);
  return { items };
}

export function triageTableIn(actor: Actor, ctx: AppContext) {
  requirePermission(actor, 'helpline.intake', 'helpline.read');
  const t = triageTableFor(actor.scope.stateCode ?? 0, istToday(ctx.now()));
  return { ...t, rules: t.rules.map((r) => ({ ...r, categories: [...r.categories], urgencies: [...r.urgencies] })) };
}
