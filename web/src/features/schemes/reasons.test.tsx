import { describe, expect, it } from 'vitest';
import { shownReasons } from './reasons';

describe('a suggestion’s reasons on the family page', () => {
  // Issue #17: "Would decide it" appeared twice: the engine's reason and the line under the list.
  it('says the facts still to record once, in the line under the list', () => {
    const s = {
      status: 'maybe' as const,
      reasons: ['bpl: yes', 'not recorded yet, would decide it: annual income'],
      reasonDetails: [{ code: 'fact' }, { code: 'missing_facts' }],
      missingFacts: [{ fact: 'annualIncome', label: 'annual income' }],
    };
    expect(shownReasons(s)).toEqual(['bpl: yes']);
    expect(shownReasons({ ...s, status: 'not_eligible' as const, missingFacts: [] })).toEqual(s.reasons);
  });
});
