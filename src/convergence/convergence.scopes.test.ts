import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';

/**
 * Who sees what: another district sees none of Amravati's group, meetings, actions or
 * notes (404, as if they did not exist); a department's nodal officer sees only their
 * department's actions and note (JJ Act 2015 s.74); roles without convergence rights get 403.
 */
let t: TestApp;
let dcpo: Client;
let akolaDcpo: Client;
let akolaWorker: Client;
let edu: Client;
let health: Client;
let helpline: Client;
let aww: Client;
let groupId: string;
let meetingId: string;
let healthAction: string;
let eduAction: string;

const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params);

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date('2026-11-23T10:00:00+05:30'));
  [dcpo, akolaDcpo, akolaWorker, edu, health, helpline, aww] = await Promise.all(
    ['dcpo.amravati', 'dcpo.akola', 'caseworker.akola', 'nodal.education', 'nodal.health', 'helpline.amravati', 'aww.rajura'].map((u) =>
      t.login(u),
    ),
  );
  const [g] = await q<{ id: string }>("SELECT id FROM convergence_group WHERE level = 'district' AND district_code = 468");
  groupId = g.id;
  meetingId = (
    await q<{ id: string }>("SELECT id FROM convergence_meeting WHERE group_id = $1 AND meeting_date = '2026-11-02'", [groupId])
  )[0].id;
  healthAction = (
    await q<{ id: string }>("SELECT id FROM convergence_action WHERE group_id = $1 AND department = 'HEALTH' LIMIT 1", [groupId])
  )[0].id;
  eduAction = (
    await q<{ id: string }>(
      "SELECT id FROM convergence_action WHERE group_id = $1 AND department = 'EDUCATION' AND status <> 'done' LIMIT 1",
      [groupId],
    )
  )[0].id;
});
afterAll(() => t.close());

describe('another district', () => {
  it('does not see the group, its meetings, actions, notes, agenda or accountability', async () => {
    for (const c of [akolaDcpo, akolaWorker]) {
      // Akola sees its own group (src/demo/akola-convergence.ts), none of Amravati's.
      const groups = (await c.get('/api/v1/convergence/groups')).json().items as { id: string; districtCode: number; name: string }[];
      expect(groups.map((g) => g.name)).toEqual(['Akola District Convergence Group']);
      expect(groups.map((g) => g.id)).not.toContain(groupId);
      for (const url of [
        `/api/v1/convergence/groups/${groupId}`,
        `/api/v1/convergence/groups/${groupId}/meetings`,
        `/api/v1/convergence/meetings/${meetingId}`,
        `/api/v1/convergence/meetings/${meetingId}/agenda`,
        `/api/v1/convergence/meetings/${meetingId}/note`,
        `/api/v1/convergence/meetings/${meetingId}/note.pdf?lang=en`,
        `/api/v1/convergence/actions/${healthAction}`,
        `/api/v1/convergence/accountability?groupId=${groupId}`,
      ]) {
        const res = await c.get(url);
        expect(res.statusCode, url).toBe(404);
      }
      const list = (await c.get('/api/v1/convergence/actions?pageSize=200')).json();
      expect(list.total).toBe(0);
      const acc = (await c.get('/api/v1/convergence/accountability')).json();
      // Only Akola's own group (src/demo/akola-convergence.ts): nothing of Amravati's.
      expect(acc.groups.map((g: { name: string }) => g.name)).toEqual(['Akola District Convergence Group']);
      expect(JSON.stringify(acc.rows)).not.toContain('Amravati');
      expect((await c.get('/api/v1/convergence/bal-panchayat/issues')).json().total).toBe(0);
    }
  });

  it('cannot write to it either (404, never 403: nothing reveals it exists)', async () => {
    expect((await akolaDcpo.post(`/api/v1/convergence/groups/${groupId}/meetings`, { date: '2026-12-20' })).statusCode).toBe(404);
    expect((await akolaDcpo.post(`/api/v1/convergence/meetings/${meetingId}/note/send`)).statusCode).toBe(404);
    expect((await akolaDcpo.post(`/api/v1/convergence/actions/${healthAction}/events`, { type: 'complete', result: 'x' })).statusCode).toBe(
      404,
    );
    const missing = await akolaDcpo.get('/api/v1/convergence/meetings/00000000-0000-4000-8000-000000000000');
    expect((await akolaDcpo.get(`/api/v1/convergence/meetings/${meetingId}`)).json()).toEqual(missing.json());
  });

  it('outbox rows of Amravati are not listed for Akola', async () => {
    await dcpo.post(`/api/v1/convergence/meetings/${meetingId}/note/send`);
    expect((await dcpo.get('/api/v1/notifications/outbox')).json().items.length).toBeGreaterThan(0);
    expect((await akolaDcpo.get('/api/v1/notifications/outbox')).json().items).toEqual([]);
  });
});

describe('a department nodal officer', () => {
  it("lists only their department's actions", async () => {
    const mine = (await edu.get('/api/v1/convergence/actions?pageSize=200')).json();
    expect(mine.view).toBe('department');
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((a: { department: string }) => a.department === 'EDUCATION')).toBe(true);
    const [{ n }] = await q<{ n: number }>(
      "SELECT count(*)::int n FROM convergence_action WHERE district_code = 468 AND department = 'EDUCATION'",
    );
    expect(mine.total).toBe(n);
    // Asking for another department's filter returns nothing rather than widening the view.
    expect((await edu.get('/api/v1/convergence/actions?department=HEALTH')).json().total).toBe(0);
    expect((await edu.get(`/api/v1/convergence/actions/${healthAction}`)).statusCode).toBe(404);
    expect((await health.get(`/api/v1/convergence/actions/${healthAction}`)).statusCode).toBe(200);
  });

  it('sees a meeting with only the cases where their department acts, and no record links', async () => {
    const m = (await edu.get(`/api/v1/convergence/meetings/${meetingId}`)).json();
    expect(m.view).toBe('department');
    const eduRefs = new Set(
      m.actions.filter((a: { department: string }) => a.department === 'EDUCATION').map((a: { caseRef: string }) => a.caseRef),
    );
    expect(eduRefs.size).toBeGreaterThan(0);
    for (const a of m.actions) expect(a.department === 'EDUCATION' || eduRefs.has(a.caseRef)).toBe(true);
    for (const d of m.discussions) expect(d).not.toHaveProperty('subject');
    for (const l of m.agenda) {
      expect(l).not.toHaveProperty('subject');
      if (l.section === 'action_taken') expect(l.department).toBe('EDUCATION');
    }
    const full = (await dcpo.get(`/api/v1/convergence/meetings/${meetingId}`)).json();
    expect(full.view).toBe('full');
    expect(full.actions.length).toBeGreaterThan(m.actions.length);
  });

  it('gets their own note only, and may update only their own actions', async () => {
    const note = (await edu.get(`/api/v1/convergence/meetings/${meetingId}/note`)).json();
    expect(note.scope).toEqual({ kind: 'department', department: 'EDUCATION' });
    expect((await edu.get(`/api/v1/convergence/meetings/${meetingId}/note?department=HEALTH`)).statusCode).toBe(403);
    expect((await edu.get(`/api/v1/convergence/meetings/${meetingId}/note.pdf?department=HEALTH&lang=en`)).statusCode).toBe(403);
    expect((await health.post(`/api/v1/convergence/actions/${eduAction}/events`, { type: 'complete', result: 'x' })).statusCode).toBe(403);
    expect(
      (await edu.post(`/api/v1/convergence/actions/${eduAction}/events`, { type: 'complete', result: 'Uniforms given' })).statusCode,
    ).toBe(201);
  });

  it('cannot see family coverage (needs the full registry view) nor manage the group', async () => {
    expect((await edu.get('/api/v1/convergence/coverage')).statusCode).toBe(403);
    expect((await edu.post(`/api/v1/convergence/groups/${groupId}/meetings`, { date: '2027-02-01' })).statusCode).toBe(403);
    // Department-level accountability is open to every convergence reader.
    expect((await edu.get('/api/v1/convergence/accountability')).statusCode).toBe(200);
  });
});

describe('roles without convergence rights', () => {
  it('a helpline operator gets 403; a village Anganwadi worker sees no group but can use the Bal Panchayat pages', async () => {
    expect((await helpline.get('/api/v1/convergence/groups')).statusCode).toBe(403);
    expect((await helpline.get('/api/v1/convergence/actions')).statusCode).toBe(403);
    expect((await aww.get('/api/v1/convergence/groups')).statusCode).toBe(403);
    const issues = (await aww.get('/api/v1/convergence/bal-panchayat/issues')).json();
    expect(issues.total).toBeGreaterThan(0);
    expect(issues.items.every((i: { village: { name: string } }) => i.village.name === 'Rajura')).toBe(true);
    // Service coverage is part of the family record: she sees her village's, nobody else's.
    const cov = (await aww.get('/api/v1/convergence/coverage?level=village')).json();
    expect(cov.areas.map((a: { name: string }) => a.name)).toEqual(['Rajura']);
    const [{ n }] = await q<{ n: number }>("SELECT count(*)::int n FROM family WHERE village_id = 'vi:demo-rajura'");
    expect(cov.families).toBe(n);
  });

  it('no session is 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/convergence/groups' });
    expect(res.statusCode).toBe(401);
  });
});
