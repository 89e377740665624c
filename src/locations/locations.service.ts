import type { AppContext } from '../http/context';
import { requireCovers, requirePermission, type Actor } from '../access/policy';
import { badRequest } from '../http/errors';
import { getLocation, insertVillage, placementOf } from './locations.repository';

export interface VillageInput {
  name: string;
  nameLocal?: string;
  parentId: string;
  blockCode?: number;
}

/**
 * Adds a village (or gram panchayat) under a taluka or block. A village's codes decide who
 * sees the records placed in it (src/access/policy.ts), so its block must be one of the same
 * district as its taluka (LGD: a block — community development block — lies inside a district,
 * and may span talukas), and, under a block, that block.
 */
export async function addVillage(ctx: AppContext, actor: Actor, input: VillageInput) {
  requirePermission(actor, 'survey.write', 'config.edit');
  const parent = await getLocation(ctx.db, input.parentId);
  const parentPlace = parent ? placementOf(parent) : null;
  if (!parent || !parentPlace || (parent.level !== 'subdistrict' && parent.level !== 'block'))
    throw badRequest('parentId', 'no such taluka or block');
  requireCovers(actor, parentPlace, 'taluka');
  if (input.blockCode !== undefined) {
    const block = await getLocation(ctx.db, `bl:${input.blockCode}`);
    if (!block || block.level !== 'block') throw badRequest('blockCode', `no block with LGD code ${input.blockCode}`);
    if (block.stateCode !== parent.stateCode || block.districtCode !== parent.districtCode) {
      throw badRequest(
        'blockCode',
        `block ${input.blockCode} is in district ${block.districtCode}, not in district ${parent.districtCode} of ${parent.name}`,
      );
    }
    if (parent.level === 'block' && input.blockCode !== parent.blockCode) {
      throw badRequest(
        'blockCode',
        `the village is added under block ${parent.blockCode}; leave blockCode out or give ${parent.blockCode}`,
      );
    }
    // The village's own place must be inside the jurisdiction too (a block officer adds villages of her block).
    requireCovers(actor, { ...parentPlace, blockCode: input.blockCode }, 'block');
  }
  return insertVillage(ctx.db, { name: input.name, nameLocal: input.nameLocal, parent, blockCode: input.blockCode });
}
