import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { can, requirePermission, type Actor, type Placement } from '../access/policy';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { child } from '../registry/registry.schema';
import { visibleChild } from '../registry/children.repository';
import { createChild } from '../registry/children.service';
import { ageOn } from '../registry/age';
import { getLocation } from '../locations/locations.repository';
import {
  deriveCase, deriveFacts, levelAbove, levelBelow, validateAction,
  type CaseAction, type CaseFacts, type CaseState, type Level, type ValidationFailure,
} from './domain';
import { caseTimelineConfig } from './timelines.config';
import {
  actionByClientId, caseConditions, caseOpenedWithClientId, caseHistory, countCases, directory, findOrganisation, findUser, getCase, insertAction,
  insertCase, listCases, listReferralsToUnit, lockCase, placeOf, saveProjection, unitOfKind,
  type CaseListRow, type CaseRow,
} from './cases.repository';
import { attachmentsOf } from './attachments.repository';
import type { ActionInput, CaseListQuery, IntakeInput } from './cases.model';
import type { CaseAccess } from './cases.access';

// ---------------------------------------------------------------- errors

/** Refusals that are about the input itself (400); the rest are about the case's state (409). */
const INPUT_REFUSALS = new Set([
  'INVALID_ACTION', 'IN_FUTURE', 'DATE_BEFORE_INTAKE', 'DATE_BEFORE_ACTION', 'DATE_AFTER_ACTION', 'CARE_OPTION_REASON_REQUIRED',
  'DUPLICATE_DOMAIN', 'NOTE_REQUIRED', 'SAME_DISTRICT', 'DUPLICATE_REFERRAL', 'UNKNOWN_REFERRAL', 'NO_CHANGE',
]);

/** The domain's refusal as an HTTP error: its stable code in `reason`, its words in `message`. */
export function refusalError(f: ValidationFailure): HttpError {
  const issues = f.field ? [{ field: f.field, message: f.message }] : undefined;
  return INPUT_REFUSALS.has(f.code)
    ? new HttpError(400, 'validation_failed', f.field ? `${f.field}: ${f.message}` : f.message, issues, { reason: f.code })
    : new HttpError(409, 'invalid_transition', f.message, issues, { reason: f.code });
}

function requireUnit(actor: Actor): string {
  if (!actor.organisationId) {
    throw new HttpError(403, 'no_unit', 'Your account belongs to no organisation; case actions are recorded on behalf of a unit');
  }
  return actor.organisationId;
}

// ---------------------------------------------------------------- intake

const LEVEL_OF_SCOPE: Record<Actor['scope']['level'], Level> = {
  village: 'village', block: 'block', subdistrict: 'block', district: 'district', state: 'state', national: 'state',
};

/** Opens a case (intake) for a registered child, or for a new child created in the same transaction. */
export async function openCase(ctx: AppContext, actor: Actor, input: IntakeInput) {
  requirePermission(actor, 'cases.write');
  const unit = requireUnit(actor);
  const now = ctx.now();
  const config = caseTimelineConfig();
  return ctx.db.transaction(async (tx) => {
    if (input.clientId) {
      const existing = await caseOpenedWithClientId(tx, actor.userId, input.clientId);
      const seen = existing ? await getCase(tx, actor, existing) : null;
      if (seen) return caseDetail(tx, actor, seen, seen.access, now);
    }
    let childId = input.childId;
    if (input.child) childId = (await createChild({ ...ctx, db: tx }, actor, input.child)).id;
    const [c] = await tx
      .select({ id: child.id, familyId: child.familyId, stateCode: child.stateCode, districtCode: child.districtCode, subdistrictCode: child.subdistrictCode, blockCode: child.blockCode, villageId: child.villageId })
      .from(child)
      .where(and(eq(child.id, childId!), visibleChild(actor)));
    if (!c) throw badRequest('childId', 'no such child in your jurisdiction');
    const village = c.villageId ? await getLocation(tx, c.villageId) : null;
    const action = {
      type: 'intake' as const,
      ...(input.clientId ? { id: input.clientId } : {}),
      at: now.toISOString(),
      by: actor.userId,
      unit,
      source: input.source,
      reporter: input.reporter,
      reportedOn: input.reportedOn,
      childId: c.id,
      ...(c.familyId ? { familyId: c.familyId } : {}),
      concerns: input.concerns,
      risk: input.risk,
      level: input.level ?? LEVEL_OF_SCOPE[actor.scope.level],
      location: {
        stateCode: String(c.stateCode),
        districtCode: String(c.districtCode),
        ...(c.blockCode ? { blockCode: String(c.blockCode) } : {}),
        ...(village?.lgdCode ? { villageCode: String(village.lgdCode) } : {}),
      },
      productionRequired: input.productionRequired,
    };
    const result = validateAction([], action, config, now);
    if (!result.ok) throw refusalError(result);
    const state = deriveCase([result.action], config, now);
    const place = placeOf(c);
    const row = await insertCase(tx, {
      childId: c.id, familyId: c.familyId, ...place, status: state.status, phase: state.phase, level: state.level, risk: state.risk,
      source: input.source, reportedOn: input.reportedOn, ownerUserId: actor.userId, ownerUnitId: unit,
      openedAt: now, lastActionAt: now, version: 0, createdBy: actor.userId,
    });
    await insertAction(tx, row.id, 1, result.action, place);
    await saveProjection(tx, row.id, 0, state, place);
    await audit(tx, actor, 'case.intake', 'case', row.id, place, { seq: 1, childId: c.id, source: input.source, newChild: !!input.child }, { children: [c.id], families: [c.familyId] });
    const created = await getCase(tx, actor, row.id);
    return caseDetail(tx, actor, created!, 'full', now);
  });
}

// ---------------------------------------------------------------- actions

const REFERRAL_ANSWERS = new Set(['referral_accepted', 'referral_declined', 'referral_done']);
const CWC_ONLY = new Set(['cwc_order', 'sir_ordered']);

/**
 * Records one action on a case. Under a row lock on the case, the action is validated by
 * the domain against the latest history (so two concurrent actions are recorded in order,
 * or the second is refused with the domain's reason: never silently lost), appended, and
 * the projections recomputed, all in one transaction.
 */
export async function recordAction(ctx: AppContext, actor: Actor, caseId: string, input: ActionInput) {
  const unit = requireUnit(actor);
  const config = caseTimelineConfig();
  const { version, clientId, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, caseId);
    // The clock is read once the lock is held, so actions are stamped in the order they are recorded.
    const now = ctx.now();
    const seen = row ? await getCase(tx, actor, caseId) : null;
    if (!row || !seen) throw notFound('Case');
    const access = seen.access;
    const actions = (await caseHistory(tx, caseId)).map((h) => h.payload as unknown as CaseAction);
    const facts = deriveFacts(actions);
    checkMayRecord(actor, access, fields, facts, unit);
    if (clientId && (await actionByClientId(tx, caseId, clientId))) {
      // A retried request: already recorded once, answer with the case as it stands.
      return caseDetail(tx, actor, seen, access, now);
    }
    if (version !== undefined && version !== row.version) {
      throw conflict(`The case changed since you saw it (now version ${row.version}, you saw version ${version})`, { version: row.version });
    }
    const { action: completed, missing } = await completeAction(tx, row, facts, fields, actor, now);
    const action = { ...completed, ...(clientId ? { id: clientId } : {}), at: now.toISOString(), by: actor.userId, unit };
    // The domain speaks first (e.g. "already at the lowest level"), then what the server could not fill in.
    const result = validateAction(actions, action, config, now);
    if (!result.ok) throw refusalError(result);
    if (missing.length) throw badRequest(missing[0], 'no unit is known for this; name one');
    const state = deriveCase([...actions, result.action], config, now);
    const place = placementAfter(row, state);
    await insertAction(tx, caseId, row.version + 1, result.action, place);
    const saved = await saveProjection(tx, caseId, row.version, state, place);
    if (!saved) throw conflict('The case changed while your action was being recorded; try again');
    await audit(tx, actor, `case.${result.action.type}`, 'case', caseId, place, {
      seq: row.version + 1, type: result.action.type, ...('referralId' in result.action ? { referralId: result.action.referralId } : {}),
    }, { children: [row.childId], families: [row.familyId] });
    const after = await getCase(tx, actor, caseId);
    // After a transfer is accepted elsewhere, the sender may no longer see the case.
    if (!after) return { view: 'none' as const, id: caseId, version: saved.version };
    return caseDetail(tx, actor, after, after.access, now);
  });
}

function checkMayRecord(actor: Actor, access: CaseAccess, fields: { type: string } & Record<string, unknown>, facts: CaseFacts, unit: string) {
  if (REFERRAL_ANSWERS.has(fields.type)) {
    const ref = facts.referrals.find((r) => r.referralId === fields.referralId);
    const toMe = !!ref && ref.to.orgId === unit;
    // The referred-to organisation answers its own referrals; the case team may record the answer on its behalf.
    if (toMe && (can(actor, 'cases.write') || can(actor, 'cases.referral'))) return;
    if (access === 'full') return requirePermission(actor, 'cases.write');
    throw notFound('Referral');
  }
  if (access !== 'full') throw new HttpError(403, 'forbidden', 'You can see only the referrals to your organisation on this case');
  if (CWC_ONLY.has(fields.type)) requirePermission(actor, 'cases.cwc');
  else requirePermission(actor, 'cases.write');
}

/** Where the case sits after the action: a transfer moves it to the receiving district. */
function placementAfter(row: CaseRow, s: CaseState): Placement {
  const st = Number(s.location.stateCode);
  const di = Number(s.location.districtCode);
  if (st === row.stateCode && di === row.districtCode) return placeOf(row);
  return { stateCode: st, districtCode: di, subdistrictCode: null, blockCode: null, villageId: null };
}

/** The unit that receives a case at a level: a block committee, the DCPU, the state society. */
async function receivingUnit(db: Db, level: Level, row: CaseRow): Promise<string | null> {
  if (level === 'district') return (await unitOfKind(db, ['DCPU'], row.stateCode, row.districtCode))?.id ?? null;
  if (level === 'block') {
    return (await unitOfKind(db, ['TCPC', 'BCPC'], row.stateCode, row.districtCode))?.id
      ?? (await unitOfKind(db, ['DCPU'], row.stateCode, row.districtCode))?.id ?? null;
  }
  if (level === 'state') {
    return (await unitOfKind(db, ['SCPS'], row.stateCode, null))?.id ?? (await unitOfKind(db, ['DWCD'], row.stateCode, null))?.id ?? null;
  }
  return (await unitOfKind(db, ['VCPC'], row.stateCode, row.districtCode))?.id ?? null;
}

/** Fills what the server can look up, and checks that people and units referred to exist. */
async function completeAction(db: Db, row: CaseRow, s: CaseFacts, f: Record<string, unknown> & { type: string }, actor: Actor, now: Date) {
  const a: Record<string, unknown> = { ...f };
  const missing: string[] = [];
  const unitMust = async (field: string, id: unknown) => {
    if (id === MISSING) return;
    if (typeof id !== 'string' || !(await findOrganisation(db, id))) throw badRequest(field, 'no such organisation');
  };
  const userMust = async (field: string, id: unknown) => {
    const u = typeof id === 'string' ? await findUser(db, id) : null;
    if (!u || !u.active) throw badRequest(field, 'no such active user');
    return u;
  };
  // A unit the server cannot find: a placeholder the domain can validate around; refused after.
  const required = (field: string, id: string | null) => {
    if (id) return id;
    missing.push(field);
    return MISSING;
  };
  switch (a.type) {
    case 'produced_before_cwc':
      a.producedAt ??= now.toISOString();
      a.cwcUnit ??= required('cwcUnit', s.cwc.cwcUnit ?? (await unitOfKind(db, ['CWC'], row.stateCode, row.districtCode))?.id ?? null);
      await unitMust('cwcUnit', a.cwcUnit);
      break;
    case 'sir_ordered':
      a.investigator ??= { unit: s.owner.unit, ...(s.owner.user ? { user: s.owner.user } : {}) };
      await unitMust('investigator.unit', (a.investigator as { unit: string }).unit);
      break;
    case 'cwc_order':
      a.cwcUnit ??= required('cwcUnit', actor.organisationKind === 'CWC' ? actor.organisationId : s.cwc.cwcUnit ?? (await unitOfKind(db, ['CWC'], row.stateCode, row.districtCode))?.id ?? null);
      await unitMust('cwcUnit', a.cwcUnit);
      break;
    case 'referral': {
      const to = a.to as { orgId: string; kind?: string };
      const org = await findOrganisation(db, to.orgId);
      if (!org) throw badRequest('to.orgId', 'no such organisation');
      a.to = { orgId: org.id, kind: to.kind ?? (org.kind === 'NGO' ? 'ngo' : 'department') };
      a.referralId ??= `R${s.referrals.length + 1}-${Math.random().toString(36).slice(2, 6)}`;
      break;
    }
    case 'escalation': {
      a.fromLevel ??= s.level;
      // At the top there is nowhere to go: let the domain say so (ALREADY_AT_TOP).
      a.toLevel ??= levelAbove(s.level) ?? s.level;
      a.toUnit ??= required('toUnit', await receivingUnit(db, a.toLevel as Level, row));
      await unitMust('toUnit', a.toUnit);
      if (a.toUser) await userMust('toUser', a.toUser);
      break;
    }
    case 'returned_down': {
      // Back to whoever escalated it to this level, unless told otherwise.
      const esc = [...s.escalations].reverse().find((e) => e.toLevel === s.level);
      a.toLevel ??= esc?.fromLevel ?? levelBelow(s.level) ?? s.level;
      if (!a.toUnit) {
        a.toUnit = esc && esc.fromLevel === a.toLevel ? esc.by.unit : await receivingUnit(db, a.toLevel as Level, row);
        if (esc && esc.fromLevel === a.toLevel && !a.toUser && esc.by.user) a.toUser = esc.by.user;
      }
      a.toUnit = required('toUnit', a.toUnit as string | null);
      await unitMust('toUnit', a.toUnit);
      if (a.toUser) await userMust('toUser', a.toUser);
      break;
    }
    case 'transfer_requested': {
      const district = await getLocation(db, `di:${a.toDistrictCode}`);
      if (!district || district.level !== 'district') throw badRequest('toDistrictCode', 'no such district');
      a.toStateCode ??= String(district.stateCode);
      a.toUnit ??= required('toUnit', (await unitOfKind(db, ['DCPU'], district.stateCode, Number(a.toDistrictCode)))?.id ?? null);
      await unitMust('toUnit', a.toUnit);
      break;
    }
    case 'owner_changed': {
      const u = await userMust('toUser', a.toUser);
      a.toUnit ??= u.organisationId ?? s.owner.unit;
      await unitMust('toUnit', a.toUnit);
      break;
    }
  }
  return { action: a, missing };
}

const MISSING = '(none)';

// ---------------------------------------------------------------- reads

/** The case as the actor may see it: the whole record, or only the referrals to its organisation. */
async function caseDetail(db: Db, actor: Actor, row: CaseListRow & { access: CaseAccess }, access: CaseAccess, now: Date) {
  const history = await caseHistory(db, row.id);
  const actions = history.map((h) => h.payload as unknown as CaseAction);
  const state = deriveCase(actions, caseTimelineConfig(), now);
  const childView = { id: row.childId, name: row.childName, nameLocal: row.childNameLocal, sex: row.childSex, age: ageOn(row.childDob, now) };
  if (access === 'referral') {
    const mine = state.referrals.filter((r) => r.to.orgId === actor.organisationId);
    const refs = new Set(mine.map((r) => r.referralId));
    return {
      view: 'referral' as const,
      id: row.id,
      number: row.number,
      version: row.version,
      child: childView,
      referrals: mine.map((r) => ({
        referralId: r.referralId, need: r.need, domain: r.domain, status: r.status, referredAt: r.referredAt, dueDate: r.dueDate,
        acceptedAt: r.acceptedAt, declinedAt: r.declinedAt, declineReason: r.declineReason, doneAt: r.doneAt, outcome: r.outcome,
      })),
      due: state.due.filter((d) => d.ref && refs.has(d.ref)),
    };
  }
  const userIds = [...history.map((h) => h.actorUserId ?? ''), state.owner.user ?? '', ...state.escalations.map((e) => e.toUser ?? '')];
  const unitIds = [
    ...history.map((h) => h.actorUnitId ?? ''), state.owner.unit, ...state.referrals.map((r) => r.to.orgId), ...state.escalations.map((e) => e.toUnit),
    ...state.returns.map((r) => r.toUnit), ...state.transfer.history.map((t) => t.toUnit), ...state.due.map((d) => d.assignedTo.unit),
    ...(state.cwc.cwcUnit ? [state.cwc.cwcUnit] : []),
  ];
  const [names, attachments] = await Promise.all([directory(db, userIds, unitIds), attachmentsOf(db, row.id)]);
  return {
    view: 'full' as const,
    id: row.id,
    number: row.number,
    version: row.version,
    child: { ...childView, dob: row.childDob },
    familyId: row.familyId,
    place: { stateCode: row.stateCode, districtCode: row.districtCode, subdistrictCode: row.subdistrictCode, blockCode: row.blockCode, villageId: row.villageId },
    flags: row.flags,
    state,
    history: history.map((h) => ({
      seq: h.seq, type: h.type, at: h.at, recordedAt: h.recordedAt, by: h.actorUserId, unit: h.actorUnitId, action: h.payload,
    })),
    attachments,
    directory: names,
  };
}

export async function readCase(ctx: AppContext, actor: Actor, id: string) {
  if (!can(actor, 'cases.read') && !can(actor, 'cases.referral')) {
    throw new HttpError(403, 'forbidden', `Your role (${actor.role}) may not see cases`);
  }
  const row = await getCase(ctx.db, actor, id);
  if (!row) throw notFound('Case');
  await audit(ctx.db, actor, 'read', 'case', id, placeOf(row), { view: row.access }, { children: [row.childId], families: [row.familyId] });
  return caseDetail(ctx.db, actor, row, row.access, ctx.now());
}

export async function listCasesFor(ctx: AppContext, actor: Actor, query: CaseListQuery) {
  requirePermission(actor, 'cases.read');
  const now = ctx.now();
  const { page, pageSize, ...filter } = query;
  const where = caseConditions(actor, filter, now);
  const [items, total] = await Promise.all([listCases(ctx.db, where, pageSize, (page - 1) * pageSize), countCases(ctx.db, where)]);
  await audit(ctx.db, actor, 'list', 'case', null, null, { ids: items.map((i) => i.id), total }, { children: items.map((i) => i.childId) });
  return {
    items: items.map(({ childDob, ...i }) => ({ ...i, childAge: ageOn(childDob, now), overdue: !!i.nextDueAt && i.nextDueAt < now })),
    total,
    page,
    pageSize,
  };
}

export async function listReferralsFor(ctx: AppContext, actor: Actor, query: { status?: string; page: number; pageSize: number }) {
  requirePermission(actor, 'cases.read', 'cases.referral');
  const { items: rows, total } = await listReferralsToUnit(ctx.db, actor, { status: query.status }, query.pageSize, (query.page - 1) * query.pageSize);
  await audit(ctx.db, actor, 'list', 'case_referral', null, null, { ids: [...new Set(rows.map((i) => i.caseId))], total }, { children: rows.map((i) => i.childId) });
  const items = rows.map(({ childId: _c, ...i }) => i);
  return { items, total, page: query.page, pageSize: query.pageSize };
}
