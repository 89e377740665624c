import { z } from 'zod';

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
};
export const idParams = z.object({ id: z.uuid('must be a record id (UUID)') });

/** Updates also accept the version in an If-Match header (ETag style). */
export function versionFrom(body: { version?: number }, ifMatch: string | string[] | undefined): number | undefined {
  const h = Array.isArray(ifMatch) ? ifMatch[0] : ifMatch;
  if (h) {
    const n = Number(h.replace(/^W\//, '').replace(/"/g, ''));
    if (Number.isInteger(n) && n > 0) return n;
  }
  return body.version;
}
