/**
 * When a sponsorship is paused (issue #18), from the child's school absences. The rule and its
 * interval are the law module's (src/law/care-clocks.ts, `sponsorshipSchoolAbsence`: Mission
 * Vatsalya guidelines 2022, 4.1; JJ Model Rules 2016 R.24), so a state's override applies: a
 * school-going child absent more than 30 days pauses the sponsorship from the next day until the
 * day before the child is back. Pure: the service passes the stored absences.
 */
import { sponsorshipClocks } from '../../law/care-clocks';
import type { SchoolAbsence } from './sponsorship.schema';

export interface PausePeriod {
  /** First paused day. */
  from: string;
  /** Last paused day (the day before the child was back), or null while the child is still absent. */
  to: string | null;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The last day of an absence begun on `from` before the pause (the clock's due day). */
export function lastDayBeforePause(from: string, stateCode: number | string | null, today: string): string {
  const clocks = sponsorshipClocks(
    { appliedOn: from, decidedOn: from, sanctioned: true, lastReviewOn: from, schoolGoing: true, absentSince: from },
    stateCode,
    today,
  );
  return clocks.find((c) => c.key === 'sponsorshipSchoolAbsence')!.dueOn;
}

export function pausePeriods(
  absences: readonly SchoolAbsence[],
  absentSince: string | null,
  stateCode: number | string | null,
  today: string,
): PausePeriod[] {
  const out: PausePeriod[] = [];
  for (const a of absences) {
    const from = addDays(lastDayBeforePause(a.from, stateCode, today), 1);
    const to = addDays(a.to, -1);
    if (from <= to) out.push({ from, to });
  }
  if (absentSince) {
    const from = addDays(lastDayBeforePause(absentSince, stateCode, today), 1);
    if (from <= today) out.push({ from, to: null });
  }
  return out;
}

/**
 * Whether a month's grant (YYYY-MM) falls in a pause: the grant is monthly, so a month with any
 * paused day is withheld (the SFCAC's review decides whether the sponsorship goes on).
 */
export function monthPaused(periods: readonly PausePeriod[], month: string): PausePeriod | null {
  const first = `${month}-01`;
  const last = addDays(`${addMonth(month)}-01`, -1);
  return periods.find((p) => p.from <= last && (p.to === null || p.to >= first)) ?? null;
}

function addMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The reason written on a month the pause withholds; the general ledger route will not pay such a month. */
export const PAUSE_REASON =
  'Sponsorship paused: school-going child absent from school more than 30 days (Mission Vatsalya guidelines 2022, 4.1)';
