// A scheme application as a pure state machine. As in OpenCRVS, the record
// is an append-only list of steps and the status is derived from it by one
// function that client and server share; the database only stores steps.
//
//   identified → documents_gathering → applied → sanctioned → receiving → stopped
//                                        └→ rejected ─┘(re-apply)
//
// Any open application can be stopped (family moved, child turned 18,
// benefit ended) and a stop or rejection always carries a reason, because
// the convergence meeting reviews why a link to a scheme failed.

import type { IsoDate } from './facts';
import { isIsoDate } from './format';

export const APPLICATION_STATUSES = [
  'identified',
  'documents_gathering',
  'applied',
  'sanctioned',
  'rejected',
  'receiving',
  'stopped',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  identified: ['documents_gathering', 'applied', 'stopped'],
  documents_gathering: ['applied', 'stopped'],
  applied: ['sanctioned', 'rejected', 'stopped'],
  sanctioned: ['receiving', 'stopped'],
  // A rejection for a missing document is fixed and the case re-applied.
  rejected: ['documents_gathering', 'applied', 'stopped'],
  receiving: ['stopped'],
  stopped: [],
};

const NEEDS_REASON: ReadonlySet<ApplicationStatus> = new Set(['rejected', 'stopped']);
const TAKES_AMOUNT: ReadonlySet<ApplicationStatus> = new Set(['sanctioned', 'receiving']);

export interface ApplicationStep {
  status: ApplicationStatus;
  on: IsoDate;
  /** Required for rejected and stopped. */
  reason?: string;
  /** Sanctioned or received amount in rupees (per the benefit's period). */
  amount?: number;
  /** Application or sanction order number. */
  reference?: string;
  note?: string;
}

export interface Application {
  schemeId: string;
  subjectId: string;
  status: ApplicationStatus;
  history: readonly ApplicationStep[];
}

export type WorkflowErrorCode =
  | 'not_allowed'
  | 'final'
  | 'bad_date'
  | 'date_before_previous'
  | 'reason_required'
  | 'bad_amount'
  | 'amount_not_expected'
  | 'must_start_identified'
  | 'unknown_status';

export interface WorkflowError {
  code: WorkflowErrorCode;
  message: string;
}

export type WorkflowResult = { ok: true; application: Application } | { ok: false; error: WorkflowError };

const fail = (code: WorkflowErrorCode, message: string): WorkflowResult => ({ ok: false, error: { code, message } });

export function allowedNext(status: ApplicationStatus): readonly ApplicationStatus[] {
  return APPLICATION_TRANSITIONS[status] ?? [];
}

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return allowedNext(from).includes(to);
}

/** Checks a step on its own (date, reason, amount), whatever the current status. */
function checkStep(step: ApplicationStep): WorkflowResult | null {
  if (!(APPLICATION_STATUSES as readonly string[]).includes(step.status)) {
    return fail('unknown_status', `"${String(step.status)}" is not an application status (${APPLICATION_STATUSES.join(', ')})`);
  }
  if (!isIsoDate(step.on)) return fail('bad_date', `date ${JSON.stringify(step.on)} is not a real YYYY-MM-DD date`);
  if (NEEDS_REASON.has(step.status) && !(typeof step.reason === 'string' && step.reason.trim())) {
    return fail('reason_required', `marking an application ${step.status} needs a reason`);
  }
  if (step.amount !== undefined) {
    if (!TAKES_AMOUNT.has(step.status)) {
      return fail('amount_not_expected', `an amount goes only with sanctioned or receiving, not ${step.status}`);
    }
    if (typeof step.amount !== 'number' || !Number.isFinite(step.amount) || step.amount < 0) {
      return fail('bad_amount', `amount ${JSON.stringify(step.amount)} must be a number of rupees, zero or more`);
    }
  }
  return null;
}

/** Opens an application at "identified" (the scheme was suggested or spotted). */
export function startApplication(
  schemeId: string,
  subjectId: string,
  step: Omit<ApplicationStep, 'status'> & { status?: 'identified' },
): WorkflowResult {
  const first: ApplicationStep = { ...step, status: 'identified' };
  const bad = checkStep(first);
  if (bad) return bad;
  return { ok: true, application: { schemeId, subjectId, status: 'identified', history: [first] } };
}

/** Moves an application one step; the input is never modified. */
export function transition(app: Application, step: ApplicationStep): WorkflowResult {
  const bad = checkStep(step);
  if (bad) return bad;
  const from = app.status;
  if (!canTransition(from, step.status)) {
    const next = allowedNext(from);
    return next.length === 0
      ? fail('final', `the application is ${from}, which is final; open a new application instead`)
      : fail('not_allowed', `cannot go from ${from} to ${step.status}; allowed next: ${next.join(', ')}`);
  }
  const last = app.history[app.history.length - 1];
  if (last && step.on < last.on) {
    return fail('date_before_previous', `${step.status} on ${step.on} is before the previous step (${last.status} on ${last.on})`);
  }
  return { ok: true, application: { ...app, status: step.status, history: [...app.history, step] } };
}

/** Rebuilds an application from its stored steps, checking every move. */
export function replay(schemeId: string, subjectId: string, steps: readonly ApplicationStep[]): WorkflowResult {
  if (steps.length === 0 || steps[0].status !== 'identified') {
    return fail('must_start_identified', 'an application history must start with an identified step');
  }
  let r = startApplication(schemeId, subjectId, { ...steps[0], status: 'identified' });
  for (let i = 1; i < steps.length && r.ok; i++) {
    r = transition(r.application, steps[i]);
    if (!r.ok) return fail(r.error.code, `step ${i}: ${r.error.message}`);
  }
  return r;
}

/** The sanctioned amount in force (latest sanctioned or receiving step with an amount). */
export function currentAmount(app: Application): number | null {
  for (let i = app.history.length - 1; i >= 0; i--) {
    const s = app.history[i];
    if (s.amount !== undefined && TAKES_AMOUNT.has(s.status)) return s.amount;
  }
  return null;
}
