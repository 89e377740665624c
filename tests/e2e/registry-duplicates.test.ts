import { expect, it } from 'vitest';
import { browserSuite, describeInChromium, screenshot, signIn } from './support';

/**
 * Duplicates at the door in a real browser: a child already registered, typed again in
 * Devanagari, is shown as a likely duplicate before saving; saved with a reason, the pair is on
 * the duplicates screen, where the caseworker merges it.
 */
describeInChromium('duplicates at the door and the duplicates review in Chromium', () => {
  const e2e = browserSuite();
  const { url } = e2e;

  it('caseworker.amravati is warned, saves with a reason, then merges the pair', async () => {
    const [existing] = await e2e.query<{ id: string; name: string; name_local: string; sex: string; village_id: string; age: number }>(
      `SELECT id, name, name_local, sex, village_id, date_part('year', age(dob))::int AS age FROM child
        WHERE district_code = 468 AND name_local IS NOT NULL AND dob IS NOT NULL AND village_id = 'vi:demo-wadali' ORDER BY name LIMIT 1`,
    );
    await e2e.page.goto(url('/children/new'));
    await signIn(e2e.page, 'caseworker.amravati');
    const form = e2e.page.getByRole('form', { name: 'New child' });
    await form.locator('input[name="name"]').fill(existing.name_local);
    await form.locator('select[name="sex"]').selectOption(existing.sex);
    await form.locator('input[name="ageYears"]').fill(String(existing.age));
    await form.locator('select[name="careStatus"]').selectOption('birth_family');
    await form.locator('select[name="locationId"]').selectOption(existing.village_id);
    await form.getByRole('button', { name: 'Save' }).click();

    const gate = e2e.page.getByRole('alertdialog', { name: 'This may already be registered' });
    await gate.waitFor();
    await gate.getByTestId('duplicate-candidate').first().waitFor();
    expect(await gate.getByTestId('duplicate-candidate').first().textContent()).toContain(existing.name);
    await screenshot(e2e.page, 'duplicates-gate');
    expect(await e2e.query('SELECT 1 FROM child WHERE name = $1', [existing.name_local])).toHaveLength(0);

    await gate.getByLabel('Why is this a different child or family?').fill('the mother says she has twins with similar names');
    await gate.getByRole('button', { name: 'Save anyway' }).click();
    await e2e.page.waitForURL(/\/children\/[0-9a-f-]{36}$/);
    const [saved] = await e2e.query<{ id: string }>('SELECT id FROM child WHERE name = $1', [existing.name_local]);
    expect(saved).toBeTruthy();

    await e2e.page.goto(url('/duplicates'));
    const pair = e2e.page.getByTestId('duplicate-pair').filter({ hasText: 'twins' });
    await pair.waitFor();
    await pair.getByRole('button', { name: 'Same child: merge' }).click();
    await pair.waitFor({ state: 'detached' });
    const [row] = await e2e.query<{ merged_into: string }>('SELECT merged_into FROM child WHERE id = $1', [saved.id]);
    expect(row.merged_into).toBe(existing.id);
  });
});
