import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { villageId } from '../demo/seed';
import { KIND_SPECS, ORGANISATION_KINDS, levelProblem } from './organisation-kinds';

/**
 * The administration area (issue #12): organisations of the hierarchy at their LGD place,
 * created and edited, and users placed in them, by an administrator inside their own
 * jurisdiction only. Every refusal names the field and writes nothing.
 */
let t: TestApp;
let district: Client; // admin.amravati: administrator of Amravati district (468)
let state: Client; // admin: administrator of Maharashtra
const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);
const counts = async () =>
  (await q<{ o: number; u: number }>('SELECT (SELECT count(*)::int FROM organisation) o, (SELECT count(*)::int FROM app_user) u'))[0];
const orgId = async (name: string) => (await q<{ id: string }>('SELECT id FROM organisation WHERE name = $1', [name]))[0].id;
const user = (over: Record<string, unknown>) => ({
  displayName: 'Test User',
  password: 'a-long-password-1',
  role: 'frontline_worker',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-12-01T10:00:00+05:30'));
  [district, state] = await Promise.all([t.login('admin.amravati'), t.login('admin')]);
});
afterAll(() => t.close());

/** Sends a request that must be refused with `status`, naming `field`, and checks nothing was written. */
async function refused(send: Promise<{ statusCode: number; json(): { issues?: { field: string }[] } }>, status: number, field: string) {
  const before = await counts();
  const res = await send;
  expect(res.statusCode).toBe(status);
  expect(res.json().issues?.map((i) => i.field)).toContain(field);
  expect(await counts()).toEqual(before);
}

describe('the kinds of organisation', () => {
  it('each has a level and the provision that creates it; the kind must fit the level', async () => {
    for (const k of ORGANISATION_KINDS) {
      expect(KIND_SPECS[k].levels.length).toBeGreaterThan(0);
      expect(KIND_SPECS[k].basis).toMatch(/JJ Act 2015 s\.\d+|Mission Vatsalya|Legal Services Authorities Act/);
    }
    expect(KIND_SPECS.DCPU.basis).toMatch(/s\.106/);
    expect(KIND_SPECS.CWC.basis).toMatch(/s\.27/);
    expect(KIND_SPECS.CCI.basis).toMatch(/s\.41/);
    expect(KIND_SPECS.SAA.basis).toMatch(/s\.65/);
    expect(levelProblem('VCPC', 'village')).toBeNull();
    expect(levelProblem('VCPC', 'district')).toMatch(/village/);
    expect(levelProblem('SCPS', 'district')).toMatch(/state/);
    const res = await district.get('/api/v1/organisation-kinds');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { kind: string }) => i.kind)).toEqual(ORGANISATION_KINDS);
  });
});

describe('the demo hierarchy', () => {
  it('has the state society, a committee per taluka and per village, each at its place', async () => {
    const rows = await q<{ kind: string; level: string; n: number }>(
      "SELECT kind, level, count(*)::int AS n FROM organisation WHERE kind IN ('SCPS','TCPC','VCPC') GROUP BY 1, 2 ORDER BY 1",
    );
    expect(rows).toEqual([
      { kind: 'SCPS', level: 'state', n: 1 },
      { kind: 'TCPC', level: 'subdistrict', n: 9 },
      { kind: 'VCPC', level: 'village', n: 10 },
    ]);
    const [rajura] = await q<{ village_id: string; district_code: number }>(
      "SELECT village_id, district_code FROM organisation WHERE name = 'Village Child Protection Committee, Rajura'",
    );
    expect(rajura).toEqual({ village_id: villageId('Rajura'), district_code: 468 });
  });

  it('a district administrator lists only their district, from the top down; the state administrator both districts', async () => {
    const mine = (await district.get('/api/v1/admin/organisations?pageSize=200')).json();
    expect(mine.total).toBe(mine.items.length);
    expect(new Set(mine.items.map((o: { districtCode: number }) => o.districtCode))).toEqual(new Set([468]));
    const levels = mine.items.map((o: { level: string }) => o.level);
    expect(levels.indexOf('village')).toBeGreaterThan(levels.lastIndexOf('district'));
    const villages = (await district.get('/api/v1/admin/organisations?level=village&kind=VCPC')).json();
    expect(villages.items.map((o: { placeName: string }) => o.placeName).sort()).toEqual(['Dhamak', 'Jalka', 'Kurha', 'Rajura', 'Wadali']);
    const all = (await state.get('/api/v1/admin/organisations?kind=VCPC')).json();
    expect(all.total).toBe(10);
    const scps = (await state.get('/api/v1/admin/organisations?level=state')).json();
    expect(scps.items.map((o: { kind: string }) => o.kind).sort()).toEqual(['DWCD', 'SCPS']);
    expect((await district.get('/api/v1/admin/organisations?level=state')).json().total).toBe(0);
  });

  it('roles without users.manage get 403', async () => {
    const cw = await t.login('caseworker.amravati');
    expect((await cw.get('/api/v1/admin/organisations')).statusCode).toBe(403);
    expect((await cw.post('/api/v1/admin/organisations', { kind: 'VCPC', name: 'X', placeId: villageId('Rajura') })).statusCode).toBe(403);
  });
});

describe('a district administrator creates organisations in their district only', () => {
  let vcpc: { id: string; version: number };

  it('creates a VCPC for a new village of the district, audited', async () => {
    const v = await district.post('/api/v1/locations/villages', { name: 'Shirajgaon Kasba', parentId: 'sd:4005', blockCode: 4303 });
    expect(v.statusCode).toBe(201);
    const vid = v.json().id;
    const res = await district.post('/api/v1/admin/organisations', {
      kind: 'VCPC',
      name: 'Village Child Protection Committee, Shirajgaon Kasba',
      placeId: vid,
    });
    expect(res.statusCode, res.body).toBe(201);
    vcpc = res.json();
    expect(res.json()).toMatchObject({
      kind: 'VCPC',
      level: 'village',
      placeId: vid,
      villageId: vid,
      districtCode: 468,
      subdistrictCode: 4005,
      active: true,
      version: 1,
      memberCount: 0,
    });
    const [a] = await q<{ action: string; district_code: number }>(
      "SELECT action, district_code FROM audit_event WHERE entity_type = 'organisation' AND entity_id = $1",
      [vcpc.id],
    );
    expect(a).toEqual({ action: 'create', district_code: 468 });
  });

  it('refuses a kind that does not fit the place (400 naming placeId)', async () => {
    await refused(district.post('/api/v1/admin/organisations', { kind: 'VCPC', name: 'VCPC Amravati', placeId: 'di:468' }), 400, 'placeId');
    await refused(
      district.post('/api/v1/admin/organisations', { kind: 'BCPC', name: 'BCPC Rajura', placeId: villageId('Rajura') }),
      400,
      'placeId',
    );
    await refused(
      district.post('/api/v1/admin/organisations', { kind: 'DCPU', name: 'DCPU Chandur Bazar', placeId: 'sd:4005' }),
      400,
      'placeId',
    );
    await refused(state.post('/api/v1/admin/organisations', { kind: 'SCPS', name: 'SCPS Amravati', placeId: 'di:468' }), 400, 'placeId');
  });

  it('refuses a bad kind, an unknown place, a CCI without its s.41 registration (400 naming the field)', async () => {
    await refused(district.post('/api/v1/admin/organisations', { kind: 'CLUB', name: 'Cricket club', placeId: 'di:468' }), 400, 'kind');
    await refused(district.post('/api/v1/admin/organisations', { kind: 'NGO', name: 'Nowhere NGO', placeId: 'di:999999' }), 400, 'placeId');
    await refused(
      district.post('/api/v1/admin/organisations', { kind: 'CCI', name: 'Balgram Children Home', placeId: 'sd:4005' }),
      400,
      'registration',
    );
    const cci = await district.post('/api/v1/admin/organisations', {
      kind: 'CCI',
      name: 'Balgram Children Home',
      placeId: 'sd:4005',
      registration: 'MH/AMT/CCI/2019/041',
    });
    expect(cci.statusCode).toBe(201);
    expect(cci.json()).toMatchObject({ level: 'subdistrict', registration: 'MH/AMT/CCI/2019/041' });
  });

  it('refuses a place outside the district (403 naming placeId): another district, the state', async () => {
    await refused(
      district.post('/api/v1/admin/organisations', { kind: 'VCPC', name: 'VCPC Umri (2)', placeId: 'sd:3991' }),
      400,
      'placeId',
    );
    await refused(district.post('/api/v1/admin/organisations', { kind: 'NGO', name: 'Akola Balmitra', placeId: 'di:467' }), 403, 'placeId');
    await refused(district.post('/api/v1/admin/organisations', { kind: 'CWC', name: 'CWC Akola', placeId: 'di:467' }), 403, 'placeId');
    await refused(district.post('/api/v1/admin/organisations', { kind: 'SCPS', name: 'SCPS (2)', placeId: 'st:27' }), 403, 'placeId');
    await refused(district.post('/api/v1/admin/organisations', { kind: 'NGO', name: 'Karnataka NGO', placeId: 'st:29' }), 403, 'placeId');
  });

  it('a second VCPC for the same village, or a same-named organisation at a place, is 409', async () => {
    await refused(
      district.post('/api/v1/admin/organisations', { kind: 'VCPC', name: 'Rajura Bal Sanrakshan Samiti', placeId: villageId('Rajura') }),
      409,
      'kind',
    );
    await refused(district.post('/api/v1/admin/organisations', { kind: 'NGO', name: 'dcpu amravati', placeId: 'di:468' }), 409, 'name');
  });

  it('edits with the version read: a stale one gets 409 and changes nothing', async () => {
    const renamed = await district.patch(`/api/v1/admin/organisations/${vcpc.id}`, {
      version: 1,
      nameLocal: 'ग्राम बाल संरक्षण समिती, शिराजगाव कसबा',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ version: 2, nameLocal: 'ग्राम बाल संरक्षण समिती, शिराजगाव कसबा' });
    const stale = await district.patch(`/api/v1/admin/organisations/${vcpc.id}`, { version: 1, name: 'Overwritten' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2 });
    expect((await district.get(`/api/v1/admin/organisations/${vcpc.id}`)).json().name).toBe(
      'Village Child Protection Committee, Shirajgaon Kasba',
    );
    expect((await district.patch(`/api/v1/admin/organisations/${vcpc.id}`, { name: 'No version' })).json().issues[0].field).toBe('version');
    // Another district's administrator cannot see or edit it: 404, as for a missing one.
    const akolaOrg = await orgId('DCPU Akola');
    expect((await district.get(`/api/v1/admin/organisations/${akolaOrg}`)).statusCode).toBe(404);
    expect((await district.patch(`/api/v1/admin/organisations/${akolaOrg}`, { version: 1, name: 'Mine now' })).statusCode).toBe(404);
  });

  describe('and users for it, inside the district only', () => {
    it('creates a member of the VCPC with the village as jurisdiction, listed as a member', async () => {
      const vid = (await district.get(`/api/v1/admin/organisations/${vcpc.id}`)).json().villageId;
      const res = await district.post('/api/v1/users', user({ username: 'vcpc.shirajgaon', organisationId: vcpc.id, jurisdictionId: vid }));
      expect(res.statusCode, res.body).toBe(201);
      const members = (await district.get(`/api/v1/admin/organisations/${vcpc.id}/members`)).json().items;
      expect(members).toEqual([
        expect.objectContaining({
          username: 'vcpc.shirajgaon',
          role: 'frontline_worker',
          scopeLevel: 'village',
          jurisdictionId: vid,
          version: 1,
        }),
      ]);
      expect((await district.get(`/api/v1/admin/organisations/${vcpc.id}`)).json().memberCount).toBe(1);
      const me = await t.login('vcpc.shirajgaon', 'a-long-password-1');
      expect((await me.get('/api/v1/auth/me')).json()).toMatchObject({ organisation: { id: vcpc.id, kind: 'VCPC' } });
    });

    it('refuses users above or outside the district (403 naming the field)', async () => {
      await refused(
        district.post('/api/v1/users', user({ username: 'x.state', role: 'admin', jurisdictionId: 'st:27' })),
        403,
        'jurisdictionId',
      );
      await refused(
        district.post('/api/v1/users', user({ username: 'x.national', role: 'caseworker', jurisdictionId: null })),
        403,
        'jurisdictionId',
      );
      await refused(
        district.post('/api/v1/users', user({ username: 'x.akola', role: 'caseworker', jurisdictionId: 'di:467' })),
        403,
        'jurisdictionId',
      );
      await refused(district.post('/api/v1/users', user({ username: 'x.umri', jurisdictionId: villageId('Umri') })), 403, 'jurisdictionId');
      const dcpuAkola = await orgId('DCPU Akola');
      await refused(
        district.post(
          '/api/v1/users',
          user({ username: 'x.akolaorg', role: 'caseworker', organisationId: dcpuAkola, jurisdictionId: 'di:468' }),
        ),
        403,
        'organisationId',
      );
    });

    it('may make a district administrator, never a state one; an SCPS officer works the state only', async () => {
      const ok = await district.post(
        '/api/v1/users',
        user({ username: 'admin2.amravati', role: 'admin', organisationId: await orgId('DCPU Amravati'), jurisdictionId: 'di:468' }),
      );
      expect(ok.statusCode).toBe(201);
      await refused(
        district.post('/api/v1/users', user({ username: 'x.scps', role: 'scps_officer', jurisdictionId: 'di:468' })),
        400,
        'role',
      );
      await refused(
        state.post('/api/v1/users', user({ username: 'x.scps2', role: 'scps_officer', jurisdictionId: 'di:468' })),
        400,
        'role',
      );
      const scps = await state.post(
        '/api/v1/users',
        user({
          username: 'scps2.mh',
          role: 'scps_officer',
          organisationId: await orgId('State Child Protection Society, Maharashtra'),
          jurisdictionId: 'st:27',
        }),
      );
      expect(scps.statusCode).toBe(201);
    });

    it("a member's jurisdiction lies inside the organisation's area (400 naming jurisdictionId)", async () => {
      await refused(
        district.post('/api/v1/users', user({ username: 'x.wide', role: 'caseworker', organisationId: vcpc.id, jurisdictionId: 'di:468' })),
        400,
        'jurisdictionId',
      );
      await refused(
        district.post('/api/v1/users', user({ username: 'x.rajura', organisationId: vcpc.id, jurisdictionId: villageId('Rajura') })),
        400,
        'jurisdictionId',
      );
    });

    it('reassigns a role with the version read; stale is 409; outside the district 404; own account 409', async () => {
      const [u] = await q<{ id: string }>("SELECT id FROM app_user WHERE username = 'vcpc.shirajgaon'");
      const ok = await district.patch(`/api/v1/admin/users/${u.id}`, { version: 1, role: 'caseworker' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ role: 'caseworker', version: 2, organisationId: vcpc.id });
      const [a] = await q<{ details: { toRole: string; fromRole: string } }>(
        "SELECT details FROM audit_event WHERE action = 'user_assigned' AND entity_id = $1",
        [u.id],
      );
      expect(a.details).toMatchObject({ fromRole: 'frontline_worker', toRole: 'caseworker' });
      const stale = await district.patch(`/api/v1/admin/users/${u.id}`, { version: 1, role: 'admin' });
      expect(stale.statusCode).toBe(409);
      expect((await q<{ role: string }>('SELECT role FROM app_user WHERE id = $1', [u.id]))[0].role).toBe('caseworker');
      await refused(district.patch(`/api/v1/admin/users/${u.id}`, { version: 2, jurisdictionId: 'st:27' }), 403, 'jurisdictionId');
      const [akola] = await q<{ id: string }>("SELECT id FROM app_user WHERE username = 'dcpo.akola'");
      expect((await district.patch(`/api/v1/admin/users/${akola.id}`, { version: 1, role: 'auditor' })).statusCode).toBe(404);
      const [me] = await q<{ id: string }>("SELECT id FROM app_user WHERE username = 'admin.amravati'");
      expect((await district.patch(`/api/v1/admin/users/${me.id}`, { version: 1, jurisdictionId: 'st:27' })).statusCode).toBe(409);
    });

    it('an inactive organisation takes no new members', async () => {
      const cur = (await district.get(`/api/v1/admin/organisations/${vcpc.id}`)).json();
      const off = await district.patch(`/api/v1/admin/organisations/${vcpc.id}`, { version: cur.version, active: false });
      expect(off.json()).toMatchObject({ active: false, version: cur.version + 1 });
      await refused(
        district.post('/api/v1/users', user({ username: 'x.late', organisationId: vcpc.id, jurisdictionId: cur.villageId })),
        400,
        'organisationId',
      );
      expect((await district.get('/api/v1/admin/organisations?active=false')).json().items.map((o: { id: string }) => o.id)).toEqual([
        vcpc.id,
      ]);
    });
  });
});
