import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';

/**
 * An action item raised between meetings (POST /convergence/groups/:id/actions): no meeting,
 * assigned (raised) today; it comes up on the group's next meeting agenda, once; it counts in
 * accountability from its own date; the department updates it as any action; and it is
 * refused as in a meeting (department without a seat, due date past) or for someone who
 * neither manages convergence in the area nor chairs the group — writing nothing.
 */
let t: TestApp;
let dcpo: Client;
let chair: Client;
let health: Client;
let edu: Client;
let caseworker: Client;
let districtGroup: string;
let blockGroup: string;
let december: string;
let members: { id: string; department: string; roles: string[] }[];

const at = (day: string) => new Date(`${day}T10:00:00+05:30`);
const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params);
const actions = async () => Number((await q<{ n: number }>('SELECT count(*)::int AS n FROM convergence_action'))[0].n);

async function moveTo(day: string) {
  t.setNow(at(day));
  [dcpo, chair, health, edu, caseworker] = await Promise.all(
    ['dcpo.amravati', 'dlsa.amravati', 'nodal.health', 'nodal.education', 'caseworker.amravati'].map((u) => t.login(u)),
  );
}

type Row = { month: string; department: string; assigned: number; overdue: number; doneOnTime: number };
const accountability = async (month: string) =>
  (await dcpo.get(`/api/v1/convergence/accountability?groupId=${districtGroup}&from=${month}&to=${month}`)).json().rows as Row[];

beforeAll(async () => {
  t = await createTestApp();
  await moveTo('2026-11-23');
  const groups = (await dcpo.get('/api/v1/convergence/groups')).json().items;
  districtGroup = groups.find((g: { level: string }) => g.level === 'district').id;
  blockGroup = groups.find((g: { level: string }) => g.level === 'block').id;
  const g = (await dcpo.get(`/api/v1/convergence/groups/${districtGroup}`)).json();
  members = g.members;
  december = g.meetings.find((m: { date: string }) => m.date === '2026-12-07').id;
});
afterAll(() => t.close());

describe('an action item raised between meetings', () => {
  let family: string;
  let healthAction: string;
  let eduAction: string;
  let healthBefore: Row;

  it('is assigned today to no meeting, about a family, by the DCPO', async () => {
    [{ id: family }] = await q<{ id: string }>(
      `SELECT f.id FROM family f WHERE f.district_code = 468 AND f.block_code <> 4303 ORDER BY f.head_name, f.id LIMIT 1`,
    );
    healthBefore = (await accountability('2026-11')).find((r) => r.department === 'HEALTH')!;
    const before = await actions();
    const res = await dcpo.post(`/api/v1/convergence/groups/${districtGroup}/actions`, {
      department: 'HEALTH',
      description: 'Admit the youngest child to the NRC',
      dueDate: '2026-11-30',
      domain: 'health',
      familyId: family,
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      groupId: districtGroup,
      meetingId: null,
      meetingDate: null,
      assignedOn: '2026-11-23',
      raisedOn: '2026-11-23',
      dueDate: '2026-11-30',
      department: 'HEALTH',
      status: 'open',
      overdue: false,
      group: 'Amravati District Convergence Group',
    });
    expect(a.caseRef).toBeTruthy();
    healthAction = a.id;
    expect(await actions()).toBe(before + 1);
    const [row] = await q<{ meeting_id: string | null; raised_on: string; family_id: string }>(
      "SELECT meeting_id, to_char(raised_on, 'YYYY-MM-DD') AS raised_on, family_id FROM convergence_action WHERE id = $1",
      [healthAction],
    );
    expect(row).toEqual({ meeting_id: null, raised_on: '2026-11-23', family_id: family });
    expect((await dcpo.get(`/api/v1/convergence/actions?familyId=${family}`)).json().items.map((x: { id: string }) => x.id)).toContain(
      healthAction,
    );
  });

  it("the group's chair may raise one too (a general matter, officer named from the seat)", async () => {
    const seat = members.find((m) => m.department === 'EDUCATION')!;
    const res = await chair.post(`/api/v1/convergence/groups/${districtGroup}/actions`, {
      department: 'EDUCATION',
      description: 'List the children out of school after the Diwali migration',
      dueDate: '2026-12-20',
      officerMemberId: seat.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ meetingId: null, assignedOn: '2026-11-23', caseRef: null, department: 'EDUCATION' });
    expect(res.json().officer).toBeTruthy();
    eduAction = res.json().id;
  });

  it('counts in accountability from its own date (assigned in November)', async () => {
    const rows = await accountability('2026-11');
    expect(rows.find((r) => r.department === 'HEALTH')!.assigned).toBe(healthBefore.assigned + 1);
    const dec = (await dcpo.get(`/api/v1/convergence/accountability?groupId=${districtGroup}&from=2026-12&to=2026-12`)).json()
      .rows as Row[];
    // December is not yet measured on 23 November.
    expect(dec).toEqual([]);
  });

  it("comes up on the group's next meeting agenda, overdue or not", async () => {
    const { lines } = (await dcpo.get(`/api/v1/convergence/meetings/${december}/agenda`)).json();
    const h = lines.find((l: { actionId?: string }) => l.actionId === healthAction);
    const e = lines.find((l: { actionId?: string }) => l.actionId === eduAction);
    // Due 30 November: by 7 December it is also overdue (one line, both reasons).
    expect(h).toMatchObject({ section: 'action_taken', department: 'HEALTH', action: { assignedOn: '2026-11-23', dueDate: '2026-11-30' } });
    expect(h.reasons.map((r: { code: string }) => r.code)).toEqual(['carried_over', 'raised_between_meetings']);
    expect(e).toMatchObject({ section: 'action_taken', department: 'EDUCATION', reasons: [{ code: 'raised_between_meetings' }] });
    expect(e.reasons[0].text).toMatch(/^Raised between meetings on 2026-11-23/);
    // Not on the block group's agenda, and the department sees its own line only.
    const blockNext = (await dcpo.get(`/api/v1/convergence/groups/${blockGroup}`)).json().nextMeeting;
    const blockLines = (await dcpo.get(`/api/v1/convergence/meetings/${blockNext.id}/agenda`)).json().lines;
    expect(blockLines.some((l: { actionId?: string }) => l.actionId === healthAction || l.actionId === eduAction)).toBe(false);
    const own = (await edu.get(`/api/v1/convergence/meetings/${december}/agenda`)).json();
    expect(own.lines.map((l: { actionId?: string }) => l.actionId)).toContain(eduAction);
    expect(own.lines.map((l: { actionId?: string }) => l.actionId)).not.toContain(healthAction);
  });

  it('the department updates it the same way; another department may not', async () => {
    const denied = await edu.post(`/api/v1/convergence/actions/${healthAction}/events`, { type: 'complete', result: 'Done' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('not_assigned_department');
    const done = await health.post(`/api/v1/convergence/actions/${healthAction}/events`, {
      type: 'complete',
      result: 'Admitted to the NRC at Achalpur',
      on: '2026-11-23',
    });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toMatchObject({ status: 'done', doneOn: '2026-11-23', meetingId: null });
    const rows = await accountability('2026-11');
    expect(rows.find((r) => r.department === 'HEALTH')!.doneOnTime).toBe(healthBefore.doneOnTime + 1);
  });

  it('is taken up once: after the meeting that heard it, the next agenda carries it only when overdue', async () => {
    await moveTo('2026-12-07');
    const attendance = members.map((m) => ({ memberId: m.id, present: true }));
    const held = await dcpo.post(`/api/v1/convergence/meetings/${december}/hold`, { attendance });
    expect(held.statusCode).toBe(200);
    expect(held.json().agenda.map((l: { actionId?: string }) => l.actionId)).toContain(eduAction);
    const minuted = await dcpo.post(`/api/v1/convergence/meetings/${december}/minute`, {
      minutes: 'Reviewed the items raised since November.',
    });
    expect(minuted.statusCode).toBe(200);
    const next = minuted.json().nextMeeting.id;
    const lines = (await dcpo.get(`/api/v1/convergence/meetings/${next}/agenda`)).json().lines;
    const ids = lines.map((l: { actionId?: string }) => l.actionId);
    expect(ids).not.toContain(healthAction); // done
    // Due 20 December and still open: it returns once overdue, as a carried-over item.
    const e = lines.find((l: { actionId?: string }) => l.actionId === eduAction);
    expect(e).toMatchObject({ reasons: [{ code: 'carried_over' }] });
  });
});

describe('refused as in a meeting, writing nothing', () => {
  it('a department with no seat in the group (400 department_not_represented, field department)', async () => {
    await moveTo('2026-11-23');
    const block = (await dcpo.get(`/api/v1/convergence/groups/${blockGroup}`)).json();
    const seated = new Set(
      block.members.filter((m: { until: string | null }) => !m.until).map((m: { department: string }) => m.department),
    );
    const missing = ['LABOUR', 'POLICE', 'SOCIAL_JUSTICE', 'TRIBAL', 'DLSA', 'REVENUE', 'HEALTH', 'EDUCATION'].find((d) => !seated.has(d))!;
    expect(missing).toBeTruthy();
    const before = await actions();
    const res = await dcpo.post(`/api/v1/convergence/groups/${blockGroup}/actions`, {
      department: missing,
      description: 'Something',
      dueDate: '2026-12-20',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'department_not_represented', issues: [{ field: 'department' }] });
    expect(await actions()).toBe(before);
  });

  it('a due date in the past (400 due_date_past, field dueDate)', async () => {
    const before = await actions();
    const res = await dcpo.post(`/api/v1/convergence/groups/${districtGroup}/actions`, {
      department: 'HEALTH',
      description: 'Too late',
      dueDate: '2026-11-22',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'due_date_past', issues: [{ field: 'dueDate' }] });
    expect(await actions()).toBe(before);
  });

  it('an office of the department from another district (400 organisation_outside_area, field organisationId)', async () => {
    const [other] = await q<{ id: string }>(
      `INSERT INTO organisation (name, kind, state_code, district_code) VALUES ('District Health Office, Akola', 'HEALTH', 27, 467) RETURNING id`,
    );
    const before = await actions();
    const res = await dcpo.post(`/api/v1/convergence/groups/${districtGroup}/actions`, {
      department: 'HEALTH',
      description: 'Check the child',
      dueDate: '2026-12-20',
      organisationId: other.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'organisation_outside_area', issues: [{ field: 'organisationId' }] });
    expect(await actions()).toBe(before);
  });

  it('someone who neither manages convergence here nor chairs the group (403); another district (404)', async () => {
    const before = await actions();
    const body = { department: 'HEALTH', description: 'Check the child', dueDate: '2026-12-20' };
    for (const c of [caseworker, health]) {
      const res = await c.post(`/api/v1/convergence/groups/${districtGroup}/actions`, body);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    const akola = await t.login('dcpo.akola');
    expect((await akola.post(`/api/v1/convergence/groups/${districtGroup}/actions`, body)).statusCode).toBe(404);
    expect(await actions()).toBe(before);
  });

  it('an empty description (400 naming the field)', async () => {
    const before = await actions();
    const empty = await dcpo.post(`/api/v1/convergence/groups/${districtGroup}/actions`, {
      department: 'HEALTH',
      description: ' ',
      dueDate: '2026-12-20',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().issues[0].field).toBe('description');
    expect(await actions()).toBe(before);
  });
});
