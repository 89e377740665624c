import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, type Kit } from '../cases/cases.testkit';
import type { Actor } from '../access/policy';
import { columnsFor, queuePageQuery } from './helpline.repository';
import { helplineCall } from './helpline.schema';

/**
 * The district queue with many calls (issue #13): the page is read in the order of the index
 * helpline_call_district_queue_page (no sort of the whole open set), pages follow by cursor without gaps
 * or repeats and agree with offset paging, the count stops at 1,000, a forged cursor is a 400.
 */
let t: TestApp;
let k: Kit;
let dcpo: Client;
const ROWS = 20_000;
/** Calls in another district of the state and in another state (a district's index is the better one for a district). */
const OTHER_DISTRICTS = 20_000;
const q = <T>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params);

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at('2026-12-01T04:30:00.000Z');
  dcpo = await k.as('dcpo.amravati');
  // Calls of every status and urgency in Amravati (468), and a few in Akola (ignored by the Amravati officer).
  await q(`INSERT INTO helpline_call (status, channel, state_code, district_code, caller_anonymous, children, categories, urgency,
      received_at, submitted_at, route, target_minutes, target_at, created_at, updated_at)
    SELECT (ARRAY['open','dispatched','reached','closed'])[1 + g % 4], '1098', CASE WHEN g > ${ROWS} AND g % 2 = 0 THEN 9 ELSE 27 END,
      CASE WHEN g % 50 = 0 THEN 467 WHEN g > ${ROWS} AND g % 2 = 0 THEN 150 WHEN g > ${ROWS} THEN 466 ELSE 468 END, true, '[]',
      ARRAY['rescue'], (ARRAY['emergency','non_emergency','information'])[1 + g % 3],
      timestamptz '2026-12-01 04:00:00+00' - (g % 7919) * interval '1 minute', timestamptz '2026-12-01 04:00:00+00', 'district_unit', 60,
      timestamptz '2026-12-01 05:00:00+00', now(), now()
    FROM generate_series(1, ${ROWS + OTHER_DISTRICTS}) AS g
    -- Stored in no order of district or state (as calls arrive), so no index looks cheaper for its table order.
    ORDER BY md5(g::text)`);
  await q('ANALYZE helpline_call');
});
afterAll(() => t.close());

type Item = { id: string; number: number; status: string; urgency: string; receivedAt: string; districtCode: number };
const RANK = (c: Item) =>
  ['draft', 'open', 'dispatched', 'reached', 'closed'].indexOf(c.status) * 3 +
  ['emergency', 'non_emergency', 'information'].indexOf(c.urgency);
const key = (c: Item) => [RANK(c), new Date(c.receivedAt).getTime(), c.number];
const before = (a: Item, b: Item) => {
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
};

async function dcpoActor(): Promise<Actor> {
  const [user] = await q<{ id: string; organisation_id: string }>(
    `SELECT id, organisation_id FROM app_user WHERE username = 'dcpo.amravati'`,
  );
  return {
    userId: user.id,
    username: 'dcpo.amravati',
    displayName: 'DCPO',
    role: 'dcpu_officer',
    organisationId: user.organisation_id,
    organisationKind: 'DCPU',
    scope: { level: 'district', stateCode: 27, districtCode: 468 },
  };
}

/** The state audit cell: reads every district's calls of Maharashtra. */
async function stateActor(): Promise<Actor> {
  const [user] = await q<{ id: string; organisation_id: string }>(`SELECT id, organisation_id FROM app_user WHERE username = 'auditor.mh'`);
  return {
    userId: user.id,
    username: 'auditor.mh',
    displayName: 'State Audit Cell',
    role: 'auditor',
    organisationId: user.organisation_id,
    organisationKind: null,
    scope: { level: 'state', stateCode: 27 },
  };
}

describe('the queue at many calls', () => {
  it('pages by cursor in queue order, as offset paging does, with a capped count', async () => {
    const pages: Item[][] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const res = await dcpo.get(`/api/v1/helpline/calls?pageSize=50${after ? `&after=${after}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Item[]; total: number; totalCapped: boolean; nextCursor: string | null };
      expect(body).toMatchObject({ total: 1000, totalCapped: true });
      expect(body.items).toHaveLength(50);
      pages.push(body.items);
      after = body.nextCursor;
      expect(after).toBeTruthy();
    }
    const all = pages.flat();
    expect(new Set(all.map((c) => c.id)).size).toBe(150);
    expect(all.every((c) => c.districtCode === 468)).toBe(true);
    for (let i = 1; i < all.length; i++) expect(before(all[i - 1], all[i]), `${i}`).toBe(true);
    expect(all[0]).toMatchObject({ status: 'open', urgency: 'emergency' });
    // An older client's page=2 is the same page as the cursor's second.
    const offset = (await dcpo.get('/api/v1/helpline/calls?pageSize=50&page=2')).json() as { items: Item[] };
    expect(offset.items.map((c) => c.id)).toEqual(pages[1].map((c) => c.id));
  });

  it('follows a filtered queue to its last page, where there is no next cursor', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await dcpo.get(`/api/v1/helpline/calls?status=closed&urgency=information&pageSize=100${after ? `&after=${after}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Item[]; nextCursor: string | null };
      for (const c of body.items) {
        expect(c).toMatchObject({ status: 'closed', urgency: 'information', districtCode: 468 });
        seen.add(c.id);
      }
      after = body.nextCursor;
      pages++;
    } while (after && pages < 30);
    const [{ n }] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM helpline_call WHERE district_code = 468 AND status = 'closed' AND urgency = 'information'`,
    );
    expect(seen.size).toBe(n);
  });

  it('refuses a cursor it did not make, naming the field', async () => {
    for (const bad of ['x', Buffer.from('1|yesterday|5').toString('base64url'), '%%%']) {
      const res = await dcpo.get(`/api/v1/helpline/calls?after=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.body).toContain('after');
    }
  });

  it('checks the CWC non-disclosure order once per call read, not once per withheld column', async () => {
    const actor = await dcpoActor();
    const read = t.ctx.db.select(columnsFor(actor, '2026-12-01')).from(helplineCall).toSQL().sql;
    expect(read.match(/FROM "case_non_disclosure_order"/g)).toHaveLength(1);
    // The withheld fields are still read, as before, for a call under no order.
    const [row] = await t.ctx.db.select(columnsFor(actor, '2026-12-01')).from(helplineCall).limit(1);
    expect(Object.keys(row)).toContain('__identityFields');
  });

  it('picks the page ids from the index, without sorting the open set: a district queue by its own index, a state-wide one', async () => {
    const now = new Date('2026-12-01T04:30:00.000Z');
    for (const [actor, index] of [
      [await dcpoActor(), 'helpline_call_district_queue_page'],
      [await stateActor(), 'helpline_call_state_queue_page'],
    ] as const)
      for (const [query, cursor] of [
        [{ page: 1, pageSize: 50 }, null],
        [
          { page: 1, pageSize: 50, status: 'open' as const },
          { rank: 3, at: '2026-11-30 10:00:00+00', number: 10 },
        ],
      ] as const) {
        const built = queuePageQuery(t.ctx.db, actor, query, {}, now, '2026-12-01', cursor).toSQL();
        const lines = (await q<{ 'QUERY PLAN': string }>(`EXPLAIN ${built.sql}`, built.params)).map((r) => r['QUERY PLAN']);
        const plan = lines.join('\n');
        // The page's ids: a Limit straight over the index scan (no Sort of the open set under it).
        const limit = lines.findIndex((l) => /->\s+Limit\b|^Limit\b/.test(l.trim()) || /\bLimit\s+\(/.test(l));
        expect(limit, `${actor.scope.level}\n${plan}`).toBeGreaterThanOrEqual(0);
        expect(lines[limit + 1], `${actor.scope.level}\n${plan}`).toMatch(new RegExp(`Index Scan using ${index} on`));
        expect(plan, `${actor.scope.level}\n${plan}`).not.toMatch(/Seq Scan on helpline_call\b/);
        // The nested loop keeps the page's order: nothing is sorted, not even the page's 50 rows.
        expect(plan, `${actor.scope.level}\n${plan}`).not.toMatch(/\bSort\b/);
        // The display columns (the repeat-call subquery, the CWC order) for the page's rows only: the
        // call is fetched by its primary key once per id of the page.
        expect(plan, `${actor.scope.level}\n${plan}`).toMatch(/Index Scan using helpline_call_pkey on helpline_call/);
      }
  });
});
