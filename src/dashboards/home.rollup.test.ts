/**
 * The rest of the district home from kept tables (0980) gives what the live queries give: what
 * needs a decision today, the departments behind, the action items' indicator and the care trend,
 * for a district, the other district, the state, the nation, a block and a village, after inserts, updates and deletes;
 * and every indicator of the home as indicatorValues gives them (the batched child and due-item figures).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/support/db';
import type { ScratchDatabase } from '../db/scratch';
import type { Actor } from '../access/policy';
import { endOfDayIst } from '../cases/domain';
import { INDICATORS } from './indicators.data';
import { countIndicator, trendIndicator } from './indicators.repository';
import { careTrend, decisionsDue, departmentsBehind } from './home.repository';
import { actorFor, IDS, loadFixture, NOW, TODAY } from './indicators.fixture';
import { monthsEnding } from './domain/indicator';
import { ensureFresh } from './summary.repository';
import { indicatorValues } from './indicators.service';
import type { AppContext } from '../http/context';

let database: ScratchDatabase;
type Clock = { today: string; now: Date };
const p: Clock = { today: TODAY, now: NOW };
const months = monthsEnding(TODAY.slice(0, 7), 12);
const national: Actor = { ...actorFor('state'), role: 'mwcd_official' as Actor['role'], scope: { level: 'national' } };
// A block-level worker's home is counted over the block's own rows (indicators.batch.ts: one statement for the child figures, one for the due items).
const block: Actor = {
  ...actorFor('district'),
  role: 'caseworker',
  scope: { level: 'block', stateCode: 27, districtCode: 468, blockCode: 100 },
};
const village: Actor = {
  ...block,
  role: 'frontline_worker',
  scope: { level: 'village', stateCode: 27, districtCode: 468, villageId: 'v:468:1' },
};
const areas = () => [actorFor('district'), actorFor('district', 467), actorFor('state'), national, block, village];
const actions = INDICATORS.indicators.find((i) => i.id === 'actions_done_on_time')!;
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
  return {
    decisions: await decisionsDue(db, actor, new Date(endOfDayIst(at.today))),
    behind: await departmentsBehind(db, actor, at.today),
    actions: await countIndicator(db, actor, actions, at),
    actionsByDistrict: await countIndicator(db, actor, actions, at, 'district'),
    actionsTrend: await trendIndicator(db, actor, actions, at, months),
    care: await careTrend(db, actor, at, monthsEnding(at.today.slice(0, 7), 12)),
    // Every indicator of the home, the child and due-item ones in two statements (indicators.batch.ts).
    indicators: await indicatorValues({ db } as AppContext, actor, at),
  };
}

async function same(at: Clock = p) {
  await ensureFresh(database.db, 0);
  for (const actor of areas()) expect(await figures(actor, at)).toEqual(await live(() => figures(actor, at)));
}

const q = (text: string, params: unknown[] = []) => database.query(text, params);
const carePending = async () => Number((await database.query<{ n: number }>('SELECT count(*)::int AS n FROM dash_care_pending'))[0].n);

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database);
}, 120_000);
afterAll(async () => database?.drop());

describe('the district home from kept tables equals the live figures', () => {
  it('as loaded, and not trivially empty', async () => {
    await same();
    const amravati = await figures(actorFor('district'), p);
    expect(amravati.behind).toEqual([{ department: 'health', overdue: 1, oldestDue: '2026-11-15' }]);
    expect(amravati.care.find((m) => m.month === '2026-08')).toEqual({ month: '2026-08', institution: 0, family: 2 });
    expect(amravati.care.at(-1)!.institution).toBeGreaterThan(0);
    expect(amravati.actions[0]).toMatchObject({ numerator: 1, denominator: 3 });
    // Block 100 has A1 and A2: its child figures are counted, not trivially zero.
    const inBlock = (await figures(block, p)).indicators.find((i) => i.id === 'children_identified')!;
    expect(inBlock.numerator).toBe(2);
  });

  it('after inserts: action items, due items, a stay overlapping a placement, back-to-back stays, a stay in another district', async () => {
    const act = (d: number, dept: string, due: string, status: string, done: string | null) =>
      q(
        `INSERT INTO convergence_action (group_id, state_code, district_code, description, department, assigned_on, raised_on, due_date, status, done_on)
         VALUES ($1, 27, $2, 'Do it', $3, '2026-06-01', '2026-06-01', $4, $5, $6)`,
        [d === 468 ? id(300) : id(301), d, dept, due, status, done],
      );
    await act(468, 'police', '2026-07-01', 'open', null);
    await act(468, 'police', '2026-07-01', 'blocked', null);
    await act(468, 'health', '2026-11-20', 'done', '2026-11-25');
    await act(467, 'education', '2026-10-01', 'reopened', null);
    await q(
      `INSERT INTO case_due (case_id, kind, due_at, assigned_unit_id, statutory, source, state_code, district_code)
       VALUES ($1, 'cwc_final_order', '2026-11-20T09:00:00+05:30', $2, true, 'default', 27, 468),
              ($1, 'case_review', '2026-11-20T23:00:00+05:30', $2, false, 'default', 27, 468),
              ($1, 'sir_submission', '2026-11-21T00:30:00+05:30', $2, true, 'default', 27, 468)`,
      [id(101), id(900)],
    );
    // A2, in family-based care since July, goes to a home in Akola for a month (institution, other
    // district) and back-to-back stays for K1 in Akola; A3's foster placement again, overlapping the old.
    const stay = (child: string, inst: string, d: number, status: string, admitted: string, ended: string | null) =>
      q(
        `INSERT INTO care_stay (child_id, institution_id, state_code, district_code, order_by, order_type, ordered_on, admitted_on, sex, age_band, status, ended_on)
         VALUES ($1, $2, 27, $3, 'cwc', 'placement', $4, $4, 'female', '6-10', $5, $6)`,
        [child, inst, d, admitted, status, ended],
      );
    await stay(IDS.A2, id(801), 467, 'left', '2026-09-01', '2026-10-01');
    await stay(IDS.K1, id(801), 467, 'left', '2026-03-01', '2026-06-01');
    await stay(IDS.K1, id(801), 467, 'left', '2026-06-01', '2026-08-15');
    await q(
      `INSERT INTO care_family_placement (child_id, kind, state_code, district_code, started_on, ended_on) VALUES ($1, 'foster', 27, 468, '2026-08-15', '2026-10-10')`,
      [IDS.A3],
    );
    expect(await carePending()).toBe(3);
    await same();
    expect(await carePending()).toBe(0);
  });

  it('after updates: an action done, moved to another day and department; a stay ended and a case moved to another block', async () => {
    await q(
      `UPDATE convergence_action SET status = 'done', done_on = '2026-11-14' WHERE department = 'health' AND due_date = '2026-11-15'`,
    );
    await q(
      `UPDATE convergence_action SET department = 'revenue', due_date = '2026-11-19' WHERE department = 'police' AND status = 'open'`,
    );
    await q(`UPDATE care_stay SET status = 'left', ended_on = '2026-11-12' WHERE child_id = $1 AND status = 'in_care'`, [IDS.A1]);
    await q(`UPDATE care_family_placement SET ended_on = '2026-10-20' WHERE child_id = $1 AND kind = 'kinship'`, [IDS.A2]);
    await q(`UPDATE case_record SET block_code = 777 WHERE id = $1`, [id(101)]);
    await same();
    const kept = await decisionsDue(database.db, actorFor('district'), new Date(endOfDayIst(TODAY)));
    expect(kept.filter((d) => d.caseId === id(101)).map((d) => d.blockCode)).toEqual([777, 777, 777]);
  });

  it('after deletes and a child who ran away (the stay ends on the event day)', async () => {
    await q(`DELETE FROM convergence_action WHERE department = 'revenue'`);
    await q(`DELETE FROM care_family_placement WHERE child_id = $1 AND kind = 'sponsorship'`, [IDS.A2]);
    await q(`DELETE FROM case_due WHERE case_id = $1 AND kind = 'case_review'`, [id(101)]);
    const [{ sid }] = await database.query<{ sid: string }>(
      `SELECT id AS sid FROM care_stay WHERE child_id = $1 AND status = 'absconded'`,
      [IDS.A3],
    );
    await q(`INSERT INTO care_stay_event (stay_id, type, on_day) VALUES ($1, 'ran_away', '2026-11-09')`, [sid]);
    expect(await carePending()).toBe(2); // A2 (placement deleted) and A3 (ran away)
    await same();
  });

  it('on other days of the clock, with nothing recomputed', async () => {
    const at = (iso: string): Clock => ({
      now: new Date(iso),
      today: new Date(new Date(iso).getTime() + 19_800_000).toISOString().slice(0, 10),
    });
    for (const clock of [at('2026-11-20T19:00:00Z'), at('2026-12-31T04:00:00Z'), at('2026-07-15T04:00:00Z'), at('2027-03-01T04:00:00Z')]) {
      await same(clock);
    }
  });
});
