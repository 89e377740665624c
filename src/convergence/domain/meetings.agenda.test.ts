import { describe, expect, it } from 'vitest';
import { buildAgenda } from './meetings';
import { action, blocked, done } from './testkit';

// April meeting; the register holds earlier decisions in every state.
const actions = [
  action('HEALTH', { id: 'A', caseRef: 'C1', dueDate: '2025-03-15', description: 'RBSK screening' }),
  action('REVENUE', { id: 'B', caseRef: 'C2', dueDate: '2025-03-31', description: 'Caste certificate' }, [
    blocked('2025-03-20', 'tahsil awaiting school records'),
  ]),
  action('EDUCATION', { id: 'C', caseRef: 'C1', dueDate: '2025-03-20', description: 'Re-admission' }, [done('2025-03-18')]),
  action('LABOUR', { id: 'D', dueDate: '2025-04-06', description: 'Brick kiln inspection' }),
  action('DCPU', { id: 'E', caseRef: 'C3', dueDate: '2025-04-30', description: 'Home study' }),
];

const agenda = buildAgenda({
  meeting: { id: 'm-2025-04', date: '2025-04-07' },
  actions,
  escalatedCases: [
    { caseRef: 'C2', fromLevel: 'village', escalatedOn: '2025-03-30', reason: 'VCPC could not trace the father' },
    { caseRef: 'C4', fromLevel: 'block', escalatedOn: '2025-03-28' },
  ],
  flaggedCases: [
    { caseRef: 'C1', flaggedOn: '2025-04-01', flaggedBy: 'DCPU' },
    { caseRef: 'C5', flaggedOn: '2025-03-25', flaggedBy: 'TCPC Chandur Bazar', note: 'child out of school since January' },
  ],
  balPanchayatIssues: [
    { id: 'bp1', village: 'Rajura', raisedOn: '2025-02-10', summary: 'No bus to the high school' },
    { id: 'bp2', village: 'Rajura', raisedOn: '2025-03-20', summary: 'Too recent' },
    { id: 'bp3', village: 'Wadali', raisedOn: '2025-01-15', resolvedOn: '2025-03-01', summary: 'Resolved' },
    { id: 'bp4', village: 'Wadali', raisedOn: '2025-03-08', summary: 'Anganwadi closed for a month' },
  ],
  balPanchayatAfterDays: 30,
});

describe('buildAgenda', () => {
  it('puts action-taken review first, then cases, then Bal Panchayat issues', () => {
    expect(agenda.map((l) => [l.section, l.actionId ?? l.caseRef ?? l.issueId])).toEqual([
      ['action_taken', 'A'],
      ['action_taken', 'B'],
      ['action_taken', 'D'],
      ['cases', 'C4'],
      ['cases', 'C2'],
      ['cases', 'C1'],
      ['cases', 'C5'],
      ['bal_panchayat', 'bp1'],
      ['bal_panchayat', 'bp4'],
    ]);
  });

  it('carries every overdue item over with its lateness and blockage, most overdue first', () => {
    expect(agenda[0].reasons[0].text).toBe('Carried over from 2025-03-03: "RBSK screening" with HEALTH, due 2025-03-15, 23 days overdue');
    expect(agenda[1].reasons[0].text).toBe(
      'Carried over from 2025-03-03: "Caste certificate" with REVENUE, due 2025-03-31, 7 days overdue (blocked: tahsil awaiting school records)',
    );
    expect(agenda[2].reasons[0].text).toContain('1 day overdue');
  });

  it('gives one line per case with every reason it is on the agenda', () => {
    const byCase = Object.fromEntries(agenda.filter((l) => l.section === 'cases').map((l) => [l.caseRef, l.reasons.map((r) => r.code)]));
    expect(byCase).toEqual({
      C4: ['escalated'],
      C2: ['escalated', 'overdue_actions'],
      C1: ['overdue_actions', 'flagged'],
      C5: ['flagged'],
    });
    const c2 = agenda.find((l) => l.caseRef === 'C2' && l.section === 'cases')!;
    expect(c2.reasons.map((r) => r.text)).toEqual([
      'Escalated from village level on 2025-03-30: VCPC could not trace the father',
      '1 overdue action (REVENUE), up to 7 days late',
    ]);
  });

  it('brings Bal Panchayat issues unresolved for N days or more', () => {
    expect(agenda.find((l) => l.issueId === 'bp1')!.reasons[0].text).toBe(
      'Raised by the Bal Panchayat of Rajura on 2025-02-10, unresolved for 56 days: No bus to the high school',
    );
  });

  it('does not carry over what this meeting itself assigns', () => {
    const fresh = buildAgenda({
      meeting: { id: 'm-2025-03', date: '2025-04-07' },
      actions: [action('HEALTH', { meetingId: 'm-2025-03', dueDate: '2025-03-15' })],
      escalatedCases: [],
      flaggedCases: [],
      balPanchayatIssues: [],
    });
    expect(fresh).toEqual([]);
  });
});
