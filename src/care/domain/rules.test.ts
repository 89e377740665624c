import { afterEach, describe, expect, it } from 'vitest';
import {
  addMonths,
  aftercareDue,
  ageBandOf,
  followUpSchedule,
  gatekeepingProblems,
  nextStayStatus,
  occupancyBySlot,
  pathwayMoveProblem,
  registrationStatus,
  setCareTimelines,
  slotFor,
  type CapacitySlot,
  type GatekeepingOption,
} from './index';
import raw from './timelines.json' with { type: 'json' };
import { financialYearOf, yearBounds } from './targets';

/** The care module's pure rules: capacity slots, registration, moves, gatekeeping, schedules. */
afterEach(() => setCareTimelines(null));

const capacity: CapacitySlot[] = [
  { sex: 'male', ageBand: '6-11', places: 2 },
  { sex: 'female', ageBand: 'any', places: 3 },
  { sex: 'any', ageBand: '0-5', places: 1 },
];

describe('capacity', () => {
  it('counts a child against the most specific sanctioned slot, or none', () => {
    expect(slotFor(capacity, 'male', ageBandOf(8))).toBe(capacity[0]);
    expect(slotFor(capacity, 'female', ageBandOf(14))).toBe(capacity[1]);
    expect(slotFor(capacity, 'male', ageBandOf(3))).toBe(capacity[2]);
    expect(slotFor(capacity, 'male', ageBandOf(13))).toBeNull();
    const occ = occupancyBySlot(capacity, [
      { sex: 'male', ageBand: '6-11' },
      { sex: 'male', ageBand: '6-11' },
      { sex: 'male', ageBand: '12-15' },
    ]);
    expect(occ.slots.map((s) => s.occupied)).toEqual([2, 0, 0]);
    expect(occ.unslotted).toBe(1);
  });
});

describe('registration and moves', () => {
  it('is valid, due for renewal within the warning period, or lapsed', () => {
    expect(registrationStatus('2029-03-31', '2026-12-01')).toBe('valid');
    expect(registrationStatus('2027-01-31', '2026-12-01')).toBe('renewal_due');
    expect(registrationStatus('2026-11-30', '2026-12-01')).toBe('lapsed');
  });
  it('allows only the moves that fit the stay', () => {
    expect(nextStayStatus('in_care', 'ran_away')).toBe('absconded');
    expect(nextStayStatus('absconded', 'leave')).toBeNull();
    expect(nextStayStatus('left', 'discharge')).toBeNull();
  });
});

describe('gatekeeping', () => {
  const none: GatekeepingOption[] = (['own_family', 'kinship', 'foster_care', 'sponsorship'] as const).map((option) => ({
    option,
    suitable: false,
    reason: 'r',
  }));
  it('needs every family-based option weighed, and institutional care only when none fits', () => {
    expect(gatekeepingProblems(none, 'institution')).toEqual([]);
    expect(gatekeepingProblems(none.slice(1), 'institution')[0].message).toMatch(/own_family/);
    const kin = none.map((o) => (o.option === 'kinship' ? { ...o, suitable: true } : o));
    expect(gatekeepingProblems(kin, 'institution')[0].field).toBe('options.1.suitable');
    expect(gatekeepingProblems(kin, 'kinship')).toEqual([]);
    expect(gatekeepingProblems(kin, 'foster_care')[0].field).toBe('decision');
  });
});

describe('schedules as data', () => {
  it('follows up after restoration on the configured months, and a state may change them', () => {
    expect(followUpSchedule('2026-01-31')).toEqual(['2026-02-28', '2026-04-30', '2026-07-31', '2027-01-31', '2028-01-31']);
    setCareTimelines({ ...raw, postRestorationFollowUps: { ...raw.postRestorationFollowUps, atMonths: [2, 4] } });
    expect(followUpSchedule('2026-01-31')).toEqual(['2026-03-31', '2026-05-31']);
    expect(() => setCareTimelines({ ...raw, postRestorationFollowUps: { ...raw.postRestorationFollowUps, atMonths: [3, 1] } })).toThrow();
  });
  it('flags aftercare from 17 years 6 months until 18 (JJ Act 2015 s.46)', () => {
    expect(aftercareDue('2009-05-01', '2026-11-01')).toBe(true);
    expect(aftercareDue('2009-05-02', '2026-11-01')).toBe(false);
    expect(aftercareDue('2008-11-01', '2026-11-01')).toBe(false);
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
  it('moves a pathway forward one stage; re-entry only after restoration', () => {
    expect(pathwayMoveProblem('identified', 'family_assessment')).toBeNull();
    expect(pathwayMoveProblem('identified', 'restored')).toMatch(/next stage is family_assessment/);
    expect(pathwayMoveProblem('family_preparation', 're_entered')).toMatch(/restored/);
    expect(pathwayMoveProblem('follow_up', 're_entered')).toBeNull();
  });
  it('counts financial years April to March', () => {
    expect(financialYearOf('2026-03-31')).toBe('2025-26');
    expect(financialYearOf('2026-04-01')).toBe('2026-27');
    expect(yearBounds('2026-27')).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });
});
