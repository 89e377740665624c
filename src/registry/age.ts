/** Whole years between a date of birth and today (UTC), or null when unknown. */
export function ageOn(dob: string | null | undefined, today: Date): number | null {
  if (!dob) return null;
  const [y, m, d] = dob.split('-').map(Number);
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return age;
}

/** An estimated age becomes a date of birth in the middle of that year of life, flagged as estimated. */
export function dobFromAge(ageYears: number, today: Date): string {
  const t = Date.UTC(today.getUTCFullYear() - ageYears, today.getUTCMonth(), today.getUTCDate()) - 182 * 86400_000;
  return new Date(t).toISOString().slice(0, 10);
}
