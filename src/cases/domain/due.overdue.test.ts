import { describe, expect, it } from 'vitest';
import type { CaseAction } from './actions';
import { deriveCase } from './derive';
import { dueItems } from './due';
import { daysAfter, hoursAfter, make, record, T0, UNITS } from './testkit';
import { addDuration, endOfDayIst } from './time';
import { DEFAULT_TIMELINE_CONFIG as config } from './timelines';

const iso = (s: string) => new Date(s).toISOString();
const build = (actions: CaseAction[]) => record(config, actions, daysAfter(3650));
const item = (actions: CaseAction[], now: string, kind: string) => deriveCase(actions, config, now).due.find((d) => d.kind === kind);

describe('due items with a moved clock', () => {
  const intake = build([make('intake')]);

  it('production before the CWC is overdue after 24 hours (JJ Act 2015 s.31)', () => {
    expect(item(intake, hoursAfter(23), 'cwc_production')).toMatchObject({ overdue: false, dueAt: iso(hoursAfter(24)) });
    expect(item(intake, hoursAfter(24), 'cwc_production')?.overdue).toBe(false);
    const late = item(intake, hoursAfter(25), 'cwc_production');
    expect(late).toMatchObject({
      overdue: true,
      statutory: true,
      source: 'default',
      assignedTo: { user: 'user:asha-worker', unit: UNITS.vcpc },
    });
    expect(late?.basis).toContain('JJ Act 2015 s.31');
  });

  it('owes no production for a preventive case until an assessment finds it is needed', () => {
    const preventive = build([make('intake', { productionRequired: false })]);
    expect(item(preventive, daysAfter(30), 'cwc_production')).toBeUndefined();
    const assessed = build([...preventive, make('assessment', { at: daysAfter(2), cwcProductionRequired: true })]);
    expect(item(assessed, daysAfter(4), 'cwc_production')).toMatchObject({ dueAt: iso(hoursAfter(24, daysAfter(2))), overdue: true });
  });

  const produced = build([...intake, make('produced_before_cwc', { at: hoursAfter(10), producedAt: hoursAfter(9) })]);

  it('SIR is overdue 15 days after first production, and falls to the CWC until ordered (s.36(2))', () => {
    const sir = item(produced, daysAfter(16, hoursAfter(9)), 'sir_submission');
    expect(sir).toMatchObject({ overdue: true, dueAt: iso(daysAfter(15, hoursAfter(9))), assignedTo: { unit: UNITS.cwc } });
    expect(item(produced, daysAfter(14, hoursAfter(9)), 'sir_submission')?.overdue).toBe(false);
    expect(item(produced, hoursAfter(25), 'cwc_production')).toBeUndefined();
  });

  it('the final order is overdue four months after first production (s.36(2))', () => {
    const due = addDuration(hoursAfter(9), { months: 4 });
    expect(item(produced, due, 'cwc_final_order')?.overdue).toBe(false);
    expect(item(produced, daysAfter(1, due), 'cwc_final_order')).toMatchObject({
      overdue: true,
      assignedTo: { user: null, unit: UNITS.cwc },
    });
    const ordered = build([
      ...produced,
      make('cwc_order', { at: daysAfter(20), kind: 'final', orderType: 'sponsorship', orderedOn: '2025-01-26' }),
    ]);
    expect(item(ordered, daysAfter(200), 'cwc_final_order')).toBeUndefined();
  });

  it('care plan review falls due at the configured interval, or on the date a review fixed', () => {
    const planned = build([make('intake', { productionRequired: false }), make('care_plan', { at: daysAfter(1) })]);
    const review = item(planned, daysAfter(100), 'care_plan_review');
    expect(review).toMatchObject({ dueAt: iso(addDuration(daysAfter(1), { months: 3 })), overdue: true, statutory: false });
    const reviewed = build([...planned, make('review', { at: daysAfter(80), nextReviewDate: '2025-05-15' })]);
    expect(item(reviewed, daysAfter(100), 'care_plan_review')).toMatchObject({
      dueAt: endOfDayIst('2025-05-15'),
      overdue: false,
      source: 'action',
    });
  });

  it('referrals owe an answer, then delivery by their due date', () => {
    const referred = build([
      make('intake', { productionRequired: false }),
      make('referral', { at: daysAfter(1), referralId: 'r1', dueDate: '2025-02-28' }),
      make('referral', { at: daysAfter(1), referralId: 'r2', to: { kind: 'ngo', orgId: 'org:ngo' } }),
    ]);
    const pending = deriveCase(referred, config, daysAfter(9)).due;
    expect(pending.map((d) => [d.kind, d.ref, d.overdue, d.assignedTo.unit])).toEqual([
      ['referral_response', 'r1', true, UNITS.education],
      ['referral_response', 'r2', true, 'org:ngo'],
    ]);
    const acceptedBoth = build([
      ...referred,
      make('referral_accepted', { at: daysAfter(2), referralId: 'r1' }),
      make('referral_accepted', { at: daysAfter(2), referralId: 'r2' }),
    ]);
    const later = deriveCase(acceptedBoth, config, '2025-03-01T00:00:00+05:30').due;
    expect(later.map((d) => [d.ref, d.dueAt, d.overdue])).toEqual([
      ['r2', iso(daysAfter(31)), true],
      ['r1', endOfDayIst('2025-02-28'), true],
    ]);
  });

  it('an escalation owes a response from the receiving level', () => {
    const escalated = build([make('intake', { productionRequired: false }), make('escalation', { at: hoursAfter(1) })]);
    expect(item(escalated, daysAfter(4), 'escalation_response')).toMatchObject({
      dueAt: iso(daysAfter(3, hoursAfter(1))),
      overdue: true,
      assignedTo: { user: null, unit: UNITS.tcpc },
    });
    const answered = build([...escalated, make('note', { at: hoursAfter(2), unit: UNITS.tcpc })]);
    expect(item(answered, daysAfter(4), 'escalation_response')).toBeUndefined();
    expect(deriveCase(answered, config).owner).toEqual({ user: 'user:asha-worker', unit: UNITS.tcpc });
  });

  it('post-restoration follow-up: Form 7 two and six months, then the configured interval after an unsafe visit', () => {
    const restored = build([
      ...produced,
      make('cwc_order', { at: daysAfter(20), kind: 'final', orderType: 'restoration', form: 'form44', orderedOn: '2025-01-26' }),
    ]);
    const first = item(restored, daysAfter(90), 'post_restoration_follow_up');
    expect(first).toMatchObject({ dueAt: addDuration(endOfDayIst('2025-01-26'), { months: 2 }), overdue: true, statutory: false });
    expect(first?.basis).toMatch(/Form 7/);
    const visited = build([...restored, make('follow_up_visit', { at: daysAfter(40), visitedOn: '2025-02-14' })]);
    expect(item(visited, daysAfter(60), 'post_restoration_follow_up')).toMatchObject({
      dueAt: addDuration(endOfDayIst('2025-01-26'), { months: 6 }),
      overdue: false,
    });
    const unsafe = build([...visited, make('follow_up_visit', { at: daysAfter(50), visitedOn: '2025-02-24', childSafe: false })]);
    const next = item(unsafe, daysAfter(60), 'post_restoration_follow_up');
    expect(next).toMatchObject({ dueAt: addDuration(endOfDayIst('2025-02-24'), { months: 1 }) });
    expect(next?.basis).toMatch(/local policy/i);
    const safe = build([...visited, make('follow_up_visit', { at: daysAfter(50), visitedOn: '2025-02-24', childSafe: true })]);
    expect(item(safe, daysAfter(60), 'post_restoration_follow_up')).toBeUndefined();
  });

  it('a transfer owes a decision from the receiving DCPU', () => {
    const requested = build([make('intake', { productionRequired: false }), make('transfer_requested', { at: daysAfter(1) })]);
    expect(item(requested, daysAfter(9), 'transfer_response')).toMatchObject({ overdue: true, assignedTo: { unit: UNITS.dcpuAkola } });
  });

  it('lists items soonest first and nothing for a closed case', () => {
    const due = deriveCase(produced, config, daysAfter(1)).due;
    expect(due.map((d) => d.kind)).toEqual(['sir_submission', 'cwc_final_order']);
    const closed = build([...intake, make('closure', { at: hoursAfter(30), reason: 'duplicate' })]);
    const facts = deriveCase(closed, config);
    expect(dueItems(facts, config, daysAfter(400))).toEqual([]);
  });

  it('counts overdue items', () => {
    expect(deriveCase(intake, config, hoursAfter(25)).overdueCount).toBe(1);
    expect(deriveCase(intake, config, T0).overdueCount).toBe(0);
  });
});
