import { describe, expect, it } from 'vitest';
import { isNameMarkerCanonical, nameTokens } from '../names';
import { buildComparators } from './comparisons';
import { defaultModel } from './model';
import { emptyPerson, personTable } from './record';

/** The "given name agrees" level (issue #15, bench/linkage-holdout: father's name as surname). */
function level(id: string, a: string, b: string): string {
  const spec = defaultModel().comparisons.find((c) => c.id === id)!;
  const [cmp] = buildComparators([spec]);
  const col = id === 'name' ? 'name' : `${id}_name`;
  const fa = cmp.prepare(personTable([{ ...emptyPerson('a'), [col]: a }]));
  const fb = cmp.prepare(personTable([{ ...emptyPerson('b'), [col]: b }]));
  cmp.finish?.();
  return spec.levels[cmp.level(fa, 0, fb, 0)].label;
}

const GIVEN = 'given name agrees, other names differ';

describe('given name agrees, other names differ', () => {
  it('is a level of the shipped model for the child and the father, trained (m and u from the labelled benchmark), between the similar levels and "different"', () => {
    const model = defaultModel();
    expect(model.version).toBe('indian-children.v1.13');
    for (const id of ['name', 'father']) {
      const levels = model.comparisons.find((c) => c.id === id)!.levels;
      const at = levels.findIndex((l) => l.label === GIVEN);
      expect(at).toBe(levels.length - 2);
      expect(Math.log2(levels[at].m / levels[at].u)).toBeGreaterThan(Math.log2(levels.at(-1)!.m / levels.at(-1)!.u));
      expect(Math.log2(levels[at].m / levels[at].u)).toBeLessThan(Math.log2(levels[3].m / levels[3].u) + 1e-9);
    }
    // The siblings' discount still applies to "different" only.
    const father = model.comparisons.find((c) => c.id === 'father')!;
    expect(father.discount?.levels).toEqual([model.comparisons[0].levels.length - 1]);
  });

  it('is reached when the given names agree and the second word differs, in any script', () => {
    expect(level('name', 'रिज़्वान रहमान', 'रिज़्वान रेहान')).toBe(GIVEN);
    expect(level('name', 'सना बिबी', 'सना अंसारी')).toBe(GIVEN);
    expect(level('name', 'Krupa Bhil', 'ક્રુપા ધર્મેશ')).toBe(GIVEN);
    expect(level('name', 'Karthik Murugan', 'Karthik Selvam')).toBe(GIVEN);
    expect(level('father', 'Abhisek Majhi', 'अभिशेक प्रसाद')).toBe(GIVEN);
  });

  it("takes a parent's name that sounds like a pet name as the parent's given name (Bhola, Raju)", () => {
    expect(level('father', 'भोला निषाद', 'भोला प्रसाद')).toBe(GIVEN);
    expect(level('father', 'Raju Yadav', 'Raju Prasad')).toBe(GIVEN);
    // The child's comparison still passes a pet name over: Chhotu Yadav and Chhotu Prasad are not one child.
    expect(level('name', 'Chhotu Yadav', 'Chhotu Prasad')).not.toBe(GIVEN);
  });

  it('takes the given name after a marker or prefix (Kumari, Md, Abdul), and never a pet name', () => {
    expect(level('name', 'Kumari Manisha', 'Manisha Yadav')).toBe(GIVEN);
    expect(level('name', 'Md Arif', 'Arif Malik')).toBe(GIVEN);
    // Same first word, but it is a prefix: two different names.
    expect(level('name', 'Mohammad Sahil', 'Mohammad Arif')).toBe('different');
    expect(level('name', 'Abdul Rahman', 'Abdul Karim')).toBe('different');
    expect(level('name', 'Kumari Pooja', 'Kumari Neha')).toBe('different');
    expect(isNameMarkerCanonical(nameTokens('Begum')[0])).toBe(true);
  });

  it('leaves other given names "different", siblings included, and the better levels as they were', () => {
    expect(level('name', 'Sunita Pawar', 'Kavita Pawar')).toBe('different');
    expect(level('name', 'Rizwan Rahman', 'Imran Rahman')).toBe('different');
    expect(level('name', 'Rizwan Rahman', 'Rizwan')).toBe('spelling/script variant');
    expect(level('name', 'Rizwan Rahman', 'Rizwan Rahman')).toBe('exact');
    // The mother's comparison has no such level: the project's generator gives no pairs to train it on.
    expect(level('mother', 'Sapna Sharma', 'Sapna Tiwari')).toBe('different');
  });
});
