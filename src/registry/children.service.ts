import type { AppContext } from '../http/context';
import { registryView, requirePermission, type Actor } from '../access/policy';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { resolvePlacement } from './placement';
import { bestLikeness, indexKeys, MAX_CANDIDATES, MIN_LIKENESS } from './name-index';
import { ageOn, dobFromAge } from './age';
import {
  childCandidates, childConditions, countChildren, getChild, insertChild, listChildren, updateChild, type ChildFilter,
} from './children.repository';
import { getFamily } from './families.repository';
import { documentsOf } from './documents.repository';
import type { ChildInput, ChildPatch } from './registry.model';

export interface ChildListQuery extends Omit<ChildFilter, 'keys'> {
  q?: string;
  page: number;
  pageSize: number;
}

function viewOrForbid(actor: Actor) {
  const view = registryView(actor);
  if (!view) throw new HttpError(403, 'forbidden', `Your role (${actor.role}) may not see the registry`);
  return view;
}

const withAge = <T extends { dob: string | null }>(row: T, today: Date) => ({ ...row, age: ageOn(row.dob, today) });

export async function listChildrenFor(ctx: AppContext, actor: Actor, query: ChildListQuery) {
  const view = viewOrForbid(actor);
  const today = ctx.now();
  const { q, page, pageSize, ...filter } = query;
  const offset = (page - 1) * pageSize;
  let items: Array<Record<string, unknown> & { id: string; dob: string | null }>;
  let total: number;
  if (q && q.trim()) {
    const ranked = await searchChildren(ctx, actor, view, q, filter, today);
    total = ranked.length;
    items = ranked.slice(offset, offset + pageSize);
  } else {
    const where = childConditions(actor, filter, today);
    [items, total] = await Promise.all([listChildren(ctx.db, actor, view, where, pageSize, offset), countChildren(ctx.db, where)]);
  }
  await audit(ctx.db, actor, q ? 'search' : 'list', 'child', null, null, { ids: items.map((i) => i.id), total }, { children: items.map((i) => i.id) });
  return { items: items.map((i) => withAge(i, today)), total, page, pageSize, view };
}

/**
 * Name search across scripts and spellings: rows whose phonetic keys contain all the query's
 * keys (or, failing that, any of them), inside the jurisdiction, ranked by likeness.
 */
export async function searchChildren(ctx: AppContext, actor: Actor, view: 'full' | 'minimal', q: string, filter: Omit<ChildFilter, 'keys' | 'keysMode'>, today: Date) {
  const keys = indexKeys(q);
  if (!keys.length) return [];
  const fetch = (keysMode: 'all' | 'any') => childCandidates(ctx.db, view, childConditions(actor, { ...filter, keys, keysMode }, today), MAX_CANDIDATES);
  let candidates = await fetch('all');
  if (!candidates.length && keys.length > 1) candidates = await fetch('any');
  return candidates
    .map((c) => ({ ...c, likeness: bestLikeness(q, c.name, c.nameLocal, ...('otherNames' in c ? (c.otherNames as string[]) : [])) }))
    .filter((c) => c.likeness >= MIN_LIKENESS)
    .sort((a, b) => b.likeness - a.likeness);
}

export async function readChild(ctx: AppContext, actor: Actor, id: string) {
  const view = viewOrForbid(actor);
  const row = await getChild(ctx.db, actor, id, view);
  if (!row) throw notFound('Child');
  // The full view also shows the child's family.
  await audit(ctx.db, actor, 'read', 'child', id, row, {}, { families: view === 'full' && 'familyId' in row ? [row.familyId as string | null] : [] });
  const today = ctx.now();
  if (view === 'minimal') return { ...withAge(row, today), view };
  const full = row as Awaited<ReturnType<typeof getChild>> & { familyId: string | null };
  const family = full.familyId ? await getFamily(ctx.db, actor, full.familyId) : null;
  const documents = await documentsOf(ctx.db, { childId: id });
  return {
    ...withAge(row, today),
    view,
    family: family ? { id: family.id, headName: family.headName, headNameLocal: family.headNameLocal, villageId: family.villageId, vulnerabilityFactors: family.vulnerabilityFactors } : null,
    documents,
  };
}

export async function createChild(ctx: AppContext, actor: Actor, input: ChildInput) {
  requirePermission(actor, 'registry.write');
  const today = ctx.now();
  let placement;
  if (input.familyId) {
    const fam = await getFamily(ctx.db, actor, input.familyId);
    if (!fam) throw badRequest('familyId', 'no such family in your jurisdiction');
    placement = fam;
  } else {
    placement = await resolvePlacement(ctx.db, actor, input.locationId!);
  }
  if (!input.dob && input.ageYears == null) throw badRequest('dob', 'give a date of birth or an estimated age');
  const dob = input.dob ?? dobFromAge(input.ageYears!, today);
  return ctx.db.transaction(async (tx) => {
    const row = await insertChild(tx, {
      familyId: input.familyId ?? null,
      stateCode: placement.stateCode,
      districtCode: placement.districtCode,
      subdistrictCode: placement.subdistrictCode ?? null,
      blockCode: placement.blockCode ?? null,
      villageId: placement.villageId ?? null,
      name: input.name,
      nameLocal: input.nameLocal ?? null,
      otherNames: input.otherNames ?? [],
      nameKeys: indexKeys(input.name, input.nameLocal, ...(input.otherNames ?? [])),
      sex: input.sex,
      dob,
      dobEstimated: !input.dob,
      careStatus: input.careStatus,
      schoolStatus: input.schoolStatus ?? null,
      school: input.school ?? null,
      healthNotes: input.healthNotes ?? null,
      disability: input.disability ?? null,
      createdBy: actor.userId,
    });
    await audit(tx, actor, 'create', 'child', row.id, row);
    return withAge(row, today);
  });
}

export async function patchChild(ctx: AppContext, actor: Actor, id: string, patch: ChildPatch) {
  requirePermission(actor, 'registry.write');
  const current = await getChild(ctx.db, actor, id, 'full');
  if (!current) throw notFound('Child');
  const { version, ...changes } = patch;
  const cur = current as NonNullable<Awaited<ReturnType<typeof getChild>>> & { otherNames: string[] };
  const names = { name: changes.name ?? cur.name, nameLocal: changes.nameLocal !== undefined ? changes.nameLocal : cur.nameLocal, otherNames: changes.otherNames ?? cur.otherNames };
  const set = { ...changes, nameKeys: indexKeys(names.name, names.nameLocal, ...names.otherNames) } as Record<string, unknown>;
  if (changes.dob !== undefined) set.dobEstimated = false;
  return ctx.db.transaction(async (tx) => {
    const row = await updateChild(tx, actor, id, version, set);
    if (!row) {
      const latest = await getChild(tx, actor, id, 'full');
      if (!latest) throw notFound('Child');
      throw conflict(`Someone else changed this record (now version ${latest.version}, you edited version ${version})`, withAge(latest, ctx.now()));
    }
    await audit(tx, actor, 'update', 'child', id, row, { fields: Object.keys(changes), version: row.version });
    return withAge(row, ctx.now());
  });
}
