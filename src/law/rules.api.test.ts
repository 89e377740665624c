import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { setCaseTimelineConfig } from '../cases/timelines.config';
import { DEFAULT_TIMELINE_CONFIG, withStateOverride } from '../cases/domain';
import { ensureCatalogue } from '../schemes/catalogue.service';

// The rules-and-sources page (issue #18): every timeline, order form and scheme rule with its
// source, a state's override with whose decision it is, and built-in corrections stored as new
// revisions so past decisions keep the revision they were made under.

let t: TestApp;
let cw: Client;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-06-15T06:30:00Z') });
  cw = await t.login('caseworker.amravati');
}, 120_000);
afterAll(async () => {
  setCaseTimelineConfig(null);
  await t.close();
});

type Rules = {
  stateCode: string | null;
  timelines: Array<{
    key: string;
    within: string;
    statutory: boolean;
    source: { citation: string; verification: string };
    setBy: string;
    decidedBy: string | null;
    trackedOnCases: boolean;
  }>;
  orderForms: Array<{ form: string; isOrder: boolean; citation: string }>;
  schemes: Array<{
    id: string;
    change: string;
    revision: number;
    versions: Array<{ inForce: boolean; validTo: string | null; source: { verification: string } | null; clauses: string[] }>;
  }>;
};

describe('GET /api/v1/rules', () => {
  it('lists every timeline with its citation, and the s.38 and s.35 clocks', async () => {
    const res = await cw.get('/api/v1/rules');
    expect(res.statusCode).toBe(200);
    const body = res.json() as Rules;
    expect(body.stateCode).toBe('27');
    const byKey = new Map(body.timelines.map((x) => [x.key, x]));
    expect(byKey.get('lfaDeclarationUpToTwo')).toMatchObject({
      within: '2 months',
      statutory: true,
      source: { citation: 'JJ Act 2015 s.38(1)' },
    });
    expect(byKey.get('surrenderReconsideration')?.source.citation).toContain('s.35(3)');
    expect(byKey.get('escortOrder')).toMatchObject({ trackedOnCases: true });
    expect(byKey.get('cwcQuarterlyReport')?.source.verification).toBe('unverified');
    for (const x of body.timelines) expect(x.source.citation.length, x.key).toBeGreaterThan(3);
  });

  it('lists the order forms, and Forms 30, 34 and 35 as records that are not orders', async () => {
    const body = (await cw.get('/api/v1/rules')).json() as Rules;
    const forms = new Map(body.orderForms.map((f) => [f.form, f]));
    expect(forms.get('form32')).toMatchObject({ isOrder: true, citation: expect.stringContaining('R.23(15)') });
    expect(forms.get('form36')?.citation).toContain('R.24(5)');
    expect(forms.get('form37')?.citation).toContain('R.25(2)');
    for (const f of ['form30', 'form34', 'form35']) expect(forms.get(f)?.isOrder).toBe(false);
  });

  it('shows each scheme version with its source, how far it was checked, and the clauses its reasons cite', async () => {
    const body = (await cw.get('/api/v1/rules')).json() as Rules;
    const sp = body.schemes.find((s) => s.id === 'mission-vatsalya-sponsorship')!;
    expect(sp.versions[0].clauses.some((c) => c.includes('Mission Vatsalya guidelines 2022'))).toBe(true);
    const pds = body.schemes.find((s) => s.id === 'mh-nfsa-priority-ration-card')!;
    expect(pds.versions[0].source?.verification).toBe('unverified');
    const pmc = body.schemes.find((s) => s.id === 'pm-cares-for-children')!;
    expect(pmc.versions[0]).toMatchObject({ validTo: '2022-02-28', inForce: false });
  });

  it("shows a state's override and whose decision it is", async () => {
    setCaseTimelineConfig(
      withStateOverride(DEFAULT_TIMELINE_CONFIG, '27', {
        carePlanReview: { within: { months: 1 }, decidedBy: 'WCD Department, Maharashtra (illustrative order)' },
      }),
    );
    try {
      const body = (await cw.get('/api/v1/rules?state=27')).json() as Rules;
      expect(body.timelines.find((x) => x.key === 'carePlanReview')).toMatchObject({
        within: '1 month',
        setBy: 'state',
        decidedBy: 'WCD Department, Maharashtra (illustrative order)',
      });
      const other = (await cw.get('/api/v1/rules?state=29')).json() as Rules;
      expect(other.timelines.find((x) => x.key === 'carePlanReview')).toMatchObject({ setBy: 'default', decidedBy: null });
    } finally {
      setCaseTimelineConfig(null);
    }
  });

  it('refuses a bad state code naming the field, and an anonymous reader', async () => {
    const bad = await cw.get('/api/v1/rules?state=MH');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('state');
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/rules' });
    expect(anon.statusCode).toBe(401);
  });
});

describe('built-in rule corrections', () => {
  it('reach a database holding the older built-in as a new revision; an administrator’s change is left alone', async () => {
    const db = t.ctx.database;
    // A database seeded before the fix: PM CARES still open-ended.
    await db.query(`INSERT INTO scheme_revision (scheme_id, revision, definition, change)
      SELECT scheme_id, revision + 1, jsonb_set(definition, '{versions,0,validTo}', 'null'::jsonb), 'seeded'
      FROM scheme_revision WHERE scheme_id = 'pm-cares-for-children' ORDER BY revision DESC LIMIT 1`);
    // An administrator's own change to NFBS (say, a note) stays theirs.
    await db.query(`INSERT INTO scheme_revision (scheme_id, revision, definition, change)
      SELECT scheme_id, revision + 1, jsonb_set(definition, '{versions,0,note}', '"state note"'::jsonb), 'version_added'
      FROM scheme_revision WHERE scheme_id = 'nsap-nfbs' ORDER BY revision DESC LIMIT 1`);
    await ensureCatalogue(t.ctx.db);
    const rows = await db.query<{ scheme_id: string; revision: number; change: string; valid_to: string | null }>(
      `SELECT scheme_id, revision, change, definition #>> '{versions,0,validTo}' AS valid_to FROM scheme_revision
       WHERE scheme_id IN ('pm-cares-for-children', 'nsap-nfbs') ORDER BY scheme_id, revision`,
    );
    const pmc = rows.filter((r) => r.scheme_id === 'pm-cares-for-children');
    expect(pmc.map((r) => [r.revision, r.change, r.valid_to])).toEqual([
      [1, 'seeded', '2022-02-28'],
      [2, 'seeded', null],
      [3, 'rules_corrected', '2022-02-28'],
    ]);
    expect(rows.filter((r) => r.scheme_id === 'nsap-nfbs').map((r) => r.change)).toEqual(['seeded', 'version_added']);
    // Started again, nothing more is added.
    await ensureCatalogue(t.ctx.db);
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM scheme_revision WHERE change = 'rules_corrected'`);
    expect(n).toBe(1);
  });
});
