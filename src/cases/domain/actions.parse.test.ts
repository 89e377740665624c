import { describe, expect, it } from 'vitest';
import { CASE_ACTION_TYPES, parseCaseAction } from './actions';
import { make } from './testkit';

describe('case action schema', () => {
  it('knows every action type of the CNCP case', () => {
    expect(CASE_ACTION_TYPES).toHaveLength(28);
    expect(CASE_ACTION_TYPES).toContain('age_determined');
    expect(CASE_ACTION_TYPES).toContain('transfer_cancelled');
    expect(CASE_ACTION_TYPES).toContain('produced_before_cwc');
    expect(CASE_ACTION_TYPES).toContain('owner_changed');
  });

  it('accepts every builder default', () => {
    for (const type of CASE_ACTION_TYPES) expect(parseCaseAction(make(type)).success, type).toBe(true);
  });

  it('requires instants with an explicit offset', () => {
    expect(parseCaseAction(make('note', { at: '2025-01-06T10:00:00' })).success).toBe(false);
    expect(parseCaseAction(make('note', { at: '2025-01-06T10:00:00Z' })).success).toBe(true);
  });

  it('refuses unknown vocabulary and malformed LGD codes', () => {
    const bad = (input: unknown) => {
      const r = parseCaseAction(input);
      return r.success ? null : r.error.issues[0].path.join('.');
    };
    expect(bad({ ...make('intake'), source: 'twitter' })).toBe('source');
    expect(bad({ ...make('intake'), risk: 'extreme' })).toBe('risk');
    expect(bad({ ...make('intake'), location: { stateCode: 'MH', districtCode: '468' } })).toBe('location.stateCode');
    expect(bad({ ...make('intake'), concerns: [] })).toBe('concerns');
    expect(bad({ ...make('care_plan'), careOption: 'orphanage' })).toBe('careOption');
    expect(bad({ ...make('closure'), reason: 'bored' })).toBe('reason');
    expect(bad({ ...make('escalation'), toLevel: 'nation' })).toBe('toLevel');
  });

  it('strips fields it does not know, so a record holds only what the schema says', () => {
    const r = parseCaseAction({ ...make('note'), childName: 'must not leak' });
    expect(r.success && 'childName' in r.data).toBe(false);
  });
});
