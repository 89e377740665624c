// A pet name clipped from the given name is the "nickname" level where the letters alone say "different".
import { describe, expect, it } from 'vitest';
import { nameLevel } from './comparison.name.testkit';

describe('a short word clipped from a name', () => {
  it('is read as a pet name of that name, in either order and in any script', () => {
    // Each was "different" before: too short beside the whole name for Jaro–Winkler.
    expect(nameLevel('Prabhjot Kaur', 'Probho')).toBe('nickname');
    expect(nameLevel('Probho', 'Prabhjot Kaur')).toBe('nickname');
    expect(nameLevel('প্রভজোৎ কৌর', 'Probho')).toBe('nickname');
    expect(nameLevel('Rabindranath Tagore', 'Robi')).toBe('nickname');
    expect(nameLevel('Dhananjay Pawar', 'Dhanu')).toBe('nickname');
    // Already alike by their letters: unchanged.
    expect(nameLevel('Shivam Rajbhar', 'Shivu')).toBe('similar');
  });

  it('is not: a word that is not the start of a name there, two words, seven letters or more', () => {
    expect(nameLevel('Shivam Rajbhar', 'Sipu')).toBe('different');
    expect(nameLevel('Sanjay Kumar', 'Sadhu')).toBe('different');
    expect(nameLevel('Shivam Rajbhar', 'Vamu')).toBe('different');
    expect(nameLevel('Prabhjot Kaur', 'Probho Singh')).toBe('different');
    expect(nameLevel('Dhananjay Pawar', 'Dhanraju')).not.toBe('nickname');
  });
});

describe('the same pet name in both names', () => {
  it('is the nickname level though the other words differ (a surname slipped or another given): it says little, not "against"', () => {
    expect(nameLevel('भोला चौहान', 'भोला कमार')).toBe('nickname');
    expect(nameLevel('Bholla Varma', 'कुमार भोला')).toBe('nickname');
    // Two pet names and two proper names stay apart.
    expect(nameLevel('Bhola Chauhan', 'Pappu Kamar')).toBe('different');
    expect(nameLevel('Rakesh Chauhan', 'Rakesh Kamar')).not.toBe('nickname');
  });
});
