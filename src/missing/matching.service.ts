import { activeMatchModel } from './model.service';
import { LINKAGE_LIMITS } from '../linkage/shipped-model';
import { and, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { audit } from '../audit/audit.service';
import { matchOne, type MatchCandidate } from '../linkage/link';
import type { Model } from '../linkage/model';
import type { PersonRecord } from '../linkage/record';
import { blockingKeysOf } from './blocking-keys';
import { recordIdOf, toPersonRecords, type LinkableRecord } from './domain/person';
import type { RecordKind } from './domain/vocabulary';
import { missingMatch } from './missing.schema';
import {
  candidateRows,
  getRecordSystem,
  keyCounts,
  pendingRecordIds,
  placeNames,
  placeOfRecord,
  setRecordKeys,
  setRecordSystem,
  staleKeyRecords,
  type CandidateRow,
  type RecordRow,
} from './missing.repository';

/**
 * Matching a new record against the open records of the other kind, with the linkage engine's
 * `matchOne` and a candidates provider that asks the database by blocking keys.
 *
 * It runs after the record's own transaction has committed (in the same request), and is
 * idempotent: match rows are upserted on (missing_id, found_id), a decided match is never
 * touched, and the record's `match_state` goes from 'pending' to 'done' in the same
 * transaction as its matches. What a crash leaves 'pending' is picked up by
 * `matchPendingRecords` (the pg-boss job in missing.jobs.ts, or `npx samanvay` sweep).
 */
export const MATCHING = {
  /**
   * Candidates below this probability are not stored. Measured on the generated benchmark
   * (300,000 found children, 150 reports): at 0.1, 87% of true matches are stored with 0.3
   * false proposals per report; at 0.2, 81% with 0.17. A missed child costs more than a look.
   */
  floor: 0.1,
  /** A blocking key shared by more open records than this is too common to block on. */
  maxRecordsPerKey: LINKAGE_LIMITS.maxRecordsPerKey,
  /**
   * Rows the candidate query may touch: keys are taken rarest first (the most telling
   * agreements) while their record counts add up to no more than this, so the query reads a
   * bounded number of rows however common the names (counts are known before fetching).
   */
  maxRowsFetched: 1500,
  /** Candidates scored per new record: those sharing the most blocking keys first (200 found no more true matches than 100). */
  maxCandidates: 100,
  /** Best candidates kept per record. */
  topK: 10,
  /**
   * The population sets the prior of a pair (model match rate / population). A new or small
   * database would make every weak candidate look likely, so it is never taken below this.
   */
  minPopulation: LINKAGE_LIMITS.minPopulation,
};

/** The model matching uses: the deployment's active refit (model.service.ts, issue #15) or the shipped one. */
export const matchingModel = (): Model => activeMatchModel();

export const sideOf = (kind: RecordKind) => (kind === 'missing' ? 'left' : 'right');
export const otherKind = (kind: RecordKind): RecordKind => (kind === 'missing' ? 'found' : 'missing');

/** A stored record's person records (one per name variant). */
export async function personRecordsOf(db: Db, r: LinkableRecord & { stateCode: number; districtCode: number }): Promise<PersonRecord[]> {
  return toPersonRecords(r, await placeNames(db, r.stateCode, r.districtCode));
}

/** The blocking keys a record is stored with (its own side's keys). */
export async function blockKeysFor(db: Db, r: LinkableRecord & { stateCode: number; districtCode: number }): Promise<string[]> {
  return blockingKeysOf(matchingModel(), await personRecordsOf(db, r), sideOf(r.kind));
}

/**
 * The keys to query: those no open record carries are dropped (nothing to find), those carried
 * by more than maxRecordsPerKey are skipped (too common to mean anything), and the rest are
 * taken rarest first while the rows they reach add up to no more than maxRowsFetched.
 */
export function chooseKeys(keys: string[], counts: Map<string, number>): { chosen: string[]; skipped: number } {
  const present = keys
    .map((k) => ({ k, n: counts.get(k) ?? 0 }))
    .filter((x) => x.n > 0)
    .sort((a, b) => a.n - b.n || (a.k < b.k ? -1 : 1));
  const chosen: string[] = [];
  let rows = 0;
  for (const x of present) {
    if (x.n > MATCHING.maxRecordsPerKey || (chosen.length > 0 && rows + x.n > MATCHING.maxRowsFetched)) continue;
    chosen.push(x.k);
    rows += x.n;
  }
  return { chosen, skipped: present.length - chosen.length };
}

export interface ScoredCandidate {
  id: string;
  row: CandidateRow;
  candidate: MatchCandidate;
}

/**
 * Scores one record against the database: blocking keys → candidate rows (common keys left
 * out, best-overlapping first) → matchOne per name variant → the best pair per candidate.
 */
export async function scoreAgainstDatabase(
  db: Db,
  r: RecordRow | (LinkableRecord & { stateCode: number; districtCode: number }),
  opts: { model?: Model } = {},
) {
  const model = opts.model ?? matchingModel();
  const t0 = performance.now();
  const kind = r.kind as RecordKind;
  const other = otherKind(kind);
  const variants = await personRecordsOf(db, r as LinkableRecord & { stateCode: number; districtCode: number });
  const keys = blockingKeysOf(model, variants, sideOf(kind));
  const counts = await keyCounts(db, other, keys);
  const { chosen, skipped } = chooseKeys(keys, counts);
  const rows = await candidateRows(db, other, chosen, MATCHING.maxCandidates, r.id);
  const t1 = performance.now();
  if (!rows.length)
    return {
      keys: keys.length,
      skippedKeys: skipped,
      candidates: 0,
      scored: [] as ScoredCandidate[],
      timing: { retrieveMs: t1 - t0, scoreMs: 0 },
    };
  const scored = await scoreCandidateRows(db, kind, variants, rows, counts.get('*') ?? 0, model);
  return {
    keys: keys.length,
    skippedKeys: skipped,
    candidates: rows.length,
    scored,
    timing: { retrieveMs: t1 - t0, scoreMs: performance.now() - t1 },
  };
}

/**
 * Scores a record's name variants against candidate rows of the other kind with `matchOne`; the
 * best pair per candidate, the best `topK` first. `population` is the number of open records of
 * the other kind (the prior; never taken below minPopulation). Shared with national matching
 * (src/federation/national-matching.ts), which fetches its candidates from the national index.
 */
export async function scoreCandidateRows(
  db: Db,
  kind: RecordKind,
  variants: PersonRecord[],
  rows: CandidateRow[],
  population: number,
  model: Model,
): Promise<ScoredCandidate[]> {
  const byId = new Map(rows.map((c) => [c.id, c]));
  const people: PersonRecord[] = [];
  for (const c of rows) people.push(...toPersonRecords(c as LinkableRecord, await placeNames(db, c.stateCode, c.districtCode)));
  const populationSize = Math.max(MATCHING.minPopulation, population);
  const best = new Map<string, MatchCandidate>();
  for (const v of variants) {
    const found = await matchOne(v, () => people, { model, recordIs: kind, populationSize, topK: MATCHING.topK * 3 });
    for (const m of found) {
      const otherId = recordIdOf(kind === 'missing' ? m.rightId : m.leftId);
      const cur = best.get(otherId);
      if (!cur || m.weight > cur.weight) {
        best.set(otherId, { ...m, leftId: recordIdOf(m.leftId), rightId: recordIdOf(m.rightId) });
      }
    }
  }
  return [...best.entries()]
    .map(([id, candidate]) => ({ id, row: byId.get(id)!, candidate }))
    .sort((a, b) => b.candidate.weight - a.candidate.weight)
    .slice(0, MATCHING.topK);
}

export interface MatchRun {
  recordId: string;
  status: 'matched' | 'not_open' | 'missing';
  candidates: number;
  proposed: number;
}

/** Matches one record (idempotent); writes its proposals and marks it done in one transaction. */
export async function matchRecord(ctx: Pick<AppContext, 'db' | 'now'>, recordId: string): Promise<MatchRun> {
  const r = await getRecordSystem(ctx.db, recordId);
  if (!r) return { recordId, status: 'missing', candidates: 0, proposed: 0 };
  if (r.status !== 'open') {
    if (r.matchState === 'pending') await setRecordSystem(ctx.db, recordId, { matchState: 'not_applicable' });
    return { recordId, status: 'not_open', candidates: 0, proposed: 0 };
  }
  const model = matchingModel();
  const result = await scoreAgainstDatabase(ctx.db, r, { model });
  const keep = result.scored.filter((s) => s.candidate.probability >= MATCHING.floor);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    // The record may have changed status since it was read (confirmed elsewhere, closed).
    const cur = await getRecordSystem(tx, recordId, true);
    if (!cur || cur.status !== 'open') return;
    const otherIds = keep.map((k) => k.id);
    const mine = r.kind === 'missing' ? missingMatch.missingId : missingMatch.foundId;
    const theirs = r.kind === 'missing' ? missingMatch.foundId : missingMatch.missingId;
    // Proposals no longer supported by the record as it is now are withdrawn (never a decided one).
    await tx
      .delete(missingMatch)
      .where(and(eq(mine, recordId), eq(missingMatch.status, 'proposed'), otherIds.length ? notInArray(theirs, otherIds) : undefined));
    for (const k of keep) {
      const [m, f] = r.kind === 'missing' ? [r, k.row] : [k.row, r];
      await tx
        .insert(missingMatch)
        .values({
          missingId: m.id,
          foundId: f.id,
          missingStateCode: m.stateCode,
          missingDistrictCode: m.districtCode,
          foundStateCode: f.stateCode,
          foundDistrictCode: f.districtCode,
          probability: k.candidate.probability,
          weight: k.candidate.weight,
          fields: k.candidate.fields,
          explanation: k.candidate.explanation,
          modelVersion: model.version,
          proposedAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: [missingMatch.missingId, missingMatch.foundId],
          set: {
            probability: k.candidate.probability,
            weight: k.candidate.weight,
            fields: k.candidate.fields,
            explanation: k.candidate.explanation,
            modelVersion: model.version,
            missingDistrictCode: m.districtCode,
            missingStateCode: m.stateCode,
            foundDistrictCode: f.districtCode,
            foundStateCode: f.stateCode,
            updatedAt: now,
            // A side's agreement was given by the district the record was in: moved, it is asked again.
            missingAgreedAt: sql`CASE WHEN ${missingMatch.missingDistrictCode} = ${m.districtCode} AND ${missingMatch.missingStateCode} = ${m.stateCode} THEN ${missingMatch.missingAgreedAt} END`,
            missingAgreedBy: sql`CASE WHEN ${missingMatch.missingDistrictCode} = ${m.districtCode} AND ${missingMatch.missingStateCode} = ${m.stateCode} THEN ${missingMatch.missingAgreedBy} END`,
            foundAgreedAt: sql`CASE WHEN ${missingMatch.foundDistrictCode} = ${f.districtCode} AND ${missingMatch.foundStateCode} = ${f.stateCode} THEN ${missingMatch.foundAgreedAt} END`,
            foundAgreedBy: sql`CASE WHEN ${missingMatch.foundDistrictCode} = ${f.districtCode} AND ${missingMatch.foundStateCode} = ${f.stateCode} THEN ${missingMatch.foundAgreedBy} END`,
          },
          setWhere: eq(missingMatch.status, 'proposed'),
        });
    }
    await setRecordSystem(tx, recordId, { matchState: 'done', matchedAt: now });
    await audit(tx, null, 'match', 'missing_record', recordId, placeOfRecord(r), {
      model: model.version,
      keys: result.keys,
      skippedKeys: result.skippedKeys,
      candidates: result.candidates,
      proposed: keep.length,
    });
  });
  return { recordId, status: 'matched', candidates: result.candidates, proposed: keep.length };
}

/** Matching after commit must never fail the request that saved the record: the sweep retries. */
export async function matchAfterCommit(ctx: Pick<AppContext, 'db' | 'now'>, recordId: string): Promise<MatchRun | null> {
  try {
    return await matchRecord(ctx, recordId);
  } catch (err) {
    process.stderr.write(`missing: matching deferred (${(err as Error)?.constructor?.name ?? 'error'})\n`);
    return null;
  }
}

/** The sweep: matches records left pending (oldest first). Returns how many were matched. */
/**
 * Open records whose blocking keys were computed under another model version (the model's
 * blocking rules changed) get new keys and go back to 'pending', so the sweep matches them again
 * under the new rules (matching is idempotent; decided matches are never touched).
 */
export async function rekeyStaleRecords(ctx: Pick<AppContext, 'db'>, limit = 500): Promise<number> {
  const version = matchingModel().version;
  const stale = await staleKeyRecords(ctx.db, version, limit);
  let n = 0;
  for (const r of stale) if (await setRecordKeys(ctx.db, r, await blockKeysFor(ctx.db, r), version)) n++;
  return n;
}

export async function matchPendingRecords(ctx: Pick<AppContext, 'db' | 'now'>, limit = 100): Promise<number> {
  const ids = await pendingRecordIds(ctx.db, limit);
  let n = 0;
  for (const id of ids) if ((await matchRecord(ctx, id)).status === 'matched') n++;
  return n;
}

/**
 * Marks proposals involving these records as superseded (after one of them was confirmed elsewhere),
 * at `now`: the caller's clock (ctx.now()), the time of the confirmation that superseded them.
 */
export async function supersedeProposals(db: Db, recordIds: string[], exceptMatchId: string | null, now: Date) {
  await db
    .update(missingMatch)
    .set({ status: 'superseded', updatedAt: now })
    .where(
      and(
        eq(missingMatch.status, 'proposed'),
        or(inArray(missingMatch.missingId, recordIds), inArray(missingMatch.foundId, recordIds)),
        exceptMatchId ? sql`${missingMatch.id} <> ${exceptMatchId}` : undefined,
      ),
    );
}
