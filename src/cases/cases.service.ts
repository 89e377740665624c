import { and, eq, type SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { can, requirePermission, type Actor, type Placement } from '../access/policy';
import { escortSideOf, escortSidesFor, type EscortSide } from '../access/escort-order';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { child } from '../registry/registry.schema';
import { caseRecord } from './cases.schema';
import { getChild, visibleChild } from '../registry/children.repository';
import { createChild } from '../registry/children.service';
import { mayRead, roleWithheld, shapeRow } from '../access/fields';
import { istToday } from '../kernel/clock';
import { getLocation } from '../locations/locations.repository';
import {
  deriveCase,
  deriveFacts,
  istDay,
  levelAbove,
  levelBelow,
  upToTwoYearsOn,
  validateAction,
  type CaseAction,
  type CaseFacts,
  type CaseState,
  type Level,
  type ValidationFailure,
} from './domain';
import { caseTimelineConfig } from './timelines.config';
import {
  actionByClientId,
  caseConditions,
  caseOpenedWithClientId,
  caseHistory,
  countCases,
  directory,
  findOrganisation,
  findUser,
  getCase,
  historyKeyOf,
  insertAction,
  insertCase,
  listCases,
  listReferralsToUnit,
  lockCaseWithAccess,
  placeOf,
  readCaseView,
  saveProjection,
  unitOfKind,
  type CaseHistoryRow,
  type CaseRow,
  type CaseView,
  type PermittedCaseRow,
} from './cases.repository';
import { attachmentsOf, moveAttachmentsWithCase } from './attachments.repository';
import { publishCaseEvents } from './case-events';
import type { ActionInput, CaseListQuery, IntakeInput } from './cases.model';
import type { CaseAccess } from './cases.access';
import {
  requireOwner,
  requireOwningUnit,
  requireReceivingSide,
  requireReceivingUnit,
  requireRequestingSide,
  transferTarget,
} from './custody';

// ---------------------------------------------------------------- errors

/** Refusals that are about the input itself (400); the rest are about the case's state (409). */
const INPUT_REFUSALS = new Set([
  'INVALID_ACTION',
  'IN_FUTURE',
  'DATE_BEFORE_INTAKE',
  'DATE_BEFORE_ACTION',
  'DATE_AFTER_ACTION',
  'CARE_OPTION_REASON_REQUIRED',
  'DUPLICATE_DOMAIN',
  'NOTE_REQUIRED',
  'SAME_DISTRICT',
  'DUPLICATE_REFERRAL',
  'UNKNOWN_REFERRAL',
  'NO_CHANGE',
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
  village: 'village',
  block: 'block',
  subdistrict: 'block',
  district: 'district',
  state: 'state',
  national: 'state',
};

/** Opens a case (intake) for a registered child, or for a new child created in the same transaction. */
export async function openCase(ctx: AppContext, actor: Actor, input: IntakeInput) {
  requirePermission(actor, 'cases.write');
  const unit = requireUnit(actor);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    if (input.clientId) {
      const existing = await caseOpenedWithClientId(tx, actor.userId, input.clientId);
      const seen = existing ? await getCase(tx, actor, existing) : null;
      if (seen) return caseDetail(tx, actor, seen.id, now);
    }
    const id = await intake({ ...ctx, db: tx }, actor, input, unit, actor.userId, false);
    return caseDetail(tx, actor, id, now);
  });
}

/**
 * A 1098 call handed over as a case (src/helpline): the operator opens it (permission
 * `cases.open`, which reads no case) on behalf of the responsible unit, which owns it with no
 * caseworker yet; the JJ Act 2015 s.31 production timeline starts from the intake as for any
 * case. Returns the case's id and number only. Idempotent on `clientId`.
 */
export async function openCaseFromCall(ctx: AppContext, actor: Actor, input: IntakeInput, ownerUnitId: string) {
  requirePermission(actor, 'cases.write', 'cases.open');
  return ctx.db.transaction(async (tx) => {
    const existing = input.clientId ? await caseOpenedWithClientId(tx, actor.userId, input.clientId) : null;
    const id = existing ?? (await intake({ ...ctx, db: tx }, actor, input, ownerUnitId, null, true));
    const [row] = await tx.select({ id: caseRecord.id, number: caseRecord.number }).from(caseRecord).where(eq(caseRecord.id, id));
    return { id: row.id, number: Number(row.number) };
  });
}

/** The intake itself, in the caller's transaction: the case row, its first action, projection and audit. */
async function intake(
  ctx: AppContext,
  actor: Actor,
  input: IntakeInput,
  unit: string,
  ownerUserId: string | null,
  fromCall: boolean,
): Promise<string> {
  const now = ctx.now();
  const config = caseTimelineConfig();
  const tx = ctx.db;
  let childId = input.childId;
  if (input.child) childId = (await createChild(ctx, actor, input.child, { fromCall })).id;
  const [c] = await tx
    .select({
      id: child.id,
      familyId: child.familyId,
      stateCode: child.stateCode,
      districtCode: child.districtCode,
      subdistrictCode: child.subdistrictCode,
      blockCode: child.blockCode,
      villageId: child.villageId,
    })
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
    childId: c.id,
    familyId: c.familyId,
    ...place,
    status: state.status,
    phase: state.phase,
    level: state.level,
    risk: state.risk,
    source: input.source,
    reportedOn: input.reportedOn,
    ownerUserId,
    ownerUnitId: unit,
    openedAt: now,
    lastActionAt: now,
    version: 0,
    createdBy: actor.userId,
  });
  await insertAction(tx, row.id, 1, result.action, place);
  await saveProjection(tx, row.id, 0, state, place);
  await audit(
    tx,
    actor,
    'case.intake',
    'case',
    row.id,
    place,
    { seq: 1, childId: c.id, source: input.source, newChild: !!input.child },
    { children: [c.id], families: [c.familyId] },
  );
  return row.id;
}

// ---------------------------------------------------------------- actions

const REFERRAL_ANSWERS = new Set(['referral_accepted', 'referral_declined', 'referral_done']);
// JJ Act 2015 s.94 (age determination) and s.95(2) (escort order) are the Committee's, like its orders.
const CWC_ONLY = new Set(['cwc_order', 'sir_ordered', 'age_test_ordered', 'age_determined', 'escort_ordered']);

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
    // The row lock and the actor's access to the case in one statement (issue #19).
    // With it, read from the same snapshot, the history, the stored projections and the retry
    // check, when that snapshot already holds every action of the locked row (else null: read again).
    const locked = await lockCaseWithAccess(tx, actor, caseId, clientId ?? null);
    // The clock is read once the lock is held, so actions are stamped in the order they are recorded.
    const now = ctx.now();
    if (!locked) throw notFound('Case');
    const { row, ahead } = locked;
    const seen = locked.access ? { access: locked.access } : null;
    const history = ahead?.history ?? (await caseHistory(tx, caseId, historyKeyOf(row)));
    const actions = history.map((h) => h.payload as unknown as CaseAction);
    const facts = deriveFacts(actions);
    // s.95(2): after a finalised transfer the sending district's Committee, which no longer sees
    // the case, may give the escort order too, as the escort policy says (src/access/escort-order.ts).
    const side = escortSide(actor, fields, facts);
    if (!seen && side?.side !== 'sending') throw notFound('Case');
    if (side && !side.side)
      throw new HttpError(403, 'escort_side_forbidden', 'The escort order policy does not let your district give this escort order', [
        { field: 'purpose', message: `allowed: ${side.allowed.join(', ')} district` },
      ]);
    const access = seen?.access ?? 'full';
    checkMayRecord(actor, access, fields, facts, unit);
    if (clientId && (ahead ? ahead.retried : await actionByClientId(tx, caseId, clientId, historyKeyOf(row)))) {
      // A retried request: already recorded once, answer with the case as it stands.
      return seen ? caseDetail(tx, actor, caseId, now) : { view: 'none' as const, id: caseId, version: row.version };
    }
    if (version !== undefined && version !== row.version) {
      throw conflict(`The case changed since you saw it (now version ${row.version}, you saw version ${version})`, {
        version: row.version,
      });
    }
    const { action: completed, missing } = await completeAction(tx, row, facts, fields, actor, now);
    const action = { ...completed, ...(clientId ? { id: clientId } : {}), at: now.toISOString(), by: actor.userId, unit };
    // The domain speaks first (e.g. "already at the lowest level"), then what the server could not fill in.
    const result = validateAction(actions, action, config, now);
    if (!result.ok) throw refusalError(result);
    if (missing.length) throw badRequest(missing[0], 'no unit is known for this; name one');
    checkTransferSide(actor, result.action, facts, placeOf(row));
    const state = deriveCase([...actions, result.action], config, now);
    const place = placementAfter(row, state);
    const recorded = await insertAction(tx, caseId, row.version + 1, result.action, place);
    const saved = await saveProjection(tx, caseId, row.version, state, place, ahead?.stored);
    if (!saved) throw conflict('The case changed while your action was being recorded; try again');
    await publishCaseEvents(tx, row, result.action, place, actor.userId, now);
    const attachmentsMoved = result.action.type === 'transfer_accepted' ? await moveAttachmentsWithCase(tx, caseId, place) : undefined;
    await audit(
      tx,
      actor,
      `case.${result.action.type}`,
      'case',
      caseId,
      place,
      {
        seq: row.version + 1,
        type: result.action.type,
        ...('referralId' in result.action ? { referralId: result.action.referralId } : {}),
        ...(attachmentsMoved !== undefined ? { attachmentsMoved } : {}),
      },
      { children: [row.childId], families: [row.familyId] },
    );
    // The answer from what the transaction already holds (the history read under the lock, the
    // action just recorded, the derived state); only the case's fields as the actor may now see
    // them are read again, with the access, in one statement (issue #19).
    const after = await readCaseView(tx, actor, caseId, istToday(now));
    // After a transfer is accepted elsewhere, the sender may no longer see the case.
    if (!after?.access) return { view: 'none' as const, id: caseId, version: saved.version };
    return detailOf(tx, actor, after, [...history, recorded], state);
  });
}

function checkMayRecord(
  actor: Actor,
  access: CaseAccess,
  fields: { type: string } & Record<string, unknown>,
  facts: CaseFacts,
  unit: string,
) {
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

/**
 * For an escort order of a finalised transfer: the side (sending or receiving district) the
 * escort policy lets the actor give it from (null: neither), and the sides it allows; undefined
 * for any other action.
 */
function escortSide(
  actor: Actor,
  f: { type: string } & Record<string, unknown>,
  facts: CaseFacts,
): { side: EscortSide | null; allowed: readonly EscortSide[] } | undefined {
  if (f.type !== 'escort_ordered' || f.purpose !== 'transfer' || !facts.cwc.escortOwedSince) return undefined;
  const t = facts.transfer.history.filter((h) => h.outcome === 'accepted').at(-1);
  if (!t) return undefined;
  return { side: escortSideOf(actor, t), allowed: escortSidesFor(t.fromStateCode) };
}

/** A pending transfer is decided by the receiving district and withdrawn by the requesting side (custody.ts). */
function checkTransferSide(actor: Actor, a: CaseAction, facts: CaseFacts, place: Placement) {
  const pending = facts.transfer.pending;
  if (!pending) return; // the domain has already refused a decision on no transfer
  if (a.type === 'transfer_accepted' || a.type === 'transfer_rejected') requireReceivingSide(actor, pending);
  if (a.type === 'transfer_cancelled') requireRequestingSide(actor, pending, facts, place);
}

/** Where the case sits after the action: a transfer moves it to the receiving district. */
function placementAfter(row: CaseRow, s: CaseState): Placement {
  const st = Number(s.location.stateCode);
  const di = Number(s.location.districtCode);
  if (st === row.stateCode && di === row.districtCode) return placeOf(row);
  return { stateCode: st, districtCode: di, subdistrictCode: null, blockCode: null, villageId: null };
}

/**
 * The unit that receives a case at a level: the village's VCPC, the block or taluka committee
 * (BCPC/TCPC), the DCPU, the State Child Protection Society (JJ Act 2015 s.106).
 */
async function receivingUnit(db: Db, level: Level, row: CaseRow): Promise<string | null> {
  const near = placeOf(row);
  if (level === 'district') return (await unitOfKind(db, ['DCPU'], row.stateCode, row.districtCode))?.id ?? null;
  if (level === 'block') {
    return (
      (await unitOfKind(db, ['TCPC', 'BCPC'], row.stateCode, row.districtCode, near))?.id ??
      (await unitOfKind(db, ['DCPU'], row.stateCode, row.districtCode))?.id ??
      null
    );
  }
  if (level === 'state') {
    return (await unitOfKind(db, ['SCPS'], row.stateCode, null))?.id ?? (await unitOfKind(db, ['DWCD'], row.stateCode, null))?.id ?? null;
  }
  return (await unitOfKind(db, ['VCPC'], row.stateCode, row.districtCode, near))?.id ?? null;
}

/** Fills what the server can look up, and checks that people and units referred to exist. */
async function completeAction(db: Db, row: CaseRow, s: CaseFacts, f: Record<string, unknown> & { type: string }, actor: Actor, now: Date) {
  const a: Record<string, unknown> = { ...f };
  const missing: string[] = [];
  const unitMust = async (field: string, id: unknown) => {
    if (id === MISSING) return;
    if (typeof id !== 'string' || !(await findOrganisation(db, id))) throw badRequest(field, 'no such organisation');
  };
  const here = placeOf(row);
  // Whoever is handed the case sees all of it: only people and units working where it is (custody.ts).
  const ownerMust = async (field: string, id: unknown, place = here) =>
    requireOwner(typeof id === 'string' ? await findUser(db, id) : null, place, field);
  const owningUnitMust = async (field: string, id: unknown) => {
    if (id === MISSING) return;
    requireOwningUnit(typeof id === 'string' ? await findOrganisation(db, id) : null, here, field);
  };
  // A unit the server cannot find: a placeholder the domain can validate around; refused after.
  const required = (field: string, id: string | null) => {
    if (id) return id;
    missing.push(field);
    return MISSING;
  };
  switch (a.type) {
    case 'produced_before_cwc': {
      a.producedAt ??= now.toISOString();
      a.cwcUnit ??= required('cwcUnit', s.cwc.cwcUnit ?? (await unitOfKind(db, ['CWC'], row.stateCode, row.districtCode))?.id ?? null);
      await unitMust('cwcUnit', a.cwcUnit);
      const inquiry = a.adoptionInquiry as { upToTwoYears?: boolean } | undefined;
      if (inquiry && inquiry.upToTwoYears === undefined) {
        // s.38(1) two or four months by the child's age: the age the CWC determined (s.94(3)),
        // else the registry's date of birth, read through the registry (never asked again).
        const dob = s.cwc.ageDetermination?.dateOfBirth ?? (await getChild(db, actor, row.childId, 'minimal'))?.dob ?? null;
        if (!dob)
          throw badRequest(
            'adoptionInquiry.upToTwoYears',
            "the child's date of birth is not recorded: say whether the child is up to two years old",
          );
        inquiry.upToTwoYears = upToTwoYearsOn(dob, istDay((a.producedAt as string) ?? now.toISOString()));
      }
      break;
    }
    case 'sir_ordered':
      a.investigator ??= { unit: s.owner.unit, ...(s.owner.user ? { user: s.owner.user } : {}) };
      await unitMust('investigator.unit', (a.investigator as { unit: string }).unit);
      break;
    case 'age_test_ordered':
    case 'age_determined':
    case 'escort_ordered':
    case 'cwc_order':
      a.cwcUnit ??= required(
        'cwcUnit',
        actor.organisationKind === 'CWC'
          ? actor.organisationId
          : (s.cwc.cwcUnit ?? (await unitOfKind(db, ['CWC'], row.stateCode, row.districtCode))?.id ?? null),
      );
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
      await owningUnitMust('toUnit', a.toUnit);
      if (a.toUser) await ownerMust('toUser', a.toUser);
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
      await owningUnitMust('toUnit', a.toUnit);
      if (a.toUser) await ownerMust('toUser', a.toUser);
      break;
    }
    case 'transfer_requested': {
      const district = await getLocation(db, `di:${a.toDistrictCode}`);
      if (!district || district.level !== 'district') throw badRequest('toDistrictCode', 'no such district');
      if (a.toStateCode !== undefined && Number(a.toStateCode) !== district.stateCode) {
        throw badRequest('toStateCode', `district ${a.toDistrictCode} is in state ${district.stateCode}`);
      }
      a.toStateCode = String(district.stateCode);
      const target = { stateCode: district.stateCode, districtCode: Number(a.toDistrictCode) };
      // JJ Act 2015 s.95: the case goes to the child's home district, to be taken on by a unit there.
      a.toUnit ??= required('toUnit', (await unitOfKind(db, ['DCPU'], target.stateCode, target.districtCode))?.id ?? null);
      if (a.toUnit !== MISSING)
        requireReceivingUnit(typeof a.toUnit === 'string' ? await findOrganisation(db, a.toUnit) : null, target, 'toUnit');
      break;
    }
    case 'transfer_accepted':
      // The one who takes the case on is of the receiving district: the acceptor (checked with the
      // decision, checkTransferSide) or the person named.
      if (a.toUser !== undefined && s.transfer.pending) await ownerMust('toUser', a.toUser, transferTarget(s.transfer.pending));
      break;
    case 'owner_changed': {
      const u = await ownerMust('toUser', a.toUser);
      a.toUnit ??= u.organisationId ?? s.owner.unit;
      await owningUnitMust('toUnit', a.toUnit);
      break;
    }
  }
  return { action: a, missing };
}

const MISSING = '(none)';

// ---------------------------------------------------------------- reads

/**
 * The child on a case as the actor may see it: the fields of the case's view that the
 * permitted-fields policy gives (src/access/fields.ts); under a CWC non-disclosure order the
 * name is initials and the rest absent (JJ Act 2015 s.74).
 */
function childOf(p: PermittedCaseRow) {
  const out: Record<string, unknown> = {};
  const names: [string, string][] = [
    ['childId', 'id'],
    ['childName', 'name'],
    ['childNameLocal', 'nameLocal'],
    ['childSex', 'sex'],
    ['childAge', 'age'],
    ['childDob', 'dob'],
  ];
  for (const [from, to] of names) if (from in p) out[to] = p[from];
  const withheld = (p.withheld as string[] | undefined)?.filter((f) => f.startsWith('child')).map((f) => f[5].toLowerCase() + f.slice(6));
  if (withheld?.length) out.withheld = withheld;
  if (p.initialsOnly) out.initialsOnly = true;
  return out as {
    id: string;
    name: string;
    sex: string;
    age: number | null;
    nameLocal?: string | null;
    dob?: string | null;
    withheld?: string[];
    initialsOnly?: true;
  };
}

/** The parts of a derived case state each policy field stands for. */
const STATE_PARTS: Record<string, (keyof CaseState)[]> = {
  concerns: ['concerns', 'needs'],
  cwc: ['cwc'],
  carePlan: ['carePlan'],
  referrals: ['referrals'],
};

/** The case as the actor may see it, read afresh: its fields (with the access), then its history in the states the case names. */
async function caseDetail(db: Db, actor: Actor, id: string, now: Date) {
  const v = await readCaseView(db, actor, id, istToday(now));
  if (!v?.access) throw notFound('Case');
  const history = await caseHistory(db, id, v.history);
  return detailOf(db, actor, v, history, deriveCase(historyActions(history), caseTimelineConfig(), now));
}

const historyActions = (history: CaseHistoryRow[]) => history.map((h) => h.payload as unknown as CaseAction);

/** The case as the actor may see it: the whole record, or only the referrals to its organisation. */
async function detailOf(db: Db, actor: Actor, v: CaseView, history: CaseHistoryRow[], state: CaseState) {
  const p = v.row;
  const access = v.view;
  if (!p || !access) throw notFound('Case');
  const shaped = shapeRow(p, access === 'full' ? 'case' : 'caseReferral');
  const row = { id: p.id };
  const child = childOf(shaped);
  if (access === 'referral') {
    const mine = state.referrals.filter((r) => r.to.orgId === actor.organisationId);
    const refs = new Set(mine.map((r) => r.referralId));
    return {
      view: 'referral' as const,
      id: p.id,
      number: p.number as number,
      version: p.version,
      child,
      referrals: mine.map((r) => ({
        referralId: r.referralId,
        need: r.need,
        domain: r.domain,
        status: r.status,
        referredAt: r.referredAt,
        dueDate: r.dueDate,
        acceptedAt: r.acceptedAt,
        declinedAt: r.declinedAt,
        declineReason: r.declineReason,
        doneAt: r.doneAt,
        outcome: r.outcome,
      })),
      due: state.due.filter((d) => d.ref && refs.has(d.ref)),
    };
  }
  const may = (part: string) => mayRead(actor, 'case', part);
  const userIds = [...history.map((h) => h.actorUserId ?? ''), state.owner.user ?? '', ...state.escalations.map((e) => e.toUser ?? '')];
  const unitIds = [
    ...history.map((h) => h.actorUnitId ?? ''),
    state.owner.unit,
    ...state.referrals.map((r) => r.to.orgId),
    ...state.escalations.map((e) => e.toUnit),
    ...state.returns.map((r) => r.toUnit),
    ...state.transfer.history.map((t) => t.toUnit),
    ...state.due.map((d) => d.assignedTo.unit),
    ...(state.cwc.cwcUnit ? [state.cwc.cwcUnit] : []),
  ];
  const [names, attachments] = await Promise.all([
    may('directory') ? directory(db, userIds, unitIds) : null,
    may('attachments') ? attachmentsOf(db, row.id) : null,
  ]);
  const visibleState: Partial<CaseState> = { ...state };
  for (const [part, keys] of Object.entries(STATE_PARTS)) if (!may(part)) for (const k of keys) delete visibleState[k];
  return {
    view: 'full' as const,
    id: p.id,
    number: p.number as number,
    version: p.version,
    child,
    familyId: p.familyId as string | null,
    place: {
      stateCode: p.stateCode as number,
      districtCode: p.districtCode as number,
      subdistrictCode: p.subdistrictCode as number | null,
      blockCode: p.blockCode as number | null,
      villageId: p.villageId as string | null,
    },
    flags: p.flags as string[],
    state: visibleState,
    ...(may('history')
      ? {
          history: history.map((h) => ({
            seq: h.seq,
            type: h.type,
            at: h.at,
            recordedAt: h.recordedAt,
            by: h.actorUserId,
            unit: h.actorUnitId,
            action: h.payload,
          })),
        }
      : {}),
    ...(attachments ? { attachments } : {}),
    ...(names ? { directory: names } : {}),
    ...(shaped.withheld || roleWithheld(actor, 'case').length
      ? { withheld: [...roleWithheld(actor, 'case'), ...(shaped.withheld ?? [])] }
      : {}),
  };
}

export async function readCase(ctx: AppContext, actor: Actor, id: string) {
  if (!can(actor, 'cases.read') && !can(actor, 'cases.referral')) {
    throw new HttpError(403, 'forbidden', `Your role (${actor.role}) may not see cases`);
  }
  // Issue #19: the case with the access decided in the same statement; then its history from the
  // states the case names (one case_action partition on a state-partitioned server for a case that
  // never moved state, rather than planning and probing every state's); then the audit entry and
  // the names and attachments, side by side.
  const now = ctx.now();
  const v = await readCaseView(ctx.db, actor, id, istToday(now));
  if (!v) throw notFound('Case');
  const { childId, familyId, ...place } = v.subject;
  if (!v.access || !v.view) {
    // A refused read of a child's case is audited as refused (as a refused sign-in is, auth.service.ts):
    // the child's access log shows who tried; the answer is the 404 of a case that is not there.
    await audit(
      ctx.db,
      actor,
      'read_refused',
      'case',
      id,
      place,
      { reason: v.access ? 'fields_refused' : 'no_access' },
      { children: [childId], families: [familyId] },
    );
    throw notFound('Case');
  }
  const history = await caseHistory(ctx.db, id, v.history);
  const state = deriveCase(historyActions(history), caseTimelineConfig(), now);
  const [, detail] = await Promise.all([
    audit(ctx.db, actor, 'read', 'case', id, place, { view: v.access }, { children: [childId], families: [familyId] }),
    detailOf(ctx.db, actor, v, history, state),
  ]);
  return detail;
}

export async function listCasesFor(ctx: AppContext, actor: Actor, query: CaseListQuery & { idsIn?: SQL }) {
  requirePermission(actor, 'cases.read');
  const now = ctx.now();
  const { page, pageSize, ...filter } = query;
  const where = caseConditions(actor, filter, now);
  const [items, total] = await Promise.all([
    listCases(ctx.db, actor, where, pageSize, (page - 1) * pageSize, istToday(now)),
    countCases(ctx.db, where),
  ]);
  await audit(
    ctx.db,
    actor,
    'list',
    'case',
    null,
    null,
    { ids: items.map((i) => i.id), total },
    { children: items.map((i) => i.subjectChildId as string) },
  );
  return {
    items: items.map(({ subjectChildId: _c, ...i }) => ({
      ...shapeRow(i, 'case'),
      overdue: i.nextDueAt instanceof Date && i.nextDueAt < now,
    })),
    total,
    page,
    pageSize,
  };
}

export async function listReferralsFor(ctx: AppContext, actor: Actor, query: { status?: string; page: number; pageSize: number }) {
  requirePermission(actor, 'cases.read', 'cases.referral');
  const { items: rows, total } = await listReferralsToUnit(
    ctx.db,
    actor,
    { status: query.status },
    query.pageSize,
    (query.page - 1) * query.pageSize,
    istToday(ctx.now()),
  );
  await audit(
    ctx.db,
    actor,
    'list',
    'case_referral',
    null,
    null,
    { ids: [...new Set(rows.map((i) => i.caseId))], total },
    { children: rows.map((i) => i.childId) },
  );
  return { items: rows.map(({ childId: _c, ...i }) => shapeRow(i, 'caseReferral')), total, page: query.page, pageSize: query.pageSize };
}
