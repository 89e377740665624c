import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, intakeBody, ist, type Kit } from './cases.testkit';
import { startCaseJobs, type CaseJobs } from './cases.jobs';
import { setCaseTimelineConfig } from './timelines.config';
import { DEFAULT_TIMELINE_CONFIG, withStateOverride } from './domain';

/**
 * Statutory timelines as due dates: a moved clock turns them into overdue tasks, and the
 * pg-boss job (on whichever database the suite runs on) turns those into alerts, once.
 */
let t: TestApp;
let k: Kit;
let jobs: CaseJobs;
let caseId: string;
const T0 = ist('2026-12-01', '10:00');
const plus = (hours: number) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  jobs = await startCaseJobs(t.ctx, { cron: null, pollingIntervalSeconds: 0.5, supervise: false });
});
afterAll(async () => {
  setCaseTimelineConfig(null);
  await jobs?.stop();
  await t.close();
});

type Task = { caseId: string; kind: string; ref: string | null; overdue: boolean; dueAt: string; basis: string; statutory: boolean };
const tasksOf = async (c: Client, query = 'scope=mine') =>
  (await c.get(`/api/v1/tasks?${query}&pageSize=100`)).json() as { items: Task[]; total: number; overdueCount: number };
type Note = {
  id: string;
  kind: string;
  caseId: string;
  message: string;
  readAt: string | null;
  toUser: string | null;
  toUnit: string | null;
};
const notesOf = async (c: Client, query = '') =>
  (await c.get(`/api/v1/notifications?pageSize=100${query}`)).json() as { items: Note[]; unread: number; total: number };

describe('timelines: due, then overdue with the clock, then alerted', () => {
  it('a new case owes production before the CWC within 24 hours (JJ Act 2015 s.31)', async () => {
    k.at(T0);
    const cw = await k.as('caseworker.amravati');
    const res = await cw.post('/api/v1/cases', intakeBody(await k.childIn('Kurha')));
    caseId = res.json().id;
    k.at(plus(1));
    const tasks = await tasksOf(await k.as('caseworker.amravati'));
    const task = tasks.items.find((i) => i.caseId === caseId)!;
    expect(task).toMatchObject({ kind: 'cwc_production', overdue: false, statutory: true, dueAt: plus(24) });
    expect(task.basis).toMatch(/s\.31/);
    const notOverdue = (await cw.get('/api/v1/cases?overdue=true&pageSize=100')).json();
    expect(notOverdue.items.map((i: { id: string }) => i.id)).not.toContain(caseId);
    await jobs.sweepNow();
    const notes = await notesOf(await k.as('caseworker.amravati'));
    expect(notes.items.filter((n) => n.caseId === caseId)).toEqual([]);
  });

  it('25 hours later the task is overdue, and the job raises one alert to the owner', async () => {
    k.at(plus(25));
    const cw = await k.as('caseworker.amravati');
    const tasks = await tasksOf(cw, 'scope=mine&overdue=true');
    expect(tasks.items.find((i) => i.caseId === caseId)).toMatchObject({ kind: 'cwc_production', overdue: true });
    expect(tasks.overdueCount).toBeGreaterThanOrEqual(1);
    const overdueCases = (await cw.get('/api/v1/cases?overdue=true&pageSize=100')).json();
    expect(overdueCases.items.find((i: { id: string }) => i.id === caseId)).toMatchObject({ overdue: true, nextDueKind: 'cwc_production' });

    expect(await jobs.sweepNow()).toBeGreaterThanOrEqual(1);
    const notes = await notesOf(cw, '&unread=true');
    const mine = notes.items.filter((n) => n.caseId === caseId);
    expect(mine).toEqual([
      expect.objectContaining({ kind: 'overdue.cwc_production', toUser: k.userId('caseworker.amravati'), readAt: null }),
    ]);
    expect(mine[0].message).toMatch(/production before the CWC/);
    // Issue #17: worded in the reader's language when read, the due day without a clock time.
    const inMarathi = (await cw.get('/api/v1/notifications?pageSize=100', { 'accept-language': 'mr-IN,mr' })).json().items;
    const text = inMarathi.find((n: Note) => n.id === mine[0].id).text as string;
    expect(text).toMatch(/^प्रकरण #\d+: मुदत उलटली — बाल कल्याण समितीसमोर हजर करणे/);
    expect(text).not.toMatch(/AM|PM|am|pm|\d:\d\d/);
    // No names in alerts (JJ Act 2015 s.74).
    const child = (await cw.get(`/api/v1/cases/${caseId}`)).json().child;
    expect(mine[0].message).not.toContain(child.name.split(' ')[0]);

    // A second run raises nothing new for the same item.
    await jobs.sweepNow();
    expect((await notesOf(cw)).items.filter((n) => n.caseId === caseId)).toHaveLength(1);
  });

  it('alerts are marked read one by one, or all at once', async () => {
    const cw = await k.as('caseworker.amravati');
    const before = await notesOf(cw, '&unread=true');
    const note = before.items.find((n) => n.caseId === caseId)!;
    expect((await cw.post(`/api/v1/notifications/${note.id}/read`)).statusCode).toBe(200);
    const after = await notesOf(cw, '&unread=true');
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.map((n) => n.id)).not.toContain(note.id);
    // Someone else cannot mark it (it is not addressed to them).
    expect((await (await k.as('caseworker.akola')).post(`/api/v1/notifications/${note.id}/read`)).statusCode).toBe(404);
    const all = await cw.post('/api/v1/notifications/read-all');
    expect(all.json().marked).toBe(after.unread);
    expect((await notesOf(cw, '&unread=true')).unread).toBe(0);
  });

  it("a referral nobody answers alerts the department's unit after a week", async () => {
    const cw = await k.as('caseworker.amravati');
    await cw.post(`/api/v1/cases/${caseId}/actions`, { type: 'produced_before_cwc' });
    const r = await cw.post(`/api/v1/cases/${caseId}/actions`, {
      type: 'referral',
      referralId: 'edu-9',
      need: 'school admission',
      domain: 'education_training',
      to: { orgId: k.org('Education Department') },
    });
    expect(r.statusCode).toBe(201);
    // Production done: that item is gone from the task list.
    expect((await tasksOf(cw)).items.filter((i) => i.caseId === caseId && i.kind === 'cwc_production')).toEqual([]);
    k.at(plus(25 + 8 * 24));
    const edu = await k.as('nodal.education');
    const tasks = await tasksOf(edu, 'scope=unit&overdue=true');
    expect(tasks.items.find((i) => i.caseId === caseId)).toMatchObject({ kind: 'referral_response', ref: 'edu-9', overdue: true });
    await jobs.sweepNow();
    const notes = await notesOf(edu, '&unread=true');
    expect(notes.items.find((n) => n.caseId === caseId)).toMatchObject({
      kind: 'overdue.referral_response',
      toUnit: k.org('Education Department'),
      toUser: null,
    });
    // The Health department's officer is not in that unit.
    expect((await notesOf(await k.as('nodal.health'))).items.filter((n) => n.caseId === caseId)).toEqual([]);
  });
});

describe('per-state timelines', () => {
  it("a state's shorter SIR deadline applies to its cases, with its own basis", async () => {
    setCaseTimelineConfig(
      withStateOverride(DEFAULT_TIMELINE_CONFIG, '27', {
        sirSubmission: { within: { days: 10 }, basis: 'Maharashtra State JJ Rules (demo override): SIR within 10 days of production.' },
      }),
    );
    k.at(plus(24 * 30));
    const cw = await k.as('caseworker.amravati');
    const c = (await cw.post('/api/v1/cases', intakeBody(await k.childIn('Kurha', 1), { reportedOn: '2026-12-30' }))).json();
    const produced = (await cw.post(`/api/v1/cases/${c.id}/actions`, { type: 'produced_before_cwc' })).json();
    const sir = produced.state.due.find((d: { kind: string }) => d.kind === 'sir_submission');
    expect(sir).toMatchObject({ source: 'state', dueAt: new Date(Date.parse(plus(24 * 30)) + 10 * 86_400_000).toISOString() });
    // Until the CWC names an investigator, the SIR is on the CWC's list.
    const task = (await tasksOf(await k.as('cwc.amravati'), 'scope=unit&kind=sir_submission')).items.find((i) => i.caseId === c.id);
    expect(task?.basis).toMatch(/Maharashtra/);
    setCaseTimelineConfig(null);
  });
});
