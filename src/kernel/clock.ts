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

/** The IST calendar day of any instant (a timestamp shown or compared as a date). */
export const istDayOf = istToday;

/** The day `days` after (negative: before) a calendar day. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Year, month (1–12) and day of the IST calendar day `now` falls on. */
export function istDateParts(now: Date): { y: number; m: number; d: number } {
  const [y, m, d] = istToday(now).split('-').map(Number);
  return { y, m, d };
}

/**
 * The same IST calendar day `years` years before `now` (29 February → 28 February in a
 * common year): someone born on or before it is at least `years` old today.
 */
export function istYearsBefore(now: Date, years: number): string {
  const { y, m, d } = istDateParts(now);
  const x = new Date(Date.UTC(y - years, m - 1, d));
  if (x.getUTCMonth() !== m - 1) x.setUTCDate(0);
  return x.toISOString().slice(0, 10);
}
