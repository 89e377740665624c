import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, describeInChromium, signIn } from './support';

/**
 * Issue #17: WCAG 2.1 AA on the main screens. axe-core (pinned in package.json) runs in the page
 * after each screen has drawn; a serious or critical violation fails the test and names the rule
 * and the elements, so the fix is findable.
 */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    const res = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return res.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}; ${v.nodes[0]?.failureSummary ?? ''}`,
    );
}

describeInChromium('accessibility of the main screens (axe-core, WCAG 2.1 AA)', () => {
  const s = browserSuite();

  it('the sign-in page and the public report page', async () => {
    const page = s.page;
    await page.goto(s.url('/'));
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(s.url('/report-a-child'));
    await page.locator('main').first().waitFor();
    await page.getByRole('textbox').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('home, the registry list, a child and a case, signed in as the district officer', async () => {
    const page = s.page;
    await page.goto(s.url('/'));
    await signIn(page, 'dcpo.amravati');
    await page.locator('main h1, main h2').first().waitFor();
    expect(await seriousViolations(page), 'home').toEqual([]);

    await page.goto(s.url('/children'));
    await page.locator('main a[href^="/children/"]').first().waitFor();
    expect(await seriousViolations(page), 'children').toEqual([]);
    const child = await s.one<{ id: string }>('SELECT id FROM child WHERE district_code = 468 ORDER BY id LIMIT 1');
    await page.goto(s.url(`/children/${child.id}`));
    await page.locator('main h1, main h2').first().waitFor();
    expect(await seriousViolations(page), 'a child').toEqual([]);

    const { id } = await s.one<{ id: string }>(
      "SELECT id FROM case_record WHERE district_code = 468 AND status <> 'closed' ORDER BY number LIMIT 1",
    );
    await page.goto(s.url(`/cases/${id}`));
    await page.locator('main h1, main h2').first().waitFor();
    expect(await seriousViolations(page), 'a case').toEqual([]);
  });
});
