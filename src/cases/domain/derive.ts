/**
 * The one pure function: the state of a case is a fold over its append-only
 * list of actions (the OpenCRVS pattern). The API and the web app both call it,
 * so a status or a due date can never differ between server and client.
 */
import type { ActionOf, CaseAction } from './actions';
import { dueItems } from './due';
import { applyAction, freshCwc, pendingEscalation } from './reducer';
import type { CaseFacts, CaseState } from './state';
import { clockMs, toIso, type Clock } from './time';
import type { TimelineConfig } from './timelines';

export class CaseDerivationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseDerivationError';
  }
}

function openFrom(intake: ActionOf<'intake'>): CaseFacts {
  return {
    status: 'intake',
    phase: 'intake',
    closed: false,
    childId: intake.childId,
    familyId: intake.familyId ?? null,
    source: intake.source,
    concerns: [...intake.concerns],
    risk: intake.risk,
    needs: [],
    level: intake.level,
    location: {
      stateCode: intake.location.stateCode,
      districtCode: intake.location.districtCode,
      blockCode: intake.location.blockCode ?? null,
      villageCode: intake.location.villageCode ?? null,
    },
    owner: { user: intake.by, unit: intake.unit },
    // JJ Act 2015 s.31(1): production is owed from the moment the child comes to notice.
    cwc: freshCwc(intake.productionRequired ? intake.at : null),
    carePlan: null,
    review: { count: 0, lastAt: null, lastOutcome: null, nextReviewDate: null },
    readyForClosure: false,
    restoration: null,
    referrals: [],
    escalations: [],
    returns: [],
    transfer: { pending: null, history: [] },
    convergenceFlags: [],
    closures: [],
    reopenings: 0,
    dates: {
      intakeAt: intake.at,
      reportedOn: intake.reportedOn,
      firstAssessmentAt: null,
      firstProducedAt: null,
      sirOrderedAt: null,
      sirSubmittedAt: null,
      finalOrderAt: null,
      carePlanAt: null,
      lastReviewAt: null,
      restoredAt: null,
      lastFollowUpAt: null,
      lastEscalatedAt: null,
      closedAt: null,
      reopenedAt: null,
      lastActionAt: intake.at,
    },
    actionCount: 1,
  };
}

/** Status: an open case shows who must act next (transfer, escalation) over its work phase. */
function statusOf(s: CaseFacts): CaseFacts['status'] {
  if (s.closed) return 'closed';
  if (s.transfer.pending) return 'transfer_pending';
  if (pendingEscalation(s)) return 'escalated';
  return s.phase;
}

/** The case facts without due items; throws CaseDerivationError if the first action is not an intake. */
export function deriveFacts(actions: readonly CaseAction[]): CaseFacts {
  const first = actions[0];
  if (!first || first.type !== 'intake') {
    throw new CaseDerivationError('a case record must begin with an intake action');
  }
  const s = openFrom(first);
  for (let i = 1; i < actions.length; i++) {
    const a = actions[i];
    applyAction(s, a, first);
    s.actionCount += 1;
    s.dates.lastActionAt = a.at;
  }
  s.status = statusOf(s);
  return s;
}

/**
 * Derives the whole state of a case, due items included. Due items are computed
 * at `now`; without it, at the time of the last action, so that the result
 * depends on the record alone.
 */
export function deriveCase(actions: readonly CaseAction[], config: TimelineConfig, now?: Clock): CaseState {
  const facts = deriveFacts(actions);
  const asOfMs = now === undefined ? Date.parse(facts.dates.lastActionAt) : clockMs(now);
  if (Number.isNaN(asOfMs)) throw new CaseDerivationError('now is not a valid date');
  const asOf = toIso(asOfMs);
  const due = dueItems(facts, config, asOf);
  return { ...facts, asOf, due, overdueCount: due.filter((d) => d.overdue).length };
}
