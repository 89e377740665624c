/**
 * A hand-built fixture for the indicator tests: two districts of Maharashtra (Amravati 468,
 * Akola 467), a few children, cases, documents, schemes, action items, missing reports, stays
 * in institutions, family-based placements and 1098 calls,
 * inserted straight into the modules' tables so that every expected count in the tests is
 * worked out by hand from the rows below (not by the code under test).
 */
import type { Database } from '../db/client';
import type { Actor } from '../access/policy';

export const TODAY = '2026-11-20';
/** Noon IST on TODAY. */
export const NOW = new Date('2026-11-20T06:30:00Z');

export const AMRAVATI = { state: 27, district: 468 };
export const AKOLA = { state: 27, district: 467 };

export function actorFor(level: 'district' | 'state', district = AMRAVATI.district): Actor {
  return {
    userId: '00000000-0000-0000-0000-00000000a001',
    username: 'fixture',
    displayName: 'Fixture',
    role: level === 'state' ? 'scps_officer' : 'dcpu_officer',
    organisationId: null,
    organisationKind: null,
    scope: level === 'state' ? { level: 'state', stateCode: 27 } : { level: 'district', stateCode: 27, districtCode: district },
  };
}

const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
export const IDS = { A1: id(11), A2: id(12), A3: id(13), A4: id(14), K1: id(21) };

export async function loadFixture(db: Database): Promise<void> {
  const q = (text: string, params: unknown[] = []) => db.query(text, params);
  const unit = id(900);
  // Families: F1 (SC) with A1 and A2, F2 (ST) with A3, F3 in Akola with K1.
  for (const [fid, d, caste] of [
    [id(1), AMRAVATI.district, 'sc'],
    [id(2), AMRAVATI.district, 'st'],
    [id(3), AKOLA.district, 'obc'],
  ] as const) {
    await q(
      `INSERT INTO family (id, state_code, district_code, head_name, caregiver_type, caste_category) VALUES ($1, 27, $2, 'Head', 'single_mother', $3)`,
      [fid, d, caste],
    );
  }
  const child = (
    cid: string,
    fid: string,
    d: number,
    block: number,
    sex: string,
    dob: string | null,
    disability: string | null,
    created: string,
  ) =>
    q(
      `INSERT INTO child (id, family_id, state_code, district_code, block_code, name, sex, dob, disability, care_status, created_at)
       VALUES ($1, $2, 27, $3, $4, 'Child', $5, $6, $7, 'birth_family', $8)`,
      [cid, fid, d, block, sex, dob, disability, created],
    );
  await child(IDS.A1, id(1), 468, 100, 'female', '2016-05-01', null, '2026-03-10T10:00:00+05:30');
  await child(IDS.A2, id(1), 468, 100, 'male', '2010-01-01', 'none', '2026-05-01T10:00:00+05:30');
  await child(IDS.A3, id(2), 468, 101, 'female', null, 'locomotor', '2026-11-01T10:00:00+05:30');
  await child(IDS.A4, id(2), 468, 101, 'female', null, null, '2026-11-02T10:00:00+05:30');
  await q(`UPDATE child SET merged_into = $1 WHERE id = $2`, [IDS.A3, IDS.A4]);
  await child(IDS.K1, id(3), 467, 200, 'male', '2015-01-01', null, '2026-06-01T10:00:00+05:30');

  // Assessments: F1 as a whole (covers A1 and A2), K1 himself.
  const assess = (fid: string, cid: string | null, d: number, on: string) =>
    q(
      `INSERT INTO assessment (state_code, district_code, family_id, child_id, instrument_id, instrument_version, assessed_on, answers, domain_scores, overall)
       VALUES (27, $1, $2, $3, 'vuln', 1, $4, '{}', '{}', 1)`,
      [d, fid, cid, on],
    );
  await assess(id(1), null, 468, '2026-04-01');
  await assess(id(3), IDS.K1, 467, '2026-06-05');

  // Cases: C1 (A1) open, C2 (A2) closed after restoration and a visit, C3 (A3) open, restored without a visit, K (K1) open.
  const kase = (cid: string, childId: string, d: number, block: number, status: string, opened: string) =>
    q(
      `INSERT INTO case_record (id, child_id, state_code, district_code, block_code, status, phase, level, risk, source, reported_on, owner_unit_id, opened_at, last_action_at, closed_at)
       VALUES ($1, $2, 27, $3, $4, $5, 'under_cwc', 'district', 'high', 'vcpc', $6, $7, $8, $8, $9)`,
      [cid, childId, d, block, status, opened, unit, `${opened}T10:00:00+05:30`, status === 'closed' ? '2026-09-01T00:00:00Z' : null],
    );
  await kase(id(101), IDS.A1, 468, 100, 'under_cwc', '2026-10-01');
  await kase(id(102), IDS.A2, 468, 100, 'closed', '2026-06-01');
  await kase(id(103), IDS.A3, 468, 101, 'under_cwc', '2026-11-05');
  await kase(id(104), IDS.K1, 467, 200, 'intake', '2026-11-18');
  const action = (caseId: string, seq: number, type: string, payload: object, d = 468) =>
    q(`INSERT INTO case_action (case_id, seq, type, at, payload, state_code, district_code) VALUES ($1, $2, $3, now(), $4, 27, $5)`, [
      caseId,
      seq,
      type,
      JSON.stringify({ type, ...payload }),
      d,
    ]);
  await action(id(102), 1, 'cwc_order', { kind: 'final', orderType: 'restoration', orderedOn: '2026-07-01', cwcUnit: 'cwc' });
  await action(id(102), 2, 'follow_up_visit', { visitedOn: '2026-08-01', findings: 'well', childSafe: true });
  await action(id(103), 1, 'follow_up_visit', { visitedOn: '2026-08-15', findings: 'before the order', childSafe: true });
  await action(id(103), 2, 'cwc_order', { kind: 'interim', orderType: 'restoration', orderedOn: '2026-09-01', cwcUnit: 'cwc' });
  // Due items: C1 production overdue (due yesterday); C3 SIR and final order not yet due; K production overdue.
  const due = (caseId: string, kind: string, at: string, d = 468) =>
    q(
      `INSERT INTO case_due (case_id, kind, due_at, assigned_unit_id, statutory, source, state_code, district_code) VALUES ($1, $2, $3, $4, true, 'default', 27, $5)`,
      [caseId, kind, at, unit, d],
    );
  await due(id(101), 'cwc_production', '2026-11-19T10:00:00+05:30');
  await due(id(103), 'sir_submission', '2026-11-25T10:00:00+05:30');
  await due(id(103), 'cwc_final_order', '2027-03-05T10:00:00+05:30');
  await due(id(104), 'cwc_production', '2026-11-19T12:00:00+05:30', 467);

  // Documents: A1 own held + F1 family death certificate held; A2 own Aadhaar missing; nothing for A3.
  const doc = (fid: string, cid: string | null, type: string, status: string) =>
    q(`INSERT INTO document (state_code, district_code, family_id, child_id, doc_type, status) VALUES (27, 468, $1, $2, $3, $4)`, [
      fid,
      cid,
      type,
      status,
    ]);
  await doc(id(1), IDS.A1, 'birth_certificate', 'held');
  await doc(id(1), null, 'death_certificate', 'held');
  await doc(id(1), IDS.A2, 'aadhaar', 'missing');

  // Schemes: F1 as a family sanctioned (links A1 and A2); F2's child application only identified.
  await q(
    `INSERT INTO scheme_application (scheme_id, subject, subject_id, family_id, state_code, district_code, status, identified_on, sanctioned_on, last_step_on)
     VALUES ('nfbs', 'family', $1, $2, 27, 468, 'sanctioned', '2026-06-01', '2026-06-15', '2026-06-15')`,
    [id(1), id(1)],
  );
  await q(
    `INSERT INTO scheme_application (scheme_id, subject, subject_id, family_id, child_id, state_code, district_code, status, identified_on, last_step_on)
     VALUES ('bal_sangopan', 'child', $1, $2, $3, 27, 468, 'identified', '2026-11-02', '2026-11-02')`,
    [IDS.A3, id(2), IDS.A3],
  );

  // Action items of the Amravati group: education on time + late, health overdue + not yet due.
  await q(`INSERT INTO convergence_group (id, state_code, district_code, level, name) VALUES ($1, 27, 468, 'district', 'Amravati DCG')`, [
    id(300),
  ]);
  await q(`INSERT INTO convergence_group (id, state_code, district_code, level, name) VALUES ($1, 27, 467, 'district', 'Akola DCG')`, [
    id(301),
  ]);
  const act = (group: string, d: number, dept: string, due: string, done: string | null) =>
    q(
      `INSERT INTO convergence_action (group_id, state_code, district_code, description, department, assigned_on, raised_on, due_date, status, done_on)
       VALUES ($1, 27, $2, 'Do it', $3, '2026-10-01', '2026-10-01', $4, $5, $6)`,
      [group, d, dept, due, done ? 'done' : 'open', done],
    );
  await act(id(300), 468, 'education', '2026-11-10', '2026-11-08');
  await act(id(300), 468, 'education', '2026-11-12', '2026-11-15');
  await act(id(300), 468, 'health', '2026-11-15', null);
  await act(id(300), 468, 'health', '2026-12-15', null);
  await act(id(301), 467, 'health', '2026-11-01', '2026-11-01');

  // Missing reports in Amravati: M1 restored after 10 days, M2 after 20, M3 matched only, M4 open, M5 not yet moderated.
  let n = 0;
  const record = async (kind: string, status: string, reported: string) => {
    const rid = id(500 + ++n);
    await q(
      `INSERT INTO missing_record (id, kind, status, channel, source, state_code, district_code, sex, reference, created_at)
       VALUES ($1, $2, $3, 'official', 'police', 27, 468, 'female', $4, $5)`,
      [rid, kind, status, `R-${n}`, reported],
    );
    return rid;
  };
  const matchAndRestore = async (reported: string, matched: string, restored: string | null) => {
    const m = await record('missing', 'matched', reported);
    const f = await record('found', 'matched', reported);
    const mid = id(700 + n);
    await q(
      `INSERT INTO missing_match (id, missing_id, found_id, missing_state_code, missing_district_code, found_state_code, found_district_code, probability, weight, fields, explanation, model_version, status, decided_at)
       VALUES ($1, $2, $3, 27, 468, 27, 468, 0.9, 5, '{}', 'x', 'v1', 'confirmed', $4)`,
      [mid, m, f, matched],
    );
    if (restored) {
      await q(
        `INSERT INTO missing_restoration (match_id, missing_id, found_id, state_code, district_code, found_state_code, found_district_code, status, updated_at)
         VALUES ($1, $2, $3, 27, 468, 27, 468, 'restored', $4)`,
        [mid, m, f, restored],
      );
    }
  };
  await matchAndRestore('2026-10-01T10:00:00+05:30', '2026-10-05T10:00:00+05:30', '2026-10-11T10:00:00+05:30');
  await matchAndRestore('2026-10-01T10:00:00+05:30', '2026-10-03T10:00:00+05:30', '2026-10-21T10:00:00+05:30');
  await matchAndRestore('2026-10-02T10:00:00+05:30', '2026-10-04T10:00:00+05:30', null);
  await record('missing', 'open', '2026-10-03T10:00:00+05:30');
  await record('missing', 'pending_moderation', '2026-10-03T10:00:00+05:30');

  await loadCare(q);
  await loadHelpline(q);
}

type Q = (text: string, params?: unknown[]) => Promise<unknown>;

/**
 * Alternative care. Institutional now: A1 (in care in Amravati), K1 (on leave, Akola); not: A2
 * (left), A3 (ran away). Family-based now: A2 (sponsorship and kinship at once: one child); not:
 * A3 (aftercare, and a foster placement that ended).
 */
async function loadCare(q: Q): Promise<void> {
  const home = async (oid: string, d: number) => {
    await q(`INSERT INTO organisation (id, name, kind, state_code, district_code) VALUES ($1, 'Home', 'cci', 27, $2)`, [oid, d]);
    await q(
      `INSERT INTO care_institution (organisation_id, type, management, registration_no, valid_until, state_code, district_code, block_code)
       VALUES ($1, 'childrens_home', 'government', 'REG', '2030-01-01', 27, $2, $3)`,
      [oid, d, d === 468 ? 100 : 200],
    );
  };
  await home(id(800), 468);
  await home(id(801), 467);
  const stay = (childId: string, inst: string, d: number, status: string, admitted: string, ended: string | null) =>
    q(
      `INSERT INTO care_stay (child_id, institution_id, state_code, district_code, block_code, order_by, order_type, ordered_on, admitted_on, sex, age_band, status, ended_on)
       VALUES ($1, $2, 27, $3, $4, 'cwc', 'placement', $5, $5, 'female', '6-10', $6, $7)`,
      [childId, inst, d, d === 468 ? 100 : 200, admitted, status, ended],
    );
  await stay(IDS.A1, id(800), 468, 'in_care', '2026-10-05', null);
  await stay(IDS.A2, id(800), 468, 'left', '2026-06-01', '2026-07-01');
  await stay(IDS.A3, id(800), 468, 'absconded', '2026-11-06', null);
  await stay(IDS.K1, id(801), 467, 'on_leave', '2026-11-19', null);
  const placement = (childId: string, kind: string, started: string, ended: string | null) =>
    q(
      `INSERT INTO care_family_placement (child_id, kind, state_code, district_code, started_on, ended_on) VALUES ($1, $2, 27, 468, $3, $4)`,
      [childId, kind, started, ended],
    );
  await placement(IDS.A2, 'sponsorship', '2026-07-01', null);
  await placement(IDS.A2, 'kinship', '2026-07-02', null);
  await placement(IDS.A3, 'aftercare', '2026-11-10', null);
  await placement(IDS.A3, 'foster', '2026-08-01', '2026-09-01');
}

/**
 * 1098 calls, NOW being 12:00 IST on 2026-11-20. Amravati: H1 reached in time (block 100), H2
 * reached late, H3 inside its window (not yet due), H4 overdue unreached (October), H5 a draft, H6
 * without a target (information). Akola: H7 reached in time.
 */
async function loadHelpline(q: Q): Promise<void> {
  const call = (d: number, status: string, received: string, target: number | null, reached: string | null, block: number | null = null) =>
    q(
      `INSERT INTO helpline_call (status, state_code, district_code, block_code, received_at, submitted_at, target_minutes, target_at, reached_at, created_at, updated_at)
       VALUES ($1, 27, $2, $3, $4::timestamptz, $4::timestamptz, $5::int, $4::timestamptz + $5::int * interval '1 minute', $6::timestamptz, $4::timestamptz, $4::timestamptz)`,
      [status, d, block, received, target, reached],
    );
  await call(468, 'reached', '2026-11-10T10:00:00+05:30', 60, '2026-11-10T10:40:00+05:30', 100);
  await call(468, 'closed', '2026-11-12T10:00:00+05:30', 60, '2026-11-12T11:30:00+05:30');
  await call(468, 'open', '2026-11-20T11:00:00+05:30', 120, null);
  await call(468, 'dispatched', '2026-10-20T10:00:00+05:30', 60, null);
  await call(468, 'draft', '2026-11-11T10:00:00+05:30', 60, '2026-11-11T10:10:00+05:30');
  await call(468, 'closed', '2026-11-13T10:00:00+05:30', null, '2026-11-13T12:00:00+05:30');
  await call(467, 'reached', '2026-11-15T10:00:00+05:30', 30, '2026-11-15T10:20:00+05:30');
}
