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
    if (Number.isInteger(n) && n > 0 && n <= MAX_VERSION) return n;
  }
  return body.version;
}

/**
 * An LGD code (state, district, sub-district, block) in a query or body: a positive whole
 * number of at most 8 digits, so that it fits the integer columns it is compared with (a
 * larger number is a 400 naming the field, not a database error).
 */
export const lgdCodeQuery = z.coerce
  .number()
  .int('must be an LGD code')
  .positive('must be an LGD code')
  .max(99_999_999, 'must be an LGD code (at most 8 digits)');

/** The largest version a record can have: its column is a PostgreSQL integer. */
export const MAX_VERSION = 2_147_483_647;
/**
 * A record's version as a client sends it back (optimistic locking): a whole number that fits
 * the column, so that a made-up huge one is a 400 naming the field, not a database error.
 */
export const recordVersion = z
  .number()
  .int('must be a whole number')
  .positive('must be the version you read (1 or more)')
  .max(MAX_VERSION, 'is not a version of this record');
