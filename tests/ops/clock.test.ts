import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { istMiddayClock } from '../support/clock';
import { addDays, istDaysAgo, istToday, istYearsBefore } from '../../src/kernel/clock';
import { ageOn } from '../../src/registry/age';
import { missingReport } from '../../src/missing/missing.testkit';

/**
 * One clock: "today" is the IST calendar day of ctx.now(). Between 00:00 and 05:30 IST the
 * UTC date is still yesterday; every check of "today" must use the Indian day.
 */
const EARLY_MORNING = new Date('2026-12-05T00:30:00+05:30'); // 2026-12-04T19:00Z

describe('kernel/clock', () => {
  it('gives the IST day, not the UTC one, in the early morning', () => {
    expect(EARLY_MORNING.toISOString().slice(0, 10)).toBe('2026-12-04');
    expect(istToday(EARLY_MORNING)).toBe('2026-12-05');
    expect(istToday(new Date('2026-12-05T23:59:00+05:30'))).toBe('2026-12-05');
    expect(istDaysAgo(EARLY_MORNING, 1)).toBe('2026-12-04');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('counts years on the IST day (a birthday at 00:30 IST), 29 February included', () => {
    expect(ageOn('2016-12-05', EARLY_MORNING)).toBe(10);
    expect(ageOn('2016-12-06', EARLY_MORNING)).toBe(9);
    expect(istYearsBefore(EARLY_MORNING, 10)).toBe('2016-12-05');
    expect(istYearsBefore(new Date('2024-02-29T08:00:00+05:30'), 1)).toBe('2023-02-28');
    // Consistent with ageOn: born on the day returned is exactly that old.
    expect(ageOn(istYearsBefore(new Date('2024-02-29T08:00:00+05:30'), 10), new Date('2024-02-29T08:00:00+05:30'))).toBe(10);
  });

  it('the browser tests’ clock is midday IST of the real IST date, whatever the hour', () => {
    for (const real of ['2026-12-04T19:00:00Z', '2026-12-05T06:30:00Z', '2026-12-05T18:29:00Z']) {
      const ms = Date.parse(real);
      const now = istMiddayClock(() => ms)();
      expect(now.toISOString()).toBe('2026-12-05T06:30:00.000Z');
      expect(istToday(now)).toBe(now.toISOString().slice(0, 10));
    }
    let t = Date.parse('2026-12-04T19:00:00Z');
    const clock = istMiddayClock(() => t);
    t += 5_000;
    expect(clock().toISOString()).toBe('2026-12-05T06:30:05.000Z'); // moves on with real time
  });
});

describe('a missing-child report filed at 00:30 IST', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: EARLY_MORNING });
  });
  afterAll(() => t.close());

  it('accepts "last seen today" (the IST day) and refuses tomorrow as in the future', async () => {
    const dcpo = await t.login('dcpo.amravati');
    const today = await dcpo.post('/api/v1/missing/reports', missingReport({ name: 'Sakshi Ramesh Ingle', lastSeenOn: '2026-12-05' }));
    expect(today.statusCode).toBe(201);
    expect(today.json()).toMatchObject({ eventDate: '2026-12-05' });
    const tomorrow = await dcpo.post('/api/v1/missing/reports', missingReport({ name: 'Sakshi Ramesh Ingle', lastSeenOn: '2026-12-06' }));
    expect(tomorrow.statusCode).toBe(400);
    expect(tomorrow.json().issues).toEqual([expect.objectContaining({ field: 'lastSeenOn', message: 'cannot be in the future' })]);
  });
});
