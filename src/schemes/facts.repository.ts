import { and, asc, eq, gt, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, type Actor } from '../access/policy';
import { identityColumns } from '../access/fields';
import { child, document, family, familyMember } from '../registry/registry.schema';
import { familyInputsFromRows } from './registry-facts';
import { schemeApplication } from './schemes.schema';
import type { FamilyInput } from './suggest';

/**
 * The registry rows the eligibility engine reads, always through the actor's
 * jurisdiction (applied in SQL): families, their members, their children, their
 * documents, and the applications already open for them.
 */
export const familyFactCols = {
  id: family.id,
  stateCode: family.stateCode,
  districtCode: family.districtCode,
  subdistrictCode: family.subdistrictCode,
  blockCode: family.blockCode,
  villageId: family.villageId,
  headName: family.headName,
  headNameLocal: family.headNameLocal,
  areaType: family.areaType,
  annualIncome: family.annualIncome,
  rationCard: family.rationCard,
  bpl: family.bpl,
  casteCategory: family.casteCategory,
  caregiverType: family.caregiverType,
  version: family.version,
};
export type FamilyFactRow = Awaited<ReturnType<typeof familiesWhere>>[number];

/**
 * The names the engine's results show, under a CWC non-disclosure order the actor may not see
 * past: the family head's and children's initials, no local-script names (JJ Act 2015 s.74,
 * src/access/fields.ts). The engine still reads the facts it judges on (dates of birth).
 */
const familyColsFor = (actor: Actor) =>
  identityColumns(actor, 'family', { familyId: family.id }, familyFactCols, ['headName', 'headNameLocal']);
const childColsFor = (actor: Actor) => identityColumns(actor, 'child', { childId: child.id }, childCols, ['name', 'nameLocal']);
const memberColsFor = (actor: Actor) =>
  identityColumns(actor, 'member', { familyId: familyMember.familyId }, memberCols, ['name', 'nameLocal']);

const memberCols = {
  id: familyMember.id,
  familyId: familyMember.familyId,
  name: familyMember.name,
  nameLocal: familyMember.nameLocal,
  relationship: familyMember.relationship,
  sex: familyMember.sex,
  age: familyMember.age,
  alive: familyMember.alive,
  deathDate: familyMember.deathDate,
  deathCause: familyMember.deathCause,
  isPrimaryCaregiver: familyMember.isPrimaryCaregiver,
  imprisoned: familyMember.imprisoned,
  chronicIllness: familyMember.chronicIllness,
  disability: familyMember.disability,
};
const childCols = {
  id: child.id,
  familyId: child.familyId,
  name: child.name,
  nameLocal: child.nameLocal,
  dob: child.dob,
  sex: child.sex,
  careStatus: child.careStatus,
  schoolStatus: child.schoolStatus,
  disability: child.disability,
  // Filled from a CWC sponsorship or foster care order by schemes.events.ts.
  cwcRecommendation: sql<
    boolean | null
  >`(SELECT (f.value)::boolean FROM scheme_child_fact f WHERE f.child_id = ${child.id} AND f.fact = 'cwcRecommendation')`,
};
export type ChildFactRow = Awaited<ReturnType<typeof childrenOf>>[number];
export type MemberFactRow = Awaited<ReturnType<typeof membersOf>>[number];

export const visibleFamily = (actor: Actor) => jurisdictionWhere(actor, family);

export function familiesWhere(db: Db, where: SQL, limit: number, afterId?: string) {
  return db
    .select(familyFactCols)
    .from(family)
    .where(afterId ? and(where, gt(family.id, afterId)) : where)
    .orderBy(asc(family.id))
    .limit(limit);
}

export async function familyForFacts(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select(familyColsFor(actor))
    .from(family)
    .where(and(eq(family.id, id), visibleFamily(actor)));
  return row ?? null;
}

export function membersOf(db: Db, familyIds: string[], actor?: Actor) {
  return db
    .select(actor ? memberColsFor(actor) : memberCols)
    .from(familyMember)
    .where(inArray(familyMember.familyId, familyIds));
}

export function childrenOf(db: Db, actor: Actor, familyIds: string[]) {
  return db
    .select(childColsFor(actor))
    .from(child)
    .where(and(inArray(child.familyId, familyIds), jurisdictionWhere(actor, child)))
    .orderBy(asc(child.dob), asc(child.id));
}

export function documentsOfFamilies(db: Db, familyIds: string[]) {
  return db.select().from(document).where(inArray(document.familyId, familyIds));
}

/** Only what the engine reads of each document (the batch path loads hundreds of thousands). */
function documentFactsOf(db: Db, familyIds: string[]) {
  return db
    .select({ familyId: document.familyId, childId: document.childId, docType: document.docType, status: document.status })
    .from(document)
    .where(inArray(document.familyId, familyIds));
}

/** Applications not stopped, by family (the worklist leaves out subjects already being helped). */
export function openApplicationsOf(db: Db, familyIds: string[]) {
  return db
    .select({
      id: schemeApplication.id,
      familyId: schemeApplication.familyId,
      schemeId: schemeApplication.schemeId,
      subjectId: schemeApplication.subjectId,
      status: schemeApplication.status,
    })
    .from(schemeApplication)
    .where(and(inArray(schemeApplication.familyId, familyIds), ne(schemeApplication.status, 'stopped')));
}

export interface FamilyBatch {
  families: FamilyFactRow[];
  children: ChildFactRow[];
  members: MemberFactRow[];
  inputs: FamilyInput[];
  open: Awaited<ReturnType<typeof openApplicationsOf>>;
}

/** Loads everything the engine needs for these families (already filtered by jurisdiction). */
export async function loadBatch(db: Db, actor: Actor, families: FamilyFactRow[]): Promise<FamilyBatch> {
  const ids = families.map((f) => f.id);
  if (!ids.length) return { families, children: [], members: [], inputs: [], open: [] };
  const [members, children, documents, open] = await Promise.all([
    membersOf(db, ids, actor),
    childrenOf(db, actor, ids),
    documentFactsOf(db, ids),
    openApplicationsOf(db, ids),
  ]);
  return { families, children, members, inputs: familyInputsFromRows(families, members, children, documents), open };
}

/**
 * Streams the families matching `where` (which must include the jurisdiction), a batch at
 * a time. The family rows (a few small columns) come in one query, so a district of
 * 100,000 families is not re-sorted for every batch; members, children, documents and
 * applications follow per batch.
 */
export async function* scanFamilies(db: Db, actor: Actor, where: SQL, batch = 1000): AsyncGenerator<FamilyBatch> {
  const all = await db.select(familyColsFor(actor)).from(family).where(where).orderBy(asc(family.id));
  const load = (i: number) => {
    const p = loadBatch(db, actor, all.slice(i, i + batch));
    p.catch(() => undefined); // awaited below; this only stops an unhandled rejection if the consumer stops early
    return p;
  };
  // The next batch loads while the caller judges this one.
  let next = all.length ? load(0) : null;
  for (let i = 0; i < all.length; i += batch) {
    const cur = await next!;
    next = i + batch < all.length ? load(i + batch) : null;
    yield cur;
  }
}
