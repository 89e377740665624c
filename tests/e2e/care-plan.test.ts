import { expect, it } from 'vitest';
import { browserSuite, describeInChromium, screenshot } from './support';
import { nextReviewAfter } from '../../src/care/domain';

/**
 * The Individual Care Plan in a real browser (issue #14; JJ Model Rules 2016 r.69, Form 7): the DCPO
 * of Amravati opens an institution, prepares the care plan of a child in care who has none, then
 * records its review; each step is checked in the database and the row shows the new due date (the
 * timelines data's review period). Dates are the server's IST day (e2e.istDay()).
 */
describeInChromium('the care plan of a child in an institution in Chromium', () => {
  const e2e = browserSuite({ signIn: 'dcpo.amravati' });
  const { url } = e2e;

  it('prepares the plan of a child without one, then records its review', async () => {
    const today = e2e.istDay();
    // A child in care in the district, admitted before today, with no plan yet (any: named by its stay's id from here on).
    const stay = await e2e.one<{ id: string; institution_id: string; admitted_on: string }>(
      `SELECT s.id, s.institution_id, s.admitted_on::text FROM care_stay s
        WHERE s.district_code = 468 AND s.status <> 'left' AND s.admitted_on < $1::date
          AND NOT EXISTS (SELECT 1 FROM care_plan p WHERE p.stay_id = s.id)
        ORDER BY s.id LIMIT 1`,
      [today],
    );
    expect(stay).toBeTruthy();

    await e2e.page.goto(url(`/care/institutions/${stay.institution_id}`));
    const row = e2e.page.getByTestId(`stay-${stay.id}`);
    await row.waitFor();
    expect(await row.getByRole('button', { name: 'Record a review' }).count()).toBe(0);
    await row.getByRole('button', { name: 'Prepare the care plan' }).click();
    const prepare = e2e.page.getByRole('form', { name: 'Prepare the care plan' });
    // Prepared on the day of admission (Form 7 is due within the timelines' days of it).
    await prepare.locator('input[name="preparedOn"]').fill(stay.admitted_on);
    await prepare.locator('select[name="preferredOption"]').selectOption('kinship');
    await prepare.locator('select[name="domain"]').selectOption('education_training');
    await prepare.getByLabel('What the child needs').fill('back to school after two years out');
    await prepare.getByLabel('What will be done').fill('admission to the ZP school, bridge classes');
    await prepare.getByRole('button', { name: 'Save' }).click();
    await prepare.waitFor({ state: 'detached' });

    const firstDue = nextReviewAfter(stay.admitted_on);
    const plan = await e2e.one<{ id: string; prepared_on: string; preferred_option: string; next_review_due: string; goals: unknown }>(
      'SELECT id, prepared_on::text, preferred_option, next_review_due::text, goals FROM care_plan WHERE stay_id = $1',
      [stay.id],
    );
    expect(plan).toMatchObject({ prepared_on: stay.admitted_on, preferred_option: 'kinship', next_review_due: firstDue });
    expect(plan.goals).toEqual([
      {
        domain: 'education_training',
        need: 'back to school after two years out',
        intervention: 'admission to the ZP school, bridge classes',
      },
    ]);
    await row.getByText(firstDue).waitFor();

    await row.getByRole('button', { name: 'Record a review' }).click();
    const review = e2e.page.getByRole('form', { name: 'Record a review' });
    await review.locator('input[name="reviewedOn"]').fill(today);
    await review.locator('select[name="outcome"]').selectOption('ready_for_restoration');
    await review.getByLabel('Findings of the review (optional)').fill('attends school; mother visits weekly');
    await review.getByRole('button', { name: 'Save' }).click();
    await review.waitFor({ state: 'detached' });

    const nextDue = nextReviewAfter(today);
    expect(
      await e2e.one('SELECT reviewed_on::text, outcome, notes, next_review_due::text FROM care_plan_review WHERE plan_id = $1', [plan.id]),
    ).toEqual({
      reviewed_on: today,
      outcome: 'ready_for_restoration',
      notes: 'attends school; mother visits weekly',
      next_review_due: nextDue,
    });
    expect(await e2e.one('SELECT next_review_due::text, version FROM care_plan WHERE id = $1', [plan.id])).toEqual({
      next_review_due: nextDue,
      version: 2,
    });
    await row.getByText(nextDue).waitFor();
    await screenshot(e2e.page, 'care-plan-review');
  });
});
