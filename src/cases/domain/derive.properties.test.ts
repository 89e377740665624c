import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_ACTION_TYPES, type CaseAction, type CaseActionType } from './actions';
import { deriveCase } from './derive';
import { CASE_STATUSES, type CaseState, type CaseStatus } from './state';
import { make, T0, UNITS } from './testkit';
import { addDuration, istDay } from './time';
import { DEFAULT_TIMELINE_CONFIG as config } from './timelines';
import { validateAction } from './validate';
import { CARE_OPTIONS, CLOSURE_REASONS, CWC_ORDER_TYPES, LEVELS, REVIEW_OUTCOMES } from './vocabulary';

/** Random picks from small pools, so that many generated actions are valid and interact. */
const candidate = fc.record({
  type: fc.constantFrom(...CASE_ACTION_TYPES),
  gapMinutes: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 60 * 24 * 40 })),
  unit: fc.constantFrom(...Object.values(UNITS)),
  from: fc.constantFrom(...LEVELS),
  to: fc.constantFrom(...LEVELS),
  ref: fc.constantFrom('r1', 'r2', 'r3'),
  district: fc.constantFrom('467', '468', '469'),
  closure: fc.constantFrom(...CLOSURE_REASONS),
  final: fc.boolean(),
  orderType: fc.constantFrom(...CWC_ORDER_TYPES),
  form44: fc.boolean(),
  careOption: fc.constantFrom(...CARE_OPTIONS),
  withReason: fc.boolean(),
  outcome: fc.constantFrom(...REVIEW_OUTCOMES),
  flag: fc.boolean(),
  dayOffset: fc.integer({ min: -20, max: 90 }),
});
type Candidate = typeof candidate extends fc.Arbitrary<infer C> ? C : never;

function toAction(c: Candidate, at: string, owner: string): CaseAction {
  const day = istDay(addDuration(at, { days: Math.abs(c.dayOffset) }));
  const past = istDay(addDuration(at, { days: -Math.min(Math.abs(c.dayOffset), 3) }));
  const common = { at, by: `user:${c.unit}`, unit: c.unit };
  const t: CaseActionType = c.type;
  switch (t) {
    case 'intake':
      return make('intake', { ...common, reportedOn: istDay(at), productionRequired: c.flag });
    case 'produced_before_cwc':
      return make(t, { ...common, producedAt: addDuration(at, { hours: -Math.min(Math.abs(c.dayOffset), 5) }) });
    case 'cwc_order':
      return make(t, {
        ...common,
        kind: c.final ? 'final' : 'interim',
        orderType: c.orderType,
        form: c.form44 ? 'form44' : undefined,
        orderedOn: past,
      });
    case 'care_plan':
      return make(t, {
        ...common,
        careOption: c.careOption,
        careOptionReason: c.withReason ? 'preferred options ruled out' : undefined,
        domains: [{ domain: 'health', goals: ['g'], services: [], providers: [], targetDate: day }],
      });
    case 'referral':
      return make(t, { ...common, referralId: c.ref, dueDate: c.flag ? istDay(addDuration(at, { days: c.dayOffset })) : undefined });
    case 'referral_accepted':
    case 'referral_declined':
    case 'referral_done':
      return make(t, { ...common, referralId: c.ref });
    case 'review':
      return make(t, { ...common, outcome: c.outcome, nextReviewDate: c.flag ? day : undefined });
    case 'escalation':
      return make(t, { ...common, fromLevel: c.from, toLevel: c.to, toUnit: c.unit });
    case 'returned_down':
      return make(t, { ...common, toLevel: c.to, toUnit: c.unit });
    case 'transfer_requested':
      return make(t, { ...common, toDistrictCode: c.district, toUnit: c.unit });
    case 'follow_up_visit':
      return make(t, { ...common, visitedOn: past, nextVisitDate: c.flag ? day : undefined });
    case 'closure':
      return make(t, { ...common, reason: c.closure, note: c.flag ? 'note' : undefined });
    case 'owner_changed':
      return make(t, { ...common, toUser: c.flag ? owner : 'user:someone' });
    default:
      return make(t, common);
  }
}

/** States that must never be reached by accepted actions. */
function impossibilities(s: CaseState): string[] {
  const out: string[] = [];
  const pendingEsc = s.escalations.filter((e) => e.resolution === 'pending');
  const pendingTransfers = s.transfer.history.filter((t) => t.outcome === 'pending');
  const openReferrals = s.referrals.filter((r) => r.status === 'pending' || r.status === 'accepted');
  if (!CASE_STATUSES.includes(s.status)) out.push(`unknown status ${s.status}`);
  if ((s.status === 'closed') !== s.closed) out.push('status and closed disagree');
  if (s.closed && s.transfer.pending) out.push('closed with a pending transfer');
  if (s.closed && pendingEsc.length) out.push('closed with a pending escalation');
  if (s.closed && openReferrals.length) out.push('closed with open referrals');
  if (s.closed && s.due.length) out.push('closed with due items');
  if (pendingEsc.length > 1 || (pendingEsc.length === 1 && s.escalations.at(-1) !== pendingEsc[0]))
    out.push('more than one pending escalation');
  if (pendingTransfers.length > 1 || (pendingTransfers.length === 1) !== (s.transfer.pending !== null))
    out.push('transfer bookkeeping broken');
  if (s.status === 'escalated' && !pendingEsc.length) out.push('escalated without a pending escalation');
  if (s.status === 'transfer_pending' && !s.transfer.pending) out.push('transfer_pending without a transfer');
  if ((s.phase === 'care_plan_active' || s.phase === 'under_review') && !s.carePlan) out.push(`${s.phase} without a care plan`);
  if (s.cwc.finalOrder && !s.cwc.firstProducedAt) out.push('final order without production');
  if (s.cwc.sirSubmittedAt && !s.cwc.sirOrderedAt) out.push('SIR submitted without an order');
  if (new Set(s.referrals.map((r) => r.referralId)).size !== s.referrals.length) out.push('duplicate referral ids');
  if (s.referrals.some((r) => r.status === 'done' && !r.acceptedAt)) out.push('referral done without acceptance');
  if (!LEVELS.includes(s.level)) out.push(`unknown level ${s.level}`);
  if (s.due.some((d) => Number.isNaN(Date.parse(d.dueAt)) || d.overdue !== Date.parse(s.asOf) > Date.parse(d.dueAt)))
    out.push('bad due item');
  return out;
}

describe('deriveCase properties', () => {
  it('never throws, and never yields an impossible state, on accepted actions', () => {
    const reached = new Set<CaseStatus>();
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 1, maxLength: 60, size: 'max' }), (candidates) => {
        const record: CaseAction[] = [];
        let at = T0;
        for (const [i, c] of candidates.entries()) {
          at = addDuration(at, { hours: c.gapMinutes / 60 });
          const owner = (record.length && deriveCase(record, config).owner.user) || 'user:nobody';
          const next = toAction(i === 0 ? { ...c, type: 'intake' } : c, at, owner);
          const result = validateAction(record, next, config, addDuration(at, { hours: 1 }));
          if (!result.ok) continue;
          record.push(result.action);
          accepted += 1;
          const state = deriveCase(record, config, addDuration(at, { days: 30 }));
          reached.add(state.status);
          expect(impossibilities(state)).toEqual([]);
          expect(deriveCase(record, config, addDuration(at, { days: 30 }))).toEqual(state);
        }
      }),
      { numRuns: 400 },
    );
    // The generator must actually exercise the workflow, not just the refusals.
    expect(accepted).toBeGreaterThan(2000);
    expect([...reached].sort()).toEqual([...CASE_STATUSES].sort());
  });

  it('validateAction never throws on arbitrary input', () => {
    const history = [make('intake')];
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const r = validateAction(history, junk, config, T0);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
