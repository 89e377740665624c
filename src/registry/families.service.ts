import type { AppContext } from '../http/context';
import { registryView, requirePermission, type Actor } from '../access/policy';
import { requireWritable, roleWithheld, shapeRow } from '../access/fields';
import { istToday } from '../kernel/clock';
import { HttpError, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { resolvePlacement } from './placement';
import { familyDuplicates, holdPairs, refuseIfDuplicates } from './duplicates.door';
import { bestLikeness, indexKeys, MAX_CANDIDATES, MIN_LIKENESS } from './name-index';
import {
  countFamilies,
  familyConditions,
  familyIdentityWithheld,
  getFamily,
  insertFamily,
  insertMember,
  listFamilies,
  permittedMembersOf,
  readPermittedFamily,
  updateFamily,
  updateMember,
  type FamilyFilter,
} from './families.repository';
import { childConditions, listChildren } from './children.repository';
import { documentsOf } from './documents.repository';
import { assessmentsOf } from './assessments.repository';
import { EXPECTED_CHILD_DOCUMENTS, EXPECTED_FAMILY_DOCUMENTS } from './vocabulary';
import type { FamilyInput, FamilyPatch, MemberInput } from './registry.model';

function viewOrForbid(actor: Actor) {
  const view = registryView(actor);
  if (!view) throw new HttpError(403, 'forbidden', `Your role (${actor.role}) may not see the registry`);
  return view;
}

export async function listFamiliesFor(ctx: AppContext, actor: Actor, query: FamilyFilter & { q?: string; page: number; pageSize: number }) {
  const view = viewOrForbid(actor);
  const today = istToday(ctx.now());
  const { q, page, pageSize, ...filter } = query;
  const offset = (page - 1) * pageSize;
  let items;
  let total;
  if (q && q.trim()) {
    const keys = indexKeys(q);
    const cands = keys.length
      ? await listFamilies(ctx.db, actor, familyConditions(actor, { ...filter, keys }), MAX_CANDIDATES, 0, today)
      : [];
    const ranked = cands
      .map((f) => ({ ...f, likeness: bestLikeness(q, f.headName, f.headNameLocal ?? null) }))
      .filter((f) => f.likeness >= MIN_LIKENESS)
      .sort((a, b) => b.likeness - a.likeness);
    total = ranked.length;
    items = ranked.slice(offset, offset + pageSize);
  } else {
    const where = familyConditions(actor, filter);
    [items, total] = await Promise.all([listFamilies(ctx.db, actor, where, pageSize, offset, today), countFamilies(ctx.db, where)]);
  }
  await audit(
    ctx.db,
    actor,
    q ? 'search' : 'list',
    'family',
    null,
    null,
    { ids: items.map((i) => i.id), total },
    { families: items.map((i) => i.id) },
  );
  return { items: items.map((i) => shapeRow(i, 'family')), total, page, pageSize, view, withheld: roleWithheld(actor, 'family') };
}

export async function readFamily(ctx: AppContext, actor: Actor, id: string) {
  const view = viewOrForbid(actor);
  const now = ctx.now();
  const today = istToday(now);
  const fam = await readPermittedFamily(ctx.db, actor, id, today);
  if (!fam) throw notFound('Family');
  // Minimal roles (department nodal officers) get the name, not the family's history (JJ Act 2015 s.74).
  const shaped = { ...shapeRow(fam, 'family', actor, true), view };
  if (view === 'minimal') return shaped;
  const [members, children, assessments, documents] = await Promise.all([
    permittedMembersOf(ctx.db, actor, id, today),
    listChildren(ctx.db, actor, childConditions(actor, { familyId: id }, now), 100, 0, today),
    assessmentsOf(ctx.db, id),
    documentsOf(ctx.db, { familyId: id }),
  ]);
  // The full view lists the family's children: each of them is disclosed too.
  await audit(ctx.db, actor, 'read', 'family', id, fam, {}, { children: children.map((c) => c.id) });
  const childDocs = await Promise.all(children.map((c) => documentsOf(ctx.db, { childId: c.id })));
  const held = (docs: { docType: string; status: string }[]) =>
    new Set(docs.filter((d) => d.status === 'held' || d.status === 'issued').map((d) => d.docType));
  const familyHeld = held(documents);
  return {
    ...shaped,
    members: members.map((m) => shapeRow(m, 'member')),
    children: children.map((c, i) => ({
      ...shapeRow(c, 'child'),
      documents: childDocs[i],
      missingDocuments: EXPECTED_CHILD_DOCUMENTS.filter((d) => !held(childDocs[i]).has(d)),
    })),
    assessments,
    documents: documents.filter((d) => !d.childId),
    missingDocuments: EXPECTED_FAMILY_DOCUMENTS.filter((d) => !familyHeld.has(d)),
  };
}

export async function createFamily(ctx: AppContext, actor: Actor, input: FamilyInput) {
  requirePermission(actor, 'registry.write');
  requireWritable(
    actor,
    'family',
    Object.keys(input).filter((k) => k !== 'notDuplicate'),
  ); // notDuplicate is an instruction, not a field
  const p = await resolvePlacement(ctx.db, actor, input.locationId);
  const { locationId: _l, notDuplicate, ...fields } = input;
  const candidates = await familyDuplicates(ctx.db, actor, {
    headName: fields.headName,
    headNameLocal: fields.headNameLocal,
    villageId: p.villageId ?? null,
  });
  refuseIfDuplicates('family', candidates, notDuplicate);
  return ctx.db.transaction(async (tx) => {
    const row = await insertFamily(tx, {
      ...fields,
      ...p,
      vulnerabilityFactors: [...new Set(fields.vulnerabilityFactors)],
      nameKeys: indexKeys(fields.headName, fields.headNameLocal),
      createdBy: actor.userId,
    });
    await audit(tx, actor, 'create', 'family', row.id, row);
    if (notDuplicate) await holdPairs(tx, actor, 'family', row.id, row, candidates, notDuplicate.reason);
    return row;
  });
}

export async function patchFamily(ctx: AppContext, actor: Actor, id: string, patch: FamilyPatch) {
  requirePermission(actor, 'registry.write');
  const current = await getFamily(ctx.db, actor, id);
  if (!current) throw notFound('Family');
  const { version, notDuplicate, ...changes } = patch;
  requireWritable(actor, 'family', Object.keys(changes), { identityWithheld: await familyIdentityWithheld(ctx.db, actor, id) });
  const set: Record<string, unknown> = { ...changes };
  const renamed = changes.headName !== undefined || changes.headNameLocal !== undefined;
  const candidates = renamed
    ? await familyDuplicates(
        ctx.db,
        actor,
        {
          headName: changes.headName ?? current.headName,
          headNameLocal: changes.headNameLocal !== undefined ? changes.headNameLocal : current.headNameLocal,
          villageId: current.villageId,
        },
        id,
      )
    : [];
  refuseIfDuplicates('family', candidates, notDuplicate);
  if (renamed) {
    set.nameKeys = indexKeys(
      changes.headName ?? current.headName,
      changes.headNameLocal !== undefined ? changes.headNameLocal : current.headNameLocal,
    );
  }
  if (changes.vulnerabilityFactors) set.vulnerabilityFactors = [...new Set(changes.vulnerabilityFactors)];
  return ctx.db.transaction(async (tx) => {
    const row = await updateFamily(tx, actor, id, version, set);
    if (!row) {
      const latest = await readPermittedFamily(tx, actor, id, istToday(ctx.now()));
      if (!latest) throw notFound('Family');
      throw conflict(
        `Someone else changed this family (now version ${latest.version}, you edited version ${version})`,
        shapeRow(latest, 'family', actor, true),
      );
    }
    await audit(tx, actor, 'update', 'family', id, row, { fields: Object.keys(changes), version: row.version });
    if (notDuplicate && candidates.length) await holdPairs(tx, actor, 'family', id, current, candidates, notDuplicate.reason);
    return shapeRow((await readPermittedFamily(tx, actor, id, istToday(ctx.now())))!, 'family', actor, true);
  });
}

export async function addMember(ctx: AppContext, actor: Actor, familyId: string, input: MemberInput) {
  requirePermission(actor, 'registry.write');
  const fam = await getFamily(ctx.db, actor, familyId);
  if (!fam) throw notFound('Family');
  requireWritable(actor, 'member', Object.keys(input));
  return ctx.db.transaction(async (tx) => {
    const row = await insertMember(tx, { ...input, familyId });
    await audit(tx, actor, 'create', 'family_member', row.id, fam, { familyId });
    return row;
  });
}

export async function patchMember(
  ctx: AppContext,
  actor: Actor,
  familyId: string,
  memberId: string,
  patch: Partial<MemberInput> & { version: number },
) {
  requirePermission(actor, 'registry.write');
  const fam = await getFamily(ctx.db, actor, familyId);
  if (!fam) throw notFound('Family');
  const { version, ...changes } = patch;
  requireWritable(actor, 'member', Object.keys(changes), { identityWithheld: await familyIdentityWithheld(ctx.db, actor, familyId) });
  return ctx.db.transaction(async (tx) => {
    const row = await updateMember(tx, familyId, memberId, version, changes);
    if (!row) {
      const members = await permittedMembersOf(tx, actor, familyId, istToday(ctx.now()));
      const latest = members.find((m) => m.id === memberId);
      if (!latest) throw notFound('Family member');
      throw conflict(`Someone else changed this member (now version ${latest.version})`, shapeRow(latest, 'member'));
    }
    await audit(tx, actor, 'update', 'family_member', memberId, fam, { familyId, fields: Object.keys(changes) });
    return shapeRow(
      (await permittedMembersOf(tx, actor, familyId, istToday(ctx.now()))).find((m) => m.id === row.id)!,
      'member',
    );
  });
}

// Documents: see documents.service.ts (the shared status rule and history).
export { setDocument } from './documents.service';
