import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import type { Actor } from '../access/policy';
import type { AppContext } from '../http/context';
import { actorFor, loadFixture, NOW } from '../dashboards/indicators.fixture';
import { stateComparison } from '../dashboards/indicators.service';
import { clusterSupport } from './clusters';
import { DATABASE, startFederation, waitFor, type Federation } from './federation';
import { runNode } from '../../tests/support/spawn';
import { DASHBOARD_TABLES } from './federation.sql';
import { FIGURES, nationalDashboard, publishStateFigures, type Figure, type NationalDashboard } from './national-dashboard';
import { districtOf, MADHYA_PRADESH, MAHARASHTRA } from './round-trip';

/**
 * The national dashboard on the federation (issue #19, docs/SCALE.md §4): Maharashtra (the
 * dashboards' hand-built fixture: Amravati and Akola) and Madhya Pradesh (a few records in Bhopal)
 * publish their dashboards' counts per district; the nation's figures per district equal what each
 * state's own comparison of districts reports, and sum to the nation's; a change in a state arrives;
 * the nation holds no column about a single child; a state whose subscription stops shows as stale.
 * Like replication.pg.test.ts it starts its own clusters: it runs in the PostgreSQL test run, skipped
 * with the reason where initdb cannot run.
 */
const support = process.env.TEST_DATABASE_URL
  ? clusterSupport()
  : { ok: false as const, reason: 'runs in the PostgreSQL test run (TEST_DATABASE_URL)' };
const title = 'national dashboard on the states’ published counts (three PostgreSQL clusters)';

const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

/** Madhya Pradesh, Bhopal: two children (one with an open case, in a children's home), a foster placement, two 1098 calls, a found child. */
async function seedBhopal(db: Database, district: number): Promise<void> {
  const q = (text: string, params: unknown[] = []) => db.query(text, params);
  await q(
    `INSERT INTO family (id, state_code, district_code, head_name, caregiver_type, caste_category) VALUES ($1, 23, $2, 'Head', 'single_father', 'general')`,
    [id(9001), district],
  );
  for (const [cid, sex] of [
    [id(9011), 'male'],
    [id(9012), 'female'],
  ])
    await q(
      `INSERT INTO child (id, family_id, state_code, district_code, name, sex, care_status, created_at)
       VALUES ($1, $2, 23, $3, 'Child', $4, 'birth_family', '2026-09-01T10:00:00+05:30')`,
      [cid, id(9001), district, sex],
    );
  await q(
    `INSERT INTO case_record (id, child_id, state_code, district_code, status, phase, level, risk, source, reported_on, owner_unit_id, opened_at, last_action_at)
     VALUES ($1, $2, 23, $3, 'under_cwc', 'under_cwc', 'district', 'high', 'vcpc', '2026-10-01', $4, '2026-10-01T10:00:00+05:30', '2026-10-01T10:00:00+05:30')`,
    [id(9101), id(9011), district, id(9900)],
  );
  await q(`INSERT INTO organisation (id, name, kind, state_code, district_code) VALUES ($1, 'Home', 'cci', 23, $2)`, [id(9800), district]);
  await q(
    `INSERT INTO care_institution (organisation_id, type, management, registration_no, valid_until, state_code, district_code)
     VALUES ($1, 'childrens_home', 'government', 'REG-MP', '2030-01-01', 23, $2)`,
    [id(9800), district],
  );
  await stay(db, id(9011), district);
  await q(
    `INSERT INTO care_family_placement (child_id, kind, state_code, district_code, started_on) VALUES ($1, 'foster', 23, $2, '2026-10-10')`,
    [id(9012), district],
  );
  await call(db, district, '2026-11-18T10:00:00+05:30', '2026-11-18T10:20:00+05:30');
  await call(db, district, '2026-11-19T10:00:00+05:30', null);
  await q(
    `INSERT INTO missing_record (id, kind, status, channel, source, state_code, district_code, sex, reference)
     VALUES ($1, 'found', 'open', 'official', 'railway_police', 23, $2, 'male', 'MP-F-1')`,
    [id(9501), district],
  );
}

const stay = (db: Database, childId: string, district: number) =>
  db.query(
    `INSERT INTO care_stay (child_id, institution_id, state_code, district_code, order_by, order_type, ordered_on, admitted_on, sex, age_band, status)
     VALUES ($1, $2, 23, $3, 'cwc', 'placement', '2026-10-02', '2026-10-02', 'male', '6-10', 'in_care')`,
    [childId, id(9800), district],
  );

const call = (db: Database, district: number, received: string, reached: string | null) =>
  db.query(
    `INSERT INTO helpline_call (status, state_code, district_code, received_at, submitted_at, target_minutes, target_at, reached_at, created_at, updated_at)
     VALUES ($1, 23, $2, $3::timestamptz, $3::timestamptz, 60, $3::timestamptz + interval '60 minutes', $4::timestamptz, $3::timestamptz, $3::timestamptz)`,
    [reached ? 'reached' : 'dispatched', district, received, reached],
  );

/** The indicators of the state's own comparison that the national dashboard carries, figure by figure. */
const SAME_AS_INDICATOR: Partial<Record<Figure, string>> = {
  children_identified: 'children_identified',
  children_assessed: 'children_assessed',
  children_open_case: 'children_open_case',
  children_scheme_linked: 'children_scheme_linked',
  children_in_institutional_care: 'children_in_institutional_care',
  children_in_family_based_care: 'children_in_family_based_care',
  // A call reached in target is due whatever the clock: the indicator's numerator.
  helpline_reached_in_target: 'helpline_reached_in_target',
};

describe.skipIf(!support.ok)(support.ok ? title : `${title}: skipped, ${support.reason}`, () => {
  let fed: Federation | undefined;
  let mh: Database, mp: Database, nation: Database;
  let bhopal: number;

  const stateActor = (stateCode: number): Actor => ({ ...actorFor('state'), scope: { level: 'state', stateCode } });
  const ctxOf = (db: Database) => ({ db: db.db, database: db, now: () => NOW }) as unknown as AppContext;
  const figuresAt = async (db: Database) =>
    new Date((await db.query<{ figures_at: Date }>('SELECT figures_at FROM national_figures_at'))[0].figures_at).getTime();

  /** Publishes both states' figures and waits until the nation holds them (the time each state computed them). */
  async function publishAll(): Promise<void> {
    for (const state of [mh, mp]) {
      await publishStateFigures(state);
      const at = await figuresAt(state);
      const code = state === mh ? MAHARASHTRA : MADHYA_PRADESH;
      await waitFor(`state ${code}'s figures at the nation`, async () => {
        const [r] = await nation.query<{ figures_at: Date }>('SELECT figures_at FROM national_figures_at WHERE state_code = $1', [code]);
        return !!r && new Date(r.figures_at).getTime() === at;
      });
    }
  }

  /** A clock one minute after the latest figures arrived (from the data, not the time of day). */
  const justAfter = async (minutes = 1) => {
    const [r] = await nation.query<{ t: Date }>('SELECT max(received_at) AS t FROM national_figures_at');
    return new Date(new Date(r.t).getTime() + minutes * 60_000);
  };

  beforeAll(async () => {
    fed = await startFederation({ states: [MAHARASHTRA, MADHYA_PRADESH] });
    mh = fed.states.get(MAHARASHTRA)!.database;
    mp = fed.states.get(MADHYA_PRADESH)!.database;
    nation = fed.nation.database;
    bhopal = await districtOf(mp, MADHYA_PRADESH, 'Bhopal');
    await loadFixture(mh);
    await seedBhopal(mp, bhopal);
    await publishAll();
  }, 120_000);

  afterAll(async () => {
    await fed?.teardown();
  }, 60_000);

  it("gives each district what its state's own comparison reports, and sums states to the nation", async () => {
    const d = await nationalDashboard(nation, { now: await justAfter() });
    expect(d.states.map((s) => [s.stateCode, s.stale])).toEqual([
      [MADHYA_PRADESH, false],
      [MAHARASHTRA, false],
    ]);
    for (const [code, db] of [
      [MAHARASHTRA, mh],
      [MADHYA_PRADESH, mp],
    ] as const) {
      const own = await stateComparison(ctxOf(db), stateActor(code), {});
      const at = d.states.find((s) => s.stateCode === code)!;
      for (const row of own.districts) {
        const national = at.districts.find((x) => x.districtCode === row.districtCode);
        for (const [figure, indicator] of Object.entries(SAME_AS_INDICATOR))
          expect([row.name, figure, national?.figures[figure as Figure] ?? 0]).toEqual([row.name, figure, row.cells[indicator].numerator]);
      }
      for (const [figure, indicator] of Object.entries(SAME_AS_INDICATOR))
        expect([figure, at.figures[figure as Figure]]).toEqual([figure, own.total[indicator].numerator]);
      // What the dashboards' indicators do not carry, against the state's own tables.
      const [m] = await db.query<{ missing: number; found: number; calls: number }>(
        `SELECT (SELECT count(*) FROM missing_record WHERE status = 'open' AND kind = 'missing')::int AS missing,
                (SELECT count(*) FROM missing_record WHERE status = 'open' AND kind = 'found')::int AS found,
                (SELECT count(*) FROM helpline_call WHERE status <> 'draft' AND target_at IS NOT NULL)::int AS calls`,
      );
      expect([at.figures.missing_open, at.figures.found_open, at.figures.helpline_calls]).toEqual([m.missing, m.found, m.calls]);
    }
    // The fixture's figures, worked out by hand (indicators.fixture.ts): Amravati 3 children, 2 with
    // an open case; Akola 1; Bhopal 2, 1; in care: A1 and K1 in a home, A2 in family care; Bhopal 1 and 1.
    const mhAt = d.states.find((s) => s.stateCode === MAHARASHTRA)!;
    const mpAt = d.states.find((s) => s.stateCode === MADHYA_PRADESH)!;
    expect(mhAt.figures).toMatchObject({ children_identified: 4, children_open_case: 3, children_in_institutional_care: 2 });
    expect(mpAt.figures).toMatchObject({ children_identified: 2, children_open_case: 1, children_in_institutional_care: 1, found_open: 1 });
    for (const f of FIGURES) expect([f, d.total[f]]).toEqual([f, mhAt.figures[f] + mpAt.figures[f]]);
  });

  it('carries a change in a state to the nation: a new child with an open case, in care, and a 1098 call', async () => {
    const before = (await nationalDashboard(nation, { now: await justAfter() })).states.find((s) => s.stateCode === MADHYA_PRADESH)!;
    await mp.query(
      `INSERT INTO child (id, family_id, state_code, district_code, name, sex, care_status) VALUES ($1, $2, 23, $3, 'Child', 'female', 'birth_family')`,
      [id(9013), id(9001), bhopal],
    );
    await mp.query(
      `INSERT INTO case_record (id, child_id, state_code, district_code, status, phase, level, risk, source, reported_on, owner_unit_id, opened_at, last_action_at)
       VALUES ($1, $2, 23, $3, 'intake', 'intake', 'district', 'high', 'vcpc', '2026-11-19', $4, now(), now())`,
      [id(9102), id(9013), bhopal, id(9900)],
    );
    await stay(mp, id(9013), bhopal);
    await call(mp, bhopal, '2026-11-20T09:00:00+05:30', '2026-11-20T09:30:00+05:30');
    await publishAll();
    const after = (await nationalDashboard(nation, { now: await justAfter() })).states.find((s) => s.stateCode === MADHYA_PRADESH)!;
    expect(after.figures).toEqual({
      ...before.figures,
      children_identified: before.figures.children_identified + 1,
      children_open_case: before.figures.children_open_case + 1,
      children_in_institutional_care: before.figures.children_in_institutional_care + 1,
      helpline_calls: before.figures.helpline_calls + 1,
      helpline_reached_in_target: before.figures.helpline_reached_in_target + 1,
    });
    expect(new Date(after.figuresAt!).getTime()).toBeGreaterThan(new Date(before.figuresAt!).getTime());
  });

  it('holds no column about a single child at the nation: only the published counts', async () => {
    const tables = Object.keys(DASHBOARD_TABLES);
    const cols = await nation.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1)`,
      [tables],
    );
    for (const [t, d] of Object.entries(DASHBOARD_TABLES)) {
      const mine = cols.filter((c) => c.table_name === t).map((c) => c.column_name);
      expect([t, mine.sort()]).toEqual([t, [...d.columns, ...(t === 'national_figures_at' ? ['received_at'] : [])].sort()]);
    }
    for (const c of cols) expect(c.column_name).not.toMatch(/(^id$|child|name|dob|sex|age|caste|social|disab|village|block|address|phone)/);
    // No per-child table of the dashboards at the nation at all.
    const perChild = await nation.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'dash\\_%' AND table_name <> ALL($1)`,
      [tables],
    );
    expect(perChild).toEqual([]);
    // The state publishes exactly those columns, its own state's rows, the children's totals only.
    const published = await mh.query<{ tablename: string; attnames: string[]; rowfilter: string }>(
      "SELECT tablename, attnames::text[] AS attnames, rowfilter FROM pg_publication_tables WHERE pubname = 'dashboard_national'",
    );
    expect(published.map((p) => p.tablename).sort()).toEqual([...tables].sort());
    for (const p of published) {
      expect([...p.attnames].sort()).toEqual([...DASHBOARD_TABLES[p.tablename as keyof typeof DASHBOARD_TABLES].columns].sort());
      expect(p.rowfilter).toContain(`state_code = ${MAHARASHTRA}`);
    }
    expect(published.find((p) => p.tablename === 'dash_child_count')!.rowfilter).toContain("fact = ''");
  });

  it('shows a state as stale, not as quiet: figures too old, or its subscription stopped', async () => {
    const later: NationalDashboard = await nationalDashboard(nation, { now: await justAfter(31) });
    expect(later.states.every((s) => s.stale && s.staleReasons.includes('figures computed more than 30 minutes ago'))).toBe(true);
    await nation.query('ALTER SUBSCRIPTION dashboard_from_23 DISABLE');
    await waitFor(
      'the apply worker to stop',
      async () =>
        (await nation.query("SELECT 1 FROM pg_stat_subscription WHERE subname = 'dashboard_from_23' AND pid IS NOT NULL")).length === 0,
    );
    const d = await nationalDashboard(nation, { now: await justAfter() });
    const mpAt = d.states.find((s) => s.stateCode === MADHYA_PRADESH)!;
    expect(mpAt).toMatchObject({
      stale: true,
      staleReasons: ['subscription disabled'],
      subscription: { enabled: false, receiving: false },
    });
    // Its last figures are still shown, with when they were computed.
    expect(mpAt.figures.children_identified).toBe(3);
    expect(d.states.find((s) => s.stateCode === MAHARASHTRA)!.stale).toBe(false);
  });

  it('is printed by `samanvay national-dashboard` (CSV on stdout, the stale state on stderr)', async () => {
    const url = fed!.nation.cluster.url(DATABASE);
    const r = await runNode(['bin/samanvay.js', 'national-dashboard', '--database-url', url, '--format', 'csv'], { timeoutMs: 120_000 });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0].split(',').slice(4, 4 + FIGURES.length)).toEqual([...FIGURES]);
    const stateRow = (code: number) => lines.find((l) => l.startsWith(`${code},`) && l.includes(',(state),'))!.split(',');
    expect(Number(stateRow(MAHARASHTRA)[4])).toBe(4);
    expect(Number(stateRow(MADHYA_PRADESH)[4])).toBe(3);
    expect(lines.at(-1)!.split(',')[4]).toBe('7');
    expect(r.stderr).toMatch(/warning: .*\(23\) is stale: subscription disabled/);
    expect(r.stderr).not.toMatch(/\(27\) is stale/);
    await nation.query('ALTER SUBSCRIPTION dashboard_from_23 ENABLE');
  }, 150_000);
});
