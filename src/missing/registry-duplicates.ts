import { and, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, requirePermission, type Actor } from '../access/policy';
import { audit } from '../audit/audit.service';
import { child } from '../registry/registry.schema';
import { indexKeys } from '../registry/name-index';
import { ageOn } from '../registry/age';
import { matchOne, type FieldWeight } from '../linkage/link';
import { emptyPerson, type PersonRecord } from '../linkage/record';
import { recordIdOf, VARIANT_SEPARATOR } from './domain/person';
import { matchingModel, MATCHING } from './matching.service';
import { placeNames } from './missing.repository';

/**
 * Registry de-duplication hook: the registry children most likely to be the same child as a
 * person record (an import row, a new registration), scored by the same linkage engine as
 * missing and found children. Candidates come from the registry's phonetic name index
 * (child.name_keys, GIN) inside the actor's jurisdiction. Dates play no part (a registry
 * record has no event date): both sides are compared as of `now`.
 *
 * For the import and the registry to call (the integrator wires it); nothing calls it yet.
 */
export interface LikelyDuplicate {
  childId: string;
  name: string;
  nameLocal: string | null;
  probability: number;
  weight: number;
  fields: FieldWeight[];
  explanation: string;
}

const SEX: Record<string, string> = { female: 'f', male: 'm', other: 'o', unknown: '' };

export async function findLikelyDuplicates(
  db: Db,
  actor: Actor,
  record: PersonRecord,
  opts: { now?: Date; threshold?: number; limit?: number; maxCandidates?: number } = {},
): Promise<LikelyDuplicate[]> {
  requirePermission(actor, 'registry.read', 'registry.import', 'registry.write');
  const now = opts.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const keys = indexKeys(record.name);
  if (!keys.length) return [];
  const rows = await db
    .select({
      id: child.id, name: child.name, nameLocal: child.nameLocal, otherNames: child.otherNames, sex: child.sex, dob: child.dob,
      stateCode: child.stateCode, districtCode: child.districtCode,
      village: sql<string | null>`(SELECT l.name FROM location l WHERE l.id = ${child.villageId})`,
      father: sql<string | null>`(SELECT m.name FROM family_member m WHERE m.family_id = ${child.familyId} AND m.relationship = 'father' LIMIT 1)`,
      mother: sql<string | null>`(SELECT m.name FROM family_member m WHERE m.family_id = ${child.familyId} AND m.relationship = 'mother' LIMIT 1)`,
    })
    .from(child)
    .where(and(jurisdictionWhere(actor, child), sql`${child.nameKeys} && ${`{${keys.map((k) => `"${k}"`).join(',')}}`}::text[]`))
    .limit(opts.maxCandidates ?? MATCHING.maxCandidates);
  if (!rows.length) return [];

  // The incoming record, aged to today when it carries a date, and compared without dates.
  const incoming: PersonRecord = { ...record, id: '__incoming__', date: '' };
  if (record.age != null && record.date) incoming.age = record.age + (Date.parse(today) - Date.parse(record.date)) / (365.25 * 86_400_000);

  const people: PersonRecord[] = [];
  for (const c of rows) {
    const names = await placeNames(db, c.stateCode, c.districtCode);
    [c.name, c.nameLocal, ...(c.otherNames ?? [])].filter((n): n is string => !!n && !!n.trim()).slice(0, 3).forEach((name, k) => {
      const p = emptyPerson(k === 0 ? c.id : `${c.id}${VARIANT_SEPARATOR}${k}`);
      Object.assign(p, {
        name, sex: SEX[c.sex] ?? '', age: ageOn(c.dob, now), father_name: c.father ?? '', mother_name: c.mother ?? '',
        state: names.state, district: names.district, place: c.village ?? '',
      });
      people.push(p);
    });
  }
  const scored = await matchOne(incoming, () => people, { model: matchingModel(), recordIs: 'missing', populationSize: Math.max(MATCHING.minPopulation, rows.length), topK: 50 });
  const byChild = new Map<string, LikelyDuplicate>();
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  for (const m of scored) {
    const id = recordIdOf(m.rightId);
    const cur = byChild.get(id);
    if (cur && cur.weight >= m.weight) continue;
    const r = rowOf.get(id)!;
    byChild.set(id, { childId: id, name: r.name, nameLocal: r.nameLocal, probability: m.probability, weight: m.weight, fields: m.fields, explanation: m.explanation });
  }
  const out = [...byChild.values()]
    .filter((d) => d.probability >= (opts.threshold ?? 0.5))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, opts.limit ?? 5);
  await audit(db, actor, 'search', 'child', null, null, { ids: out.map((d) => d.childId), purpose: 'duplicate_check', candidates: rows.length });
  return out;
}
