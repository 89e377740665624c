/**
 * The web app's one clock (issue #17): "today" on every form and screen is the IST calendar
 * day, computed by the same pure function the server uses (src/cases/domain/time.ts), never
 * the browser's local day or a copy of the offset arithmetic. The JJ Act's timelines and the
 * forms' dates run on the Indian calendar whatever the device's time zone.
 */
import { istDay as istDayOfInstant } from '../../../src/cases/domain/time';

/** The IST calendar day (YYYY-MM-DD) an instant falls on: an ISO string or epoch milliseconds. */
export function istDay(at: string | number): string {
  return istDayOfInstant(typeof at === 'number' ? new Date(at).toISOString() : at);
}

/** Today's IST calendar day (YYYY-MM-DD). */
export function todayIst(): string {
  return istDay(Date.now());
}

/** This IST month (YYYY-MM). */
export function thisMonthIst(): string {
  return todayIst().slice(0, 7);
}

/** The calendar day `days` after (negative: before) a calendar day. */
export { addDays } from '../../../src/kernel/clock';
