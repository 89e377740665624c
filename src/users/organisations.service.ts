import type { Db } from '../db/client';
import type { Actor } from '../access/policy';
import { requireAdministers, type HierarchyPlace } from '../access/administration';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { getLocation } from '../locations/locations.repository';
import { audit } from '../audit/audit.service';
import { KIND_SPECS, isOrganisationKind, levelProblem, ORGANISATION_KINDS } from './organisation-kinds';
import {
  activeOfKindAt,
  findOrganisationById,
  findOrganisationIn,
  insertOrganisation,
  listMembers,
  listOrganisationsIn,
  sameNameAt,
  updateOrganisation,
  type OrganisationFilter,
  type OrganisationRow,
} from './organisations.repository';

/**
 * Organisations as the hierarchy: the state society, the district unit and committee, the
 * block/taluka and village committees, institutions, adoption agencies, NGOs and departments,
 * each at one LGD place. Created and edited by an administrator inside their jurisdiction.
 */

/** The area an organisation works in, as a place of the hierarchy. */
export function organisationArea(
  o: Pick<OrganisationRow, 'level' | 'stateCode' | 'districtCode' | 'subdistrictCode' | 'blockCode' | 'villageId'>,
): HierarchyPlace {
  if (o.stateCode == null) return { level: 'national' };
  if (o.districtCode == null) return { level: 'state', stateCode: o.stateCode };
  return {
    level: o.level,
    stateCode: o.stateCode,
    districtCode: o.districtCode,
    subdistrictCode: o.subdistrictCode,
    blockCode: o.blockCode,
    villageId: o.villageId,
  };
}

/** A kind at most once per place among active organisations (a state has one SCPS, a village one VCPC). */
const ONE_PER_PLACE = new Set(['SCPS', 'SARA', 'DCWPC', 'BCPC', 'TCPC', 'VCPC']);

export interface NewOrganisation {
  kind: string;
  name: string;
  nameLocal?: string | null;
  /** The LGD place: 'st:27', 'di:468', 'sd:4005', 'bl:4303', 'vi:…'. */
  placeId: string;
  registration?: string | null;
}

/** `by` is null only for the command line's operator. */
export async function createOrganisation(db: Db, by: Actor | null, o: NewOrganisation) {
  if (!isOrganisationKind(o.kind)) throw badRequest('kind', `must be one of ${ORGANISATION_KINDS.join(', ')}`);
  const name = o.name.trim();
  if (!name) throw badRequest('name', 'is required');
  const loc = await getLocation(db, o.placeId);
  if (!loc) throw badRequest('placeId', `no location "${o.placeId}"`);
  const misfit = levelProblem(o.kind, loc.level);
  if (misfit) throw badRequest('placeId', misfit);
  const spec = KIND_SPECS[o.kind];
  const registration = o.registration?.trim() || null;
  if (spec.registrationRequired && !registration) throw badRequest('registration', `is required for a ${o.kind} (${spec.basis})`);
  const place: HierarchyPlace = {
    level: loc.level,
    stateCode: loc.stateCode,
    districtCode: loc.districtCode,
    subdistrictCode: loc.subdistrictCode,
    blockCode: loc.blockCode,
    villageId: loc.level === 'village' ? loc.id : null,
  };
  if (by) requireAdministers(by.scope, place, 'placeId');
  if (ONE_PER_PLACE.has(o.kind) && (await activeOfKindAt(db, o.kind, loc.id)).length) {
    throw new HttpError(409, 'organisation_exists', `${loc.name} already has an active ${o.kind}`, [
      { field: 'kind', message: `${loc.name} already has an active ${o.kind}` },
    ]);
  }
  if (await sameNameAt(db, name, loc.id)) {
    throw new HttpError(409, 'organisation_exists', 'an organisation of this name is already registered at this place', [
      { field: 'name', message: 'is already taken at this place' },
    ]);
  }
  const row = await insertOrganisation(db, {
    name,
    nameLocal: o.nameLocal?.trim() || null,
    kind: o.kind,
    level: loc.level,
    placeId: loc.id,
    stateCode: place.stateCode ?? null,
    districtCode: place.districtCode ?? null,
    subdistrictCode: place.subdistrictCode ?? null,
    blockCode: place.blockCode ?? null,
    villageId: place.villageId ?? null,
    registration,
  });
  await audit(
    db,
    by,
    'create',
    'organisation',
    row.id,
    { stateCode: place.stateCode ?? undefined, districtCode: place.districtCode ?? undefined },
    { kind: o.kind, placeId: loc.id },
  );
  return (await findOrganisationById(db, row.id))!;
}

export interface OrganisationPatch {
  version: number;
  name?: string;
  nameLocal?: string | null;
  registration?: string | null;
  active?: boolean;
}

/**
 * Renames, (de)activates or records the registration of an organisation. Its kind and place
 * stay: a committee that moves is a new committee (its cases and members are elsewhere).
 */
export async function patchOrganisation(db: Db, by: Actor, id: string, p: OrganisationPatch, now: Date) {
  const cur = await findOrganisationIn(db, by, id);
  if (!cur) throw notFound('Organisation');
  const set: Partial<OrganisationRow> = {};
  if (p.name !== undefined && p.name.trim() !== cur.name) {
    if (cur.placeId && (await sameNameAt(db, p.name.trim(), cur.placeId, id))) {
      throw new HttpError(409, 'organisation_exists', 'an organisation of this name is already registered at this place', [
        { field: 'name', message: 'is already taken at this place' },
      ]);
    }
    set.name = p.name.trim();
  }
  if (p.nameLocal !== undefined) set.nameLocal = p.nameLocal?.trim() || null;
  if (p.registration !== undefined) {
    const reg = p.registration?.trim() || null;
    const spec = isOrganisationKind(cur.kind) ? KIND_SPECS[cur.kind] : null;
    if (!reg && spec?.registrationRequired) throw badRequest('registration', `is required for a ${cur.kind} (${spec.basis})`);
    set.registration = reg;
  }
  if (p.active !== undefined && p.active !== cur.active) {
    if (p.active && ONE_PER_PLACE.has(cur.kind) && cur.placeId && (await activeOfKindAt(db, cur.kind, cur.placeId)).length) {
      throw new HttpError(409, 'organisation_exists', `the place already has an active ${cur.kind}`, [
        { field: 'active', message: `the place already has an active ${cur.kind}` },
      ]);
    }
    set.active = p.active;
  }
  const saved = await updateOrganisation(db, id, p.version, { ...set, updatedAt: now });
  if (!saved) throw conflict('The organisation was changed by someone else; reload and try again', await findOrganisationIn(db, by, id));
  await audit(
    db,
    by,
    p.active === false ? 'deactivate' : 'update',
    'organisation',
    id,
    { stateCode: cur.stateCode ?? undefined, districtCode: cur.districtCode ?? undefined },
    {
      changed: Object.keys(set),
    },
  );
  return (await findOrganisationIn(db, by, id))!;
}

export function listOrganisations(db: Db, actor: Actor, f: OrganisationFilter) {
  return listOrganisationsIn(db, actor, f);
}

export async function readOrganisation(db: Db, actor: Actor, id: string) {
  const row = await findOrganisationIn(db, actor, id);
  if (!row) throw notFound('Organisation');
  return row;
}

export async function organisationMembers(db: Db, actor: Actor, id: string) {
  await readOrganisation(db, actor, id);
  return listMembers(db, actor, id);
}

export function organisationKinds() {
  return ORGANISATION_KINDS.map((kind) => ({ kind, ...KIND_SPECS[kind] }));
}
