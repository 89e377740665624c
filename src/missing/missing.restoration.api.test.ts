import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { AKOLA, AMRAVATI, missingReport } from './missing.testkit';
import { CASE_NOT_OPENED } from './restorations.service';
import { dispatchPending } from '../events/dispatcher';
import { EVENT_HANDLERS } from '../events/handlers';

/**
 * Restoration (issues #11, #12): a missing child is restored to the family only on the CWC's
 * restoration order (JJ Act 2015 s.37(1)(b), s.40; Model Rules 2016 Form 44), recorded on the
 * child's case or given by a CWC member; then the report and the found child's record close and
 * the registry no longer says the child is missing. A restoration that cannot go ahead says why
 * with a code, never with another module's error text.
 */
let t: TestApp;
let dcpo: Client, cwc: Client;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-03-10T06:30:00Z'));
  [dcpo, cwc] = await Promise.all(['dcpo.amravati', 'cwc.amravati'].map((u) => t.login(u)));
});
afterAll(() => t.close());

async function registryChild(careStatus: string, offset: number): Promise<string> {
  const [kid] = await t.ctx.database.query<{ id: string }>(
    `SELECT id FROM child WHERE district_code = ${AMRAVATI} AND care_status = 'birth_family' ORDER BY id OFFSET ${offset} LIMIT 1`,
  );
  await t.ctx.database.query(`UPDATE child SET care_status = $2 WHERE id = $1`, [kid.id, careStatus]);
  return kid.id;
}

/** A report and a found child in Amravati, confirmed by the DCPO (one district: alone). */
async function confirmedPair(name: string, father: string, by: Client, childId?: string) {
  const report = (
    await dcpo.post(
      '/api/v1/missing/reports',
      missingReport({ name, fatherName: father, lastSeenOn: '2026-02-10', ...(childId ? { childId } : {}) }),
    )
  ).json();
  const found = (
    await dcpo.post('/api/v1/missing/found-children', {
      name,
      sex: 'male',
      ageYears: 11,
      fatherName: father,
      districtCode: AMRAVATI,
      foundOn: '2026-02-20',
      source: 'police',
    })
  ).json();
  const m = (await dcpo.get(`/api/v1/missing/matches?recordId=${found.id}`))
    .json()
    .items.find((i: { missing: { id: string } }) => i.missing.id === report.id);
  const decided = await by.post(`/api/v1/missing/matches/${m.id}/decision`, { decision: 'confirm', note: 'Parents identified the child' });
  expect(decided.statusCode).toBe(200);
  expect(decided.json().status).toBe('confirmed');
  return { reportId: report.id as string, foundId: found.id as string, restoration: decided.json().restoration };
}

const state = async (restorationId: string, reportId: string, childId: string | null) => {
  const [r] = await t.ctx.database.query<{ status: string; version: number }>(
    `SELECT status, version FROM missing_restoration WHERE id = $1`,
    [restorationId],
  );
  const recs = await t.ctx.database.query<{ status: string }>(`SELECT status FROM missing_record WHERE id = $1`, [reportId]);
  const kid = childId
    ? (await t.ctx.database.query<{ care_status: string }>(`SELECT care_status FROM child WHERE id = $1`, [childId]))[0]
    : null;
  return { restoration: r, report: recs[0].status, child: kid?.care_status ?? null };
};

describe('restored only on a CWC restoration order', () => {
  let childId: string;
  let pair: Awaited<ReturnType<typeof confirmedPair>>;

  beforeAll(async () => {
    childId = await registryChild('missing', 0);
    pair = await confirmedPair('Aditya Shankar Bhise', 'Shankar Bhise', dcpo, childId);
    expect(pair.restoration).toMatchObject({ status: 'case_opened', childId, caseId: expect.any(String) });
  });

  it('without an order the outcome is refused (409 cwc_order_required naming cwcOrderRef) and nothing changes', async () => {
    const before = await state(pair.restoration.id, pair.reportId, childId);
    const res = await dcpo.post(`/api/v1/missing/restorations/${pair.restoration.id}/status`, { status: 'restored', note: 'handed over' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'cwc_order_required', issues: [{ field: 'cwcOrderRef' }] });
    expect(res.json().message).toMatch(/s\.37/);
    expect(await state(pair.restoration.id, pair.reportId, childId)).toEqual(before);
    expect(before).toMatchObject({ report: 'matched', child: 'missing' });
  });

  it('an order reference is the CWC’s to give: from a DCPO it is 403 naming cwcOrderRef', async () => {
    const before = await state(pair.restoration.id, pair.reportId, childId);
    const res = await dcpo.post(`/api/v1/missing/restorations/${pair.restoration.id}/status`, {
      status: 'restored',
      cwcOrderRef: 'CWC/AMR/2026/1',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'cwc_only', issues: [{ field: 'cwcOrderRef' }] });
    const future = await cwc.post(`/api/v1/missing/restorations/${pair.restoration.id}/status`, {
      status: 'restored',
      cwcOrderRef: 'CWC/AMR/2026/1',
      cwcOrderOn: '2026-03-11',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().issues[0].field).toBe('cwcOrderOn');
    const closedWithRef = await cwc.post(`/api/v1/missing/restorations/${pair.restoration.id}/status`, {
      status: 'closed',
      cwcOrderRef: 'CWC/AMR/2026/1',
    });
    expect(closedWithRef.statusCode).toBe(400);
    expect(await state(pair.restoration.id, pair.reportId, childId)).toEqual(before);
  });

  it('with the order recorded on the case, the DCPO records the restoration: records closed, the registry child no longer missing', async () => {
    const order = await cwc.post(`/api/v1/cases/${pair.restoration.caseId}/actions`, {
      type: 'cwc_order',
      kind: 'interim',
      orderType: 'restoration',
      form: 'form44',
      orderRef: 'CWC/AMR/2026/12',
      orderedOn: '2026-03-10',
    });
    expect(order.statusCode).toBe(201);
    // Later the same day by the app's clock (frozen): the stored times are the clock's, not the machine's.
    t.setNow(new Date('2026-03-10T09:15:00Z'));
    const res = await dcpo.post(`/api/v1/missing/restorations/${pair.restoration.id}/status`, {
      status: 'restored',
      note: 'handed over to the father',
    });
    expect(res.statusCode).toBe(200);
    const [stored] = await t.ctx.database.query<{ updated_at: Date; match_updated_at: Date; report_updated_at: Date }>(
      `SELECT r.updated_at, m.updated_at AS match_updated_at, rec.updated_at AS report_updated_at
         FROM missing_restoration r JOIN missing_match m ON m.id = r.match_id JOIN missing_record rec ON rec.id = r.missing_id
        WHERE r.id = $1`,
      [pair.restoration.id],
    );
    expect(new Date(stored.updated_at).toISOString()).toBe('2026-03-10T09:15:00.000Z');
    expect(new Date(stored.report_updated_at).toISOString()).toBe('2026-03-10T09:15:00.000Z');
    // The match was confirmed (updateMatch) at the clock of beforeAll.
    expect(new Date(stored.match_updated_at).toISOString()).toBe('2026-03-10T06:30:00.000Z');
    expect(res.json()).toMatchObject({
      status: 'restored',
      cwcOrder: { ref: 'CWC/AMR/2026/12', on: '2026-03-10', source: 'case' },
      registryNotified: true,
    });
    // The registry learns it through the `missing.restored` event (src/events), not a direct call.
    const [event] = await t.ctx.database.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM domain_event WHERE type = 'missing.restored' AND aggregate_id = $1`,
      [pair.restoration.id],
    );
    expect(event.payload).toMatchObject({ restorationId: pair.restoration.id, childId });
    expect(JSON.stringify(event.payload)).not.toMatch(/[A-Z][a-z]+ [A-Z][a-z]+/); // ids and codes, no names
    await dispatchPending(t.ctx.db, EVENT_HANDLERS, t.ctx.now);
    expect(await state(pair.restoration.id, pair.reportId, childId)).toMatchObject({
      report: 'closed',
      child: 'birth_family',
      restoration: { status: 'restored' },
    });
    const [found] = await t.ctx.database.query<{ status: string }>(`SELECT status FROM missing_record WHERE id = $1`, [pair.foundId]);
    expect(found.status).toBe('closed');
    // The case's restoration order (case.cwc_order_recorded) and the restoration (missing.restored)
    // both tell the registry; whichever is handled first moves the child, once.
    const moves = await t.ctx.database.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_event WHERE entity_type = 'child' AND entity_id = $1 AND action = 'update' AND details->>'to' = 'birth_family'
         OR entity_type = 'child' AND entity_id = $1 AND action = 'update' AND details->'careStatus'->>'to' = 'birth_family'`,
      [childId],
    );
    expect(moves).toHaveLength(1);
    // Once per event: dispatching again handles nothing and changes nothing.
    expect((await dispatchPending(t.ctx.db, EVENT_HANDLERS, t.ctx.now)).handled).toBe(0);
    expect((await dcpo.post(`/api/v1/missing/restorations/${pair.restoration.id}/status`, { status: 'restored' })).statusCode).toBe(409);
  });

  it('a CWC member may give the order’s reference; a registry status set since is not overwritten', async () => {
    const kid = await registryChild('cci', 1);
    const p = await confirmedPair('Sarthak Ganesh Wagh', 'Ganesh Wagh', dcpo, kid);
    const res = await cwc.post(`/api/v1/missing/restorations/${p.restoration.id}/status`, {
      status: 'restored',
      cwcOrderRef: 'CWC/AMR/2026/13',
      cwcOrderOn: '2026-03-09',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      cwcOrder: { ref: 'CWC/AMR/2026/13', on: '2026-03-09', source: 'cwc_member' },
      registryNotified: true,
    });
    await dispatchPending(t.ctx.db, EVENT_HANDLERS, t.ctx.now);
    expect((await state(p.restoration.id, p.reportId, kid)).child).toBe('cci');
  });

  it('on a CWC member’s order (no case order), the missing.restored event alone brings the registry child home', async () => {
    const kid = await registryChild('missing', 2);
    const p = await confirmedPair('Omkar Sunil Bhise', 'Sunil Bhise', dcpo, kid);
    const res = await cwc.post(`/api/v1/missing/restorations/${p.restoration.id}/status`, {
      status: 'restored',
      cwcOrderRef: 'CWC/AMR/2026/14',
      cwcOrderOn: '2026-03-09',
    });
    expect(res.statusCode).toBe(200);
    // Not a direct call: until the event is handled the registry still says "missing".
    expect((await state(p.restoration.id, p.reportId, kid)).child).toBe('missing');
    await dispatchPending(t.ctx.db, EVENT_HANDLERS, t.ctx.now);
    expect((await state(p.restoration.id, p.reportId, kid)).child).toBe('birth_family');
    const [audited] = await t.ctx.database.query<{ actor_id: string | null; details: Record<string, unknown> }>(
      `SELECT actor_id, details FROM audit_event WHERE entity_type = 'child' AND entity_id = $1 AND action = 'update' ORDER BY seq DESC LIMIT 1`,
      [kid],
    );
    expect(audited.details).toMatchObject({
      cause: 'missing_restoration',
      careStatus: { from: 'missing', to: 'birth_family' },
      restorationId: p.restoration.id,
    });
    // Re-delivered (a retry after a crash): the handler changes nothing the second time.
    await t.ctx.database.query(`DELETE FROM domain_event_handling WHERE handler = 'registry.care-status-after-restoration'`);
    await t.ctx.database.query(`UPDATE domain_event SET completed_at = NULL WHERE type = 'missing.restored'`);
    const [{ version }] = await t.ctx.database.query<{ version: number }>(`SELECT version FROM child WHERE id = $1`, [kid]);
    await dispatchPending(t.ctx.db, EVENT_HANDLERS, t.ctx.now);
    const [after] = await t.ctx.database.query<{ version: number; care_status: string }>(
      `SELECT version, care_status FROM child WHERE id = $1`,
      [kid],
    );
    expect(after).toEqual({ version, care_status: 'birth_family' });
  });
});

describe('a restoration case that cannot be opened says why, in its own words', () => {
  it('the reason is a code and a fixed sentence; a child outside the jurisdiction is a 400 naming childId', async () => {
    // Confirmed by the CWC member (no registry rights): the case waits.
    const p = await confirmedPair('Kunal Vitthal Dhage', 'Vitthal Dhage', cwc);
    expect(p.restoration).toMatchObject({ status: 'awaiting_case', note: CASE_NOT_OPENED.no_registry_rights });
    const [akolaChild] = await t.ctx.database.query<{ id: string }>(`SELECT id FROM child WHERE district_code = ${AKOLA} LIMIT 1`);
    for (const childId of [akolaChild.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await dcpo.post(`/api/v1/missing/restorations/${p.restoration.id}/open-case`, { childId });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        code: 'validation_failed',
        message: 'childId: no such child in your jurisdiction',
        issues: [{ field: 'childId', message: 'no such child in your jurisdiction' }],
      });
    }
    const [row] = await t.ctx.database.query<{ status: string; note: string }>(
      `SELECT status, note FROM missing_restoration WHERE id = $1`,
      [p.restoration.id],
    );
    expect(row.status).toBe('awaiting_case');
    expect(Object.values(CASE_NOT_OPENED)).toContain(row.note);
    const cwcTry = await cwc.post(`/api/v1/missing/restorations/${p.restoration.id}/open-case`, {});
    expect(cwcTry.json()).toMatchObject({
      code: 'case_not_opened',
      reason: 'no_registry_rights',
      message: CASE_NOT_OPENED.no_registry_rights,
    });
    expect((await dcpo.post(`/api/v1/missing/restorations/${p.restoration.id}/open-case`, {})).statusCode).toBe(201);
  });
});
