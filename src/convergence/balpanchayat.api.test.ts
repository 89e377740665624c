import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { villageId } from '../demo/seed';

/**
 * The children's voice: a Bal Panchayat issue goes to the VCPC; unsolved after N days, or
 * escalated, it reaches the convergence group's agenda; the council then sees what became
 * of it. No child's name is needed; a linked child is shown only to registry readers.
 */
let t: TestApp;
let aww: Client; // Anganwadi worker, Rajura: facilitates the Bal Panchayat
let dcpo: Client;
let edu: Client;
let blockGroup: string;
let blockMeeting: string;

const at = (day: string) => new Date(`${day}T10:00:00+05:30`);
async function moveTo(day: string) {
  t.setNow(at(day));
  [aww, dcpo, edu] = await Promise.all(['aww.rajura', 'dcpo.amravati', 'nodal.education'].map((u) => t.login(u)));
}

beforeAll(async () => {
  t = await createTestApp();
  await moveTo('2026-11-23');
  const groups = (await dcpo.get('/api/v1/convergence/groups')).json().items;
  blockGroup = groups.find((g: { level: string }) => g.level === 'block').id;
  blockMeeting = (await dcpo.get(`/api/v1/convergence/groups/${blockGroup}`))
    .json()
    .meetings.find((m: { date: string }) => m.date === '2026-12-15').id;
});
afterAll(() => t.close());

describe('Bal Panchayat issues', () => {
  let oldIssue: string;
  let urgent: string;
  let action: string;

  it('the council records an issue with no child named; it is with the VCPC and would reach the block group in N days', async () => {
    const res = await aww.post('/api/v1/convergence/bal-panchayat/issues', {
      villageId: villageId('Rajura'),
      category: 'village_problem',
      summary: 'The hand pump near the school has been broken for a month.',
    });
    expect(res.statusCode).toBe(201);
    const i = res.json();
    oldIssue = i.id;
    expect(i).toMatchObject({
      status: 'with_vcpc',
      raisedOn: '2026-11-23',
      childLinked: false,
      councilName: 'Bal Panchayat, Rajura',
      toGroupOn: '2026-12-14',
    });
  });

  it('refuses another village, a role without the right, and a bad category', async () => {
    expect(
      (await aww.post('/api/v1/convergence/bal-panchayat/issues', { villageId: villageId('Wadali'), category: 'other', summary: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await edu.post('/api/v1/convergence/bal-panchayat/issues', { villageId: villageId('Rajura'), category: 'other', summary: 'x' }))
        .statusCode,
    ).toBe(403);
    const bad = await aww.post('/api/v1/convergence/bal-panchayat/issues', {
      villageId: villageId('Rajura'),
      category: 'gossip',
      summary: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('category');
  });

  it('an escalated issue reaches the next meeting before N days; an old one by age', async () => {
    await moveTo('2026-12-10');
    urgent = (
      await aww.post('/api/v1/convergence/bal-panchayat/issues', {
        villageId: villageId('Rajura'),
        category: 'out_of_school',
        summary: 'Two boys have not come to school since Diwali.',
      })
    ).json().id;
    const esc = await aww.post(`/api/v1/convergence/bal-panchayat/issues/${urgent}/escalate`, {
      reason: 'The VCPC could not meet the parents; they are at the kilns.',
    });
    expect(esc.statusCode).toBe(200);
    expect(esc.json()).toMatchObject({ status: 'escalated', escalatedOn: '2026-12-10' });
    expect((await aww.post(`/api/v1/convergence/bal-panchayat/issues/${urgent}/escalate`, { reason: 'again' })).statusCode).toBe(409);
    await moveTo('2026-12-15');
    const { lines } = (await dcpo.get(`/api/v1/convergence/meetings/${blockMeeting}/agenda`)).json();
    const bp = lines.filter((l: { section: string }) => l.section === 'bal_panchayat').map((l: { issueId: string }) => l.issueId);
    expect(bp).toContain(urgent);
    expect(bp).toContain(oldIssue);
    const line = lines.find((l: { issueId: string }) => l.issueId === urgent);
    expect(line.reasons[0].text).toContain('escalated on 2026-12-10');
  });

  it('the group takes it up: decision and an action; the council sees what became of it', async () => {
    const members = (await dcpo.get(`/api/v1/convergence/groups/${blockGroup}`)).json().members;
    expect(
      (
        await dcpo.post(`/api/v1/convergence/meetings/${blockMeeting}/hold`, {
          attendance: members.map((m: { id: string }) => ({ memberId: m.id, present: true })),
        })
      ).statusCode,
    ).toBe(200);
    expect((await aww.get(`/api/v1/convergence/bal-panchayat/issues/${oldIssue}`)).json().status).toBe('on_agenda');
    const d = await dcpo.post(`/api/v1/convergence/meetings/${blockMeeting}/discussions`, {
      issueId: urgent,
      decision: 'The BEO to visit the kiln with the teacher and bring the boys back; the VCPC to follow up weekly.',
      actions: [
        { department: 'EDUCATION', domain: 'education', description: 'Visit the kiln and re-admit the two boys', dueDate: '2026-12-24' },
      ],
    });
    expect(d.statusCode).toBe(201);
    action = d.json().actions[0].id;
    expect(d.json().caseRef).toMatch(/^BP-/);
    const seen = (await aww.get(`/api/v1/convergence/bal-panchayat/issues/${urgent}`)).json();
    expect(seen.status).toBe('on_agenda');
    expect(seen.discussions).toEqual([
      { decision: expect.stringContaining('BEO to visit'), meetingDate: '2026-12-15', group: 'Chandur Bazar Block Convergence Group' },
    ]);
    expect(seen.actions).toEqual([{ department: 'EDUCATION', dueDate: '2026-12-24', status: 'open', doneOn: null, overdue: false }]);
  });

  it('done and resolved: the council sees the outcome; an issue solved in the village is marked as the VCPC’s', async () => {
    await moveTo('2026-12-22');
    expect(
      (await edu.post(`/api/v1/convergence/actions/${action}/events`, { type: 'complete', result: 'Both boys back in Class 5' }))
        .statusCode,
    ).toBe(201);
    const r = await dcpo.post(`/api/v1/convergence/bal-panchayat/issues/${urgent}/resolve`, {
      outcome: 'Both boys are back at school; the family got a migration card.',
    });
    expect(r.json()).toMatchObject({ status: 'resolved', resolvedBy: 'group', resolvedOn: '2026-12-22' });
    const seen = (await aww.get(`/api/v1/convergence/bal-panchayat/issues/${urgent}`)).json();
    expect(seen).toMatchObject({ status: 'resolved', outcome: expect.stringContaining('back at school') });
    expect(seen.actions[0]).toMatchObject({ status: 'done', doneOn: '2026-12-22' });
    const pump = await aww.post('/api/v1/convergence/bal-panchayat/issues', {
      villageId: villageId('Rajura'),
      category: 'village_problem',
      summary: 'Broken school gate',
    });
    const fixed = await aww.post(`/api/v1/convergence/bal-panchayat/issues/${pump.json().id}/resolve`, {
      outcome: 'Gram Panchayat repaired it',
    });
    expect(fixed.json()).toMatchObject({ status: 'resolved', resolvedBy: 'vcpc' });
    expect((await aww.post(`/api/v1/convergence/bal-panchayat/issues/${pump.json().id}/resolve`, { outcome: 'again' })).statusCode).toBe(
      409,
    );
  });

  it('a linked child is shown to registry readers only, as an id (JJ Act s.74)', async () => {
    const [kid] = await t.ctx.database.query<{ id: string }>('SELECT id FROM child WHERE village_id = $1 ORDER BY name LIMIT 1', [
      villageId('Rajura'),
    ]);
    const res = await aww.post('/api/v1/convergence/bal-panchayat/issues', {
      villageId: villageId('Rajura'),
      category: 'family_in_distress',
      summary: 'A friend says there is no food at home.',
      childId: kid.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ childLinked: true, childId: kid.id });
    const byNodal = (await edu.get(`/api/v1/convergence/bal-panchayat/issues/${res.json().id}`)).json();
    expect(byNodal.childLinked).toBe(true);
    expect(byNodal).not.toHaveProperty('childId');
    expect(byNodal).not.toHaveProperty('familyId');
    const [names] = await t.ctx.database.query<{ name: string }>('SELECT name FROM child WHERE id = $1', [kid.id]);
    expect(JSON.stringify(byNodal)).not.toContain(names.name);
    const log = await t.ctx.database.query<{ action: string }>(
      "SELECT action FROM audit_event WHERE entity_type = 'bal_panchayat_issue' AND entity_id = $1",
      [res.json().id],
    );
    expect(log.map((l) => l.action)).toEqual(expect.arrayContaining(['create', 'read']));
  });
});
