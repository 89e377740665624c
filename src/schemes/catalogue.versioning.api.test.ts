import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { buildApp } from '../http/app';
import { CatalogueError } from './catalogue/index';
import { ensureCatalogue } from './catalogue.service';

// The catalogue is data in the database: an administrator changes a scheme by adding a
// version, validated by the engine (refused with the rule path and the reason); an
// application is judged by the version in force on its date.

let t: TestApp;
let admin: Client; // state administrator, Maharashtra
let cw: Client; // caseworker, Amravati
// Two families with a child eligible for Bal Sangopan today: income under and over the ceiling the test version adds.
let poorFamily: { familyId: string; childId: string };
let richerFamily: { familyId: string; childId: string };
const BSY = 'mh-bal-sangopan';
const LIMIT = 45000;

const revisions = async () => Number((await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM scheme_revision'))[0].n);

const bsyRules = (extra: unknown[] = []) => ({
  all: [
    { fact: 'age', op: 'between', min: 0, max: 17.99 },
    {
      any: [
        { fact: 'orphanStatus', op: 'in', values: ['both_parents_dead', 'one_parent_dead', 'abandoned'] },
        { fact: 'singleParent', op: 'isTrue' },
        { fact: 'fatherStatus', op: 'in', values: ['seriously_ill', 'disabled', 'imprisoned'] },
        { fact: 'motherStatus', op: 'in', values: ['seriously_ill', 'disabled', 'imprisoned'] },
      ],
    },
    ...extra,
  ],
});
const version = (over: Record<string, unknown> = {}) => ({
  validFrom: '2026-07-01',
  validTo: null,
  benefit: { kind: 'cash', amount: 2500, period: 'monthly' },
  rules: bsyRules([{ fact: 'annualIncome', op: 'lte', value: LIMIT, note: 'Income ceiling (illustrative GR)' }]),
  documents: ['aadhaar', 'birth_certificate', 'income_certificate'],
  source: { title: 'WCD GR (test): Bal Sangopan revised', date: '2026-06-20' },
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-11-23T06:00:00Z'));
  [admin, cw] = await Promise.all([t.login('admin'), t.login('caseworker.amravati')]);
  const w = (await cw.get(`/api/v1/scheme-worklist?schemeId=${BSY}&pageSize=100`)).json();
  const income = async (id: string) =>
    Number((await t.ctx.database.query<{ i: number }>('SELECT annual_income AS i FROM family WHERE id = $1', [id]))[0].i);
  for (const i of w.items) {
    const inc = await income(i.familyId);
    const pick = { familyId: i.familyId, childId: i.schemes[0].subjects[0].id };
    if (inc <= LIMIT && !poorFamily) poorFamily = pick;
    if (inc > LIMIT && !richerFamily) richerFamily = pick;
  }
});
afterAll(() => t.close());

describe('the catalogue as data', () => {
  it('lists the seeded schemes with the version in force, and shows one with its rules and revisions', async () => {
    const list = (await cw.get('/api/v1/schemes')).json();
    expect(list.items).toHaveLength(16);
    const bsy = list.items.find((s: { id: string }) => s.id === BSY);
    expect(bsy).toMatchObject({
      revision: 1,
      state: 27,
      subject: 'child',
      inForce: { validFrom: '2023-04-01', benefit: { amount: 2250 } },
    });
    const one = await cw.get(`/api/v1/schemes/${BSY}`);
    expect(one.headers.etag).toBe('"1"');
    expect(one.json().definition.versions).toHaveLength(2);
    expect(one.json().factsUsed).toContain('orphanStatus');
    expect(one.json().revisions).toEqual([expect.objectContaining({ revision: 1, change: 'seeded', versions: 2 })]);
    expect((await cw.get('/api/v1/schemes/no-such-scheme')).statusCode).toBe(404);
    const vocab = (await cw.get('/api/v1/scheme-rule-vocabulary')).json();
    expect(vocab.facts.find((f: { name: string }) => f.name === 'annualIncome')).toMatchObject({ kind: 'number', unit: 'inr' });
  });
});

describe('adding a version', () => {
  const post = (c: Client, body: Record<string, unknown>, id = BSY) => c.post(`/api/v1/schemes/${id}/versions`, body);

  it('is refused for a role without schemes.configure, and for an all-India scheme by a state administrator', async () => {
    const before = await revisions();
    expect((await post(cw, { revision: 1, version: version() })).statusCode).toBe(403);
    const central = await post(admin, { revision: 1, version: version() }, 'nsap-nfbs');
    expect(central.statusCode).toBe(403);
    expect(central.json().code).toBe('outside_jurisdiction');
    expect(await revisions()).toBe(before);
  });

  it.each([
    [
      'an unknown fact',
      { rules: bsyRules([{ fact: 'incom', op: 'lte', value: 30000 }]) },
      'version.rules.all[2]',
      /fact "incom" is not a known fact \(did you mean "annualIncome"\?\)/,
    ],
    [
      'an impossible range',
      { rules: bsyRules([{ fact: 'age', op: 'between', min: 10, max: 2 }]) },
      'version.rules.all[2]',
      /impossible range: min 10 is greater than max 2/,
    ],
    [
      'a negative amount',
      { benefit: { kind: 'cash', amount: -5, period: 'monthly' } },
      'version.benefit.amount',
      /amounts cannot be negative/,
    ],
    ['an op that does not fit the fact', { rules: bsyRules([{ fact: 'bpl', op: 'gte', value: 3 }]) }, 'version.rules.all[2]', /./],
    ['an impossible date', { validFrom: '2026-02-30' }, 'version.validFrom', /is not a real date/],
    ['an unknown document', { documents: ['passport'] }, 'version.documents[0]', /./],
    [
      'a version that does not start after the one in force',
      { validFrom: '2023-01-01' },
      'version.validFrom',
      /overlaps the previous one \(2023-04-01 – open\)/,
    ],
  ])('refuses %s with the rule path and the reason, writing nothing', async (_what, over, field, reason) => {
    const before = await revisions();
    const res = await post(admin, { revision: 1, version: version(over) });
    expect(res.statusCode).toBe(400);
    const issue = res.json().issues.find((i: { field: string }) => i.field === field);
    expect(issue, JSON.stringify(res.json().issues)).toBeTruthy();
    expect(issue.message).toMatch(reason);
    expect(await revisions()).toBe(before);
  });

  it('adds the version, closing the one before it the day before, as a new revision', async () => {
    const res = await post(admin, { revision: 1, version: version(), note: 'GR of 20 June 2026' });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s.revision).toBe(2);
    expect(s.definition.versions.map((v: { validFrom: string; validTo: string | null }) => [v.validFrom, v.validTo])).toEqual([
      ['2021-04-01', '2023-03-31'],
      ['2023-04-01', '2026-06-30'],
      ['2026-07-01', null],
    ]);
    expect(s.revisions.map((r: { revision: number; change: string }) => [r.revision, r.change])).toEqual([
      [1, 'seeded'],
      [2, 'version_added'],
    ]);
    // The stored revision 1 is untouched (append-only).
    await expect(t.ctx.database.query("DELETE FROM scheme_revision WHERE scheme_id = 'mh-bal-sangopan'")).rejects.toThrow(/append-only/);
  });

  it('refuses an edit made on a stale revision (409)', async () => {
    const before = await revisions();
    const res = await post(admin, { revision: 1, version: version({ validFrom: '2026-10-01' }) });
    expect(res.statusCode).toBe(409);
    expect(res.json().current.revision).toBe(2);
    expect(await revisions()).toBe(before);
  });
});

describe('an application is judged by the rules in force on its date', () => {
  const start = (f: { familyId: string; childId: string }, on: string) =>
    cw.post('/api/v1/scheme-applications', { schemeId: BSY, ...f, on });

  it('before the new version: the old rules and the old amount', async () => {
    const res = await start(richerFamily, '2026-06-15');
    expect(res.statusCode).toBe(201);
    expect(res.json().eligibility).toMatchObject({
      judgedOn: '2026-06-15',
      status: 'eligible',
      version: { validFrom: '2023-04-01', validTo: '2026-06-30' },
      benefit: { amount: 2250 },
    });
  });

  it('after it: the new income ceiling refuses a family above it, with the reason', async () => {
    const other = (await cw.get(`/api/v1/families/${richerFamily.familyId}/scheme-suggestions?lang=en`)).json();
    const bsy = other.suggestions.find(
      (s: { schemeId: string; subjectId: string }) => s.schemeId === BSY && s.subjectId === richerFamily.childId,
    );
    expect(bsy.status).toBe('not_eligible');
    expect(bsy.reasons.join(' ')).toMatch(/income ₹[\d,]+ is over ₹45,000|income/);
  });

  it('after it: a family under the ceiling is judged by the new version and amount', async () => {
    const res = await start(poorFamily, '2026-08-03');
    expect(res.statusCode).toBe(201);
    expect(res.json().eligibility).toMatchObject({
      judgedOn: '2026-08-03',
      status: 'eligible',
      version: { validFrom: '2026-07-01', validTo: null },
      benefit: { amount: 2500 },
    });
    expect(res.json().checklist.map((c: { doc: string }) => c.doc)).toEqual(['aadhaar', 'birth_certificate', 'income_certificate']);
  });
});

describe('validation at start-up', () => {
  it('a fresh database is seeded with the catalogue when the server starts', async () => {
    const bare = await createTestApp({ demo: false });
    try {
      const [{ n }] = await bare.ctx.database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM scheme_revision WHERE change = 'seeded'",
      );
      expect(n).toBe(16);
    } finally {
      await bare.close();
    }
  });

  it('a stored scheme that does not validate stops the server, naming the rule and the reason', async () => {
    await t.ctx.database.query(`INSERT INTO scheme_revision (scheme_id, revision, definition, change)
      SELECT scheme_id, revision + 1, jsonb_set(definition, '{versions,0,rules}', '{"fact":"incom","op":"lte","value":5}'::jsonb), 'version_added'
      FROM scheme_revision WHERE scheme_id = 'mh-rte-25-percent' ORDER BY revision DESC LIMIT 1`);
    const err = await ensureCatalogue(t.ctx.db).catch((e) => e);
    expect(err).toBeInstanceOf(CatalogueError);
    expect(err.message).toMatch(/schemes\[\d+\]\.versions\[0\]\.rules: fact "incom" is not a known fact/);
    const app = await buildApp(t.ctx, { logger: false });
    await expect(app.ready()).rejects.toThrow(/scheme catalogue is invalid/);
    await app.close().catch(() => undefined);
  });
});
