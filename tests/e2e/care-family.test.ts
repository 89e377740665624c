import { expect, it } from 'vitest';
import { browserSuite, describeInChromium, newContext, screenshot, signIn } from './support';

/**
 * Family-based care and adoption in a real browser (issue #14), each step checked in the
 * database: the DCPO of Amravati matches a demo child to the demo's foster family with its
 * home-study profile, places the child on a Form 32 order, records the Form 35 visit and ends
 * the placement on the CWC's order; records an adoption hand-off of the demo child the CWC
 * declared legally free (s.38) and moves its status, a stale version being said plainly; an
 * NGO's caseworker opens a reintegration pathway, assigned to its own NGO. Dates are the
 * server's IST day (e2e.istDay()), never the hour.
 */
describeInChromium('foster care, adoption hand-offs and reintegration in Chromium', () => {
  const e2e = browserSuite({ signIn: 'dcpo.amravati' });
  const { url } = e2e;

  it('matches a child to a foster family, places the child (Form 32), records the visit (Form 35) and ends the placement on the CWC order', async () => {
    const today = e2e.istDay();
    const family = await e2e.one<{ id: string }>(`SELECT id FROM care_foster_carer WHERE name = 'Shri Imran and Smt. Rukhsana Shaikh'`);
    expect(family).toBeTruthy();
    const kid = await e2e.one<{ id: string }>(
      `SELECT c.id FROM child c WHERE c.district_code = 468 AND c.dob BETWEEN '2015-01-01' AND '2019-12-31'
         AND NOT EXISTS (SELECT 1 FROM care_family_placement p WHERE p.child_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM care_stay s WHERE s.child_id = c.id)
       ORDER BY c.name, c.id LIMIT 1`,
    );

    await e2e.page.goto(url('/care/foster/match'));
    const find = e2e.page.getByRole('form', { name: 'Find families' });
    await find.locator('input[name="childId"]').fill(kid.id);
    await find.locator('input[name="languages"]').fill('hindi');
    await find.getByRole('button', { name: 'Find families' }).click();
    const row = e2e.page.getByTestId(`candidate-${family.id}`);
    await row.getByText(/Shaikh/).waitFor();
    await screenshot(e2e.page, 'care-foster-match');
    await row.getByRole('button', { name: 'Place with this family' }).click();

    const place = e2e.page.getByRole('form', { name: 'Placement on the CWC’s order (Form 32)' });
    await place.locator('input[name="startedOn"]').fill(today);
    await place.locator('input[name="orderRef"]').fill('CWC/AMR/2026/F32/E2E');
    await place.getByRole('button', { name: 'Record the placement' }).click();
    await e2e.page
      .getByRole('status')
      .getByText(/Placed/)
      .waitFor();
    const placed = await e2e.query<{
      id: string;
      carer_id: string;
      kind: string;
      order_form: string;
      started_on: string;
      ended_on: string | null;
    }>(`SELECT id, carer_id, kind, order_form, started_on::text, ended_on::text FROM care_family_placement WHERE child_id = $1`, [kid.id]);
    expect(placed).toEqual([
      { id: expect.any(String), carer_id: family.id, kind: 'foster', order_form: 'form32', started_on: today, ended_on: null },
    ]);
    const placement = placed[0].id;

    await e2e.page.goto(url('/care/foster/placements'));
    const prow = e2e.page.getByTestId(`placement-${placement}`);
    await prow.getByRole('button', { name: 'Record a visit' }).click();
    const visit = e2e.page.getByRole('form', { name: 'Monthly visit (Form 35)' });
    await visit.locator('input[name="visitedOn"]').fill(today);
    await visit.locator('select[name="wellbeing"]').selectOption('concern');
    await visit.getByLabel('The child was seen and heard alone').check();
    await visit.locator('textarea[name="findings"]').fill('settling in; attends the ZP school');
    await visit.getByRole('button', { name: 'Record the visit' }).click();
    await visit.getByText('Say what the concern is').waitFor();
    await visit.locator('textarea[name="concerns"]').fill('misses the grandmother; a phone call weekly agreed');
    await visit.getByRole('button', { name: 'Record the visit' }).click();
    await visit.waitFor({ state: 'detached' });
    const visits = await e2e.query<{ visited_on: string; wellbeing: string; child_seen_alone: boolean; concerns: string }>(
      'SELECT visited_on::text, wellbeing, child_seen_alone, concerns FROM care_foster_inspection WHERE placement_id = $1',
      [placement],
    );
    expect(visits).toEqual([
      { visited_on: today, wellbeing: 'concern', child_seen_alone: true, concerns: 'misses the grandmother; a phone call weekly agreed' },
    ]);

    await prow.getByRole('button', { name: 'End the placement' }).click();
    const end = e2e.page.getByRole('form', { name: 'End the placement on the CWC’s order' });
    await end.locator('select[name="reason"]').selectOption('restored_to_family');
    await end.locator('input[name="endedOn"]').fill(today);
    await end.locator('input[name="orderRef"]').fill('CWC/AMR/2026/F44/E2E');
    await end.getByRole('button', { name: 'End the placement' }).click();
    await e2e.page
      .getByRole('status')
      .getByText(/Ended\./)
      .waitFor();
    await prow.getByText(`Ended on ${today}`).waitFor();
    const ended = await e2e.one<{ ended_on: string; end_reason: string; end_order_ref: string }>(
      'SELECT ended_on::text, end_reason, end_order_ref FROM care_family_placement WHERE id = $1',
      [placement],
    );
    expect(ended).toEqual({ ended_on: today, end_reason: 'restored_to_family', end_order_ref: 'CWC/AMR/2026/F44/E2E' });
    await screenshot(e2e.page, 'care-foster-placements');
  });

  it('records an adoption hand-off of the child declared legally free (s.38) and moves its status; a stale version is said plainly', async () => {
    const today = e2e.istDay();
    const waiting = await e2e.one<{ child_id: string; case_id: string; name: string }>(
      `SELECT r.child_id, r.id AS case_id, c.name FROM case_record r JOIN child c ON c.id = r.child_id
         JOIN case_action a ON a.case_id = r.id AND a.payload->>'orderType' = 'lfa_declaration'
        WHERE NOT EXISTS (SELECT 1 FROM care_adoption_handoff h WHERE h.child_id = r.child_id)`,
    );
    expect(waiting).toBeTruthy();
    const saa = await e2e.one<{ organisation_id: string }>(`SELECT organisation_id FROM care_institution WHERE type = 'saa'`);

    await e2e.page.goto(url('/care/adoption'));
    const table = e2e.page.getByRole('table', { name: 'Hand-offs for adoption' });
    await table.getByText('CARINGS/MH/AMR/2026/0142').waitFor(); // the demo's hand-off
    const form = e2e.page.getByRole('form', { name: 'Record a hand-off for adoption' });
    await form.getByRole('button', { name: 'Record the hand-off' }).click();
    await form.getByText('Choose the child').waitFor(); // under the child, before anything is sent
    // Picked from the district's children declared legally free and not yet handed over (with the case).
    await form.locator(`select[name="childId"] option[value="${waiting.case_id}"]`).waitFor({ state: 'attached' });
    await form.locator('select[name="childId"]').selectOption(waiting.case_id);
    await form.locator('select[name="saaId"]').selectOption(saa.organisation_id);
    await form.locator('input[name="handedOverOn"]').fill(today);
    await form.locator('input[name="caringsRef"]').fill('CARINGS/MH/AMR/E2E');
    await form.getByRole('button', { name: 'Record the hand-off' }).click();
    await form.getByRole('status').getByText('The hand-off is recorded.').waitFor();
    const [h] = await e2e.query<{ id: string; status: string; saa_id: string; handed_over_on: string; version: number }>(
      'SELECT id, status, saa_id, handed_over_on::text, version FROM care_adoption_handoff WHERE child_id = $1',
      [waiting.child_id],
    );
    expect(h).toEqual({ id: expect.any(String), status: 'handed_over', saa_id: saa.organisation_id, handed_over_on: today, version: 1 });
    expect(await e2e.one('SELECT case_id FROM care_adoption_handoff WHERE id = $1', [h.id])).toEqual({ case_id: waiting.case_id });
    // Handed over: no longer offered.
    await form.locator(`select[name="childId"] option[value="${waiting.case_id}"]`).waitFor({ state: 'detached' });
    await screenshot(e2e.page, 'care-adoption');

    const row = e2e.page.getByTestId(`handoff-${h.id}`);
    await row.getByRole('button', { name: 'Change the status' }).click();
    const move = e2e.page.getByRole('form', { name: 'Change the status' });
    await move.locator('select[name="status"]').selectOption('referred');
    await move.locator('input[name="on"]').fill(today);
    await move.getByRole('button', { name: 'Save' }).click();
    await row.getByText('Referred to parents').waitFor();
    expect(await e2e.one('SELECT status, version FROM care_adoption_handoff WHERE id = $1', [h.id])).toEqual({
      status: 'referred',
      version: 2,
    });

    // Someone else changes the hand-off meanwhile: this screen's version is stale.
    await row.getByRole('button', { name: 'Change the status' }).click();
    await e2e.query('UPDATE care_adoption_handoff SET version = version + 1 WHERE id = $1', [h.id]);
    await move.locator('select[name="status"]').selectOption('adopted');
    await move.locator('input[name="on"]').fill(today);
    await move.getByRole('button', { name: 'Save' }).click();
    await move
      .getByRole('alert')
      .getByText(/changed or decided this record meanwhile/)
      .waitFor();
    expect(await e2e.one('SELECT status, version FROM care_adoption_handoff WHERE id = $1', [h.id])).toEqual({
      status: 'referred',
      version: 3,
    });
  });

  it("an NGO's caseworker opens a reintegration pathway for a child, assigned to its own NGO", async () => {
    const today = e2e.istDay();
    const ngoOrg = await e2e.one<{ id: string }>(`SELECT id FROM organisation WHERE name = 'Care Collective Center for Excellence'`);
    const kid = await e2e.one<{ id: string; name: string }>(
      `SELECT c.id, c.name FROM child c WHERE c.district_code = 468
          AND NOT EXISTS (SELECT 1 FROM care_reintegration r WHERE r.child_id = c.id)
        ORDER BY c.name, c.id LIMIT 1`,
    );
    const context = await newContext(e2e.browser);
    const page = await context.newPage();
    try {
      await page.goto(url('/care/reintegration'));
      await signIn(page, 'ngo.amravati');
      const table = page.getByRole('table', { name: 'Reintegration pathways' });
      await table.locator('tbody tr').first().waitFor();
      const before = await table.locator('tbody tr').count();
      await page.getByRole('button', { name: 'Open a pathway' }).click();
      const form = page.getByRole('form', { name: 'Open a pathway' });
      await form.locator('input[name="childSearch"]').fill(kid.name.split(' ')[0]);
      await form.locator(`select[name="childId"] option[value="${kid.id}"]`).waitFor({ state: 'attached' });
      await form.locator('select[name="childId"]').selectOption(kid.id);
      await form.locator('select[name="kind"]').selectOption('kinship');
      await form.locator('input[name="on"]').fill(today);
      await form.locator('textarea[name="note"]').fill('referred by the CCI superintendent');
      await form.getByRole('button', { name: 'Open the pathway' }).click();
      await expect.poll(() => table.locator('tbody tr').count()).toBe(before + 1);
      const rows = await e2e.query<{ ngo_id: string; kind: string; stage: string; stage_on: string }>(
        'SELECT ngo_id, kind, stage, stage_on::text FROM care_reintegration WHERE child_id = $1',
        [kid.id],
      );
      expect(rows).toEqual([{ ngo_id: ngoOrg.id, kind: 'kinship', stage: 'identified', stage_on: today }]);
      await screenshot(page, 'care-reintegration-open');
    } finally {
      await context.close();
    }
  });

  it('the DCPU assigns the NGO when opening a pathway', async () => {
    const today = e2e.istDay();
    const ngoOrg = await e2e.one<{ id: string }>(`SELECT id FROM organisation WHERE name = 'Care Collective Center for Excellence'`);
    const kid = await e2e.one<{ id: string; name: string }>(
      `SELECT c.id, c.name FROM child c WHERE c.district_code = 468
          AND NOT EXISTS (SELECT 1 FROM care_reintegration r WHERE r.child_id = c.id)
        ORDER BY c.name DESC, c.id LIMIT 1`,
    );
    await e2e.page.goto(url('/care/reintegration'));
    await e2e.page.getByRole('button', { name: 'Open a pathway' }).click();
    const form = e2e.page.getByRole('form', { name: 'Open a pathway' });
    await form.locator('input[name="childSearch"]').fill(kid.name.split(' ')[0]);
    await form.locator(`select[name="childId"] option[value="${kid.id}"]`).waitFor({ state: 'attached' });
    await form.locator('select[name="childId"]').selectOption(kid.id);
    await form.locator(`select[name="ngoId"] option[value="${ngoOrg.id}"]`).waitFor({ state: 'attached' });
    await form.locator('select[name="ngoId"]').selectOption(ngoOrg.id);
    await form.locator('input[name="on"]').fill(today);
    await form.getByRole('button', { name: 'Open the pathway' }).click();
    await expect
      .poll(() => e2e.query<{ ngo_id: string }>('SELECT ngo_id FROM care_reintegration WHERE child_id = $1', [kid.id]))
      .toEqual([{ ngo_id: ngoOrg.id }]);
  });

  it('Aftercare offers a stay discharged to aftercare without a plan; the plan made from it shows what it follows', async () => {
    const today = e2e.istDay();
    const stay = await e2e.one<{ id: string; child_id: string }>(
      `SELECT s.id, s.child_id FROM care_stay s WHERE s.district_code = 468 AND s.order_by = 'cwc' AND s.ended_on IS NULL
         AND NOT EXISTS (SELECT 1 FROM care_aftercare_plan a WHERE a.child_id = s.child_id)
       ORDER BY s.id LIMIT 1`,
    );
    await e2e.query("UPDATE child SET dob = '2008-10-01' WHERE id = $1", [stay.child_id]);
    await e2e.query("UPDATE care_stay SET status = 'left', ended_on = $2, end_reason = 'aftercare' WHERE id = $1", [stay.id, today]);
    await e2e.page.goto(url('/care/aftercare'));
    const row = e2e.page.getByTestId(`discharged-${stay.id}`);
    await row.getByRole('button', { name: 'Make the plan' }).click();
    const form = e2e.page
      .getByRole('form', { name: 'Make an aftercare plan' })
      .filter({ hasText: 'The plan will record the discharge it follows.' });
    await form.locator('input[name="orderRef"]').fill('CWC/AMR/AC/E2E (Form 37)');
    await form.locator('input[name="planOn"]').fill(today);
    await form.locator('input[name="housing"]').fill('aftercare hostel, Amravati');
    await form.getByRole('button', { name: 'Save' }).click();
    await row.waitFor({ state: 'detached' });
    const plan = await e2e.one<{ follows_stay_id: string }>('SELECT follows_stay_id FROM care_aftercare_plan WHERE child_id = $1', [
      stay.child_id,
    ]);
    expect(plan).toEqual({ follows_stay_id: stay.id });
    await e2e.page
      .getByRole('table', { name: 'Aftercare plans' })
      .getByText(new RegExp(`Discharged from .* on ${today}`))
      .first()
      .waitFor();
    await screenshot(e2e.page, 'care-aftercare-follows');
  });
});
