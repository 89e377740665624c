import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { location } from './locations.schema';

export type LocationRow = typeof location.$inferSelect;

export async function getLocation(db: Db, id: string): Promise<LocationRow | null> {
  const [row] = await db.select().from(location).where(eq(location.id, id));
  return row ?? null;
}

export function listLocations(db: Db, filter: { parentId?: string; level?: string; districtCode?: number }) {
  const conds: SQL[] = [];
  if (filter.parentId) conds.push(eq(location.parentId, filter.parentId));
  if (filter.level) conds.push(eq(location.level, filter.level as LocationRow['level']));
  if (filter.districtCode) conds.push(eq(location.districtCode, filter.districtCode));
  return db
    .select()
    .from(location)
    .where(and(...conds))
    .orderBy(asc(location.name))
    .limit(2000);
}

export async function insertVillage(
  db: Db,
  v: { name: string; nameLocal?: string | null; parent: LocationRow; blockCode?: number | null; id?: string },
) {
  const id = v.id ?? `vi:${crypto.randomUUID()}`;
  const [row] = await db
    .insert(location)
    .values({
      id,
      level: 'village',
      name: v.name,
      nameLocal: v.nameLocal ?? null,
      parentId: v.parent.id,
      stateCode: v.parent.stateCode,
      districtCode: v.parent.districtCode,
      subdistrictCode: v.parent.subdistrictCode,
      blockCode: v.blockCode ?? v.parent.blockCode,
    })
    .returning();
  return row;
}

/** The placement codes a record inherits from where it is. */
export function placementOf(loc: LocationRow) {
  if (loc.districtCode == null) return null;
  return {
    stateCode: loc.stateCode,
    districtCode: loc.districtCode,
    subdistrictCode: loc.subdistrictCode,
    blockCode: loc.blockCode,
    villageId: loc.level === 'village' ? loc.id : null,
  };
}
