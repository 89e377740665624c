import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { buildApp } from '../../src/http/app';
import type { AppContext } from '../../src/http/context';
import { seedDemo } from '../../src/demo/seed';
import { DEMO_PASSWORD } from '../../src/demo/users';
import { createTestDatabase } from '../support/db';
import { istMiddayClock } from '../support/clock';
import { istDaysAgo } from '../../src/kernel/clock';

/**
 * Browser tests: a real server (Fastify on a fresh demo database, serving web/dist) and
 * Debian's Chromium driven by playwright-core. One server and one browser per test file.
 */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_DIR = join(ROOT, 'web', 'dist');
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Skip without Chromium on a laptop, but never in CI: there a missing browser is a failure. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI)
    throw new Error(`Chromium not found at ${CHROMIUM}: the browser tests cannot run in CI without it (apt-get install chromium)`);
  console.warn(`\n  Skipping browser tests: Chromium not found at ${CHROMIUM} (install it, or set CHROMIUM_PATH).\n`);
  return false;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  const index = join(WEB_DIR, 'index.html');
  const sources = Math.max(
    newestMtime(join(ROOT, 'web', 'src')),
    newestMtime(join(ROOT, 'web', 'build')), // the build's own plugins (pre-compression)
    statSync(join(ROOT, 'web', 'index.html')).mtimeMs,
    statSync(join(ROOT, 'web', 'vite.config.ts')).mtimeMs,
  );
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

/**
 * Builds web/dist when it is missing or older than the web app's sources. Several browser
 * test files may start at once: a lock directory makes one build and the others wait.
 */
export async function ensureWebBuilt() {
  if (isFresh()) return;
  const lock = join(tmpdir(), 'samanvay-web-build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true }); // left by a killed run
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    // NODE_ENV=production: vitest runs with NODE_ENV=test, which would bundle React's development build
    // (560 KB instead of 350 KB of vendor code) and test a build nobody ships.
    if (!isFresh())
      execSync('npx vite build --config web/vite.config.ts --logLevel warn', {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' },
      });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Server {
  url: string;
  ctx: AppContext;
  close(): Promise<void>;
}

export async function startServer(): Promise<Server> {
  const database = await createTestDatabase({ demo: true });
  await seedDemo(database);
  const ctx: AppContext = {
    database,
    db: database.db,
    // Midday IST of the real date: the browser (real clock, Asia/Kolkata) shows the same day,
    // and no browser test depends on the hour it runs at.
    now: istMiddayClock(),
    config: { filesDir: `/tmp/samanvay-e2e-files-${process.pid}`, webDir: resolve(WEB_DIR), secureCookies: false },
  };
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * Headless Chromium. Playwright gives every launch a fresh, temporary --user-data-dir of its
 * own (and refuses one in `args`), so no profile, cache or cookie survives between runs.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A browser context whose first visit is in English (a later choice, e.g. Marathi, sticks). */
export async function newContext(browser: Browser, opts: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-IN', timezoneId: 'Asia/Kolkata', ...opts });
  await context.addInitScript(() => {
    if (!localStorage.getItem('samanvay.language')) localStorage.setItem('samanvay.language', 'en');
  });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Fills the sign-in form on whatever screen shows it (it replaces any screen when signed out). */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByRole('textbox', { name: /Username/ }).fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-testid="whoami"]:visible').first().waitFor();
}

/**
 * A browser test file's describe block, skipped when Chromium is missing (see browserAvailable).
 * Call browserSuite() inside it for the server, browser and page.
 */
export function describeInChromium(title: string, fn: () => void) {
  describe.skipIf(!browserAvailable())(title, fn);
}

export interface BrowserSuite {
  /** The server on a fresh demo database (set in beforeAll). */
  readonly server: Server;
  readonly browser: Browser;
  /** The first browser context (English), and its page: the one screenshotted when a test fails. */
  readonly context: BrowserContext;
  readonly page: Page;
  /** The server's address for a path (`/children` → `http://127.0.0.1:…/children`). */
  url(path: string): string;
  /** Rows from the test database (the server's own). */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The first row from the test database. */
  one<T>(sql: string, params?: unknown[]): Promise<T>;
  /** The server's IST calendar day, `offsetDays` later (negative: earlier): what its forms call today. */
  istDay(offsetDays?: number): string;
}

export interface BrowserSuiteOptions {
  /** Sign this demo user in on the page before the first test (otherwise the page starts signed out, on about:blank). */
  signIn?: string;
  /** Name prefix of the screenshot taken when a test fails (default `FAILED-`). */
  failurePrefix?: string;
}

/**
 * The set-up every browser test file shares, registered as vitest hooks of the enclosing
 * describe: builds web/dist if stale, starts a server and Chromium, opens one English page
 * (optionally signed in), screenshots the page when a test fails, and closes everything after.
 * The returned object's fields are filled in by beforeAll: read them inside tests, not at
 * collection time.
 */
export function browserSuite(opts: BrowserSuiteOptions = {}): BrowserSuite {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`browserSuite: ${name} is not ready (read it inside a test, after beforeAll)`);
    return value;
  };
  const suite: BrowserSuite = {
    get server() {
      return ready(server, 'server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get context() {
      return ready(context, 'context');
    },
    get page() {
      return ready(page, 'page');
    },
    url: (path: string) => suite.server.url + path,
    query: <T>(sql: string, params: unknown[] = []) => suite.server.ctx.database.query<T>(sql, params),
    one: async <T>(sql: string, params: unknown[] = []) => (await suite.query<T>(sql, params))[0],
    istDay: (offsetDays = 0) => istDaysAgo(suite.server.ctx.now(), -offsetDays),
  };

  beforeAll(async () => {
    await ensureWebBuilt();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await newContext(browser);
    page = await context.newPage();
    if (opts.signIn) {
      await page.goto(server.url + '/');
      await signIn(page, opts.signIn);
    }
  }, 300_000);

  // A failed test leaves a picture of the screen it failed on (CI keeps artifacts/).
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page && !page.isClosed()) {
      await screenshot(page, `${opts.failurePrefix ?? 'FAILED-'}${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return suite;
}

/** The whole page from the top, or (fullPage false) just what fits on the screen, as on a phone. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  if (opts.fullPage !== false) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: opts.fullPage !== false });
}

/** Text of the element(s) an input's aria-describedby points at: where its error message is. */
export async function describedBy(page: Page, input: ReturnType<Page['locator']>): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/**
 * Text that fails WCAG AA contrast on the current screen: 4.5:1, or 3:1 for large text
 * (24 px, or 18.66 px bold). Foreground against the nearest opaque background behind it.
 * A plain scan, not a full audit: it skips disabled controls, placeholders and SVG text.
 */
export function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = parse(getComputedStyle(el).backgroundColor);
        if (c.length >= 3 && (c[3] === undefined || c[3] > 0.9)) return c;
      }
      return [255, 255, 255];
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('svg, [disabled], [aria-hidden="true"], .skip-link')) continue;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!r.width || !r.height || style.visibility === 'hidden' || Number(style.opacity) < 1) continue;
      const fg = parse(style.color);
      const [l1, l2] = [lum(fg), lum(background(el))].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) out.push(`${ratio.toFixed(2)} "${n.textContent.trim().slice(0, 40)}"`);
    }
    return [...new Set(out)];
  });
}
