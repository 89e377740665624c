import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { browserSuite, describeInChromium, screenshot } from './support';
import { IMPORT_COLUMNS } from '../../src/registry/import/import.row';

/**
 * The import screen (issue #17: /import answered "This page does not exist"): the DCPU officer
 * chooses a CSV, sees the dry run's refused rows by line and column with nothing written, then
 * imports the valid rows and opens a created child from the result.
 */
describeInChromium('the import screen in Chromium', () => {
  const e2e = browserSuite({ signIn: 'dcpo.amravati' });
  const { url } = e2e;

  it('dcpo.amravati checks a file, sees the refused row, imports the rest and opens a child', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'import-e2e-')), 'register.csv');
    writeFileSync(
      file,
      [
        IMPORT_COLUMNS.join(','),
        'E1,Amravati,Bhatkuli,Nimbhora,Eimport Sawarkar,,single_father,36000,,Ebrowser Sawarkar,,m,2014-05-01,,birth_family,enrolled',
        'E2,Amravati,,Wadali,Eimport Gawande,,grandparent,,,Ebrowsertwo Gawande,,x,2015-01-01,,kinship_care,',
      ].join('\n'),
    );
    await e2e.page.goto(url('/'));
    await e2e.page.getByRole('link', { name: 'Import' }).first().click();
    await e2e.page.getByRole('heading', { name: 'Import children and families' }).waitFor();
    await e2e.page.locator('input[type="file"]').setInputFiles(file);

    const rows = e2e.page.getByTestId('import-rows');
    await rows.waitFor();
    const refused = rows.getByRole('row').filter({ hasText: 'Error' });
    expect(await refused.textContent()).toMatch(/^3.*Sex/);
    expect(await e2e.query("SELECT 1 FROM child WHERE name LIKE 'Ebrowser%'")).toHaveLength(0);
    await screenshot(e2e.page, 'import-dry-run');

    await e2e.page.getByRole('button', { name: 'Import 1 child' }).click();
    const done = e2e.page.getByTestId('import-done');
    await done.waitFor();
    expect(await e2e.query("SELECT 1 FROM child WHERE name LIKE 'Ebrowser%'")).toHaveLength(1);
    await done.getByRole('link', { name: 'Open the child' }).click();
    await e2e.page.waitForURL(/\/children\/[0-9a-f-]{36}$/);
  });
});
