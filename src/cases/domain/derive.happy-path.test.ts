import { describe, expect, it } from 'vitest';
import { deriveCase } from './derive';
import { make, record, daysAfter, hoursAfter, T0, UNITS } from './testkit';
import { DEFAULT_TIMELINE_CONFIG as config } from './timelines';
import type { CaseAction } from './actions';

/**
 * The Amravati–Akola path: a VCPC finds a child, the case climbs village → block →
 * district, the child goes before the CWC, is restored on a Form 44 order, and the
 * convergence group's referrals and reviews carry it to closure.
 */
describe('deriveCase — village intake to closure', () => {
  const dcpu = { by: 'user:dcpu-po', unit: UNITS.dcpu };
  const cwc = { by: 'user:cwc-chair', unit: UNITS.cwc };
  const steps: CaseAction[] = [
    make('intake', { at: T0 }),
    make('assessment', { at: hoursAfter(1) }),
    make('escalation', { at: hoursAfter(2) }),
    make('note', { at: hoursAfter(4), by: 'user:tcpc', unit: UNITS.tcpc, text: 'TCPC took the case up' }),
    make('escalation', {
      at: hoursAfter(5),
      by: 'user:tcpc',
      unit: UNITS.tcpc,
      fromLevel: 'block',
      toLevel: 'district',
      toUnit: UNITS.dcpu,
    }),
    make('flagged_for_convergence', { at: hoursAfter(6), ...dcpu }),
    make('produced_before_cwc', { at: hoursAfter(20), ...dcpu, producedAt: hoursAfter(19) }),
    make('sir_ordered', { at: hoursAfter(20), ...cwc }),
    make('cwc_order', { at: hoursAfter(20), ...cwc, kind: 'interim', orderType: 'fit_person', orderedOn: '2025-01-07' }),
    make('sir_submitted', { at: daysAfter(10), by: 'user:cwo', unit: UNITS.dcpu }),
    make('cwc_order', { at: daysAfter(30), ...cwc, kind: 'final', orderType: 'restoration', form: 'form44', orderedOn: '2025-02-05' }),
    make('care_plan', {
      at: daysAfter(31),
      ...dcpu,
      domains: [
        {
          domain: 'education_training',
          goals: ['back in school'],
          services: ['re-admission'],
          providers: [{ kind: 'department', orgId: UNITS.education }],
          targetDate: '2025-04-30',
        },
        {
          domain: 'health',
          goals: ['treat anaemia'],
          services: ['PHC check-up'],
          providers: [{ kind: 'department', orgId: UNITS.health }],
          targetDate: '2025-03-31',
        },
      ],
    }),
    make('referral', { at: daysAfter(31), ...dcpu, referralId: 'ref:edu', dueDate: '2025-03-31' }),
    make('referral', {
      at: daysAfter(31),
      ...dcpu,
      referralId: 'ref:health',
      need: 'anaemia treatment',
      domain: 'health',
      to: { kind: 'department', orgId: UNITS.health },
    }),
    make('referral_accepted', { at: daysAfter(33), by: 'user:beo', unit: UNITS.education, referralId: 'ref:edu' }),
    make('referral_declined', {
      at: daysAfter(34),
      by: 'user:mo',
      unit: UNITS.health,
      referralId: 'ref:health',
      reason: 'refer to the PHC directly',
    }),
    make('follow_up_visit', { at: daysAfter(45), ...dcpu, visitedOn: '2025-02-20' }),
    make('referral_done', { at: daysAfter(60), by: 'user:beo', unit: UNITS.education, referralId: 'ref:edu' }),
    make('review', { at: daysAfter(90), ...dcpu, outcome: 'continue' }),
    make('review', { at: daysAfter(120), ...dcpu, outcome: 'ready_for_closure' }),
    make('closure', { at: daysAfter(121), ...dcpu, reason: 'restored_to_family' }),
  ];
  const actions = record(config, steps);
  const upTo = (n: number, now?: string) => deriveCase(actions.slice(0, n), config, now);

  it('moves through the statuses in order', () => {
    const statuses = actions.map((_, i) => upTo(i + 1).status);
    expect(statuses).toEqual([
      'intake',
      'under_assessment',
      'escalated',
      'under_assessment',
      'escalated',
      'under_assessment',
      'under_cwc',
      'under_cwc',
      'under_cwc',
      'under_cwc',
      'under_cwc',
      'care_plan_active',
      'care_plan_active',
      'care_plan_active',
      'care_plan_active',
      'care_plan_active',
      'care_plan_active',
      'care_plan_active',
      'care_plan_active',
      'care_plan_active',
      'closed',
    ]);
  });

  it('records the escalation history and moves level and owner', () => {
    const s = upTo(6);
    expect(s.level).toBe('district');
    expect(s.owner).toEqual({ user: 'user:dcpu-po', unit: UNITS.dcpu });
    expect(s.escalations.map((e) => [e.fromLevel, e.toLevel, e.resolution])).toEqual([
      ['village', 'block', 'acted'], // the TCPC's note answered it
      ['block', 'district', 'acted'],
    ]);
    expect(s.convergenceFlags).toHaveLength(1);
  });

  it('owes production within 24 hours, then the SIR and the final order', () => {
    const before = upTo(6, hoursAfter(7));
    expect(before.due.map((d) => d.kind)).toEqual(['cwc_production']);
    expect(before.due[0]).toMatchObject({ dueAt: new Date(hoursAfter(24)).toISOString(), overdue: false, statutory: true });
    expect(before.due[0].basis).toMatch(/s\.31/);

    const produced = upTo(9, hoursAfter(21));
    expect(produced.due.map((d) => d.kind)).toEqual(['sir_submission', 'cwc_final_order']);
    expect(produced.due[0].dueAt).toBe(new Date(daysAfter(15, hoursAfter(19))).toISOString());
    expect(produced.due[0].assignedTo).toEqual({ user: 'user:cwo', unit: UNITS.dcpu });
    expect(produced.due[1].dueAt).toBe('2025-05-06T23:30:00.000Z'); // 7 May 05:00 IST: 4 months after 7 Jan 05:00 IST
    expect(produced.due[1].assignedTo.unit).toBe(UNITS.cwc);
  });

  it('tracks referrals to two departments', () => {
    const s = upTo(18);
    const byId = Object.fromEntries(s.referrals.map((r) => [r.referralId, r]));
    expect(byId['ref:edu']).toMatchObject({ status: 'done', outcome: 'admitted to ZP school, class 5' });
    expect(byId['ref:health']).toMatchObject({ status: 'declined', declineReason: 'refer to the PHC directly' });
    const midway = upTo(14, daysAfter(32));
    expect(midway.due.filter((d) => d.kind === 'referral_response').map((d) => d.ref)).toEqual(['ref:edu', 'ref:health']);
  });

  it('owes reviews and post-restoration follow-ups while open, nothing once closed', () => {
    const open = upTo(20, daysAfter(120));
    expect(open.due.map((d) => d.kind).sort()).toEqual(['care_plan_review', 'post_restoration_follow_up']);
    expect(open.readyForClosure).toBe(true);
    const closed = upTo(actions.length, daysAfter(400));
    expect(closed.status).toBe('closed');
    expect(closed.due).toEqual([]);
    expect(closed.dates).toMatchObject({
      intakeAt: T0,
      firstProducedAt: hoursAfter(19),
      sirSubmittedAt: daysAfter(10),
      finalOrderAt: daysAfter(30),
      carePlanAt: daysAfter(31),
      closedAt: daysAfter(121),
    });
    expect(closed.restoration).toMatchObject({ visits: 1, lastChildSafe: true });
    expect(closed.review.count).toBe(2);
  });

  it('is deterministic without a clock: due items as of the last action', () => {
    const a = upTo(9);
    const b = upTo(9);
    expect(a).toEqual(b);
    expect(a.asOf).toBe(new Date(hoursAfter(20)).toISOString());
  });
});
