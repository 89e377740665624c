/**
 * Calendar-day arithmetic on 'YYYY-MM-DD' strings. Due dates are days in India Standard
 * Time; doing the arithmetic in UTC on date-only values avoids any time-zone drift, and
 * ISO strings compare correctly as strings.
 */
import type { IsoDate, IsoMonth } from './types';

const DAY_MS = 86_400_000;
const toUtc = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`);
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(d) + n * DAY_MS);
}

export function monthOf(d: IsoDate): IsoMonth {
  return d.slice(0, 7);
}

export function monthEnd(m: IsoMonth): IsoDate {
  const [y, mo] = m.split('-').map(Number);
  return fromUtc(Date.UTC(y, mo, 0));
}

export function monthStart(m: IsoMonth): IsoDate {
  return `${m}-01`;
}

/** Months from `from` to `to` inclusive, e.g. ('2025-11', '2026-01') → 3 months. */
export function monthRange(from: IsoMonth, to: IsoMonth): IsoMonth[] {
  const out: IsoMonth[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
