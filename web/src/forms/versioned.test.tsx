import { describe, expect, it } from 'vitest';
import { changedFields, conflictRows, reapply } from './versioned';

// (.tsx only because the suite picks up web tests by that extension.)
const fields = ['name', 'school', 'healthNotes', 'factors'] as const;
const base = { name: 'Gauri Kale', school: '', healthNotes: '', factors: ['begging', 'no_documents'] };

describe('optimistic editing: base, mine, theirs', () => {
  it('a change is a change whatever the order of a list', () => {
    expect(changedFields(base, { ...base, factors: ['no_documents', 'begging'] }, fields)).toEqual([]);
    expect(changedFields(base, { ...base, school: 'ZP' }, fields)).toEqual(['school']);
  });

  it('lists what either side changed, and marks the clashes', () => {
    const mine = { ...base, school: 'Ashram School' };
    const theirs = { ...base, school: 'ZP School', healthNotes: 'Needs glasses' };
    const rows = conflictRows(fields, base, mine, theirs);
    expect(rows.map((r) => [r.field, r.mineChanged, r.theirsChanged, r.clash])).toEqual([
      ['school', true, true, true],
      ['healthNotes', false, true, false],
    ]);
  });

  it('reapplies my changes on their version, keeping theirs where I chose so', () => {
    const mine = { ...base, school: 'Ashram School', name: 'Gauri Kale Bhise' };
    const theirs = { ...base, school: 'ZP School', healthNotes: 'Needs glasses' };
    expect(reapply(fields, base, mine, theirs)).toEqual({
      ...base,
      name: 'Gauri Kale Bhise',
      school: 'Ashram School',
      healthNotes: 'Needs glasses',
    });
    expect(reapply(fields, base, mine, theirs, new Set(['school']))).toEqual({
      ...base,
      name: 'Gauri Kale Bhise',
      school: 'ZP School',
      healthNotes: 'Needs glasses',
    });
  });

  it('the same change on both sides is no clash', () => {
    const both = { ...base, school: 'ZP School' };
    expect(conflictRows(fields, base, both, both)[0].clash).toBe(false);
  });
});
