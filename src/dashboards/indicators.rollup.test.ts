/**
 * The per-district, per-month count (0840) gives the same figures as counting the children live,
 * and a refresh applies only what changed: a new child, a new assessment, a case closed, a family's
 * category changed, a child merged away each move the figures, and nothing else is recomputed.
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

let database: ScratchDatabase;
const p = { today: TODAY, now: NOW };
const months = monthsEnding(TODAY.slice(0, 7), 12);
const childInds = INDICATORS.indicators.filter((i) => i.source === 'child' && i.status === 'live');
const ind = (id: string) => INDICATORS.indicators.find((i) => i.id === id)!;
const district = actorFor('district');
const national: Actor = { ...actorFor('state'), role: 'mwcd_official' as Actor['role'], scope: { level: 'national' } };

async function live<T>(fn: () => Promise<T>): Promise<T> {
  process.env.DASHBOARD_COUNTS = 'live';
  try {
    return await fn();
  } finally {
    delete process.env.DASHBOARD_COUNTS;
  }
}

/** Every child figure an area shows: totals, per district, 12-month stock and flow trends. */
async function figures(actor: Actor) {
  const out: Record<string, unknown> = {};
  for (const i of childInds) {
    out[i.id] = await countIndicator(database.db, actor, i, p);
    out[`${i.id}/district`] = await countIndicator(database.db, actor, i, p, 'district');
    if (i.trend) {
      out[`${i.id}/trend`] = await trendIndicator(database.db, actor, i, p, months);
      out[`${i.id}/flow`] = await trendIndicator(database.db, actor, { ...i, trend: { ...i.trend, mode: 'flow' } }, p, months);
    }
  }
  return out;
}

async function pending(): Promise<number> {
  const rows = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM dash_child_pending');
  return Number(rows[0].n);
}

const total = async (id: string, actor: Actor = district) => (await countIndicator(database.db, actor, ind(id), p))[0];

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database);
  await ensureFresh(database.db, 0);
}, 120_000);
afterAll(async () => database?.drop());

describe('the count gives the live figures', () => {
  it('for a district, the state and the nation: totals, per district, trends', async () => {
    for (const actor of [district, actorFor('district', 467), actorFor('state'), national]) {
      const fromCount = await figures(actor);
      expect(fromCount).toEqual(await live(() => figures(actor)));
    }
    // The count is not trivially empty: Amravati's three children are in it.
    expect((await total('children_identified')).numerator).toBe(3);
  });
});

describe('incremental refresh', () => {
  it('a write marks only the children it touches, in its own transaction', async () => {
    expect(await pending()).toBe(0);
    await database.query(`UPDATE child SET care_status = 'kinship' WHERE id = $1`, [IDS.A1]);
    expect(await pending()).toBe(1);
    await ensureFresh(database.db, 0);
    expect(await pending()).toBe(0);
  });

  it('a new child, an assessment, a closed case, a new category and a merge each move the figures', async () => {
    const before = {
      identified: (await total('children_identified')).numerator,
      assessed: (await total('children_assessed')).numerator,
      open: (await total('children_open_case')).numerator,
    };
    const fam = '00000000-0000-0000-0000-000000000002';
    const newChild = '00000000-0000-0000-0000-000000000077';
    await database.query(
      `INSERT INTO child (id, family_id, state_code, district_code, block_code, name, sex, care_status, created_at)
       VALUES ($1, $2, 27, 468, 101, 'New', 'male', 'birth_family', '2026-11-15T10:00:00+05:30')`,
      [newChild, fam],
    );
    // Unchanged until refreshed (the figures say when they were computed)...
    expect((await total('children_identified')).numerator).toBe(before.identified);
    await ensureFresh(database.db, 0);
    expect((await total('children_identified')).numerator).toBe(before.identified + 1);
    const trend = await trendIndicator(database.db, district, ind('children_identified'), p, months);
    expect(trend.at(-1)!.numerator).toBe(before.identified + 1);

    // A family-wide assessment of F2 assesses both its children (A3 and the new one).
    await database.query(
      `INSERT INTO assessment (state_code, district_code, family_id, child_id, instrument_id, instrument_version, assessed_on, answers, domain_scores, overall)
       VALUES (27, 468, $1, NULL, 'vuln', 1, '2026-11-16', '{}', '{}', 1)`,
      [fam],
    );
    await database.query(`UPDATE case_record SET status = 'closed', closed_at = now() WHERE child_id = $1`, [IDS.A1]);
    await ensureFresh(database.db, 0);
    expect((await total('children_assessed')).numerator).toBe(before.assessed + 2);
    expect((await total('children_open_case')).numerator).toBe(before.open - 1);

    await database.query(`UPDATE family SET caste_category = 'obc' WHERE id = $1`, [fam]);
    // F2's children: A3, its merged duplicate A4 and the new child.
    expect(await pending()).toBe(3);
    await database.query(`UPDATE child SET merged_into = $1 WHERE id = $2`, [IDS.A3, newChild]);
    await ensureFresh(database.db, 0);
    expect((await total('children_identified')).numerator).toBe(before.identified);
    // And still the live figures, everywhere.
    for (const actor of [district, actorFor('state')]) expect(await figures(actor)).toEqual(await live(() => figures(actor)));
  });

  it('a refresh within the freshness limit leaves pending changes for later; a report refreshes first', async () => {
    await database.query(`UPDATE child SET sex = 'female' WHERE id = $1`, [IDS.A2]);
    await ensureFresh(database.db, 3600);
    expect(await pending()).toBe(1);
    await ensureFresh(database.db, 0);
    expect(await pending()).toBe(0);
  });
});

describe('the due items: counted per IST day (0923), the same as counted live', () => {
  const dueInds = INDICATORS.indicators.filter((i) => i.source === 'case_due' && i.status === 'live');
  /** Every due-item figure an area shows, on a given clock: totals and per district. */
  async function dueFigures(actor: Actor, at: { today: string; now: Date }) {
    const out: Record<string, unknown> = {};
    for (const i of dueInds) {
      out[i.id] = await countIndicator(database.db, actor, i, at);
      out[`${i.id}/district`] = await countIndicator(database.db, actor, i, at, 'district');
      out[`${i.id}/state`] = await countIndicator(database.db, actor, i, at, 'state');
    }
    return out;
  }
  const areas = () => [district, actorFor('district', 467), actorFor('state'), national];
  async function same(at: { today: string; now: Date } = p) {
    await ensureFresh(database.db, 0);
    for (const actor of areas()) expect(await dueFigures(actor, at)).toEqual(await live(() => dueFigures(actor, at)));
  }
  const casePending = async () => Number((await database.query<{ n: number }>('SELECT count(*)::int AS n FROM dash_case_pending'))[0].n);
  const C1 = '00000000-0000-0000-0000-000000000101';
  const C3 = '00000000-0000-0000-0000-000000000103';
  const K = '00000000-0000-0000-0000-000000000104';
  const unit = '00000000-0000-0000-0000-000000000900';
  const addDue = (caseId: string, kind: string, at: string, d = 468) =>
    database.query(
      `INSERT INTO case_due (case_id, kind, due_at, assigned_unit_id, statutory, source, state_code, district_code)
       VALUES ($1, $2, $3, $4, true, 'default', 27, $5)`,
      [caseId, kind, at, unit, d],
    );

  it('as loaded (C1, closed above, reopened), and the figures are not trivially zero', async () => {
    await database.query(`UPDATE case_record SET status = 'under_cwc', closed_at = NULL WHERE id = $1`, [C1]);
    expect(await casePending()).toBe(1);
    await same();
    expect((await countIndicator(database.db, actorFor('state'), ind('cases_past_production'), p))[0]).toMatchObject({
      numerator: 2,
      denominator: 2,
    });
  });

  it('after inserts: due earlier today (overdue by the clock), later today (not yet), tomorrow, in the other district', async () => {
    await addDue(C1, 'sir_submission', '2026-11-20T09:00:00+05:30'); // before NOW (12:00 IST)
    await addDue(C3, 'cwc_production', '2026-11-20T18:00:00+05:30'); // after NOW, same IST day
    await addDue(K, 'sir_submission', '2026-11-21T00:30:00+05:30', 467); // the next IST day, still 20 Nov in UTC
    expect(await casePending()).toBe(3);
    await same();
    expect((await countIndicator(database.db, district, ind('cases_past_sir'), p))[0]).toMatchObject({ numerator: 1, denominator: 2 });
    expect((await countIndicator(database.db, district, ind('cases_past_production'), p))[0]).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
  });

  it('after updates: a due date moved to another day, an item transferred to another district', async () => {
    await database.query(`UPDATE case_due SET due_at = '2026-11-10T10:00:00+05:30' WHERE case_id = $1 AND kind = 'sir_submission'`, [C3]);
    await database.query(`UPDATE case_due SET district_code = 467 WHERE case_id = $1 AND kind = 'cwc_final_order'`, [C3]);
    await same();
  });

  it('after a case is closed (its items leave) and reopened (they return), and an item deleted', async () => {
    await database.query(`UPDATE case_record SET status = 'closed', closed_at = now() WHERE id = $1`, [C1]);
    await same();
    expect((await countIndicator(database.db, district, ind('cases_past_production'), p))[0]).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
    await database.query(`UPDATE case_record SET status = 'under_cwc', closed_at = NULL WHERE id = $1`, [C1]);
    await database.query(`DELETE FROM case_due WHERE case_id = $1 AND kind = 'cwc_production'`, [K]);
    await same();
    // An unrelated change to an open case (its risk) leaves its due items alone.
    await ensureFresh(database.db, 0);
    await database.query(`UPDATE case_record SET risk = 'low' WHERE id = $1`, [C3]);
    expect(await casePending()).toBe(0);
  });

  it('on another day and hour of the clock, with nothing recomputed', async () => {
    const at = (iso: string) => ({ now: new Date(iso), today: new Date(new Date(iso).getTime() + 19_800_000).toISOString().slice(0, 10) });
    for (const clock of [
      at('2026-11-20T19:00:00Z'), // 00:30 IST on the 21st: the late item of the 20th is overdue, the 21st's is not yet
      at('2026-11-21T12:00:00Z'),
      at('2026-11-26T04:00:00Z'),
      at('2027-04-01T04:00:00Z'),
      at('2026-11-01T04:00:00Z'),
    ]) {
      await same(clock);
    }
  });
});
