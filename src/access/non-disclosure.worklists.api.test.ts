import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { initialsOf } from './fields';

/**
 * The CWC non-disclosure order (JJ Act 2015 s.74(1)) on the worklists outside the registry:
 * scheme applications (list and detail), the convergence group's family coverage worklist and
 * the duplicates review (`/possible-duplicates`). For a reader who may not identify the child
 * (an NGO caseworker of the district, not on the case's team) the child and family head come
 * as initials; the DCPU of the district still sees the names.
 */
let t: TestApp;
let cwc: Client, dcpo: Client, ngo: Client;
let k: { caseId: string; childId: string; familyId: string; headName: string; childName: string; appId: string };
let pairId: string;

const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params);

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-12-07T10:00:00+05:30'));
  [cwc, dcpo, ngo] = await Promise.all(['cwc.amravati', 'dcpo.amravati', 'ngo.amravati'].map((u) => t.login(u)));
  // An Amravati case owned by the DCPU whose family has a scheme application.
  [k] = await q<typeof k>(
    `SELECT k.id AS "caseId", c.id AS "childId", f.id AS "familyId", f.head_name AS "headName", c.name AS "childName", a.id AS "appId"
       FROM case_record k JOIN child c ON c.id = k.child_id JOIN family f ON f.id = c.family_id
       JOIN organisation o ON o.id = k.owner_unit_id JOIN scheme_application a ON a.family_id = f.id
      WHERE k.district_code = 468 AND k.status <> 'closed' AND o.name = 'DCPU Amravati'
      ORDER BY k.number, a.id LIMIT 1`,
  );
  expect(k).toBeTruthy();
  // A pair the import held: a file row that looks like this child.
  [{ id: pairId }] = await q<{ id: string }>(
    `INSERT INTO possible_duplicate (state_code, district_code, source, source_line, incoming, existing_child_id, score)
     SELECT state_code, district_code, 'import', 7, jsonb_build_object('name', $2::text, 'head_name', $3::text, 'dob', dob), id, 0.93
       FROM child WHERE id = $1 RETURNING id`,
    [k.childId, k.childName, k.headName],
  );
  const res = await cwc.put(`/api/v1/cases/${k.caseId}/non-disclosure-order`, { orderRef: 'CWC/AMR/2026/91', orderedOn: '2026-12-05' });
  expect(res.statusCode).toBe(200);
});
afterAll(() => t.close());

describe('under a CWC non-disclosure order', () => {
  it('scheme applications: the list and the detail show initials, the local-script names absent', async () => {
    const list = (await ngo.get(`/api/v1/scheme-applications?familyId=${k.familyId}&pageSize=100`)).json();
    const row = list.items.find((i: { id: string }) => i.id === k.appId);
    expect(row).toMatchObject({ headName: initialsOf(k.headName), initialsOnly: true });
    expect(row).not.toHaveProperty('headNameLocal');
    expect(row.withheld).toEqual(expect.arrayContaining(['headNameLocal', 'childNameLocal']));
    const one = await ngo.get(`/api/v1/scheme-applications/${k.appId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ initialsOnly: true, family: { headName: initialsOf(k.headName) } });
    expect(one.json().family).not.toHaveProperty('headNameLocal');
    expect(one.body).not.toContain(k.headName);
    const dcpoView = (await dcpo.get(`/api/v1/scheme-applications?familyId=${k.familyId}&pageSize=100`)).json();
    expect(dcpoView.items.find((i: { id: string }) => i.id === k.appId)).toMatchObject({ headName: k.headName });
  });

  it('the convergence coverage worklist names the family head by initials', async () => {
    const [{ villageId }] = await q<{ villageId: string }>('SELECT village_id AS "villageId" FROM family WHERE id = $1', [k.familyId]);
    const url = `/api/v1/convergence/coverage/families?gapsOnly=false&villageId=${encodeURIComponent(villageId)}&pageSize=100`;
    const items = (await ngo.get(url)).json().items;
    const row = items.find((i: { familyId: string }) => i.familyId === k.familyId);
    expect(row).toMatchObject({ headName: initialsOf(k.headName), initialsOnly: true });
    const named = (await dcpo.get(url)).json().items.find((i: { familyId: string }) => i.familyId === k.familyId);
    expect(named.headName).toBe(k.headName);
    expect(named.initialsOnly).toBeUndefined();
  });

  it('the duplicates review shows the pair by initials only, to those who may not identify the child', async () => {
    const res = await ngo.get('/api/v1/possible-duplicates');
    expect(res.statusCode).toBe(200);
    const pair = res.json().items.find((i: { id: string }) => i.id === pairId);
    expect(pair).toMatchObject({
      initialsOnly: true,
      existing: { id: k.childId, name: initialsOf(k.childName) },
      incoming: { name: initialsOf(k.childName) },
    });
    expect(pair.existing).not.toHaveProperty('dob');
    expect(res.body).not.toContain(k.childName);
    const full = (await dcpo.get('/api/v1/possible-duplicates')).json().items.find((i: { id: string }) => i.id === pairId);
    expect(full.existing.name).toBe(k.childName);
    expect(full.initialsOnly).toBeUndefined();
  });
});
