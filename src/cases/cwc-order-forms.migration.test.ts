import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../db/client';
import { migrate } from '../db/migrate';
import { CWC_ORDER_FORMS, correctedOrderForm, type CwcOrderType } from './domain';

// A database written while Forms 30, 34 and 35 were offered as CWC order forms (before migration
// 0640): its orders must read back on the form their order type is issued on, with the original
// code kept beside them. PGlite only: the migration's SQL runs on PostgreSQL in every other set-up.
const DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
const CASE = '00000000-0000-4000-8000-000000000001';
let d: Database;

async function order(seq: number, orderType: string, form: string | null) {
  const payload = {
    type: 'cwc_order',
    kind: 'final',
    orderType,
    orderedOn: '2025-01-10',
    cwcUnit: 'u',
    at: '2025-01-10T10:00:00Z',
    by: 'x',
    unit: 'u',
    ...(form ? { form } : {}),
  };
  await d.query(
    `INSERT INTO case_action (case_id, seq, type, at, payload, state_code, district_code) VALUES ($1, $2, 'cwc_order', now(), $3, 27, 468)`,
    [CASE, seq, JSON.stringify(payload)],
  );
}

beforeAll(async () => {
  d = await openDatabase('memory://');
  await d.exec('CREATE TABLE schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  for (const f of readdirSync(DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f) && f < '0640')
    .sort()) {
    await d.exec(readFileSync(DIR + f, 'utf8'));
    await d.query('INSERT INTO schema_migration (name) VALUES ($1)', [f]);
  }
  // The old rows only need to exist: skip the foreign keys to the child and case.
  await d.exec('SET session_replication_role = replica');
  await order(1, 'foster_care', 'form30');
  await order(2, 'sponsorship', 'form34');
  await order(3, 'aftercare', 'form35');
  await order(4, 'cci_placement', 'form35');
  await order(5, 'restoration', 'form44');
  await order(6, 'other', 'form30');
  await order(7, 'fit_person', null);
  await d.exec('SET session_replication_role = origin');
  await migrate(d);
}, 120_000);

afterAll(async () => {
  await d?.close();
});

describe('migration 0640: CWC order forms', () => {
  it('rewrites orders on Forms 30/34/35 to the form of their order type and leaves the rest alone', async () => {
    const rows = await d.query<{ seq: number; form: string | null }>(
      `SELECT seq, payload->>'form' AS form FROM case_action WHERE case_id = $1 ORDER BY seq`,
      [CASE],
    );
    expect(rows.map((r) => [r.seq, r.form])).toEqual([
      [1, 'form32'],
      [2, 'form36'],
      [3, 'form37'],
      [4, 'form18'],
      [5, 'form44'],
      [6, 'other'],
      [7, null],
    ]);
    for (const r of rows) if (r.form) expect(CWC_ORDER_FORMS).toContain(r.form);
  });

  it('agrees with the domain mapping and keeps the code first recorded', async () => {
    const fixes = await d.query<{ seq: number; old_form: string; new_form: string }>(
      `SELECT seq, old_form, new_form FROM cwc_order_form_correction ORDER BY seq`,
    );
    expect(fixes.map((f) => [f.seq, f.old_form])).toEqual([
      [1, 'form30'],
      [2, 'form34'],
      [3, 'form35'],
      [4, 'form35'],
      [6, 'form30'],
    ]);
    const types: Record<number, CwcOrderType> = { 1: 'foster_care', 2: 'sponsorship', 3: 'aftercare', 4: 'cci_placement', 6: 'other' };
    for (const f of fixes) expect(f.new_form).toBe(correctedOrderForm(types[f.seq]));
  });

  it('leaves the history append-only again', async () => {
    await expect(d.query(`UPDATE case_action SET type = type WHERE case_id = $1`, [CASE])).rejects.toThrow(/append-only/);
  });
});
