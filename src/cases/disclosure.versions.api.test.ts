import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';

/**
 * A CWC non-disclosure order is changed and lifted against the version read, like every other
 * record: a stale version (or none while an order stands) is a 409 with the order as it stands,
 * and nothing is written; two members recording the first order at once are one 200 and one
 * 409, never a 500. (On PostgreSQL the requests really run at once on separate connections.)
 */
let t: TestApp;
let cwc: Client;
let cwc2: Client; // a second session: another Committee member at another desk
let dcpo: Client;
let cases: string[];

const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params);
const url = (caseId: string) => `/api/v1/cases/${caseId}/non-disclosure-order`;
const stored = async (caseId: string) =>
  (
    await q<{ order_ref: string; ordered_on: string; version: number }>(
      "SELECT order_ref, to_char(ordered_on, 'YYYY-MM-DD') AS ordered_on, version FROM case_non_disclosure_order WHERE case_id = $1",
      [caseId],
    )
  )[0] ?? null;
const audits = async (caseId: string) =>
  (
    await q<{ action: string }>(
      "SELECT action FROM audit_event WHERE entity_id = $1 AND action LIKE 'case.non_disclosure_order%' ORDER BY seq",
      [caseId],
    )
  ).map((a) => a.action);
const fields = (res: { json: () => { issues?: { field: string }[] } }) => (res.json().issues ?? []).map((i) => i.field);
let next = 0;
const freshCase = () => cases[next++];

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-12-07T10:00:00+05:30'));
  [cwc, cwc2, dcpo] = await Promise.all([t.login('cwc.amravati'), t.login('cwc.amravati'), t.login('dcpo.amravati')]);
  cases = (
    await q<{ id: string }>(
      `SELECT k.id FROM case_record k WHERE k.district_code = 468 AND k.status <> 'closed'
          AND NOT EXISTS (SELECT 1 FROM case_non_disclosure_order o WHERE o.case_id = k.id)
        ORDER BY k.id LIMIT 8`,
    )
  ).map((r) => r.id);
  expect(cases.length).toBe(8);
});
afterAll(() => t.close());

describe('changing and lifting against the version read', () => {
  it('the first order takes no version; a change without one, or with a stale one, is a 409 and nothing changes', async () => {
    const id = freshCase();
    const first = await cwc.put(url(id), { orderRef: 'CWC/AMR/2026/501', orderedOn: '2026-12-01' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ orderRef: 'CWC/AMR/2026/501', version: 1 });
    expect(first.headers.etag).toBe('"1"');
    expect((await cwc.get(url(id))).headers.etag).toBe('"1"');

    // Member B read version 1 and changes it; member A, still on version 1, is refused.
    const b = await cwc2.put(url(id), { orderRef: 'CWC/AMR/2026/502', orderedOn: '2026-12-02', version: 1 });
    expect(b.statusCode).toBe(200);
    expect(b.json()).toMatchObject({ orderRef: 'CWC/AMR/2026/502', version: 2 });
    const before = { row: await stored(id), audits: await audits(id) };

    const stale = await cwc.put(url(id), { orderRef: 'CWC/AMR/2026/503', orderedOn: '2026-12-03', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { caseId: id, orderRef: 'CWC/AMR/2026/502', version: 2 } });
    // Without a version while an order stands: the client thought there was none.
    const blind = await cwc.put(url(id), { orderRef: 'CWC/AMR/2026/503', orderedOn: '2026-12-03' });
    expect(blind.statusCode).toBe(409);
    expect(blind.json()).toMatchObject({ code: 'version_conflict', current: { version: 2 } });
    expect(fields(blind)).toEqual(['version']);
    const staleHeader = await t.app.inject({
      method: 'PUT',
      url: url(id),
      headers: { authorization: `Bearer ${cwc.token}`, 'if-match': '"1"' },
      payload: { orderRef: 'CWC/AMR/2026/503', orderedOn: '2026-12-03' },
    });
    expect(staleHeader.statusCode).toBe(409);
    expect({ row: await stored(id), audits: await audits(id) }).toEqual(before);
    expect(before.row).toEqual({ order_ref: 'CWC/AMR/2026/502', ordered_on: '2026-12-02', version: 2 });

    // With the version read (If-Match works too) the change is saved.
    const ok = await t.app.inject({
      method: 'PUT',
      url: url(id),
      headers: { authorization: `Bearer ${cwc.token}`, 'if-match': '"2"' },
      payload: { orderRef: 'CWC/AMR/2026/503', orderedOn: '2026-12-03' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ orderRef: 'CWC/AMR/2026/503', version: 3 });
    expect(await audits(id)).toEqual([
      'case.non_disclosure_order.set',
      'case.non_disclosure_order.update',
      'case.non_disclosure_order.update',
    ]);
  });

  it('lifting needs the version read: none is a 400 naming it, a stale one a 409 and the order stands', async () => {
    const id = freshCase();
    expect((await cwc.put(url(id), { orderRef: 'CWC/AMR/2026/511', orderedOn: '2026-12-01' })).statusCode).toBe(200);
    expect((await cwc2.put(url(id), { orderRef: 'CWC/AMR/2026/512', orderedOn: '2026-12-01', version: 1 })).statusCode).toBe(200);

    const none = await cwc.del(url(id));
    expect(none.statusCode).toBe(400);
    expect(fields(none)).toEqual(['version']);
    const notANumber = await cwc.del(`${url(id)}?version=abc`);
    expect(notANumber.statusCode).toBe(400);
    expect(fields(notANumber)).toEqual(['querystring.version']);
    const stale = await cwc.del(`${url(id)}?version=1`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { orderRef: 'CWC/AMR/2026/512', version: 2 } });
    expect(await stored(id)).toMatchObject({ order_ref: 'CWC/AMR/2026/512', version: 2 });
    expect((await dcpo.del(`${url(id)}?version=2`)).statusCode).toBe(403);

    const lifted = await t.app.inject({
      method: 'DELETE',
      url: url(id),
      headers: { authorization: `Bearer ${cwc.token}`, 'if-match': '"2"' },
    });
    expect(lifted.statusCode).toBe(200);
    expect(await stored(id)).toBeNull();
    expect((await cwc.del(`${url(id)}?version=2`)).statusCode).toBe(404);
    // Changing an order that has since been lifted: 409, the order as it stands is none.
    const gone = await cwc2.put(url(id), { orderRef: 'CWC/AMR/2026/513', orderedOn: '2026-12-01', version: 2 });
    expect(gone.statusCode).toBe(409);
    expect(gone.json()).toMatchObject({ code: 'version_conflict', current: null });
    expect(await stored(id)).toBeNull();
  });

  it('a version that is not a whole number is a 400 naming it', async () => {
    const id = freshCase();
    for (const version of ['1', 0, -1, 1.5]) {
      const res = await cwc.put(url(id), { orderRef: 'CWC/AMR/2026/521', orderedOn: '2026-12-01', version });
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual(['version']);
    }
    expect(await stored(id)).toBeNull();
  });
});

describe('at once', () => {
  it('two members record the first order at once: one 200, one 409, never a 500; one order, one audit entry', async () => {
    for (let round = 0; round < 3; round++) {
      const id = freshCase();
      const results = await Promise.all([
        cwc.put(url(id), { orderRef: 'CWC/AMR/2026/601', orderedOn: '2026-12-01' }),
        cwc2.put(url(id), { orderRef: 'CWC/AMR/2026/602', orderedOn: '2026-12-02' }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.statusCode === 200)!.json();
      const loser = results.find((r) => r.statusCode === 409)!.json();
      expect(loser).toMatchObject({ code: 'version_conflict', current: { orderRef: winner.orderRef, version: 1 } });
      expect(await stored(id)).toMatchObject({ order_ref: winner.orderRef, version: 1 });
      expect(await audits(id)).toEqual(['case.non_disclosure_order.set']);
    }
  });

  it('two changes from the same version at once: one saved, one refused; two lifts: one lifts, the other finds none', async () => {
    const id = freshCase();
    expect((await cwc.put(url(id), { orderRef: 'CWC/AMR/2026/611', orderedOn: '2026-12-01' })).statusCode).toBe(200);
    const changes = await Promise.all([
      cwc.put(url(id), { orderRef: 'CWC/AMR/2026/612', orderedOn: '2026-12-02', version: 1 }),
      cwc2.put(url(id), { orderRef: 'CWC/AMR/2026/613', orderedOn: '2026-12-03', version: 1 }),
    ]);
    expect(changes.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await stored(id)).toMatchObject({ order_ref: changes.find((r) => r.statusCode === 200)!.json().orderRef, version: 2 });
    const lifts = await Promise.all([cwc.del(`${url(id)}?version=2`), cwc2.del(`${url(id)}?version=2`)]);
    expect(lifts.map((r) => r.statusCode).sort()).toEqual([200, 404]);
    expect(await stored(id)).toBeNull();
    expect((await audits(id)).filter((a) => a.endsWith('.lift'))).toHaveLength(1);
  });
});
