// The father's given name in place of the surname, seen to be this child's father's: the close level.
import { describe, expect, it } from 'vitest';
import { buildComparators } from './comparisons';
import { defaultModel } from './model';
import { emptyPerson, personTable } from './record';

function level(a: { name: string; father?: string }, b: { name: string; father?: string }): string {
  const spec = defaultModel().comparisons.find((c) => c.id === 'name')!;
  const [cmp] = buildComparators([spec]);
  const fa = cmp.prepare(personTable([{ ...emptyPerson('a'), name: a.name, father_name: a.father ?? '' }]));
  const fb = cmp.prepare(personTable([{ ...emptyPerson('b'), name: b.name, father_name: b.father ?? '' }]));
  cmp.finish?.();
  return spec.levels[cmp.level(fa, 0, fb, 0)].label;
}

describe("the father's given name as the second name", () => {
  it('is the close level when it is the father written on either record', () => {
    // Reported with the family surname, found with the father's given name.
    expect(level({ name: 'Anirban Dey', father: 'Ritam Dey' }, { name: 'Anirban Ritam' })).toBe('close variant');
    // The father written on the found record only, misspelt in the name.
    expect(level({ name: 'स्वप्निल कंब्ले' }, { name: 'Svapnil Bhaskat', father: 'Bhaskar Kamble' })).toBe('close variant');
    // Marathi practice: the father's name in the middle; the surname respelt (Jadhav/Jadhao), the given name slipped.
    expect(level({ name: 'Pandurang Rohan Jadhav' }, { name: 'Pandutang Jadhao', father: 'Rohan Jadhav' })).toBe('close variant');
    // In another script on the report.
    expect(level({ name: 'Karthik Murugan' }, { name: 'கார்த்திக் செல்வம்', father: 'செல்வம்' })).toBe('close variant');
  });

  it('finds the given name wherever the other record puts it: Telugu names write the house name first', () => {
    // Yerra Rakesh (house name Yerra), son of Gopi, found as "Rakes Gopi"; Mounika likewise, in Telugu script.
    expect(level({ name: 'Yerra Rakesh', father: 'Gopi' }, { name: 'Rakes Gopi' })).toBe('close variant');
    expect(level({ name: 'Yerra Mounika', father: 'Vamshi' }, { name: 'మౌనికా వమ్శి' })).toBe('close variant');
    // The father written on the found record only.
    expect(level({ name: 'Boddu Anusha' }, { name: 'Anusha Naveen', father: 'Naveen Boddu' })).toBe('close variant');
    // A brother of the same house and father is still another child; so is a child whose second word is not the father.
    expect(level({ name: 'Yerra Suresh', father: 'Gopi' }, { name: 'Rakesh Gopi' })).toBe('different');
    expect(level({ name: 'Yerra Rakesh', father: 'Gopi' }, { name: 'Rakesh Naidu' })).not.toBe('close variant');
  });

  it("takes a parent's pet-sounding name as the father's given name", () => {
    // Bhola is in the pet list; for a father it is his given name (Bhola Prasad), so "Amit Bhola" is his son's name.
    expect(level({ name: 'Amit Nishad', father: 'Bhola Prasad' }, { name: 'Amit Bhola' })).toBe('close variant');
  });

  it('stays "given name agrees" when the other word is not the father, or no father is written', () => {
    expect(level({ name: 'Anirban Dey', father: 'Ritam Dey' }, { name: 'Anirban Sarkar' })).toBe('given name agrees, other names differ');
    expect(level({ name: 'Anirban Dey' }, { name: 'Anirban Ritam' })).toBe('given name agrees, other names differ');
    // A brother shares the father, not the given name.
    expect(level({ name: 'Subhajit Dey', father: 'Ritam Dey' }, { name: 'Anirban Ritam' })).toBe('different');
  });
});
