import type { AppContext } from '../http/context';
import { registryView, requirePermission, type Actor } from '../access/policy';
import { requireWritable, roleWithheld, shapeRow } from '../access/fields';
import { istToday } from '../kernel/clock';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { resolvePlacement } from './placement';
import { childDuplicates, holdPairs, refuseIfDuplicates } from './duplicates.door';
import { bestLikeness, indexKeys, MAX_CANDIDATES, MIN_LIKENESS } from './name-index';
import { ageOn, dobFromAge } from './age';
import {
  childCandidatesByName,
  childConditions,
  childIdentityWithheld,
  countChildren,
  getChild,
  insertChild,
  listChildren,
  readPermittedChild,
  updateChild,
  type ChildFilter,
  type PermittedChildRow,
} from './children.repository';
import { getFamily, readPermittedFamily } from './families.repository';
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
  let items: PermittedChildRow[];
  let total: number;
  if (q && q.trim()) {
    const ranked = await searchChildren(ctx, actor, q, filter, today);
    total = ranked.length;
    items = ranked.slice(offset, offset + pageSize);
  } else {
    const where = childConditions(actor, filter, today);
    [items, total] = await Promise.all([
      listChildren(ctx.db, actor, where, pageSize, offset, istToday(today)),
      countChildren(ctx.db, where),
    ]);
  }
  await audit(
    ctx.db,
    actor,
    q ? 'search' : 'list',
    'child',
    null,
    null,
    { ids: items.map((i) => i.id), total },
    { children: items.map((i) => i.id) },
  );
  // `withheld`: the fields this role never gets (the rows lack them; the web app labels them).
  return { items: items.map((i) => shapeRow(i, 'child')), total, page, pageSize, view, withheld: roleWithheld(actor, 'child') };
}

/**
 * Name search across scripts and spellings: rows whose phonetic keys contain all the query's
 * keys (or, failing that, any of them), inside the jurisdiction, ranked by likeness.
 */
export async function searchChildren(
  ctx: AppContext,
  actor: Actor,
  q: string,
  filter: Omit<ChildFilter, 'keys' | 'keysMode'>,
  today: Date,
) {
  const keys = indexKeys(q);
  if (!keys.length) return [];
  const fetch = (keysMode: 'all' | 'any') => childCandidatesByName(ctx.db, actor, filter, keys, keysMode, MAX_CANDIDATES, today);
  let candidates = await fetch('all');
  if (!candidates.length && keys.length > 1) candidates = await fetch('any');
  return candidates
    .map((c): PermittedChildRow & { likeness: number } => ({
      ...c,
      likeness: bestLikeness(
        q,
        c.name as string,
        (c.nameLocal as string | null | undefined) ?? null,
        ...((c.otherNames as string[] | undefined) ?? []),
      ),
    }))
    .filter((c) => c.likeness >= MIN_LIKENESS)
    .sort((a, b) => b.likeness - a.likeness);
}

export async function readChild(ctx: AppContext, actor: Actor, id: string) {
  const view = viewOrForbid(actor);
  const today = istToday(ctx.now());
  const row = await readPermittedChild(ctx.db, actor, id, today);
  if (!row) throw notFound('Child');
  // The full view also shows the child's family.
  await audit(ctx.db, actor, 'read', 'child', id, row, {}, { families: view === 'full' && row.familyId ? [row.familyId as string] : [] });
  const shaped = { ...shapeRow(row, 'child', actor, true), view };
  if (view === 'minimal') return shaped;
  const familyId = row.familyId as string | null | undefined;
  const family = familyId ? await readPermittedFamily(ctx.db, actor, familyId, today) : null;
  const documents = await documentsOf(ctx.db, { childId: id });
  const f = family ? shapeRow(family, 'family') : null;
  return {
    ...shaped,
    family: f
      ? {
          id: f.id,
          headName: f.headName,
          headNameLocal: f.headNameLocal,
          villageId: f.villageId,
          vulnerabilityFactors: f.vulnerabilityFactors,
          ...(f.withheld ? { withheld: f.withheld, initialsOnly: f.initialsOnly } : {}),
        }
      : null,
    documents,
  };
}

/**
 * `fromCall`: a child a 1098 call is about, registered as the call is handed over as a case
 * (src/helpline); the operator (permission `cases.open`) writes only the fields the policy
 * gives it (policy.data.ts, child.write.helpline_operator), never through POST /children.
 */
export async function createChild(ctx: AppContext, actor: Actor, input: ChildInput, opts: { fromCall?: boolean } = {}) {
  requirePermission(actor, 'registry.write', ...(opts.fromCall ? (['cases.open'] as const) : []));
  requireWritable(
    actor,
    'child',
    Object.keys(input).filter((k) => k !== 'notDuplicate'),
  ); // notDuplicate is an instruction, not a field
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
  const { notDuplicate } = input;
  const candidates = await childDuplicates(
    ctx.db,
    actor,
    { name: input.name, nameLocal: input.nameLocal, sex: input.sex, dob, placement },
    today,
  );
  refuseIfDuplicates('child', candidates, notDuplicate);
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
    if (notDuplicate) await holdPairs(tx, actor, 'child', row.id, row, candidates, notDuplicate.reason);
    return withAge(row, today);
  });
}

export async function patchChild(ctx: AppContext, actor: Actor, id: string, patch: ChildPatch) {
  requirePermission(actor, 'registry.write');
  const current = await getChild(ctx.db, actor, id, 'full');
  if (!current) throw notFound('Child');
  const { version, notDuplicate, ...changes } = patch;
  requireWritable(actor, 'child', Object.keys(changes), { identityWithheld: await childIdentityWithheld(ctx.db, actor, id) });
  const cur = current as NonNullable<Awaited<ReturnType<typeof getChild>>> & {
    otherNames: string[];
    stateCode: number;
    districtCode: number;
    villageId: string | null;
  };
  const names = {
    name: changes.name ?? cur.name,
    nameLocal: changes.nameLocal !== undefined ? changes.nameLocal : cur.nameLocal,
    otherNames: changes.otherNames ?? cur.otherNames,
  };
  // A new name (or sex, or date of birth) may make this the same child as another record.
  const identityChanged = ['name', 'nameLocal', 'sex', 'dob'].some((k) => k in changes);
  const candidates = identityChanged
    ? await childDuplicates(
        ctx.db,
        actor,
        {
          name: names.name,
          nameLocal: names.nameLocal,
          sex: changes.sex ?? cur.sex,
          dob: changes.dob !== undefined ? changes.dob : cur.dob,
          placement: cur,
        },
        ctx.now(),
        id,
      )
    : [];
  refuseIfDuplicates('child', candidates, notDuplicate);
  const set = { ...changes, nameKeys: indexKeys(names.name, names.nameLocal, ...names.otherNames) } as Record<string, unknown>;
  if (changes.dob !== undefined) set.dobEstimated = false;
  return ctx.db.transaction(async (tx) => {
    const row = await updateChild(tx, actor, id, version, set);
    if (!row) {
      const latest = await readPermittedChild(tx, actor, id, istToday(ctx.now()));
      if (!latest) throw notFound('Child');
      throw conflict(
        `Someone else changed this record (now version ${latest.version}, you edited version ${version})`,
        shapeRow(latest, 'child', actor, true),
      );
    }
    await audit(tx, actor, 'update', 'child', id, row, { fields: Object.keys(changes), version: row.version });
    if (notDuplicate && candidates.length) await holdPairs(tx, actor, 'child', id, cur, candidates, notDuplicate.reason);
    // The answer is the record as this editor may read it (not the row the update returned).
    return shapeRow((await readPermittedChild(tx, actor, id, istToday(ctx.now())))!, 'child', actor, true);
  });
}
