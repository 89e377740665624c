import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client';
import { runNode } from '../../tests/support/spawn';
import { clusterSupport, makeClusterRoot, removeClusterRoot, startCluster, type Cluster } from './clusters';
import { waitFor } from './federation';
import { AMRAVATI, districtOf, fileRecord, MADHYA_PRADESH, MAHARASHTRA } from './round-trip';

/**
 * `samanvay federation setup-state | setup-nation | join | match` as a state's and the nation's
 * engineers run them on servers that already run (issue #19, docs/DEPLOYMENT.md): three clusters
 * started here (as a state's servers would be, by someone else), migrated by `samanvay migrate`,
 * then federated by the commands alone, and a child reported missing in Maharashtra and found in
 * Madhya Pradesh proposed to both by `federation match`. Runs in the PostgreSQL test run, where
 * initdb can run (as replication.pg.test.ts).
 */
const support = process.env.TEST_DATABASE_URL
  ? clusterSupport()
  : { ok: false as const, reason: 'runs in the PostgreSQL test run (TEST_DATABASE_URL)' };
const title = '`samanvay federation` on running servers';
const DB = 'samanvay';
const cli = (...args: string[]) =>
  runNode(['bin/samanvay.js', 'federation', ...args], { env: { ...process.env, NODE_ENV: 'test' }, timeoutMs: 120_000 });

describe.skipIf(!support.ok)(support.ok ? title : `${title}: skipped, ${support.reason}`, () => {
  const root = makeClusterRoot('samanvay-federation-cli-');
  let mhC: Cluster, mpC: Cluster, nationC: Cluster;
  const open: Database[] = [];
  const dbOf = async (c: Cluster) => {
    const d = await openDatabase(c.url(DB));
    open.push(d);
    return d;
  };

  beforeAll(async () => {
    if (!support.ok) return;
    [mhC, mpC, nationC] = await Promise.all(['mh', 'mp', 'nation'].map((n) => startCluster(root, n, support.bin)));
    for (const c of [mhC, mpC, nationC]) {
      const admin = new pg.Client({ connectionString: c.url() });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${DB}`);
      await admin.end();
    }
    // The states' servers as their engineers leave them: migrated, with the LGD units.
    const migrated = await Promise.all(
      [mhC, mpC].map((c) =>
        runNode(['bin/samanvay.js', 'migrate'], { env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: c.url(DB) } }),
      ),
    );
    for (const m of migrated) expect(m.status, m.stderr).toBe(0);
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled(open.map((d) => d.close()));
    await Promise.allSettled([mhC, mpC, nationC].filter(Boolean).map((c) => c.stop()));
    removeClusterRoot(root);
  }, 60_000);

  it('refuses, naming the option and the reason, and writes nothing: a bad state code, the wrong database, steps out of order', async () => {
    const code0 = await cli('setup-state', '--database-url', mhC.url(DB), '--state-code', '0');
    expect(code0.status).toBe(1);
    expect(code0.stderr).toMatch(/--state-code: the LGD state code/);
    const unmigrated = await cli('setup-state', '--database-url', nationC.url(DB), '--state-code', '27');
    expect(unmigrated.stderr).toMatch(/--database-url: this database has no Samanvay schema; run `samanvay migrate`/);
    const nationOnState = await cli('setup-nation', '--database-url', mhC.url(DB));
    expect(nationOnState.stderr).toMatch(/--database-url: this is a state's database/);
    const early = await cli('join', '--state-code', '27', '--state-url', mhC.url(DB), '--nation-url', nationC.url(DB));
    expect(early.stderr).toMatch(/--state-url: the state's database is not set up; run `samanvay federation setup-state --state-code 27`/);
    const matchOnState = await cli('match', '--database-url', mhC.url(DB));
    expect(matchOnState.stderr).toMatch(/--database-url: not a set-up national database/);
    for (const r of [unmigrated, nationOnState, early, matchOnState]) expect(r.status).toBe(1);
    const mh = await dbOf(mhC);
    expect(await mh.query('SELECT pubname FROM pg_publication')).toEqual([]);
    expect(await mh.query("SELECT 1 FROM pg_class WHERE relname = 'national_match'")).toEqual([]);
    expect(
      await (await dbOf(nationC)).query("SELECT 1 FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"),
    ).toEqual([]);
  }, 120_000);

  it('sets up two states and the nation, joins them (again without harm), and matches a child across the two states', async () => {
    for (const [c, code] of [
      [mhC, MAHARASHTRA],
      [mpC, MADHYA_PRADESH],
    ] as const) {
      const r = await cli('setup-state', '--database-url', c.url(DB), '--state-code', String(code));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^state ${code} \\(.+\\): publications missing_national`));
    }
    const nationUp = await cli('setup-nation', '--database-url', nationC.url(DB));
    expect(nationUp.status, nationUp.stderr).toBe(0);
    for (const [c, code] of [
      [mhC, MAHARASHTRA],
      [mpC, MADHYA_PRADESH],
    ] as const) {
      // The subscriptions' connection as the other server reaches this one (conninfo, not the URL).
      const args = ['--state-code', String(code), '--state-url', c.url(DB), '--nation-url', nationC.url(DB)];
      const conn = ['--state-conninfo', c.conninfo(DB), '--nation-conninfo', nationC.conninfo(DB)];
      const joined = await cli('join', ...args, ...conn);
      expect(joined.status, joined.stderr).toBe(0);
      expect(joined.stdout.match(/: made$/gm)).toHaveLength(4);
      const again = await cli('join', ...args, ...conn);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout.match(/: already there$/gm)).toHaveLength(4);
    }
    const twice = await cli('setup-state', '--database-url', mhC.url(DB), '--state-code', String(MAHARASHTRA));
    expect(twice.stdout).toMatch(/already set up/);

    const [mh, mp, nation] = [await dbOf(mhC), await dbOf(mpC), await dbOf(nationC)];
    const bhopal = await districtOf(mp, MADHYA_PRADESH, 'Bhopal');
    const report = await fileRecord(mh, {
      kind: 'missing',
      stateCode: MAHARASHTRA,
      districtCode: AMRAVATI,
      name: 'Sunita Ramesh Pawar',
      sex: 'female',
      ageYears: 9,
      fatherName: 'Ramesh Pawar',
      eventDate: '2026-10-02',
      secrets: { address: 'House 4, Station Road' },
    });
    const found = await fileRecord(mp, {
      kind: 'found',
      stateCode: MADHYA_PRADESH,
      districtCode: bhopal,
      name: 'सुनीता पवार',
      sex: 'female',
      ageYears: 10,
      eventDate: '2026-10-09',
    });
    await waitFor('both records at the nation', async () => (await nation.query('SELECT id FROM missing_record')).length === 2, 30_000);
    const matched = await cli('match', '--database-url', nationC.url(DB));
    expect(matched.status, matched.stderr).toBe(0);
    expect(matched.stdout).toMatch(/^matched 2 record\(s\): [1-9]\d* proposal\(s\)/m);
    const proposalIn = (db: Database) =>
      db.query('SELECT missing_id, found_id FROM national_match WHERE missing_id = $1 AND found_id = $2', [report, found]);
    await waitFor(
      'the proposal in both states',
      async () => (await proposalIn(mh)).length === 1 && (await proposalIn(mp)).length === 1,
      30_000,
    );
    // Only the published columns crossed: no address at the nation.
    expect(JSON.stringify(await nation.query('SELECT * FROM missing_record'))).not.toContain('Station Road');
    const idle = await cli('match', '--database-url', nationC.url(DB));
    expect(idle.stdout.trim()).toBe('nothing to match');
  }, 240_000);
});
