import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, describeInChromium, newContext, screenshot, signIn } from './support';

/**
 * Issue #17, "What was seen", in Chromium: each check would have caught what was reported.
 * A phone is 360 × 740 CSS pixels, touch, Android Chrome.
 */
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Latin words of 3+ letters in the visible chrome (headings, buttons, labels, headers, menu), minus codes and names. */
const ALLOWED =
  /^(CWC|DCPU|DCPO|SIR|ICP|CSV|Excel|PDF|Samanvay|LGD|JJ|Aadhaar|DLSA|NGO|CCI|PM|CARES|RTE|PDS|SMS|OTP|ID|AWW|TCPC|VCPC|BPL|NFBS|XLSX)$/;
async function englishInChrome(page: Page): Promise<string[]> {
  const texts = await page
    .locator('main h1, main h2, main h3, main button, main label, main th, nav a, nav button, [data-testid="bottom-bar"] a')
    .allInnerTexts();
  return texts.flatMap((s) => (s.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !ALLOWED.test(w)).map((w) => `${w} (in "${s.trim()}")`));
}

describeInChromium('a web app for the field (issue #17)', () => {
  const s = browserSuite();

  it('serves hashed assets compressed and immutable, and index.html revalidated', async () => {
    const page = s.page;
    const assets: { url: string; encoding?: string; cache?: string }[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/assets/'))
        assets.push({ url: r.url(), encoding: r.headers()['content-encoding'], cache: r.headers()['cache-control'] });
    });
    const doc = await page.goto(s.url('/'));
    expect(doc!.headers()['cache-control']).toBe('no-cache');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const scripts = assets.filter((a) => a.url.endsWith('.js') || a.url.endsWith('.css'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const a of scripts) {
      expect(a.encoding, a.url).toMatch(/^(br|gzip)$/);
      expect(a.cache, a.url).toBe('public, max-age=31536000, immutable');
    }
  });

  it('shows the sign-in page in Marathi on a Marathi phone, with the public-report link clear of the bottom edge', async () => {
    const context = await s.browser.newContext({ ...PHONE, locale: 'mr-IN', timezoneId: 'Asia/Kolkata' });
    try {
      const page = await context.newPage();
      await page.goto(s.url('/'));
      await page.getByRole('button', { name: 'साइन इन करा' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('mr');
      const link = page.getByTestId('public-links').getByRole('link').first();
      const box = (await link.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(740 - 16);
      expect(await link.evaluate((a) => !!a.closest('main'))).toBe(true);
      await screenshot(page, '17-phone-sign-in-mr', { fullPage: false });
    } finally {
      await context.close();
    }
  });

  it('public page on a phone: a main landmark, the whole language name, tabs not cut off, 1098 and 112 as tel: links', async () => {
    const context = await newContext(s.browser, PHONE);
    try {
      const page = await context.newPage();
      await page.goto(s.url('/report-a-child'));
      await page.locator('main form').waitFor();
      expect(await page.locator('main').count()).toBe(1);
      const select = page.getByTestId('language-select');
      expect((await select.boundingBox())!.width).toBeGreaterThanOrEqual(100);
      for (const lang of ['mr', 'hi', 'en']) {
        await select.selectOption(lang);
        // The two tabs (lite/PublicReport.tsx): each label whole, none wider than its box.
        const tabs = await page.evaluate(() =>
          [...document.querySelectorAll('.lite-tab')].map((el) => ({ text: el.textContent, cut: el.scrollWidth > el.clientWidth + 1 })),
        );
        expect(tabs.length, lang).toBe(2);
        expect(
          tabs.filter((x) => x.cut).map((x) => x.text),
          lang,
        ).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      }
      expect(await page.locator('a[href="tel:1098"]').count()).toBeGreaterThan(0);
      expect(await page.locator('a[href="tel:112"]').count()).toBeGreaterThan(0);
      await screenshot(page, '17-phone-public-form', { fullPage: false });
    } finally {
      await context.close();
    }
  });

  it('on a phone, tasks and cases are cards with the due date and status in view; the menu is at the bottom', async () => {
    const context = await newContext(s.browser, PHONE);
    try {
      const page = await context.newPage();
      await page.goto(s.url('/tasks'));
      await signIn(page, 'caseworker.amravati');
      const bar = page.getByTestId('bottom-bar');
      await bar.waitFor();
      const barBox = (await bar.boundingBox())!;
      expect(barBox.y + barBox.height).toBeGreaterThanOrEqual(740 - 1);
      expect(await page.getByTestId('bottom-menu').isVisible()).toBe(true);

      await page.locator('label').filter({ hasText: 'My unit' }).click();
      const card = page.getByTestId('task-card').first();
      await card.waitFor();
      const box = (await card.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      const text = await card.innerText();
      // A day, and no meaningless clock time ("5:30 AM") on day-counted deadlines.
      expect(text).toMatch(/\d{1,2} [A-Z][a-z]{2,3} \d{4}/);
      if (!/production/i.test(text)) expect(text).not.toMatch(/\d:\d\d\s?(am|pm)/i);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await screenshot(page, '17-phone-tasks', { fullPage: false });

      await page.goto(s.url('/cases'));
      const caseCard = page.getByTestId('case-card').first();
      await caseCard.waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await screenshot(page, '17-phone-cases', { fullPage: false });
    } finally {
      await context.close();
    }
  });

  it('"Mine" with nothing assigned by name offers the unit\'s tasks instead of "Nothing is due"', async () => {
    // A demo user whose unit has due items and who has none by name (the DCPO saw "Nothing is due" beside 13).
    const who = await s.one<{ username: string } | undefined>(
      `SELECT u.username FROM app_user u
        WHERE u.username IN ('dcpo.amravati', 'caseworker.amravati', 'cwc.amravati', 'dcpo.akola', 'caseworker.akola')
          AND EXISTS (SELECT 1 FROM case_due d WHERE d.assigned_unit_id = u.organisation_id)
          AND NOT EXISTS (SELECT 1 FROM case_due d WHERE d.assigned_user_id = u.id)
        ORDER BY u.username LIMIT 1`,
    );
    expect(who, 'the demo has a user whose unit has tasks but who has none by name').toBeDefined();
    const context = await newContext(s.browser);
    try {
      const page = await context.newPage();
      await page.goto(s.url('/tasks'));
      await signIn(page, who!.username);
      const notice = page.getByTestId('unit-tasks-notice');
      await notice.waitFor();
      expect(
        await page
          .getByRole('status')
          .filter({ hasText: /tasks?,/ })
          .first()
          .innerText(),
      ).toMatch(/^0 tasks/);
      expect(await notice.innerText()).toMatch(/Your unit has [\d,]+ tasks? \([\d,]+ overdue\)/);
      await notice.getByRole('button', { name: 'Show my unit’s tasks' }).click();
      await page.getByTestId('tasks-table').waitFor();
      expect(
        await page
          .getByRole('status')
          .filter({ hasText: /tasks?,/ })
          .first()
          .innerText(),
      ).not.toMatch(/^0 tasks/);
    } finally {
      await context.close();
    }
  });

  it('names every pagination button, and shows Marathi chrome without English words on the main screens', async () => {
    const context = await s.browser.newContext({ locale: 'mr-IN', timezoneId: 'Asia/Kolkata' });
    // Marathi chosen on this device (otherwise the profile's language applies after sign-in).
    await context.addInitScript(() => localStorage.setItem('samanvay.language', 'mr'));
    try {
      const page = await context.newPage();
      await page.goto(s.url('/children'));
      await page.locator('input[name="username"]').fill('dcpo.amravati');
      await page.locator('input[name="password"]').fill((await import('../../src/demo/users')).DEMO_PASSWORD);
      await page.getByRole('button', { name: 'साइन इन करा' }).click();
      await page.getByTestId('children-table').waitFor();
      const unnamed = await page.evaluate(
        () =>
          [...document.querySelectorAll('.mantine-Pagination-root button')].filter(
            (b) => !(b.getAttribute('aria-label') || b.textContent?.trim()),
          ).length,
      );
      expect(unnamed).toBe(0);
      const labels = await page
        .locator('.mantine-Pagination-root button[aria-label]')
        .evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
      if (labels.length) expect(labels.join(' ')).toMatch(/पान/);
      for (const path of ['/children', '/families', '/cases', '/tasks', '/document-requests']) {
        await page.goto(s.url(path));
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await englishInChrome(page), path).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});

describeInChromium('charts and number inputs (issue #17)', () => {
  const s = browserSuite({ signIn: 'dcpo.amravati' });

  /** Series names in the chart legends on screen, and their icons' accessible names. */
  const legends = (page: Page) =>
    page.evaluate(() => ({
      items: [...document.querySelectorAll('.recharts-legend-item-text')].map((e) => e.textContent ?? ''),
      icons: [...document.querySelectorAll('.recharts-legend-item svg')].map((e) => e.getAttribute('aria-label') ?? ''),
      text: document.querySelector('main')?.textContent ?? '',
    }));

  it('chart legends name each series in words, never "[object Object]", on the home page and the accountability page', async () => {
    const page = s.page;
    for (const path of ['/', '/convergence/accountability']) {
      await page.goto(s.url(path));
      await page.locator('main h1').first().waitFor();
      await page.locator('.recharts-legend-item-text').first().waitFor({ timeout: 30_000 });
      const l = await legends(page);
      expect(l.items.length, path).toBeGreaterThan(0);
      for (const name of [...l.items, ...l.icons]) expect(name, path).not.toMatch(/\[object Object\]|undefined/);
      expect(
        l.items.every((n) => /\p{L}/u.test(n)),
        path,
      ).toBe(true);
      expect(l.text, path).not.toContain('[object Object]');
    }
  });

  it('the step buttons of a number input are named, or kept out of the accessibility tree', async () => {
    const page = s.page;
    await page.goto(s.url('/report-a-child'));
    await page.getByRole('textbox').first().waitFor();
    await page.locator('main input[type="number"]').first().waitFor();
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('main button, main [role="button"]')]
        .filter((b) => !b.closest('[aria-hidden="true"]'))
        .filter(
          (b) =>
            !(
              b.getAttribute('aria-label') ||
              b.getAttribute('aria-labelledby') ||
              b.getAttribute('title') ||
              (b as HTMLButtonElement).labels?.length ||
              b.textContent?.trim()
            ),
        )
        .map((b) => b.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
    // Native number fields (lite/PublicReport.tsx): each named by its label, no unnamed step buttons.
    const numbers = page.locator('main input[type="number"]');
    expect(await numbers.count()).toBeGreaterThan(0);
    for (const n of await numbers.all()) expect(await n.evaluate((el) => (el as HTMLInputElement).labels?.length ?? 0)).toBe(1);
  });
});

describeInChromium('the audit screens (issue #17)', () => {
  const s = browserSuite({ signIn: 'auditor.mh' });

  it('has an audit log in the menu, and each child record a "who looked at this record" page', async () => {
    const page = s.page;
    await page.getByRole('link', { name: 'Audit log' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByTestId('audit-table').waitFor();
    expect(await page.getByTestId('audit-count').innerText()).toMatch(/^[\d,]+ entr(y|ies)$/);

    const child = await s.one<{ id: string }>('SELECT id FROM child WHERE district_code = 468 ORDER BY id LIMIT 1');
    await page.goto(s.url(`/children/${child.id}`));
    await page.getByRole('link', { name: 'Who looked at this record' }).click();
    await page.getByRole('heading', { level: 1, name: 'Who looked at this record' }).waitFor();
    await page.getByTestId('audit-table').waitFor();
    // The auditor's own read of the child is the newest entry.
    expect(await page.getByTestId('audit-table').locator('tbody tr').first().innerText()).toMatch(/State Audit Cell/);
    await screenshot(page, '17-access-log');
  });
});
