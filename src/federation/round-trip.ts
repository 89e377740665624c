import type { Database } from '../db/client';
import { blockKeysFor, matchingModel } from '../missing/matching.service';
import { insertRecord } from '../missing/missing.repository';
import type { RecordKind, RecordStatus } from '../missing/domain/vocabulary';
import { startFederation, waitFor, type Federation } from './federation';
import { decideNationalMatch } from './decisions';
import { matchNationalPending } from './national-matching';
import { nationalDashboard, publishStateFigures } from './national-dashboard';
import { formatDashboard } from './national-dashboard.format';

/**
 * The federation's round trip (issue #19): a report in one state, a found child in another,
 * replicated to the nation, matched there, the proposal replicated back to both states. Used by
 * `samanvay federation-demo` and by replication.pg.test.ts.
 */
export const MAHARASHTRA = 27;
export const MADHYA_PRADESH = 23;
export const AMRAVATI = 468;

export interface StateRecord {
  kind: RecordKind;
  status?: RecordStatus;
  stateCode: number;
  districtCode: number;
  name: string;
  nameLocal?: string | null;
  sex: 'female' | 'male' | 'other' | 'unknown';
  ageYears: number;
  fatherName?: string | null;
  eventDate: string;
  /** Kept in the state: never published. */
  secrets?: { address?: string; reporterName?: string; reporterPhone?: string; firNumber?: string; photoStoredName?: string };
}

/** A record saved in a state's database as the missing module saves one: with its blocking keys. */
export async function fileRecord(state: Database, r: StateRecord): Promise<string> {
  const values = {
    kind: r.kind,
    status: r.status ?? 'open',
    channel: 'official',
    source: r.kind === 'missing' ? 'police' : 'railway_police',
    stateCode: r.stateCode,
    districtCode: r.districtCode,
    name: r.name,
    nameLocal: r.nameLocal ?? null,
    aliases: [] as string[],
    sex: r.sex,
    ageYears: String(r.ageYears),
    fatherName: r.fatherName ?? null,
    eventDate: r.eventDate,
    eventDistrictCode: r.districtCode,
    address: r.secrets?.address ?? null,
    reporterName: r.secrets?.reporterName ?? null,
    reporterPhone: r.secrets?.reporterPhone ?? null,
    firNumber: r.secrets?.firNumber ?? null,
    photoStoredName: r.secrets?.photoStoredName ?? null,
  };
  const blockKeys = await blockKeysFor(state.db, { ...values, id: '', ageYears: r.ageYears } as never);
  const row = await insertRecord(state.db, {
    ...values,
    blockKeys,
    blockKeysModel: matchingModel().version,
    matchState: values.status === 'open' ? 'pending' : 'not_applicable',
  } as never);
  return row.id;
}

export async function districtOf(state: Database, stateCode: number, name: string): Promise<number> {
  const [d] = await state.query<{ code: number }>(
    `SELECT district_code AS code FROM location WHERE level = 'district' AND state_code = $1
      ORDER BY (name ILIKE $2) DESC, district_code LIMIT 1`,
    [stateCode, `${name}%`],
  );
  return Number(d.code);
}

const count = async (db: Database, sql: string, params: unknown[] = []) => Number((await db.query<{ n: number }>(sql, params))[0].n);

/** The whole round trip, printed; the clusters are removed at the end whatever happens. */
export async function runFederationDemo(opts: { log: (line: string) => void; lagRecords?: number; now: () => Date }): Promise<void> {
  const { log } = opts;
  const t0 = performance.now();
  let fed: Federation | null = null;
  try {
    fed = await startFederation({ states: [MAHARASHTRA, MADHYA_PRADESH], log });
    log(`clusters ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const mh = fed.states.get(MAHARASHTRA)!.database;
    const mp = fed.states.get(MADHYA_PRADESH)!.database;
    const nation = fed.nation.database;
    const bhopal = await districtOf(mp, MADHYA_PRADESH, 'Bhopal');

    const report = await fileRecord(mh, {
      kind: 'missing',
      stateCode: MAHARASHTRA,
      districtCode: AMRAVATI,
      name: 'Sunita Ramesh Pawar',
      nameLocal: 'सुनीता पवार',
      sex: 'female',
      ageYears: 9,
      fatherName: 'Ramesh Pawar',
      eventDate: '2026-10-02',
      secrets: { address: 'House 4, Station Road', reporterName: 'Reporter', reporterPhone: '9800000000', firNumber: 'FIR 12/2026' },
    });
    await fileRecord(mh, {
      kind: 'missing',
      status: 'closed',
      stateCode: MAHARASHTRA,
      districtCode: AMRAVATI,
      name: 'Rahul Deshmukh',
      sex: 'male',
      ageYears: 11,
      eventDate: '2026-09-01',
    });
    const found = await fileRecord(mp, {
      kind: 'found',
      stateCode: MADHYA_PRADESH,
      districtCode: bhopal,
      name: 'सुनिता पवार',
      sex: 'female',
      ageYears: 10,
      fatherName: 'रमेश',
      eventDate: '2026-10-05',
    });
    log('Maharashtra: a missing report (Amravati) and a closed one; Madhya Pradesh: a found child (Bhopal), spelt otherwise');

    const ms = await waitFor(
      'both records at the nation',
      async () => (await count(nation, 'SELECT count(*) AS n FROM missing_record')) >= 2,
    );
    log(
      `nation: ${await count(nation, 'SELECT count(*) AS n FROM missing_record')} records replicated in ${ms.toFixed(0)} ms (the closed report stays home)`,
    );

    const run = await matchNationalPending(nation);
    log(`nation: matched ${run.matched} records, ${await count(nation, 'SELECT count(*) AS n FROM national_match')} proposal(s)`);
    const [p] = await nation.query<{ id: string; probability: number; explanation: string }>(
      'SELECT id, probability, explanation FROM national_match WHERE missing_id = $1 AND found_id = $2',
      [report, found],
    );
    if (!p) throw new Error('no national proposal for the pair');
    log(`nation: proposal p=${p.probability.toFixed(3)} (${p.explanation})`);

    for (const [code, db] of [
      [MAHARASHTRA, mh],
      [MADHYA_PRADESH, mp],
    ] as const) {
      const back = await waitFor(
        `the proposal in state ${code}`,
        async () => (await count(db, 'SELECT count(*) AS n FROM national_match WHERE id = $1', [p.id])) === 1,
      );
      log(`state ${code}: the proposal arrived in ${back.toFixed(0)} ms, for its DCPU to review`);
    }
    await decideNationalMatch(mh, MAHARASHTRA, { matchId: p.id, decision: 'confirm', note: 'the mother recognised her on a video call' });
    await decideNationalMatch(mp, MADHYA_PRADESH, { matchId: p.id, decision: 'confirm', note: 'she named her village and father' });
    for (const [code, db] of [
      [MAHARASHTRA, mh],
      [MADHYA_PRADESH, mp],
    ] as const) {
      const ms = await waitFor(
        `the confirmation in state ${code}`,
        async () =>
          (await db.query<{ status: string }>('SELECT status FROM national_match WHERE id = $1', [p.id]))[0]?.status === 'confirmed',
      );
      log(`state ${code}: both DCPUs confirmed (each in its own database); confirmed here ${ms.toFixed(0)} ms later`);
    }

    // The national dashboard: each state refreshes its dashboards' counts (its app does so on any
    // dashboard read); the counts and the time they were computed reach the nation together.
    for (const [code, db] of [
      [MAHARASHTRA, mh],
      [MADHYA_PRADESH, mp],
    ] as const) {
      const at = (await publishStateFigures(db)).getTime();
      const ms = await waitFor(`state ${code}'s figures at the nation`, async () =>
        (await nation.query<{ t: Date }>('SELECT figures_at AS t FROM national_figures_at WHERE state_code = $1', [code])).some(
          (r) => new Date(r.t).getTime() === at,
        ),
      );
      log(`state ${code}: dashboard figures published, at the nation ${ms.toFixed(0)} ms later`);
    }
    for (const line of formatDashboard(await nationalDashboard(nation, { now: opts.now() }), 'table')
      .trimEnd()
      .split('\n'))
      log(line);

    const n = opts.lagRecords ?? 0;
    if (n > 0) {
      const singles: number[] = [];
      for (let i = 0; i < 20; i++) {
        const id = await fileRecord(mh, {
          kind: 'missing',
          stateCode: MAHARASHTRA,
          districtCode: AMRAVATI,
          name: `Single ${i}`,
          sex: 'male',
          ageYears: 10,
          eventDate: '2026-10-01',
        });
        singles.push(
          await waitFor(
            'one record at the nation',
            async () => (await nation.query('SELECT 1 FROM missing_record WHERE id = $1', [id])).length === 1,
          ),
        );
      }
      singles.sort((a, b) => a - b);
      log(
        `replication: one record at a time, 20 records: median ${singles[10].toFixed(0)} ms, worst ${singles[19].toFixed(0)} ms (polled every 50 ms)`,
      );
      const before = await count(nation, 'SELECT count(*) AS n FROM missing_record');
      const t1 = performance.now();
      await mh.exec(
        `INSERT INTO missing_record (reference, kind, status, channel, source, state_code, district_code, name, sex, age_years, event_date, block_keys)
         SELECT 'LAG-' || g, 'missing', 'open', 'official', 'police', ${MAHARASHTRA}, ${AMRAVATI}, 'Child ' || g, 'female', 8, '2026-10-01',
                ARRAY['lag:' || g] FROM generate_series(1, ${n}) g`,
      );
      const inserted = performance.now() - t1;
      const lag = await waitFor(
        `${n} records at the nation`,
        async () => (await count(nation, 'SELECT count(*) AS n FROM missing_record')) >= before + n,
        120_000,
      );
      log(
        `replication: ${n} records inserted in one statement (${inserted.toFixed(0)} ms), all at the nation ${lag.toFixed(0)} ms after the commit`,
      );
    }
  } finally {
    if (fed) {
      await fed.teardown();
      log('clusters stopped and removed');
    }
    log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}
