import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app';
import type { AppContext } from '../../src/http/context';
import { createScratchDatabase } from '../../src/db/scratch';
import { seedDemo } from '../../src/demo/seed';
import { DEMO_PASSWORD } from '../../src/demo/users';
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { round, type BenchResult } from '../types';

/**
 * Issue #17: a blank screen for 22.6 s before sign-in was usable at 400 kbps / 400 ms.
 * Loads three pages in Chromium with the network throttled (CDP Network.emulateNetworkConditions)
 * and the CPU slowed (Emulation.setCPUThrottlingRate, a low-end phone), from an empty cache and
 * again warm (a reload), and reports the time until the page can be used and the bytes that
 * crossed the network. Baseline, in the same run on the same build and database: the server with
 * compression and long-lived caching off (plain files, `max-age=0`), as the app was served before.
 *
 * BENCH_WEB_KBPS (400), BENCH_WEB_LATENCY_MS (400), BENCH_WEB_CPU (4), BENCH_WEB_RUNS (1).
 */
const KBPS = Number(process.env.BENCH_WEB_KBPS ?? 400);
const LATENCY = Number(process.env.BENCH_WEB_LATENCY_MS ?? 400);
const CPU = Number(process.env.BENCH_WEB_CPU ?? 4);
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 1);

interface PageSpec {
  name: string;
  path: string;
  /** Signed in as this demo user before the throttled load (unthrottled, not measured). */
  user?: string;
  /** The element whose appearance makes the page usable. */
  usable: (page: Page) => Promise<unknown>;
}

const PAGES: PageSpec[] = [
  { name: 'sign-in', path: '/', usable: (p) => p.getByRole('button', { name: 'Sign in' }).waitFor({ state: 'visible' }) },
  {
    name: 'public report form',
    path: '/report-a-child',
    usable: (p) => p.locator('main form input').first().waitFor({ state: 'visible' }),
  },
  {
    name: "frontline worker's children list",
    path: '/children',
    user: 'aww.rajura',
    usable: (p) => p.locator('[data-testid="children-table"], [data-testid="children-cards"]').first().waitFor({ state: 'visible' }),
  },
];

interface Load {
  ms: number;
  bytes: number;
}

async function measure(browser: Browser, base: string, spec: PageSpec): Promise<{ cold: Load; warm: Load }> {
  const context = await browser.newContext({ locale: 'en-IN', timezoneId: 'Asia/Kolkata' });
  await context.addInitScript(() => localStorage.setItem('samanvay.language', 'en'));
  const page = await context.newPage();
  page.setDefaultTimeout(180_000);
  if (spec.user) {
    const res = await context.request.post(`${base}/api/v1/auth/login`, { data: { username: spec.user, password: DEMO_PASSWORD } });
    if (!res.ok()) throw new Error(`sign-in of ${spec.user} failed: ${res.status()}`);
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY,
    downloadThroughput: (KBPS * 1000) / 8,
    uploadThroughput: (KBPS * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => void (bytes += e.encodedDataLength));

  const load = async (go: () => Promise<unknown>): Promise<Load> => {
    bytes = 0;
    const t0 = Date.now();
    await go();
    await spec.usable(page);
    const ms = Date.now() - t0;
    await page.waitForLoadState('networkidle').catch(() => undefined);
    return { ms, bytes };
  };
  const cold = await load(() => page.goto(base + spec.path, { waitUntil: 'commit' }));
  const warm = await load(() => page.reload({ waitUntil: 'commit' }));
  await context.close();
  return { cold, warm };
}

async function serve(ctx: AppContext, optimised: boolean): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp({ ...ctx, config: { ...ctx.config, webOptimised: optimised } }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return { app, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// BENCH_WEB_DIR: another build to measure (e.g. a copy of the build before a change), same run, same machine.
const WEB_DIR = process.env.BENCH_WEB_DIR || `${ROOT}web/dist`;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The bench measures the build in web/dist (BENCH_WEB_REBUILD=1 builds it first). */
function ensureWebBuilt() {
  if (process.env.BENCH_WEB_DIR) return;
  if (process.env.BENCH_WEB_REBUILD === '1' || !existsSync(`${WEB_DIR}/index.html`))
    execSync('npx vite build --config web/vite.config.ts --logLevel warn', { cwd: ROOT, stdio: 'inherit' });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<BenchResult[]> {
  ensureWebBuilt();
  const database = await createScratchDatabase({ postgresUrl: undefined, prefix: 'samanvay_bw', states: [27] });
  await seedDemo(database);
  const ctx: AppContext = {
    database,
    db: database.db,
    now: () => new Date(),
    config: { filesDir: `/tmp/samanvay-bench-web-${process.pid}`, webDir: WEB_DIR, secureCookies: false },
  };
  const optimised = await serve(ctx, true);
  const baseline = await serve(ctx, false);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic'],
  });
  const results: BenchResult[] = [];
  try {
    for (const spec of PAGES) {
      const now: { cold: Load; warm: Load }[] = [];
      const before: { cold: Load; warm: Load }[] = [];
      for (let i = 0; i < RUNS; i++) {
        before.push(await measure(browser, baseline.url, spec));
        now.push(await measure(browser, optimised.url, spec));
      }
      for (const phase of ['cold', 'warm'] as const) {
        const ms = median(now.map((r) => r[phase].ms));
        const msBase = median(before.map((r) => r[phase].ms));
        const kb = median(now.map((r) => r[phase].bytes)) / 1024;
        const kbBase = median(before.map((r) => r[phase].bytes)) / 1024;
        const net = `${KBPS} kbps, ${LATENCY} ms, CPU ×${CPU}`;
        results.push({
          name: `${spec.name}: time to usable (${phase})`,
          value: round(ms / 1000),
          unit: 's',
          baseline: round(msBase / 1000),
          ratio: round(msBase / ms, 1),
          note: `${net}; baseline: no compression, max-age=0`,
        });
        results.push({
          name: `${spec.name}: bytes over the network (${phase})`,
          value: round(kb, 0),
          unit: 'KB',
          baseline: round(kbBase, 0),
          ratio: kb > 0 ? round(kbBase / kb, 1) : undefined,
        });
        process.stderr.write(
          `${spec.name} ${phase}: ${round(ms / 1000)} s, ${round(kb, 0)} KB (baseline ${round(msBase / 1000)} s, ${round(kbBase, 0)} KB)\n`,
        );
      }
    }
  } finally {
    await browser.close();
    await optimised.app.close();
    await baseline.app.close();
    await database.drop();
  }
  return results;
}

// `node --import tsx bench/web/throttled.bench.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) console.log(JSON.stringify(r));
}
