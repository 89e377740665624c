import { expect, it } from 'vitest';
import { browserSuite, describedBy, describeInChromium, newContext, screenshot, signIn } from './support';

/**
 * One's own account in a real browser: the sessions list (this browser and another device),
 * revoking the other device (its next request goes back to sign-in), changing the password
 * with the server's reasons on the fields; and an administrator's reset, after which the
 * one-time password opens only the change-password screen.
 */
describeInChromium('account and users screens in Chromium', () => {
  const e2e = browserSuite();
  const { url } = e2e;

  it('caseworker.akola revokes another device and changes the password', async () => {
    const other = await newContext(e2e.browser);
    const phone = await other.newPage();
    await phone.goto(url('/'));
    await signIn(phone, 'caseworker.akola');

    const page = e2e.page;
    await page.goto(url('/account'));
    await signIn(page, 'caseworker.akola');
    const rows = page.getByTestId('session-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    await page.locator('[data-testid="session-row"][data-current="true"]').getByText('This browser').waitFor();
    await screenshot(page, 'account-sessions');

    // Revoke the other device: its next request finds the session gone.
    await page.locator('[data-testid="session-row"][data-current="false"]').getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Revoked: it can no longer be used.').waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    await phone.reload();
    await phone.getByRole('button', { name: 'Sign in' }).waitFor();
    const [{ n }] = await e2e.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE u.username = 'caseworker.akola' AND s.revoked_at IS NOT NULL",
    );
    expect(n).toBe(1);

    // Change the password: the server's reasons land on their fields.
    const form = page.getByTestId('change-password');
    const current = form.locator('input[name="currentPassword"]');
    const fresh = form.locator('input[name="newPassword"]');
    const confirm = form.locator('input[name="confirm"]');
    await current.fill('not-my-password-1');
    await fresh.fill('Password1234');
    await confirm.fill('Password1234');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => describedBy(page, current)).toContain('Wrong password');
    await current.fill('vatsalya2026');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => describedBy(page, fresh)).toContain('common word');
    await fresh.fill('tamarind-lantern-river');
    await confirm.fill('tamarind-lantern-rivet');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => describedBy(page, confirm)).toContain('differ');
    await confirm.fill('tamarind-lantern-river');
    await form.getByRole('button', { name: 'Change password' }).click();
    await page.getByTestId('password-changed').waitFor();

    // The old password no longer opens the account; the new one does.
    await phone.getByRole('textbox', { name: /Username/ }).fill('caseworker.akola');
    await phone.locator('input[name="password"]').fill('vatsalya2026');
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.getByText('Username or password is wrong.').waitFor();
    await signIn(phone, 'caseworker.akola', 'tamarind-lantern-river');
    await other.close();
  });

  it('an administrator resets a password; the one-time password only opens the change-password screen', async () => {
    const adminContext = await newContext(e2e.browser);
    const admin = await adminContext.newPage();
    await admin.goto(url('/users'));
    await signIn(admin, 'admin');
    const row = admin.getByTestId('user-dcpo.akola');
    await row.getByRole('button', { name: 'Reset password' }).click();
    await admin.getByTestId('confirm-user-action').getByRole('button', { name: 'Yes, go ahead' }).click();
    const otp = (await admin.getByTestId('one-time-password-value').textContent())!.trim();
    expect(otp).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await row.getByText('Must choose a new password').waitFor();
    await screenshot(admin, 'users-admin');

    const userContext = await newContext(e2e.browser);
    const user = await userContext.newPage();
    await user.goto(url('/'));
    await user.getByRole('textbox', { name: /Username/ }).fill('dcpo.akola');
    await user.locator('input[name="password"]').fill(otp);
    await user.getByRole('button', { name: 'Sign in' }).click();
    await user.getByText('An administrator reset your password.').waitFor();
    await user.locator('input[name="currentPassword"]').fill(otp);
    await user.locator('input[name="newPassword"]').fill('saffron-ledger-monsoon');
    await user.locator('input[name="confirm"]').fill('saffron-ledger-monsoon');
    await user.getByRole('button', { name: 'Change password' }).click();
    await user.locator('[data-testid="whoami"]:visible').first().waitFor();

    // Deactivated: the badge shows, and the user's open page is signed out at its next request.
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await admin.getByTestId('confirm-user-action').getByRole('button', { name: 'Yes, go ahead' }).click();
    await row.getByText('Deactivated').waitFor();
    await user.reload();
    await user.getByRole('button', { name: 'Sign in' }).waitFor();
    await adminContext.close();
    await userContext.close();
  });
});
