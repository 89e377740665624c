import { bestLikeness } from '../name-index';

export interface Candidate {
  id: string;
  name: string;
  nameLocal: string | null;
  sex: string;
  dob: string | null;
  districtCode: number;
  villageId: string | null;
  keys: string[];
}

/** At or above this an imported row is held for a person to review instead of being created. */
export const DUPLICATE_THRESHOLD = 0.85;

/**
 * Likeness of an incoming child to an existing one: the best name likeness across scripts,
 * discounted when sex differs, ages are far apart (estimated ages drift a year or two) or the
 * village differs.
 */
export function duplicateScore(a: Candidate, b: Candidate): number {
  const names = Math.max(bestLikeness(a.name, b.name, b.nameLocal), a.nameLocal ? bestLikeness(a.nameLocal, b.name) : 0);
  let score = names;
  if (a.sex !== b.sex && a.sex !== 'unknown' && b.sex !== 'unknown') score *= 0.5;
  if (a.dob && b.dob) {
    const years = Math.abs(Date.parse(a.dob) - Date.parse(b.dob)) / (365.25 * 86400_000);
    score *= years <= 1.5 ? 1 : years <= 3 ? 0.85 : 0.5;
  }
  if (a.villageId && b.villageId && a.villageId !== b.villageId) score *= 0.9;
  return Math.round(score * 1000) / 1000;
}
