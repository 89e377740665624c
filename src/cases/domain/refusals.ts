/**
 * Reasons an action is refused, as stable codes the API returns and the web app
 * translates. One place, so the server and the client speak the same codes.
 */
import type { CaseAction } from './actions';

export const VALIDATION_CODES = [
  'INVALID_ACTION',
  'NO_INTAKE',
  'ALREADY_OPENED',
  'BEFORE_PREVIOUS_ACTION',
  'IN_FUTURE',
  'CASE_CLOSED',
  'ALREADY_CLOSED',
  'NOT_CLOSED',
  'DATE_BEFORE_INTAKE',
  'DATE_BEFORE_ACTION',
  'DATE_AFTER_ACTION',
  'NOT_PRODUCED',
  'SIR_NOT_ORDERED',
  'SIR_ALREADY_ORDERED',
  'FORM44_REQUIRED',
  'WRONG_ORDER_FORM',
  'RECONSIDERATION_PERIOD',
  'CWC_ORDER_REQUIRED',
  'CARE_OPTION_REASON_REQUIRED',
  'DUPLICATE_DOMAIN',
  'DUPLICATE_REFERRAL',
  'UNKNOWN_REFERRAL',
  'REFERRAL_ALREADY_DECIDED',
  'REFERRAL_NOT_ACCEPTED',
  'NO_CARE_PLAN',
  'WRONG_LEVEL',
  'ALREADY_AT_TOP',
  'NOT_HIGHER_LEVEL',
  'ALREADY_AT_LOWEST',
  'NOT_LOWER_LEVEL',
  'TRANSFER_PENDING',
  'SAME_DISTRICT',
  'NO_PENDING_TRANSFER',
  'NOT_TRANSFER_RECIPIENT',
  'NOT_TRANSFER_REQUESTER',
  'NOT_RESTORED',
  'OPEN_REFERRALS',
  'CWC_ORDER_PENDING',
  'RESTORATION_ORDER_REQUIRED',
  'NOTE_REQUIRED',
  'PRODUCTION_NOT_OWED',
  'AGE_TEST_NOT_ORDERED',
  'NO_CHANGE',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

export interface ValidationFailure {
  ok: false;
  code: ValidationCode;
  message: string;
  /** Dotted path of the offending field in the action, when one field is at fault. */
  field?: string;
}
export type ValidationResult = { ok: true; action: CaseAction } | ValidationFailure;

export function refuse(code: ValidationCode, message: string, field?: string): ValidationFailure {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };
}
