import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { requirePermission, type Actor } from '../access/policy';
import { crossDistrict, matchDecisionRights } from '../access/missing';
import { HttpError, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { csvLine } from '../linkage/csv';
import { PERSON_COLUMNS, type PersonRecord } from '../linkage/record';
import { istToday } from '../kernel/clock';
import { getRecordSystem, getRecordsSeen, placeOfRecord, type RecordRow, type SeenRecord } from './missing.repository';
import {
  countMatches,
  decidedMatches,
  getMatch,
  getMatchSeen,
  insertRestoration,
  listMatches,
  matchConditions,
  updateMatch,
  type MatchRow,
  type RestorationRow,
} from './matches.repository';
import { personRecordsOf, supersedeProposals } from './matching.service';
import { viewOf } from './missing.views';
import type { MatchDecisionInput, MatchListQuery } from './missing.model';
import { missingRecord, missingRestoration } from './missing.schema';
import { restorationView, tryOpenCase } from './restorations.service';

/**
 * The review queue: match candidates side by side with the engine's per-field explanation,
 * the reviewers' decision (kept, and exported as labelled pairs for re-fitting the model),
 * and the start of restoration after a confirmed match.
 *
 * Seeing across districts (src/access/missing.ts, applied in the query): a match is listed for
 * the districts of both sides; the other district's record comes at the view the match allows
 * (compared fields until its own district agrees, in full after, a bare reference once the
 * match is rejected or superseded). Every view of another district's record is audited
 * against the viewer. Confirming across districts takes both sides (or the report district's CWC).
 */

/** One side of a match as the reader sees it. */
async function sideView(db: Db, r: SeenRecord | undefined) {
  if (!r) return null;
  if (r.view !== 'reference') return viewOf(db, r);
  const v = await viewOf(db, r);
  return {
    id: v.id,
    reference: v.reference,
    kind: v.kind,
    status: v.status,
    stateCode: v.stateCode,
    districtCode: v.districtCode,
    stateName: v.stateName,
    districtName: v.districtName,
    redacted: true as const,
  };
}

/** Who agreed to the match, and which side it still waits for. */
function agreementOf(m: MatchRow) {
  const side = (at: Date | null, by: string | null) => (at ? { at, by } : null);
  const cross = crossDistrict({
    missing: { stateCode: m.missingStateCode, districtCode: m.missingDistrictCode },
    found: { stateCode: m.foundStateCode, districtCode: m.foundDistrictCode },
  });
  const missing = side(m.missingAgreedAt, m.missingAgreedBy);
  const found = side(m.foundAgreedAt, m.foundAgreedBy);
  const waitingFor =
    m.status !== 'proposed' || !cross ? [] : [...(missing ? [] : ['missing' as const]), ...(found ? [] : ['found' as const])];
  return { crossDistrict: cross, missing, found, waitingFor, confirmedAs: m.confirmedAs };
}

function matchSummary(m: MatchRow) {
  return {
    id: m.id,
    status: m.status,
    probability: m.probability,
    weight: m.weight,
    fields: m.fields,
    explanation: m.explanation,
    modelVersion: m.modelVersion,
    proposedAt: m.proposedAt,
    updatedAt: m.updatedAt,
    decidedAt: m.decidedAt,
    decidedBy: m.decidedBy,
    note: m.note,
    version: m.version,
    agreement: agreementOf(m),
  };
}

/**
 * Audits each record of another district the reader was shown (compared or full view; a bare
 * reference discloses nothing about the child) against the viewer, at the record's place.
 */
async function auditCrossDistrict(db: Db, actor: Actor, seen: Iterable<SeenRecord>, context: Record<string, unknown>) {
  for (const r of seen) {
    if (r.view !== 'full' && r.view !== 'compared') continue;
    await audit(
      db,
      actor,
      'read',
      'missing_record',
      r.id,
      { stateCode: r.stateCode, districtCode: r.districtCode },
      { via: 'match', view: r.view, ...context },
    );
  }
}

async function matchViews(db: Db, actor: Actor, rows: MatchRow[]) {
  const seen = new Map(
    (await getRecordsSeen(db, actor, [...new Set(rows.flatMap((m) => [m.missingId, m.foundId]))])).map((r) => [r.id, r]),
  );
  const out = [];
  for (const m of rows) {
    out.push({ ...matchSummary(m), missing: await sideView(db, seen.get(m.missingId)), found: await sideView(db, seen.get(m.foundId)) });
  }
  return { items: out, seen };
}

export async function listMatchesFor(ctx: AppContext, actor: Actor, query: MatchListQuery) {
  requirePermission(actor, 'missing.read');
  const where = matchConditions(actor, { status: query.status, minProbability: query.minProbability, recordId: query.recordId });
  const [rows, total] = await Promise.all([
    listMatches(ctx.db, actor, where, query.pageSize, (query.page - 1) * query.pageSize),
    countMatches(ctx.db, where),
  ]);
  const { items, seen } = await matchViews(ctx.db, actor, rows);
  await audit(ctx.db, actor, 'list', 'missing_match', null, null, {
    ids: rows.map((r) => r.id),
    records: rows.flatMap((r) => [r.missingId, r.foundId]),
    total,
  });
  await auditCrossDistrict(ctx.db, actor, seen.values(), { list: 'missing_match' });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The matches of one record the actor may see (for the record page). */
export async function matchesOfRecord(ctx: AppContext, actor: Actor, r: Pick<RecordRow, 'id' | 'kind'>) {
  const rows = await listMatches(ctx.db, actor, matchConditions(actor, { recordId: r.id }), 50, 0);
  const { items, seen } = await matchViews(ctx.db, actor, rows);
  seen.delete(r.id); // the record itself is audited by its own read
  await auditCrossDistrict(ctx.db, actor, seen.values(), { matchesOf: r.id });
  return items.map((m) => ({ ...m, other: r.kind === 'missing' ? m.found : m.missing, missing: undefined, found: undefined }));
}

const comparable = (r: SeenRecord | undefined): r is SeenRecord => !!r && r.view !== 'reference';

/**
 * The pair as the engine compares it (left = missing report, right = found child): the compared
 * fields of both records, which every reader of a live match may see; after a rejection only a
 * reader who sees both sides in full gets it (the stored pair as the reviewer saw it).
 */
async function comparison(
  db: Db,
  m: MatchRow,
  missing: SeenRecord | undefined,
  found: SeenRecord | undefined,
): Promise<{ left: PersonRecord; right: PersonRecord } | null> {
  if (!comparable(missing) || !comparable(found)) return null;
  if (m.decidedLeft && m.decidedRight) return { left: m.decidedLeft, right: m.decidedRight };
  const [left] = await personRecordsOf(db, missing as never);
  const [right] = await personRecordsOf(db, found as never);
  return { left, right };
}

export async function readMatch(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'missing.read');
  const m = await getMatchSeen(ctx.db, actor, id);
  if (!m) throw notFound('Match');
  const {
    items: [view],
    seen,
  } = await matchViews(ctx.db, actor, [m]);
  const restoration = m.status === 'confirmed' ? await restorationOfMatch(ctx.db, m.id) : null;
  await audit(ctx.db, actor, 'read', 'missing_match', id, null, { records: [m.missingId, m.foundId], status: m.status });
  await auditCrossDistrict(ctx.db, actor, seen.values(), { matchId: id });
  return { ...view, comparison: await comparison(ctx.db, m, seen.get(m.missingId), seen.get(m.foundId)), restoration };
}

async function restorationOfMatch(db: Db, matchId: string) {
  const [row] = await db.select().from(missingRestoration).where(eq(missingRestoration.matchId, matchId));
  return row ? restorationView(row) : null;
}

// ---------------------------------------------------------------- decisions

type Decided = { match: MatchRow; restoration: RestorationRow | null; missing: RecordRow; found: RecordRow };
type Agreement = { missingAgreedBy: string; missingAgreedAt: Date; foundAgreedBy: string; foundAgreedAt: Date };

/**
 * A reviewer's decision on a proposed match. Rejecting: either side alone. Confirming
 * (src/access/missing.ts `matchDecisionRights`): a reviewer whose jurisdiction covers both
 * records, or the CWC of the report's district (JJ Act 2015 s.37(1)(b): the CWC orders the
 * restoration), confirms at once; across districts any other reviewer's confirmation is their
 * side's agreement, which also discloses their side's record in full to the other district, and
 * the match is confirmed when the second side agrees.
 */
export async function decideMatch(ctx: AppContext, actor: Actor, id: string, input: MatchDecisionInput) {
  requirePermission(actor, 'missing.review');
  const now = ctx.now();
  const result = await ctx.db.transaction(async (tx): Promise<Decided> => {
    const m = await getMatch(tx, actor, id, true);
    if (!m) throw notFound('Match');
    if (input.version !== undefined && input.version !== m.version)
      throw conflict(`Someone else changed this match (now version ${m.version})`);
    if (m.status !== 'proposed') throw new HttpError(409, 'already_decided', `This match is already ${m.status}`);
    // Lock both records in a fixed order (missing, then found) so two decisions cannot deadlock.
    const missing = (await getRecordSystem(tx, m.missingId, true))!;
    const found = (await getRecordSystem(tx, m.foundId, true))!;
    const rights = matchDecisionRights(actor, { missing: placeOfRecord(missing), found: placeOfRecord(found) });
    const pair = async () => {
      const [left] = await personRecordsOf(tx, missing as never);
      const [right] = await personRecordsOf(tx, found as never);
      return { left, right };
    };
    if (input.decision === 'reject') {
      const p = await pair();
      const row = await updateMatch(
        tx,
        id,
        {
          decidedBy: actor.userId,
          decidedAt: now,
          note: input.note || null,
          decidedLeft: p.left,
          decidedRight: p.right,
          status: 'rejected',
        },
        now,
      );
      await audit(tx, actor, 'match.reject', 'missing_match', id, null, {
        missingId: m.missingId,
        foundId: m.foundId,
        probability: m.probability,
      });
      return { match: row, restoration: null, missing, found };
    }
    for (const r of [missing, found]) {
      if (r.status !== 'open') throw new HttpError(409, 'record_not_open', `${r.reference} is ${r.status}: it cannot be matched again`);
    }
    const agreed: Partial<Agreement> = {};
    if (rights.missingSide && !m.missingAgreedAt) Object.assign(agreed, { missingAgreedBy: actor.userId, missingAgreedAt: now });
    if (rights.foundSide && !m.foundAgreedAt) Object.assign(agreed, { foundAgreedBy: actor.userId, foundAgreedAt: now });
    const missingAgreed = !!(m.missingAgreedAt || agreed.missingAgreedAt);
    const foundAgreed = !!(m.foundAgreedAt || agreed.foundAgreedAt);
    if (!rights.confirmsAlone && !(missingAgreed && foundAgreed)) {
      if (!Object.keys(agreed).length) {
        throw new HttpError(
          409,
          'already_agreed',
          'Your district has already agreed to this match; it waits for the other district (or the CWC of the child’s home district)',
        );
      }
      const row = await updateMatch(tx, id, { ...agreed, note: input.note || m.note }, now);
      await audit(tx, actor, 'match.agree', 'missing_match', id, null, {
        missingId: m.missingId,
        foundId: m.foundId,
        side: agreed.missingAgreedAt ? 'missing' : 'found',
      });
      return { match: row, restoration: null, missing, found };
    }
    const confirmedAs = rights.missingSide && rights.foundSide ? 'one_district' : missingAgreed && foundAgreed ? 'both_sides' : 'cwc';
    const p = await pair();
    const row = await updateMatch(
      tx,
      id,
      {
        ...agreed,
        decidedBy: actor.userId,
        decidedAt: now,
        note: input.note || m.note,
        decidedLeft: p.left,
        decidedRight: p.right,
        status: 'confirmed',
        confirmedAs,
      },
      now,
    );
    await closeMatchedRecords(tx, actor, [missing, found], now, { matchId: id });
    const restoration = await insertRestoration(tx, {
      matchId: id,
      missingId: missing.id,
      foundId: found.id,
      stateCode: missing.stateCode,
      districtCode: missing.districtCode,
      foundStateCode: found.stateCode,
      foundDistrictCode: found.districtCode,
      childId: missing.childId,
      status: 'awaiting_case',
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await audit(tx, actor, 'match.confirm', 'missing_match', id, placeOfRecord(missing), {
      missingId: m.missingId,
      foundId: m.foundId,
      probability: m.probability,
      restorationId: restoration.id,
      confirmedAs,
    });
    return { match: row, restoration, missing, found };
  });
  let restoration = result.restoration ? restorationView(result.restoration) : null;
  if (result.restoration) restoration = await tryOpenCase(ctx, actor, result.restoration, result.missing, result.found);
  const {
    items: [view],
    seen,
  } = await matchViews(ctx.db, actor, [result.match]);
  await auditCrossDistrict(ctx.db, actor, seen.values(), { matchId: id });
  return { ...view, restoration };
}

/**
 * A confirmed match closes its records, wherever it was confirmed: each is `matched` (not matched
 * again; on a federated state it leaves the nation's index), audited at its place, and the other
 * proposals naming it are superseded. A match confirmed here closes both of its records
 * (`decideMatch`); a national proposal confirmed by both states closes each state's own record, in
 * that state's database (src/federation/proposals/closing.ts). The caller holds the records' locks.
 */
export async function closeMatchedRecords(
  tx: Db,
  actor: Actor | null,
  records: RecordRow[],
  now: Date,
  match: { matchId: string } | { nationalMatchId: string },
) {
  for (const r of records) {
    await tx
      .update(missingRecord)
      .set({ status: 'matched', version: sql`${missingRecord.version} + 1`, updatedAt: now })
      .where(eq(missingRecord.id, r.id));
    await audit(tx, actor, 'update', 'missing_record', r.id, placeOfRecord(r), { status: 'matched', ...match });
  }
  await supersedeProposals(
    tx,
    records.map((r) => r.id),
    'matchId' in match ? match.matchId : null,
    now,
  );
}

// ---------------------------------------------------------------- labelled pairs

export const LABELLED_COLUMNS = [
  ...PERSON_COLUMNS.map((c) => `left_${c}`),
  ...PERSON_COLUMNS.map((c) => `right_${c}`),
  'label',
  'match_probability',
  'match_weight',
  'model_version',
  'decided_on',
  'match_id',
];

/**
 * Every decided pair the actor's districts took part in, as the person records the reviewer
 * saw (left = missing report, right = found child, §4 columns) with label 1 (same child) or
 * 0 (not the same child): the data to re-fit the model's m-probabilities and calibration.
 * Another district's side of a rejected pair is left blank (the rule is in the query).
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
      m.status === 'confirmed' ? 1 : 0,
      Math.round(m.probability * 1e6) / 1e6,
      Math.round(m.weight * 1e3) / 1e3,
      m.modelVersion,
      m.decidedAt ? istToday(new Date(m.decidedAt)) : '',
      m.id,
    ]);
  }
  await audit(ctx.db, actor, 'export', 'missing_match', null, null, {
    ids: rows.map((r) => r.id),
    total: rows.length,
    format: 'labelled-pairs-csv',
  });
  return { body, filename: `labelled-pairs-${istToday(ctx.now())}.csv`, count: rows.length };
}
