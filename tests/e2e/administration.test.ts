import { expect, it } from 'vitest';
import { browserSuite, describeInChromium, screenshot, signIn } from './support';

/**
 * The Administration area in a real browser (issue #12): Amravati's district administrator
 * creates a village child protection committee for a village of the district and a user for
 * it, and is refused one in a village of Akola (403 on the place, nothing written).
 */
describeInChromium('administration of the hierarchy in Chromium', () => {
  const e2e = browserSuite();
  const { url } = e2e;

  it('admin.amravati creates a VCPC and its member, and is refused a VCPC in Akola', async () => {
    const [village] = await e2e.query<{ id: string }>(
      `INSERT INTO location (id, level, name, parent_id, state_code, district_code, subdistrict_code, block_code)
       VALUES ('vi:e2e-belora', 'village', 'Belora', 'sd:4005', 27, 468, 4005, 4303) RETURNING id`,
    );
    await e2e.page.goto(url('/admin'));
    await signIn(e2e.page, 'admin.amravati');
    await e2e.page.getByRole('table', { name: 'Administration' }).waitFor();
    await screenshot(e2e.page, 'administration-organisations');

    await e2e.page.getByRole('button', { name: 'New organisation' }).click();
    const form = e2e.page.getByRole('form', { name: 'New organisation' });
    await form.locator('select[name="kind"]').selectOption('VCPC');
    await form.locator(`select[name="placeId"] option[value="${village.id}"]`).waitFor({ state: 'attached' });
    await form.locator('select[name="placeId"]').selectOption(village.id);
    await form.locator('input[name="name"]').fill('Village Child Protection Committee, Belora');
    await form.locator('input[name="nameLocal"]').fill('ग्राम बाल संरक्षण समिती, बेलोरा');
    await form.getByRole('button', { name: 'Create' }).click();
    await e2e.page.waitForURL(/\/admin\/organisations\/[0-9a-f-]{36}$/);
    const [org] = await e2e.query<{ id: string; kind: string; level: string; village_id: string }>(
      "SELECT id, kind, level, village_id FROM organisation WHERE name = 'Village Child Protection Committee, Belora'",
    );
    expect(org).toMatchObject({ kind: 'VCPC', level: 'village', village_id: village.id });

    const userForm = e2e.page.getByRole('form', { name: 'New user' });
    await userForm.locator('input[name="username"]').fill('vcpc.belora');
    await userForm.locator('input[name="displayName"]').fill('Sarita Wankhade');
    await userForm.locator('input[name="password"]').fill('belora-vcpc-2026');
    await userForm.locator('select[name="role"]').selectOption('frontline_worker');
    await userForm.getByRole('button', { name: 'Create' }).click();
    await e2e.page.getByRole('table', { name: 'Users of this organisation' }).getByText('vcpc.belora').waitFor();
    const [member] = await e2e.query<{ organisation_id: string; scope_level: string; village_id: string }>(
      "SELECT organisation_id, scope_level, village_id FROM app_user WHERE username = 'vcpc.belora'",
    );
    expect(member).toEqual({ organisation_id: org.id, scope_level: 'village', village_id: village.id });
    await screenshot(e2e.page, 'administration-organisation');

    // Akola is not theirs: the server refuses on the place, and nothing is written.
    await e2e.page.goto(url('/admin'));
    await e2e.page.getByRole('button', { name: 'New organisation' }).click();
    const again = e2e.page.getByRole('form', { name: 'New organisation' });
    await again.locator('select[name="kind"]').selectOption('VCPC');
    await again.locator('select[name="district"]').selectOption('467');
    await again.locator('select[name="placeId"] option[value="vi:demo-umri"]').waitFor({ state: 'attached' });
    await again.locator('select[name="placeId"]').selectOption('vi:demo-umri');
    await again.locator('input[name="name"]').fill('Another VCPC, Umri');
    await again.getByRole('button', { name: 'Create' }).click();
    await again.getByText('Outside your jurisdiction').waitFor();
    expect(await e2e.query("SELECT 1 FROM organisation WHERE name = 'Another VCPC, Umri'")).toHaveLength(0);
  });
});
