import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { stateTables } from '../../src/federation/federation.sql';
import { browserSuite, describeInChromium } from './support';

/**
 * Issue #19: a district's DCPU on Missing children → National matches. Without the federation
 * tables the screen says national matching is not set up; with them (created as the federation
 * SQL does), a proposal the nation sent is confirmed for the state, saying how it was checked.
 */
describeInChromium('national match proposals', () => {
  const e2e = browserSuite({ signIn: 'dcpo.amravati', failurePrefix: 'FAILED-national-' });
  const id = randomUUID();

  it('says national matching is not set up on a database without the federation', async () => {
    await e2e.page.goto(e2e.url('/missing/national'));
    await expect.poll(() => e2e.page.getByTestId('national-not-set-up').textContent()).toMatch(/not set up/);
  });

  it("shows a proposal as it arrived and records the state's confirmation", async () => {
    await e2e.server.ctx.database.exec(stateTables());
    await e2e.query(
      `INSERT INTO national_match (id, missing_id, found_id, missing_state_code, missing_district_code, found_state_code,
         found_district_code, missing_name, missing_sex, missing_age_years, missing_event_date, found_name, found_sex,
         found_age_years, found_event_date, probability, weight, explanation, model_version)
       VALUES ($1, $2, $3, 27, 468, 23, 396, 'Sanika Wankhade', 'female', 9, '2026-02-01', 'Sanika', 'female', 10,
         '2026-02-09', 0.93, 8.1, 'name and age agree', 'e2e')`,
      [id, randomUUID(), randomUUID()],
    );
    await e2e.page.reload();
    const other = e2e.page.getByTestId('other-side');
    await expect.poll(() => other.textContent()).toMatch(/Madhya Pradesh/i);
    await e2e.page.getByRole('textbox', { name: 'How the match was checked' }).click();
    await e2e.page.getByRole('option', { name: 'Video call', exact: true }).click();
    await e2e.page.getByLabel('Note').fill('the mother recognised her on a video call');
    await e2e.page.getByTestId('national-confirm').click();
    await expect
      .poll(() =>
        e2e.page
          .getByTestId('national-decision')
          .textContent()
          .catch(() => ''),
      )
      .toMatch(/Your state confirmed/);
    const [d] = await e2e.query<{ decision: string; checked_by: string }>(
      'SELECT decision, checked_by FROM national_match_decision WHERE match_id = $1',
      [id],
    );
    expect(d).toEqual({ decision: 'confirm', checked_by: 'video_call' });
  });
});
