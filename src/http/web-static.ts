import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * The built web app (web/dist): Vite names every file under /assets/ by a hash of its content,
 * so a phone may keep it for a year and never ask again (`immutable`: no revalidation on reload,
 * which on a 400 ms link saved 1.5–2 s per warm start). index.html names the current hashes, so
 * it is revalidated on every load (`no-cache`) and a deploy is picked up at once.
 * The .br/.gz copies written at build time (web/build/precompress.ts) are sent to browsers that
 * accept them: compressed once with the best settings instead of per request.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export interface WebStaticOptions {
  /** false only for the bench's baseline: plain files, revalidated on every load (the old behaviour). */
  optimised?: boolean;
}

export function isHashedAsset(path: string): boolean {
  return /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.(br|gz))?$/.test(path);
}

export async function registerWebStatic(app: FastifyInstance, webDir: string, opts: WebStaticOptions = {}) {
  const optimised = opts.optimised !== false;
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    preCompressed: optimised,
    // send's own `max-age=0` is replaced by ours below.
    cacheControl: false,
    setHeaders(res, path) {
      if (!optimised) {
        res.setHeader('cache-control', 'public, max-age=0');
        return;
      }
      res.setHeader('cache-control', isHashedAsset(path) ? IMMUTABLE : REVALIDATE);
      res.setHeader('vary', 'Accept-Encoding');
    },
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.status(404).send({ code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` });
    }
    // A missing hashed asset (an old tab after a deploy) is a 404, not index.html served as script.
    if (req.url.startsWith('/assets/')) return reply.status(404).send({ code: 'not_found', message: 'No such asset' });
    return reply.sendFile('index.html');
  });
}
