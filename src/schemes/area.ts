import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { covers, type Actor, type ScopeColumns } from '../access/policy';
import { getLocation, placementOf, type LocationRow } from '../locations/locations.repository';
import { HttpError, badRequest } from '../http/errors';

export type AreaLevel = LocationRow['level'];

/**
 * A place a list or a report is asked about (`locationId`). It must lie inside the
 * actor's jurisdiction; the jurisdiction filter is applied in SQL regardless.
 */
export interface Area {
  id: string;
  level: AreaLevel;
  name: string;
  nameLocal: string | null;
  stateCode: number;
  districtCode: number | null;
  subdistrictCode: number | null;
  blockCode: number | null;
}

export async function resolveArea(db: Db, actor: Actor, locationId: string | undefined, field = 'locationId'): Promise<Area | null> {
  if (!locationId) return null;
  const loc = await getLocation(db, locationId);
  if (!loc) throw badRequest(field, `no location "${locationId}"`);
  const p = placementOf(loc);
  const inside = p
    ? covers(actor.scope, p)
    : actor.scope.level === 'national' || (actor.scope.level === 'state' && actor.scope.stateCode === loc.stateCode);
  if (!inside) throw new HttpError(403, 'outside_jurisdiction', 'The location is outside your jurisdiction');
  return {
    id: loc.id,
    level: loc.level,
    name: loc.name,
    nameLocal: loc.nameLocal,
    stateCode: loc.stateCode,
    districtCode: loc.districtCode,
    subdistrictCode: loc.subdistrictCode,
    blockCode: loc.blockCode,
  };
}

/** The SQL condition "this row lies in the area" for a table with scope columns. */
export function areaWhere(area: Area | null, cols: ScopeColumns): SQL {
  if (!area) return sql`true`;
  switch (area.level) {
    case 'state':
      return eq(cols.stateCode, area.stateCode);
    case 'district':
      return and(eq(cols.stateCode, area.stateCode), eq(cols.districtCode, area.districtCode!))!;
    case 'subdistrict':
      return cols.subdistrictCode
        ? and(eq(cols.districtCode, area.districtCode!), eq(cols.subdistrictCode, area.subdistrictCode!))!
        : sql`false`;
    case 'block':
      return cols.blockCode ? and(eq(cols.districtCode, area.districtCode!), eq(cols.blockCode, area.blockCode!))! : sql`false`;
    case 'village':
      return cols.villageId ? eq(cols.villageId as AnyPgColumn, area.id) : sql`false`;
  }
}

/** Reports break an area down one level: state → districts, district → talukas, taluka or block → villages. */
export function childLevel(area: Area | null, actor: Actor): 'district' | 'subdistrict' | 'village' {
  const level = area?.level ?? actor.scope.level;
  if (level === 'national' || level === 'state') return 'district';
  if (level === 'district') return 'subdistrict';
  return 'village';
}
