/**
 * The dashboards benches' data and callers (home.bench.ts, profile.ts): Maharashtra's districts, the
 * cases bench's children and cases plus what the home reads (statutory due items, stays, placements,
 * action items, missing reports, 1098 calls), the context the services are called with, and the
 * district officer, state officer, block officer and caseworker who call them.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../src/access/policy';
import type { AppContext } from '../../src/http/context';
import { generate } from '../cases/cases.bench';
import { scratchDatabase } from '../support';

export type Scratch = Awaited<ReturnType<typeof scratchDatabase>>;
export const NOW = new Date('2026-11-23T05:00:00Z');

const md5uuid = (s: string) => {
  const h = createHash('md5').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

export async function districtsOf(d: Scratch): Promise<number[]> {
  const rows = await d.query<{ c: number }>(
    "SELECT lgd_code AS c FROM location WHERE level = 'district' AND state_code = 27 ORDER BY lgd_code",
  );
  return rows.map((r) => Number(r.c));
}

/**
 * What the home's care trend and departments behind read: a Child Care Institution and a district
 * convergence group per district; a stay for 1 child in 25 (a third in care now, the rest left after
 * 1-12 months), a family-based placement for another 1 in 25 (half ended), and one convergence action
 * item per 20 children (60% done, early or late, the rest open or blocked), over the last two years;
 * stays and action items in the block of the child's case, and the placed children too.
 */
export async function careAndActions(d: Awaited<ReturnType<typeof scratchDatabase>>, districts: number[], rows: number) {
  const D = districts.length;
  const arr = `ARRAY[${districts.join(',')}]::int[]`;
  const per = (g: string) => `(${arr})[1 + ${g} % ${D}]`;
  // The block of the child's case (the cases bench: district × 100 + (g / D) % 12), so a block's home reads real rows.
  const block = (g: string) => `${per(g)} * 100 + (${g} / ${D}) % 12`;
  await d.exec(`
    INSERT INTO organisation (id, name, kind, state_code, district_code) SELECT md5('cci-' || x)::uuid, 'Home ' || x, 'cci', 27, x FROM unnest(${arr}) x;
    INSERT INTO care_institution (organisation_id, type, management, registration_no, valid_until, state_code, district_code)
    SELECT md5('cci-' || x)::uuid, 'childrens_home', 'government', 'REG' || x, '2030-01-01', 27, x FROM unnest(${arr}) x;
    INSERT INTO convergence_group (id, state_code, district_code, level, name) SELECT md5('dcg-' || x)::uuid, 27, x, 'district', 'DCG ' || x FROM unnest(${arr}) x;`);
  await d.exec(`
    INSERT INTO care_stay (child_id, institution_id, state_code, district_code, block_code, order_by, order_type, ordered_on, admitted_on, sex, age_band, status, ended_on)
    SELECT md5('c' || g)::uuid, md5('cci-' || ${per('g')})::uuid, 27, ${per('g')}, ${block('g')}, 'cwc', 'placement', day, day, 'female', '6-10',
           CASE WHEN g % 3 = 0 THEN 'in_care' ELSE 'left' END, CASE WHEN g % 3 = 0 THEN NULL ELSE day + (30 + g % 330) END
    FROM (SELECT g, DATE '2024-12-01' + (g % 700) AS day FROM generate_series(25, ${rows}, 25) g) s`);
  await d.exec(`
    INSERT INTO care_family_placement (child_id, kind, state_code, district_code, started_on, ended_on)
    SELECT md5('c' || g)::uuid, (ARRAY['kinship','foster','sponsorship','group_foster'])[1 + g % 4], 27, ${per('g')}, day,
           CASE WHEN g % 2 = 0 THEN NULL ELSE day + (60 + g % 300) END
    FROM (SELECT g, DATE '2024-12-01' + (g % 700) AS day FROM generate_series(5, ${rows}, 25) g) s`);
  await d.exec(`
    INSERT INTO convergence_action (group_id, state_code, district_code, block_code, description, department, assigned_on, raised_on, due_date, status, done_on)
    SELECT md5('dcg-' || ${per('g')})::uuid, 27, ${per('g')}, ${block('g')}, 'Do it',
           (ARRAY['health','education','police','revenue','labour','social_justice','rural_development','women_child'])[1 + (g / ${D}) % 8],
           due - 30, due - 30, due, CASE WHEN g % 5 < 3 THEN 'done' WHEN g % 5 = 3 THEN 'open' ELSE 'blocked' END,
           CASE WHEN g % 5 < 3 THEN due + (g % 21 - 10) END
    FROM (SELECT g, DATE '2025-01-01' + (g % 720) AS due FROM generate_series(1, ${rows / 20}) g) s`);
  // A family placement is counted in the child's block (dash_care): the placed children get their case's block.
  await d.exec(`UPDATE child c SET block_code = k.block_code FROM case_record k
    WHERE k.child_id = c.id AND c.id IN (SELECT child_id FROM care_family_placement)`);
}

/**
 * Missing reports and 1098 calls: a missing report per 200 children (a third matched to a found-child
 * record and half of those restored, 1-30 days later), and a 1098 call per 10 children over the last
 * two years (60-minute target; 70% reached, most within it, 10% not yet reached, the rest closed unreached).
 */
export async function missingAndCalls(d: Scratch, districts: number[], rows: number) {
  const D = districts.length;
  const per = (g: string) => `(ARRAY[${districts.join(',')}]::int[])[1 + ${g} % ${D}]`;
  await d.exec(`
    INSERT INTO missing_record (id, kind, status, channel, source, state_code, district_code, sex, reference, created_at)
    SELECT md5('m' || g || k)::uuid, k, CASE WHEN g % 3 = 0 THEN 'matched' ELSE 'open' END, 'official', 'police', 27, ${per('g')},
           'female', upper(k) || '-' || g, at
    FROM (SELECT g, TIMESTAMPTZ '2024-12-01 10:00+05:30' + (g % 700) * interval '1 day' AS at FROM generate_series(1, ${Math.floor(rows / 200)}) g) s
    CROSS JOIN LATERAL (SELECT 'missing' AS k UNION ALL SELECT 'found' WHERE g % 3 = 0) kinds`);
  await d.exec(`
    INSERT INTO missing_match (id, missing_id, found_id, missing_state_code, missing_district_code, found_state_code, found_district_code,
                               probability, weight, fields, explanation, model_version, status, decided_at)
    SELECT md5('mm' || g)::uuid, md5('m' || g || 'missing')::uuid, md5('m' || g || 'found')::uuid, 27, ${per('g')}, 27, ${per('g')},
           0.9, 5, '{}', 'x', 'v1', 'confirmed', TIMESTAMPTZ '2024-12-01 10:00+05:30' + (g % 700 + 1 + g % 5) * interval '1 day'
    FROM generate_series(3, ${Math.floor(rows / 200)}, 3) g`);
  await d.exec(`
    INSERT INTO missing_restoration (match_id, missing_id, found_id, state_code, district_code, found_state_code, found_district_code, status, updated_at)
    SELECT md5('mm' || g)::uuid, md5('m' || g || 'missing')::uuid, md5('m' || g || 'found')::uuid, 27, ${per('g')}, 27, ${per('g')},
           'restored', TIMESTAMPTZ '2024-12-01 10:00+05:30' + (g % 700 + 1 + g % 30) * interval '1 day'
    FROM generate_series(6, ${Math.floor(rows / 200)}, 6) g`);
  await d.exec(`
    INSERT INTO helpline_call (status, state_code, district_code, received_at, submitted_at, target_minutes, target_at, reached_at, created_at, updated_at)
    SELECT CASE WHEN g % 10 < 7 THEN 'reached' WHEN g % 10 = 7 THEN 'open' ELSE 'closed' END, 27, ${per('g')}, at, at, 60, at + interval '60 minutes',
           CASE WHEN g % 10 < 7 THEN at + (20 + g % 60) * interval '1 minute' END, at, at
    FROM (SELECT g, TIMESTAMPTZ '${NOW.toISOString()}' - (g % 730) * interval '1 day' - (g % 1440) * interval '1 minute' AS at
          FROM generate_series(1, ${Math.floor(rows / 10)}) g) s`);
}

/** Everything the dashboards read, for `rows` children and cases over `districts`. */
export async function fill(d: Scratch, districts: number[], rows: number) {
  await generate(d, districts, rows);
  // Statutory due items (JJ Act 2015 s.31, s.36) for a tenth of the open cases.
  await d.exec(`
    INSERT INTO case_due (case_id, kind, ref, due_at, assigned_user_id, assigned_unit_id, statutory, source,
                          state_code, district_code, subdistrict_code, block_code, village_id, owner_user_id, owner_unit_id, transfer_to_unit_id)
    SELECT id, (ARRAY['cwc_production','sir_submission','cwc_final_order'])[1 + number % 3], '', next_due_at, owner_user_id, owner_unit_id, true, 'default',
           state_code, district_code, subdistrict_code, block_code, village_id, owner_user_id, owner_unit_id, transfer_to_unit_id
    FROM case_record WHERE status <> 'closed' AND number % 10 = 1`);
  await careAndActions(d, districts, rows);
  await missingAndCalls(d, districts, rows);
  for (const t of [
    'child',
    'case_record',
    'case_due',
    'care_stay',
    'care_family_placement',
    'convergence_action',
    'missing_record',
    'helpline_call',
  ]) {
    await d.exec(`VACUUM ANALYZE ${t}`);
  }
}

export function benchContext(d: Scratch): AppContext {
  return { database: d, db: d.db, now: () => NOW, config: { filesDir: '/tmp' } as AppContext['config'] };
}

const person = (role: string, scope: Actor['scope'], userId = '00000000-0000-0000-0000-000000000001'): Actor => ({
  userId,
  username: role,
  displayName: role,
  role: role as Actor['role'],
  organisationId: null,
  organisationKind: null,
  scope,
});
export const districtOfficer = (district: number) => person('dcpu_officer', { level: 'district', stateCode: 27, districtCode: district });
export const stateOfficer = () => person('scps_officer', { level: 'state', stateCode: 27 });
/** A block-level worker (a caseworker with a block scope) of one of the district's 12 blocks (the cases bench's block codes: district × 100 + 0..11). */
export const blockOfficer = (district: number, block = 0) =>
  person('caseworker', { level: 'block', stateCode: 27, districtCode: district, blockCode: district * 100 + block });
/** The district's first caseworker of the cases bench (owner of about 150 open cases). */
export const caseworker = (district: number) => ({
  ...person('caseworker', { level: 'district', stateCode: 27, districtCode: district }, md5uuid(`cw-${district}-0`)),
  organisationId: md5uuid(`dcpu-${district}`),
  organisationKind: 'DCPU',
});
