import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/users';
import { browserSuite, describedBy, describeInChromium, newContext, screenshot, signIn } from './support';

/**
 * Convergence groups and their members in a real browser: the DCPO creates a block group
 * (the server's refusal of a chair from the wrong department lands on the chair's field),
 * adds a member and sees them listed, and a second seat for the same person is refused on
 * the representative's field.
 */
describeInChromium('convergence groups and members in Chromium', () => {
  const e2e = browserSuite();
  const { url } = e2e;

  it('creates a block group, adds a member, sees them listed; refusals show on their fields', async () => {
    // An Amravati block without a convergence group yet.
    const [block] = await e2e.query<{ id: string; name: string }>(
      `SELECT l.id, l.name FROM location l WHERE l.level = 'block' AND l.district_code = 468
          AND NOT EXISTS (SELECT 1 FROM convergence_group g WHERE g.block_code = COALESCE(l.block_code, l.lgd_code))
        ORDER BY l.name LIMIT 1`,
    );
    expect(block).toBeTruthy();

    await e2e.page.goto(url('/convergence'));
    await signIn(e2e.page, 'dcpo.amravati');
    await e2e.page.getByRole('button', { name: 'New convergence group' }).click();
    const form = e2e.page.locator('form[aria-labelledby="group-form-title"]');
    await form.locator('select[name="level"]').selectOption('block');
    await form.locator('select[name="block"]').selectOption({ label: block.name });
    await form.locator('input[name="name"]').fill(`${block.name} Block Convergence Group`);
    await form.getByLabel('Women & Child Development').check();
    // No chair: refused before anything is sent.
    await form.getByRole('button', { name: 'Save' }).click();
    expect(await describedBy(e2e.page, form.locator('input[name="chairName"]'))).toContain('A meeting needs a chair.');
    // A chair the server refuses (Education may not chair a block group): on the chair's department.
    await form.locator('select[name="chairDepartment"]').selectOption('EDUCATION');
    await form.locator('input[name="chairName"]').fill('Shri Prakash Bhagat');
    await form.locator('input[name="chairDesignation"]').fill('Block Development Officer');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => describedBy(e2e.page, form.locator('select[name="chairDepartment"]'))).toContain('The chair must be');
    expect(
      await e2e.query(
        "SELECT 1 FROM convergence_group WHERE name LIKE '%Block Convergence Group' AND level = 'block' AND block_code <> 4303",
      ),
    ).toHaveLength(0);
    await form.locator('select[name="chairDepartment"]').selectOption('RURAL_DEVELOPMENT');
    await form.getByRole('button', { name: 'Save' }).click();

    // The new group's page: chair seated, anchors shown.
    await e2e.page.waitForURL(/\/convergence\/groups\/[0-9a-f-]{36}$/);
    await e2e.page.getByRole('heading', { name: `${block.name} Block Convergence Group` }).waitFor();
    const members = e2e.page.getByTestId('member-list');
    await members.getByText('Shri Prakash Bhagat, Block Development Officer').waitFor();

    // Add a member.
    await e2e.page.getByRole('button', { name: 'Add a member' }).click();
    const add = e2e.page.locator('form[aria-label="Add a member"]');
    await add.locator('select[name="department"]').selectOption('HEALTH');
    await add.locator('input[name="name"]').fill('Dr. Smita Raut');
    await add.locator('input[name="designation"]').fill('Taluka Health Officer');
    await add.locator('input[name="phone"]').fill('+91 98220 12345');
    await add.getByRole('button', { name: 'Save' }).click();
    await members.getByText('Dr. Smita Raut, Taluka Health Officer').waitFor();
    expect(await members.getByTestId('member-row').count()).toBe(2);
    const [row] = await e2e.query<{ department: string; phone: string }>(
      "SELECT department, phone FROM convergence_member WHERE name = 'Dr. Smita Raut'",
    );
    expect(row).toEqual({ department: 'HEALTH', phone: '+91 98220 12345' });
    await screenshot(e2e.page, 'convergence-group-members');

    // The same person again for the same department: refused on the representative's field.
    await e2e.page.getByRole('button', { name: 'Add a member' }).click();
    await add.locator('select[name="department"]').selectOption('HEALTH');
    await add.locator('input[name="name"]').fill('dr smita  raut');
    await add.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => describedBy(e2e.page, add.locator('input[name="name"]'))).toContain('already sits on the group');
    expect(await e2e.query("SELECT 1 FROM convergence_member WHERE lower(name) LIKE '%smita%raut%'")).toHaveLength(1);
  });

  it('raises an action item between meetings: a past due date is refused on its field, then it is saved for the next meeting', async () => {
    const [group] = await e2e.query<{ id: string }>(
      `SELECT id FROM convergence_group WHERE level = 'district' AND district_code = 468 ORDER BY created_at LIMIT 1`,
    );
    // Its own browser context: signed in afresh, whatever the tests before it left.
    const context = await newContext(e2e.browser);
    const page = await context.newPage();
    await page.goto(url(`/convergence/groups/${group.id}`));
    await signIn(page, 'dcpo.amravati');
    await page.getByRole('button', { name: 'Raise an action item' }).click();
    const form = page.locator('form[aria-label="Raise an action item"]');
    const department = form.locator('select[name="department"]');
    const options = await department.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(options.length).toBeGreaterThan(0);
    await department.selectOption(options[0]);
    const description = `Get the birth certificate issued (e2e ${Date.now()})`;
    await form.locator('textarea[name="description"]').fill(description);
    await form.locator('input[name="dueDate"]').fill('2020-01-01');
    await form.getByRole('button', { name: 'Raise the action' }).click();
    await expect.poll(() => describedBy(page, form.locator('input[name="dueDate"]'))).toContain('The due date has already passed.');
    expect(await e2e.query('SELECT 1 FROM convergence_action WHERE description = $1', [description])).toHaveLength(0);

    const due = e2e.istDay(14);
    await form.locator('input[name="dueDate"]').fill(due);
    await form.getByRole('button', { name: 'Raise the action' }).click();
    await form.getByText('Action raised; it will come up at the next meeting.').waitFor();
    const [row] = await e2e.query<{ meeting_id: string | null; raised_on: string; due: string; department: string }>(
      'SELECT meeting_id, raised_on::text AS raised_on, due_date::text AS due, department FROM convergence_action WHERE description = $1',
      [description],
    );
    expect(row).toMatchObject({ meeting_id: null, due, department: options[0] });
    expect(row.raised_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await context.close();
  });

  it("a department's nodal officer reads the note in the app: the children of its own cases named, no other case", async () => {
    // Through the API as the DCPO: a meeting today, held, with one case for Education and one for Health.
    const login = await fetch(url('/api/v1/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dcpo.amravati', password: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(url(`/api/v1${path}`), {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await res.json();
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const today = e2e.istDay();
    const groups = (await call('GET', '/convergence/groups')).items as {
      id: string;
      level: string;
      districtCode: number;
      blockCode: number | null;
    }[];
    const district = groups.find((g) => g.level === 'district' && g.districtCode === 468)!;
    const g = await call('GET', `/convergence/groups/${district.id}`);
    const existing = (g.meetings as { id: string; date: string; status: string }[]).find((m) => m.date === today);
    const meetingId = existing?.id ?? (await call('POST', `/convergence/groups/${district.id}/meetings`, { date: today })).id;
    if (existing?.status !== 'held') {
      await call('POST', `/convergence/meetings/${meetingId}/hold`, {
        attendance: g.members
          .filter((m: { until: string | null }) => !m.until)
          .map((m: { id: string }) => ({ memberId: m.id, present: true })),
      });
    }
    const kids = await e2e.query<{ case_id: string; name: string }>(
      `SELECT k.id AS case_id, c.name FROM case_record k JOIN child c ON c.id = k.child_id
        WHERE k.district_code = 468 AND k.status <> 'closed' AND c.name ~ '^[A-Za-z .]+$'
          AND NOT EXISTS (SELECT 1 FROM convergence_member m WHERE m.name ILIKE '%' || split_part(c.name, ' ', 2) || '%')
        ORDER BY c.name LIMIT 2`,
    );
    expect(kids).toHaveLength(2);
    const due = e2e.istDay(10);
    await call('POST', `/convergence/meetings/${meetingId}/discussions`, {
      caseId: kids[0].case_id,
      decision: 'Back to school',
      actions: [{ department: 'EDUCATION', description: 'Re-admission with a bridge course', dueDate: due }],
    });
    await call('POST', `/convergence/meetings/${meetingId}/discussions`, {
      caseId: kids[1].case_id,
      decision: 'Health check',
      actions: [{ department: 'HEALTH', description: 'RBSK screening', dueDate: due }],
    });

    const edu = await (await newContext(e2e.browser)).newPage();
    await edu.goto(url(`/convergence/meetings/${meetingId}`));
    await signIn(edu, 'nodal.education');
    const note = edu.getByTestId('note-view');
    await note.getByText('Re-admission with a bridge course').waitFor();
    expect(await note.getByTestId('note-child').allTextContents()).toEqual([expect.stringContaining(kids[0].name)]);
    expect(await note.textContent()).not.toContain(kids[1].name);
    expect(await note.textContent()).not.toContain('RBSK screening');
    await screenshot(edu, 'convergence-note-department');
  });
});
