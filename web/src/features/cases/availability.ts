import {
  CASE_ACTION_TYPES,
  DEFAULT_TIMELINE_CONFIG,
  levelAbove,
  levelBelow,
  validateAction,
  type CaseAction,
  type CaseActionType,
  type CaseState,
} from '../../../../src/cases/domain';
import type { Me } from '../../api/types';
import type { CaseFull } from './types';
import { istDay as day } from '../../app/clock';

/**
 * Which actions the signed-in user may record on the case now, judged by the same
 * `validateAction` the server runs, so a user meets a greyed-out choice with its reason
 * instead of learning the rules from a refusal. The server still decides.
 */
export type Availability = { type: CaseActionType; ok: true } | { type: CaseActionType; ok: false; code: string; message: string };

/** Refusals about a form's contents (dates, reasons), not about the case: the form will ask for them. */
const INPUT_CODES = new Set([
  'INVALID_ACTION',
  'IN_FUTURE',
  'DATE_BEFORE_INTAKE',
  'DATE_BEFORE_ACTION',
  'DATE_AFTER_ACTION',
  'CARE_OPTION_REASON_REQUIRED',
  'DUPLICATE_DOMAIN',
  'NOTE_REQUIRED',
  'NO_CHANGE',
]);

/** The Committee's own actions (JJ Act 2015 ss.36, 37, 94, 95(2)), as the server's CWC_ONLY. */
const CWC_ONLY = new Set<CaseActionType>(['cwc_order', 'sir_ordered', 'age_test_ordered', 'age_determined', 'escort_ordered']);

/** Actions offered on the case page, in the order a case usually needs them. */
export const OFFERED: CaseActionType[] = [
  'note',
  'assessment',
  'journey_recorded',
  'produced_before_cwc',
  'age_test_ordered',
  'age_determined',
  'sir_ordered',
  'sir_submitted',
  'cwc_order',
  'care_plan',
  'referral',
  'referral_accepted',
  'referral_declined',
  'referral_done',
  'review',
  'follow_up_visit',
  'escalation',
  'returned_down',
  'flagged_for_convergence',
  'transfer_requested',
  'transfer_accepted',
  'transfer_rejected',
  'transfer_cancelled',
  'escort_ordered',
  'closure',
  'reopening',
];

const PLACEHOLDER = 'probe';

/** A complete action of `type` with neutral contents, to ask the domain whether the case allows it. */
export function probe(type: CaseActionType, s: CaseState, now: number): Record<string, unknown> {
  const today = day(now);
  const far = day(now + 365 * 86_400_000);
  const open = (status: string) => s.referrals.find((r) => r.status === status)?.referralId ?? 'none';
  switch (type) {
    case 'assessment':
      return { risk: s.risk, needs: [] };
    case 'produced_before_cwc':
      return { producedAt: new Date(now).toISOString(), cwcUnit: PLACEHOLDER };
    case 'journey_recorded':
      return { minutes: 60 };
    case 'age_test_ordered':
      return { orderedOn: today, test: 'ossification', cwcUnit: PLACEHOLDER };
    case 'age_determined':
      return { determinedOn: today, dateOfBirth: today, basis: 'birth_certificate', cwcUnit: PLACEHOLDER };
    case 'escort_ordered':
      return {
        orderedOn: today,
        purpose: s.cwc.escortOwedSince ? 'transfer' : 'restoration',
        escortBy: 'sjpu',
        toDistrictCode: s.location.districtCode === '1' ? '2' : '1',
        cwcUnit: PLACEHOLDER,
      };
    case 'sir_ordered':
      return { investigator: { unit: PLACEHOLDER } };
    case 'sir_submitted':
      return { findings: [{ domain: 'health', finding: PLACEHOLDER }], recommendation: PLACEHOLDER };
    case 'cwc_order':
      return { kind: 'interim', orderType: 'other', orderedOn: today, cwcUnit: PLACEHOLDER };
    case 'care_plan':
      return {
        careOption: 'own_family',
        domains: [{ domain: 'health', goals: [PLACEHOLDER], services: [], providers: [], targetDate: far }],
      };
    case 'referral':
      return { referralId: `${PLACEHOLDER}-${now}`, need: PLACEHOLDER, domain: 'health', to: { kind: 'department', orgId: PLACEHOLDER } };
    case 'referral_accepted':
      return { referralId: open('pending') };
    case 'referral_declined':
      return { referralId: open('pending'), reason: PLACEHOLDER };
    case 'referral_done':
      return { referralId: open('accepted'), outcome: PLACEHOLDER };
    case 'review':
      return { outcome: 'continue' };
    case 'escalation':
      return { fromLevel: s.level, toLevel: levelAbove(s.level) ?? s.level, toUnit: PLACEHOLDER, reason: PLACEHOLDER, tried: PLACEHOLDER };
    case 'returned_down':
      return { toLevel: levelBelow(s.level) ?? s.level, toUnit: PLACEHOLDER, instructions: PLACEHOLDER };
    case 'flagged_for_convergence':
      return { reason: PLACEHOLDER };
    case 'transfer_requested':
      return { toDistrictCode: s.location.districtCode === '1' ? '2' : '1', toUnit: PLACEHOLDER, reason: PLACEHOLDER };
    case 'transfer_rejected':
      return { reason: PLACEHOLDER };
    case 'follow_up_visit':
      return { visitedOn: today, findings: PLACEHOLDER, childSafe: true };
    case 'closure':
      return { reason: 'other', note: PLACEHOLDER };
    case 'reopening':
      return { reason: PLACEHOLDER };
    case 'note':
      return { text: PLACEHOLDER };
    case 'owner_changed':
      return { toUser: PLACEHOLDER };
    default:
      return {};
  }
}

export function availableActions(c: CaseFull, me: Me, now = Date.now()): Availability[] {
  const history = c.history.map((h) => h.action as unknown as CaseAction);
  const unit = me.organisation?.id ?? '';
  const has = (p: string) => me.permissions.includes(p as never);
  return OFFERED.filter((t) => CASE_ACTION_TYPES.includes(t)).map((type): Availability => {
    const answering = type === 'referral_accepted' || type === 'referral_declined' || type === 'referral_done';
    const allowed = CWC_ONLY.has(type) ? has('cases.cwc') : answering ? has('cases.write') || has('cases.referral') : has('cases.write');
    if (!allowed || !unit) return { type, ok: false, code: 'FORBIDDEN', message: '' };
    // The last action may carry a server time slightly ahead of this device: never probe before it.
    const last = history.length ? Date.parse(history[history.length - 1].at) : 0;
    const at = Math.max(now, last);
    const action = { ...probe(type, c.state, at), type, at: new Date(at).toISOString(), by: me.id, unit };
    const r = validateAction(history, action, DEFAULT_TIMELINE_CONFIG, at);
    if (r.ok || INPUT_CODES.has(r.code)) return { type, ok: true };
    // No referral to answer is "not now", like any state refusal.
    return { type, ok: false, code: r.code, message: r.message };
  });
}
