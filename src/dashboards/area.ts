/**
 * Which area a dashboard counts: the actor's own jurisdiction, or one district inside it when a
 * state or national user drills down. Narrowing never widens: a block user asking for their
 * district still counts their block, and a district outside the jurisdiction is refused.
 */
import type { AppContext } from '../http/context';
import { covers, requirePermission, type Actor } from '../access/policy';
import { HttpError } from '../http/errors';
import { getLocation } from '../locations/locations.repository';

export interface Area {
  level: string;
  stateCode: number | null;
  districtCode: number | null;
  name: string;
}

/** Counts only, never a child's particulars: every role that reads records or convergence may see them. */
export function requireDashboard(actor: Actor): void {
  requirePermission(actor, 'registry.read', 'registry.read.minimal', 'cases.read', 'convergence.read');
}

export async function areaActor(ctx: AppContext, actor: Actor, district?: number): Promise<{ actor: Actor; area: Area }> {
  requireDashboard(actor);
  const s = actor.scope;
  if (district !== undefined && !(s.districtCode === district && s.level !== 'national' && s.level !== 'state')) {
    const loc = await getLocation(ctx.db, `di:${district}`);
    if (!loc)
      throw new HttpError(400, 'invalid', `No district with LGD code ${district}`, [{ field: 'district', message: 'unknown district' }]);
    if (!(s.level === 'national' || s.level === 'state') || !covers(s, { stateCode: loc.stateCode, districtCode: district })) {
      throw new HttpError(403, 'outside_jurisdiction', 'The district is outside your jurisdiction');
    }
    return {
      actor: { ...actor, scope: { level: 'district', stateCode: loc.stateCode, districtCode: district } },
      area: { level: 'district', stateCode: loc.stateCode, districtCode: district, name: loc.name },
    };
  }
  const id =
    s.level === 'national'
      ? null
      : s.level === 'state'
        ? `st:${s.stateCode}`
        : s.level === 'district'
          ? `di:${s.districtCode}`
          : s.level === 'village'
            ? (s.villageId ?? null)
            : s.level === 'block'
              ? `bl:${s.blockCode}`
              : `sd:${s.subdistrictCode}`;
  const loc = id ? await getLocation(ctx.db, id) : null;
  return {
    actor,
    area: { level: s.level, stateCode: s.stateCode ?? null, districtCode: s.districtCode ?? null, name: loc?.name ?? 'India' },
  };
}
