import { expect, it } from 'vitest';
import { browserSuite, describeInChromium, screenshot } from './support';

/**
 * Schemes in the browser: a missing document on an application's checklist becomes a
 * convergence action item for the issuing department, and the family's eligibility reasons
 * follow the interface language (English → Marathi) with Latin digits.
 */
describeInChromium('schemes: documents and reasons in Chromium', () => {
  const e2e = browserSuite({ signIn: 'caseworker.amravati' });
  const { url, one } = e2e;

  it('turns a missing document into a convergence action item for the department and shows its status', async () => {
    // A family on the Bal Sangopan worklist (a document still to get), with an application opened for it.
    const app = await e2e.page.evaluate(async (today) => {
      const w = await (await fetch('/api/v1/scheme-worklist?schemeId=mh-bal-sangopan&pageSize=100')).json();
      const item = w.items.find((i: { schemes: { subjects: unknown[] }[] }) => i.schemes[0].subjects.length === 1);
      const res = await fetch('/api/v1/scheme-applications', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ schemeId: 'mh-bal-sangopan', familyId: item.familyId, childId: item.schemes[0].subjects[0].id, on: today }),
      });
      return (await res.json()) as { id: string };
    }, e2e.istDay());
    expect(app.id).toBeTruthy();
    await e2e.page.goto(url(`/scheme-applications/${app.id}`));
    const button = e2e.page.getByRole('button', { name: 'Action item for the department' }).first();
    await button.waitFor();
    const doc = (await e2e.page.locator('[data-testid^="checklist-"]', { has: button }).first().getAttribute('data-testid'))!.slice(
      'checklist-'.length,
    );
    const card = e2e.page.getByTestId(`checklist-${doc}`);
    await button.click();
    await card.getByTestId('followup-convergence_action').waitFor();
    expect(await card.getByTestId('followup-convergence_action').textContent()).toContain('Convergence action item: open');
    await screenshot(e2e.page, 'schemes-01-action-item');
    const row = await one<{ follow_up: string; convergence_action_id: string; department: string }>(
      `SELECT r.follow_up, r.convergence_action_id, a.department FROM document_request r JOIN convergence_action a ON a.id = r.convergence_action_id
        WHERE r.application_id = $1 AND r.doc_type = $2`,
      [app.id, doc],
    );
    expect(row).toMatchObject({ follow_up: 'convergence_action' });
    expect(row.department).toBeTruthy();
  });

  it("shows a family's eligibility reasons in the interface language", async () => {
    const fam = await one<{ family_id: string }>(
      `SELECT family_id FROM scheme_application WHERE district_code = 468 AND scheme_id = 'mh-bal-sangopan' ORDER BY id LIMIT 1`,
    );
    await e2e.page.goto(url(`/families/${fam.family_id}/schemes`));
    await e2e.page.getByText('lives in Maharashtra (state LGD 27)').first().waitFor();
    await e2e.page.getByTestId('language-select').first().selectOption('mr');
    await e2e.page.getByText('महाराष्ट्र (राज्य LGD 27) मध्ये राहतात').first().waitFor();
    const items = (await e2e.page.locator('li').allTextContents()).join('\n');
    expect(items).not.toContain('lives in Maharashtra');
    expect(items).toMatch(/वय \d+, 0–17 च्या आत आहे/);
    expect(items).not.toMatch(/[०-९]/); // Latin digits in Marathi too
    await screenshot(e2e.page, 'schemes-02-reasons-marathi');
    await e2e.page.getByTestId('language-select').first().selectOption('en');
    await e2e.page.getByText('lives in Maharashtra (state LGD 27)').first().waitFor();
  });
});
