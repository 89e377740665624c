import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { AppContext } from './context';
import { createTestDatabase } from '../../tests/support/db';
import { chooseEncoding } from './compression';
import { IMMUTABLE } from './web-static';

/**
 * Issue #17: 853 KB of JavaScript went out uncompressed and every reload re-checked all assets
 * (`max-age=0`). Compression and caching, through the real server on a stand-in web/dist.
 */
describe('compression and caching of the web app and the API', () => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  const webDir = mkdtempSync(join(tmpdir(), 'samanvay-web-'));
  const script = `export const big = ${JSON.stringify('x'.repeat(5000) + 'abc'.repeat(2000))};\n`;

  beforeAll(async () => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), `<!doctype html><html><body>${'<p>Samanvay</p>'.repeat(100)}</body></html>`);
    writeFileSync(
      join(webDir, 'index.html.br'),
      brotliCompressSync(`<!doctype html><html><body>${'<p>Samanvay</p>'.repeat(100)}</body></html>`),
    );
    writeFileSync(join(webDir, 'assets', 'index-AbCd1234.js'), script);
    writeFileSync(join(webDir, 'assets', 'index-AbCd1234.js.br'), brotliCompressSync(script));
    writeFileSync(join(webDir, 'assets', 'index-AbCd1234.js.gz'), gzipSync(script));
    const database = await createTestDatabase();
    drop = () => database.drop();
    const ctx: AppContext = {
      database,
      db: database.db,
      now: () => new Date(),
      config: { filesDir: join(webDir, 'files'), webDir, secureCookies: false },
    };
    app = await buildApp(ctx, { logger: false });
    await app.ready();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await drop?.();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('sends a hashed asset pre-compressed (brotli, else gzip) and cached for a year, immutable', async () => {
    const br = await app.inject({ url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await app.inject({ url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ url: '/assets/index-AbCd1234.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('revalidates index.html, also when a screen address falls back to it', async () => {
    for (const url of ['/', '/index.html', '/children/123', '/report-a-child']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toContain('<p>Samanvay</p>');
    }
  });

  it('answers a missing asset with 404, not with index.html', async () => {
    const res = await app.inject({ url: '/assets/gone-ZZZZ9999.js' });
    expect(res.statusCode).toBe(404);
  });

  it('compresses a large API JSON body by Accept-Encoding, and leaves small bodies and non-accepting clients alone', async () => {
    const br = await app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'br;q=1, gzip;q=0.8' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    const doc = JSON.parse(brotliDecompressSync(br.rawPayload).toString());
    expect(doc.openapi).toMatch(/^3\./);
    expect(br.rawPayload.length).toBeLessThan(JSON.stringify(doc).length / 4);

    const gz = await app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString()).openapi).toBe(doc.openapi);

    const none = await app.inject({ url: '/api/openapi.json' });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.json().openapi).toBe(doc.openapi);

    const small = await app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json().status).toBe('ok');
  });
});

describe('chooseEncoding', () => {
  it('prefers brotli, falls back to gzip, honours q=0 and *', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*, br;q=0')).toBe('gzip');
    expect(chooseEncoding(undefined)).toBeNull();
  });
});
