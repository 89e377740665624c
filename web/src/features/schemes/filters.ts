/** The worklist's and the outcomes' filters live in the address, like the registry's lists. */
const str = (v: unknown, max = 80) => (typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : undefined);
const date = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
const int = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : undefined;
};

export interface WorklistSearch {
  schemeId?: string;
  locationId?: string;
  status?: 'eligible' | 'maybe';
  page?: number;
}

export function parseWorklistSearch(s: Record<string, unknown>): WorklistSearch {
  return {
    schemeId: str(s.schemeId),
    locationId: str(s.locationId, 60),
    status: s.status === 'maybe' ? 'maybe' : undefined,
    page: int(s.page),
  };
}

export interface OutcomesSearch {
  from?: string;
  to?: string;
  locationId?: string;
  groupBy?: 'district' | 'subdistrict' | 'village';
}

export function parseOutcomesSearch(s: Record<string, unknown>): OutcomesSearch {
  const g = s.groupBy;
  return {
    from: date(s.from),
    to: date(s.to),
    locationId: str(s.locationId, 60),
    groupBy: g === 'district' || g === 'subdistrict' || g === 'village' ? g : undefined,
  };
}

export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as T;
}
