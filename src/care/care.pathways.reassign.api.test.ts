import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, ist, type Kit } from '../cases/cases.testkit';

/**
 * Issue #14: the DCPU reassigns a reintegration pathway to another NGO (Center for Excellence)
 * later, with the version (409 on a stale one) and the audit; the old NGO's caseworkers no longer
 * see it (the policy's row rule in the query); and the pathway records the CCI stay it started
 * from (the child's open stay when none is named), shown on the pathway.
 */
let t: TestApp;
let k: Kit;
let dcpo: Client;
let ngo: Client;
let ngoId: string;
let otherNgo: string;
let childId: string;
let stayId: string;
const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);
const url = '/api/v1/care/reintegration';

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  [dcpo, ngo] = await Promise.all([k.as('dcpo.amravati'), k.as('ngo.amravati')]);
  ngoId = k.org('Care Collective Center for Excellence');
  [{ id: otherNgo }] = await q<{ id: string }>(
    `INSERT INTO organisation (name, kind, state_code, district_code, level, place_id)
     VALUES ('Second Center for Excellence', 'NGO', 27, 468, 'district', 'di:468') RETURNING id`,
  );
  [{ child_id: childId, id: stayId }] = await q<{ child_id: string; id: string }>(
    `SELECT s.child_id, s.id FROM care_stay s WHERE s.district_code = 468 AND s.ended_on IS NULL
       AND NOT EXISTS (SELECT 1 FROM care_reintegration r WHERE r.child_id = s.child_id)
     ORDER BY s.admitted_on, s.id LIMIT 1`,
  );
});
afterAll(() => t.close());

describe("a pathway's NGO and the stay it started from", () => {
  let p: { id: string; version: number };
  it('records the child’s open CCI stay when none is named, and shows it on the pathway', async () => {
    const res = await dcpo.post(url, { childId, ngoId, on: '2026-11-30' });
    expect(res.statusCode, res.body).toBe(201);
    p = res.json();
    expect(res.json()).toMatchObject({ stayId, stay: { id: stayId, status: expect.any(String), endedOn: null } });
    expect(res.json().stay.institutionName).toBeTruthy();
    expect((await ngo.get(`${url}/${p.id}`)).json()).toMatchObject({ stay: { id: stayId } });
  });

  it('the DCPU reassigns it (stale version 409, not an NGO 400, not the DCPU 403); the old NGO loses sight of it', async () => {
    const body = { ngoId: otherNgo, reason: 'the first NGO has no worker in this block' };
    expect((await ngo.post(`${url}/${p.id}/ngo`, { ...body, version: p.version })).statusCode).toBe(403);
    const stale = await dcpo.post(`${url}/${p.id}/ngo`, { ...body, version: p.version + 3 });
    expect(stale.statusCode).toBe(409);
    const dcpuOrg = (await q<{ id: string }>(`SELECT id FROM organisation WHERE kind = 'DCPU' AND place_id = 'di:468' LIMIT 1`))[0].id;
    const notNgo = await dcpo.post(`${url}/${p.id}/ngo`, { ...body, ngoId: dcpuOrg, version: p.version });
    expect(notNgo.statusCode).toBe(400);
    expect(notNgo.json()).toMatchObject({ issues: [{ field: 'ngoId' }] });
    const same = await dcpo.post(`${url}/${p.id}/ngo`, { ...body, ngoId, version: p.version });
    expect(same.json()).toMatchObject({ issues: [{ field: 'ngoId' }] });

    const ok = await dcpo.post(`${url}/${p.id}/ngo`, { ...body, version: p.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ngoId: otherNgo, version: p.version + 1, stay: { id: stayId } });
    // The old NGO's caseworker: not in the list, not found, cannot step it.
    expect((await ngo.get(url)).json().items.map((x: { id: string }) => x.id)).not.toContain(p.id);
    expect((await ngo.get(`${url}/${p.id}`)).statusCode).toBe(404);
    const step = await ngo.post(`${url}/${p.id}/steps`, { stage: 'family_assessment', on: '2026-12-01', version: p.version + 1 });
    expect(step.statusCode).toBe(404);
    // Audited with the child, from and to.
    const [a] = await q<{ details: { reassigned: { from: string; to: string } } }>(
      `SELECT e.details FROM audit_event e JOIN audit_subject s ON s.event_seq = e.seq
        WHERE e.entity_type = 'care_reintegration' AND e.entity_id = $1 AND s.subject_id = $2 AND e.details ? 'reassigned'`,
      [p.id, childId],
    );
    expect(a.details.reassigned).toEqual({ from: ngoId, to: otherNgo });
    // Taken back by the DCPU (null): still the DCPU's to see.
    const back = await dcpo.post(`${url}/${p.id}/ngo`, { ngoId: null, reason: 'worked by the DCPU', version: p.version + 1 });
    expect(back.json()).toMatchObject({ ngoId: null });
  });

  it('/organisations says whether an NGO is active; an inactive one is refused under ngoId, nothing written', async () => {
    const listed = async () =>
      ((await dcpo.get('/api/v1/organisations')).json().items as { id: string; active: boolean }[]).find((o) => o.id === otherNgo);
    expect(await listed()).toMatchObject({ id: otherNgo, active: true });
    await q('UPDATE organisation SET active = false WHERE id = $1', [otherNgo]);
    expect(await listed()).toMatchObject({ id: otherNgo, active: false });
    const [cur] = await q<{ version: number; ngo_id: string | null }>('SELECT version, ngo_id FROM care_reintegration WHERE id = $1', [
      p.id,
    ]);
    const res = await dcpo.post(`${url}/${p.id}/ngo`, { ngoId: otherNgo, reason: 'back to the second NGO', version: cur.version });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ issues: [{ field: 'ngoId' }] });
    expect(await q('SELECT version, ngo_id FROM care_reintegration WHERE id = $1', [p.id])).toEqual([cur]);
  });
});
