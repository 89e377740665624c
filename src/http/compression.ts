import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

/**
 * Compression of the server's own text responses (API JSON, CSV, the SPA's index.html when no
 * pre-compressed copy exists). A phone on a village connection (400 kbps) waits 1 s for every
 * 50 KB: a list page of JSON shrinks 5–10× with brotli. Built assets are compressed once at build
 * time (web/build/precompress.ts) and served by @fastify/static; this hook only handles bodies
 * the server makes per request, synchronously (they are small; quality 4 brotli is ~1 ms per 100 KB).
 */

/** Bodies smaller than this are sent as they are: the saving does not pay for a packet. */
export const COMPRESS_MIN_BYTES = 1024;

const TEXT = /^(application\/(json|javascript|xml|problem\+json)|text\/|image\/svg\+xml)/;

/** The encoding to use for a request's Accept-Encoding: brotli first, then gzip; q=0 refuses. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  const offered = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    offered.set(name!.trim(), q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

export function registerCompression(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method === 'HEAD' || reply.hasHeader('content-encoding')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload; // streams: files, pre-compressed assets
    const type = String(reply.getHeader('content-type') ?? '');
    if (!TEXT.test(type)) return payload;
    reply.header('vary', appendVary(reply.getHeader('vary'), 'Accept-Encoding'));
    // The encoding first: a client that accepts none gets the string as it is, not copied to a Buffer.
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    if (!encoding) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length < COMPRESS_MIN_BYTES) return payload;
    const compressed =
      encoding === 'br'
        ? brotliCompressSync(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          })
        : gzipSync(body, { level: 6 });
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return compressed;
  });
}

function appendVary(current: unknown, value: string): string {
  const existing = String(current ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (existing.some((v) => v.toLowerCase() === value.toLowerCase() || v === '*')) return existing.join(', ');
  return [...existing, value].join(', ');
}
