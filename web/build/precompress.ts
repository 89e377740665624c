import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Writes `name.br` and `name.gz` beside every text file of the build (JS, CSS, HTML, SVG, JSON),
 * compressed once with the strongest settings; the server sends them by Accept-Encoding
 * (src/http/web-static.ts, @fastify/static `preCompressed`). Fonts (woff2) and images are already
 * compressed and are left alone.
 */
const TEXT = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;
const MIN_BYTES = 512;

export function precompressDir(dir: string): { files: number; bytes: number; brotli: number } {
  const totals = { files: 0, bytes: 0, brotli: 0 };
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      const sub = precompressDir(path);
      totals.files += sub.files;
      totals.bytes += sub.bytes;
      totals.brotli += sub.brotli;
      continue;
    }
    if (!TEXT.test(name)) continue;
    const body = readFileSync(path);
    if (body.length < MIN_BYTES) continue;
    const br = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
    });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    totals.files += 1;
    totals.bytes += body.length;
    totals.brotli += br.length;
  }
  return totals;
}

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'samanvay-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    closeBundle() {
      const t = precompressDir(outDir);
      this.info?.(`precompressed ${t.files} files: ${Math.round(t.bytes / 1024)} KB → ${Math.round(t.brotli / 1024)} KB brotli`);
    },
  };
}
