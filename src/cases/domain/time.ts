/**
 * Pure time arithmetic for due dates. Nothing here reads the clock: callers
 * pass `now`, so the API and the web app compute the same answers.
 */

/** India Standard Time is UTC+05:30 all year (no daylight saving). */
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** A span of time in exactly one unit; months are calendar months. */
export type Duration = { hours: number } | { days: number } | { months: number };

/** Milliseconds since the epoch of an ISO instant (with offset). */
export function toMs(isoInstant: string): number {
  return Date.parse(isoInstant);
}

/** Accepts `now` as a Date, an ISO string or epoch milliseconds. */
export type Clock = Date | string | number;

export function clockMs(now: Clock): number {
  if (typeof now === 'number') return now;
  if (typeof now === 'string') return Date.parse(now);
  return now.getTime();
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Adds a duration to an instant. Calendar months clamp to the month's last day
 * (31 Oct + 4 months = 28/29 Feb), so "within four months" never overshoots.
 * Months are counted on the IST calendar, the calendar the Act is applied on.
 */
export function addDuration(isoInstant: string, duration: Duration): string {
  const ms = toMs(isoInstant);
  if ('hours' in duration) return toIso(ms + duration.hours * HOUR_MS);
  if ('days' in duration) return toIso(ms + duration.days * DAY_MS);
  const local = new Date(ms + IST_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + duration.months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const target = Date.UTC(
    y,
    m,
    Math.min(local.getUTCDate(), lastDay),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  return toIso(target - IST_OFFSET_MS);
}

/** A calendar day (YYYY-MM-DD) is due by the end of that day in IST. */
export function endOfDayIst(day: string): string {
  return toIso(Date.parse(`${day}T23:59:59.999+05:30`));
}

/** The IST calendar day an instant falls on. */
export function istDay(isoInstant: string): string {
  return new Date(toMs(isoInstant) + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Rough length in hours, only for comparing durations of different units. */
export function nominalHours(duration: Duration): number {
  if ('hours' in duration) return duration.hours;
  if ('days' in duration) return duration.days * 24;
  return duration.months * 31 * 24;
}

/** Human wording, e.g. "24 hours", "15 days", "4 months". */
export function describeDuration(duration: Duration): string {
  const [unit, n] = Object.entries(duration)[0] as [string, number];
  return `${n} ${n === 1 ? unit.slice(0, -1) : unit}`;
}

/**
 * JJ Act 2015 s.38(1): is a child born on `dob` "up to two years of age" on `day` (both
 * YYYY-MM-DD)? True up to and including the second birthday (29 February counts from 1 March).
 */
export function upToTwoYearsOn(dob: string, day: string): boolean {
  const [y, m, d] = dob.split('-').map(Number);
  const second = new Date(Date.UTC(y + 2, m - 1, d)).toISOString().slice(0, 10);
  return day <= second;
}
