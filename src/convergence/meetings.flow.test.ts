import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { pdfPageTexts } from '../reports/pdf';
import { deliverOutbox } from '../notifications/outbox.service';
import { LogSender } from '../notifications/senders';
import { scanReminders } from './reminders';

/**
 * One month of the Amravati district group, end to end through the API, on the seeded
 * demo: the December meeting is prepared (agenda from overdue actions and a Bal Panchayat
 * issue), held (attendance), its decisions and actions recorded, minuted, its note
 * generated (PDF, two languages, cut per department) and sent (outbox), and its actions
 * followed up to the January meeting, where what is overdue rolls over.
 */
let t: TestApp;
let dcpo: Client; // DCPU officer, secretary of the group
let chair: Client; // DLSA Secretary, chair (a nodal-officer role)
let edu: Client; // Education nodal officer
let health: Client; // Health nodal officer
let groupId: string;
let december: string;
let members: { id: string; department: string; name: string; userId: string | null; roles: string[] }[];

const at = (day: string) => new Date(`${day}T10:00:00+05:30`);
const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params);
const count = async (table: string) => Number((await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

/** Moves the server clock and signs everyone in again (sessions last a working day). */
async function moveTo(day: string) {
  t.setNow(at(day));
  [dcpo, chair, edu, health] = await Promise.all(
    ['dcpo.amravati', 'dlsa.amravati', 'nodal.education', 'nodal.health'].map((u) => t.login(u)),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  await moveTo('2026-12-07');
  const groups = (await dcpo.get('/api/v1/convergence/groups')).json().items;
  groupId = groups.find((g: { level: string }) => g.level === 'district').id;
  const g = (await dcpo.get(`/api/v1/convergence/groups/${groupId}`)).json();
  members = g.members;
  december = g.meetings.find((m: { date: string }) => m.date === '2026-12-07').id;
});
afterAll(() => t.close());

/** Two Amravati families with no convergence action yet, in villages without a block group. */
async function freshFamilies(n: number): Promise<string[]> {
  const rows = await q<{ id: string }>(
    `SELECT f.id FROM family f WHERE f.district_code = 468 AND f.block_code <> 4303
       AND NOT EXISTS (SELECT 1 FROM convergence_action a WHERE a.family_id = f.id) ORDER BY f.head_name, f.id LIMIT $1`,
    [n],
  );
  return rows.map((r) => r.id);
}

describe('a month of the district convergence group', () => {
  let famA: string;
  let famB: string;
  let eduAction: string;
  let healthAction: string;
  let revenueAction: string;

  it('seeded group: 30 members, chaired by the DLSA Secretary, DWCD and DLSA anchoring', async () => {
    const g = (await dcpo.get(`/api/v1/convergence/groups/${groupId}`)).json();
    expect(g.memberCount).toBe(30);
    expect(g.chair).toMatchObject({ department: 'DLSA', name: 'Adv. Ashok Kulkarni' });
    expect(g.anchorDepartments).toEqual(['DWCD', 'DLSA']);
    expect(g.departments).toHaveLength(13);
    const labour = g.attendance.find((a: { department: string }) => a.department === 'LABOUR');
    expect(labour).toMatchObject({ expected: 6, attended: 2, irregular: true, consecutiveAbsences: 4 });
    expect(g.attendance.find((a: { department: string }) => a.department === 'DLSA')).toMatchObject({ attended: 6, irregular: false });
  });

  it('prepared: the agenda carries every overdue action over, then cases, then the Bal Panchayat issue', async () => {
    const res = await dcpo.get(`/api/v1/convergence/meetings/${december}/agenda`);
    expect(res.statusCode).toBe(200);
    const { lines, frozen } = res.json();
    expect(frozen).toBe(false);
    const overdue = await q<{ id: string }>(
      `SELECT id FROM convergence_action WHERE group_id = $1 AND status <> 'done' AND due_date < '2026-12-07'`,
      [groupId],
    );
    expect(overdue.length).toBeGreaterThanOrEqual(8);
    const carried = lines.filter((l: { section: string }) => l.section === 'action_taken').map((l: { actionId: string }) => l.actionId);
    expect(new Set(carried)).toEqual(new Set(overdue.map((r) => r.id)));
    // Worst first: the Police inquiry due 5 August.
    expect(lines[0]).toMatchObject({ section: 'action_taken', department: 'POLICE', action: { dueDate: '2026-08-05', status: 'blocked' } });
    const sections = lines.map((l: { section: string }) => l.section);
    expect(sections.indexOf('bal_panchayat')).toBeGreaterThan(sections.lastIndexOf('action_taken'));
    const bp = lines.filter((l: { section: string }) => l.section === 'bal_panchayat');
    // Dhamak's streetlight (no block group there, 38 days with the VCPC); Rajura's kiln issue goes to the block group.
    expect(bp.map((l: { issue: { village: string } }) => l.issue.village)).toEqual(['Dhamak']);
    expect(JSON.stringify(lines)).not.toMatch(/"name"/);
  });

  it('held: attendance by department is recorded, the agenda frozen, the issue moves onto the agenda', async () => {
    const absentDepts = ['LABOUR', 'POLICE'];
    const attendance = members
      .filter((m) => !m.roles.includes('x'))
      .map((m) => ({ memberId: m.id, present: !absentDepts.includes(m.department) }));
    const res = await dcpo.post(`/api/v1/convergence/meetings/${december}/hold`, { attendance });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('held');
    const m = (await dcpo.get(`/api/v1/convergence/meetings/${december}`)).json();
    expect(
      m.departments
        .filter((d: { present: boolean }) => !d.present)
        .map((d: { department: string }) => d.department)
        .sort(),
    ).toEqual(absentDepts);
    expect(m.agenda.length).toBeGreaterThan(0);
    expect((await dcpo.get(`/api/v1/convergence/meetings/${december}/agenda`)).json().frozen).toBe(true);
    const [issue] = await q<{ status: string }>("SELECT status FROM bal_panchayat_issue WHERE summary LIKE 'No streetlight%'");
    expect(issue.status).toBe('on_agenda');
    const g = (await dcpo.get(`/api/v1/convergence/groups/${groupId}`)).json();
    expect(g.attendance.find((a: { department: string }) => a.department === 'POLICE')).toMatchObject({ expected: 7, irregular: true });
  });

  it('decisions: each case discussed gets a decision and actions for departments, with due dates', async () => {
    [famA, famB] = await freshFamilies(2);
    const healthSeat = members.find((m) => m.department === 'HEALTH' && m.name.startsWith('Dr. Kavita'))!;
    const a = await dcpo.post(`/api/v1/convergence/meetings/${december}/discussions`, {
      familyId: famA,
      decision: 'Re-admit the elder child to school and screen the younger one for anaemia.',
      actions: [
        {
          department: 'EDUCATION',
          domain: 'education',
          description: 'Re-admission to the ZP school with a bridge course',
          dueDate: '2026-12-20',
        },
        {
          department: 'HEALTH',
          domain: 'nutrition',
          description: 'Anaemia screening (RBSK)',
          dueDate: '2026-12-28',
          officerMemberId: healthSeat.id,
        },
      ],
    });
    expect(a.statusCode).toBe(201);
    const da = a.json();
    expect(da.caseRef).toMatch(/^(F|C)-/);
    expect(da.actions.map((x: { department: string }) => x.department)).toEqual(['EDUCATION', 'HEALTH']);
    expect(da.actions[1].officer).toContain('Dr. Kavita Meshram');
    expect(da.actions[0]).toMatchObject({ status: 'open', assignedOn: '2026-12-07', matrixSuggested: true });
    [eduAction, healthAction] = da.actions.map((x: { id: string }) => x.id);
    const b = await dcpo.post(`/api/v1/convergence/meetings/${december}/discussions`, {
      familyId: famB,
      decision: "Father's death certificate is needed for every scheme.",
      actions: [{ department: 'REVENUE', domain: 'legal_aid_documents', description: "Father's death certificate", dueDate: '2026-12-31' }],
    });
    expect(b.statusCode).toBe(201);
    revenueAction = b.json().actions[0].id;
    const m = (await dcpo.get(`/api/v1/convergence/meetings/${december}`)).json();
    expect(m.discussions).toHaveLength(2);
    expect(m.actions).toHaveLength(3);
  });

  it('minuted: the minutes are final and the January meeting is scheduled', async () => {
    const res = await dcpo.post(`/api/v1/convergence/meetings/${december}/minute`, {
      minutes: 'Reviewed overdue actions; two families taken up.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().nextMeeting).toMatchObject({ date: '2027-01-07', created: true });
    const late = await dcpo.post(`/api/v1/convergence/meetings/${december}/discussions`, { decision: 'x', actions: [] });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('meeting_minuted');
  });

  it('note: a real PDF in English and Marathi; each department sees only the cases where it acts', async () => {
    for (const lang of ['en', 'mr']) {
      const res = await dcpo.get(`/api/v1/convergence/meetings/${december}/note.pdf?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
      const text = pdfPageTexts(res.rawPayload).join('\n');
      // (Text comes back in glyph order, so the Marathi check uses words without reordered vowel signs.)
      expect(text).toContain(lang === 'en' ? 'Division of labour note' : 'गोपनीय — बाल न्याय');
      expect(text).toContain('Amravati District Convergence Group');
    }
    const full = (await dcpo.get(`/api/v1/convergence/meetings/${december}/note`)).json();
    expect(full.scope.kind).toBe('full');
    const refOf = async (id: string) =>
      (await q<{ case_ref: string }>('SELECT case_ref FROM convergence_action WHERE id = $1', [id]))[0].case_ref;
    const [refA, refB] = [await refOf(eduAction), await refOf(revenueAction)];
    const allRefs = full.sections.flatMap((s: { lines: { caseRef: string }[] }) => s.lines.map((l) => l.caseRef));
    expect(allRefs).toEqual(expect.arrayContaining([refA, refB]));

    // Education's note: its case (with Health's action on it), not Revenue's case.
    const mine = (await edu.get(`/api/v1/convergence/meetings/${december}/note`)).json();
    expect(mine.scope).toEqual({ kind: 'department', department: 'EDUCATION' });
    const mineRefs = mine.sections.flatMap((s: { lines: { caseRef: string }[] }) => s.lines.map((l) => l.caseRef));
    expect(mineRefs).toContain(refA);
    expect(mineRefs).not.toContain(refB);
    expect(mine.sections[0].department).toBe('EDUCATION');
    expect(mine.sections.map((s: { department: string }) => s.department)).toContain('HEALTH');
    // Every case in it is one where Education itself has an action.
    const eduRefs = new Set(mine.sections[0].lines.map((l: { caseRef: string }) => l.caseRef));
    for (const r of mineRefs) expect(r === null || eduRefs.has(r)).toBe(true);
    const pdf = await edu.get(`/api/v1/convergence/meetings/${december}/note.pdf?lang=hi`);
    expect(pdf.statusCode).toBe(200);
    const pdfText = pdfPageTexts(pdf.rawPayload).join('\n');
    expect(pdfText).toContain(refA);
    expect(pdfText).not.toContain(refB);
    expect(pdfText).not.toContain("Father's death certificate");
    // Names are withheld (no CWC disclosure order): no child or family head appears anywhere.
    const heads = await q<{ head_name: string }>('SELECT head_name FROM family WHERE id IN ($1, $2)', [famA, famB]);
    for (const h of heads) expect(JSON.stringify(full)).not.toContain(h.head_name);
    // A department cannot ask for another's note.
    const other = await edu.get(`/api/v1/convergence/meetings/${december}/note?department=REVENUE`);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('not_own_department');
    // The chair reads the full note.
    expect((await chair.get(`/api/v1/convergence/meetings/${december}/note`)).json().scope.kind).toBe('full');
  });

  it('sent: one message per seat of each department with an action, once; the log sender writes no names', async () => {
    const before = await count('notification_outbox');
    const res = await dcpo.post(`/api/v1/convergence/meetings/${december}/note/send`);
    expect(res.statusCode).toBe(200);
    const sent = res.json();
    expect(sent.queued).toBeGreaterThan(0);
    const rows = await q<{ recipient_member_id: string; payload: { department: string | null } }>(
      "SELECT recipient_member_id, payload FROM notification_outbox WHERE kind = 'convergence.note' AND payload->>'meetingId' = $1",
      [december],
    );
    expect(rows).toHaveLength(sent.queued);
    expect(await count('notification_outbox')).toBe(before + sent.queued);
    const eduSeats = members.filter((m) => m.department === 'EDUCATION').map((m) => m.id);
    expect(
      rows
        .filter((r) => r.payload.department === 'EDUCATION')
        .map((r) => r.recipient_member_id)
        .sort(),
    ).toEqual(eduSeats.sort());
    expect(rows.filter((r) => r.payload.department === null).length).toBe(2); // chair and secretary: the full note
    const again = await dcpo.post(`/api/v1/convergence/meetings/${december}/note/send`);
    expect(again.json().queued).toBe(0);

    const lines: string[] = [];
    const delivered = await deliverOutbox(t.ctx.db, { byChannel: {}, fallback: new LogSender((l) => lines.push(l)) }, t.ctx.now());
    expect(delivered.sent).toBeGreaterThanOrEqual(sent.queued);
    const allNames = members.map((m) => m.name);
    for (const l of lines) {
      for (const n of allNames) expect(l).not.toContain(n);
      expect(Object.keys(JSON.parse(l)).sort()).toEqual(expect.arrayContaining(['notification', 'kind']));
    }
    const outbox = (await dcpo.get('/api/v1/notifications/outbox?kind=convergence.note')).json().items;
    expect(outbox.every((o: { status: string }) => o.status === 'sent')).toBe(true);
  });

  it('follow-up: the department updates its action; another department cannot; nothing is written on refusal', async () => {
    await moveTo('2026-12-18');
    const events = await count('convergence_action_event');
    const refused = await health.post(`/api/v1/convergence/actions/${eduAction}/events`, { type: 'complete', result: 'done' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('not_assigned_department');
    expect(await count('convergence_action_event')).toBe(events);

    const done = await edu.post(`/api/v1/convergence/actions/${eduAction}/events`, { type: 'complete', result: 'Re-admitted to Class 6' });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toMatchObject({ status: 'done', doneOn: '2026-12-18', result: 'Re-admitted to Class 6' });
    const twice = await edu.post(`/api/v1/convergence/actions/${eduAction}/events`, { type: 'complete', result: 'again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('invalid_transition');

    const blocked = await health.post(`/api/v1/convergence/actions/${healthAction}/events`, {
      type: 'block',
      reason: 'RBSK team on leave until January',
    });
    expect(blocked.json()).toMatchObject({ status: 'blocked', blockedReason: 'RBSK team on leave until January' });
    const noReason = await health.post(`/api/v1/convergence/actions/${healthAction}/events`, { type: 'reopen', reason: '' });
    expect(noReason.statusCode).toBe(400);
    // The chair may record what a department reported.
    const byChair = await chair.post(`/api/v1/convergence/actions/${revenueAction}/events`, {
      type: 'block',
      reason: 'Death was not registered; needs a court order',
    });
    expect(byChair.statusCode).toBe(201);
    const detail = (await chair.get(`/api/v1/convergence/actions/${revenueAction}`)).json();
    expect(detail.events).toEqual([expect.objectContaining({ type: 'block', by: { name: 'Adv. Ashok Kulkarni', department: 'DLSA' } })]);
  });

  it('reminders: due-soon once before the date, overdue once after it', async () => {
    await moveTo('2026-12-26');
    const first = await scanReminders(t.ctx.db, t.ctx.now());
    expect(first).toBeGreaterThan(0);
    const healthRows = await q<{ kind: string }>("SELECT kind FROM notification_outbox WHERE payload->>'actionId' = $1", [healthAction]);
    expect(healthRows.map((r) => r.kind)).toEqual(['convergence.reminder.due_soon']); // one Health seat named as officer
    expect(await scanReminders(t.ctx.db, t.ctx.now())).toBe(0);
    const overdueNow = await scanReminders(t.ctx.db, at('2026-12-29'));
    expect(overdueNow).toBeGreaterThan(0);
    const after = await q<{ kind: string }>("SELECT kind FROM notification_outbox WHERE payload->>'actionId' = $1 ORDER BY created_at", [
      healthAction,
    ]);
    expect(after.map((r) => r.kind)).toEqual(['convergence.reminder.due_soon', 'convergence.reminder.overdue']);
    expect(await scanReminders(t.ctx.db, at('2026-12-30'))).toBe(0);
    // The Education action was done: never reminded.
    expect((await q("SELECT 1 FROM notification_outbox WHERE payload->>'actionId' = $1", [eduAction])).length).toBe(0);
    // In-app: the nodal officer of Health has the reminder in their notifications.
    const [n] = await q<{ message: string }>('SELECT message FROM notification WHERE ref = $1 ORDER BY created_at LIMIT 1', [
      `action:${healthAction}`,
    ]);
    expect(n.message).toContain('28');
  });

  it('next meeting: what is overdue rolls over onto the January agenda; what was done does not', async () => {
    await moveTo('2027-01-07');
    const g = (await dcpo.get(`/api/v1/convergence/groups/${groupId}`)).json();
    const january = g.meetings.find((m: { date: string }) => m.date === '2027-01-07').id;
    const { lines } = (await dcpo.get(`/api/v1/convergence/meetings/${january}/agenda`)).json();
    const carried = lines.filter((l: { section: string }) => l.section === 'action_taken').map((l: { actionId: string }) => l.actionId);
    expect(carried).toContain(healthAction);
    expect(carried).toContain(revenueAction);
    expect(carried).not.toContain(eduAction);
    const healthLine = lines.find((l: { actionId: string }) => l.actionId === healthAction);
    expect(healthLine.reasons[0].text).toContain('blocked: RBSK team on leave until January');
    // And the case with overdue actions is on the cases section too.
    const ref = (await q<{ case_ref: string }>('SELECT case_ref FROM convergence_action WHERE id = $1', [healthAction]))[0].case_ref;
    expect(
      lines.some(
        (l: { section: string; caseRef: string; reasons: { code: string }[] }) =>
          l.section === 'cases' && l.caseRef === ref && l.reasons.some((r) => r.code === 'overdue_actions'),
      ),
    ).toBe(true);
  });
});
