import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { PlaceNames } from '../linkage/person-names';
import { location } from './locations.schema';

/** LGD state and district names by code, loaded once per database (about 800 rows). */
const placeCache = new WeakMap<Db, Promise<Map<string, string>>>();

function placeTable(db: Db): Promise<Map<string, string>> {
  let p = placeCache.get(db);
  if (!p) {
    p = db
      .select({ id: location.id, name: location.name })
      .from(location)
      .where(inArray(location.level, ['state', 'district']))
      .then((rows) => new Map(rows.map((r) => [r.id, r.name])));
    p.catch(() => placeCache.delete(db));
    placeCache.set(db, p);
  }
  return p;
}

export async function placeNames(db: Db, stateCode: number, districtCode: number): Promise<PlaceNames> {
  const t = await placeTable(db);
  return { state: t.get(`st:${stateCode}`) ?? '', district: t.get(`di:${districtCode}`) ?? '' };
}
