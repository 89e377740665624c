import type { Database } from '../db/client';
import { audit } from '../audit/audit.service';
import { bestLikeness, indexKeys, MIN_LIKENESS } from '../registry/name-index';

/**
 * Federation prototype (issue #19, docs/SCALE.md §4): each state's database owns its records; a
 * found child is searched for nationally by asking every state's database for its open missing
 * reports that could be the child, each state ranking its own candidates and auditing that it
 * disclosed them, and merging the ranked lists. What crosses the boundary is only what a match
 * is judged on (names, sex, age, when and in which district the child went missing) and the
 * owning state and record id: never addresses, phones, FIR details or reporters.
 *
 * Not the full design (logical replication of the compared columns into a national
 * index): a fan-out over connections, which needs every state up at query time.
 */
export interface StateNode {
  stateCode: number;
  database: Database;
}

export interface FoundChild {
  name: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  ageYears?: number | null;
  /** The state and district asking (the found child's): named in every state's audit entry. */
  fromState: number;
  fromDistrict: number;
}

export interface NationalCandidate {
  stateCode: number;
  districtCode: number;
  recordId: string;
  name: string | null;
  nameLocal: string | null;
  sex: string;
  ageYears: number | null;
  eventDate: string | null;
  likeness: number;
}

/** Candidates per state: a state's answer stays small whatever its size. */
const PER_STATE = 25;
/** Reported ages are guesses; a found child's age is estimated too. */
const AGE_SLACK = 3;

async function askState(node: StateNode, child: FoundChild): Promise<NationalCandidate[]> {
  const rows = await node.database.query<{
    id: string;
    state_code: number;
    district_code: number;
    name: string | null;
    name_local: string | null;
    aliases: string[];
    sex: string;
    age_years: string | number | null;
    event_date: string | Date | null;
  }>(
    `SELECT id, state_code, district_code, name, name_local, aliases, sex, age_years, event_date
       FROM missing_record
      WHERE kind = 'missing' AND status = 'open' AND state_code = $1
        AND ($2 = 'unknown' OR sex IN ($2, 'unknown'))
        AND ($3::numeric IS NULL OR age_years IS NULL OR abs(age_years - $3::numeric) <= ${AGE_SLACK})
      ORDER BY created_at DESC LIMIT 2000`,
    [node.stateCode, child.sex, child.ageYears ?? null],
  );
  // Blocking as the registry's search does: a name key in common (any script or spelling), then likeness.
  const keys = new Set(indexKeys(child.name));
  const ranked = rows
    .filter((r) => indexKeys(r.name, r.name_local, ...(r.aliases ?? [])).some((k) => keys.has(k)))
    .map((r) => ({
      stateCode: Number(r.state_code),
      districtCode: Number(r.district_code),
      recordId: r.id,
      name: r.name,
      nameLocal: r.name_local,
      sex: r.sex,
      ageYears: r.age_years == null ? null : Number(r.age_years),
      eventDate: r.event_date == null ? null : new Date(r.event_date).toISOString().slice(0, 10),
      likeness: bestLikeness(child.name, r.name, r.name_local, ...(r.aliases ?? [])),
    }))
    .filter((c) => c.likeness >= MIN_LIKENESS)
    .sort((a, b) => b.likeness - a.likeness)
    .slice(0, PER_STATE);
  // The state records what it disclosed and to whom (ids, never names: JJ Act 2015 s.74).
  await audit(
    node.database.db,
    null,
    'search',
    'missing_record',
    null,
    { stateCode: node.stateCode },
    { national: true, fromState: child.fromState, fromDistrict: child.fromDistrict, ids: ranked.map((c) => c.recordId) },
  );
  return ranked;
}

/**
 * Every state's candidates, best first; a state that does not answer is named, not hidden. The
 * national database (when given) records the query too: which states answered with which ids.
 */
export async function nationalFoundChildSearch(
  states: StateNode[],
  child: FoundChild,
  nation?: Database,
): Promise<{ candidates: NationalCandidate[]; unanswered: number[] }> {
  const answers = await Promise.allSettled(states.map((s) => askState(s, child)));
  const unanswered = states.filter((_, i) => answers[i].status === 'rejected').map((s) => s.stateCode);
  const candidates = answers
    .flatMap((a) => (a.status === 'fulfilled' ? a.value : []))
    .sort((a, b) => b.likeness - a.likeness || a.stateCode - b.stateCode);
  if (nation)
    await audit(nation.db, null, 'search', 'missing_record', null, null, {
      national: true,
      fromState: child.fromState,
      fromDistrict: child.fromDistrict,
      answered: states.map((s) => s.stateCode).filter((c) => !unanswered.includes(c)),
      unanswered,
      ids: candidates.map((c) => `${c.stateCode}:${c.recordId}`),
    });
  return { candidates, unanswered };
}
