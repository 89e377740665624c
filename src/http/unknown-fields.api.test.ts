import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';

/**
 * A field a request does not define is refused with 400 naming it, and nothing is written
 * (issue #11: PATCH /children used to drop districtCode, createdBy, role… silently). And the
 * response schemas (issue #12) never turn a legitimate reply into a 500: every list and record
 * the demo holds is read back through them by each kind of reader.
 */
let t: TestApp;
let cw: Client;
beforeAll(async () => {
  t = await createTestApp();
  cw = await t.login('caseworker.amravati');
});
afterAll(() => t.close());

const UNKNOWN = 'is not a field of this request (unknown field)';
const first = async (c: Client, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, url).toBe(200);
  return (res.json() as { items: { id: string; version?: number }[] }).items[0];
};

describe('unknown fields', () => {
  it('PATCH /children refuses districtCode, createdBy and role by name and changes nothing', async () => {
    const child = await first(cw, '/api/v1/children?pageSize=1');
    const before = (await cw.get(`/api/v1/children/${child.id}`)).json();
    const res = await cw.patch(`/api/v1/children/${child.id}`, {
      version: before.version,
      name: 'Renamed',
      districtCode: 467,
      createdBy: '00000000-0000-4000-8000-000000000000',
      role: 'admin',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.issues).toEqual(
      expect.arrayContaining([
        { field: 'districtCode', message: UNKNOWN },
        { field: 'createdBy', message: UNKNOWN },
        { field: 'role', message: UNKNOWN },
      ]),
    );
    expect(body.message).toContain(`districtCode: ${UNKNOWN}`);
    const after = (await cw.get(`/api/v1/children/${child.id}`)).json();
    expect(after).toMatchObject({ name: before.name, districtCode: before.districtCode, version: before.version });
  });

  it('other bodies and queries refuse unknown fields too, naming them', async () => {
    const fam = await first(cw, '/api/v1/families?pageSize=1');
    const famNow = (await cw.get(`/api/v1/families/${fam.id}`)).json();
    const kase = await first(cw, '/api/v1/cases?pageSize=1');
    const admin = await t.login('admin');
    const dcpo = await t.login('dcpo.amravati');
    const group = await first(dcpo, '/api/v1/convergence/groups');
    const cases: [Client, 'post' | 'patch' | 'get', string, unknown, string][] = [
      [cw, 'patch', `/api/v1/families/${fam.id}`, { version: famNow.version, stateCode: 1 }, 'stateCode'],
      [cw, 'post', `/api/v1/families/${fam.id}/members`, { name: 'Asha', relationship: 'mother', id: fam.id }, 'id'],
      [cw, 'post', `/api/v1/cases/${kase.id}/actions`, { type: 'note', text: 'seen at home', ownerUserId: fam.id }, 'ownerUserId'],
      [cw, 'post', '/api/v1/scheme-applications', { schemeId: 'x', familyId: fam.id, on: '2025-01-01', status: 'sanctioned' }, 'status'],
      [
        dcpo,
        'post',
        `/api/v1/convergence/groups/${group.id}/actions`,
        { department: 'HEALTH', description: 'x', dueDate: '2030-01-01', status: 'done' },
        'status',
      ],
      [
        admin,
        'post',
        '/api/v1/users',
        {
          username: 'new.user',
          displayName: 'New',
          password: 'x'.repeat(14),
          role: 'caseworker',
          jurisdictionId: 'di:468',
          scopeLevel: 'national',
        },
        'scopeLevel',
      ],
      [cw, 'get', '/api/v1/children?districtCode=467', undefined, 'querystring.districtCode'],
      [cw, 'get', '/api/v1/cases?ownerUnitId=x', undefined, 'querystring.ownerUnitId'],
    ];
    for (const [c, method, url, body, field] of cases) {
      const res = method === 'get' ? await c.get(url) : await c[method](url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.json().issues, `${method} ${url}`).toContainEqual({ field, message: UNKNOWN });
    }
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'x', role: 'admin' },
    });
    expect(login.statusCode).toBe(400);
    expect(login.json().issues).toContainEqual({ field: 'role', message: UNKNOWN });
    expect((await cw.get(`/api/v1/families/${fam.id}`)).json().version).toBe(famNow.version);
  });
});

describe('replies fit their response schemas', () => {
  const READERS = [
    'admin',
    'dcpo.amravati',
    'cwc.amravati',
    'caseworker.amravati',
    'ngo.amravati',
    'nodal.education',
    'aww.rajura',
    'helpline.amravati',
    'auditor.mh',
  ];

  it('every list, page and record of the demo reads back without a server error, for every kind of reader', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const lists = Object.keys(doc.paths).filter(
      (p) => doc.paths[p].get && !p.includes('{') && p.startsWith('/api/v1/') && !p.endsWith('/export') && !p.endsWith('labelled-pairs'),
    );
    expect(lists.length).toBeGreaterThan(25);
    const failures: string[] = [];
    for (const username of READERS) {
      const c = await t.login(username);
      for (const path of lists) {
        const res = await c.get(path);
        if (res.statusCode >= 500) failures.push(`${username} GET ${path}: ${res.statusCode}`);
      }
      // Records behind the lists: the first item of each list, read in full.
      const details: [string, (id: string) => string[]][] = [
        ['/api/v1/children', (id) => [`/api/v1/children/${id}`, `/api/v1/children/${id}/access-log`]],
        [
          '/api/v1/families',
          (id) => [
            `/api/v1/families/${id}`,
            `/api/v1/families/${id}/assessments`,
            `/api/v1/families/${id}/scheme-suggestions`,
            `/api/v1/convergence/coverage/families/${id}`,
          ],
        ],
        [
          '/api/v1/cases',
          (id) => [
            `/api/v1/cases/${id}`,
            `/api/v1/cases/${id}/attachments`,
            `/api/v1/cases/${id}/non-disclosure-order`,
            `/api/v1/cases/${id}/access-log`,
          ],
        ],
        ['/api/v1/missing/records', (id) => [`/api/v1/missing/records/${id}`]],
        ['/api/v1/missing/matches', (id) => [`/api/v1/missing/matches/${id}`]],
        ['/api/v1/scheme-applications', (id) => [`/api/v1/scheme-applications/${id}`]],
        ['/api/v1/convergence/groups', (id) => [`/api/v1/convergence/groups/${id}`, `/api/v1/convergence/groups/${id}/meetings`]],
        ['/api/v1/convergence/actions', (id) => [`/api/v1/convergence/actions/${id}`]],
        ['/api/v1/convergence/bal-panchayat/issues', (id) => [`/api/v1/convergence/bal-panchayat/issues/${id}`]],
        ['/api/v1/schemes', (id) => [`/api/v1/schemes/${id}`]],
      ];
      for (const [list, urls] of details) {
        const res = await c.get(list);
        if (res.statusCode !== 200) continue;
        const item = (res.json() as { items: { id: string }[] }).items[0];
        if (!item) continue;
        for (const url of urls(item.id)) {
          const r = await c.get(url);
          if (r.statusCode >= 500) failures.push(`${username} GET ${url.replace(item.id, ':id')}: ${r.statusCode}`);
        }
      }
      const meetings = await c.get('/api/v1/convergence/groups');
      const g = meetings.statusCode === 200 ? (meetings.json() as { items: { id: string }[] }).items[0] : undefined;
      const m = g
        ? ((await c.get(`/api/v1/convergence/groups/${g.id}/meetings`)).json() as { items?: { id: string }[] }).items?.[0]
        : undefined;
      if (m) {
        for (const url of [
          `/api/v1/convergence/meetings/${m.id}`,
          `/api/v1/convergence/meetings/${m.id}/agenda`,
          `/api/v1/convergence/meetings/${m.id}/note`,
        ]) {
          const r = await c.get(url);
          if (r.statusCode >= 500) failures.push(`${username} GET ${url.replace(m.id, ':id')}: ${r.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 180_000); // every route for every reader: minutes on a loaded two-core machine
});
