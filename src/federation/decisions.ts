import type { Database } from '../db/client';
import { audit } from '../audit/audit.service';
import type { Actor } from '../access/policy';
import { confirmNoteGiven, CONFIRM_NOTE_MESSAGE } from '../missing/missing.model';

/**
 * A state's DCPU deciding on a national proposal, in the state's own database (issue #19,
 * docs/SCALE.md §4): the decision is a row of `national_match_decision`, replicated to the
 * nation, where either side's rejection rejects the proposal and both states' confirmations
 * confirm it (as a cross-district match is confirmed when both sides agree); the status comes
 * back to both states with the proposal. A confirmation says how the match was checked, as in
 * the missing module (`CONFIRM_NOTE_MIN`), since it leads to restoration (JJ Act 2015 s.37(1)(b)).
 *
 * Who may decide is checked by the caller: the state app's route (proposals/proposals.service.ts:
 * `missing.national`, the proposal naming a record of the actor's district) passes the actor,
 * who is audited; the federation's own round trip (round-trip.ts) decides without one.
 */
export type NationalDecision = 'confirm' | 'reject';

export class NationalDecisionError extends Error {
  constructor(
    readonly code: 'not_found' | 'not_proposed' | 'already_decided' | 'note_required',
    message: string,
  ) {
    super(message);
  }
}

export async function decideNationalMatch(
  state: Database,
  stateCode: number,
  input: {
    matchId: string;
    decision: NationalDecision;
    note: string;
    checkedBy?: string | null;
    decidedBy?: string | null;
    actor?: Actor | null;
  },
): Promise<void> {
  if (input.decision === 'confirm' && !confirmNoteGiven(input.note)) throw new NationalDecisionError('note_required', CONFIRM_NOTE_MESSAGE);
  const m = await state.transaction(async (tx) => {
    const [m] = await tx.query<{ status: string; missing_state_code: number; missing_district_code: number; found_district_code: number }>(
      `SELECT status, missing_state_code, missing_district_code, found_district_code FROM national_match
        WHERE id = $1 AND $2 IN (missing_state_code, found_state_code) FOR UPDATE`,
      [input.matchId, stateCode],
    );
    if (!m) throw new NationalDecisionError('not_found', 'no national proposal naming a record of this state');
    if (m.status !== 'proposed') throw new NationalDecisionError('not_proposed', `the proposal is ${m.status}`);
    const rows = await tx.query(
      `INSERT INTO national_match_decision (match_id, state_code, decision, note, checked_by, decided_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (match_id, state_code) DO NOTHING RETURNING match_id`,
      [input.matchId, stateCode, input.decision, input.note, input.checkedBy ?? null, input.decidedBy ?? input.actor?.userId ?? null],
    );
    if (!rows.length) throw new NationalDecisionError('already_decided', 'this state has already decided on the proposal');
    return m;
  });
  // Ids and the decision only, never names (JJ Act 2015 s.74). After the commit: the audit
  // writer takes the Drizzle handle, not this raw transaction.
  await audit(
    state.db,
    input.actor ?? null,
    'decide',
    'national_match',
    input.matchId,
    { stateCode, districtCode: Number(m.missing_state_code) === stateCode ? m.missing_district_code : m.found_district_code },
    { decision: input.decision, national: true, ...(input.checkedBy ? { checkedBy: input.checkedBy } : {}) },
  );
}
