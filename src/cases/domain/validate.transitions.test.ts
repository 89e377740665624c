import { describe, expect, it } from 'vitest';
import type { CaseAction } from './actions';
import { deriveCase } from './derive';
import { VALIDATION_CODES, type ValidationCode } from './refusals';
import { daysAfter, hoursAfter, make, record, T0, UNITS } from './testkit';
import { DEFAULT_TIMELINE_CONFIG as config } from './timelines';
import { validateAction } from './validate';

const h = (n: number) => hoursAfter(n);
const NOW = daysAfter(365);
const build = (actions: CaseAction[]) => record(config, actions, NOW);

const opened = build([make('intake', { productionRequired: false })]);
const closed = build([...opened, make('closure', { at: h(1), reason: 'duplicate' })]);
const produced = build([make('intake'), make('produced_before_cwc', { at: h(2), producedAt: h(1) })]);
const sirOrdered = build([...produced, make('sir_ordered', { at: h(3) })]);
const withPlan = build([...opened, make('care_plan', { at: h(1) })]);
const withReferral = build([...opened, make('referral', { at: h(1) })]);
const accepted = build([...withReferral, make('referral_accepted', { at: h(2), unit: UNITS.education })]);
const atBlock = build([...opened, make('escalation', { at: h(1) })]);
const atState = build([...opened, make('escalation', { at: h(1), toLevel: 'state', toUnit: UNITS.scps })]);
const transferPending = build([...opened, make('transfer_requested', { at: h(1) })]);
const finalSponsorship = build([
  ...produced,
  make('cwc_order', { at: h(3), kind: 'final', orderType: 'sponsorship', orderedOn: '2025-01-06' }),
]);

interface Case {
  name: string;
  history: CaseAction[];
  next: unknown;
  code: ValidationCode;
  field?: string;
  now?: string;
}

const refusals: Case[] = [
  { name: 'malformed action', history: [], next: { ...make('intake'), childId: undefined }, code: 'INVALID_ACTION', field: 'childId' },
  {
    name: 'unknown action type',
    history: opened,
    next: { ...make('note', { at: h(1) }), type: 'teleport' },
    code: 'INVALID_ACTION',
    field: 'type',
  },
  { name: 'first action not an intake', history: [], next: make('note'), code: 'NO_INTAKE' },
  { name: 'second intake', history: opened, next: make('intake', { at: h(1) }), code: 'ALREADY_OPENED' },
  {
    name: 'reported after the intake',
    history: [],
    next: make('intake', { reportedOn: '2025-01-07' }),
    code: 'DATE_AFTER_ACTION',
    field: 'reportedOn',
  },
  {
    name: 'dated before the previous action',
    history: build([...opened, make('note', { at: h(2) })]),
    next: make('note', { at: h(1) }),
    code: 'BEFORE_PREVIOUS_ACTION',
    field: 'at',
  },
  { name: 'dated in the future', history: opened, next: make('note', { at: h(2) }), now: h(1), code: 'IN_FUTURE', field: 'at' },
  {
    name: 'closing a closed case',
    history: closed,
    next: make('closure', { at: h(2), reason: 'other', note: 'x' }),
    code: 'ALREADY_CLOSED',
  },
  { name: 'referring a closed case', history: closed, next: make('referral', { at: h(2) }), code: 'CASE_CLOSED' },
  { name: 'escalating a closed case', history: closed, next: make('escalation', { at: h(2) }), code: 'CASE_CLOSED' },
  { name: 'transferring a closed case', history: closed, next: make('transfer_requested', { at: h(2) }), code: 'CASE_CLOSED' },
  { name: 'reopening an open case', history: opened, next: make('reopening', { at: h(1) }), code: 'NOT_CLOSED' },
  {
    name: 'referral due before intake',
    history: opened,
    next: make('referral', { at: h(1), dueDate: '2025-01-01' }),
    code: 'DATE_BEFORE_INTAKE',
    field: 'dueDate',
  },
  {
    name: 'referral due before it was made',
    history: opened,
    next: make('referral', { at: daysAfter(10), dueDate: '2025-01-10' }),
    code: 'DATE_BEFORE_ACTION',
    field: 'dueDate',
  },
  {
    name: 'care plan target before intake',
    history: opened,
    next: make('care_plan', {
      at: h(1),
      domains: [{ domain: 'health', goals: ['g'], services: [], providers: [], targetDate: '2024-12-31' }],
    }),
    code: 'DATE_BEFORE_INTAKE',
    field: 'domains.0.targetDate',
  },
  {
    name: 'next review before intake',
    history: withPlan,
    next: make('review', { at: h(2), nextReviewDate: '2024-12-01' }),
    code: 'DATE_BEFORE_INTAKE',
    field: 'nextReviewDate',
  },
  {
    name: 'produced after being recorded',
    history: opened,
    next: make('produced_before_cwc', { at: h(1), producedAt: h(2) }),
    code: 'DATE_AFTER_ACTION',
    field: 'producedAt',
  },
  {
    name: 'final order before production',
    history: opened,
    next: make('cwc_order', { at: h(1), kind: 'final' }),
    code: 'NOT_PRODUCED',
    field: 'kind',
  },
  { name: 'SIR ordered before production', history: opened, next: make('sir_ordered', { at: h(1) }), code: 'NOT_PRODUCED' },
  { name: 'SIR submitted without an order', history: produced, next: make('sir_submitted', { at: h(3) }), code: 'SIR_NOT_ORDERED' },
  { name: 'SIR ordered twice', history: sirOrdered, next: make('sir_ordered', { at: h(4) }), code: 'SIR_ALREADY_ORDERED' },
  {
    name: 'final restoration without Form 44',
    history: produced,
    next: make('cwc_order', { at: h(3), kind: 'final', orderType: 'restoration' }),
    code: 'FORM44_REQUIRED',
    field: 'form',
  },
  {
    name: 'foster care ordered on the sponsorship form (Form 32 is the foster-care order, R.23(15))',
    history: produced,
    next: make('cwc_order', { at: h(3), orderType: 'foster_care', form: 'form36' }),
    code: 'WRONG_ORDER_FORM',
    field: 'form',
  },
  {
    name: 'surrendered child declared legally free inside the two months to reconsider (s.35(3))',
    history: build([
      make('intake'),
      make('produced_before_cwc', {
        at: h(2),
        producedAt: h(1),
        adoptionInquiry: { category: 'surrendered', upToTwoYears: true, surrenderedOn: '2025-01-06' },
      }),
    ]),
    next: make('cwc_order', { at: h(3), kind: 'final', orderType: 'lfa_declaration', form: 'form25', orderedOn: '2025-01-06' }),
    code: 'RECONSIDERATION_PERIOD',
    field: 'orderedOn',
  },
  {
    name: 'order dated after it was recorded',
    history: produced,
    next: make('cwc_order', { at: h(3), orderedOn: '2025-01-09' }),
    code: 'DATE_AFTER_ACTION',
    field: 'orderedOn',
  },
  {
    name: 'institution without a CWC order',
    history: opened,
    next: make('care_plan', { at: h(1), careOption: 'institution', careOptionReason: 'no family traced' }),
    code: 'CWC_ORDER_REQUIRED',
    field: 'careOption',
  },
  {
    name: 'kinship care without saying why not own family',
    history: opened,
    next: make('care_plan', { at: h(1), careOption: 'kinship' }),
    code: 'CARE_OPTION_REASON_REQUIRED',
    field: 'careOptionReason',
  },
  {
    name: 'care plan domain twice',
    history: opened,
    next: make('care_plan', { at: h(1), domains: [...make('care_plan').domains, ...make('care_plan').domains] }),
    code: 'DUPLICATE_DOMAIN',
    field: 'domains.1.domain',
  },
  {
    name: 'duplicate referral id',
    history: withReferral,
    next: make('referral', { at: h(2) }),
    code: 'DUPLICATE_REFERRAL',
    field: 'referralId',
  },
  {
    name: 'accepting a referral that does not exist',
    history: opened,
    next: make('referral_accepted', { at: h(1), referralId: 'ref:none' }),
    code: 'UNKNOWN_REFERRAL',
    field: 'referralId',
  },
  {
    name: 'accepting a referral twice',
    history: accepted,
    next: make('referral_accepted', { at: h(3) }),
    code: 'REFERRAL_ALREADY_DECIDED',
    field: 'referralId',
  },
  {
    name: 'declining an accepted referral',
    history: accepted,
    next: make('referral_declined', { at: h(3) }),
    code: 'REFERRAL_ALREADY_DECIDED',
    field: 'referralId',
  },
  {
    name: 'completing a referral never accepted',
    history: withReferral,
    next: make('referral_done', { at: h(2) }),
    code: 'REFERRAL_NOT_ACCEPTED',
    field: 'referralId',
  },
  { name: 'review without a care plan', history: opened, next: make('review', { at: h(1) }), code: 'NO_CARE_PLAN' },
  {
    name: 'escalating from the wrong level',
    history: opened,
    next: make('escalation', { at: h(1), fromLevel: 'block', toLevel: 'district' }),
    code: 'WRONG_LEVEL',
    field: 'fromLevel',
  },
  {
    name: 'escalating above state',
    history: atState,
    next: make('escalation', { at: h(2), fromLevel: 'state', toLevel: 'state' }),
    code: 'ALREADY_AT_TOP',
    field: 'toLevel',
  },
  {
    name: 'escalating sideways',
    history: opened,
    next: make('escalation', { at: h(1), toLevel: 'village' }),
    code: 'NOT_HIGHER_LEVEL',
    field: 'toLevel',
  },
  {
    name: 'returning down from the lowest level',
    history: opened,
    next: make('returned_down', { at: h(1) }),
    code: 'ALREADY_AT_LOWEST',
    field: 'toLevel',
  },
  {
    name: 'returning "down" upwards',
    history: atBlock,
    next: make('returned_down', { at: h(2), toLevel: 'district' }),
    code: 'NOT_LOWER_LEVEL',
    field: 'toLevel',
  },
  {
    name: 'second transfer while one is pending',
    history: transferPending,
    next: make('transfer_requested', { at: h(2), toDistrictCode: '469' }),
    code: 'TRANSFER_PENDING',
  },
  {
    name: 'closing with a transfer pending',
    history: transferPending,
    next: make('closure', { at: h(2), reason: 'duplicate' }),
    code: 'TRANSFER_PENDING',
  },
  {
    name: 'escalating with a transfer pending',
    history: transferPending,
    next: make('escalation', { at: h(2) }),
    code: 'TRANSFER_PENDING',
  },
  {
    name: 'transfer to the same district',
    history: opened,
    next: make('transfer_requested', { at: h(1), toDistrictCode: '468' }),
    code: 'SAME_DISTRICT',
    field: 'toDistrictCode',
  },
  {
    name: 'accepting a transfer not pending',
    history: opened,
    next: make('transfer_accepted', { at: h(1), unit: UNITS.dcpuAkola }),
    code: 'NO_PENDING_TRANSFER',
  },
  {
    name: 'transfer accepted by a bystander',
    history: transferPending,
    next: make('transfer_accepted', { at: h(2), unit: UNITS.dcpu }),
    code: 'NOT_TRANSFER_RECIPIENT',
    field: 'unit',
  },
  {
    name: 'cancelling a transfer not pending',
    history: opened,
    next: make('transfer_cancelled', { at: h(1) }),
    code: 'NO_PENDING_TRANSFER',
  },
  {
    name: 'transfer cancelled by the receiving unit',
    history: transferPending,
    next: make('transfer_cancelled', { at: h(2), unit: UNITS.dcpuAkola }),
    code: 'NOT_TRANSFER_REQUESTER',
    field: 'unit',
  },
  { name: 'follow-up visit without restoration', history: opened, next: make('follow_up_visit', { at: h(1) }), code: 'NOT_RESTORED' },
  {
    name: 'closing on open referrals',
    history: accepted,
    next: make('closure', { at: h(3), reason: 'family_based_care' }),
    code: 'OPEN_REFERRALS',
    field: 'reason',
  },
  {
    name: 'closing before the CWC final order',
    history: produced,
    next: make('closure', { at: h(3), reason: 'family_based_care' }),
    code: 'CWC_ORDER_PENDING',
    field: 'reason',
  },
  {
    name: 'restored without a restoration order',
    history: finalSponsorship,
    next: make('closure', { at: h(4), reason: 'restored_to_family' }),
    code: 'RESTORATION_ORDER_REQUIRED',
    field: 'reason',
  },
  {
    name: 'closing for "other" without a note',
    history: opened,
    next: make('closure', { at: h(1), reason: 'other', note: undefined }),
    code: 'NOTE_REQUIRED',
    field: 'note',
  },
  {
    name: 'handing the case to its owner',
    history: opened,
    next: make('owner_changed', { at: h(1), toUser: 'user:asha-worker' }),
    code: 'NO_CHANGE',
    field: 'toUser',
  },
  {
    name: 'journey time when production is not owed (s.31(1))',
    history: opened,
    next: make('journey_recorded', { at: h(1) }),
    code: 'PRODUCTION_NOT_OWED',
    field: 'minutes',
  },
  {
    name: 'a medical test as the basis of an age no test was ordered for (s.94(2))',
    history: produced,
    next: make('age_determined', { at: h(3), basis: 'medical_test' }),
    code: 'AGE_TEST_NOT_ORDERED',
    field: 'basis',
  },
];

describe('validateAction refuses invalid transitions', () => {
  it.each(refusals)('$name → $code', ({ history, next, code, field, now }) => {
    const result = validateAction(history, next, config, now ?? NOW);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) {
      expect(result.message.length).toBeGreaterThan(10);
      expect(result.field).toBe(field);
    }
  });

  it('has a test for every refusal code', () => {
    expect(new Set(refusals.map((r) => r.code))).toEqual(new Set(VALIDATION_CODES));
  });
});

describe('validateAction accepts what the rules allow', () => {
  const ok = (history: CaseAction[], next: CaseAction) => expect(validateAction(history, next, config, NOW)).toMatchObject({ ok: true });

  it('notes and reopening on a closed case', () => {
    ok(closed, make('note', { at: h(2) }));
    ok(closed, make('reopening', { at: h(2) }));
  });
  it('an interim order on a report, before production (s.36(1))', () => ok(opened, make('cwc_order', { at: h(1) })));
  it('escalating straight from village to district', () =>
    ok(opened, make('escalation', { at: h(1), toLevel: 'district', toUnit: UNITS.dcpu })));
  it('closing on open referrals when the record is a duplicate, cancelling them', () => {
    const next = make('closure', { at: h(3), reason: 'duplicate' });
    ok(accepted, next);
    const s = deriveCase([...accepted, next], config);
    expect(s.referrals[0].status).toBe('cancelled');
  });
  it('actions within the clock-skew tolerance', () => {
    ok(opened, make('note', { at: new Date(Date.parse(NOW) + 60_000).toISOString() }));
  });
  it('a transfer to another state, which moves the case and its timelines', () => {
    const history = build([...opened, make('transfer_requested', { at: h(1), toStateCode: '9', toDistrictCode: '140' })]);
    ok(history, make('transfer_accepted', { at: h(2), unit: UNITS.dcpuAkola }));
    const s = deriveCase([...history, make('transfer_accepted', { at: h(2), by: 'user:akola', unit: UNITS.dcpuAkola })], config);
    expect(s).toMatchObject({ status: 'intake', level: 'district', location: { stateCode: '9', districtCode: '140' } });
    expect(s.owner).toEqual({ user: 'user:akola', unit: UNITS.dcpuAkola });
  });
  it('an accepted transfer hands the case to the receiving unit and the person named, not to whoever recorded it', () => {
    const history = build([...opened, make('transfer_requested', { at: h(1) })]);
    const next = make('transfer_accepted', { at: h(2), by: 'user:dcpo-akola', unit: UNITS.dcpuAkola, toUser: 'user:caseworker-akola' });
    ok(history, next);
    expect(deriveCase([...history, next], config).owner).toEqual({ user: 'user:caseworker-akola', unit: UNITS.dcpuAkola });
  });
  it('the requesting side withdraws a pending transfer: the case stays where it was, and can be transferred again', () => {
    const history = build([...opened, make('transfer_requested', { at: h(1) })]);
    const cancel = make('transfer_cancelled', { at: h(2), unit: UNITS.vcpc });
    ok(history, cancel);
    const s = deriveCase([...history, cancel], config);
    expect(s.transfer.pending).toBeNull();
    expect(s.transfer.history[0]).toMatchObject({ outcome: 'cancelled', decidedAt: h(2) });
    expect(s.location.districtCode).toBe('468');
    expect(s.due.map((d) => d.kind)).not.toContain('transfer_response');
    ok([...history, cancel], make('transfer_requested', { at: h(3) }));
  });
  it('the reopened case starts a new episode needing reassessment and production', () => {
    const reopened = build([make('intake'), make('closure', { at: h(1), reason: 'duplicate' }), make('reopening', { at: daysAfter(5) })]);
    const s = deriveCase(reopened, config, daysAfter(5));
    expect(s).toMatchObject({ status: 'under_assessment', reopenings: 1, closed: false });
    expect(s.due.map((d) => d.kind)).toEqual(['cwc_production']);
    expect(s.due[0].dueAt).toBe(new Date(hoursAfter(24, daysAfter(5))).toISOString());
  });
  it('the starting point T0 is an IST morning', () => expect(T0).toMatch(/\+05:30$/));
});
