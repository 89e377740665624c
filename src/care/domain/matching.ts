import { z } from 'zod';
import raw from './matching.json' with { type: 'json' };

/**
 * Matching a child who needs foster care to the approved families of the district (JJ Act 2015
 * s.44; JJ Model Rules 2016 r.23): a pure ranking over the families the query already found
 * approved, valid and in the district (foster-life.service.ts). A family that cannot take the
 * child (no place left, outside the sex or age it was approved for, no sibling group) is
 * excluded with its reasons; the others are ranked by points with every reason that scored.
 * The points are versioned data (matching.json), a policy choice a state may change.
 */
const schema = z.strictObject({
  version: z.string().min(3),
  verification: z.enum(['official_text', 'secondary_source', 'unverified']),
  basis: z.string().min(20),
  points: z.strictObject({
    siblingWithFamily: z.number().int().min(0).max(20),
    sameVillage: z.number().int().min(0).max(20),
    sameBlock: z.number().int().min(0).max(20),
    sameSubdistrict: z.number().int().min(0).max(20),
    languageShared: z.number().int().min(0).max(20),
    takesSiblings: z.number().int().min(0).max(20),
    roomToSpare: z.number().int().min(0).max(20),
    noChildPlaced: z.number().int().min(0).max(20),
  }),
});
export type MatchingRules = z.infer<typeof schema>;
let current: MatchingRules = schema.parse(raw);
export const matchingRules = (): MatchingRules => current;
/** For tests: other points until reset with null. */
export function setMatchingRules(r: unknown | null): void {
  current = schema.parse(r ?? raw);
}

export interface MatchChild {
  sex: string;
  /** Completed years on the day of matching; null when the registry has no date of birth. */
  ageYears: number | null;
  subdistrictCode: number | null;
  blockCode: number | null;
  villageId: string | null;
  /** Languages the child speaks (the caseworker says; the registry holds none). */
  languages: readonly string[];
  /** Brothers and sisters to be placed together with the child (the places needed are 1 + this). */
  siblingsToPlace: number;
  /** Families a brother or sister of the child is placed with now. */
  siblingCarerIds: ReadonlySet<string>;
}
export interface MatchCarer {
  id: string;
  capacity: number;
  /** Children placed with the family now (running foster placements). */
  placed: number;
  prefersSex: string;
  ageMin: number | null;
  ageMax: number | null;
  languages: readonly string[];
  takesSiblings: boolean;
  subdistrictCode: number | null;
  blockCode: number | null;
  villageId: string | null;
}

export const MATCH_REASONS = [
  'sibling_with_family',
  'same_village',
  'same_block',
  'same_subdistrict',
  'language_shared',
  'takes_siblings',
  'room_to_spare',
  'no_child_placed',
] as const;
export const MATCH_EXCLUSIONS = ['no_place', 'places_for_siblings', 'sex_preference', 'age_preference', 'no_sibling_group'] as const;
export type MatchReason = { code: (typeof MATCH_REASONS)[number]; points: number };
export type MatchExclusion = { code: (typeof MATCH_EXCLUSIONS)[number] };

export interface RankedCarer {
  carerId: string;
  score: number;
  freePlaces: number;
  reasons: MatchReason[];
}
export interface ExcludedCarer {
  carerId: string;
  freePlaces: number;
  exclusions: MatchExclusion[];
}

function exclusionsOf(child: MatchChild, c: MatchCarer, free: number): MatchExclusion[] {
  const out: MatchExclusion[] = [];
  const needed = 1 + child.siblingsToPlace;
  if (free < 1) out.push({ code: 'no_place' });
  else if (free < needed) out.push({ code: 'places_for_siblings' });
  if (c.prefersSex !== 'any' && c.prefersSex !== child.sex) out.push({ code: 'sex_preference' });
  if (child.ageYears != null && ((c.ageMin != null && child.ageYears < c.ageMin) || (c.ageMax != null && child.ageYears > c.ageMax)))
    out.push({ code: 'age_preference' });
  if (child.siblingsToPlace > 0 && !c.takesSiblings) out.push({ code: 'no_sibling_group' });
  return out;
}

/** The candidates best first (ties: more free places, then the id, so the order is stable), and the excluded with why. */
export function rankCarers(
  child: MatchChild,
  carers: readonly MatchCarer[],
  rules: MatchingRules = current,
): { candidates: RankedCarer[]; excluded: ExcludedCarer[] } {
  const p = rules.points;
  const candidates: RankedCarer[] = [];
  const excluded: ExcludedCarer[] = [];
  for (const c of carers) {
    const free = Math.max(0, c.capacity - c.placed);
    const ex = exclusionsOf(child, c, free);
    if (ex.length) {
      excluded.push({ carerId: c.id, freePlaces: free, exclusions: ex });
      continue;
    }
    const reasons: MatchReason[] = [];
    const add = (code: MatchReason['code'], points: number) => points > 0 && reasons.push({ code, points });
    if (child.siblingCarerIds.has(c.id)) add('sibling_with_family', p.siblingWithFamily);
    // Nearest LGD unit only: a family in the same village is also in the same block.
    if (child.villageId && c.villageId === child.villageId) add('same_village', p.sameVillage);
    else if (child.blockCode != null && c.blockCode === child.blockCode) add('same_block', p.sameBlock);
    else if (child.subdistrictCode != null && c.subdistrictCode === child.subdistrictCode) add('same_subdistrict', p.sameSubdistrict);
    const spoken = new Set(child.languages.map((l) => l.toLowerCase()));
    if (c.languages.some((l) => spoken.has(l.toLowerCase()))) add('language_shared', p.languageShared);
    if (child.siblingsToPlace > 0 && c.takesSiblings) add('takes_siblings', p.takesSiblings);
    if (free > 1 + child.siblingsToPlace) add('room_to_spare', p.roomToSpare);
    if (c.placed === 0) add('no_child_placed', p.noChildPlaced);
    candidates.push({ carerId: c.id, score: reasons.reduce((s, r) => s + r.points, 0), freePlaces: free, reasons });
  }
  candidates.sort((a, b) => b.score - a.score || b.freePlaces - a.freePlaces || (a.carerId < b.carerId ? -1 : 1));
  excluded.sort((a, b) => (a.carerId < b.carerId ? -1 : 1));
  return { candidates, excluded };
}
