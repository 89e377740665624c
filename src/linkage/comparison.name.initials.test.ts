import { describe, expect, it } from 'vitest';
import { nameLevel } from './comparison.name.testkit';
import { initialsOf, nameTokens, withoutScriptInitials } from '../names';
import { letterBit } from './comparison.name';

/** Initials and pet names in the name comparison (issue #15: Tamil initials, Daak naam). */
describe('initials', () => {
  it('reads Latin initials and script initials, as letter names or as the syllable, and compares names without them', () => {
    expect(initialsOf('R. Karthik')).toEqual(['r']);
    expect(initialsOf('K.R.Lakshmi')).toEqual(['k', 'r']);
    expect(initialsOf('ர. கார்த்திக்')).toEqual(['r']);
    expect(initialsOf('आर. कार्तिक')).toEqual(['r']);
    expect(initialsOf('এম. দিব্যা')).toEqual(['m']);
    expect(initialsOf('Md. Irfan')).toEqual([]);
    expect(nameTokens(withoutScriptInitials('ர. கார்த்திக்'))).toEqual(nameTokens('கார்த்திக்'));
    expect(nameTokens(withoutScriptInitials('आर.कार्तिक'))).toEqual(['kartik']);
  });

  it('takes a voiced and a voiceless stop as one letter (Tamil script writes one for both)', () => {
    expect(letterBit('g')).toBe(letterBit('k'));
    expect(letterBit('d')).toBe(letterBit('t'));
    expect(letterBit('r')).not.toBe(letterBit('k'));
  });

  it('matches an initial with any name beginning with its letter, in any script', () => {
    expect(nameLevel('R. Karthik', 'Karthik Ramasamy')).toBe('spelling/script variant');
    expect(nameLevel('ர. கார்த்திக்', 'Karthik Ramasamy')).not.toBe('different');
    expect(nameLevel('R. Karthik', 'ராமசாமி கார்த்திக்')).not.toBe('different');
  });

  it('makes a conflicting initial at best a close variant: another child with the same given name', () => {
    for (const [a, b] of [
      ['R. Priya', 'Priya Kannan'],
      ['R. Priya', 'K. Priya'],
    ]) {
      const level = nameLevel(a, b);
      expect(['close variant', 'similar', 'nickname', 'different'], `${a} / ${b}`).toContain(level);
    }
    expect(nameLevel('R. Priya', 'R. Priya')).toBe('exact');
  });
});

describe('a pet name in place of the given name', () => {
  it('is the nickname level when the rest of the name agrees, not "different"', () => {
    expect(nameLevel('Munni Reddy', 'Padma Reddy')).toBe('nickname');
    expect(nameLevel('Bittu Singh', 'Navjot Singh')).toBe('nickname');
  });

  it('leaves two given names that differ, and a pet name with another surname, different', () => {
    expect(nameLevel('Sunita Pawar', 'Kavita Pawar')).toBe('different');
    expect(nameLevel('Munni Reddy', 'Padma Naidu')).toBe('different');
  });
});
