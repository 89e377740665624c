import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CaseAction } from './actions';
import { deriveCase } from './derive';
import { daysAfter, hoursAfter, make, record } from './testkit';
import { addDuration, endOfDayIst } from './time';
import { DEFAULT_TIMELINE_CONFIG as config } from './timelines';
import { RISK_LEVELS } from './vocabulary';

const build = (actions: CaseAction[]) => record(config, actions, daysAfter(3650));
const due = (actions: CaseAction[], now: string) => deriveCase(actions, config, now).due;

describe('timelines with no gap', () => {
  it('a preventive case with nothing else due gets a review within caseReview of its last action', () => {
    const preventive = build([make('intake', { productionRequired: false, risk: 'medium' })]);
    const items = due(preventive, daysAfter(1));
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'case_review',
        dueAt: new Date(addDuration(daysAfter(0), { days: 30 })).toISOString(),
        statutory: false,
      }),
    ]);
    // Acting on the case moves the review.
    const assessed = build([...preventive, make('assessment', { at: daysAfter(10), risk: 'medium', cwcProductionRequired: false })]);
    expect(due(assessed, daysAfter(11)).find((d) => d.kind === 'case_review')?.dueAt).toBe(
      new Date(addDuration(daysAfter(10), { days: 30 })).toISOString(),
    );
  });

  it('a critical-risk case owes a same-day review when nothing else is due by the end of the day', () => {
    const critical = build([make('intake', { productionRequired: false, risk: 'critical' })]);
    const review = due(critical, hoursAfter(1)).find((d) => d.kind === 'case_review');
    // T0 is 10:00 IST on 6 January 2025: due by the end of that IST day.
    expect(review?.dueAt).toBe(endOfDayIst('2025-01-06'));
    expect(due(critical, daysAfter(1)).find((d) => d.kind === 'case_review')?.overdue).toBe(true);
  });

  it('no extra review when something else is already due (production within 24 hours of a case not critical)', () => {
    const intake = build([make('intake', { risk: 'high' })]);
    expect(due(intake, hoursAfter(1)).map((d) => d.kind)).toEqual(['cwc_production']);
  });

  it('every open case, whatever its risk and history, has a next due date', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RISK_LEVELS), fc.boolean(), fc.integer({ min: 0, max: 200 }), (risk, production, day) => {
        const open = build([make('intake', { productionRequired: production, risk })]);
        const items = due(open, daysAfter(day));
        expect(items.length).toBeGreaterThan(0);
        if (risk === 'critical') expect(Date.parse(items[0].dueAt)).toBeLessThanOrEqual(Date.parse(endOfDayIst('2025-01-06')));
      }),
      { numRuns: 60 },
    );
  });
});
