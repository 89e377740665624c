import { CAREGIVER_TYPES, CARE_STATUSES, SEXES, VULNERABILITY_FACTORS } from '../../../../src/registry/vocabulary';

/**
 * List filters live in the address (?q=Laxmi&careStatus=cci), so Back works, a filtered
 * list can be bookmarked, and a reload keeps it. Unknown values are dropped here rather
 * than sent to the server to be refused.
 */
export interface ChildSearch {
  q?: string;
  villageId?: string;
  careStatus?: string;
  factor?: string;
  sex?: string;
  ageMin?: number;
  ageMax?: number;
  page?: number;
}

export interface FamilySearch {
  q?: string;
  villageId?: string;
  factor?: string;
  caregiverType?: string;
  page?: number;
}

const str = (v: unknown, max = 100) => (typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : undefined);
const oneOf = (v: unknown, allowed: readonly string[]) => (typeof v === 'string' && allowed.includes(v) ? v : undefined);
const int = (v: unknown, min: number, max: number) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/** Drops empty keys so the address stays clean. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as T;
}

export function parseChildSearch(raw: Record<string, unknown>): ChildSearch {
  let ageMin = int(raw.ageMin, 0, 25);
  let ageMax = int(raw.ageMax, 0, 25);
  if (ageMin != null && ageMax != null && ageMin > ageMax) [ageMin, ageMax] = [ageMax, ageMin];
  return compact({
    q: str(raw.q),
    villageId: str(raw.villageId, 60),
    careStatus: oneOf(raw.careStatus, CARE_STATUSES),
    factor: oneOf(raw.factor, VULNERABILITY_FACTORS),
    sex: oneOf(raw.sex, SEXES),
    ageMin,
    ageMax,
    page: int(raw.page, 1, 100_000),
  });
}

export function parseFamilySearch(raw: Record<string, unknown>): FamilySearch {
  return compact({
    q: str(raw.q),
    villageId: str(raw.villageId, 60),
    factor: oneOf(raw.factor, VULNERABILITY_FACTORS),
    caregiverType: oneOf(raw.caregiverType, CAREGIVER_TYPES),
    page: int(raw.page, 1, 100_000),
  });
}
