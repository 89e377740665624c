import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import type { ScratchDatabase } from '../db/scratch';
import { createTestDatabase } from '../../tests/support/db';
import { nationalFoundChildSearch, type StateNode } from './national-search';

/**
 * The federation prototype on three databases of the local PostgreSQL (Maharashtra, Karnataka,
 * the nation): a child reported missing in Maharashtra is found in Karnataka; the national
 * search finds her report, each state audits what it disclosed, the nation audits the query,
 * and nothing beyond the compared fields crosses. PostgreSQL only (skipped on PGlite: one
 * embedded database per process, no separate servers to federate).
 */
const PG = process.env.TEST_DATABASE_URL || '';
const AMRAVATI = 468;

async function report(db: Database, r: { state: number; district: number; name: string; local: string; sex: string; age: number }) {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO missing_record (reference, kind, status, channel, source, state_code, district_code, name, name_local, sex, age_years,
                                 event_date, address, reporter_name, reporter_phone, fir_number)
     VALUES ('T-' || gen_random_uuid(), 'missing', 'open', 'official', 'police', $1, $2, $3, $4, $5, $6, '2026-10-02',
             'House 4, Station Road', 'Reporter', '9800000000', 'FIR 12/2026') RETURNING id`,
    [r.state, r.district, r.name, r.local, r.sex, r.age],
  );
  return row.id;
}

const auditOf = (db: Database) =>
  db.query<{ state_code: number | null; details: Record<string, unknown> }>(
    "SELECT state_code, details FROM audit_event WHERE action = 'search' AND entity_type = 'missing_record' ORDER BY seq",
  );

describe.skipIf(!PG)('national found-child search over state databases (PostgreSQL; skipped on PGlite)', () => {
  let mh: ScratchDatabase, ka: ScratchDatabase, nation: ScratchDatabase;
  let sunita: string;
  let kaDistrict: number;

  beforeAll(async () => {
    [mh, ka, nation] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
    const [d] = await ka.query<{ code: number }>(
      "SELECT district_code AS code FROM location WHERE level = 'district' AND state_code = 29 LIMIT 1",
    );
    kaDistrict = Number(d.code);
    sunita = await report(mh, { state: 27, district: AMRAVATI, name: 'Sunita Pawar', local: 'सुनीता पवार', sex: 'female', age: 9 });
    await report(mh, { state: 27, district: AMRAVATI, name: 'Rahul Deshmukh', local: 'राहुल देशमुख', sex: 'male', age: 9 });
    await report(ka, { state: 29, district: kaDistrict, name: 'Kavya Gowda', local: 'ಕಾವ್ಯ ಗೌಡ', sex: 'female', age: 10 });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([mh?.drop(), ka?.drop(), nation?.drop()]);
  });

  const states = (): StateNode[] => [
    { stateCode: 27, database: mh },
    { stateCode: 29, database: ka },
  ];

  it('finds a child reported missing in Maharashtra when she is found in Karnataka, spelt otherwise', async () => {
    const res = await nationalFoundChildSearch(
      states(),
      { name: 'सुनिता पवार', sex: 'female', ageYears: 10, fromState: 29, fromDistrict: kaDistrict },
      nation,
    );
    expect(res.unanswered).toEqual([]);
    expect(res.candidates[0]).toMatchObject({ stateCode: 27, districtCode: AMRAVATI, recordId: sunita });
    expect(res.candidates.map((c) => c.name)).not.toContain('Rahul Deshmukh'); // another sex
    expect(res.candidates.map((c) => c.name)).not.toContain('Kavya Gowda'); // another name
  });

  it('sends only the compared fields across the boundary', async () => {
    const res = await nationalFoundChildSearch(states(), {
      name: 'Sunita Pawar',
      sex: 'female',
      ageYears: 9,
      fromState: 29,
      fromDistrict: kaDistrict,
    });
    const text = JSON.stringify(res);
    for (const secret of ['Station Road', '9800000000', 'FIR 12/2026', 'Reporter']) expect(text).not.toContain(secret);
    expect(Object.keys(res.candidates[0]).sort()).toEqual(
      ['ageYears', 'districtCode', 'eventDate', 'likeness', 'name', 'nameLocal', 'recordId', 'sex', 'stateCode'].sort(),
    );
  });

  it('audits in each state what it disclosed, and the query in the nation', async () => {
    const inMh = await auditOf(mh);
    const inKa = await auditOf(ka);
    expect(inMh[0]).toMatchObject({ state_code: 27, details: { national: true, fromState: 29, ids: [sunita] } });
    expect(inKa[0]).toMatchObject({ state_code: 29, details: { national: true, ids: [] } });
    const [q] = await auditOf(nation);
    expect(q.details).toMatchObject({ answered: [27, 29], unanswered: [], ids: [`27:${sunita}`] });
    // Names never reach the audit log.
    expect(JSON.stringify([inMh, inKa, q])).not.toMatch(/Sunita|सुनीता/);
  });

  it('names a state that does not answer instead of hiding it', async () => {
    const down = { ...mh, query: () => Promise.reject(new Error('connection refused')) } as unknown as Database;
    const res = await nationalFoundChildSearch(
      [
        { stateCode: 27, database: down },
        { stateCode: 29, database: ka },
      ],
      {
        name: 'Sunita Pawar',
        sex: 'female',
        ageYears: 9,
        fromState: 29,
        fromDistrict: kaDistrict,
      },
    );
    expect(res.unanswered).toEqual([27]);
    expect(res.candidates).toEqual([]);
  });
});
