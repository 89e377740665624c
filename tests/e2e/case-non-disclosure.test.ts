import { expect, it } from 'vitest';
import { browserSuite, describedBy, describeInChromium, screenshot, signIn } from './support';

/**
 * A CWC non-disclosure order (JJ Act 2015 s.74(1)) on the case page in a real browser: the
 * CWC member records one — a missing reference and a future date are refused on their
 * fields — and sees the order (reference and date) shown on the case.
 */
describeInChromium('CWC non-disclosure order on the case page in Chromium', () => {
  const e2e = browserSuite();
  const { url } = e2e;
  // Days in India on the server's clock (the server and the form judge "future" by IST).
  const istDay = (offsetDays: number) => e2e.istDay(offsetDays);

  it('cwc.amravati sets an order on a case and sees it shown', async () => {
    const [kase] = await e2e.query<{ id: string }>(
      `SELECT c.id FROM case_record c WHERE c.district_code = 468 AND c.status <> 'closed'
          AND NOT EXISTS (SELECT 1 FROM case_non_disclosure_order o WHERE o.case_id = c.id)
        ORDER BY c.number LIMIT 1`,
    );
    expect(kase).toBeTruthy();

    await e2e.page.goto(url(`/cases/${kase.id}`));
    await signIn(e2e.page, 'cwc.amravati');
    const card = e2e.page.getByTestId('non-disclosure');
    await card.getByText("No order restricts the child's identity.").waitFor();
    await card.getByRole('button', { name: 'Record an order' }).click();
    const form = card.locator('form[aria-label="Record an order"]');

    // Nothing filled: both fields say so, nothing is sent.
    await form.getByRole('button', { name: 'Save' }).click();
    expect(await describedBy(e2e.page, form.locator('input[name="orderRef"]'))).toContain('Required');
    expect(await describedBy(e2e.page, form.locator('input[name="orderedOn"]'))).toContain('Required');

    // A future date is refused on the date's field.
    await form.locator('input[name="orderRef"]').fill('CWC/AMR/2026/118');
    await form.locator('input[name="orderedOn"]').fill(istDay(3));
    await form.getByRole('button', { name: 'Save' }).click();
    expect(await describedBy(e2e.page, form.locator('input[name="orderedOn"]'))).toContain('cannot be in the future');
    expect(await describedBy(e2e.page, form.locator('input[name="orderRef"]'))).not.toContain('Required');
    expect(await e2e.query('SELECT 1 FROM case_non_disclosure_order WHERE case_id = $1', [kase.id])).toHaveLength(0);

    const orderedOn = istDay(-2);
    await form.locator('input[name="orderedOn"]').fill(orderedOn);
    await form.getByRole('button', { name: 'Save' }).click();

    // Shown on the case: reference and date, in force.
    const shown = card.getByTestId('non-disclosure-order');
    await shown.waitFor();
    expect(await shown.textContent()).toContain('Order CWC/AMR/2026/118 of');
    await card.getByText('In force').waitFor();
    await card.getByRole('button', { name: 'Change the order' }).waitFor();
    const [row] = await e2e.query<{ order_ref: string; ordered_on: string }>(
      "SELECT order_ref, to_char(ordered_on, 'YYYY-MM-DD') AS ordered_on FROM case_non_disclosure_order WHERE case_id = $1",
      [kase.id],
    );
    expect(row).toEqual({ order_ref: 'CWC/AMR/2026/118', ordered_on: orderedOn });

    // Still there after a reload (read from the server).
    await e2e.page.reload();
    await e2e.page.getByTestId('non-disclosure-order').waitFor();
    expect(await e2e.page.getByTestId('non-disclosure-order').textContent()).toContain('CWC/AMR/2026/118');
    await screenshot(e2e.page, 'case-non-disclosure-order');

    // Another CWC member changes the order while this one edits it: the stale save is refused
    // (409, the card shows the order as it stands), nothing is overwritten.
    const card2 = e2e.page.getByTestId('non-disclosure');
    await card2.getByRole('button', { name: 'Change the order' }).click();
    const edit = card2.locator('form[aria-label="Record an order"]');
    await edit.locator('input[name="orderRef"]').fill('CWC/AMR/2026/119');
    const api = url(`/api/v1/cases/${kase.id}/non-disclosure-order`);
    const other = await e2e.page.request.put(api, { data: { orderRef: 'CWC/AMR/2026/120', orderedOn, version: 1 } });
    expect(other.status()).toBe(200);
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByRole('alert').getByText('Someone else changed this record.').waitFor();
    const stored = () =>
      e2e.query<{ order_ref: string; version: number }>('SELECT order_ref, version FROM case_non_disclosure_order WHERE case_id = $1', [
        kase.id,
      ]);
    expect(await stored()).toEqual([{ order_ref: 'CWC/AMR/2026/120', version: 2 }]);
    await expect.poll(() => card2.getByTestId('non-disclosure-order').textContent()).toContain('CWC/AMR/2026/120');

    // Saved again, now against the version shown.
    await edit.getByRole('button', { name: 'Save' }).click();
    await card2.getByRole('button', { name: 'Change the order' }).waitFor();
    expect(await stored()).toEqual([{ order_ref: 'CWC/AMR/2026/119', version: 3 }]);
    await expect.poll(() => card2.getByTestId('non-disclosure-order').textContent()).toContain('CWC/AMR/2026/119');

    // Lifted against the version read.
    e2e.page.once('dialog', (d) => void d.accept());
    await card2.getByRole('button', { name: 'Lift the order' }).click();
    await card2.getByText("No order restricts the child's identity.").waitFor();
    expect(await stored()).toEqual([]);
  }, 120_000);
});
