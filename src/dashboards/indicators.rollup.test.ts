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
