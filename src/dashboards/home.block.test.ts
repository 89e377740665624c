/**
 * The block-level home from kept tables (migration 1090) gives what the live queries give: children
 * in care now (dash_care_now by block and village), the care trend (dash_care_count's block and
 * village rows) and the action items (dash_action_count by block: departments behind and
 * actions_done_on_time with its trend), for two blocks of a district, a block of the other district
 * and two villages, after inserts, updates that move a record between blocks, villages or buckets (a
 * stay's status, a transfer between blocks, a child's village, an action item's status, due date and
 * block) and deletes, and on other days of the clock; the whole home's indicators (indicatorValues) too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/support/db';
import type { ScratchDatabase } from '../db/scratch';
import type { Actor } from '../access/policy';
import { INDICATORS } from './indicators.data';
import { countIndicator, trendIndicator } from './indicators.repository';
import { blockServes, careTrend, departmentsBehind } from './home.repository';
import { actorFor, IDS, loadFixture, NOW, TODAY } from './indicators.fixture';
import { monthsEnding } from './domain/indicator';
import { ensureFresh } from './summary.repository';
import { indicatorValues } from './indicators.service';
import { rollupServes } from './indicators.rollup';
import type { AppContext } from '../http/context';

let database: ScratchDatabase;
type Clock = { today: string; now: Date };
const p: Clock = { today: TODAY, now: NOW };
const blockOf = (districtCode: number, blockCode: number): Actor => ({
  ...actorFor('district', districtCode),
  role: 'caseworker',
  scope: { level: 'block', stateCode: 27, districtCode, blockCode },
});
const villageOf = (villageId: string): Actor => ({
  ...actorFor('district'),
  role: 'frontline_worker',
  scope: { level: 'village', stateCode: 27, districtCode: 468, villageId },
});
const V1 = 'vi:t-468-100';
const V2 = 'vi:t-468-101';
const areas = () => [blockOf(468, 100), blockOf(468, 101), blockOf(467, 200), villageOf(V1), villageOf(V2)];
const BLOCK_KEPT = ['actions_done_on_time', 'children_in_institutional_care', 'children_in_family_based_care'];
const inds = INDICATORS.indicators.filter((i) => BLOCK_KEPT.includes(i.id));
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
  const out: Record<string, unknown> = {
    behind: await departmentsBehind(db, actor, at.today),
    care: await careTrend(db, actor, at, months),
    indicators: await indicatorValues({ db } as AppContext, actor, at),
  };
  for (const ind of inds) {
    out[ind.id] = {
      total: await countIndicator(db, actor, ind, at),
      byDistrict: await countIndicator(db, actor, ind, at, 'district'),
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
const now = async (actor: Actor) => {
  const f = (await figures(actor, p)) as Record<string, { total: { numerator: number }[] }>;
  return {
    institution: f.children_in_institutional_care.total[0].numerator,
    family: f.children_in_family_based_care.total[0].numerator,
  };
};

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database);
  // Two villages of Amravati, one in each of its blocks (children, stays and action items carry none in the fixture).
  for (const [vid, block] of [
    [V1, 100],
    [V2, 101],
  ] as const) {
    await q(`INSERT INTO location (id, level, name, state_code, district_code, block_code) VALUES ($1, 'village', $1, 27, 468, $2)`, [
      vid,
      block,
    ]);
  }
}, 120_000);
afterAll(async () => database?.drop());

describe('the block-level home from kept tables equals the live figures', () => {
  it('served by the kept tables, and not trivially empty once the records name their villages and blocks', async () => {
    for (const actor of areas()) {
      expect(blockServes(actor)).toBe(true);
      for (const ind of inds) expect(rollupServes(actor, ind, null)).toBe(true);
    }
    // A child's village and block (a move: A2 has current placements), a stay's village, action items' blocks.
    await q(`UPDATE child SET village_id = $2 WHERE id IN ($1, $3)`, [IDS.A1, V1, IDS.A2]);
    await q(`UPDATE child SET village_id = $2 WHERE id = $1`, [IDS.A3, V2]);
    await q(`UPDATE care_stay SET village_id = $2 WHERE child_id = $1`, [IDS.A1, V1]);
    await q(`UPDATE convergence_action SET block_code = 100 WHERE department = 'education'`);
    await q(`UPDATE convergence_action SET block_code = 101 WHERE department = 'health' AND district_code = 468`);
    await same();
    expect(await now(blockOf(468, 100))).toEqual({ institution: 1, family: 1 });
    expect(await now(villageOf(V1))).toEqual({ institution: 1, family: 1 });
    expect(await now(blockOf(467, 200))).toEqual({ institution: 1, family: 0 });
    expect(await departmentsBehind(database.db, blockOf(468, 101), TODAY)).toEqual([
      { department: 'health', overdue: 1, oldestDue: '2026-11-15' },
    ]);
    expect(await departmentsBehind(database.db, blockOf(468, 100), TODAY)).toEqual([]);
    const trend = await careTrend(database.db, blockOf(468, 100), p, monthsEnding('2026-11', 12));
    expect(trend.find((m) => m.month === '2026-08')).toEqual({ month: '2026-08', institution: 0, family: 1 });
  });

  it('after inserts: stays and placements in either block and village, action items in both blocks', async () => {
    const act = (block: number | null, dept: string, due: string, status: string, done: string | null) =>
      q(
        `INSERT INTO convergence_action (group_id, state_code, district_code, block_code, description, department, assigned_on, raised_on, due_date, status, done_on)
         VALUES ($1, 27, 468, $2, 'Do it', $3, '2026-06-01', '2026-06-01', $4, $5, $6)`,
        [id(300), block, dept, due, status, done],
      );
    await act(100, 'police', '2026-07-01', 'open', null);
    await act(100, 'police', '2026-08-01', 'done', '2026-07-30');
    await act(101, 'revenue', '2026-11-18', 'blocked', null);
    await act(null, 'labour', '2026-11-01', 'open', null);
    const stay = (child: string, block: number, village: string | null, status: string, admitted: string, ended: string | null) =>
      q(
        `INSERT INTO care_stay (child_id, institution_id, state_code, district_code, block_code, village_id, order_by, order_type, ordered_on, admitted_on, sex, age_band, status, ended_on)
         VALUES ($1, $2, 27, 468, $3, $4, 'cwc', 'placement', $5, $5, 'female', '6-10', $6, $7)`,
        [child, id(800), block, village, admitted, status, ended],
      );
    // A2 in a home in block 101 for two months; back-to-back stays of A1 earlier in block 100.
    await stay(IDS.A2, 101, V2, 'left', '2026-08-01', '2026-10-01');
    await stay(IDS.A1, 100, V1, 'left', '2026-02-01', '2026-04-01');
    await stay(IDS.A1, 100, V1, 'left', '2026-04-01', '2026-06-15');
    // A3 (lives in block 101) fostered in Amravati now; K1 placed with kin in Akola, where K1 lives (block 200).
    await q(
      `INSERT INTO care_family_placement (child_id, kind, state_code, district_code, started_on) VALUES ($1, 'foster', 27, 468, '2026-11-12'), ($2, 'kinship', 27, 467, '2026-10-01')`,
      [IDS.A3, IDS.K1],
    );
    await same();
    expect(await now(blockOf(468, 101))).toEqual({ institution: 0, family: 1 });
  });

  it('after updates that move records: a stay status and transfer between blocks, a child moving village and block, action items done, re-dated and moved', async () => {
    await q(`UPDATE care_stay SET status = 'on_leave' WHERE child_id = $1 AND status = 'in_care'`, [IDS.A1]);
    await q(`UPDATE care_stay SET block_code = 101, village_id = $2 WHERE child_id = $1 AND status = 'on_leave'`, [IDS.A1, V2]);
    await q(`UPDATE care_stay SET status = 'left', ended_on = '2026-11-19' WHERE child_id = $1 AND status = 'on_leave'`, [IDS.K1]);
    // A2 (two current placements in Amravati) moves to village V2 of block 101; A3 moves to block 100 with no village.
    await q(`UPDATE child SET block_code = 101, village_id = $2 WHERE id = $1`, [IDS.A2, V2]);
    await q(`UPDATE child SET block_code = 100, village_id = NULL WHERE id = $1`, [IDS.A3]);
    await q(
      `UPDATE convergence_action SET status = 'done', done_on = '2026-11-14' WHERE department = 'health' AND due_date = '2026-11-15'`,
    );
    await q(`UPDATE convergence_action SET due_date = '2026-12-01' WHERE department = 'police' AND status = 'open'`);
    await q(`UPDATE convergence_action SET block_code = 101 WHERE department = 'education' AND due_date = '2026-11-12'`);
    await q(`UPDATE convergence_action SET block_code = 100 WHERE department = 'labour'`);
    await same();
    expect(await now(blockOf(468, 101))).toEqual({ institution: 1, family: 1 });
    expect(await now(villageOf(V2))).toEqual({ institution: 1, family: 1 });
    expect(await now(blockOf(468, 100))).toEqual({ institution: 0, family: 1 });
  });

  it('after deletes: an action item, a placement, a stay', async () => {
    await q(`DELETE FROM convergence_action WHERE department IN ('revenue', 'labour')`);
    await q(`DELETE FROM care_family_placement WHERE child_id = $1 AND kind = 'sponsorship'`, [IDS.A2]);
    await q(`DELETE FROM care_stay WHERE child_id = $1 AND block_code = 101 AND status = 'left'`, [IDS.A2]);
    await same();
  });

  it('on other days of the clock, with nothing recomputed', async () => {
    const at = (iso: string): Clock => ({
      now: new Date(iso),
      today: new Date(new Date(iso).getTime() + 19_800_000).toISOString().slice(0, 10),
    });
    for (const clock of [at('2026-11-20T19:00:00Z'), at('2026-12-31T04:00:00Z'), at('2026-07-15T04:00:00Z')]) await same(clock);
  });
});
