import { describe, expect, it } from 'vitest';
import { chairProblem, nextMeetingDate } from './group';
import { buildAgenda } from './meetings';

describe('chairProblem', () => {
  it('lets the DLSA Secretary or the District Magistrate chair a district group, no one else', () => {
    expect(chairProblem('district', 'DLSA')).toBeNull();
    expect(chairProblem('district', 'REVENUE')).toBeNull();
    expect(chairProblem('district', 'DCPU')?.code).toBe('chair_department');
    expect(chairProblem('block', 'RURAL_DEVELOPMENT')).toBeNull();
    expect(chairProblem('block', 'HEALTH')?.code).toBe('chair_department');
  });
});

describe('nextMeetingDate', () => {
  it('keeps the day of the month and clamps at month end', () => {
    expect(nextMeetingDate('2026-06-05', 'monthly')).toBe('2026-07-05');
    expect(nextMeetingDate('2026-01-31', 'monthly')).toBe('2026-02-28');
    expect(nextMeetingDate('2026-02-28', 'monthly', 31)).toBe('2026-03-31');
    expect(nextMeetingDate('2026-11-10', 'quarterly')).toBe('2027-02-10');
    expect(nextMeetingDate('2026-12-10', 'bimonthly')).toBe('2027-02-10');
  });
});

describe('buildAgenda: escalated Bal Panchayat issues', () => {
  it('brings an escalated issue to the next meeting before N days have passed, never one raised after the meeting', () => {
    const lines = buildAgenda({
      meeting: { id: 'm', date: '2026-07-06' },
      flaggedCases: [],
      escalatedCases: [],
      actions: [],
      balPanchayatAfterDays: 30,
      balPanchayatIssues: [
        {
          id: 'recent-escalated',
          village: 'Rajura',
          raisedOn: '2026-06-28',
          escalatedOn: '2026-07-01',
          summary: 'Girl stopped coming to school',
        },
        { id: 'recent', village: 'Rajura', raisedOn: '2026-06-28', summary: 'Too recent' },
        {
          id: 'escalated-later',
          village: 'Rajura',
          raisedOn: '2026-06-28',
          escalatedOn: '2026-07-10',
          summary: 'Escalated after the meeting',
        },
      ],
    });
    expect(lines.map((l) => l.issueId)).toEqual(['recent-escalated']);
    expect(lines[0].reasons[0].text).toContain('escalated on 2026-07-01');
  });
});
