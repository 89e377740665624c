import { and, desc, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, requirePermission, type Actor } from '../access/policy';
import { audit } from '../audit/audit.service';
import { child } from './registry.schema';
import { indexKeys } from './name-index';
import { ageOn } from './age';
import type { FieldWeight } from '../linkage/link';
import { explain, LinkEngine } from '../linkage/engine';
import { emptyPerson, personTable, type PersonRecord } from '../linkage/record';
import { nameVariants, VARIANT_SEPARATOR, type PlaceNames } from '../linkage/person-names';
import { LINKAGE_LIMITS, shippedModel } from '../linkage/shipped-model';
import { placeNames } from '../locations/place-names';

/**
 * The registry's one duplicate finder: the registry children most likely to be the same child
 * as an incoming one (an import row, a new registration), scored by the same linkage engine
 * (model, comparisons, calibrated probability, per-field explanation) as missing and found
 * children.
 *
 * Two ways in, one rule:
 * - `DuplicateFinder`: an in-memory index of a district's children by phonetic name key
 *   (`child.name_keys`), for the bulk import (`samanvay import`), which loads the districts a file
 *   touches once and adds each created row, so a file's own repeated rows are caught too;
 * - `findLikelyDuplicates(db, actor, record)`: the same for one record, candidates fetched from
 *   the GIN index on `child.name_keys` inside the actor's jurisdiction (audited).
 *
 * Candidates share phonetic name keys with the incoming child (`worthScoring`): given name and
 * surname, or a one-word name, or a shorter name contained in the incoming one; a shared surname
 * alone never makes a candidate. Those sharing the most keys are scored first, at most
 * `DUPLICATES.maxCandidates`. A registry child has no event date: both sides are compared
 * as of `now`, without dates. Each child contributes up to three name variants (name, name in the
 * other script, other names) and keeps its best-scoring one.
 */
export const DUPLICATES = {
  /** At or above this engine probability a child is a likely duplicate (the engine's "proposed match"). */
  threshold: 0.5,
  /** Candidates scored per incoming child, those sharing the most name keys first. */
  maxCandidates: 50,
  /** A name key carried by more children than this in a district is not walked on its own (too common). */
  maxPerKey: LINKAGE_LIMITS.maxRecordsPerKey,
  /**
   * The population that sets the prior of a pair, as in matching (never below
   * `LINKAGE_LIMITS.minPopulation`): a district's registry is compared as one small population, since
   * candidates are already narrowed to children sharing given name and surname.
   */
  populationSize: LINKAGE_LIMITS.minPopulation,
};

export interface LikelyDuplicate {
  childId: string;
  name: string;
  nameLocal: string | null;
  probability: number;
  weight: number;
  fields: FieldWeight[];
  explanation: string;
}

/** A registry child as the finder sees it. `id` '' = an earlier row of the same import (dry run). */
export interface RegistryCandidate {
  id: string;
  name: string;
  nameLocal: string | null;
  otherNames: string[];
  sex: string;
  dob: string | null;
  stateCode: number;
  districtCode: number;
  /** Village name (registry), compared as the place. */
  village: string | null;
  father: string | null;
  mother: string | null;
  /** Phonetic keys of all its names (`indexKeys`). */
  keys: string[];
}

const SEX: Record<string, string> = { female: 'f', male: 'm', other: 'o', unknown: '' };

/** One person record per distinct name of a child (at most three), compared as of `now`. */
export function registryPersons(c: Omit<RegistryCandidate, 'keys'>, places: PlaceNames, now: Date, idPrefix = c.id): PersonRecord[] {
  return nameVariants({ name: c.name, nameLocal: c.nameLocal, aliases: c.otherNames }).map((name, k) => {
    const p = emptyPerson(k === 0 ? idPrefix : `${idPrefix}${VARIANT_SEPARATOR}${k}`);
    Object.assign(p, {
      name,
      sex: SEX[c.sex] ?? '',
      age: ageOn(c.dob, now),
      father_name: c.father ?? '',
      mother_name: c.mother ?? '',
      state: places.state,
      district: places.district,
      place: c.village ?? '',
    });
    return p;
  });
}

interface Scored {
  probability: number;
  weight: number;
  fields: FieldWeight[];
}

/**
 * Scores listed pairs (left person i, right person j) with the engine, as `matchOne` does: one
 * engine over both sides, each pair scored directly (no blocking, no term-frequency adjustment,
 * so a pair's score does not depend on what else is in the batch), the prior set by
 * `DUPLICATES.populationSize`.
 */
function scorePairs(left: PersonRecord[], right: PersonRecord[], pairs: [number, number][]): Scored[] {
  if (!pairs.length) return [];
  const e = new LinkEngine(shippedModel(), personTable(left), personTable(right), {
    train: 'none',
    populationSize: DUPLICATES.populationSize,
  });
  e.setWeights();
  return pairs.map(([i, j]) => {
    const { weight, fields } = e.scoreDirect(i, j);
    return { probability: e.probability(weight), weight, fields };
  });
}

interface Incoming {
  /** The incoming child as a candidate for later rows (its id: the child it becomes, or ''). */
  child: RegistryCandidate;
  /** Phonetic keys of each of its names (e.g. the name, the name in the other script). */
  names: string[][];
}

/**
 * Scores each incoming child against its candidates; returns per incoming child its candidates
 * with the best score over the name variants of both, best first.
 */
function scoreAll(
  incoming: PersonRecord[][],
  candidatesOf: RegistryCandidate[][],
  placesOf: (c: RegistryCandidate) => PlaceNames,
  now: Date,
) {
  const left: PersonRecord[] = [];
  const right: PersonRecord[] = [];
  const rightOf = new Map<RegistryCandidate, [number, number]>();
  const pairs: [number, number][] = [];
  const owner: [number, RegistryCandidate][] = [];
  incoming.forEach((mine, k) => {
    const from = left.length;
    mine.forEach((p, v) => left.push({ ...p, id: `in${k}~${v}`, date: '' }));
    for (const c of candidatesOf[k]) {
      let span = rightOf.get(c);
      if (!span) {
        const ps = registryPersons(c, placesOf(c), now, `c${right.length}`);
        span = [right.length, right.length + ps.length];
        right.push(...ps);
        rightOf.set(c, span);
      }
      for (let i = from; i < left.length; i++)
        for (let j = span[0]; j < span[1]; j++) {
          pairs.push([i, j]);
          owner.push([k, c]);
        }
    }
  });
  const scored = scorePairs(left, right, pairs);
  const best = incoming.map(() => new Map<RegistryCandidate, Scored>());
  scored.forEach((s, x) => {
    const [k, c] = owner[x];
    const cur = best[k].get(c);
    if (!cur || s.weight > cur.weight) best[k].set(c, s);
  });
  return best.map((m) => [...m.entries()].sort((a, b) => b[1].weight - a[1].weight));
}

const asDuplicate = (c: RegistryCandidate, s: Scored): LikelyDuplicate => ({
  childId: c.id,
  name: c.name,
  nameLocal: c.nameLocal,
  probability: s.probability,
  weight: s.weight,
  fields: s.fields,
  explanation: explain(s.fields),
});

/**
 * Whether a registry child is worth scoring against an incoming child whose names have these
 * key sets (one per name, e.g. the name and the name in the other script): it shares at least
 * two keys of one name (given name and surname), or the one key of a one-word name, or its own
 * keys all occur in the incoming names ("Omkar" vs "Omkar Sawarkar"). A surname alone is never
 * enough.
 */
export function worthScoring(names: string[][], all: string[], c: Pick<RegistryCandidate, 'keys'>): boolean {
  for (const ks of names) {
    if (!ks.length) continue;
    let shared = 0;
    for (const k of ks) if (c.keys.includes(k)) shared++;
    if (shared >= Math.min(2, ks.length)) return true;
  }
  return c.keys.length > 0 && c.keys.every((k) => all.includes(k));
}

/** Qualifying candidates, those sharing the most keys first. */
function pickCandidates(names: string[][], pool: Iterable<RegistryCandidate>, limit: number): RegistryCandidate[] {
  const all = [...new Set(names.flat())];
  const out: { c: RegistryCandidate; n: number }[] = [];
  for (const c of pool) {
    if (!worthScoring(names, all, c)) continue;
    let n = 0;
    for (const k of all) if (c.keys.includes(k)) n++;
    out.push({ c, n });
  }
  return out
    .sort((a, b) => b.n - a.n)
    .slice(0, limit)
    .map((x) => x.c);
}

/**
 * The import's index: children by (district, name key). `candidates` walks each incoming name's
 * key lists rarest first (all of them for names of one or two keys, all but the most common one
 * otherwise, so every child sharing enough keys is met), skipping lists longer than `maxPerKey`
 * unless nothing else is left.
 */
export class DuplicateFinder {
  private byKey = new Map<string, RegistryCandidate[]>();
  constructor(
    private readonly places: (stateCode: number, districtCode: number) => PlaceNames,
    private readonly opts: { now: Date; threshold?: number } = { now: new Date() },
  ) {}

  add(c: RegistryCandidate) {
    for (const k of c.keys) {
      const key = `${c.districtCode}|${k}`;
      const list = this.byKey.get(key);
      if (list) list.push(c);
      else this.byKey.set(key, [c]);
    }
  }

  /** Candidates for an incoming child whose names have these key sets (see the class). */
  candidates(districtCode: number, names: string[][]): RegistryCandidate[] {
    const pool = new Set<RegistryCandidate>();
    for (const ks of names) {
      const lists = ks.map((k) => this.byKey.get(`${districtCode}|${k}`) ?? []).sort((a, b) => a.length - b.length);
      const walk = lists.slice(0, ks.length <= 2 ? ks.length : ks.length - 1).filter((l) => l.length);
      const bounded = walk.filter((l) => l.length <= DUPLICATES.maxPerKey);
      for (const l of bounded.length ? bounded : walk.slice(0, 1)) for (const c of l) pool.add(c);
    }
    return pickCandidates(names, pool, DUPLICATES.maxCandidates);
  }

  /**
   * Decides a batch of incoming children (an import chunk) as if one at a time, in order: each
   * is compared with the indexed children and with the batch's earlier children that were not
   * themselves held as duplicates. Returns, per incoming child, its most likely duplicate or
   * null; the children with none are added to the index. All pairs of the batch are scored by
   * one engine (building an engine per row cost more than the scoring).
   */
  async resolve(batch: Incoming[]): Promise<(LikelyDuplicate | null)[]> {
    const local = new DuplicateFinder(this.places, this.opts);
    const candidatesOf = batch.map((inc) => {
      const cands = [...this.candidates(inc.child.districtCode, inc.names), ...local.candidates(inc.child.districtCode, inc.names)];
      local.add(inc.child);
      return cands;
    });
    const placesOf = (c: RegistryCandidate) => this.places(c.stateCode, c.districtCode);
    const scored = scoreAll(
      batch.map((inc) => registryPersons(inc.child, placesOf(inc.child), this.opts.now)),
      candidatesOf,
      placesOf,
      this.opts.now,
    );
    const held = new Set<RegistryCandidate>();
    const threshold = this.opts.threshold ?? DUPLICATES.threshold;
    return batch.map((inc, k) => {
      const top = scored[k].find(([c]) => !held.has(c));
      if (top && top[1].probability >= threshold) {
        held.add(inc.child);
        return asDuplicate(top[0], top[1]);
      }
      this.add(inc.child);
      return null;
    });
  }
}

/** The registry children of these districts that the actor sees, as the finder's candidates. */
export async function loadRegistryCandidates(db: Db, actor: Actor, districts: number[]): Promise<RegistryCandidate[]> {
  if (!districts.length) return [];
  const rows = await db
    .select(candidateColumns)
    .from(child)
    .where(and(jurisdictionWhere(actor, child), sql`${child.districtCode} = ANY(${`{${districts.join(',')}}`}::int[])`));
  return rows as RegistryCandidate[];
}

const candidateColumns = {
  id: child.id,
  name: child.name,
  nameLocal: child.nameLocal,
  otherNames: child.otherNames,
  sex: child.sex,
  dob: child.dob,
  stateCode: child.stateCode,
  districtCode: child.districtCode,
  keys: child.nameKeys,
  village: sql<string | null>`(SELECT l.name FROM location l WHERE l.id = ${child.villageId})`,
  // The child's table named in full: a bare column here (drizzle writes "family_id" alone in a
  // one-table select) resolves to m.family_id, and every child got the first father in the table.
  father: sql<
    string | null
  >`(SELECT m.name FROM family_member m WHERE m.family_id = ${child}.family_id AND m.relationship = 'father' LIMIT 1)`,
  mother: sql<
    string | null
  >`(SELECT m.name FROM family_member m WHERE m.family_id = ${child}.family_id AND m.relationship = 'mother' LIMIT 1)`,
};

/** Place names (state, district) of each distinct place, resolved once. */
export async function placeNamesFor(db: Db, places: { stateCode: number; districtCode: number }[]) {
  const out = new Map<string, PlaceNames>();
  for (const p of places) {
    const k = `${p.stateCode}:${p.districtCode}`;
    if (!out.has(k)) out.set(k, await placeNames(db, p.stateCode, p.districtCode));
  }
  return (stateCode: number, districtCode: number) => out.get(`${stateCode}:${districtCode}`) ?? { state: '', district: '' };
}

/**
 * One incoming person record (e.g. a registration form) against the registry, inside the
 * actor's jurisdiction: candidates from the GIN index, those sharing the most keys first, then
 * the same rule and scoring as the import. Audited as a search (ids and counts only).
 */
export async function findLikelyDuplicates(
  db: Db,
  actor: Actor,
  record: PersonRecord,
  opts: { now?: Date; threshold?: number; limit?: number; maxCandidates?: number; excludeId?: string } = {},
): Promise<LikelyDuplicate[]> {
  // registry.read.minimal: the 1098 operator's suggestions (src/helpline), names only.
  requirePermission(actor, 'registry.read', 'registry.read.minimal', 'registry.import', 'registry.write');
  const now = opts.now ?? new Date();
  const keys = indexKeys(record.name);
  if (!keys.length) return [];
  const nameSets = [keys];
  const keyArray = sql`${`{${keys.map((k) => `"${k.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
  const sharedCount = sql<number>`(SELECT count(*) FROM unnest(${child.nameKeys}) AS k WHERE k = ANY(${keyArray}))`;
  const rows = (await db
    .select(candidateColumns)
    .from(child)
    .where(
      and(
        jurisdictionWhere(actor, child),
        sql`${child.nameKeys} && ${keyArray}`,
        isNull(child.mergedInto),
        opts.excludeId ? ne(child.id, opts.excludeId) : undefined,
      ),
    )
    .orderBy(desc(sharedCount), child.id)
    .limit(opts.maxCandidates ?? DUPLICATES.maxCandidates * 4)) as RegistryCandidate[];
  const candidates = pickCandidates(nameSets, rows, opts.maxCandidates ?? DUPLICATES.maxCandidates);

  // The incoming record, aged to today when it carries a date, and compared without dates.
  let age = record.age;
  if (record.age != null && record.date) age = record.age + (now.getTime() - Date.parse(record.date)) / (365.25 * 86_400_000);
  const names = await placeNamesFor(db, candidates);
  const [scored] = scoreAll([[{ ...record, age }]], [candidates], (c) => names(c.stateCode, c.districtCode), now);
  const out = scored
    .filter(([, s]) => s.probability >= (opts.threshold ?? DUPLICATES.threshold))
    .slice(0, opts.limit ?? 5)
    .map(([c, s]) => asDuplicate(c, s));
  await audit(
    db,
    actor,
    'search',
    'child',
    null,
    null,
    { ids: out.map((d) => d.childId), purpose: 'duplicate_check', candidates: candidates.length },
    { children: out.map((d) => d.childId) },
  );
  return out;
}
