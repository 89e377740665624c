import { afterEach, describe, expect, it } from 'vitest';
import { rankCarers, setMatchingRules, type MatchCarer, type MatchChild } from './matching';
import { careStatusAfterPlacement, placementEndProblem } from './placement-end';

const child = (over: Partial<MatchChild> = {}): MatchChild => ({
  sex: 'female',
  ageYears: 9,
  subdistrictCode: 4001,
  blockCode: 501,
  villageId: 'v-1',
  languages: ['Marathi'],
  siblingsToPlace: 0,
  siblingCarerIds: new Set(),
  ...over,
});
const carer = (id: string, over: Partial<MatchCarer> = {}): MatchCarer => ({
  id,
  capacity: 2,
  placed: 0,
  prefersSex: 'any',
  ageMin: null,
  ageMax: null,
  languages: [],
  takesSiblings: false,
  subdistrictCode: 9999,
  blockCode: 999,
  villageId: 'v-far',
  ...over,
});

afterEach(() => setMatchingRules(null));

describe('matching a child to approved foster families', () => {
  it('ranks the nearest LGD unit, a shared language and a sibling already there, each with its reason', () => {
    const { candidates } = rankCarers(child({ siblingCarerIds: new Set(['with-sister']) }), [
      carer('far'),
      carer('same-block', { blockCode: 501, subdistrictCode: 4001 }),
      carer('same-village', { villageId: 'v-1', blockCode: 501, subdistrictCode: 4001 }),
      carer('with-sister', { capacity: 3, placed: 1 }),
      carer('speaks-marathi', { languages: ['marathi'] }),
    ]);
    expect(candidates.map((c) => c.carerId)).toEqual(['with-sister', 'same-village', 'same-block', 'speaks-marathi', 'far']);
    const village = candidates.find((c) => c.carerId === 'same-village')!;
    // Only the nearest unit counts: a family in the same village is not also scored for the block.
    expect(village.reasons.map((r) => r.code)).toEqual(['same_village', 'room_to_spare', 'no_child_placed']);
    expect(candidates.find((c) => c.carerId === 'speaks-marathi')!.reasons.map((r) => r.code)).toContain('language_shared');
  });

  it('excludes a family with no place, outside its approved sex or ages, or that takes no sibling group, saying why', () => {
    const { candidates, excluded } = rankCarers(child({ siblingsToPlace: 1 }), [
      carer('full', { capacity: 1, placed: 1, takesSiblings: true }),
      carer('one-place', { capacity: 2, placed: 1, takesSiblings: true }),
      carer('boys', { prefersSex: 'male', takesSiblings: true }),
      carer('infants', { ageMin: 0, ageMax: 5, takesSiblings: true }),
      carer('no-siblings', { capacity: 3 }),
      carer('fits', { capacity: 3, takesSiblings: true }),
    ]);
    expect(candidates.map((c) => c.carerId)).toEqual(['fits']);
    expect(candidates[0].reasons.map((r) => r.code)).toEqual(['takes_siblings', 'room_to_spare', 'no_child_placed']);
    expect(Object.fromEntries(excluded.map((e) => [e.carerId, e.exclusions.map((x) => x.code)]))).toEqual({
      full: ['no_place'],
      'one-place': ['places_for_siblings'],
      boys: ['sex_preference'],
      infants: ['age_preference'],
      'no-siblings': ['no_sibling_group'],
    });
  });

  it('takes its points from the data: a state that weighs language over distance ranks so', () => {
    const families = [carer('near', { villageId: 'v-1' }), carer('speaks', { languages: ['Marathi'] })];
    expect(rankCarers(child(), families).candidates[0].carerId).toBe('near');
    setMatchingRules({
      version: 'test',
      verification: 'unverified',
      basis: 'a state that puts the language first',
      points: {
        siblingWithFamily: 5,
        sameVillage: 1,
        sameBlock: 1,
        sameSubdistrict: 1,
        languageShared: 6,
        takesSiblings: 1,
        roomToSpare: 0,
        noChildPlaced: 0,
      },
    });
    expect(rankCarers(child(), families).candidates[0].carerId).toBe('speaks');
  });
});

describe('ending a placement', () => {
  it('sets the care status the reason leads to, and leaves it to the next order on a disruption or transfer', () => {
    expect(careStatusAfterPlacement('restored_to_family')).toBe('birth_family');
    expect(careStatusAfterPlacement('turned_18')).toBe('aftercare');
    expect(careStatusAfterPlacement('adopted')).toBe('adopted');
    expect(careStatusAfterPlacement('disruption')).toBeNull();
    expect(careStatusAfterPlacement('transfer')).toBeNull();
  });
  it('refuses "turned 18" before the 18th birthday, naming the day', () => {
    expect(placementEndProblem('turned_18', '2026-08-31', '2008-09-01')).toEqual({
      field: 'endedOn',
      message: 'the child turns 18 on 2026-09-01',
    });
    expect(placementEndProblem('turned_18', '2026-09-01', '2008-09-01')).toBeNull();
    expect(placementEndProblem('disruption', '2026-08-31', '2008-09-01')).toBeNull();
  });
});
