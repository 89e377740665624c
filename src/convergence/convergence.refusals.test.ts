import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';

/**
 * Bad input is refused with a clear reason (400/403/409 and a code) and nothing is
 * written: an action for a department with no seat in the group, a due date in the past,
 * a meeting without a chair (or with the chair absent), an action updated by someone
 * who does not own it.
 */
let t: TestApp;
let dcpo: Client;
let akola: Client;
let caseworker: Client;
let auditor: Client;
let nodal: Client;
let blockGroup: string;
let blockMeeting: string;
let blockMembers: { id: string; department: string; roles: string[] }[];

const at = (day: string) => new Date(`${day}T10:00:00+05:30`);
const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params);
const counts = async () =>
  (
    await q<{ m: number; d: number; a: number; e: number; g: number; mem: number }>(
      `SELECT (SELECT count(*)::int FROM convergence_meeting) m, (SELECT count(*)::int FROM convergence_discussion) d,
            (SELECT count(*)::int FROM convergence_action) a, (SELECT count(*)::int FROM convergence_action_event) e,
            (SELECT count(*)::int FROM convergence_group) g, (SELECT count(*)::int FROM convergence_member) mem`,
    )
  )[0];

async function moveTo(day: string) {
  t.setNow(at(day));
  [dcpo, akola, caseworker, auditor, nodal] = await Promise.all(
    ['dcpo.amravati', 'dcpo.akola', 'caseworker.amravati', 'auditor.mh', 'nodal.education'].map((u) => t.login(u)),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  await moveTo('2026-12-15');
  const groups = (await dcpo.get('/api/v1/convergence/groups')).json().items;
  blockGroup = groups.find((g: { level: string }) => g.level === 'block').id;
  const g = (await dcpo.get(`/api/v1/convergence/groups/${blockGroup}`)).json();
  blockMembers = g.members;
  blockMeeting = g.meetings.find((m: { date: string }) => m.date === '2026-12-15').id;
});
afterAll(() => t.close());

const family = async () => (await q<{ id: string }>('SELECT id FROM family WHERE block_code = 4303 ORDER BY head_name LIMIT 1'))[0].id;

describe('meetings: refused without a chair, with the chair absent, twice, or before their date', () => {
  let akolaGroup: string;

  it('a group whose members include no chair is refused; so is a chair from the wrong department', async () => {
    const before = await counts();
    const noChair = await akola.post('/api/v1/convergence/groups', {
      // Akola's district group is in the demo (src/demo/akola-convergence.ts): this one is its taluka's block group.
      level: 'block',
      locationId: 'bl:4291',
      name: 'Akola Block Convergence Group',
      members: [{ department: 'DCPU', name: 'Rajesh Tayade', roles: ['secretary'] }],
    });
    expect(noChair.statusCode).toBe(400);
    expect(noChair.json().code).toBe('chair_required');
    const wrongChair = await akola.post('/api/v1/convergence/groups', {
      // Akola's district group is in the demo (src/demo/akola-convergence.ts): this one is its taluka's block group.
      level: 'block',
      locationId: 'bl:4291',
      name: 'Akola Block Convergence Group',
      members: [{ department: 'DCPU', name: 'Rajesh Tayade', roles: ['chair'] }],
    });
    expect(wrongChair.statusCode).toBe(400);
    expect(wrongChair.json()).toMatchObject({ code: 'chair_department', issues: [{ field: 'members[0].roles' }] });
    expect(await counts()).toEqual(before);
  });

  it('a meeting of a group with no chair is refused (400 chair_required), nothing written', async () => {
    const g = await akola.post('/api/v1/convergence/groups', {
      // Akola's district group is in the demo (src/demo/akola-convergence.ts): this one is its taluka's block group.
      level: 'block',
      locationId: 'bl:4291',
      name: 'Akola Block Convergence Group',
    });
    expect(g.statusCode).toBe(201);
    akolaGroup = g.json().id;
    const before = await counts();
    const res = await akola.post(`/api/v1/convergence/groups/${akolaGroup}/meetings`, { date: '2026-12-15' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'chair_required', issues: [{ field: 'chairMemberId' }] });
    expect(await counts()).toEqual(before);
  });

  it('a meeting held with its chair marked absent is refused (chair_absent) and stays scheduled', async () => {
    const chair = await akola.post(`/api/v1/convergence/groups/${akolaGroup}/members`, {
      department: 'DLSA',
      name: 'Secretary, DLSA Akola',
      roles: ['chair'],
    });
    expect(chair.statusCode).toBe(201);
    const second = await akola.post(`/api/v1/convergence/groups/${akolaGroup}/members`, {
      department: 'REVENUE',
      name: 'Collector, Akola',
      roles: ['chair'],
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('chair_exists');
    const m = await akola.post(`/api/v1/convergence/groups/${akolaGroup}/meetings`, { date: '2026-12-15' });
    expect(m.statusCode).toBe(201);
    const res = await akola.post(`/api/v1/convergence/meetings/${m.json().id}/hold`, {
      attendance: [{ memberId: chair.json().id, present: false }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('chair_absent');
    expect((await akola.get(`/api/v1/convergence/meetings/${m.json().id}`)).json().status).toBe('scheduled');
    const dup = await akola.post(`/api/v1/convergence/groups/${akolaGroup}/meetings`, { date: '2026-12-15' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('meeting_exists');
  });

  it('a seat that ended before the meeting no longer represents its department; a cancelled meeting stays cancelled', async () => {
    const members = (await akola.get(`/api/v1/convergence/groups/${akolaGroup}`)).json().members;
    const chairId = members.find((m: { roles: string[] }) => m.roles.includes('chair')).id;
    const eo = await akola.post(`/api/v1/convergence/groups/${akolaGroup}/members`, {
      department: 'EDUCATION',
      name: 'Education Officer, Akola',
      since: '2026-01-01',
    });
    expect(eo.statusCode).toBe(201);
    const ended = await akola.patch(`/api/v1/convergence/groups/${akolaGroup}/members/${eo.json().id}`, { until: '2026-12-14' });
    expect(ended.json().until).toBe('2026-12-14');
    const meeting = (await akola.get(`/api/v1/convergence/groups/${akolaGroup}/meetings`))
      .json()
      .items.find((m: { date: string }) => m.date === '2026-12-15');
    expect(
      (await akola.post(`/api/v1/convergence/meetings/${meeting.id}/hold`, { attendance: [{ memberId: chairId, present: true }] }))
        .statusCode,
    ).toBe(200);
    const before = await counts();
    const res = await akola.post(`/api/v1/convergence/meetings/${meeting.id}/discussions`, {
      decision: 'x',
      actions: [{ department: 'EDUCATION', description: 'Something', dueDate: '2026-12-31' }],
    });
    expect(res.json().code).toBe('department_not_represented');
    expect(await counts()).toEqual(before);
    const later = await akola.post(`/api/v1/convergence/groups/${akolaGroup}/meetings`, { date: '2026-12-29' });
    const cancelled = await akola.post(`/api/v1/convergence/meetings/${later.json().id}/cancel`, { reason: 'Model code of conduct' });
    expect(cancelled.json().status).toBe('cancelled');
    expect((await akola.post(`/api/v1/convergence/meetings/${later.json().id}/cancel`, { reason: 'again' })).statusCode).toBe(409);
    expect((await akola.post(`/api/v1/convergence/meetings/${later.json().id}/hold`, {})).json().code).toBe('meeting_cancelled');
  });

  it('a meeting cannot be held before its date, nor twice', async () => {
    const g = (await dcpo.get('/api/v1/convergence/groups')).json().items.find((x: { level: string }) => x.level === 'district');
    const jan = await dcpo.post(`/api/v1/convergence/groups/${g.id}/meetings`, { date: '2027-01-11' });
    expect(jan.statusCode).toBe(201);
    const early = await dcpo.post(`/api/v1/convergence/meetings/${jan.json().id}/hold`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('meeting_in_future');
    const noMarks = await dcpo.post(`/api/v1/convergence/meetings/${blockMeeting}/hold`, {});
    expect(noMarks.statusCode).toBe(400); // unmarked members are absent, the chair among them
    expect(noMarks.json().code).toBe('chair_absent');
    const held = await dcpo.post(`/api/v1/convergence/meetings/${blockMeeting}/hold`, {
      attendance: blockMembers.map((m) => ({ memberId: m.id, present: m.department !== 'POLICE' })),
    });
    expect(held.statusCode).toBe(200);
    const again = await dcpo.post(`/api/v1/convergence/meetings/${blockMeeting}/hold`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('meeting_already_held');
  });

  it('only a manager of the group may schedule or hold (403 for a nodal officer), and a bad date names the field', async () => {
    expect((await nodal.post(`/api/v1/convergence/groups/${blockGroup}/meetings`, { date: '2027-01-12' })).statusCode).toBe(403);
    const bad = await dcpo.post(`/api/v1/convergence/groups/${blockGroup}/meetings`, { date: '2027-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([{ field: 'date', message: 'is not a real date' }]);
    const shape = await dcpo.post(`/api/v1/convergence/groups/${blockGroup}/meetings`, { date: '12/01/2027' });
    expect(shape.json().issues).toEqual([{ field: 'date', message: 'must be a date YYYY-MM-DD' }]);
  });
});

describe('actions: refused for a department without a seat, or due in the past; all or nothing', () => {
  it('an action for a department with no representative in the group is refused, and none of the others is written', async () => {
    expect(blockMembers.some((m) => m.department === 'LABOUR')).toBe(false);
    const before = await counts();
    const res = await dcpo.post(`/api/v1/convergence/meetings/${blockMeeting}/discussions`, {
      familyId: await family(),
      decision: 'Children at the kilns in the evenings.',
      actions: [
        { department: 'EDUCATION', description: 'Evening study class at the school', dueDate: '2026-12-31' },
        { department: 'LABOUR', description: 'Kiln inspection', dueDate: '2026-12-31' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'department_not_represented', issues: [{ field: 'actions[1].department' }] });
    expect(res.json().message).toContain('LABOUR has no representative');
    expect(await counts()).toEqual(before);
  });

  it('a due date before the meeting, or already past when minuted, is refused', async () => {
    const before = await counts();
    const beforeMeeting = await dcpo.post(`/api/v1/convergence/meetings/${blockMeeting}/discussions`, {
      decision: 'General',
      actions: [{ department: 'EDUCATION', description: 'Something', dueDate: '2026-12-10' }],
    });
    expect(beforeMeeting.statusCode).toBe(400);
    expect(beforeMeeting.json()).toMatchObject({ code: 'due_before_meeting', issues: [{ field: 'actions[0].dueDate' }] });
    await moveTo('2026-12-20');
    const past = await dcpo.post(`/api/v1/convergence/meetings/${blockMeeting}/discussions`, {
      decision: 'General',
      actions: [{ department: 'EDUCATION', description: 'Something', dueDate: '2026-12-18' }],
    });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ code: 'due_date_past', issues: [{ field: 'actions[0].dueDate' }] });
    expect(await counts()).toEqual(before);
  });

  it('an officer must sit for that department; a family outside the group area is refused', async () => {
    const health = blockMembers.find((m) => m.department === 'HEALTH')!;
    const res = await dcpo.post(`/api/v1/convergence/meetings/${blockMeeting}/discussions`, {
      decision: 'General',
      actions: [{ department: 'EDUCATION', description: 'Something', dueDate: '2026-12-31', officerMemberId: health.id }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('officer_not_member');
    const elsewhere = (await q<{ id: string }>('SELECT id FROM family WHERE district_code = 468 AND block_code <> 4303 LIMIT 1'))[0].id;
    const out = await dcpo.post(`/api/v1/convergence/meetings/${blockMeeting}/discussions`, {
      familyId: elsewhere,
      decision: 'x',
      actions: [],
    });
    expect(out.statusCode).toBe(400);
    expect(out.json().issues[0].field).toBe('familyId');
  });
});

describe('action updates: only the assigned department, or the chair/secretary', () => {
  let educationAction: string;
  beforeAll(async () => {
    const res = await dcpo.post(`/api/v1/convergence/meetings/${blockMeeting}/discussions`, {
      familyId: await family(),
      decision: 'Evening study class.',
      actions: [{ department: 'EDUCATION', domain: 'education', description: 'Evening study class at the school', dueDate: '2026-12-31' }],
    });
    expect(res.statusCode).toBe(201);
    educationAction = res.json().actions[0].id;
  });

  it('a DCPU caseworker (another department, no chair or secretary seat) gets 403 and nothing is written', async () => {
    const before = await counts();
    const res = await caseworker.post(`/api/v1/convergence/actions/${educationAction}/events`, { type: 'complete', result: 'done' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('not_assigned_department');
    expect(await counts()).toEqual(before);
  });

  it('a role without convergence.act gets 403; another district gets 404', async () => {
    expect(
      (await auditor.post(`/api/v1/convergence/actions/${educationAction}/events`, { type: 'complete', result: 'done' })).json().code,
    ).toBe('forbidden');
    expect(
      (await akola.post(`/api/v1/convergence/actions/${educationAction}/events`, { type: 'complete', result: 'done' })).statusCode,
    ).toBe(404);
  });

  it('a blank result, a future date or a stale version is refused', async () => {
    const blank = await nodal.post(`/api/v1/convergence/actions/${educationAction}/events`, { type: 'complete', result: '  ' });
    expect(blank.statusCode).toBe(400);
    const future = await nodal.post(`/api/v1/convergence/actions/${educationAction}/events`, {
      type: 'complete',
      result: 'done',
      on: '2026-12-25',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().issues[0].field).toBe('on');
    const stale = await nodal.post(`/api/v1/convergence/actions/${educationAction}/events`, {
      type: 'complete',
      result: 'done',
      version: 7,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const ok = await nodal.post(`/api/v1/convergence/actions/${educationAction}/events`, {
      type: 'complete',
      result: 'Class running',
      version: 1,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'done', version: 2 });
  });

  it('the secretary (DCPU officer, block group has no DCPU seat) cannot, the district group secretary can in her group', async () => {
    // In the block group the DCPO has no seat: she manages meetings (convergence.manage) but is not its secretary.
    const res = await dcpo.post(`/api/v1/convergence/actions/${educationAction}/events`, { type: 'reopen', reason: 'class stopped' });
    expect(res.statusCode).toBe(403);
    const districtEdu = (
      await q<{ id: string }>(
        "SELECT a.id FROM convergence_action a JOIN convergence_group g ON g.id = a.group_id WHERE g.level = 'district' AND a.department = 'EDUCATION' AND a.status <> 'done' LIMIT 1",
      )
    )[0].id;
    const bySecretary = await dcpo.post(`/api/v1/convergence/actions/${districtEdu}/events`, {
      type: 'complete',
      result: 'Reported at the meeting by the EO',
    });
    expect(bySecretary.statusCode).toBe(201);
  });
});

describe('members: one seat per person and department', () => {
  it('the same representative twice for one department is refused (409 duplicate_member, on the name), also by renaming', async () => {
    const url = `/api/v1/convergence/groups/${blockGroup}/members`;
    const first = await dcpo.post(url, { department: 'HEALTH', name: 'Dr. Vaishali Kale', designation: 'Medical Officer, PHC' });
    expect(first.statusCode).toBe(201);
    const before = await counts();
    const again = await dcpo.post(url, { department: 'HEALTH', name: 'dr vaishali  kale' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'duplicate_member', issues: [{ field: 'body.name' }] });
    expect(await counts()).toEqual(before);
    // Another department may seat someone of that name; renaming into a duplicate is refused.
    const other = await dcpo.post(url, { department: 'EDUCATION', name: 'Dr. Vaishali Kale' });
    expect(other.statusCode).toBe(201);
    const second = await dcpo.post(url, { department: 'HEALTH', name: 'Dr. Sunil Wagh' });
    const rename = await dcpo.patch(`${url}/${second.json().id}`, { name: 'Dr. Vaishali Kale' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json()).toMatchObject({ code: 'duplicate_member', issues: [{ field: 'name' }] });
    const ok = await dcpo.patch(`${url}/${second.json().id}`, { name: 'Dr. Sunil S. Wagh', phone: '+91 98220 00000' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Dr. Sunil S. Wagh', phone: '+91 98220 00000' });
    // A seat that ended frees the name.
    await dcpo.patch(`${url}/${first.json().id}`, { until: '2026-12-15' });
    expect((await dcpo.post(url, { department: 'HEALTH', name: 'Dr. Vaishali Kale' })).statusCode).toBe(201);
  });
});
