import { describe, expect, it } from 'vitest';
import { monthPaused, pausePeriods } from './pause';

/**
 * The rule in words (Mission Vatsalya guidelines 2022, 4.1; src/law/care-clocks.ts): a
 * school-going sponsored child absent from school for more than 30 days has the sponsorship
 * paused; counting the first day absent as day 0, the 30th day after it is the last day before
 * the pause, and the pause lasts until the day before the child is back.
 */
describe('sponsorship pause after 30 days of school absence', () => {
  it('an absence from 1 October is not a pause on 31 October and is one on 1 November', () => {
    expect(pausePeriods([], '2026-10-01', 27, '2026-10-31')).toEqual([]);
    expect(pausePeriods([], '2026-10-01', 27, '2026-11-01')).toEqual([{ from: '2026-11-01', to: null }]);
  });

  it('a child back on the 31st day was never paused; a child back later was paused until the day before', () => {
    expect(pausePeriods([{ from: '2026-10-01', to: '2026-11-01' }], null, 27, '2026-12-01')).toEqual([]);
    expect(pausePeriods([{ from: '2026-10-01', to: '2026-11-10' }], null, 27, '2026-12-01')).toEqual([
      { from: '2026-11-01', to: '2026-11-09' },
    ]);
  });

  it('withholds a month with any paused day and no other', () => {
    const p = pausePeriods([{ from: '2026-09-05', to: '2026-10-20' }], null, 27, '2026-12-01');
    expect(p).toEqual([{ from: '2026-10-06', to: '2026-10-19' }]);
    expect(monthPaused(p, '2026-09')).toBeNull();
    expect(monthPaused(p, '2026-10')).toEqual(p[0]);
    expect(monthPaused(p, '2026-11')).toBeNull();
    const open = pausePeriods([], '2026-10-01', 27, '2027-02-01');
    expect(monthPaused(open, '2027-01')).toEqual(open[0]);
    expect(monthPaused(open, '2026-10')).toBeNull();
  });
});
