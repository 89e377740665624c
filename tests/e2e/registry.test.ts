import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VILLAGES } from '../../src/demo/names';
import { browserSuite, describedBy, describeInChromium, lowContrastText, newContext, screenshot, signIn } from './support';

/**
 * The web app in a real browser against a real server: sign-in, the registry screens, the
 * forms' messages, concurrent edits, a session ending mid-form, Marathi, a 360 px phone.
 * Screenshots of each main screen go to artifacts/screenshots/ (kept by CI).
 * Scenarios share one server, one browser and a signed-in page each, and run in order.
 */
const amravatiVillages = VILLAGES.filter((v) => v.district === 468).map((v) => v.name);
const akolaVillages = VILLAGES.filter((v) => v.district === 467).map((v) => v.name);

describeInChromium('web app in Chromium', () => {
  const e2e = browserSuite(); // its context is caseworker.amravati's (district 468)
  const { url, one } = e2e;
  const count = async (sql: string) => Number((await one<{ n: number }>(sql)).n);
  const villagesShown = async (p: Page) => (await p.getByTestId('village-cell').allTextContents()).map((t) => t.split(' (')[0]);

  it('signs in two roles from two districts; each sees only their own district', async () => {
    await e2e.page.goto(url('/'));
    await e2e.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await screenshot(e2e.page, '01-sign-in');

    // A wrong password is refused on the sign-in screen.
    await e2e.page.getByRole('textbox', { name: /Username/ }).fill('caseworker.amravati');
    await e2e.page.locator('input[name="password"]').fill('wrong');
    await e2e.page.getByRole('button', { name: 'Sign in' }).click();
    await e2e.page.getByText('Username or password is wrong.').waitFor();

    await signIn(e2e.page, 'caseworker.amravati');
    // The first screen is the worker's day (issue #16); the children's list is one click away.
    await e2e.page.waitForURL(/\/home$/);
    await e2e.page.goto(url('/children'));
    const who = await e2e.page.getByTestId('whoami').first().textContent();
    expect(who).toContain('Pradnya Ingle');
    expect(who).toContain('Caseworker');
    expect(who).toContain('Amravati');
    await e2e.page.getByTestId('children-table').waitFor();
    const n468 = await count('SELECT count(*)::int AS n FROM child WHERE district_code = 468');
    expect(await e2e.page.getByTestId('result-count').textContent()).toBe(`${n468} children`);
    const shown = await villagesShown(e2e.page);
    expect(shown.length).toBe(25);
    expect(shown.every((v) => amravatiVillages.includes(v))).toBe(true);
    // The village filter offers only the district's villages.
    const options = await e2e.page.getByLabel('Village').first().locator('option').allTextContents();
    expect(
      options
        .slice(1)
        .map((o) => o.split(' (')[0])
        .sort(),
    ).toEqual([...amravatiVillages].sort());
    await screenshot(e2e.page, '02-children-list');
    expect(await lowContrastText(e2e.page)).toEqual([]);

    const akola = await newContext(e2e.browser);
    const akolaPage = await akola.newPage();
    await akolaPage.goto(url('/children'));
    await signIn(akolaPage, 'dcpo.akola');
    await akolaPage.getByTestId('children-table').waitFor();
    expect(await akolaPage.getByTestId('whoami').first().textContent()).toContain('District Child Protection Officer');
    const n467 = await count('SELECT count(*)::int AS n FROM child WHERE district_code = 467');
    expect(await akolaPage.getByTestId('result-count').textContent()).toBe(`${n467} children`);
    expect((await villagesShown(akolaPage)).every((v) => akolaVillages.includes(v))).toBe(true);
    // An Amravati child's page is "not found" from Akola.
    const amravatiChild = await one<{ id: string }>('SELECT id FROM child WHERE district_code = 468 LIMIT 1');
    await akolaPage.goto(url(`/children/${amravatiChild.id}`));
    await akolaPage.getByText('Not found, or not in your jurisdiction.').waitFor();
    await akola.close();
  });

  it('"Laxmi" finds the records written in Devanagari (लक्ष्मी …)', async () => {
    await e2e.page.goto(url('/children'));
    await e2e.page.getByRole('searchbox', { name: /Search by name/ }).fill('Laxmi');
    await e2e.page.waitForURL(/q=Laxmi/);
    await e2e.page.getByTestId('children-table').getByRole('link', { name: /लक्ष्मी/ }).first().waitFor();
    const names = await e2e.page.getByTestId('children-table').getByRole('link').allTextContents();
    expect(names.some((n) => n.startsWith('लक्ष्मी'))).toBe(true);
    expect(names.some((n) => n.startsWith('Laxmi'))).toBe(true);
    expect(names.every((n) => /Laxmi|लक्ष्मी|Lakshmi/.test(n))).toBe(true);
    await screenshot(e2e.page, '03-search-laxmi');

    // The record in Devanagari shows its Latin spelling beside it.
    await e2e.page
      .getByTestId('children-table')
      .getByRole('link', { name: /^लक्ष्मी/ })
      .first()
      .click();
    await e2e.page.waitForURL(/\/children\/[0-9a-f-]{36}$/);
    await e2e.page.getByRole('heading', { level: 1, name: /लक्ष्मी.*\(Laxmi/ }).waitFor();
    await e2e.page.getByText('Documents', { exact: true }).waitFor();
    await screenshot(e2e.page, '05-child-page');
  });

  it('family page: members, factors, documents and the assessments chart', async () => {
    const fam = await one<{ id: string; head_name: string }>(
      `SELECT f.id, f.head_name FROM family f JOIN assessment a ON a.family_id = f.id WHERE f.district_code = 468
       GROUP BY f.id, f.head_name ORDER BY count(*) DESC, f.head_name LIMIT 1`,
    );
    await e2e.page.goto(url(`/families/${fam.id}`));
    await e2e.page.getByRole('heading', { level: 1, name: new RegExp(fam.head_name) }).waitFor();
    await e2e.page.getByTestId('members-table').waitFor();
    await e2e.page.locator('[data-testid="assessment-chart"] .recharts-line-curve').first().waitFor();
    expect(await e2e.page.getByTestId('assessments-table').locator('tbody tr').count()).toBeGreaterThan(1);
    await e2e.page.getByText('Missing', { exact: true }).first().waitFor();
    await screenshot(e2e.page, '04-family-page-chart');
    expect(await lowContrastText(e2e.page)).toEqual([]);
  });

  it('family form: the reason shows next to the field, then the family saves', async () => {
    await e2e.page.goto(url('/families/new'));
    const form = e2e.page.getByRole('form', { name: 'New family' });
    await form.locator('select[name="locationId"]').selectOption({ label: 'Wadali (वडाळी)' });
    await form.locator('select[name="caregiverType"]').selectOption('single_mother');
    await form.locator('input[name="annualIncome"]').fill('-5000');
    await form.getByRole('button', { name: 'Save' }).click();

    const income = form.locator('input[name="annualIncome"]');
    const head = form.locator('input[name="headName"]');
    await e2e.page.waitForFunction(() => document.querySelector('input[name="annualIncome"]')?.getAttribute('aria-invalid') === 'true');
    expect(await describedBy(e2e.page, income)).toContain('Cannot be negative');
    expect(await describedBy(e2e.page, head)).toContain('Required');
    expect(await form.locator('input[name="occupation"]').getAttribute('aria-invalid')).not.toBe('true');
    expect(await e2e.page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('headName'); // focus on the first refused field
    await screenshot(e2e.page, '06-family-form-errors');
    expect(await lowContrastText(e2e.page)).toEqual([]);

    const before = await count('SELECT count(*)::int AS n FROM family');
    await head.fill('Savita Jadhav');
    await form.locator('input[name="headNameLocal"]').fill('सविता जाधव');
    await income.fill('45000');
    await form.getByRole('checkbox', { name: 'Single parent' }).check();
    await form.getByRole('checkbox', { name: 'Seasonal migration' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await e2e.page.waitForURL(/\/families\/[0-9a-f-]{36}$/);
    await e2e.page.getByRole('heading', { level: 1, name: /Savita Jadhav/ }).waitFor();
    expect(await count('SELECT count(*)::int AS n FROM family')).toBe(before + 1);
    const saved = await one<{ annual_income: number; vulnerability_factors: string[]; village_id: string }>(
      "SELECT annual_income, vulnerability_factors, village_id FROM family WHERE head_name = 'Savita Jadhav'",
    );
    expect(saved).toEqual({
      annual_income: 45000,
      vulnerability_factors: ['single_parent', 'seasonal_migration'],
      village_id: 'vi:demo-wadali',
    });

    // From the new family's page: add a child with an estimated age, then an assessment.
    await e2e.page.getByRole('link', { name: 'Add child' }).click();
    const childForm = e2e.page.getByRole('form', { name: 'New child' });
    await childForm.getByText('Savita Jadhav').waitFor(); // the family it joins
    await childForm.locator('input[name="name"]').fill('सई जाधव');
    await childForm.locator('input[name="nameLocal"]').fill('Sai Jadhav');
    await childForm.locator('select[name="sex"]').selectOption('female');
    await childForm.locator('input[name="ageYears"]').fill('7');
    await childForm.locator('select[name="careStatus"]').selectOption('birth_family');
    await childForm.getByRole('button', { name: 'Save' }).click();
    await e2e.page.getByRole('heading', { level: 1, name: /सई जाधव.*\(Sai Jadhav\)/ }).waitFor();
    await e2e.page.getByText('about 7 years').waitFor();
    await e2e.page.getByRole('link', { name: 'Savita Jadhav' }).click();
    await e2e.page.getByRole('link', { name: 'New assessment' }).click();
    const assessment = e2e.page.getByRole('form', { name: 'New assessment' });
    await assessment
      .getByRole('radiogroup', { name: 'Regular income or livelihood' })
      .getByRole('radio', { name: '2 · Vulnerable' })
      .check();
    await assessment.getByRole('radiogroup', { name: 'Safe shelter' }).getByRole('radio', { name: '3 · Safe' }).check();
    await assessment.getByRole('button', { name: 'Save' }).click();
    await e2e.page.getByTestId('assessments-table').waitFor();
    expect(await e2e.page.getByTestId('assessments-table').locator('tbody tr').count()).toBe(1);
    expect(await e2e.page.getByTestId('assessments-table').locator('tbody tr td').nth(1).textContent()).toBe('2.5');
  });

  it('a child edited in two tabs: the second save shows both versions, reapplies, and saves', async () => {
    const child = await one<{ id: string }>(
      'SELECT id FROM child WHERE district_code = 468 AND school IS NULL AND health_notes IS NULL ORDER BY name LIMIT 1',
    );
    const first = await e2e.context.newPage();
    const second = await e2e.context.newPage();
    await Promise.all([first.goto(url(`/children/${child.id}/edit`)), second.goto(url(`/children/${child.id}/edit`))]);
    await Promise.all([first.locator('input[name="school"]').waitFor(), second.locator('input[name="school"]').waitFor()]);

    await first.locator('input[name="school"]').fill('ZP School Wadali');
    await first.locator('textarea[name="healthNotes"]').fill('Needs glasses');
    await first.getByRole('button', { name: 'Save' }).click();
    await first.waitForURL(new RegExp(`/children/${child.id}$`));

    await second.locator('input[name="school"]').fill('Government Ashram School');
    await second.getByRole('button', { name: 'Save' }).click();
    const conflict = second.getByTestId('conflict');
    await conflict.waitFor();
    const schoolRow = conflict.locator('tr[data-field="school"]');
    expect(await schoolRow.locator('td').nth(0).textContent()).toBe('ZP School Wadali');
    expect(await schoolRow.locator('td').nth(1).textContent()).toBe('Government Ashram School');
    expect(await conflict.locator('tr[data-field="healthNotes"]').textContent()).toContain('Needs glasses');
    await screenshot(second, '07-conflict');
    expect(await lowContrastText(second)).toEqual([]);

    await conflict.getByRole('button', { name: 'Put my changes on their version' }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await second.locator('input[name="school"]').inputValue()).toBe('Government Ashram School');
    expect(await second.locator('textarea[name="healthNotes"]').inputValue()).toBe('Needs glasses');
    await second.getByRole('button', { name: 'Save' }).click();
    await second.waitForURL(new RegExp(`/children/${child.id}$`));
    await second.getByText('Government Ashram School').waitFor();
    await second.getByText('Needs glasses').waitFor();
    const row = await one<{ school: string; health_notes: string; version: number }>(
      `SELECT school, health_notes, version FROM child WHERE id = '${child.id}'`,
    );
    expect(row).toEqual({ school: 'Government Ashram School', health_notes: 'Needs glasses', version: 3 });
    await Promise.all([first.close(), second.close()]);
  });

  it('village vulnerability map: table and chart, drawn without map tiles', async () => {
    const external: string[] = [];
    e2e.page.on('request', (r) => {
      if (!r.url().startsWith(e2e.server.url)) external.push(r.url());
    });
    await e2e.page.goto(url('/map'));
    const table = e2e.page.getByTestId('map-table');
    await table.waitFor();
    await e2e.page.locator('[data-testid="village-chart"] .recharts-bar-rectangle').first().waitFor();
    await e2e.page.locator('[data-testid="factor-chart"] .recharts-bar-rectangle').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(amravatiVillages.length);
    const rajura = table.locator('tbody tr', { hasText: 'Rajura' });
    const atRisk = await count("SELECT count(*)::int AS n FROM family WHERE village_id = 'vi:demo-rajura'");
    expect(await rajura.locator('td').nth(1).textContent()).toBe(String(atRisk));
    expect(await rajura.textContent()).toContain('Begging');
    await screenshot(e2e.page, '08-vulnerability-map');
    expect(await lowContrastText(e2e.page)).toEqual([]);
    expect(external).toEqual([]);
  });

  it('switches to Marathi, and stays in Marathi after a reload', async () => {
    await e2e.page.goto(url('/children'));
    await e2e.page.getByTestId('children-table').waitFor();
    await e2e.page.getByTestId('language-select').first().selectOption('mr');
    await e2e.page.getByRole('heading', { level: 1, name: 'बालके' }).waitFor();
    await e2e.page.getByRole('link', { name: 'कुटुंबे' }).waitFor();
    expect(await e2e.page.getByTestId('whoami').first().textContent()).toContain('केस वर्कर');
    await e2e.page.reload();
    await e2e.page.getByRole('heading', { level: 1, name: 'बालके' }).waitFor();
    expect(await e2e.page.locator('html').getAttribute('lang')).toBe('mr');
    expect(await e2e.page.getByRole('columnheader').first().textContent()).toBe('नाव');
    await screenshot(e2e.page, '09-marathi');
    await e2e.page.getByRole('link', { name: 'असुरक्षितता नकाशा' }).click();
    await e2e.page.getByRole('heading', { level: 1, name: 'गावनिहाय असुरक्षितता नकाशा' }).waitFor();
    await e2e.page.locator('[data-testid="village-chart"] .recharts-bar-rectangle').first().waitFor();
    await screenshot(e2e.page, '09b-marathi-map');
    await e2e.page.getByTestId('language-select').first().selectOption('en');
    await e2e.page.getByRole('heading', { level: 1, name: 'Village vulnerability map' }).waitFor();
  });

  it('a session that ends mid-form returns to sign-in, and the typed text comes back', async () => {
    await e2e.page.goto(url('/families/new'));
    const form = e2e.page.getByRole('form', { name: 'New family' });
    await form.locator('select[name="locationId"]').selectOption({ label: 'Rajura (राजुरा)' });
    await form.locator('input[name="headName"]').fill('Kusum Bhosale');
    await form.locator('input[name="headNameLocal"]').fill('कुसुम भोसले');
    await form.locator('select[name="caregiverType"]').selectOption('grandparent');
    await form.locator('textarea[name="notes"]').fill('Met at the Anganwadi; grandmother cares for three children');

    await e2e.context.clearCookies(); // the session is gone (as after expiry)
    await form.getByRole('button', { name: 'Save' }).click();
    await e2e.page.getByTestId('session-ended').waitFor();
    expect(e2e.page.url()).toMatch(/\/families\/new$/);
    await screenshot(e2e.page, '11-session-ended');

    await signIn(e2e.page, 'caseworker.amravati');
    await e2e.page.getByTestId('draft-restored').waitFor();
    const again = e2e.page.getByRole('form', { name: 'New family' });
    expect(await again.locator('input[name="headName"]').inputValue()).toBe('Kusum Bhosale');
    expect(await again.locator('input[name="headNameLocal"]').inputValue()).toBe('कुसुम भोसले');
    expect(await again.locator('select[name="locationId"]').inputValue()).toBe('vi:demo-rajura');
    expect(await again.locator('textarea[name="notes"]').inputValue()).toContain('grandmother cares');
    await screenshot(e2e.page, '12-draft-restored');
    await again.getByRole('button', { name: 'Save' }).click();
    await e2e.page.getByRole('heading', { level: 1, name: /Kusum Bhosale/ }).waitFor();
  });

  it('signing out in another tab ends the session here too; the edit survives', async () => {
    const child = await one<{ id: string }>(
      'SELECT id FROM child WHERE district_code = 468 AND disability IS NULL ORDER BY name DESC LIMIT 1',
    );
    await e2e.page.goto(url(`/children/${child.id}/edit`));
    await e2e.page.locator('input[name="disability"]').fill('Low vision');
    const other = await e2e.context.newPage();
    await other.goto(url('/children'));
    await other.getByRole('button', { name: 'Sign out' }).click();
    await other.getByRole('button', { name: 'Sign in' }).waitFor();
    await e2e.page.getByTestId('session-ended').waitFor(); // no request needed: the other tab told this one
    await other.close();
    await signIn(e2e.page, 'caseworker.amravati');
    expect(await e2e.page.locator('input[name="disability"]').inputValue()).toBe('Low vision');
    await e2e.page.getByRole('button', { name: 'Save' }).click();
    await e2e.page.waitForURL(new RegExp(`/children/${child.id}$`));
    await e2e.page.getByText('Low vision').waitFor();
  });

  it('exports the list for a role that may, and offers nothing a nodal officer may not do', async () => {
    await e2e.page.goto(url('/children?careStatus=kinship_care'));
    const href = await e2e.page.getByTestId('export-csv').getAttribute('href');
    expect(href).toBe('/api/v1/children/export?careStatus=kinship_care&format=csv');
    const csv = await e2e.page.request.get(url(href!));
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^id,name,name_local/);
    expect(lines.length - 1).toBe(
      await count("SELECT count(*)::int AS n FROM child WHERE district_code = 468 AND care_status = 'kinship_care'"),
    );

    const nodal = await newContext(e2e.browser);
    const np = await nodal.newPage();
    await np.goto(url('/children'));
    await signIn(np, 'nodal.education');
    await np.getByTestId('children-table').waitFor();
    expect(await np.getByRole('link', { name: 'New child' }).count()).toBe(0);
    expect(await np.getByTestId('export-csv').count()).toBe(0);
    expect(await np.getByRole('link', { name: 'Vulnerability map' }).count()).toBe(0);
    expect(await np.getByRole('columnheader', { name: 'Care status' }).count()).toBe(0); // names only (JJ Act s.74)
    // …and the server refuses it anyway.
    const refused = await np.request.post(url('/api/v1/children'), {
      data: { locationId: 'vi:demo-rajura', name: 'X', sex: 'male', careStatus: 'birth_family', ageYears: 5 },
    });
    expect(refused.status()).toBe(403);
    await np.goto(url('/map'));
    await np.getByText('Your role may not do this.').waitFor();
    await nodal.close();
  });

  it('works on a 360-pixel-wide phone', async () => {
    const phone = await newContext(e2e.browser, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const p = await phone.newPage();
    await p.goto(url('/'));
    await screenshot(p, '10a-phone-sign-in', { fullPage: false });
    await signIn(p, 'aww.rajura');
    await p.goto(url('/children'));
    await p.getByTestId('children-cards').waitFor();
    expect(await p.getByTestId('whoami').nth(1).isVisible()).toBe(true);
    expect(await p.getByTestId('whoami').nth(1).textContent()).toContain('Rajura');
    const cards = await p.getByTestId('children-cards').locator('a').allTextContents();
    expect(cards.length).toBeGreaterThan(0);
    // Nothing wider than the screen: no sideways scrolling.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(p, '10-phone-children', { fullPage: false });
    await p.getByRole('button', { name: 'Menu' }).click();
    await p.getByRole('link', { name: 'Families' }).click();
    await p.getByRole('heading', { level: 1, name: 'Families' }).waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await p
      .getByRole('link')
      .filter({ hasText: /\w/ })
      .locator('xpath=ancestor::div[contains(@class,"mantine-Card-root")]//a')
      .first()
      .click();
    await p.waitForURL(/\/families\/[0-9a-f-]{36}$/);
    await p.locator('[data-testid="assessment-chart"] .recharts-line-curve').first().waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await p.getByTestId('assessment-chart').scrollIntoViewIfNeeded();
    await screenshot(p, '10b-phone-family', { fullPage: false });
    await phone.close();
  });
});
