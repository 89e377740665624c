import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { GPS_MARK, pngWithGps } from '../../src/missing/photos.fixtures';
import { browserAvailable, ensureWebBuilt, launchBrowser, newContext, screenshot, signIn, startServer, type Server } from './support';

/**
 * Photos on the public missing-child form (/report-a-child): a citizen attaches a photo, the
 * submission is held for moderation with it, and a signed-in official of the district sees it
 * (metadata removed) on the review screen; the citizen never gets it back.
 */
const run = browserAvailable();

describe.skipIf(!run)('a photo on the public form', () => {
  let server: Server;
  let browser: Browser;
  let citizen: BrowserContext;
  let official: BrowserContext;
  let page: Page;
  const photoFile = join(mkdtempSync(join(tmpdir(), 'samanvay-photo-')), 'child.png');

  beforeAll(async () => {
    writeFileSync(photoFile, pngWithGps());
    await ensureWebBuilt();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    citizen = await newContext(browser);
    page = await citizen.newPage();
  }, 300_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page && !page.isClosed()) await screenshot(page, `FAILED-photo-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pick = async (label: string, option: string) => {
    await page.getByRole('textbox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  it('a citizen attaches a photo to a missing-child report and gets a reference number only', async () => {
    await page.goto(`${server.url}/report-a-child`);
    await page.getByLabel("Child's name").fill('Vaishnavi Ramesh Dhurve');
    await pick('Sex', 'Girl');
    await page.getByLabel('Age (years)').fill('8');
    await page.getByLabel("Father's name").fill('Ramesh Dhurve');
    await pick('Home district', 'Amravati');
    await page.getByLabel('Your name').fill('Sangita Dhurve');
    await page.getByLabel('Relation to the child').fill('mother');
    await page.getByLabel('Phone number').fill('9822033333');
    await page.locator('input[type="file"]').setInputFiles(photoFile);
    await expect.poll(() => page.getByTestId('photo-input').textContent()).toContain('child.png');
    await page.getByTestId('submit-report').click();
    const reference = (await page.getByTestId('public-reference').textContent()) ?? '';
    const ref = /MR-(\d+)/.exec(reference);
    expect(ref).not.toBeNull();
    await screenshot(page, 'missing-public-photo-sent');
    const [row] = await server.ctx.database.query<{ id: string; status: string; photo_content_type: string | null }>(
      'SELECT id, status, photo_content_type FROM missing_record WHERE number = $1', [Number(ref![1])],
    );
    expect(row).toMatchObject({ status: 'pending_moderation', photo_content_type: 'image/png' });
    // The citizen's browser has no way to the photo.
    const res = await page.request.get(`${server.url}/api/v1/missing/records/${row.id}/photo`);
    expect(res.status()).toBe(401);

    // The district's official sees the held photo, without the location the file carried.
    official = await newContext(browser);
    const op = await official.newPage();
    await op.goto(`${server.url}/missing/records/${row.id}`);
    await signIn(op, 'dcpo.amravati');
    const img = op.getByRole('img', { name: 'Photo of the child' });
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
    const served = await op.request.get(`${server.url}/api/v1/missing/records/${row.id}/photo`);
    expect(served.status()).toBe(200);
    expect((await served.body()).includes(Buffer.from(GPS_MARK))).toBe(false);

    // Accepted, it meets a found child; the review screen shows the photo beside the other record.
    expect((await op.request.post(`${server.url}/api/v1/missing/records/${row.id}/moderation`, { data: { decision: 'accept' } })).status()).toBe(200);
    const found = await op.request.post(`${server.url}/api/v1/missing/found-children`, {
      data: { name: 'वैष्णवी धुर्वे', sex: 'female', ageYears: 8, fatherName: 'रमेश', districtCode: 468, foundOn: new Date().toISOString().slice(0, 10), foundPlace: 'Badnera railway station', source: 'railway_police' },
    });
    expect(found.status()).toBe(201);
    const matches = await (await op.request.get(`${server.url}/api/v1/missing/matches?recordId=${row.id}`)).json();
    expect(matches.items.length).toBeGreaterThan(0);
    await op.goto(`${server.url}/missing/matches/${matches.items[0].id}`);
    const side = op.getByTestId('match-photo-missing');
    await side.waitFor();
    await expect.poll(() => side.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
    expect(await op.getByTestId('match-photo-found').count()).toBe(0);
    await screenshot(op, 'missing-match-with-photo');
  }, 120_000);
});
