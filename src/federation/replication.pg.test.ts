import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { clusterSupport } from './clusters';
import { startFederation, waitFor, type Federation } from './federation';
import { PUBLISHED_COLUMNS } from './federation.sql';
import { decideNationalMatch, NationalDecisionError } from './decisions';
import { matchNationalPending } from './national-matching';
import { AMRAVATI, districtOf, fileRecord, MADHYA_PRADESH, MAHARASHTRA } from './round-trip';
import type { AppContext } from '../http/context';
import { listenForConfirmedNationalMatches, type ArrivalListener } from './proposals/arrivals';

/**
 * The federation by logical replication (issue #19, docs/SCALE.md §4) on three clusters of its
 * own (initdb/pg_ctl, wal_level = logical): Maharashtra and Madhya Pradesh publish their open
 * records' compared columns, the nation subscribes, matches across states with the missing
 * module's blocking keys and model, and publishes each state the proposals naming its records.
 * It starts its own clusters, so it runs once, in the PostgreSQL run (TEST_DATABASE_URL set, as CI
 * sets it), not again on PGlite; skipped, with the reason, where initdb cannot run.
 */
const support = process.env.TEST_DATABASE_URL
  ? clusterSupport()
  : { ok: false as const, reason: 'runs in the PostgreSQL test run (TEST_DATABASE_URL)' };
const title = 'federation by logical replication (three PostgreSQL clusters)';

describe.skipIf(!support.ok)(support.ok ? title : `${title}: skipped, ${support.reason}`, () => {
  let fed: Federation | undefined;
  let mh: Database, mp: Database, nation: Database;
  let report: string, closed: string, found: string, bhopal: number;
  // Each state's app server listening for the nation's answer (arrivals.ts), as `serve` does.
  const listeners: ArrivalListener[] = [];
  const FROZEN = new Date('2026-10-20T06:00:00Z');
  const appOf = (database: Database): AppContext => ({
    database,
    db: database.db,
    now: () => FROZEN,
    config: { filesDir: `/tmp/samanvay-test-files-${process.pid}`, webDir: null, secureCookies: false },
  });
  const SECRETS = {
    address: 'House 4, Station Road',
    reporterName: 'Reporter Kale',
    reporterPhone: '9800000000',
    firNumber: 'FIR 12/2026',
  };

  beforeAll(async () => {
    fed = await startFederation({ states: [MAHARASHTRA, MADHYA_PRADESH] });
    mh = fed.states.get(MAHARASHTRA)!.database;
    mp = fed.states.get(MADHYA_PRADESH)!.database;
    nation = fed.nation.database;
    report = await fileRecord(mh, {
      kind: 'missing',
      stateCode: MAHARASHTRA,
      districtCode: AMRAVATI,
      name: 'Sunita Ramesh Pawar',
      nameLocal: 'सुनीता पवार',
      sex: 'female',
      ageYears: 9,
      fatherName: 'Ramesh Pawar',
      eventDate: '2026-10-02',
      secrets: { ...SECRETS, photoStoredName: 'missing/abc123.jpg' },
    });
    closed = await fileRecord(mh, {
      kind: 'missing',
      status: 'closed',
      stateCode: MAHARASHTRA,
      districtCode: AMRAVATI,
      name: 'Rahul Deshmukh',
      sex: 'male',
      ageYears: 11,
      eventDate: '2026-09-01',
    });
    found = await fileRecord(mp, {
      kind: 'found',
      stateCode: MADHYA_PRADESH,
      districtCode: (bhopal = await districtOf(mp, MADHYA_PRADESH, 'Bhopal')),
      name: 'सुनिता पवार',
      sex: 'female',
      ageYears: 10,
      fatherName: 'रमेश',
      eventDate: '2026-10-05',
    });
    await waitFor('the open records at the nation', async () => (await nation.query('SELECT id FROM missing_record')).length >= 2);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(listeners.map((l) => l.stop()));
    await fed?.teardown();
  }, 60_000);

  it('matches a report in Maharashtra with a child found in Madhya Pradesh, spelt otherwise, and both states see the proposal', async () => {
    const run = await matchNationalPending(nation);
    expect(run.matched).toBe(2);
    const [p] = await nation.query<{ id: string; probability: number; missing_state_code: number; found_state_code: number }>(
      "SELECT id, probability, missing_state_code, found_state_code FROM national_match WHERE missing_id = $1 AND found_id = $2 AND status = 'proposed'",
      [report, found],
    );
    expect(p).toMatchObject({ missing_state_code: MAHARASHTRA, found_state_code: MADHYA_PRADESH });
    expect(p.probability).toBeGreaterThanOrEqual(0.5);
    for (const db of [mh, mp])
      await waitFor(
        'the proposal in the state',
        async () => (await db.query('SELECT id FROM national_match WHERE id = $1', [p.id])).length === 1,
      );
    const [seen] = await mp.query<{ missing_name: string; found_name: string }>(
      'SELECT missing_name, found_name FROM national_match WHERE id = $1',
      [p.id],
    );
    expect(seen).toEqual({ missing_name: 'Sunita Ramesh Pawar', found_name: 'सुनिता पवार' });
    // Matching again finds nothing new to do.
    expect((await matchNationalPending(nation)).matched).toBe(0);
  });

  it("is confirmed when both states' DCPUs confirm it, each in its own database, and both states see it confirmed", async () => {
    const [p] = await mh.query<{ id: string }>('SELECT id FROM national_match WHERE missing_id = $1 AND found_id = $2', [report, found]);
    await expect(decideNationalMatch(mh, MAHARASHTRA, { matchId: p.id, decision: 'confirm', note: '' })).rejects.toMatchObject({
      code: 'note_required',
    });
    await decideNationalMatch(mh, MAHARASHTRA, { matchId: p.id, decision: 'confirm', note: 'mother recognised the photo on a video call' });
    await expect(
      decideNationalMatch(mh, MAHARASHTRA, { matchId: p.id, decision: 'confirm', note: 'again, checked' }),
    ).rejects.toBeInstanceOf(NationalDecisionError);
    await waitFor(
      'the first decision at the nation',
      async () => (await nation.query('SELECT 1 FROM national_match_decision')).length === 1,
    );
    expect((await nation.query<{ status: string }>('SELECT status FROM national_match WHERE id = $1', [p.id]))[0].status).toBe('proposed');
    await waitFor(
      'the proposal in Madhya Pradesh',
      async () => (await mp.query('SELECT 1 FROM national_match WHERE id = $1', [p.id])).length === 1,
    );
    // Each state's DCPU unit, to be told when its record closes.
    await mh.query(
      `INSERT INTO organisation (name, kind, state_code, district_code, level) VALUES ('DCPU Amravati', 'DCPU', $1, $2, 'district')`,
      [MAHARASHTRA, AMRAVATI],
    );
    await mp.query(
      `INSERT INTO organisation (name, kind, state_code, district_code, level) VALUES ('DCPU Bhopal', 'DCPU', $1, $2, 'district')`,
      [MADHYA_PRADESH, bhopal],
    );
    for (const db of [mh, mp]) listeners.push(await listenForConfirmedNationalMatches(appOf(db), { debounceMs: 50 }));
    await decideNationalMatch(mp, MADHYA_PRADESH, { matchId: p.id, decision: 'confirm', note: 'child named her village and father' });
    const decided = performance.now();
    // Without the sweep: the replication apply worker writes the confirmed proposal in each state, its
    // trigger NOTIFYs, the state's listener closes the state's own side (docs/SCALE.md §4).
    const statusIn = async (db: Database, id: string) =>
      (await db.query<{ status: string }>('SELECT status FROM missing_record WHERE id = $1', [id]))[0]?.status;
    const closedIn = await Promise.all([
      waitFor('the report closed in Maharashtra', async () => (await statusIn(mh, report)) === 'matched', 15_000).then(
        () => performance.now() - decided,
      ),
      waitFor(
        'the found record closed and the restoration opened in Madhya Pradesh',
        async () =>
          (await statusIn(mp, found)) === 'matched' &&
          (await mp.query('SELECT 1 FROM missing_restoration WHERE national_match_id = $1', [p.id])).length === 1,
        15_000,
      ).then(() => performance.now() - decided),
    ]);
    console.info(
      `[federation] second confirmation to closed records: Maharashtra ${Math.round(closedIn[0])} ms, Madhya Pradesh ${Math.round(closedIn[1])} ms`,
    );
    const [rest] = await mp.query<{ missing_id: string | null; found_id: string; district_code: number; created_at: Date }>(
      'SELECT missing_id, found_id, district_code, created_at FROM missing_restoration WHERE national_match_id = $1',
      [p.id],
    );
    // The report is the other state's: not named. At the app's clock.
    expect(rest).toMatchObject({ missing_id: null, found_id: found, district_code: bhopal });
    expect(new Date(rest.created_at).toISOString()).toBe(FROZEN.toISOString());
    // Each state's DCPU told in its own database, once.
    for (const db of [mh, mp])
      await waitFor(
        'the DCPU notified',
        async () => (await db.query(`SELECT 1 FROM notification WHERE kind = 'national_match_closed' AND ref = $1`, [p.id])).length === 1,
        5_000,
      );
    expect(await mh.query('SELECT 1 FROM missing_restoration WHERE national_match_id = $1', [p.id])).toHaveLength(0);
    for (const db of [mh, mp, nation])
      await waitFor(
        'the confirmation everywhere',
        async () =>
          (await db.query<{ status: string }>('SELECT status FROM national_match WHERE id = $1', [p.id]))[0]?.status === 'confirmed',
      );
    const [a] = await mp.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_event WHERE action = 'decide' AND entity_type = 'national_match' AND entity_id = $1",
      [p.id],
    );
    expect(a.details).toMatchObject({ decision: 'confirm', national: true });
  });

  it('replicates open records only: a closed report stays in its state, and a report closed later leaves the nation', async () => {
    expect((await nation.query('SELECT id FROM missing_record WHERE id = $1', [closed])).length).toBe(0);
    const other = await fileRecord(mh, {
      kind: 'missing',
      stateCode: MAHARASHTRA,
      districtCode: AMRAVATI,
      name: 'Kiran Wankhade',
      sex: 'male',
      ageYears: 12,
      eventDate: '2026-10-10',
    });
    await waitFor(
      'the new report at the nation',
      async () => (await nation.query('SELECT id FROM missing_record WHERE id = $1', [other])).length === 1,
    );
    await mh.query("UPDATE missing_record SET status = 'closed' WHERE id = $1", [other]);
    await waitFor(
      'the closed report to leave the nation',
      async () => (await nation.query('SELECT id FROM missing_record WHERE id = $1', [other])).length === 0,
    );
  });

  it('holds no secret column at the nation, and none of their values', async () => {
    const cols = (
      await nation.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'missing_record'",
      )
    ).map((c) => c.column_name);
    for (const secret of [
      'address',
      'reporter_name',
      'reporter_phone',
      'reporter_email',
      'fir_number',
      'police_station',
      'photo_stored_name',
    ])
      expect(cols).not.toContain(secret);
    expect(cols).toEqual(expect.arrayContaining([...PUBLISHED_COLUMNS]));
    const everything = JSON.stringify([
      await nation.query('SELECT * FROM missing_record'),
      await nation.query('SELECT * FROM national_match'),
    ]);
    for (const value of [...Object.values(SECRETS), 'abc123']) expect(everything).not.toContain(value);
  });
});
