import { describe, expect, it } from 'vitest';
import { accountabilityByMonth, accountabilityTrend, summariseAccountability, trendChartData } from './accountability';
import { FEBRUARY, GROUP, MARCH, action, done, reopened } from './testkit';

describe('accountabilityByMonth — the hand-checked case', () => {
  // Three HEALTH actions from the 3 March meeting, looked at on 31 March:
  const actions = [
    action('HEALTH', { dueDate: '2025-03-15' }, [done('2025-03-13')]), // 2 days early
    action('HEALTH', { dueDate: '2025-03-10' }, [done('2025-03-15')]), // 5 days late
    action('HEALTH', { dueDate: '2025-03-21' }), // open, 10 days past due on 31 March
  ];
  const [row] = accountabilityByMonth({
    actions,
    groups: [GROUP],
    meetings: [MARCH],
    fromMonth: '2025-03',
    toMonth: '2025-03',
    asOf: '2025-03-31',
    departments: ['HEALTH'],
  });

  it('counts on time 1, late 1, overdue 1', () => {
    expect(row).toMatchObject({
      month: '2025-03',
      department: 'HEALTH',
      snapshot: '2025-03-31',
      assigned: 3,
      doneOnTime: 1,
      doneLate: 1,
      overdue: 1,
      // Issue #17: the overdue item counts against the rate (was 0.5: completions only).
      onTimeRate: 1 / 3,
    });
  });

  it('averages lateness over late completions and still-overdue items: (5 + 10) / 2 = 7.5', () => {
    expect(row.avgDaysLate).toBe(7.5);
    expect(row.avgDaysLateCompleted).toBe(5);
  });

  it('takes attendance from the held meetings of the month', () => {
    expect(row).toMatchObject({ meetingsExpected: 1, meetingsAttended: 1, attendanceRate: 1 });
  });
});

describe('accountabilityByMonth — across months', () => {
  const actions = [
    // February decision, due 20 Feb, done 5 March: overdue in February, late in March.
    action('REVENUE', { meetingId: FEBRUARY.id, assignedOn: '2025-02-03', dueDate: '2025-02-20' }, [done('2025-03-05')]),
    // Done on time in February, reopened in March: no longer counts as done in March and is overdue again.
    action('REVENUE', { meetingId: FEBRUARY.id, assignedOn: '2025-02-03', dueDate: '2025-02-25' }, [
      done('2025-02-24'),
      reopened('2025-03-10', 'certificate had a wrong name'),
    ]),
    // Assigned in March, due after the snapshot of the current month.
    action('REVENUE', { dueDate: '2025-04-30' }),
  ];
  const rows = accountabilityByMonth({
    actions,
    groups: [GROUP],
    meetings: [FEBRUARY, MARCH],
    fromMonth: '2025-02',
    toMonth: '2025-06',
    asOf: '2025-03-20',
  });
  const revenue = rows.filter((r) => r.department === 'REVENUE');

  it('reports a month per row up to today, the current month measured to today', () => {
    expect([...new Set(rows.map((r) => r.month))]).toEqual(['2025-02', '2025-03']);
    expect(revenue.map((r) => r.snapshot)).toEqual(['2025-02-28', '2025-03-20']);
  });

  it('uses the status in force at each snapshot', () => {
    expect(revenue[0]).toMatchObject({ assigned: 2, doneOnTime: 1, doneLate: 0, overdue: 1, avgDaysLate: 8 });
    expect(revenue[1]).toMatchObject({
      assigned: 1,
      doneOnTime: 0,
      doneLate: 1,
      overdue: 1,
      lateDaysCompleted: 13,
      overdueDays: 23,
      avgDaysLate: 18,
    });
  });

  it('splits overdue by when the item was assigned (issue #17: the columns did not add up)', () => {
    // March's overdue item is February's reopened action: from an earlier month.
    expect(revenue.map((r) => [r.overdue, r.overdueEarlier])).toEqual([
      [1, 0],
      [1, 1],
    ]);
    // Looking at March alone, that item is not among the assigned: it shows apart.
    const march = accountabilityByMonth({
      actions,
      groups: [GROUP],
      meetings: [MARCH],
      fromMonth: '2025-03',
      toMonth: '2025-03',
      asOf: '2025-03-20',
    });
    const s = summariseAccountability(march).find((x) => x.department === 'REVENUE')!;
    expect(s).toMatchObject({ assigned: 1, doneOnTime: 0, doneLate: 1, overdueAtEnd: 1, overdueAtEndEarlier: 1 });
    // Over February–March, it was assigned in the period.
    expect(summariseAccountability(rows).find((x) => x.department === 'REVENUE')!.overdueAtEndEarlier).toBe(0);
  });

  it('reports revenue absent from both meetings', () => {
    expect(revenue.map((r) => r.attendanceRate)).toEqual([0, 0]);
  });

  it('summarises the period without double-counting overdue snapshots', () => {
    const s = summariseAccountability(rows).find((x) => x.department === 'REVENUE')!;
    expect(s).toMatchObject({
      assigned: 3,
      doneOnTime: 1,
      doneLate: 1,
      overdueAtEnd: 1,
      avgDaysLate: 18,
      onTimeRate: 1 / 3,
      attendanceRate: 0,
    });
  });

  it('includes every department with a seat, and builds aligned trend series', () => {
    expect(new Set(rows.map((r) => r.department))).toEqual(new Set(['DLSA', 'DCPU', 'DWCD', 'HEALTH', 'EDUCATION', 'REVENUE', 'LABOUR']));
    const trend = accountabilityTrend(rows, 'overdue');
    expect(trend.months).toEqual(['2025-02', '2025-03']);
    expect(trend.series.find((s) => s.department === 'REVENUE')!.values).toEqual([1, 1]);
    expect(trendChartData(accountabilityTrend(rows, 'attendanceRate'))[0]).toMatchObject({
      month: '2025-02',
      REVENUE: 0,
      EDUCATION: 1,
      HEALTH: 0,
    });
  });
});
