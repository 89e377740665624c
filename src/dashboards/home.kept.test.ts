/**
 * The care-now, missing-report and 1098-call figures from their kept tables (migration 1010,
 * indicators.kept.ts) equal the live queries over the views: in total, per district and per state
 * (the comparison), and their trends, for a district, the other district, the state and the nation,
 * after inserts, updates that move a record between buckets (status, district, a transfer, a match
 * decided or undone, a call reached) and deletes, and on other days of the clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/support/db';
import type { ScratchDatabase } from '../db/scratch';
import type { Actor } from '../access/policy';
import { INDICATORS } from './indicators.data';
import { countIndicator, trendIndicator } from './indicators.repository';
import { actorFor, IDS, loadFixture, NOW, TODAY } from './indicators.fixture';
import { monthsEnding } from './domain/indicator';
import { ensureFresh } from './summary.repository';
import { rollupServes } from './indicators.rollup';
import { stateComparison } from './indicators.service';
import type { AppContext } from '../http/context';

let database: ScratchDatabase;
type Clock = { today: string; now: Date };
const p: Clock = { today: TODAY, now: NOW };
const national: Actor = { ...actorFor('state'), role: 'mwcd_official' as Actor['role'], scope: { level: 'national' } };
const areas = () => [actorFor('district'), actorFor('district', 467), actorFor('state'), national];
const KEPT = [
  'children_in_institutional_care',
  'children_in_family_based_care',
  'missing_matched',
  'missing_restored',
  'helpline_reached_in_target',
];
const inds = INDICATORS.indicators.filter((i) => KEPT.includes(i.id));
const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

async function live<T>(fn: () => Promise<T>): Promise<T> {
  process.env.DASHBOARD_COUNTS = 'live';
  try {
    return await fn();
  } finally {
    delete process.env.DASHBOARD_COUNTS;
  }
}

async function figures(actor: Actor, at: Clock) {
  const db = database.db;
  const months = monthsEnding(at.today.slice(0, 7), 12);
  const out: Record<string, unknown> = {};
  for (const ind of inds) {
    out[ind.id] = {
      total: await countIndicator(db, actor, ind, at),
      byDistrict: await countIndicator(db, actor, ind, at, 'district'),
      byState: await countIndicator(db, actor, ind, at, 'state'),
      trend: await trendIndicator(db, actor, ind, at, months),
    };
  }
  return out;
}

async function same(at: Clock = p) {
  await ensureFresh(database.db, 0);
  for (const actor of areas()) expect(await figures(actor, at)).toEqual(await live(() => figures(actor, at)));
}

const q = (text: string, params: unknown[] = []) => database.query(text, params);
const total = async (indId: string, actor: Actor = actorFor('district')) =>
  (
    await countIndicator(
      database.db,
      actor,
      inds.find((i) => i.id === indId)!,
      p,
    )
  )[0];

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database);
}, 120_000);
afterAll(async () => database?.drop());

describe('care now, missing reports and 1098 calls from kept tables equal the live figures', () => {
  it('as loaded, served by the kept tables, and not trivially empty', async () => {
    for (const ind of inds) expect(rollupServes(actorFor('district'), ind, null)).toBe(true);
    await same();
    expect(await total('children_in_institutional_care')).toMatchObject({ numerator: 1 });
    expect(await total('children_in_family_based_care')).toMatchObject({ numerator: 1 });
    expect(await total('missing_matched')).toMatchObject({ numerator: 3, denominator: 4 });
    expect(await total('missing_restored')).toMatchObject({ numerator: 2, denominator: 3, medianDays: 15 });
    expect(await total('helpline_reached_in_target')).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('after inserts: a stay and a placement in the other district, a report matched there, calls due earlier, later today and tomorrow', async () => {
    await q(
      `INSERT INTO care_stay (child_id, institution_id, state_code, district_code, order_by, order_type, ordered_on, admitted_on, sex, age_band, status)
       VALUES ($1, $2, 27, 467, 'cwc', 'placement', '2026-11-01', '2026-11-01', 'female', '6-10', 'in_care')`,
      [IDS.A4, id(801)],
    );
    // A3 placed with a foster family in Akola; A2 gets a third current placement, earlier than the two (its row moves).
    await q(
      `INSERT INTO care_family_placement (child_id, kind, state_code, district_code, started_on) VALUES ($1, 'foster', 27, 467, '2026-11-15')`,
      [IDS.A3],
    );
    await q(
      `INSERT INTO care_family_placement (child_id, kind, state_code, district_code, started_on) VALUES ($1, 'kinship', 27, 467, '2026-06-01')`,
      [IDS.A2],
    );
    const report = async (rid: string, kind: string, status: string, d: number, at: string) =>
      q(
        `INSERT INTO missing_record (id, kind, status, channel, source, state_code, district_code, sex, reference, created_at)
         VALUES ($1, $2, $3, 'official', 'police', 27, $4, 'male', $5, $6)`,
        [rid, kind, status, d, `T-${rid.slice(-3)}`, at],
      );
    await report(id(601), 'missing', 'matched', 467, '2026-09-01T10:00:00+05:30');
    await report(id(602), 'found', 'matched', 467, '2026-09-02T10:00:00+05:30');
    await q(
      `INSERT INTO missing_match (id, missing_id, found_id, missing_state_code, missing_district_code, found_state_code, found_district_code, probability, weight, fields, explanation, model_version, status, decided_at)
       VALUES ($1, $2, $3, 27, 467, 27, 467, 0.9, 5, '{}', 'x', 'v1', 'confirmed', '2026-09-03T10:00:00+05:30')`,
      [id(603), id(601), id(602)],
    );
    await q(
      `INSERT INTO missing_restoration (match_id, missing_id, found_id, state_code, district_code, found_state_code, found_district_code, status, updated_at)
       VALUES ($1, $2, $3, 27, 467, 27, 467, 'restored', '2026-09-10T16:00:00+05:30')`,
      [id(603), id(601), id(602)],
    );
    const call = (cid: string, d: number, status: string, received: string, target: string | null, reached: string | null) =>
      q(
        `INSERT INTO helpline_call (id, status, state_code, district_code, received_at, submitted_at, target_minutes, target_at, reached_at, created_at, updated_at)
         VALUES ($1, $2, 27, $3, $4::timestamptz, $4::timestamptz, 60, $5::timestamptz, $6::timestamptz, $4::timestamptz, $4::timestamptz)`,
        [cid, status, d, received, target, reached],
      );
    // NOW is 12:00 IST on 2026-11-20.
    await call(id(651), 468, 'open', '2026-11-20T09:00:00+05:30', '2026-11-20T10:00:00+05:30', null); // due earlier today
    await call(id(652), 468, 'open', '2026-11-20T11:30:00+05:30', '2026-11-20T12:30:00+05:30', null); // later today
    await call(id(653), 467, 'dispatched', '2026-11-20T11:45:00+05:30', '2026-11-21T00:45:00+05:30', null); // tomorrow
    await call(id(654), 467, 'reached', '2026-08-10T10:00:00+05:30', '2026-08-10T11:00:00+05:30', '2026-08-10T11:30:00+05:30'); // late
    await same();
    expect(await total('helpline_reached_in_target')).toMatchObject({ numerator: 1, denominator: 4 });
    expect(await total('children_in_family_based_care', actorFor('district', 467))).toMatchObject({ numerator: 2 });
  });

  it('after updates that move records between buckets: status, district, a transfer, a match undone, a call reached', async () => {
    // Stays: A1 on leave (still in care), K1 left (out), A4 transferred to a home in Amravati.
    await q(`UPDATE care_stay SET status = 'on_leave' WHERE child_id = $1 AND status = 'in_care'`, [IDS.A1]);
    await q(`UPDATE care_stay SET status = 'left', ended_on = '2026-11-19' WHERE child_id = $1 AND status = 'on_leave'`, [IDS.K1]);
    await q(`UPDATE care_stay SET district_code = 468, institution_id = $2 WHERE child_id = $1 AND status = 'in_care'`, [IDS.A4, id(800)]);
    // Placements: A3's foster placement moves to Amravati; A2's earliest ends (its row moves back).
    await q(`UPDATE care_family_placement SET district_code = 468 WHERE child_id = $1 AND kind = 'foster' AND ended_on IS NULL`, [IDS.A3]);
    await q(`UPDATE care_family_placement SET ended_on = '2026-11-18' WHERE child_id = $1 AND started_on = '2026-06-01'`, [IDS.A2]);
    // Missing: the open report M4 moved to Akola, a pending one accepted, a confirmed match rejected,
    // the Akola report's restoration set back to awaiting.
    await q(`UPDATE missing_record SET district_code = 467 WHERE kind = 'missing' AND status = 'open'`);
    await q(`UPDATE missing_record SET status = 'open' WHERE status = 'pending_moderation'`);
    await q(`UPDATE missing_match SET status = 'rejected' WHERE missing_id = (SELECT id FROM missing_record WHERE reference = 'R-5')`);
    await q(`UPDATE missing_restoration SET status = 'awaiting_case' WHERE missing_id = $1`, [id(601)]);
    // Calls: the one due later today reached in time, the overdue October one reached late, the
    // tomorrow one transferred to Amravati with its target moved to today, a draft submitted; a
    // queue-only change (nothing counted moves).
    await q(`UPDATE helpline_call SET status = 'reached', reached_at = '2026-11-20T11:50:00+05:30' WHERE id = $1`, [id(652)]);
    await q(
      `UPDATE helpline_call SET status = 'reached', reached_at = '2026-11-19T10:00:00+05:30' WHERE status = 'dispatched' AND district_code = 468`,
    );
    await q(`UPDATE helpline_call SET district_code = 468, target_at = '2026-11-20T11:55:00+05:30' WHERE id = $1`, [id(653)]);
    await q(`UPDATE helpline_call SET status = 'closed' WHERE status = 'draft'`);
    const before = await database.query('SELECT * FROM dash_helpline_count ORDER BY 1, 2, 3, 4, 5');
    await q(`UPDATE helpline_call SET updated_at = updated_at + interval '1 minute'`);
    expect(await database.query('SELECT * FROM dash_helpline_count ORDER BY 1, 2, 3, 4, 5')).toEqual(before);
    await same();
  });

  it('after deletes: a placement, a stay, a restoration, a match, a report and a call', async () => {
    await q(`DELETE FROM care_family_placement WHERE child_id = $1 AND kind = 'sponsorship'`, [IDS.A2]);
    await q(`DELETE FROM care_stay WHERE child_id = $1`, [IDS.A4]);
    await q(`DELETE FROM missing_restoration WHERE missing_id = $1`, [id(601)]);
    await q(`DELETE FROM missing_match WHERE id = $1`, [id(603)]);
    await q(`DELETE FROM missing_record WHERE id IN ($1, $2)`, [id(601), id(602)]);
    await q(`DELETE FROM helpline_call WHERE id = $1`, [id(651)]);
    await same();
  });

  it('the state comparison (each kept source read once for its indicators) equals the live one', async () => {
    const ctx = { db: database.db, database, now: () => NOW } as unknown as AppContext;
    await ensureFresh(database.db, 0);
    const strip = (r: Awaited<ReturnType<typeof stateComparison>>) => ({ ...r, figuresAt: null });
    const kept = strip(await stateComparison(ctx, actorFor('state'), {}));
    expect(kept).toEqual(strip(await live(() => stateComparison(ctx, actorFor('state'), {}))));
    const amravati = kept.districts.find((r) => r.districtCode === 468)!;
    expect(amravati.cells.missing_restored).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it('on other days of the clock, with nothing recomputed (calls come due by the clock)', async () => {
    const at = (iso: string): Clock => ({
      now: new Date(iso),
      today: new Date(new Date(iso).getTime() + 19_800_000).toISOString().slice(0, 10),
    });
    for (const clock of [at('2026-11-20T04:00:00Z'), at('2026-11-20T19:00:00Z'), at('2026-12-31T04:00:00Z'), at('2027-03-01T04:00:00Z')]) {
      await same(clock);
    }
  });
});
