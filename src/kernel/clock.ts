/**
 * The one clock. The server reads the time only through `AppContext.now` (injectable in
 * tests); everything that needs "today" asks this module for the IST calendar day, because
 * the JJ Act's timelines and the forms' dates are applied on the Indian calendar, not UTC.
 */
import { istDay } from '../cases/domain/time';

/** India Standard Time is UTC+05:30 all year (no daylight saving). */
export const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;

/** The IST calendar day (YYYY-MM-DD) an instant falls on. */
export function istToday(now: Date): string {
  return istDay(now.toISOString());
}

/** The IST calendar day `days` days before (negative: after) the day `now` falls on. */
export function istDaysAgo(now: Date, days: number): string {
  const d = new Date(`${istToday(now)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
