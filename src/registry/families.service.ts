import type { AppContext } from '../http/context';
import { registryView, requirePermission, type Actor } from '../access/policy';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { resolvePlacement } from './placement';
import { bestLikeness, indexKeys, MAX_CANDIDATES, MIN_LIKENESS } from './name-index';
import { countFamilies, familyConditions, getFamily, insertFamily, insertMember, listFamilies, membersOf, updateFamily, updateMember, type FamilyFilter } from './families.repository';
import { childConditions, getChild, listChildren } from './children.repository';
import { documentsOf } from './documents.repository';
import { assessmentsOf } from './assessments.repository';
import { ageOn } from './age';
import { EXPECTED_CHILD_DOCUMENTS, EXPECTED_FAMILY_DOCUMENTS } from './vocabulary';
import type { DocumentInput, FamilyInput, FamilyPatch, MemberInput } from './registry.model';

function viewOrForbid(actor: Actor) {
  const view = registryView(actor);
  if (!view) throw new HttpError(403, 'forbidden', `Your role (${actor.role}) may not see the registry`);
  return view;
}

export async function listFamiliesFor(ctx: AppContext, actor: Actor, query: FamilyFilter & { q?: string; page: number; pageSize: number }) {
  const view = viewOrForbid(actor);
  const { q, page, pageSize, ...filter } = query;
  const offset = (page - 1) * pageSize;
  let items;
  let total;
  if (q && q.trim()) {
    const keys = indexKeys(q);
    const cands = keys.length ? await listFamilies(ctx.db, view, familyConditions(actor, { ...filter, keys }), MAX_CANDIDATES, 0) : [];
    const ranked = cands
      .map((f) => ({ ...f, likeness: bestLikeness(q, f.headName, f.headNameLocal) }))
      .filter((f) => f.likeness >= MIN_LIKENESS)
      .sort((a, b) => b.likeness - a.likeness);
    total = ranked.length;
    items = ranked.slice(offset, offset + pageSize);
  } else {
    const where = familyConditions(actor, filter);
    [items, total] = await Promise.all([listFamilies(ctx.db, view, where, pageSize, offset), countFamilies(ctx.db, where)]);
  }
  await audit(ctx.db, actor, q ? 'search' : 'list', 'family', null, null, { ids: items.map((i) => i.id), total }, { families: items.map((i) => i.id) });
  return { items, total, page, pageSize, view };
}

export async function readFamily(ctx: AppContext, actor: Actor, id: string) {
  const view = viewOrForbid(actor);
  const fam = await getFamily(ctx.db, actor, id);
  if (!fam) throw notFound('Family');
  // Minimal roles (department nodal officers) get the name, not the family's history (JJ Act 2015 s.74).
  if (view === 'minimal') {
    await audit(ctx.db, actor, 'read', 'family', id, fam);
    return { id: fam.id, headName: fam.headName, headNameLocal: fam.headNameLocal, villageId: fam.villageId, version: fam.version, view };
  }
  const today = ctx.now();
  const [members, children, assessments, documents] = await Promise.all([
    membersOf(ctx.db, id),
    listChildren(ctx.db, actor, 'full', childConditions(actor, { familyId: id }, today), 100, 0),
    assessmentsOf(ctx.db, id),
    documentsOf(ctx.db, { familyId: id }),
  ]);
  // The full view lists the family's children: each of them is disclosed too.
  await audit(ctx.db, actor, 'read', 'family', id, fam, {}, { children: children.map((c) => c.id) });
  const childDocs = await Promise.all(children.map((c) => documentsOf(ctx.db, { childId: c.id })));
  const held = (docs: { docType: string; status: string }[]) => new Set(docs.filter((d) => d.status === 'held' || d.status === 'issued').map((d) => d.docType));
  const familyHeld = held(documents);
  return {
    ...fam,
    view,
    members,
    children: children.map((c, i) => ({
      ...c,
      age: ageOn(c.dob, today),
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
  const p = await resolvePlacement(ctx.db, actor, input.locationId);
  const { locationId: _l, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const row = await insertFamily(tx, {
      ...fields,
      ...p,
      vulnerabilityFactors: [...new Set(fields.vulnerabilityFactors)],
      nameKeys: indexKeys(fields.headName, fields.headNameLocal),
      createdBy: actor.userId,
    });
    await audit(tx, actor, 'create', 'family', row.id, row);
    return row;
  });
}

export async function patchFamily(ctx: AppContext, actor: Actor, id: string, patch: FamilyPatch) {
  requirePermission(actor, 'registry.write');
  const current = await getFamily(ctx.db, actor, id);
  if (!current) throw notFound('Family');
  const { version, ...changes } = patch;
  const set: Record<string, unknown> = { ...changes };
  if (changes.headName !== undefined || changes.headNameLocal !== undefined) {
    set.nameKeys = indexKeys(changes.headName ?? current.headName, changes.headNameLocal !== undefined ? changes.headNameLocal : current.headNameLocal);
  }
  if (changes.vulnerabilityFactors) set.vulnerabilityFactors = [...new Set(changes.vulnerabilityFactors)];
  return ctx.db.transaction(async (tx) => {
    const row = await updateFamily(tx, actor, id, version, set);
    if (!row) {
      const latest = await getFamily(tx, actor, id);
      if (!latest) throw notFound('Family');
      throw conflict(`Someone else changed this family (now version ${latest.version}, you edited version ${version})`, latest);
    }
    await audit(tx, actor, 'update', 'family', id, row, { fields: Object.keys(changes), version: row.version });
    return row;
  });
}

export async function addMember(ctx: AppContext, actor: Actor, familyId: string, input: MemberInput) {
  requirePermission(actor, 'registry.write');
  const fam = await getFamily(ctx.db, actor, familyId);
  if (!fam) throw notFound('Family');
  return ctx.db.transaction(async (tx) => {
    const row = await insertMember(tx, { ...input, familyId });
    await audit(tx, actor, 'create', 'family_member', row.id, fam, { familyId });
    return row;
  });
}

export async function patchMember(ctx: AppContext, actor: Actor, familyId: string, memberId: string, patch: Partial<MemberInput> & { version: number }) {
  requirePermission(actor, 'registry.write');
  const fam = await getFamily(ctx.db, actor, familyId);
  if (!fam) throw notFound('Family');
  const { version, ...changes } = patch;
  return ctx.db.transaction(async (tx) => {
    const row = await updateMember(tx, familyId, memberId, version, changes);
    if (!row) {
      const members = await membersOf(tx, familyId);
      const latest = members.find((m) => m.id === memberId);
      if (!latest) throw notFound('Family member');
      throw conflict(`Someone else changed this member (now version ${latest.version})`, latest);
    }
    await audit(tx, actor, 'update', 'family_member', memberId, fam, { familyId, fields: Object.keys(changes) });
    return row;
  });
}

// Documents: see documents.service.ts (the shared status rule and history).
export { setDocument } from './documents.service';
