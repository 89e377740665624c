import { expect, it } from 'vitest';
import { browserSuite, describeInChromium, screenshot } from './support';

/**
 * Issue #14's way home in a real browser, each step checked in the database: the DCPO of Amravati
 * moves a child's reintegration pathway stage by stage on /care/reintegration, records the CWC's
 * restoration order (JJ Act 2015 s.40; Model Rules 2016 Form 44) and the restoration, which
 * schedules the follow-up visits (timelines data), and records the first visit with its findings
 * and risk. Dates are the server's IST day (e2e.istDay()), never the hour.
 */
describeInChromium('a reintegration pathway to restoration and its first follow-up in Chromium', () => {
  const e2e = browserSuite({ signIn: 'dcpo.amravati' });
  const { url } = e2e;

  it('steps a pathway to restoration on the CWC order, then records the first follow-up visit', async () => {
    const today = e2e.istDay();
    // A child of the district with no pathway yet (any: the test names it by id from here on).
    const kid = await e2e.one<{ id: string }>(
      `SELECT c.id FROM child c WHERE c.district_code = 468
          AND NOT EXISTS (SELECT 1 FROM care_reintegration r WHERE r.child_id = c.id)
        ORDER BY c.id LIMIT 1`,
    );
    const opened = await e2e.page.request.post(url('/api/v1/care/reintegration'), {
      data: { childId: kid.id, kind: 'parents', on: today },
    });
    expect(opened.status(), await opened.text()).toBe(201);
    const { id } = (await opened.json()) as { id: string };

    await e2e.page.goto(url('/care/reintegration'));
    const row = e2e.page.getByTestId(`pathway-${id}`);
    await row.waitFor();

    // The stage's English label on the row's badge (web/src/features/care/i18n.ts).
    const label: Record<string, string> = {
      family_assessment: 'Family assessment',
      family_preparation: 'Family preparation',
      restoration_ordered: 'Restoration ordered',
      restored: 'Restored',
    };
    const step = async (stage: string, orderRef?: string) => {
      await row.getByRole('button', { name: 'Record the next step' }).click();
      const form = e2e.page.getByRole('form', { name: 'Record the next step' });
      await form.locator('select[name="stage"]').selectOption(stage);
      await form.locator('input[name="on"]').fill(today);
      if (orderRef) await form.locator('input[name="orderRef"]').fill(orderRef);
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'detached' });
      await expect
        .poll(async () => (await e2e.one<{ stage: string }>('SELECT stage FROM care_reintegration WHERE id = $1', [id])).stage)
        .toBe(stage);
      // As a person would, wait for the list to show the step before the next one: the step form
      // carries the row's version (optimistic concurrency), and a click on a row not yet refetched
      // would rightly be refused as a conflict.
      await row.getByText(label[stage], { exact: true }).waitFor();
    };
    await step('family_assessment');
    await step('family_preparation');
    await step('restoration_ordered', 'CWC/AMR/2026/F44/E2E-R');
    await step('restored');

    // Restoration schedules the visits; the row shows the next one due and none made yet.
    const visits = await e2e.query<{ id: string; due_on: string }>(
      'SELECT id, due_on::text FROM care_follow_up WHERE reintegration_id = $1 ORDER BY due_on',
      [id],
    );
    expect(visits.length).toBeGreaterThan(1);
    expect(visits.every((v) => v.due_on > today)).toBe(true);
    await row.getByText(visits[0].due_on).waitFor();
    await row.getByText(`0 / ${visits.length}`).waitFor();
    const restored = await e2e.one<{ restored_on: string; history: { stage: string; orderRef?: string }[] }>(
      'SELECT restored_on::text, history FROM care_reintegration WHERE id = $1',
      [id],
    );
    expect(restored.restored_on).toBe(today);
    expect(JSON.stringify(restored.history)).toContain('CWC/AMR/2026/F44/E2E-R');

    await row.getByRole('button', { name: 'Record a follow-up visit' }).click();
    const visit = e2e.page.getByRole('form', { name: 'Record a follow-up visit' });
    await visit.locator('input[name="visitedOn"]').fill(today);
    await visit.getByRole('button', { name: 'Save' }).click();
    // Findings are required: said under the field, nothing written.
    await visit.getByText('Say what the visit found').waitFor();
    expect(
      await e2e.one<{ n: number }>('SELECT count(*)::int AS n FROM care_follow_up WHERE reintegration_id = $1 AND visited_on IS NOT NULL', [
        id,
      ]),
    ).toEqual({ n: 0 });
    await visit.locator('textarea[name="findings"]').fill('child back at the ZP school; mother attends the SHG');
    await visit.locator('select[name="risk"]').selectOption('medium');
    await visit.getByRole('button', { name: 'Save' }).click();
    await visit.waitFor({ state: 'detached' });
    await row.getByText(`1 / ${visits.length}`).waitFor();
    expect(await e2e.one('SELECT visited_on::text, findings, risk FROM care_follow_up WHERE id = $1', [visits[0].id])).toEqual({
      visited_on: today,
      findings: 'child back at the ZP school; mother attends the SHG',
      risk: 'medium',
    });
    await row.getByText(visits[1].due_on).waitFor();
    await screenshot(e2e.page, 'care-reintegration-followup');
  });
});
