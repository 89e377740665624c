import { expect, it } from 'vitest';
import { browserSuite, describeInChromium, screenshot } from './support';

/**
 * Issue #14 in a real browser, each step checked in the database: the DCPO of Amravati re-assesses a
 * sanctioned sponsorship due for renewal, records the committee's renewal and later ends it (JJ Act
 * 2015 s.45; Model Rules 2016 r.24), on the *Sponsorship* screen's *Sponsorships due for renewal*;
 * and hands a reintegration pathway to another NGO with *Change NGO* on /care/reintegration (the
 * row shows the new NGO; an inactive NGO is not offered; a stale version is said plainly). Dates are
 * the server's IST day (e2e.istDay()), never the hour.
 */
describeInChromium('sponsorship renewals and a pathway’s NGO in Chromium', () => {
  const e2e = browserSuite({ signIn: 'dcpo.amravati' });
  const { url } = e2e;

  /** Through the API as the signed-in DCPO (the page's cookie): the demo's Amravati application, sanctioned. */
  async function sanctionDemoApplication() {
    const app = await e2e.one<{ id: string; version: number; applied_on: string }>(
      `SELECT id, version, applied_on::text FROM care_sponsorship WHERE district_code = 468 AND status = 'applied' ORDER BY applied_on, id LIMIT 1`,
    );
    expect(app).toBeTruthy();
    const res = await e2e.page.request.post(url(`/api/v1/care/sponsorships/${app.id}/decision`), {
      data: {
        meetingOn: app.applied_on, // a decision is on or after the application
        decision: 'sanctioned',
        reasons: 'the grandmother has no income',
        orderRef: 'CWC/AMR/F36/E2E',
        startsOn: app.applied_on,
        validUntil: e2e.istDay(20), // within the 60 days' notice: due for renewal
        version: app.version,
      },
    });
    expect(res.status(), await res.text()).toBe(200);
    return app.id;
  }

  it('re-assesses a sponsorship due for renewal, renews it, and ends it: each shown and recorded', async () => {
    const today = e2e.istDay();
    const id = await sanctionDemoApplication();
    await e2e.page.goto(url('/care/sponsorships'));
    const section = e2e.page.getByRole('table', { name: 'Sponsorships due for renewal' });
    const row = section.getByTestId(`renewal-${id}`);
    await row.getByText('Due for renewal').waitFor();
    await row.getByText('Days left: 20').waitFor();

    await row.getByRole('button', { name: 'Re-assess' }).click();
    const reassess = e2e.page.getByRole('form', { name: "The DCPU's re-assessment" });
    await reassess.locator('input[name="on"]').fill(today);
    await reassess.locator('input[name="by"]').fill('DCPU protection officer (non-institutional care)');
    await reassess.locator('select[name="recommendation"]').selectOption('renew');
    await reassess.locator('textarea[name="summary"]').fill('school attendance regular; the grandmother still without income');
    await reassess.getByRole('button', { name: 'Save' }).click();
    await row.getByText(`Re-assessed on ${today}: Renew`).waitFor();
    expect(
      await e2e.query(
        "SELECT status, reassessed_on::text, reassessment->>'recommendation' AS rec FROM care_sponsorship_renewal WHERE sponsorship_id = $1",
        [id],
      ),
    ).toEqual([{ status: 'reassessed', reassessed_on: today, rec: 'renew' }]);

    await row.getByRole('button', { name: 'Renewal decision' }).click();
    const decide = e2e.page.getByRole('form', { name: "The committee's renewal decision" });
    await decide.locator('input[name="meetingOn"]').fill(today);
    await decide.locator('select[name="decision"]').selectOption('renewed');
    await decide.getByRole('button', { name: 'Save' }).click();
    await decide.getByText('Give the day the renewed period ends').waitFor(); // nothing sent without it
    const newEnd = e2e.istDay(365);
    await decide.locator('input[name="validUntil"]').fill(newEnd);
    await decide.locator('textarea[name="reasons"]').fill('the family still needs the support');
    await decide.locator('input[name="ref"]').fill('SFCAC/AMR/E2E/1');
    await decide.getByRole('button', { name: 'Save' }).click();
    // Renewed for a year: no longer due, out of the list.
    await row.waitFor({ state: 'detached' });
    expect(await e2e.one('SELECT status, valid_until::text FROM care_sponsorship WHERE id = $1', [id])).toEqual({
      status: 'sanctioned',
      valid_until: newEnd,
    });
    expect(
      await e2e.query('SELECT status, valid_until::text, decision_ref FROM care_sponsorship_renewal WHERE sponsorship_id = $1', [id]),
    ).toEqual([{ status: 'renewed', valid_until: newEnd, decision_ref: 'SFCAC/AMR/E2E/1' }]);

    // Months later it is due again; this time the family is self-reliant and the DCPU ends it.
    await e2e.query('UPDATE care_sponsorship SET valid_until = $2 WHERE id = $1', [id, e2e.istDay(10)]);
    await e2e.page.reload();
    await row.getByRole('button', { name: 'End the sponsorship' }).click();
    const end = e2e.page.getByRole('form', { name: 'End the sponsorship' });
    await end.locator('input[name="endedOn"]').fill(today);
    await end.locator('select[name="reason"]').selectOption('family_self_reliant');
    await end.locator('textarea[name="notes"]').fill('the mother found work at the MIDC unit');
    await end.getByRole('button', { name: 'Save' }).click();
    await e2e.page
      .getByRole('status')
      .getByText(/^Sponsorship ended\. Months withheld:/)
      .waitFor();
    expect(await e2e.one('SELECT status, ended_on::text, end_reason FROM care_sponsorship WHERE id = $1', [id])).toEqual({
      status: 'ended',
      ended_on: today,
      end_reason: 'family_self_reliant: the mother found work at the MIDC unit', // the reason and the notes
    });
    await screenshot(e2e.page, 'care-sponsorship-renewals');
  });

  it('Change NGO: the pathway shows the new NGO, an inactive NGO is not offered, a stale version is said plainly', async () => {
    const first = await e2e.one<{ id: string }>(`SELECT id FROM organisation WHERE name = 'Care Collective Center for Excellence'`);
    const [second, closed] = await Promise.all(
      ['Second Center for Excellence (E2E)', 'Closed Center for Excellence (E2E)'].map((name, i) =>
        e2e.one<{ id: string }>(
          `INSERT INTO organisation (name, kind, state_code, district_code, level, place_id, active)
           VALUES ($1, 'NGO', 27, 468, 'district', 'di:468', $2) RETURNING id`,
          [name, i === 0],
        ),
      ),
    );
    const p = await e2e.one<{ id: string }>(
      `SELECT id FROM care_reintegration WHERE district_code = 468 AND ngo_id = $1 AND stage NOT IN ('closed', 're_entered')
        ORDER BY id LIMIT 1`,
      [first.id],
    );
    expect(p).toBeTruthy();

    await e2e.page.goto(url('/care/reintegration'));
    const row = e2e.page.getByTestId(`pathway-${p.id}`);
    await row.getByTestId('pathway-ngo').getByText('Care Collective Center for Excellence').waitFor();
    await row.getByRole('button', { name: 'Change NGO' }).click();
    const form = e2e.page.getByRole('form', { name: 'Change NGO' });
    await form.locator(`select[name="ngoId"] option[value="${second.id}"]`).waitFor({ state: 'attached' });
    expect(await form.locator(`select[name="ngoId"] option[value="${closed.id}"]`).count()).toBe(0);
    await form.locator('select[name="ngoId"]').selectOption(second.id);
    await form.locator('textarea[name="reason"]').fill('the family moved to Achalpur block');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await row.getByTestId('pathway-ngo').getByText('Second Center for Excellence (E2E)').waitFor();
    const after = await e2e.one<{ ngo_id: string; version: number }>('SELECT ngo_id, version FROM care_reintegration WHERE id = $1', [
      p.id,
    ]);
    expect(after.ngo_id).toBe(second.id);

    // Someone else changes the pathway meanwhile: this screen's version is stale.
    await row.getByRole('button', { name: 'Change NGO' }).click();
    await e2e.query('UPDATE care_reintegration SET version = version + 1 WHERE id = $1', [p.id]);
    await form.locator('select[name="ngoId"]').selectOption(first.id);
    await form.locator('textarea[name="reason"]').fill('back to the first NGO');
    await form.getByRole('button', { name: 'Save' }).click();
    await form
      .getByRole('alert')
      .getByText(/changed or decided this record meanwhile/)
      .waitFor();
    expect(await e2e.one('SELECT ngo_id, version FROM care_reintegration WHERE id = $1', [p.id])).toEqual({
      ngo_id: second.id,
      version: after.version + 1,
    });
    await screenshot(e2e.page, 'care-reintegration-change-ngo');
  });
});
