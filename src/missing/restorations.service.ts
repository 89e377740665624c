import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { can, covers, requirePermission, type Actor } from '../access/policy';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { openCase } from '../cases/cases.service';
import { cwcOrdersOnCase } from '../cases/orders';
import type { IntakeInput } from '../cases/cases.model';
import { publish } from '../events/events';
import { istToday } from '../kernel/clock';
import { getRecordSystem, getRecordsSeen, placeOfRecord, setRecordSystem, type RecordRow } from './missing.repository';
import { getRestoration, listRestorations, updateRestoration, type RestorationRow } from './matches.repository';
import { missingRecord } from './missing.schema';
import type { RestorationUpdateInput } from './missing.model';

/**
 * Restoration after a confirmed match: the restoration case in the case module, then the
 * outcome. A found child is a child in need of care and protection, produced before the CWC
 * within 24 hours (JJ Act 2015 s.31), and restored to the family only on the CWC's order
 * (s.37(1)(b), s.40; JJ Model Rules 2016 Form 44, release-cum-restoration order).
 */

export function restorationView(r: RestorationRow) {
  return {
    id: r.id,
    matchId: r.matchId,
    nationalMatchId: r.nationalMatchId,
    missingId: r.missingId,
    foundId: r.foundId,
    status: r.status,
    caseId: r.caseId,
    childId: r.childId,
    stateCode: r.stateCode,
    districtCode: r.districtCode,
    foundStateCode: r.foundStateCode,
    foundDistrictCode: r.foundDistrictCode,
    note: r.note,
    cwcOrder: r.cwcOrderSource ? { ref: r.cwcOrderRef, on: r.cwcOrderOn, source: r.cwcOrderSource } : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

export type RestorationView = ReturnType<typeof restorationView>;

const INTAKE_SOURCE: Record<string, IntakeInput['source']> = {
  police: 'police',
  railway_police: 'police',
  helpline: 'helpline',
  cwc: 'cwc_direct',
  cci: 'ngo',
  ngo: 'ngo',
};

/**
 * Why a restoration case was not opened: a code and a fixed sentence. The case module's own
 * refusal text is never passed on (it may name fields and values of another module's checks).
 */
export const CASE_NOT_OPENED = {
  no_case_rights: 'Waiting for the home district to open the restoration case (your role does not open cases).',
  home_district: "Waiting for the child's home district to open the restoration case.",
  no_registry_rights:
    "Waiting for an official of the child's home district who may add the child to the registry to open the restoration case.",
  child_not_found: 'The registry child given is not in your jurisdiction.',
  case_refused: 'The restoration case could not be opened; the home district can open it from the restorations list.',
} as const;
export type CaseNotOpened = keyof typeof CASE_NOT_OPENED;

/**
 * Opens the restoration case through the case module, for an official of the child's home
 * district: for the child's registry record when the report is linked to one, else for a new
 * registry child made from the report when the official has registry rights. Otherwise the
 * restoration waits for the home district (POST /missing/restorations/:id/open-case), with a
 * reason code and a fixed note.
 *
 * After a national (cross-state) match the restoration is the found child's district's
 * (`nationalMatchId`; src/federation/proposals/closing.ts): the child is there, is produced
 * before that district's CWC (JJ Act 2015 s.31) and is restored or transferred to the home
 * state on its order (s.37(1)(b), s.95); the report may be in another state's database. So the
 * restoration's own place decides who opens it, and the child is made from the found record.
 */
export async function tryOpenCase(
  ctx: AppContext,
  actor: Actor,
  rest: RestorationRow,
  missing: RecordRow | null,
  found: RecordRow,
  childIdOverride?: string,
): Promise<RestorationView & { notOpened?: CaseNotOpened }> {
  const why = (reason: CaseNotOpened) =>
    updateRestoration(ctx.db, rest.id, { note: CASE_NOT_OPENED[reason] }, ctx.now()).then((r) => ({
      ...restorationView(r),
      notOpened: reason,
    }));
  if (!can(actor, 'cases.write') || !actor.organisationId) return why('no_case_rights');
  const national = !!rest.nationalMatchId;
  const subject = national || !missing ? found : missing;
  const childId = childIdOverride ?? rest.childId;
  const home = national ? { stateCode: rest.stateCode, districtCode: rest.districtCode } : placeOfRecord(subject);
  // The case is the home district's: the finding district never opens it (nor reads the home registry).
  if (!covers(actor.scope, home)) return why('home_district');
  if (!childId && !can(actor, 'registry.write')) return why('no_registry_rights');
  const now = ctx.now();
  const today = istToday(now);
  const age =
    subject.ageYears == null
      ? null
      : Number(subject.ageYears) + (subject.eventDate ? (now.getTime() - Date.parse(subject.eventDate)) / (365.25 * 86_400_000) : 0);
  const input: IntakeInput = {
    ...(childId
      ? { childId }
      : {
          child: {
            locationId: subject.villageId ?? `di:${subject.districtCode}`,
            name: (subject.name || subject.nameLocal || found.reference)!,
            nameLocal: subject.name ? subject.nameLocal : null,
            otherNames: subject.aliases,
            sex: subject.sex as 'female',
            ageYears: age == null ? null : Math.max(0, Math.min(25, Math.round(age))),
            dob: null,
            careStatus: 'missing',
          },
        }),
    source: INTAKE_SOURCE[found.source] ?? 'walk_in',
    reporter: { name: actor.displayName, role: 'Missing and found children: match reviewer' },
    reportedOn: found.eventDate && found.eventDate <= today ? found.eventDate : today,
    concerns: [
      national
        ? `Found child ${found.reference} confirmed by both states as a child reported missing in another state (national match ${rest.nationalMatchId!.slice(0, 8).toUpperCase()}): restoration or transfer to the home state (JJ Act 2015 s.95)`
        : `Found child ${found.reference} confirmed as missing child ${missing!.reference}: restoration to family`,
    ],
    risk: 'high',
    productionRequired: true,
    clientId: `missing-restoration:${rest.id}`,
  } as IntakeInput;
  let c: Awaited<ReturnType<typeof openCase>>;
  try {
    c = await openCase(ctx, actor, input);
  } catch (err) {
    if (!(err instanceof HttpError) || err.status >= 500) throw err;
    return why(err.issues?.some((i) => i.field === 'childId') ? 'child_not_found' : 'case_refused');
  }
  const caseChildId = (c as { child?: { id: string } }).child?.id ?? childId ?? null;
  if (caseChildId && !subject.childId) await setRecordSystem(ctx.db, subject.id, { childId: caseChildId });
  const row = await updateRestoration(ctx.db, rest.id, { status: 'case_opened', caseId: c.id, childId: caseChildId, note: null }, now);
  await audit(ctx.db, actor, 'restoration.case', 'missing_restoration', rest.id, home, { caseId: c.id, childId: caseChildId });
  return restorationView(row);
}

export async function listRestorationsFor(
  ctx: AppContext,
  actor: Actor,
  query: { status?: RestorationRow['status']; page: number; pageSize: number },
) {
  requirePermission(actor, 'missing.read');
  const [rows, total] = await listRestorations(ctx.db, actor, query.status, query.pageSize, (query.page - 1) * query.pageSize);
  // The two records as the reader sees them (a restoration follows a confirmed match: in full, but no registry link from outside).
  const recs = new Map((await getRecordsSeen(ctx.db, actor, [...new Set(rows.flatMap((r) => recordIdsOf(r)))])).map((r) => [r.id, r]));
  await audit(ctx.db, actor, 'list', 'missing_restoration', null, null, {
    ids: rows.map((r) => r.id),
    records: rows.flatMap((r) => recordIdsOf(r)),
    total,
  });
  const items = rows.map((r) => {
    // After a national match the child's particulars are the found record's (the report may be another state's).
    const f = recs.get(r.foundId),
      m = r.missingId ? recs.get(r.missingId) : r.nationalMatchId ? f : undefined;
    return {
      ...restorationView(r),
      missingReference: r.missingId ? (m?.reference ?? null) : null,
      foundReference: f?.reference ?? null,
      name: m?.name ?? null,
      nameLocal: m?.nameLocal ?? null,
      sex: m?.sex ?? null,
      currentCare: f?.currentCare ?? null,
      currentPlace: f?.currentPlace ?? null,
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The records this database holds of a restoration (the report is absent when it is another state's). */
const recordIdsOf = (r: RestorationRow) => (r.missingId ? [r.missingId, r.foundId] : [r.foundId]);

const homeOnly = (what: string) => new HttpError(403, 'outside_jurisdiction', `Only the child's home district ${what}`);

export async function openRestorationCase(ctx: AppContext, actor: Actor, id: string, childId?: string) {
  requirePermission(actor, 'missing.review');
  const rest = await getRestoration(ctx.db, actor, id);
  if (!rest) throw notFound('Restoration');
  if (!covers(actor.scope, { stateCode: rest.stateCode, districtCode: rest.districtCode })) throw homeOnly('opens the restoration case');
  if (rest.status !== 'awaiting_case') throw new HttpError(409, 'case_already_opened', `This restoration is ${rest.status}`);
  const [missing, found] = await Promise.all([
    rest.missingId ? getRecordSystem(ctx.db, rest.missingId) : null,
    getRecordSystem(ctx.db, rest.foundId),
  ]);
  const out = await tryOpenCase(ctx, actor, rest, missing, found!, childId);
  if (out.notOpened) {
    if (out.notOpened === 'child_not_found') throw badRequest('childId', 'no such child in your jurisdiction');
    throw new HttpError(409, 'case_not_opened', CASE_NOT_OPENED[out.notOpened], undefined, { reason: out.notOpened, restoration: out });
  }
  return out;
}

/**
 * The CWC restoration order the outcome rests on: a reference given by a CWC member of the
 * home district, or the latest restoration order recorded on the restoration case. Without
 * one: 409 `cwc_order_required` naming `cwcOrderRef`.
 */
async function restorationOrder(db: Db, actor: Actor, rest: RestorationRow, input: RestorationUpdateInput, today: string) {
  if (input.cwcOrderRef) {
    if (!can(actor, 'cases.cwc')) {
      throw new HttpError(
        403,
        'cwc_only',
        "cwcOrderRef: only a member of the Child Welfare Committee gives an order's reference here; otherwise record the CWC's order on the child's case (Form 44)",
        [{ field: 'cwcOrderRef', message: 'only a CWC member may give a restoration order reference' }],
      );
    }
    return { cwcOrderRef: input.cwcOrderRef, cwcOrderOn: input.cwcOrderOn ?? today, cwcOrderSource: 'cwc_member' as const };
  }
  const orders = rest.caseId ? await cwcOrdersOnCase(db, actor, rest.caseId, 'restoration') : null;
  const last = orders?.at(-1);
  if (last) return { cwcOrderRef: last.orderRef, cwcOrderOn: last.orderedOn, cwcOrderSource: 'case' as const };
  throw new HttpError(
    409,
    'cwc_order_required',
    "A child is restored on the CWC's restoration order (JJ Act 2015 s.37(1)(b), s.40; Model Rules 2016 Form 44): record the order on the child's case, or a CWC member gives its reference here",
    [{ field: 'cwcOrderRef', message: 'a CWC restoration order is required' }],
  );
}

/**
 * The outcome, recorded by the home district: `restored` on the CWC's order (see
 * `restorationOrder`) closes the report and the found child's record and tells the registry the
 * child is no longer missing (the `missing.restored` domain event, handled by the registry);
 * `closed` ends a restoration that did not happen.
 */
export async function updateRestorationStatus(ctx: AppContext, actor: Actor, id: string, input: RestorationUpdateInput) {
  requirePermission(actor, 'missing.review');
  const now = ctx.now();
  const today = istToday(now);
  if (input.cwcOrderOn && input.cwcOrderOn > today) throw badRequest('cwcOrderOn', 'cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const rest = await getRestoration(tx, actor, id, true);
    if (!rest) throw notFound('Restoration');
    if (!covers(actor.scope, { stateCode: rest.stateCode, districtCode: rest.districtCode }))
      throw homeOnly("records the restoration's outcome");
    if (input.version !== undefined && input.version !== rest.version)
      throw conflict(`Someone else changed this restoration (now version ${rest.version})`);
    if (rest.status === 'restored' || rest.status === 'closed')
      throw new HttpError(409, 'restoration_closed', `This restoration is already ${rest.status}`);
    const place = { stateCode: rest.stateCode, districtCode: rest.districtCode };
    if (input.status === 'closed') {
      const row = await updateRestoration(tx, id, { status: 'closed', note: input.note ?? rest.note }, now);
      await audit(tx, actor, 'update', 'missing_restoration', id, place, { status: 'closed' });
      return { ...restorationView(row), registryNotified: false };
    }
    const order = await restorationOrder(tx, actor, rest, input, today);
    const row = await updateRestoration(tx, id, { status: 'restored', note: input.note ?? rest.note, ...order }, now);
    await audit(tx, actor, 'update', 'missing_restoration', id, place, { status: 'restored', cwcOrderSource: order.cwcOrderSource });
    // The child is home: the report and the found child's record are closed.
    for (const recordId of recordIdsOf(rest)) {
      const [closed] = await tx
        .update(missingRecord)
        .set({ status: 'closed', version: sql`${missingRecord.version} + 1`, updatedAt: now })
        .where(and(eq(missingRecord.id, recordId), eq(missingRecord.status, 'matched')))
        .returning();
      if (closed)
        await audit(tx, actor, 'update', 'missing_record', recordId, placeOfRecord(closed), { status: 'closed', restorationId: id });
    }
    const subject = await getRecordSystem(tx, rest.nationalMatchId ? rest.foundId : rest.missingId!);
    const childId = rest.childId ?? subject?.childId ?? null;
    // The registry learns it through a domain event in this transaction (src/events): its
    // handler sets the linked child's care status (src/registry/registry.events.ts).
    await publish(tx, {
      type: 'missing.restored',
      aggregateType: 'missing_restoration',
      aggregateId: id,
      payload: {
        restorationId: id,
        matchId: rest.matchId,
        nationalMatchId: rest.nationalMatchId,
        missingId: rest.missingId,
        foundId: rest.foundId,
        childId,
        caseId: rest.caseId,
        cwcOrderOn: order.cwcOrderOn ?? null,
      },
      actorUserId: actor.userId,
      stateCode: rest.stateCode,
      districtCode: rest.districtCode,
      at: now,
    });
    return { ...restorationView(row), registryNotified: !!childId };
  });
}
