import { expect, it } from 'vitest';
import { browserSuite, describeInChromium, screenshot, signIn } from './support';

/**
 * What the server withholds is labelled, not left blank (src/access/fields.ts): a department
 * nodal officer sees a child's age but "withheld (JJ Act s.74)" for the date of birth, and,
 * under a CWC non-disclosure order, the child's initials with a badge saying why.
 */
describeInChromium('withheld fields on the child page in Chromium', () => {
  const e2e = browserSuite();
  const { url } = e2e;

  it('nodal.education sees the age, the date of birth labelled withheld, and initials under a CWC order', async () => {
    const [k] = await e2e.query<{ case_id: string; child_id: string; name: string; state_code: number; district_code: number }>(
      `SELECT k.id AS case_id, c.id AS child_id, c.name, k.state_code, k.district_code FROM case_record k JOIN child c ON c.id = k.child_id
        WHERE k.district_code = 468 AND k.status <> 'closed' AND c.name LIKE '% %' AND c.dob IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM case_non_disclosure_order o WHERE o.case_id = k.id)
        ORDER BY k.number DESC LIMIT 1`,
    );
    expect(k).toBeTruthy();
    await e2e.page.goto(url(`/children/${k.child_id}`));
    await signIn(e2e.page, 'nodal.education');
    await e2e.page.getByText(k.name).first().waitFor();
    const withheld = e2e.page.getByTestId('withheld');
    await withheld.first().waitFor();
    expect(await withheld.first().textContent()).toBe('withheld (JJ Act s.74)');
    expect(await e2e.page.getByTestId('initials-only').count()).toBe(0);

    // The CWC records an order (as its route would): the page now shows initials and says why.
    const [cwc] = await e2e.query<{ id: string }>("SELECT id FROM app_user WHERE username = 'cwc.amravati'");
    await e2e.query(
      `INSERT INTO case_non_disclosure_order (case_id, state_code, district_code, order_ref, ordered_on, set_by, set_at)
       VALUES ($1, $2, $3, 'CWC/AMR/2026/201', CURRENT_DATE - 1, $4, now())`,
      [k.case_id, k.state_code, k.district_code, cwc.id],
    );
    await e2e.page.reload();
    await e2e.page.getByTestId('initials-only').waitFor();
    expect(await e2e.page.getByTestId('initials-only').textContent()).toContain('initials only');
    expect(await e2e.page.content()).not.toContain(k.name);
    await screenshot(e2e.page, 'child-withheld-initials');
  });
});
