/**
 * Validation of the next action against the case as it stands. The server
 * refuses what this refuses, and the web app uses the same function to grey
 * out what cannot be done, so a user never learns the rules from a 409.
 */
import { caseActionSchema, type CaseAction } from './actions';
import { deriveFacts } from './derive';
import { clockMs, istDay, type Clock } from './time';
import type { TimelineConfig } from './timelines';
import { refuse, type ValidationResult } from './refusals';
import { checkTransition } from './transitions';

/** Actions that may still be recorded on a closed case. */
const ALLOWED_WHEN_CLOSED: ReadonlySet<CaseAction['type']> = new Set(['reopening', 'note']);

/**
 * Decides whether `next` may be appended to `actions` (a record that was itself
 * built only from accepted actions). `next` may be untrusted input: it is parsed
 * first. `now` is the server's (or device's) clock: actions cannot be future-dated
 * beyond the configured clock skew.
 */
export function validateAction(actions: readonly CaseAction[], next: unknown, config: TimelineConfig, now: Clock): ValidationResult {
  const parsed = caseActionSchema.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join('.');
    return refuse('INVALID_ACTION', `${field ? `${field}: ` : ''}${issue.message}`, field || undefined);
  }
  const action = parsed.data;
  const at = Date.parse(action.at);

  // Time only moves forward in an append-only record, and never past the clock.
  const nowMs = clockMs(now);
  if (Number.isNaN(nowMs)) throw new RangeError('validateAction: now is not a valid date');
  const skewMs = config.maxClockSkewMinutes * 60_000;
  if (at > nowMs + skewMs) {
    return refuse('IN_FUTURE', `the action is dated ${action.at}, which is in the future`, 'at');
  }
  const previous = actions[actions.length - 1];
  if (previous && at < Date.parse(previous.at)) {
    return refuse('BEFORE_PREVIOUS_ACTION', `the action is dated ${action.at}, before the previous action (${previous.at})`, 'at');
  }

  if (actions.length === 0) {
    if (action.type !== 'intake') return refuse('NO_INTAKE', 'a case must be opened with an intake before anything else');
    return checkIntake(action);
  }
  if (actions[0].type !== 'intake') return refuse('NO_INTAKE', 'the case record does not begin with an intake');
  if (action.type === 'intake') return refuse('ALREADY_OPENED', 'the case is already open; record a new intake as a new case');

  const facts = deriveFacts(actions);
  if (facts.closed && !ALLOWED_WHEN_CLOSED.has(action.type)) {
    if (action.type === 'closure') return refuse('ALREADY_CLOSED', 'the case is already closed');
    return refuse('CASE_CLOSED', `the case is closed; reopen it before recording a ${action.type.replace(/_/g, ' ')}`);
  }
  const failure = checkTransition(facts, action);
  return failure ?? { ok: true, action };
}

function checkIntake(action: Extract<CaseAction, { type: 'intake' }>): ValidationResult {
  if (action.reportedOn > istDay(action.at)) {
    return refuse('DATE_AFTER_ACTION', 'the reported date is after the intake was recorded', 'reportedOn');
  }
  return { ok: true, action };
}
