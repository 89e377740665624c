import { istDateParts } from '../kernel/clock';

/** Whole years between a date of birth and the IST calendar day of `today`, or null when unknown. */
export function ageOn(dob: string | null | undefined, today: Date): number | null {
  if (!dob) return null;
  const [y, m, d] = dob.split('-').map(Number);
  const t = istDateParts(today);
  let age = t.y - y;
  if (t.m < m || (t.m === m && t.d < d)) age--;
  return age;
}

/** An estimated age becomes a date of birth in the middle of that year of life, flagged as estimated. */
export function dobFromAge(ageYears: number, today: Date): string {
  const n = istDateParts(today);
  const t = Date.UTC(n.y - ageYears, n.m - 1, n.d) - 182 * 86400_000;
  return new Date(t).toISOString().slice(0, 10);
}
