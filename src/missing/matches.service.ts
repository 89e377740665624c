import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { can, covers, requirePermission, type Actor } from '../access/policy';
import { HttpError, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { openCase } from '../cases/cases.service';
import type { IntakeInput } from '../cases/cases.model';
import { csvLine } from '../linkage/csv';
import { PERSON_COLUMNS, type PersonRecord } from '../linkage/record';
import { referenceOf } from './domain/vocabulary';
import { getRecordSystem, getRecordsSystem, placeOfRecord, setRecordSystem, type RecordRow } from './missing.repository';
import {
  countMatches, decidedMatches, getMatch, getRestoration, insertRestoration, listMatches, listRestorations, matchConditions, updateMatch,
  updateRestoration, type MatchRow, type RestorationRow,
} from './matches.repository';
import { personRecordsOf, supersedeProposals } from './matching.service';
import { viewOf } from './missing.views';
import type { MatchDecisionInput, MatchListQuery } from './missing.model';
import { missingRecord, missingRestoration } from './missing.schema';

/**
 * The review queue: match candidates side by side with the engine's per-field explanation,
 * the reviewer's decision (kept, and exported as labelled pairs for re-fitting the model),
 * and restoration after a confirmed match.
 *
 * Seeing across districts: a match is listed for the districts of both sides. While it is
 * proposed or confirmed each district sees the other's record in full (the reviewer needs it);
 * once rejected or superseded, the other district's record shrinks to its reference and district.
 */
const LIVE = new Set(['proposed', 'confirmed']);

async function sideView(db: Db, actor: Actor, r: RecordRow | undefined, match: MatchRow) {
  if (!r) return null;
  const mine = covers(actor.scope, placeOfRecord(r));
  if (mine || LIVE.has(match.status)) return viewOf(db, actor, r, mine ? 'own' : 'via_match');
  const v = await viewOf(db, actor, r, 'via_match');
  return { id: v.id, reference: v.reference, kind: v.kind, status: v.status, stateCode: v.stateCode, districtCode: v.districtCode, stateName: v.stateName, districtName: v.districtName, redacted: true as const };
}

function matchSummary(m: MatchRow) {
  return {
    id: m.id, status: m.status, probability: m.probability, weight: m.weight, fields: m.fields, explanation: m.explanation, modelVersion: m.modelVersion,
    proposedAt: m.proposedAt, updatedAt: m.updatedAt, decidedAt: m.decidedAt, decidedBy: m.decidedBy, note: m.note, version: m.version,
  };
}

async function matchViews(db: Db, actor: Actor, rows: MatchRow[]) {
  const recs = new Map((await getRecordsSystem(db, [...new Set(rows.flatMap((m) => [m.missingId, m.foundId]))])).map((r) => [r.id, r]));
  const out = [];
  for (const m of rows) {
    out.push({ ...matchSummary(m), missing: await sideView(db, actor, recs.get(m.missingId), m), found: await sideView(db, actor, recs.get(m.foundId), m) });
  }
  return out;
}

export async function listMatchesFor(ctx: AppContext, actor: Actor, query: MatchListQuery) {
  requirePermission(actor, 'missing.read');
  const where = matchConditions(actor, { status: query.status, minProbability: query.minProbability, recordId: query.recordId });
  const [rows, total] = await Promise.all([listMatches(ctx.db, where, query.pageSize, (query.page - 1) * query.pageSize), countMatches(ctx.db, where)]);
  const items = await matchViews(ctx.db, actor, rows);
  await audit(ctx.db, actor, 'list', 'missing_match', null, null, { ids: rows.map((r) => r.id), records: rows.flatMap((r) => [r.missingId, r.foundId]), total });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The matches of one record the actor may see (for the record page). */
export async function matchesOfRecord(ctx: AppContext, actor: Actor, r: RecordRow) {
  const rows = await listMatches(ctx.db, matchConditions(actor, { recordId: r.id }), 50, 0);
  return (await matchViews(ctx.db, actor, rows)).map((m) => ({ ...m, other: r.kind === 'missing' ? m.found : m.missing, missing: undefined, found: undefined }));
}

/** The pair as the engine compares it (left = missing report, right = found child). */
async function comparison(db: Db, m: MatchRow, missing: RecordRow, found: RecordRow): Promise<{ left: PersonRecord; right: PersonRecord }> {
  if (m.decidedLeft && m.decidedRight) return { left: m.decidedLeft, right: m.decidedRight };
  const [left] = await personRecordsOf(db, missing as never);
  const [right] = await personRecordsOf(db, found as never);
  return { left, right };
}

export async function readMatch(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'missing.read');
  const m = await getMatch(ctx.db, actor, id);
  if (!m) throw notFound('Match');
  const [view] = await matchViews(ctx.db, actor, [m]);
  const [missing, found] = await Promise.all([getRecordSystem(ctx.db, m.missingId), getRecordSystem(ctx.db, m.foundId)]);
  const restoration = m.status === 'confirmed' ? await restorationOfMatch(ctx.db, m.id) : null;
  await audit(ctx.db, actor, 'read', 'missing_match', id, null, { records: [m.missingId, m.foundId], status: m.status });
  const showPair = LIVE.has(m.status) || (covers(actor.scope, placeOfRecord(missing!)) && covers(actor.scope, placeOfRecord(found!)));
  return { ...view, comparison: showPair ? await comparison(ctx.db, m, missing!, found!) : null, restoration };
}

async function restorationOfMatch(db: Db, matchId: string) {
  const [row] = await db.select().from(missingRestoration).where(eq(missingRestoration.matchId, matchId));
  return row ? restorationView(row) : null;
}

// ---------------------------------------------------------------- decisions

export async function decideMatch(ctx: AppContext, actor: Actor, id: string, input: MatchDecisionInput) {
  requirePermission(actor, 'missing.review');
  const now = ctx.now();
  const result = await ctx.db.transaction(async (tx) => {
    const m = await getMatch(tx, actor, id, true);
    if (!m) throw notFound('Match');
    if (input.version !== undefined && input.version !== m.version) throw conflict(`Someone else changed this match (now version ${m.version})`);
    if (m.status !== 'proposed') throw new HttpError(409, 'already_decided', `This match is already ${m.status}`);
    // Lock both records in a fixed order (missing, then found) so two decisions cannot deadlock.
    const missing = (await getRecordSystem(tx, m.missingId, true))!;
    const found = (await getRecordSystem(tx, m.foundId, true))!;
    const pair = await comparison(tx, m, missing, found);
    const decided = { decidedBy: actor.userId, decidedAt: now, note: input.note || null, decidedLeft: pair.left, decidedRight: pair.right };
    if (input.decision === 'reject') {
      const row = await updateMatch(tx, id, { ...decided, status: 'rejected' });
      await audit(tx, actor, 'match.reject', 'missing_match', id, null, { missingId: m.missingId, foundId: m.foundId, probability: m.probability });
      return { match: row, restoration: null as RestorationRow | null, missing, found };
    }
    for (const r of [missing, found]) {
      if (r.status !== 'open') throw new HttpError(409, 'record_not_open', `${referenceOf(r.kind, r.number)} is ${r.status}: it cannot be matched again`);
    }
    const row = await updateMatch(tx, id, { ...decided, status: 'confirmed' });
    for (const r of [missing, found]) {
      await tx.update(missingRecord).set({ status: 'matched', version: sql`${missingRecord.version} + 1`, updatedAt: now }).where(eq(missingRecord.id, r.id));
      await audit(tx, actor, 'update', 'missing_record', r.id, placeOfRecord(r), { status: 'matched', matchId: id });
    }
    await supersedeProposals(tx, [missing.id, found.id], id);
    const restoration = await insertRestoration(tx, {
      matchId: id, missingId: missing.id, foundId: found.id, stateCode: missing.stateCode, districtCode: missing.districtCode,
      foundStateCode: found.stateCode, foundDistrictCode: found.districtCode, childId: missing.childId, status: 'awaiting_case', createdBy: actor.userId,
      createdAt: now, updatedAt: now,
    });
    await audit(tx, actor, 'match.confirm', 'missing_match', id, placeOfRecord(missing), { missingId: m.missingId, foundId: m.foundId, probability: m.probability, restorationId: restoration.id });
    return { match: row, restoration, missing, found };
  });
  let restoration = result.restoration ? restorationView(result.restoration) : null;
  if (result.restoration) restoration = await tryOpenCase(ctx, actor, result.restoration, result.missing, result.found);
  const [view] = await matchViews(ctx.db, actor, [result.match]);
  return { ...view, restoration };
}

// ---------------------------------------------------------------- restoration

export function restorationView(r: RestorationRow) {
  return {
    id: r.id, matchId: r.matchId, missingId: r.missingId, foundId: r.foundId, status: r.status, caseId: r.caseId, childId: r.childId,
    stateCode: r.stateCode, districtCode: r.districtCode, foundStateCode: r.foundStateCode, foundDistrictCode: r.foundDistrictCode,
    note: r.note, createdAt: r.createdAt, updatedAt: r.updatedAt, version: r.version,
  };
}

const INTAKE_SOURCE: Record<string, IntakeInput['source']> = {
  police: 'police', railway_police: 'police', helpline: 'helpline', cwc: 'cwc_direct', cci: 'ngo', ngo: 'ngo',
};

/**
 * Opens the restoration case through the case module: for the child's registry record when the
 * report is linked to one the actor sees, else for a new registry child made from the report
 * when the actor works in the child's home district. Otherwise the restoration waits for the
 * home district (POST /missing/restorations/:id/open-case). A found child is a child in need of
 * care and protection, produced before the CWC within 24 hours (JJ Act 2015 s.31), and
 * restoration is ordered by the CWC (s.37, Form 44).
 */
async function tryOpenCase(ctx: AppContext, actor: Actor, rest: RestorationRow, missing: RecordRow, found: RecordRow, childIdOverride?: string) {
  const why = (note: string) => updateRestoration(ctx.db, rest.id, { note }).then(restorationView);
  if (!can(actor, 'cases.write') || !actor.organisationId) return why('Waiting for the home district to open the restoration case (your role does not open cases).');
  const childId = childIdOverride ?? rest.childId;
  const home = placeOfRecord(missing);
  if (!childId && !(can(actor, 'registry.write') && covers(actor.scope, home))) {
    return why("Waiting for the child's home district to open the restoration case.");
  }
  const now = ctx.now();
  const age = missing.ageYears == null ? null : Number(missing.ageYears) + (missing.eventDate ? (now.getTime() - Date.parse(missing.eventDate)) / (365.25 * 86_400_000) : 0);
  const input: IntakeInput = {
    ...(childId
      ? { childId }
      : {
          child: {
            locationId: missing.villageId ?? `di:${missing.districtCode}`,
            name: (missing.name || missing.nameLocal)!,
            nameLocal: missing.name ? missing.nameLocal : null,
            otherNames: missing.aliases,
            sex: missing.sex as 'female',
            ageYears: age == null ? null : Math.max(0, Math.min(25, Math.round(age))),
            dob: null,
            careStatus: 'missing',
          },
        }),
    source: INTAKE_SOURCE[found.source] ?? 'walk_in',
    reporter: { name: actor.displayName, role: 'Missing and found children: match reviewer' },
    reportedOn: found.eventDate && found.eventDate <= now.toISOString().slice(0, 10) ? found.eventDate : now.toISOString().slice(0, 10),
    concerns: [`Found child ${referenceOf('found', found.number)} confirmed as missing child ${referenceOf('missing', missing.number)}: restoration to family`],
    risk: 'high',
    productionRequired: true,
    clientId: `missing-restoration:${rest.id}`,
  } as IntakeInput;
  try {
    const c = await openCase(ctx, actor, input);
    const caseChildId = (c as { child?: { id: string } }).child?.id ?? childId ?? null;
    if (caseChildId && !missing.childId) await setRecordSystem(ctx.db, missing.id, { childId: caseChildId });
    const row = await updateRestoration(ctx.db, rest.id, { status: 'case_opened', caseId: c.id, childId: caseChildId, note: null });
    await audit(ctx.db, actor, 'restoration.case', 'missing_restoration', rest.id, home, { caseId: c.id, childId: caseChildId }, { children: [caseChildId] });
    return restorationView(row);
  } catch (err) {
    if (err instanceof HttpError && err.status < 500) return why(`The case could not be opened: ${err.message}`);
    throw err;
  }
}

export async function listRestorationsFor(ctx: AppContext, actor: Actor, query: { status?: RestorationRow['status']; page: number; pageSize: number }) {
  requirePermission(actor, 'missing.read');
  const [rows, total] = await listRestorations(ctx.db, actor, query.status, query.pageSize, (query.page - 1) * query.pageSize);
  const recs = new Map((await getRecordsSystem(ctx.db, [...new Set(rows.flatMap((r) => [r.missingId, r.foundId]))])).map((r) => [r.id, r]));
  await audit(ctx.db, actor, 'list', 'missing_restoration', null, null, { ids: rows.map((r) => r.id), total });
  const items = rows.map((r) => {
    const m = recs.get(r.missingId)!, f = recs.get(r.foundId)!;
    return {
      ...restorationView(r),
      missingReference: referenceOf('missing', m.number), foundReference: referenceOf('found', f.number),
      name: m.name, nameLocal: m.nameLocal, sex: m.sex, currentCare: f.currentCare, currentPlace: f.currentPlace,
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function openRestorationCase(ctx: AppContext, actor: Actor, id: string, childId?: string) {
  requirePermission(actor, 'missing.review');
  const rest = await getRestoration(ctx.db, actor, id);
  if (!rest) throw notFound('Restoration');
  if (rest.status !== 'awaiting_case') throw new HttpError(409, 'case_already_opened', `This restoration is ${rest.status}`);
  const [missing, found] = await Promise.all([getRecordSystem(ctx.db, rest.missingId), getRecordSystem(ctx.db, rest.foundId)]);
  const out = await tryOpenCase(ctx, actor, rest, missing!, found!, childId);
  if (out.status !== 'case_opened') throw new HttpError(409, 'case_not_opened', out.note ?? 'The case could not be opened', undefined, { restoration: out });
  return out;
}

export async function updateRestorationStatus(ctx: AppContext, actor: Actor, id: string, input: { status: 'restored' | 'closed'; note?: string | null; version?: number }) {
  requirePermission(actor, 'missing.review');
  return ctx.db.transaction(async (tx) => {
    const rest = await getRestoration(tx, actor, id, true);
    if (!rest) throw notFound('Restoration');
    if (!covers(actor.scope, { stateCode: rest.stateCode, districtCode: rest.districtCode })) {
      throw new HttpError(403, 'outside_jurisdiction', "Only the child's home district records the restoration's outcome");
    }
    if (input.version !== undefined && input.version !== rest.version) throw conflict(`Someone else changed this restoration (now version ${rest.version})`);
    if (rest.status === 'restored' || rest.status === 'closed') throw new HttpError(409, 'restoration_closed', `This restoration is already ${rest.status}`);
    const row = await updateRestoration(tx, id, { status: input.status, note: input.note ?? rest.note });
    await audit(tx, actor, 'update', 'missing_restoration', id, { stateCode: rest.stateCode, districtCode: rest.districtCode }, { status: input.status });
    return restorationView(row);
  });
}

// ---------------------------------------------------------------- labelled pairs

export const LABELLED_COLUMNS = [
  ...PERSON_COLUMNS.map((c) => `left_${c}`),
  ...PERSON_COLUMNS.map((c) => `right_${c}`),
  'label', 'match_probability', 'match_weight', 'model_version', 'decided_on', 'match_id',
];

/**
 * Every decided pair the actor's districts took part in, as the person records the reviewer
 * saw (left = missing report, right = found child, §4 columns) with label 1 (same child) or
 * 0 (not the same child): the data to re-fit the model's m-probabilities and calibration.
 */
export async function exportLabelledPairs(ctx: AppContext, actor: Actor) {
  requirePermission(actor, 'missing.review');
  const rows = await decidedMatches(ctx.db, actor, 1_000_000);
  let body = csvLine(LABELLED_COLUMNS);
  const cell = (p: PersonRecord | null, c: (typeof PERSON_COLUMNS)[number]) => (p ? (c === 'age' ? p.age : p[c]) : '');
  for (const m of rows) {
    body += csvLine([
      ...PERSON_COLUMNS.map((c) => cell(m.decidedLeft, c)),
      ...PERSON_COLUMNS.map((c) => cell(m.decidedRight, c)),
      m.status === 'confirmed' ? 1 : 0, Math.round(m.probability * 1e6) / 1e6, Math.round(m.weight * 1e3) / 1e3, m.modelVersion,
      m.decidedAt ? new Date(m.decidedAt).toISOString().slice(0, 10) : '', m.id,
    ]);
  }
  await audit(ctx.db, actor, 'export', 'missing_match', null, null, { ids: rows.map((r) => r.id), total: rows.length, format: 'labelled-pairs-csv' });
  return { body, filename: `labelled-pairs-${ctx.now().toISOString().slice(0, 10)}.csv`, count: rows.length };
}
