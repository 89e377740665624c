import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../http/context';
import type { Db } from '../../db/client';
import { audit } from '../../audit/audit.service';
import { insertNotifications } from '../../cases/notifications.repository';
import type { NotificationParams } from '../../cases/alert-text';
import { organisation } from '../../users/users.schema';
import { getRecordSystem, placeOfRecord, type RecordRow } from '../../missing/missing.repository';
import { closeMatchedRecords } from '../../missing/matches.service';
import { insertRestorationOnce } from '../../missing/matches.repository';
import { federationTables } from './proposals.repository';

/**
 * After a national proposal is confirmed (both states confirmed it at the nation, docs/SCALE.md §4),
 * the status arrives in each state by replication; this sweep then closes the state's own record
 * as a match confirmed in the state does (`closeMatchedRecords`, src/missing/matches.service.ts):
 * the report or the found record is `matched`, audited at its place with the national proposal's
 * id, the state's other proposals naming it superseded. Its leaving the `missing_national`
 * publication (status no longer open) is the nation's DELETE. Run when the confirmed proposal
 * arrives (arrivals.ts: the state's trigger NOTIFYs, the app server listening runs this) and by
 * the missing module's sweep as the safety net (missing.jobs.ts, every 10 minutes); not after a
 * decision: the confirmed status arrives from the nation only after the decision's commit
 * (docs/SCALE.md §4). Idempotent and safe in two servers at once (each record locked, only
 * records still open touched).
 *
 * Notified: the DCPU of the district on the other side of the proposal, when that unit is in this
 * database (a deployment holding both states), and the DCPU of the record's own district; on a
 * federated pair each state's sweep writes its own notifications, so each side's DCPU is told in
 * its own app when its record closes. Ids and the match reference only, never names (JJ Act 2015
 * s.74).
 *
 * The restoration (JJ Act 2015 s.37(1)(b), s.95) is opened by the database holding the found
 * child, at the found child's district, as `decideMatch` opens one for a match confirmed in the
 * state: `awaiting_case`, audited, shown in that district's restorations list, whose DCPU opens
 * the case (POST /missing/restorations/:id/open-case). The found district, not the home one:
 * the child is there, is produced before its CWC within 24 hours (s.31), and that CWC orders the
 * restoration or the transfer to the home state (s.95; JJ Model Rules 2016 r.28); the home
 * state's report may not even be in this database. The home side is told by the notification.
 */
interface ConfirmedRow {
  id: string;
  record_id: string;
  side: 'missing' | 'found';
  missing_state_code: number;
  missing_district_code: number;
  found_state_code: number;
  found_district_code: number;
}

export async function closeConfirmedNationalMatches(ctx: AppContext, limit = 100): Promise<{ matches: string[]; records: string[] }> {
  if (!(await federationTables(ctx.db))) return { matches: [], records: [] };
  // The record's own state is named with its id, so a partitioned missing_record is read in one partition.
  const rows = await ctx.database.query<ConfirmedRow>(
    `SELECT m.id, r.id AS record_id, CASE WHEN r.id = m.missing_id THEN 'missing' ELSE 'found' END AS side,
            m.missing_state_code, m.missing_district_code, m.found_state_code, m.found_district_code
       FROM national_match m
       JOIN missing_record r ON (r.id = m.missing_id AND r.state_code = m.missing_state_code)
                             OR (r.id = m.found_id AND r.state_code = m.found_state_code)
      WHERE m.status = 'confirmed' AND r.status = 'open'
      ORDER BY m.id, r.id
      LIMIT $1`,
    [limit],
  );
  const byMatch = new Map<string, ConfirmedRow[]>();
  for (const r of rows) byMatch.set(r.id, [...(byMatch.get(r.id) ?? []), r]);
  const now = ctx.now();
  const matches: string[] = [];
  const records: string[] = [];
  for (const [matchId, sides] of byMatch) {
    const closed = await ctx.db.transaction(async (tx) => {
      // Locked in a fixed order (missing, then found) as decideMatch does.
      const locked: RecordRow[] = [];
      for (const s of [...sides].sort((a, b) => (a.side === b.side ? 0 : a.side === 'missing' ? -1 : 1))) {
        const r = await getRecordSystem(tx, s.record_id, true);
        if (r && r.status === 'open') locked.push(r);
      }
      if (!locked.length) return [];
      await closeMatchedRecords(tx, null, locked, now, { nationalMatchId: matchId });
      const m = sides[0];
      await audit(tx, null, 'national.close', 'national_match', matchId, null, {
        records: locked.map((r) => r.id),
        missingStateCode: m.missing_state_code,
        foundStateCode: m.found_state_code,
        national: true,
      });
      await notifyDcpus(tx, m, locked, now);
      await openNationalRestoration(tx, matchId, locked, now);
      return locked.map((r) => r.id);
    });
    if (closed.length) {
      matches.push(matchId);
      records.push(...closed);
    }
  }
  return { matches, records };
}

export const NATIONAL_RESTORATION_NOTE =
  "Confirmed by both states as a child reported missing in another state: the found child's district opens the restoration case (JJ Act 2015 s.31, s.95).";

/**
 * The restoration, when the found child's record is in this database (closed just now, so once
 * per proposal; the unique (national_match_id, state_code) index makes a repeat a no-op). It names
 * the report only when this database holds it too (a deployment holding both states).
 */
async function openNationalRestoration(tx: Db, matchId: string, closed: RecordRow[], now: Date) {
  const found = closed.find((r) => r.kind === 'found');
  if (!found) return;
  const missing = closed.find((r) => r.kind === 'missing');
  const row = await insertRestorationOnce(tx, {
    matchId: null,
    nationalMatchId: matchId,
    missingId: missing?.id ?? null,
    foundId: found.id,
    stateCode: found.stateCode,
    districtCode: found.districtCode,
    foundStateCode: found.stateCode,
    foundDistrictCode: found.districtCode,
    childId: found.childId,
    status: 'awaiting_case',
    note: NATIONAL_RESTORATION_NOTE,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
  });
  if (!row) return;
  await audit(tx, null, 'create', 'missing_restoration', row.id, placeOfRecord(found), {
    nationalMatchId: matchId,
    foundId: found.id,
    missingId: missing?.id ?? null,
    national: true,
  });
}

/** The DCPU of each side's district held in this database: one notification per unit. */
async function notifyDcpus(tx: Db, m: ConfirmedRow, closed: RecordRow[], now: Date) {
  const places = [
    { stateCode: m.missing_state_code, districtCode: m.missing_district_code },
    { stateCode: m.found_state_code, districtCode: m.found_district_code },
  ];
  const units = await tx
    .select({ id: organisation.id, stateCode: organisation.stateCode, districtCode: organisation.districtCode })
    .from(organisation)
    .where(
      and(
        eq(organisation.kind, 'DCPU'),
        eq(organisation.active, true),
        inArray(
          organisation.districtCode,
          places.map((p) => p.districtCode),
        ),
      ),
    );
  const closedStates = [...new Set(closed.map((r) => r.stateCode))];
  const ref = m.id.slice(0, 8).toUpperCase();
  for (const u of units) {
    if (!places.some((p) => p.stateCode === u.stateCode && p.districtCode === u.districtCode)) continue;
    const params: NotificationParams = { key: 'alert.nationalMatchClosed', ref, states: closedStates };
    await insertNotifications(tx, [
      {
        unitId: u.id,
        kind: 'national_match_closed',
        ref: m.id,
        message: `National match ${ref} was confirmed by both states: the record in state ${closedStates.join(', ')} is closed as matched.`,
        params,
        createdAt: now,
      },
    ]);
  }
}
