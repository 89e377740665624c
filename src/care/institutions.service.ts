import { and, eq, type SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { covers, jurisdictionWhere, requirePermission, type Actor } from '../access/policy';
import { requireWritable } from '../access/fields';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { createOrganisation } from '../users/organisations.service';
import { raiseAction } from '../convergence/actions.service';
import { careInspection, careInstitution } from './care.schema';
import {
  listInstitutions,
  lockInstitution,
  openStaysOf,
  ownInstitutionOnly,
  selectInspections,
  type InstitutionRow,
} from './care.repository';
import { INSTITUTION_TYPES, occupancyBySlot, registrationStatus, type InspectionFollowUp, type InstitutionType } from './domain';
import type { InspectionInput, InspectionView, InstitutionInput, InstitutionPatch } from './care.model';

/**
 * Child care institutions (JJ Act 2015 s.2(21)) and Specialised Adoption Agencies (s.65) as
 * organisations (src/users/organisation-kinds.ts: CCI, SAA) with their registration (s.41),
 * type, capacity, staff and inspections (s.54). Listing and reading need care.read inside the
 * actor's jurisdiction; registration details and inspections need care.manage.
 */

type Occupied = { institutionId: string; sex: string; ageBand: string; status: string };

export function institutionView(i: InstitutionRow, stays: readonly Occupied[], today: string) {
  const mine = stays.filter((s) => s.institutionId === i.organisationId);
  // Absconded children keep their place: the order still stands until the CWC discharges them.
  const occ = occupancyBySlot(i.capacity, mine);
  const sanctioned = i.capacity.reduce((n, c) => n + c.places, 0);
  return {
    id: i.organisationId,
    name: i.name,
    nameLocal: i.nameLocal,
    kind: i.kind,
    type: i.type,
    typeBasis: INSTITUTION_TYPES[i.type as InstitutionType]?.basis ?? '',
    management: i.management,
    registrationNo: i.registrationNo,
    registeredOn: i.registeredOn,
    validUntil: i.validUntil,
    registrationStatus: registrationStatus(i.validUntil, today),
    capacity: occ.slots,
    sanctioned,
    inCare: mine.length,
    onLeave: mine.filter((s) => s.status === 'on_leave').length,
    absconded: mine.filter((s) => s.status === 'absconded').length,
    overCapacity: mine.length > sanctioned || occ.unslotted > 0 || occ.slots.some((s) => s.occupied > s.places),
    specialisations: i.specialisations,
    staffSanctioned: i.staffSanctioned,
    staffInPost: i.staffInPost,
    stateCode: i.stateCode,
    districtCode: i.districtCode,
    active: i.active,
    version: i.version,
  };
}

export async function listInstitutionsFor(ctx: AppContext, actor: Actor, q: { districtCode?: number }) {
  requirePermission(actor, 'care.read');
  const where: SQL[] = [jurisdictionWhere(actor, careInstitution), ...[ownInstitutionOnly(actor)].filter((w): w is SQL => !!w)];
  if (q.districtCode) where.push(eq(careInstitution.districtCode, q.districtCode));
  const rows = await listInstitutions(ctx.db, and(...where));
  const stays = await openStaysOf(
    ctx.db,
    rows.map((r) => r.organisationId),
  );
  const today = istToday(ctx.now());
  return { items: rows.map((r) => institutionView(r, stays, today)) };
}

export async function readInstitution(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'care.read');
  const [row] = await listInstitutions(
    ctx.db,
    and(jurisdictionWhere(actor, careInstitution), ownInstitutionOnly(actor), eq(careInstitution.organisationId, id)),
  );
  if (!row) throw notFound('Institution');
  const stays = await openStaysOf(ctx.db, [id]);
  const today = istToday(ctx.now());
  const inspections = (await selectInspections(ctx.db, actor, today, id)) as unknown as InspectionView[];
  return { ...institutionView(row, stays, today), inspections };
}

/** Live occupancy against sanctioned capacity per district and per state, inside the jurisdiction. */
export async function occupancyFor(ctx: AppContext, actor: Actor) {
  requirePermission(actor, 'care.read');
  const rows = await listInstitutions(ctx.db, and(jurisdictionWhere(actor, careInstitution), ownInstitutionOnly(actor)));
  const stays = await openStaysOf(
    ctx.db,
    rows.map((r) => r.organisationId),
  );
  const today = istToday(ctx.now());
  const acc = new Map<string, { level: 'district' | 'state'; code: number; institutions: number; sanctioned: number; inCare: number }>();
  for (const r of rows) {
    // A Specialised Adoption Agency (s.65) holds infants under adoption, not children in institutional
    // care: its places are not a children's home's capacity, and no CCI stay is ever recorded there, so
    // counting it would add sanctioned places that can never be occupied (the demo SAA added 12).
    if (r.type === 'saa') continue;
    const v = institutionView(r, stays, today);
    for (const [level, code] of [
      ['district', r.districtCode],
      ['state', r.stateCode],
    ] as const) {
      const k = `${level}:${code}`;
      const a = acc.get(k) ?? { level, code, institutions: 0, sanctioned: 0, inCare: 0 };
      a.institutions++;
      a.sanctioned += v.sanctioned;
      a.inCare += v.inCare;
      acc.set(k, a);
    }
  }
  return { items: [...acc.values()] };
}

export async function createInstitution(ctx: AppContext, actor: Actor, input: InstitutionInput) {
  requirePermission(actor, 'care.manage');
  if (input.registeredOn && input.registeredOn > input.validUntil)
    throw badRequest('validUntil', 'must be on or after the registration date');
  const spec = INSTITUTION_TYPES[input.type];
  return ctx.db.transaction(async (tx) => {
    // The organisation is made by the users module's public function (kind, place, registration rules).
    const org = await createOrganisation(tx, actor, {
      kind: spec.kind,
      name: input.name,
      nameLocal: input.nameLocal,
      placeId: input.placeId,
      registration: input.registrationNo,
    });
    if (org.districtCode == null) throw badRequest('placeId', 'an institution sits in a district');
    await tx.insert(careInstitution).values({
      organisationId: org.id,
      type: input.type,
      management: input.management,
      registrationNo: input.registrationNo,
      registeredOn: input.registeredOn ?? null,
      validUntil: input.validUntil,
      capacity: input.capacity,
      specialisations: input.specialisations,
      staffSanctioned: input.staffSanctioned,
      staffInPost: input.staffInPost,
      stateCode: org.stateCode!,
      districtCode: org.districtCode,
      subdistrictCode: org.subdistrictCode,
      blockCode: org.blockCode,
      villageId: org.villageId,
      createdBy: actor.userId,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    });
    await audit(tx, actor, 'create', 'care_institution', org.id, org as never, { type: input.type, management: input.management });
    const [row] = await listInstitutions(tx, eq(careInstitution.organisationId, org.id));
    return institutionView(row, [], istToday(ctx.now()));
  });
}

export async function patchInstitution(ctx: AppContext, actor: Actor, id: string, p: InstitutionPatch) {
  requirePermission(actor, 'care.manage');
  return ctx.db.transaction(async (tx) => {
    const cur = await lockInstitution(tx, id);
    if (!cur || !covers(actor.scope, cur)) throw notFound('Institution');
    if (cur.version !== p.version) throw conflict('The institution was changed by someone else', { version: cur.version });
    const registeredOn = p.registeredOn === undefined ? cur.registeredOn : p.registeredOn;
    const validUntil = p.validUntil ?? cur.validUntil;
    if (registeredOn && registeredOn > validUntil) throw badRequest('validUntil', 'must be on or after the registration date');
    const { version: _v, ...set } = p;
    await tx
      .update(careInstitution)
      .set({ ...set, version: cur.version + 1, updatedAt: ctx.now() })
      .where(eq(careInstitution.organisationId, id));
    await audit(tx, actor, 'update', 'care_institution', id, cur, { fields: Object.keys(set) });
    const [row] = await listInstitutions(tx, eq(careInstitution.organisationId, id));
    return institutionView(row, await openStaysOf(tx, [id]), istToday(ctx.now()));
  });
}

/**
 * An inspection committee's visit (JJ Act 2015 s.54, the inspection committees): findings and follow-up actions. Each follow-up becomes a convergence action item
 * assigned to its department in the district's convergence group (the convergence module's
 * public `raiseAction`, in the same transaction), so it is tracked like any other decision.
 */
export async function recordInspection(ctx: AppContext, actor: Actor, id: string, input: InspectionInput) {
  requirePermission(actor, 'care.manage');
  requireWritable(actor, 'careInspection', ['institutionId', 'inspectedOn', 'committee', 'findings', 'followUps']);
  const today = istToday(ctx.now());
  if (input.inspectedOn > today) throw badRequest('inspectedOn', 'cannot be in the future');
  if (input.followUps.length && !input.convergenceGroupId)
    throw badRequest('convergenceGroupId', 'name the convergence group that tracks the follow-up actions');
  input.followUps.forEach((f, i) => {
    if (f.dueDate < input.inspectedOn) throw badRequest(`followUps.${i}.dueDate`, 'must be on or after the inspection');
  });
  return ctx.db.transaction(async (tx) => {
    const inst = await lockInstitution(tx, id);
    if (!inst || !covers(actor.scope, inst)) throw notFound('Institution');
    const followUps: InspectionFollowUp[] = [];
    for (const f of input.followUps) {
      const action = await raiseAction(
        tx,
        actor,
        input.convergenceGroupId!,
        { department: f.department, description: `CCI inspection follow-up: ${f.description}`, dueDate: f.dueDate },
        { today },
      );
      followUps.push({ ...f, convergenceActionId: (action as { id: string }).id });
    }
    const [row] = await tx
      .insert(careInspection)
      .values({
        institutionId: id,
        inspectedOn: input.inspectedOn,
        committee: input.committee,
        findings: input.findings,
        followUps,
        stateCode: inst.stateCode,
        districtCode: inst.districtCode,
        createdBy: actor.userId,
        createdAt: ctx.now(),
      })
      .returning();
    await audit(tx, actor, 'create', 'care_inspection', row.id, inst, {
      institutionId: id,
      findings: input.findings.length,
      actions: followUps.length,
    });
    return row;
  });
}

export const refusedType = (type: string, orderBy: string) =>
  new HttpError(400, 'wrong_institution_type', `a ${type} does not take children on a ${orderBy.toUpperCase()} order`, [
    {
      field: 'institutionId',
      message: `a ${type.replace(/_/g, ' ')} takes children on a ${orderBy === 'cwc' ? 'JJB' : 'CWC'} order: children in conflict with law are kept apart (JJ Act 2015 s.47–50)`,
    },
  ]);
