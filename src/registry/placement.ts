import type { Db } from '../db/client';
import { requireCovers, type Actor, type Placement } from '../access/policy';
import { getLocation, placementOf } from '../locations/locations.repository';
import { badRequest } from '../http/errors';

/** Turns a location id from a form into the codes a record carries, refusing places outside the actor's jurisdiction. */
export async function resolvePlacement(db: Db, actor: Actor, locationId: string, field = 'locationId'): Promise<Placement> {
  const loc = await getLocation(db, locationId);
  if (!loc) throw badRequest(field, `no location "${locationId}"`);
  const p = placementOf(loc);
  if (!p) throw badRequest(field, 'choose a village, taluka, block or district, not a whole state');
  requireCovers(actor, p, 'location');
  return p;
}
