import { describe, expect, it } from 'vitest';
import { createAction, type NewActionDraft } from './actions';
import { FEBRUARY, GROUP, MARCH } from './testkit';

const draft = (over: Partial<NewActionDraft> = {}): NewActionDraft => ({
  id: 'new-1',
  caseRef: 'AMR/CNCP/2025/0012',
  description: '  Obtain the death certificate  ',
  department: 'REVENUE',
  dueDate: '2025-03-31',
  ...over,
});

describe('createAction', () => {
  it('minutes an action for a represented department, dated by the meeting', () => {
    const r = createAction(draft(), GROUP, MARCH);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      meetingId: MARCH.id,
      assignedOn: '2025-03-03',
      description: 'Obtain the death certificate',
      events: [],
    });
  });

  it('refuses a department with no representative in the group', () => {
    const r = createAction(draft({ department: 'POLICE' }), GROUP, MARCH);
    expect(!r.ok && r.problems).toEqual([
      {
        code: 'department_not_represented',
        message:
          'POLICE has no representative in Amravati District Convergence Group on 2025-03-03; add a member from POLICE or assign a represented department',
        path: 'department',
      },
    ]);
  });

  it('counts a seat only from the date it was taken', () => {
    // Labour joined on 1 Feb 2025: a January meeting could not assign it work.
    const january = { ...FEBRUARY, id: 'm-2025-01', date: '2025-01-06' };
    expect(createAction(draft({ department: 'LABOUR', dueDate: '2025-01-31' }), GROUP, january).ok).toBe(false);
    expect(createAction(draft({ department: 'LABOUR' }), GROUP, MARCH).ok).toBe(true);
  });

  it('refuses a due date before the meeting, an empty description and a cancelled meeting', () => {
    const r = createAction(draft({ dueDate: '2025-03-02', description: ' ' }), GROUP, { ...MARCH, status: 'cancelled' });
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(['meeting_cancelled', 'description_required', 'due_before_meeting']);
    const same = createAction(draft({ dueDate: '2025-03-03' }), GROUP, MARCH);
    expect(same.ok).toBe(true);
    const bad = createAction(draft({ dueDate: '31/03/2025' }), GROUP, MARCH);
    expect(!bad.ok && bad.problems.map((p) => p.code)).toEqual(['due_date_invalid']);
  });
});
