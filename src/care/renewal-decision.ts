import { HttpError, badRequest } from '../http/errors';

/**
 * The committee's renewal decision, checked the same way for a foster family's approval
 * (foster-renewal.service.ts) and a sponsorship's sanction (sponsorship/renewal.service.ts).
 */
export interface RenewalDecision {
  decision: 'renewed' | 'refused';
  meetingOn: string;
  validUntil?: string | null;
}

/** One re-assessment at a time: the committee decides the open one first. */
export function refuseIfReassessmentOpen(open: unknown) {
  if (open)
    throw new HttpError(409, 'reassessment_open', 'A re-assessment awaits the committee’s decision', [
      { field: 'on', message: 'a re-assessment is already recorded: the committee decides it first' },
    ]);
}

/** Before anything is locked: the meeting has happened; a renewal names its new end, a refusal none. */
export function checkDecisionInput(input: RenewalDecision, today: string, what: string) {
  if (input.meetingOn > today) throw badRequest('meetingOn', 'cannot be in the future');
  const renewed = input.decision === 'renewed';
  if (renewed && !input.validUntil) throw badRequest('validUntil', `say until when the ${what} is renewed`);
  if (!renewed && input.validUntil) throw badRequest('validUntil', 'a refusal sets no new end');
  if (renewed && input.validUntil! <= input.meetingOn) throw badRequest('validUntil', 'must be after the meeting');
  return renewed;
}

/**
 * Against the locked record: a re-assessment awaits the decision, the meeting is not before it,
 * and a renewal moves the end later than the present one.
 */
export function checkDecisionAgainst(
  input: RenewalDecision,
  open: { reassessedOn: string } | undefined | null,
  refusedBecause: string | null,
  presentEnd: string | null,
  endName: string,
): asserts open is { reassessedOn: string } {
  if (!open || refusedBecause)
    throw new HttpError(409, 'no_reassessment', 'The committee decides a renewal after the DCPU’s re-assessment', [
      { field: 'decision', message: refusedBecause ?? 'no re-assessment awaits a decision' },
    ]);
  if (input.meetingOn < open.reassessedOn) throw badRequest('meetingOn', `must be on or after the re-assessment (${open.reassessedOn})`);
  if (input.decision === 'renewed' && presentEnd && input.validUntil! <= presentEnd)
    throw badRequest('validUntil', `must be after the ${endName}'s present end (${presentEnd})`);
}
