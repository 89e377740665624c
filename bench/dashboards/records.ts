/**
 * The tables whose dashboards triggers came after 0840/0923 (0980: action items, stays, placements,
 * stay events; 1010: missing reports, matches, restorations, 1098 calls; 1090: a child moving block),
 * written for triggers.bench.ts: rows [lo, hi] of a tag in one multi-row INSERT, then one UPDATE of the
 * same rows that moves each to another bucket of the kept tables (counted out of one, into another).
 * The rows name the children the bench imported under the same tag (md5(tag || 'c' || g)).
 */
import type { Scratch } from './setup';

export interface RecordTable {
  table: string;
  /** What is written, for the result's name. */
  what: string;
  insert: (d: Scratch, tag: string, lo: number, hi: number) => Promise<unknown>;
  update: (d: Scratch, tag: string, lo: number, hi: number) => Promise<unknown>;
}

const rows = (lo: number, hi: number) => `generate_series(${lo}, ${hi}) g`;
const ids = (tag: string, kind: string, lo: number, hi: number) => `(SELECT md5('${tag}${kind}' || g)::uuid FROM ${rows(lo, hi)})`;
const BLOCK = `46800 + g % 12`;

/** A Child Care Institution and a convergence group the rows name. */
export async function recordsSetup(d: Scratch): Promise<void> {
  await d.exec(`
    INSERT INTO organisation (id, name, kind, state_code, district_code) VALUES (md5('cci')::uuid, 'Home', 'cci', 27, 468);
    INSERT INTO care_institution (organisation_id, type, management, registration_no, valid_until, state_code, district_code)
    VALUES (md5('cci')::uuid, 'childrens_home', 'government', 'REG', '2030-01-01', 27, 468);
    INSERT INTO convergence_group (id, state_code, district_code, level, name) VALUES (md5('dcg')::uuid, 27, 468, 'district', 'DCG');`);
}

export const RECORD_TABLES: RecordTable[] = [
  {
    table: 'convergence_action',
    what: 'action items inserted, then done',
    insert: (d, t, lo, hi) =>
      d.exec(`INSERT INTO convergence_action (id, group_id, state_code, district_code, block_code, description, department, assigned_on, raised_on, due_date, status)
        SELECT md5('${t}a' || g)::uuid, md5('dcg')::uuid, 27, 468, ${BLOCK}, 'Do it',
               (ARRAY['health','education','police','revenue'])[1 + g % 4], '2026-10-01', '2026-10-01', DATE '2026-10-01' + g % 60, 'open'
        FROM ${rows(lo, hi)}`),
    update: (d, t, lo, hi) =>
      d.exec(`UPDATE convergence_action SET status = 'done', done_on = due_date + 1 WHERE id IN ${ids(t, 'a', lo, hi)}`),
  },
  {
    table: 'care_stay',
    what: 'stays admitted, then ran away (absconded)',
    insert: (d, t, lo, hi) =>
      d.exec(`INSERT INTO care_stay (id, child_id, institution_id, state_code, district_code, block_code, order_by, order_type, ordered_on, admitted_on, sex, age_band, status)
        SELECT md5('${t}s' || g)::uuid, md5('${t}c' || g)::uuid, md5('cci')::uuid, 27, 468, ${BLOCK}, 'cwc', 'placement',
               DATE '2026-01-01' + g % 300, DATE '2026-01-01' + g % 300, 'female', '6-10', 'in_care'
        FROM ${rows(lo, hi)}`),
    update: (d, t, lo, hi) => d.exec(`UPDATE care_stay SET status = 'absconded' WHERE id IN ${ids(t, 's', lo, hi)}`),
  },
  {
    table: 'care_stay_event',
    what: 'ran-away events recorded, then re-dated',
    insert: (d, t, lo, hi) =>
      d.exec(`INSERT INTO care_stay_event (stay_id, type, on_day)
        SELECT md5('${t}s' || g)::uuid, 'ran_away', DATE '2026-11-01' FROM ${rows(lo, hi)}`),
    update: (d, t, lo, hi) => d.exec(`UPDATE care_stay_event SET on_day = on_day + 1 WHERE stay_id IN ${ids(t, 's', lo, hi)}`),
  },
  {
    table: 'care_family_placement',
    what: 'foster placements started, then ended',
    insert: (d, t, lo, hi) =>
      d.exec(`INSERT INTO care_family_placement (id, child_id, kind, state_code, district_code, started_on)
        SELECT md5('${t}p' || g)::uuid, md5('${t}c' || g)::uuid, 'foster', 27, 468, DATE '2025-01-01' + g % 300 FROM ${rows(lo, hi)}`),
    update: (d, t, lo, hi) => d.exec(`UPDATE care_family_placement SET ended_on = started_on + 90 WHERE id IN ${ids(t, 'p', lo, hi)}`),
  },
  {
    // A child with a family placement who moves block has their care rows recomputed (1090); the
    // child's insert is the import's (measured above): here two moves.
    table: 'child',
    what: 'children (each with a placement) moved to another block, twice',
    insert: (d, t, lo, hi) => d.exec(`UPDATE child SET block_code = 46800 WHERE id IN ${ids(t, 'c', lo, hi)}`),
    update: (d, t, lo, hi) => d.exec(`UPDATE child SET block_code = block_code + 1 WHERE id IN ${ids(t, 'c', lo, hi)}`),
  },
  {
    table: 'missing_record',
    what: 'missing and found reports filed, then moved to another district',
    insert: (d, t, lo, hi) =>
      d.exec(`INSERT INTO missing_record (id, kind, status, channel, source, state_code, district_code, sex, reference, created_at)
        SELECT md5('${t}m' || g || k)::uuid, k, 'open', 'official', 'police', 27, 468, 'female', '${t}' || k || g, now()
        FROM ${rows(lo, hi)} CROSS JOIN (VALUES ('missing'), ('found')) AS x(k)`),
    update: (d, t, lo, hi) =>
      d.exec(
        `UPDATE missing_record SET district_code = 467 WHERE id IN (SELECT md5('${t}m' || g || 'missing')::uuid FROM ${rows(lo, hi)})`,
      ),
  },
  {
    table: 'missing_match',
    what: 'matches confirmed, then rejected',
    insert: (d, t, lo, hi) =>
      d.exec(`INSERT INTO missing_match (id, missing_id, found_id, missing_state_code, missing_district_code, found_state_code, found_district_code,
                                         probability, weight, fields, explanation, model_version, status, decided_at)
        SELECT md5('${t}x' || g)::uuid, md5('${t}m' || g || 'missing')::uuid, md5('${t}m' || g || 'found')::uuid, 27, 468, 27, 468,
               0.9, 5, '{}', 'x', 'v1', 'confirmed', now()
        FROM ${rows(lo, hi)}`),
    update: (d, t, lo, hi) => d.exec(`UPDATE missing_match SET status = 'rejected' WHERE id IN ${ids(t, 'x', lo, hi)}`),
  },
  {
    table: 'missing_restoration',
    what: 'restorations recorded, then set back to awaiting a case',
    insert: (d, t, lo, hi) =>
      d.exec(`INSERT INTO missing_restoration (match_id, missing_id, found_id, state_code, district_code, found_state_code, found_district_code, status, updated_at)
        SELECT md5('${t}x' || g)::uuid, md5('${t}m' || g || 'missing')::uuid, md5('${t}m' || g || 'found')::uuid, 27, 468, 27, 468, 'restored', now()
        FROM ${rows(lo, hi)}`),
    update: (d, t, lo, hi) => d.exec(`UPDATE missing_restoration SET status = 'awaiting_case' WHERE match_id IN ${ids(t, 'x', lo, hi)}`),
  },
  {
    table: 'helpline_call',
    what: '1098 calls submitted, then reached',
    insert: (d, t, lo, hi) =>
      d.exec(`INSERT INTO helpline_call (id, status, state_code, district_code, received_at, submitted_at, target_minutes, target_at, created_at, updated_at)
        SELECT md5('${t}h' || g)::uuid, 'open', 27, 468, at, at, 60, at + interval '60 minutes', at, at
        FROM (SELECT g, now() - (g % 720) * interval '1 hour' AS at FROM ${rows(lo, hi)}) s`),
    update: (d, t, lo, hi) =>
      d.exec(
        `UPDATE helpline_call SET status = 'reached', reached_at = received_at + interval '30 minutes' WHERE id IN ${ids(t, 'h', lo, hi)}`,
      ),
  },
];
