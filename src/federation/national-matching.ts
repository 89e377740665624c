import type { Database } from '../db/client';
import { chooseKeys, MATCHING, matchingModel, otherKind, personRecordsOf, scoreCandidateRows } from '../missing/matching.service';
import type { CandidateRow } from '../missing/missing.repository';
import type { RecordKind } from '../missing/domain/vocabulary';

/**
 * National matching on the national database (issue #19, docs/SCALE.md §4): the records the
 * states replicate (only their compared columns, open records only) are matched across states
 * as the missing module matches within a state: the state's blocking keys (computed there by the
 * model, replicated in `block_keys`), keys too common or absent dropped and the rest taken
 * rarest first (`chooseKeys`), the candidates sharing the most keys scored by the engine's
 * `matchOne` per name variant (`scoreCandidateRows`), the best 10 at probability ≥ 0.1 kept.
 * A pair within one state is that state's own matching's business and is not proposed here.
 *
 * The proposals go into `national_match`, which the nation publishes back to the two states it
 * names; each state's DCPU decides on it there (decisions.ts). A decided proposal is never touched.
 */

const CANDIDATE_COLUMNS = `id, kind, state_code AS "stateCode", district_code AS "districtCode", name, name_local AS "nameLocal",
  aliases, sex, age_years::float8 AS "ageYears", father_name AS "fatherName", mother_name AS "motherName", language, marks,
  to_char(event_date, 'YYYY-MM-DD') AS "eventDate", place, event_place AS "eventPlace"`;

type NationalRow = CandidateRow & { blockKeys: string[]; arrivedAt: string };

const keyArray = (keys: string[]) => `{${keys.map((k) => `"${k.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** Open records of `kind` in other states than `stateCode` carrying each key ('*': all of the kind, the population). */
async function nationalKeyCounts(nation: Database, kind: RecordKind, stateCode: number, keys: string[]): Promise<Map<string, number>> {
  const rows = await nation.query<{ key: string; n: number }>(
    `SELECT k AS key, count(*)::int AS n
       FROM missing_record, unnest(block_keys) AS k
      WHERE kind = $1 AND state_code <> $2 AND block_keys && $3::text[] AND k = ANY($3::text[])
      GROUP BY k
     UNION ALL
     SELECT '*', count(*)::int FROM missing_record WHERE kind = $1`,
    [kind, stateCode, keyArray(keys)],
  );
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

async function nationalCandidates(nation: Database, kind: RecordKind, stateCode: number, keys: string[]): Promise<CandidateRow[]> {
  if (!keys.length) return [];
  return nation.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM missing_record
      WHERE kind = $1 AND state_code <> $2 AND block_keys && $3::text[]
      ORDER BY (SELECT count(*) FROM unnest(block_keys) AS k WHERE k = ANY($3::text[])) DESC, event_date DESC
      LIMIT ${MATCHING.maxCandidates}`,
    [kind, stateCode, keyArray(keys)],
  );
}

export interface NationalRun {
  matched: number;
  proposed: number;
  withdrawn: number;
}

/** Matches the records that arrived or changed since they were last matched (oldest first). */
export async function matchNationalPending(nation: Database, limit = 500): Promise<NationalRun> {
  const model = matchingModel();
  const pending = await nation.query<NationalRow>(
    `SELECT ${CANDIDATE_COLUMNS}, block_keys AS "blockKeys", arrived_at::text AS "arrivedAt"
       FROM missing_record WHERE match_state = 'pending' ORDER BY arrived_at LIMIT ${Number(limit)}`,
  );
  const run: NationalRun = { matched: 0, proposed: 0, withdrawn: 0 };
  for (const r of pending) {
    const kind = r.kind as RecordKind;
    const other = otherKind(kind);
    const keys = r.blockKeys ?? [];
    const counts = await nationalKeyCounts(nation, other, r.stateCode, keys);
    const { chosen } = chooseKeys(keys, counts);
    const rows = await nationalCandidates(nation, other, r.stateCode, chosen);
    const variants = await personRecordsOf(nation.db, { ...r, kind });
    const scored = rows.length ? await scoreCandidateRows(nation.db, kind, variants, rows, counts.get('*') ?? 0, model) : [];
    const keep = scored.filter((s) => s.candidate.probability >= MATCHING.floor);
    await nation.transaction(async (tx) => {
      const mine = kind === 'missing' ? 'missing_id' : 'found_id';
      const theirs = kind === 'missing' ? 'found_id' : 'missing_id';
      const withdrawn = await tx.query(
        `UPDATE national_match SET status = 'withdrawn', updated_at = now()
          WHERE ${mine} = $1 AND status = 'proposed' AND NOT (${theirs} = ANY($2::uuid[])) RETURNING id`,
        [r.id, keep.map((k) => k.id)],
      );
      run.withdrawn += withdrawn.length;
      for (const k of keep) {
        const [m, f] = kind === 'missing' ? [r, k.row] : [k.row, r];
        await tx.query(
          `INSERT INTO national_match (id, missing_id, found_id, missing_state_code, missing_district_code, found_state_code,
                                       found_district_code, missing_name, missing_name_local, missing_sex, missing_age_years,
                                       missing_event_date, found_name, found_name_local, found_sex, found_age_years, found_event_date,
                                       probability, weight, fields, explanation, model_version)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
           ON CONFLICT (missing_id, found_id) DO UPDATE
              SET probability = EXCLUDED.probability, weight = EXCLUDED.weight, fields = EXCLUDED.fields,
                  explanation = EXCLUDED.explanation, model_version = EXCLUDED.model_version, status = 'proposed',
                  missing_name = EXCLUDED.missing_name, missing_name_local = EXCLUDED.missing_name_local,
                  missing_sex = EXCLUDED.missing_sex, missing_age_years = EXCLUDED.missing_age_years,
                  missing_event_date = EXCLUDED.missing_event_date, found_name = EXCLUDED.found_name,
                  found_name_local = EXCLUDED.found_name_local, found_sex = EXCLUDED.found_sex,
                  found_age_years = EXCLUDED.found_age_years, found_event_date = EXCLUDED.found_event_date, updated_at = now()
            WHERE national_match.status IN ('proposed', 'withdrawn')`,
          [
            m.id,
            f.id,
            m.stateCode,
            m.districtCode,
            f.stateCode,
            f.districtCode,
            m.name,
            m.nameLocal,
            m.sex,
            m.ageYears,
            m.eventDate,
            f.name,
            f.nameLocal,
            f.sex,
            f.ageYears,
            f.eventDate,
            k.candidate.probability,
            k.candidate.weight,
            JSON.stringify(k.candidate.fields),
            k.candidate.explanation,
            model.version,
          ],
        );
      }
      // Done unless it arrived again meanwhile (then the next run matches it once more).
      await tx.query(`UPDATE missing_record SET match_state = 'done' WHERE id = $1 AND arrived_at::text = $2`, [r.id, r.arrivedAt]);
    });
    run.matched++;
    run.proposed += keep.length;
  }
  return run;
}
