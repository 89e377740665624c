import { chromium } from 'playwright-core';
import { buildApp } from '../../src/http/app';
import type { AppContext } from '../../src/http/context';
import { createScratchDatabase } from '../../src/db/scratch';
import { seedDemo } from '../../src/demo/seed';
import { fileURLToPath } from 'node:url';

/**
 * Where a throttled first load's time goes (issue #17): the request waterfall of one page at
 * 400 kbps / 400 ms / CPU ×4 as bench/web/throttled.bench.ts loads it, each request's start and
 * end from navigation, its size over the network and its initiator; then when the page was usable.
 * `npx tsx bench/web/waterfall.ts /report-a-child` (default `/`). Not part of `npm run bench`.
 */
const path = process.argv[2] ?? '/';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const database = await createScratchDatabase({ postgresUrl: undefined, prefix: 'samanvay_bwf', states: [27] });
await seedDemo(database);
const ctx: AppContext = {
  database,
  db: database.db,
  now: () => new Date(),
  config: { filesDir: `/tmp/samanvay-bench-webwf-${process.pid}`, webDir: `${ROOT}web/dist`, secureCookies: false, webOptimised: true },
};
const app = await buildApp(ctx, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic'],
});
try {
  const context = await browser.newContext({ locale: process.env.WF_LOCALE ?? 'en-IN', timezoneId: 'Asia/Kolkata' });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: 50_000,
    uploadThroughput: 50_000,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.BENCH_WEB_CPU ?? 4) });
  const reqs = new Map<string, { url: string; start: number; end?: number; bytes?: number; from?: string }>();
  let t0 = 0;
  cdp.on(
    'Network.requestWillBeSent',
    (e: {
      requestId: string;
      request: { url: string };
      timestamp: number;
      initiator: { url?: string; stack?: { callFrames: { url: string }[] } };
    }) => {
      if (!t0) t0 = e.timestamp;
      const from = e.initiator.url ?? e.initiator.stack?.callFrames[0]?.url ?? '';
      reqs.set(e.requestId, { url: e.request.url.replace(base, ''), start: e.timestamp, from: from.replace(base, '') });
    },
  );
  cdp.on('Network.loadingFinished', (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
    const r = reqs.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
  });
  const wall = Date.now();
  await page.goto(base + path, { waitUntil: 'commit' });
  if (path === '/')
    await page
      .getByRole('button', { name: /Sign in|साइन इन|प्रवेश/ })
      .first()
      .waitFor({ state: 'visible' });
  else await page.locator('main form input').first().waitFor({ state: 'visible' });
  console.log(`usable after ${((Date.now() - wall) / 1000).toFixed(2)} s`);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  let total = 0;
  for (const r of [...reqs.values()].sort((a, b) => a.start - b.start)) {
    total += r.bytes ?? 0;
    console.log(
      `${(r.start - t0).toFixed(2).padStart(6)} → ${r.end ? (r.end - t0).toFixed(2).padStart(6) : '     ?'}  ${((r.bytes ?? 0) / 1024).toFixed(1).padStart(6)} KB  ${r.url.slice(0, 70)}  ← ${r.from?.slice(0, 40)}`,
    );
  }
  console.log(`total ${(total / 1024).toFixed(0)} KB`);
} finally {
  await browser.close();
  await app.close();
  await database.drop();
}
