import { expect, it } from 'vitest';
import { browserSuite, describeInChromium, screenshot, signIn } from './support';

/**
 * Children in institutions in a real browser (issue #14): the DCPO of Amravati sees the
 * district's child care institutions with occupancy against sanctioned places, opens one with
 * its children and their care plan due, and admits the demo child whom the CWC ordered into
 * care (after gatekeeping); a child already in care is refused, naming the field.
 */
describeInChromium('child care institutions in Chromium', () => {
  const e2e = browserSuite();
  const { url } = e2e;

  it('dcpo.amravati lists institutions, opens one and admits a child on the CWC order', async () => {
    const [waiting] = await e2e.query<{ child_id: string; case_id: string; id: string }>(
      `SELECT g.child_id, g.case_id, g.id FROM care_gatekeeping g
        WHERE g.decision = 'institution' AND NOT EXISTS (SELECT 1 FROM care_stay s WHERE s.child_id = g.child_id)`,
    );
    expect(waiting).toBeTruthy();
    const [boys] = await e2e.query<{ id: string }>(
      "SELECT id FROM organisation WHERE name = 'Government Children’s Home (Boys), Amravati'",
    );

    await e2e.page.goto(url('/care'));
    await signIn(e2e.page, 'dcpo.amravati');
    const table = e2e.page.getByRole('table', { name: 'Child care institutions' });
    await table.getByText('Sneh Balgruha (Girls), Amravati').waitFor();
    await table.getByText('Renewal due').first().waitFor();
    await screenshot(e2e.page, 'care-institutions');

    await table.getByRole('link', { name: 'Government Children’s Home (Boys), Amravati' }).click();
    await e2e.page.getByRole('table', { name: 'Children in care' }).waitFor();
    const before = await e2e.page.getByRole('table', { name: 'Children in care' }).locator('tbody tr').count();
    await screenshot(e2e.page, 'care-institution');

    await e2e.page.getByRole('link', { name: 'Admit a child' }).click();
    const form = e2e.page.getByRole('form', { name: 'Admit a child' });
    await form.locator(`select[name="institutionId"] option[value="${boys.id}"]`).waitFor({ state: 'attached' });
    await form.locator('select[name="institutionId"]').selectOption(boys.id);
    await form.locator('input[name="childId"]').fill(waiting.child_id);
    // The child's open cases are offered as a list once the child is known.
    await form.locator(`select[name="caseId"] option[value="${waiting.case_id}"]`).waitFor({ state: 'attached' });
    await form.locator('select[name="caseId"]').selectOption(waiting.case_id);
    await form.locator('input[name="admittedOn"]').fill('2026-11-20');
    // Without the gatekeeping assessment the server refuses, naming the field.
    await form.getByRole('button', { name: 'Admit' }).click();
    await form.getByText(/record the family-based options/).waitFor();
    // The assessment is picked from the district's list, not typed.
    await form.locator(`select[name="gatekeepingId"] option[value="${waiting.id}"]`).waitFor({ state: 'attached' });
    await form.locator('select[name="gatekeepingId"]').selectOption(waiting.id);
    await form.getByRole('button', { name: 'Admit' }).click();
    await e2e.page.waitForURL(new RegExp(`/care/institutions/${boys.id}$`));
    await expect.poll(() => e2e.page.getByRole('table', { name: 'Children in care' }).locator('tbody tr').count()).toBe(before + 1);
    const [stay] = await e2e.query<{ status: string; order_by: string }>('SELECT status, order_by FROM care_stay WHERE child_id = $1', [
      waiting.child_id,
    ]);
    expect(stay).toEqual({ status: 'in_care', order_by: 'cwc' });

    // The district's progress against its action-plan targets, from the demo's records.
    await e2e.page.goto(url('/care/targets'));
    const targets = e2e.page.getByRole('table', { name: 'Action-plan targets' }).first();
    await targets.getByText('Children restored to families').waitFor();
    await targets.getByText('Follow-up visits made').waitFor();
    await screenshot(e2e.page, 'care-targets');
  });

  it('dcpo.amravati sees the approved foster family, its child’s inspection clock, and the grant ledger', async () => {
    // Signed in by the test above (one browser session per file).
    await e2e.page.goto(url('/care/foster'));
    const carers = e2e.page.getByRole('table', { name: 'Foster carers' });
    await carers.getByRole('row', { name: /Wankhade.*Approved/ }).waitFor();
    await e2e.page
      .getByRole('table', { name: 'Children in foster care' })
      .getByText(/Form 32/)
      .waitFor();
    const form = e2e.page.getByRole('form', { name: 'A family applies to foster' });
    await form.locator('input[name="name"]').fill('Smt. Asha Thakre');
    await form.getByRole('button', { name: 'Record the application' }).click();
    await form.getByText(/must be a place id/).waitFor();
    await form.locator('input[name="locationId"]').fill('di:468');
    await form.getByRole('button', { name: 'Record the application' }).click();
    await carers.getByRole('row', { name: /Asha Thakre.*Applied/ }).waitFor();
    await screenshot(e2e.page, 'care-foster');

    await e2e.page.goto(url('/care/ledger'));
    await e2e.page.getByTestId('ledger-paid').getByText('₹4,000').waitFor();
    await e2e.page.getByRole('table', { name: 'Monthly entries' }).getByText('Sponsorship').first().waitFor();
    await screenshot(e2e.page, 'care-ledger');
  });

  it("dcpo.amravati records the new family's home study and the committee's approval, makes the month's due grants and withholds one with its reason; the other family-based care screens load", async () => {
    // The family that applied in the test above.
    await e2e.page.goto(url('/care/foster'));
    const carers = e2e.page.getByRole('table', { name: 'Foster carers' });
    await carers
      .getByRole('row', { name: /Asha Thakre/ })
      .getByRole('button', { name: 'Record the home study' })
      .click();
    const study = e2e.page.getByRole('form', { name: 'Home study report (Form 30)' });
    await study.locator('input[name="by"]').fill('DCPU social worker');
    await study.getByRole('button', { name: 'Save' }).click();
    await study
      .getByText(/required/i)
      .first()
      .waitFor(); // the summary, under its field
    await study.locator('textarea[name="summary"]').fill('Home visited; references verified; recommended.');
    await study.getByRole('button', { name: 'Save' }).click();
    await carers
      .getByRole('row', { name: /Asha Thakre.*Home study done/ })
      .getByRole('button', { name: 'Record the committee decision' })
      .click();
    const decision = e2e.page.getByRole('form', { name: 'SFCAC decision' });
    await decision.locator('textarea[name="reasons"]').fill('Home study recommends; approved for one child.');
    await decision.getByRole('button', { name: 'Save' }).click();
    await carers.getByRole('row', { name: /Asha Thakre.*Approved/ }).waitFor();

    await e2e.page.goto(url('/care/ledger'));
    await e2e.page.getByRole('button', { name: 'Make this month’s due entries' }).click();
    await e2e.page
      .getByRole('status')
      .getByText(/due entr(y|ies) made for/)
      .waitFor();
    const entries = e2e.page.getByRole('table', { name: 'Monthly entries' });
    const month = e2e.istDay().slice(0, 7);
    await entries
      .getByRole('row', { name: new RegExp(`${month}.*Due`) })
      .first()
      .getByRole('button', { name: 'Mark paid or withheld' })
      .click();
    const mark = e2e.page.getByRole('form', { name: 'Mark paid or withheld' });
    await mark.locator('select[name="status"]').selectOption('withheld');
    await mark.getByRole('button', { name: 'Save' }).click();
    await mark.getByText('Say why the payment is withheld').waitFor();
    await mark.locator('input[name="reason"]').fill('school attendance not confirmed');
    await mark.getByRole('button', { name: 'Save' }).click();
    await entries.getByText('school attendance not confirmed').waitFor();
    const held = await e2e.query<{ status: string }>(`SELECT status FROM care_payment WHERE reason = 'school attendance not confirmed'`);
    expect(held).toEqual([{ status: 'withheld' }]);
    await screenshot(e2e.page, 'care-ledger-withheld');

    // The other family-based care screens answer from the demo's records.
    await e2e.page.goto(url('/care/movements'));
    await e2e.page
      .getByRole('table', { name: 'Movement requests' })
      .getByText(/grandmother for a wedding/)
      .waitFor();
    await e2e.page.goto(url('/care/reintegration'));
    await e2e.page.getByRole('table', { name: 'Reintegration pathways' }).locator('tbody tr').first().waitFor();
    await e2e.page.goto(url('/care/aftercare'));
    await e2e.page.getByRole('heading', { name: 'Aftercare plans' }).waitFor();
    await e2e.page.goto(url('/care/gatekeeping'));
    await e2e.page.getByRole('table', { name: 'Proposed admissions per district' }).waitFor();
  });
});
