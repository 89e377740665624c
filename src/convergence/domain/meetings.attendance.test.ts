import { describe, expect, it } from 'vitest';
import { attendanceSummary, validateMeeting } from './meetings';
import { GROUP, meeting } from './testkit';

const meetings = [
  meeting('m1', '2025-01-06', ['p-dlsa', 'p-dcpu', 'p-dwcd', 'p-health', 'p-edu', 'p-rev']),
  meeting('m2', '2025-02-03', ['p-dlsa', 'p-dcpu', 'p-dwcd', 'p-edu']),
  meeting('m3', '2025-03-03', ['p-dlsa', 'p-dcpu', 'p-dwcd', 'p-health', 'p-edu']),
  meeting('m4', '2025-04-07', ['p-dlsa', 'p-dcpu', 'p-dwcd', 'p-edu', 'p-labour']),
  meeting('m5', '2025-05-05', [], { status: 'scheduled' }),
  meeting('m6', '2025-05-12', [], { status: 'cancelled' }),
];

describe('attendanceSummary', () => {
  const rows = attendanceSummary(GROUP, meetings);
  const row = (d: string) => rows.find((r) => r.department === d)!;

  it('computes rate and absence runs per department over held meetings only', () => {
    expect(row('HEALTH')).toMatchObject({
      expected: 4,
      attended: 2,
      rate: 0.5,
      consecutiveAbsences: 1,
      longestAbsenceRun: 1,
      lastAttended: '2025-03-03',
      irregular: true,
    });
    expect(row('REVENUE')).toMatchObject({
      expected: 4,
      attended: 1,
      rate: 0.25,
      consecutiveAbsences: 3,
      longestAbsenceRun: 3,
      lastAttended: '2025-01-06',
    });
    expect(row('REVENUE').absentOn).toEqual(['2025-02-03', '2025-03-03', '2025-04-07']);
    expect(row('DLSA')).toMatchObject({ expected: 4, attended: 4, rate: 1, consecutiveAbsences: 0, irregular: false });
  });

  it('expects a department only from when it had a seat', () => {
    expect(row('LABOUR')).toMatchObject({ expected: 3, attended: 1, consecutiveAbsences: 0, longestAbsenceRun: 2 });
    expect(row('LABOUR').rate).toBeCloseTo(1 / 3);
  });

  it('lists irregular departments first, worst rate first', () => {
    expect(rows.map((r) => r.department)).toEqual(['REVENUE', 'LABOUR', 'HEALTH', 'DCPU', 'DLSA', 'DWCD', 'EDUCATION']);
  });

  it('uses the configured thresholds', () => {
    const lenient = attendanceSummary(GROUP, meetings, { minRate: 0.3, maxConsecutiveAbsences: 2 });
    expect(lenient.filter((r) => r.irregular).map((r) => r.department)).toEqual(['REVENUE']);
  });
});

describe('validateMeeting', () => {
  const ok = meetings[2];
  it('accepts a held meeting with a present chair', () => {
    expect(validateMeeting(ok, GROUP)).toEqual([]);
  });

  it('needs a chair who is a member and present', () => {
    expect(validateMeeting({ ...ok, chairPersonId: null }, GROUP)).toEqual([
      { code: 'chair_required', message: 'a meeting needs a chair', path: 'chairPersonId' },
    ]);
    expect(validateMeeting({ ...ok, chairPersonId: 'p-dm' }, GROUP).map((p) => p.code)).toEqual(['chair_not_member']);
    expect(validateMeeting({ ...ok, chairPersonId: 'p-rev' }, GROUP).map((p) => p.code)).toEqual(['chair_absent']);
  });

  it('keeps non-members out of attendance and marks each member once', () => {
    const bad = { ...ok, attendance: [...ok.attendance, { personId: 'p-dm', present: true }, { personId: 'p-edu', present: true }] };
    expect(validateMeeting(bad, GROUP).map((p) => p.code)).toEqual(['attendee_not_member', 'duplicate_attendance']);
  });
});
