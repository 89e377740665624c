import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { initialsOf } from './fields';

/**
 * The CWC non-disclosure order (JJ Act 2015 s.74(1)) applies everywhere, in the query: for
 * those who may not identify the child (everyone but the CWC and DCPU of the district and the
 * case's own team — src/access/fields/policy.data.ts), a child under an order is not found by
 * name, and lists, reads and cases show initials with the identifying fields absent.
 */
let t: TestApp;
let cwc: Client;
let dcpo: Client;
let team: Client; // caseworker.amravati: a user of the unit that owns the case
let ngo: Client; // a full-registry role, not on the case's team
let nodal: Client;
let helpline: Client;
let k: { caseId: string; childId: string; familyId: string; name: string; nameLocal: string | null; headName: string };
let orderVersion: number;

const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params);
const ids = (res: { json: () => { items: { id: string }[] } }) => res.json().items.map((i) => i.id);
const search = (c: Client, name: string) => c.get(`/api/v1/children?q=${encodeURIComponent(name)}&pageSize=100`);

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-12-07T10:00:00+05:30'));
  [cwc, dcpo, team, ngo, nodal, helpline] = await Promise.all(
    ['cwc.amravati', 'dcpo.amravati', 'caseworker.amravati', 'ngo.amravati', 'nodal.education', 'helpline.amravati'].map((u) => t.login(u)),
  );
  // An open Amravati case owned by the DCPU, whose child has a family and a two-word name.
  [k] = await q<typeof k>(
    `SELECT k.id AS "caseId", c.id AS "childId", f.id AS "familyId", c.name, c.name_local AS "nameLocal", f.head_name AS "headName"
       FROM case_record k JOIN child c ON c.id = k.child_id JOIN family f ON f.id = c.family_id
       JOIN organisation o ON o.id = k.owner_unit_id
      WHERE k.district_code = 468 AND k.status <> 'closed' AND o.name = 'DCPU Amravati' AND c.name LIKE '% %'
      ORDER BY k.number LIMIT 1`,
  );
  expect(k).toBeTruthy();
});
afterAll(() => t.close());

describe('before any order', () => {
  it('a nodal officer and the helpline find the child by name and get the age, never the date of birth', async () => {
    for (const c of [nodal, helpline]) {
      const found = await search(c, k.name);
      expect(ids(found)).toContain(k.childId);
      const row = found.json().items.find((i: { id: string }) => i.id === k.childId);
      expect(row.name).toBe(k.name);
      expect(typeof row.age).toBe('number');
      expect(row).not.toHaveProperty('dob');
      expect(row).not.toHaveProperty('dobEstimated');
      expect(found.json().withheld).toEqual(expect.arrayContaining(['dob', 'careStatus', 'healthNotes']));
      const one = (await c.get(`/api/v1/children/${k.childId}`)).json();
      expect(one).toMatchObject({ name: k.name, view: 'minimal' });
      expect(one).not.toHaveProperty('dob');
      expect(one.withheld).toContain('dob');
    }
  });
});

describe('under a CWC non-disclosure order', () => {
  beforeAll(async () => {
    const res = await cwc.put(`/api/v1/cases/${k.caseId}/non-disclosure-order`, { orderRef: 'CWC/AMR/2026/77', orderedOn: '2026-12-05' });
    expect(res.statusCode).toBe(200);
    orderVersion = res.json().version;
  });

  it('a name search by those who may not identify the child does not find it', async () => {
    for (const c of [nodal, helpline, ngo]) expect(ids(await search(c, k.name))).not.toContain(k.childId);
    const fams = (await nodal.get(`/api/v1/families?q=${encodeURIComponent(k.headName)}&pageSize=100`))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(fams).not.toContain(k.familyId);
  });

  it('the CWC, the DCPU and the case team still find and name the child', async () => {
    for (const c of [cwc, dcpo, team]) {
      expect(ids(await search(c, k.name))).toContain(k.childId);
      const one = (await c.get(`/api/v1/children/${k.childId}`)).json();
      expect(one.name).toBe(k.name);
      expect(one).not.toHaveProperty('initialsOnly');
      expect(one).toHaveProperty('dob');
    }
    expect((await team.get(`/api/v1/cases/${k.caseId}`)).json().child.name).toBe(k.name);
  });

  it('others get initials, and the identifying fields are absent (not null) in reads, lists and cases', async () => {
    const initials = initialsOf(k.name);
    for (const c of [nodal, helpline, ngo]) {
      const one = (await c.get(`/api/v1/children/${k.childId}`)).json();
      expect(one).toMatchObject({ name: initials, initialsOnly: true });
      expect(one).not.toHaveProperty('nameLocal');
      expect(one).not.toHaveProperty('dob');
      expect(one.withheld).toEqual(expect.arrayContaining(['nameLocal']));
      const family = (await c.get(`/api/v1/families/${k.familyId}`)).json();
      expect(family.headName).toBe(initialsOf(k.headName));
      expect(family).not.toHaveProperty('headNameLocal');
    }
    const list = (await ngo.get(`/api/v1/children?familyId=${k.familyId}&pageSize=100`)).json();
    const row = list.items.find((i: { id: string }) => i.id === k.childId);
    expect(row).toMatchObject({ name: initials, initialsOnly: true });
    expect(row).not.toHaveProperty('school');
    expect(row).toHaveProperty('careStatus'); // the NGO's work still needs the rest of the record
    const kase = (await ngo.get(`/api/v1/cases/${k.caseId}`)).json();
    expect(kase.child).toMatchObject({ name: initials, initialsOnly: true });
    expect(kase.child).not.toHaveProperty('dob');
    const cases = (await ngo.get(`/api/v1/cases?childId=${k.childId}`)).json();
    expect(cases.items[0]).toMatchObject({ childName: initials, initialsOnly: true });
    expect(JSON.stringify([list, kase, cases])).not.toContain(k.name);
  });

  it('scheme suggestions name the family and the child by initials for those who may not identify the child', async () => {
    const res = await ngo.get(`/api/v1/families/${k.familyId}/scheme-suggestions`);
    expect(res.statusCode).toBe(200);
    const subjects = res.json().subjects as { id: string; name: string }[];
    expect(subjects.find((x) => x.id === k.familyId)?.name).toBe(initialsOf(k.headName));
    expect(subjects.find((x) => x.id === k.childId)?.name).toBe(initialsOf(k.name));
    expect(res.body).not.toContain(k.name);
    const dcpoView = (await dcpo.get(`/api/v1/families/${k.familyId}/scheme-suggestions`)).json().subjects as {
      id: string;
      name: string;
    }[];
    expect(dcpoView.find((x) => x.id === k.childId)?.name).toBe(k.name);
  });

  it('an editor who may not identify the child may not change its name (403 naming the field), but may record the rest', async () => {
    const one = (await ngo.get(`/api/v1/children/${k.childId}`)).json();
    const refused = await ngo.patch(`/api/v1/children/${k.childId}`, { version: one.version, name: 'Someone Else' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'field_forbidden', issues: [{ field: 'name' }] });
    const [row] = await q<{ name: string }>('SELECT name FROM child WHERE id = $1', [k.childId]);
    expect(row.name).toBe(k.name);
    const ok = await ngo.patch(`/api/v1/children/${k.childId}`, { version: one.version, disability: 'none known' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: initialsOf(k.name), disability: 'none known' });
  });

  it('lifting the order makes the child findable again', async () => {
    const res = await cwc.del(`/api/v1/cases/${k.caseId}/non-disclosure-order?version=${orderVersion}`);
    expect(res.statusCode).toBe(200);
    expect(ids(await search(nodal, k.name))).toContain(k.childId);
  });
});
