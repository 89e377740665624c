import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictionWhere, type Actor, type Placement } from '../access/policy';
import { HttpError } from '../http/errors';
import { audit } from '../audit/audit.service';
import { getLocation } from '../locations/locations.repository';
import { emptyPerson } from '../linkage/record';
import { findLikelyDuplicates, placeNamesFor } from './duplicates.finder';
import { nameSimilarity } from '../names';
import { ageOn } from './age';
import { indexKeys } from './name-index';
import { family, possibleDuplicate } from './registry.schema';

/**
 * Duplicates at the door (one child, one record): before a child or family is created or
 * renamed through the API or a form, the linkage engine's duplicate finder looks for the same
 * child inside the user's jurisdiction, across spellings and scripts. Likely duplicates stop the
 * save with 409 `possible_duplicates` listing them; the user may still save with a reason
 * (`notDuplicate.reason`), and the pair is then held for review on the duplicates screen.
 */
export interface DoorCandidate {
  id: string;
  name: string;
  nameLocal: string | null;
  probability: number;
  explanation: string;
}

export interface NotDuplicate {
  reason: string;
}

export interface ChildAtDoor {
  name: string;
  nameLocal?: string | null;
  sex: string;
  dob: string | null;
  placement: Placement;
}

/** Family head names this alike, in the same village, are held as likely the same family. */
const FAMILY_LIKENESS = 0.9;

export async function childDuplicates(db: Db, actor: Actor, c: ChildAtDoor, now: Date, excludeId?: string): Promise<DoorCandidate[]> {
  const names = await placeNamesFor(db, [c.placement]);
  const places = names(c.placement.stateCode, c.placement.districtCode);
  const village = c.placement.villageId ? ((await getLocation(db, c.placement.villageId))?.name ?? '') : '';
  const found: DoorCandidate[] = [];
  // The name as typed and in the other script: either may be how the first record was written.
  for (const name of [c.name, c.nameLocal].filter((n): n is string => !!n && n.trim() !== '')) {
    const person = Object.assign(emptyPerson('incoming'), {
      name,
      sex: c.sex === 'female' ? 'f' : c.sex === 'male' ? 'm' : '',
      age: ageOn(c.dob, now),
      state: places.state,
      district: places.district,
      place: village,
    });
    for (const d of await findLikelyDuplicates(db, actor, person, { now, excludeId })) {
      if (!found.some((f) => f.id === d.childId)) {
        found.push({ id: d.childId, name: d.name, nameLocal: d.nameLocal, probability: d.probability, explanation: d.explanation });
      }
    }
  }
  return found.sort((a, b) => b.probability - a.probability).slice(0, 5);
}

export async function familyDuplicates(
  db: Db,
  actor: Actor,
  f: { headName: string; headNameLocal?: string | null; villageId: string | null },
  excludeId?: string,
): Promise<DoorCandidate[]> {
  const keys = indexKeys(f.headName, f.headNameLocal);
  if (!keys.length) return [];
  const rows = await db
    .select({ id: family.id, name: family.headName, nameLocal: family.headNameLocal })
    .from(family)
    .where(
      and(
        jurisdictionWhere(actor, family),
        isNull(family.mergedInto),
        f.villageId ? eq(family.villageId, f.villageId) : undefined,
        sql`${family.nameKeys} && ${`{${keys.map((k) => `"${k.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`,
        excludeId ? ne(family.id, excludeId) : undefined,
      ),
    )
    .orderBy(desc(family.updatedAt))
    .limit(50);
  const typed = [f.headName, f.headNameLocal].filter((n): n is string => !!n);
  const out = rows
    .map((r) => {
      const likeness = Math.max(
        ...typed.flatMap((t) => [r.name, r.nameLocal].filter((n): n is string => !!n).map((n) => nameSimilarity(t, n))),
      );
      return {
        id: r.id,
        name: r.name,
        nameLocal: r.nameLocal,
        probability: likeness,
        explanation: `head of family's name ${Math.round(likeness * 100)}% alike, same village`,
      };
    })
    .filter((r) => r.probability >= FAMILY_LIKENESS)
    .sort((a, b) => b.probability - a.probability)
    .slice(0, 5);
  await audit(db, actor, 'search', 'family', null, null, { ids: out.map((d) => d.id), purpose: 'duplicate_check' });
  return out;
}

/** Stops the save when there are likely duplicates and no reason was given to save anyway. */
export function refuseIfDuplicates(kind: 'child' | 'family', candidates: DoorCandidate[], notDuplicate: NotDuplicate | undefined): void {
  if (!candidates.length || notDuplicate) return;
  throw new HttpError(
    409,
    'possible_duplicates',
    `This ${kind} may already be registered (${candidates.length} likely match${candidates.length === 1 ? '' : 'es'}). Open the existing record, or save anyway with a reason (notDuplicate.reason).`,
    [{ field: 'notDuplicate.reason', message: 'give a reason to save a record that looks like one already registered' }],
    { candidates },
  );
}

/** Saved anyway: each likely duplicate becomes a pair on the review screen. */
export async function holdPairs(
  db: Db,
  actor: Actor,
  kind: 'child' | 'family',
  savedId: string,
  place: Placement,
  candidates: DoorCandidate[],
  reason: string,
): Promise<void> {
  for (const c of candidates) {
    const [row] = await db
      .insert(possibleDuplicate)
      .values({
        stateCode: place.stateCode,
        districtCode: place.districtCode,
        source: 'form',
        incoming: { id: savedId },
        subjectType: kind,
        incomingId: savedId,
        existingChildId: kind === 'child' ? c.id : null,
        existingFamilyId: kind === 'family' ? c.id : null,
        score: Math.round(c.probability * 10_000) / 10_000,
        reason,
        createdBy: actor.userId,
      })
      .returning({ id: possibleDuplicate.id });
    await audit(db, actor, 'create', 'possible_duplicate', row.id, place, { subjectType: kind, incomingId: savedId, existingId: c.id });
  }
}
