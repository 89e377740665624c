import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, describeInChromium, newContext, screenshot, signIn } from './support';
import { DEMO_PASSWORD } from '../../src/demo/users';
import { shortLinkFor } from '../../src/notifications/short-link';

/**
 * The frontline worker's village without signal (issue #17), in Chromium with the service
 * worker of the built app: she keeps Rajura on the phone, loses the connection, edits a child
 * and writes a visit note, reloads the page (the app and her changes are still there, and what
 * IndexedDB holds is not readable), gets the connection back and sees it sent. A colleague's
 * change to the same child meanwhile is shown side by side and her choice is saved; signing
 * out leaves nothing on the phone.
 */
const RAJURA = 'vi:demo-rajura';

/** Everything the offline database holds, as the bytes a thief would find on the disk. */
function rawOfflineDb(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('samanvay-offline');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out: { store: string; fields: string[]; bytes: string }[] = [];
    for (const store of ['records', 'queue', 'meta']) {
      const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
        req.onerror = () => reject(req.error);
      });
      for (const row of rows) {
        const data = row.data as ArrayBuffer;
        const bytes = data instanceof ArrayBuffer ? new TextDecoder('latin1').decode(new Uint8Array(data)) : JSON.stringify(row);
        out.push({ store, fields: Object.keys(row).sort(), bytes });
      }
    }
    db.close();
    return out;
  });
}

const offlineDbExists = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'samanvay-offline'));

/** A child of Rajura with an open case (for the visit note), and another without a pending change. */
async function rajuraChildren(e2e: ReturnType<typeof browserSuite>) {
  const withCase = await e2e.one<{ id: string; name: string; case_id: string; version: number }>(
    `SELECT c.id, c.name, r.id AS case_id, r.version FROM child c JOIN case_record r ON r.child_id = c.id
      WHERE c.village_id = $1 AND r.closed_at IS NULL ORDER BY c.name LIMIT 1`,
    [RAJURA],
  );
  const other = await e2e.one<{ id: string; name: string; version: number }>(
    'SELECT id, name, version FROM child WHERE village_id = $1 AND id <> $2 ORDER BY name LIMIT 1',
    [RAJURA, withCase.id],
  );
  return { withCase, other };
}

async function openVillage(page: Page) {
  await page.locator('[data-testid="offline-child"]').first().waitFor();
  await expect.poll(() => page.getByTestId('synced-at').textContent()).toContain('Last brought up to date');
}

describeInChromium('offline village in Chromium', () => {
  const e2e = browserSuite();
  // A test that failed offline must not leave the next one without signal.
  afterEach(() => e2e.context.setOffline(false));

  it('keeps the village sealed on the phone, works without signal across a reload, and syncs when back', async () => {
    const page = e2e.page;
    const { withCase } = await rajuraChildren(e2e);
    await page.goto(e2e.url('/offline'));
    await signIn(page, 'aww.rajura');
    await openVillage(page);
    expect(await page.getByTestId('offline-child').count()).toBe(27);
    await page.getByTestId('offline-due').waitFor();

    // Installable: a manifest, and a service worker in control that keeps the app's files.
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]')!.getAttribute('href')!;
      return (await fetch(href)).json();
    });
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(['192x192', '512x512']);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const keys = await (await caches.open('samanvay-shell-v1')).keys();
            const paths = keys.map((k) => new URL(k.url).pathname);
            return paths.includes('/') && paths.some((p) => p.includes('OfflineScreens')) && !paths.some((p) => p.startsWith('/api/'));
          }),
        { timeout: 15_000 },
      )
      .toBe(true);

    // No signal: edit the child and write a visit note.
    await e2e.context.setOffline(true);
    await page.getByTestId('connection').getByText('No connection').waitFor();
    await page.locator(`[data-testid="offline-child"][data-id="${withCase.id}"] a`).click();
    const school = page.getByRole('textbox', { name: 'School', exact: true });
    await school.fill('ZP School Rajura');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('saved-here').waitFor();
    const note = 'Visited at home; the child was at school, mother at work.';
    const caseCard = page.locator(`[data-testid="offline-case"][data-id="${withCase.case_id}"]`);
    await caseCard.getByRole('textbox', { name: 'Visit note' }).fill(note);
    await caseCard.getByRole('button', { name: 'Add visit note' }).click();
    await page.getByTestId('pending').getByText('2 changes waiting to be sent').waitFor();

    // Reload without signal: the app comes from the service worker, her changes from IndexedDB.
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'School', exact: true }).inputValue()).toBe('ZP School Rajura');
    await page.getByText(note).waitFor();
    await page.getByTestId('pending').getByText('2 changes waiting to be sent').waitFor();
    await screenshot(page, 'offline-child-edited');

    // What the disk holds is sealed: no name, no edit, no note in the clear.
    const raw = await rawOfflineDb(page);
    expect(raw.filter((r) => r.store === 'records').length).toBeGreaterThanOrEqual(27 + 22);
    expect(raw.filter((r) => r.store === 'queue').length).toBe(2);
    for (const row of raw) {
      expect(row.fields).toEqual(expect.arrayContaining(['data', 'iv', 'k']));
      expect(row.bytes).not.toContain(withCase.name);
      expect(row.bytes).not.toContain('ZP School');
      expect(row.bytes).not.toContain('mother at work');
      expect(row.bytes).not.toContain('Rajura');
    }
    // Nothing was sent meanwhile.
    expect((await e2e.one<{ school: string | null }>('SELECT school FROM child WHERE id = $1', [withCase.id])).school).toBeNull();

    // Signal again: both go, in order, on the versions they were made on.
    await e2e.context.setOffline(false);
    await page.getByTestId('pending').getByText('Everything is sent').waitFor({ timeout: 20_000 });
    const saved = await e2e.one<{ school: string; version: number }>('SELECT school, version FROM child WHERE id = $1', [withCase.id]);
    expect(saved.school).toBe('ZP School Rajura');
    expect(saved.version).toBe(2);
    const notes = await e2e.query<{ text: string; seq: number }>(
      "SELECT payload->>'text' AS text, seq FROM case_action WHERE case_id = $1 AND type = 'note'",
      [withCase.case_id],
    );
    expect(notes.map((n) => n.text)).toEqual([note]);
    expect(notes[0].seq).toBe(withCase.version + 1);
  }, 120_000);

  it('a colleague’s change meanwhile is shown side by side, and her field-by-field choice is saved', async () => {
    const page = e2e.page;
    const { other } = await rajuraChildren(e2e);
    await page.goto(e2e.url('/offline'));
    await openVillage(page);

    await e2e.context.setOffline(true);
    await page.getByTestId('connection').getByText('No connection').waitFor();
    await page.locator(`[data-testid="offline-child"][data-id="${other.id}"] a`).click();
    await page.getByRole('textbox', { name: 'School', exact: true }).fill('Ashram school, Chandur');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('saved-here').waitFor();

    // Meanwhile the block's caseworker changes the same child through the API.
    const colleague = await newContext(e2e.browser);
    const login = await colleague.request.post(e2e.url('/api/v1/auth/login'), {
      data: { username: 'caseworker.amravati', password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const theirs = await colleague.request.patch(e2e.url(`/api/v1/children/${other.id}`), {
      data: { version: other.version, school: 'ZP School Rajura', disability: 'low vision' },
    });
    expect(theirs.status()).toBe(200);
    await colleague.close();

    await e2e.context.setOffline(false);
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor({ timeout: 20_000 });
    // Nothing overwritten: the server still has the colleague's version until she decides.
    expect((await e2e.one<{ school: string }>('SELECT school FROM child WHERE id = $1', [other.id])).school).toBe('ZP School Rajura');
    const schoolRow = conflict.locator('tr[data-field="school"]');
    await expect.poll(() => schoolRow.textContent()).toContain('ZP School Rajura');
    await expect.poll(() => schoolRow.textContent()).toContain('Ashram school, Chandur');
    await expect.poll(() => conflict.locator('tr[data-field="disability"]').textContent()).toContain('low vision');
    await screenshot(page, 'offline-conflict');

    // Field by field: her school, their disability note.
    await schoolRow.getByRole('radio', { name: 'Mine' }).check();
    await conflict.getByRole('button', { name: 'Put my changes on their version' }).click();
    await page.getByTestId('pending').getByText('Everything is sent').waitFor({ timeout: 20_000 });
    const row = await e2e.one<{ school: string; disability: string; version: number }>(
      'SELECT school, disability, version FROM child WHERE id = $1',
      [other.id],
    );
    expect(row).toEqual({ school: 'Ashram school, Chandur', disability: 'low vision', version: other.version + 2 });
  }, 120_000);

  it('a visit note on a case changed meanwhile shows what was recorded since beside her note; she adds it', async () => {
    const page = e2e.page;
    const target = await e2e.one<{ child_id: string; case_id: string; version: number }>(
      `SELECT c.id AS child_id, r.id AS case_id, r.version FROM child c JOIN case_record r ON r.child_id = c.id
        WHERE c.village_id = $1 AND r.closed_at IS NULL ORDER BY c.name DESC LIMIT 1`,
      [RAJURA],
    );
    await page.goto(e2e.url('/offline'));
    await openVillage(page);
    await e2e.context.setOffline(true);
    await page.getByTestId('connection').getByText('No connection').waitFor();
    await page.locator(`[data-testid="offline-child"][data-id="${target.child_id}"] a`).click();
    const caseCard = page.locator(`[data-testid="offline-case"][data-id="${target.case_id}"]`);
    await caseCard.getByRole('textbox', { name: 'Visit note' }).fill('Grandmother unwell; visit again next week.');
    await caseCard.getByRole('button', { name: 'Add visit note' }).click();
    await page.locator('[data-testid="offline-note"][data-status="pending"]').waitFor();

    const colleague = await newContext(e2e.browser);
    expect(
      (
        await colleague.request.post(e2e.url('/api/v1/auth/login'), { data: { username: 'dcpo.amravati', password: DEMO_PASSWORD } })
      ).status(),
    ).toBe(200);
    const theirs = await colleague.request.post(e2e.url(`/api/v1/cases/${target.case_id}/actions`), {
      data: { type: 'note', text: 'Spoke to the school headmaster.', version: target.version },
    });
    expect(theirs.status()).toBe(201);
    await colleague.close();

    await e2e.context.setOffline(false);
    const conflict = page.locator('[data-testid="offline-note"][data-status="conflict"]');
    await conflict.waitFor({ timeout: 20_000 });
    await conflict.getByText(/^Recorded on the case since \(version /).waitFor();
    await conflict.getByText('Grandmother unwell').waitFor();
    await screenshot(page, 'offline-note-conflict');
    expect(
      (await e2e.query("SELECT 1 FROM case_action WHERE case_id = $1 AND payload->>'text' LIKE 'Grandmother%'", [target.case_id])).length,
    ).toBe(0);
    await conflict.getByRole('button', { name: 'Add my note' }).click();
    await page.getByTestId('pending').getByText('Everything is sent').waitFor({ timeout: 20_000 });
    const notes = await e2e.query<{ text: string }>(
      "SELECT payload->>'text' AS text FROM case_action WHERE case_id = $1 AND type = 'note' ORDER BY seq",
      [target.case_id],
    );
    expect(notes.map((n) => n.text).slice(-2)).toEqual(['Spoke to the school headmaster.', 'Grandmother unwell; visit again next week.']);
  }, 120_000);

  it('a child added without signal is sent when it returns, into her family', async () => {
    const page = e2e.page;
    const family = await e2e.one<{ id: string }>('SELECT id FROM family WHERE village_id = $1 ORDER BY head_name LIMIT 1', [RAJURA]);
    await page.goto(e2e.url('/offline'));
    await openVillage(page);
    await e2e.context.setOffline(true);
    await page.getByTestId('connection').getByText('No connection').waitFor();
    await page.locator(`a[href="/offline/families/${family.id}/new-child"]`).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Sarita Pawar');
    await page.getByLabel('Sex').selectOption('female');
    await page.getByLabel('Care status').selectOption('birth_family');
    await page.getByRole('textbox', { name: 'Date of birth' }).fill(e2e.istDay(-3 * 365));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('offline-new-child').getByText('Sarita Pawar').waitFor();
    await page.getByTestId('pending').getByText('1 change waiting to be sent').waitFor();
    expect((await e2e.query('SELECT id FROM child WHERE name = $1', ['Sarita Pawar'])).length).toBe(0);

    await e2e.context.setOffline(false);
    await page.getByTestId('pending').getByText('Everything is sent').waitFor({ timeout: 20_000 });
    const saved = await e2e.one<{ family_id: string; village_id: string }>('SELECT family_id, village_id FROM child WHERE name = $1', [
      'Sarita Pawar',
    ]);
    expect(saved).toEqual({ family_id: family.id, village_id: RAJURA });
    await page.locator('[data-testid="offline-child"]').getByText('Sarita Pawar').waitFor();
  }, 90_000);

  it('a village survey and a family assessment made without signal are sent when it returns', async () => {
    const page = e2e.page;
    const family = await e2e.one<{ id: string; n: number }>(
      `SELECT f.id, (SELECT count(*)::int FROM assessment a WHERE a.family_id = f.id) AS n FROM family f
        WHERE f.village_id = $1 ORDER BY f.head_name DESC LIMIT 1`,
      [RAJURA],
    );
    await page.goto(e2e.url('/offline'));
    await openVillage(page);
    await e2e.context.setOffline(true);
    await page.getByTestId('connection').getByText('No connection').waitFor();
    await page.getByRole('link', { name: 'New village survey' }).click();
    await page.getByLabel('Date of the survey').fill(e2e.istDay(0));
    await page.getByRole('textbox', { name: 'Households visited' }).fill('22');
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('offline-survey').getByText('waiting to be sent').waitFor();

    await page.locator(`a[href="/offline/families/${family.id}/assessment"]`).click();
    const form = page.getByRole('form', { name: 'New assessment' });
    await form.getByRole('radiogroup', { name: 'Regular income or livelihood' }).getByRole('radio', { name: '2 · Vulnerable' }).check();
    await form.getByRole('radiogroup', { name: 'Safe shelter' }).getByRole('radio', { name: '3 · Safe' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('offline-assessment').getByText('waiting to be sent').waitFor();
    await page.getByTestId('pending').getByText('2 changes waiting to be sent').waitFor();
    expect((await e2e.query('SELECT 1 FROM village_survey WHERE village_id = $1 AND households_visited = 22', [RAJURA])).length).toBe(0);

    await e2e.context.setOffline(false);
    await page.getByTestId('pending').getByText('Everything is sent').waitFor({ timeout: 20_000 });
    const saved = await e2e.one<{ surveyed_on: string }>(
      "SELECT to_char(surveyed_on, 'YYYY-MM-DD') AS surveyed_on FROM village_survey WHERE village_id = $1 AND households_visited = 22",
      [RAJURA],
    );
    expect(saved.surveyed_on).toBe(e2e.istDay(0));
    expect((await e2e.one<{ n: number }>('SELECT count(*)::int AS n FROM assessment WHERE family_id = $1', [family.id])).n).toBe(
      family.n + 1,
    );
  }, 90_000);

  it('signing out asks before dropping changes not yet sent, and wipes the copy and its key', async () => {
    const page = e2e.page;
    const target = await e2e.one<{ id: string }>('SELECT id FROM child WHERE village_id = $1 ORDER BY name DESC LIMIT 1', [RAJURA]);
    await page.goto(e2e.url('/offline'));
    await openVillage(page);
    expect(await offlineDbExists(page)).toBe(true);
    expect(await page.evaluate(() => sessionStorage.getItem('samanvay.offline.key'))).not.toBeNull();

    // Without signal, a change cannot be sent: sign-out asks, and "no" keeps everything.
    await e2e.context.setOffline(true);
    await page.getByTestId('connection').getByText('No connection').waitFor();
    await page.locator(`[data-testid="offline-child"][data-id="${target.id}"] a`).click();
    await page.getByRole('textbox', { name: 'Disability', exact: true }).fill('hearing impairment');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('saved-here').waitFor();
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.message());
        void d.dismiss();
      }),
    );
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    expect(await asked).toContain('1 change made on this phone could not be sent yet');
    await page.getByTestId('pending').getByText('1 change waiting to be sent').waitFor();
    expect(await offlineDbExists(page)).toBe(true);

    // With signal again the change goes; then sign-out wipes the copy.
    await e2e.context.setOffline(false);
    await page.getByTestId('pending').getByText('Everything is sent').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect((await e2e.one<{ disability: string }>('SELECT disability FROM child WHERE id = $1', [target.id])).disability).toBe(
      'hearing impairment',
    );
    await expect.poll(() => offlineDbExists(page)).toBe(false);
    expect(await page.evaluate(() => sessionStorage.getItem('samanvay.offline.key'))).toBeNull();
    expect(await page.evaluate(() => sessionStorage.getItem('samanvay.offline.me'))).toBeNull();
  }, 90_000);

  it('an ended session (expired on the server) wipes the copy at the next request', async () => {
    const page = e2e.page;
    await page.goto(e2e.url('/offline'));
    await signIn(page, 'aww.rajura');
    await openVillage(page);
    expect(await offlineDbExists(page)).toBe(true);
    // No run under way that asked the server before the session ended.
    await expect.poll(() => page.getByTestId('sync-now').isEnabled()).toBe(true);
    // Ended by the server's clock (midday IST of today), not the database's: this test must not
    // depend on the hour it runs at.
    await e2e.query(
      "UPDATE user_session SET expires_at = $1 WHERE revoked_at IS NULL AND user_id = (SELECT id FROM app_user WHERE username = 'aww.rajura')",
      [new Date(e2e.server.ctx.now().getTime() - 60_000)],
    );
    await page.getByTestId('sync-now').click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expect.poll(() => offlineDbExists(page)).toBe(false);
    expect(await page.evaluate(() => sessionStorage.getItem('samanvay.offline.key'))).toBeNull();
  }, 60_000);

  it('an SMS short link opens its page through the service worker (not the kept app\'s "page not found")', async () => {
    // Without signal (the worker's own fetch, which context.setOffline does not reach): tests/web/sw.test.ts.
    const page = e2e.page;
    await page.goto(e2e.url('/'));
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
    const ctx = e2e.server.ctx;
    const code = await shortLinkFor(ctx.db, 'a1700000-0000-4000-8000-000000000017', { target: '/report-a-child' }, ctx.now());
    await page.goto(e2e.url(`/s/${code}`));
    await expect.poll(() => new URL(page.url()).pathname).toBe('/report-a-child');
    await page.locator('main form input').first().waitFor();
    expect(await page.getByText('does not exist').count()).toBe(0);
  }, 60_000);
});
