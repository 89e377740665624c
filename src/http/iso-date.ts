import { z } from 'zod';

/**
 * The one validator for a calendar day written YYYY-MM-DD, used by every domain's request
 * schemas (and by pure domain code and the web app's forms: this file imports nothing but zod).
 * Two reasons, each its own message, which the web app translates by their English text
 * (web/src/forms/errors.ts):
 * - `must be a date YYYY-MM-DD`: the shape is wrong ('5/3/2024', '2024-3-5', '2024-03-05T00:00');
 * - `is not a real date`: the shape is right but no such day exists (2023-02-29, 2024-13-01),
 *   or it is before 1900: no record here can be that old, PostgreSQL refuses year 0 (a 500
 *   otherwise), and Date.UTC reads years 0–99 as 1900–1999.
 * The path is the field's: the 400 names the field (`issues[{field, message}]`).
 */
export const ISO_DATE_FORMAT = 'must be a date YYYY-MM-DD';
export const NOT_A_REAL_DATE = 'is not a real date';

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a YYYY-MM-DD string naming a day that exists in the Gregorian calendar. */
export function isRealIsoDate(s: string): boolean {
  const m = SHAPE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate(); // day 0 of the next month: this month's last day
}

export const isoDate = z.string().regex(SHAPE, { message: ISO_DATE_FORMAT, abort: true }).refine(isRealIsoDate, NOT_A_REAL_DATE);
