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

/**
 * An LGD code (state, district, sub-district, block) in a query or body: a positive whole
 * number of at most 8 digits, so that it fits the integer columns it is compared with (a
 * larger number is a 400 naming the field, not a database error).
 */
export const lgdCodeQuery = z.coerce.number().int('must be an LGD code').positive('must be an LGD code').max(99_999_999, 'must be an LGD code (at most 8 digits)');
