import { expect, it } from 'vitest';
import { browserSuite, describeInChromium, newContext, screenshot, signIn } from './support';

/**
 * The home after sign-in (issue #16): the DCPU officer lands on the district's figures with
 * their 12-month trend charts; the CWC member lands on the pendency table, which sorts by its
 * column headers.
 */
describeInChromium('dashboards: homes in Chromium', () => {
  const e2e = browserSuite({ signIn: 'dcpo.amravati' });
  const { url } = e2e;

  it('the DCPU officer signs in and lands on the district home with trend charts', async () => {
    const page = e2e.page;
    await page.getByTestId('indicator-grid').waitFor();
    expect(new URL(page.url()).pathname).toBe('/home');
    await page.getByTestId('indicator-children_identified').waitFor();
    // Recharts draws each trend as an SVG line.
    await page.locator('.trend-chart svg.recharts-surface').first().waitFor();
    expect(await page.locator('.trend-chart svg.recharts-surface').count()).toBeGreaterThan(5);
    expect(await page.locator('.trend-chart .recharts-line-curve').count()).toBeGreaterThan(5);
    // Care and the helpline are counted now: a figure, no "not yet available".
    for (const id of ['children_in_institutional_care', 'children_in_family_based_care', 'helpline_reached_in_target']) {
      const text = (await page.getByTestId(`indicator-${id}`).textContent()) ?? '';
      expect(text, id).toMatch(/\d/);
      expect(text, id).not.toContain('Not yet available');
    }
    // A figure opens its breakdown.
    await page.getByTestId('indicator-children_identified').getByRole('button').click();
    await page.getByTestId('breakdown').getByText('Girls').first().waitFor();
    await screenshot(page, 'dashboards-01-district-home');
  });

  it('the CWC member lands on the pendency table, which sorts by days pending both ways', async () => {
    const context = await newContext(e2e.browser);
    const page = await context.newPage();
    try {
      await page.goto(url('/'));
      await signIn(page, 'cwc.amravati');
      await page.getByTestId('pendency-table').waitFor();
      const days = async () => (await page.getByTestId('days-pending').allTextContents()).map(Number);
      expect((await days()).length).toBeGreaterThan(1);
      const header = page.getByTestId('sort-days_pending');
      await header.click();
      await page.locator('th[aria-sort="descending"]').getByTestId('sort-days_pending').waitFor();
      // The previous order stays on screen, marked busy, until the server's new order arrives.
      await page.locator('[data-testid="pendency-table"][aria-busy="false"]').waitFor();
      const desc = await days();
      expect(desc).toEqual([...desc].sort((a, b) => b - a));
      await header.click();
      await page.locator('th[aria-sort="ascending"]').getByTestId('sort-days_pending').waitFor();
      await page.locator('[data-testid="pendency-table"][aria-busy="false"]').waitFor();
      const asc = await days();
      expect(asc).toEqual([...asc].sort((a, b) => a - b));
      expect(asc).not.toEqual(desc);
      await screenshot(page, 'dashboards-02-cwc-pendency');
    } finally {
      await context.close();
    }
  });
});
