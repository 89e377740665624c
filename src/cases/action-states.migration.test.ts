import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../db/client';
import { migrate } from '../db/migrate';

// Cases written before migration 1200: each must name afterwards every state its actions were
// written in and the state it is in now (a case transferred from Maharashtra to Karnataka, one
// that never moved, one without actions yet), and the trigger must keep the list as cases move.
// PGlite; the same SQL runs on PostgreSQL (src/db/partition/partition.pg.test.ts reads its plans).
const DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
const MOVED = '00000000-0000-4000-8000-000000000001';
const STAYED = '00000000-0000-4000-8000-000000000002';
const EMPTY = '00000000-0000-4000-8000-000000000003';
const UNIT = '00000000-0000-4000-8000-0000000000aa';
let d: Database;

async function kase(id: string, state: number, district: number) {
  await d.query(
    `INSERT INTO case_record (id, child_id, state_code, district_code, status, phase, level, risk, source, reported_on, owner_unit_id, opened_at, last_action_at)
     VALUES ($1, gen_random_uuid(), $2, $3, 'intake', 'intake', 'district', 'high', 'vcpc', '2026-01-01', $4, now(), now())`,
    [id, state, district, UNIT],
  );
}
async function action(caseId: string, seq: number, state: number, district: number) {
  await d.query(
    `INSERT INTO case_action (case_id, seq, type, at, payload, state_code, district_code) VALUES ($1, $2, 'note', now(), '{}', $3, $4)`,
    [caseId, seq, state, district],
  );
}
const statesOf = async (id: string) =>
  (await d.query<{ s: number[] }>('SELECT action_states AS s FROM case_record WHERE id = $1', [id]))[0].s.map(Number);

beforeAll(async () => {
  d = await openDatabase('memory://');
  await d.exec('CREATE TABLE schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  for (const f of readdirSync(DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f) && f < '1200')
    .sort()) {
    await d.exec(readFileSync(DIR + f, 'utf8'));
    await d.query('INSERT INTO schema_migration (name) VALUES ($1)', [f]);
  }
  // The old rows only need to exist: skip the foreign keys to the child.
  await d.exec('SET session_replication_role = replica');
  await kase(MOVED, 29, 527); // now in Belagavi, its first actions written in Amravati
  await action(MOVED, 1, 27, 468);
  await action(MOVED, 2, 27, 468);
  await action(MOVED, 3, 29, 527);
  await kase(STAYED, 27, 468);
  await action(STAYED, 1, 27, 468);
  await kase(EMPTY, 27, 467);
  await d.exec('SET session_replication_role = origin');
  await migrate(d);
}, 180_000);

afterAll(async () => {
  await d?.close();
});

describe('migration 1200: the states a case has been in', () => {
  it('fills them from each case’s actions and its own state', async () => {
    expect(await statesOf(MOVED)).toEqual([27, 29]);
    expect(await statesOf(STAYED)).toEqual([27]);
    expect(await statesOf(EMPTY)).toEqual([27]);
  });

  it('keeps them as a case moves: a new state added once, none dropped', async () => {
    await d.query('UPDATE case_record SET state_code = 23, district_code = 396 WHERE id = $1', [STAYED]);
    expect(await statesOf(STAYED)).toEqual([27, 23]);
    await d.query(`UPDATE case_record SET status = 'under_cwc' WHERE id = $1`, [STAYED]);
    expect(await statesOf(STAYED)).toEqual([27, 23]);
    await d.query('UPDATE case_record SET state_code = 27, district_code = 468 WHERE id = $1', [STAYED]);
    expect(await statesOf(STAYED)).toEqual([27, 23]);
    // A new case names its own state whatever its writer passed.
    const id = '00000000-0000-4000-8000-000000000004';
    // No child here, and the key to it is not what is tested (replica mode would skip this trigger too).
    await d.exec('ALTER TABLE case_record DROP CONSTRAINT case_record_child_id_fkey');
    await d.query(
      `INSERT INTO case_record (id, child_id, state_code, district_code, status, phase, level, risk, source, reported_on, owner_unit_id, opened_at, last_action_at, action_states)
       SELECT $1, child_id, 29, 527, status, phase, level, risk, source, reported_on, owner_unit_id, opened_at, last_action_at, NULL
         FROM case_record WHERE id = $2`,
      [id, EMPTY],
    );
    expect(await statesOf(id)).toEqual([29]);
  });
});
