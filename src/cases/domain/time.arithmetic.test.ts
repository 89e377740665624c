import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDuration, describeDuration, endOfDayIst, istDay } from './time';

const iso = (s: string) => new Date(s).toISOString();

describe('time arithmetic', () => {
  it('adds hours and days exactly', () => {
    expect(addDuration('2025-01-06T10:00:00+05:30', { hours: 24 })).toBe(iso('2025-01-07T10:00:00+05:30'));
    expect(addDuration('2025-01-06T10:00:00+05:30', { days: 15 })).toBe(iso('2025-01-21T10:00:00+05:30'));
  });

  it('adds calendar months on the IST calendar, clamping to the end of the month', () => {
    expect(addDuration('2025-10-31T10:00:00+05:30', { months: 4 })).toBe(iso('2026-02-28T10:00:00+05:30'));
    expect(addDuration('2023-10-31T10:00:00+05:30', { months: 4 })).toBe(iso('2024-02-29T10:00:00+05:30'));
    // 31 Jan 02:00 IST is still 30 Jan in UTC: the IST date decides.
    expect(addDuration('2025-01-31T02:00:00+05:30', { months: 1 })).toBe(iso('2025-02-28T02:00:00+05:30'));
    expect(addDuration('2025-11-15T10:00:00+05:30', { months: 3 })).toBe(iso('2026-02-15T10:00:00+05:30'));
  });

  it('never lands more than one month short or past the target month', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 24 }),
        (d, months) => {
          const from = d.toISOString();
          const to = addDuration(from, { months });
          const gapDays = (Date.parse(to) - Date.parse(from)) / 86_400_000;
          expect(gapDays).toBeGreaterThanOrEqual(months * 28 - 3);
          expect(gapDays).toBeLessThanOrEqual(months * 31);
        },
      ),
    );
  });

  it('reads a due day as the end of that day in IST', () => {
    expect(endOfDayIst('2025-03-31')).toBe('2025-03-31T18:29:59.999Z');
    expect(istDay('2025-03-31T20:00:00Z')).toBe('2025-04-01');
    expect(istDay('2025-03-31T18:00:00Z')).toBe('2025-03-31');
  });

  it('describes durations in words', () => {
    expect(describeDuration({ hours: 24 })).toBe('24 hours');
    expect(describeDuration({ months: 1 })).toBe('1 month');
  });
});
