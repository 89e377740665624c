import { describe, expect, it } from 'vitest';
import { detectScript, toDevanagari, toLatin } from './index';

describe('toLatin', () => {
  it.each([
    ['लक्ष्मी', 'lakshmi'],
    ['मोहम्मद', 'mohammad'],
    ['सुनीता पवार', 'sunita pavar'],
    ['वैष्णवी', 'vaishnavi'],
    ['ज्ञानेश्वर', 'gyaneshvar'],
    ['कमला', 'kamla'],
    ['कृष्ण', 'krishna'],
    ['मिश्र', 'mishra'],
    ['आदित्य', 'aditya'],
    ['अरविंद', 'arvind'],
    ['चंपा', 'champa'],
    ['शबनम', 'shabnam'],
    ['राम', 'ram'],
    ['লক্ষ্মী', 'lakshmi'],
    ['ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ', 'gurprit singh'],
    ['ਹਰਜੀਤ ਕੌਰ', 'harjit kaur'],
    ['પટેલ', 'patel'],
    ['ଲକ୍ଷ୍ମୀ', 'lakshmi'],
    ['முருகன்', 'murugan'],
    ['செல்வம்', 'selvam'],
    ['வெற்றி', 'vetri'],
    ['రాము', 'ramu'],
    ['ಲಕ್ಷ್ಮಿ', 'lakshmi'],
    ['സുരേഷ്', 'suresh'],
  ])('%s -> %s', (input, out) => expect(toLatin(input)).toBe(out));

  it('lowercases Latin and strips diacritics', () => {
    expect(toLatin('Rāmāyaṇa ŚARMĀ')).toBe('ramayana sarma');
    expect(toLatin('  Mohd.  Ali ')).toBe('mohd ali');
  });

  it('handles mixed scripts in one string', () => {
    expect(toLatin('Sunita पवार')).toBe('sunita pavar');
  });
});

describe('detectScript', () => {
  it.each([
    ['Sunita', 'latin'],
    ['सुनीता', 'devanagari'],
    ['সুনীতা', 'bengali'],
    ['ਸੁਨੀਤਾ', 'gurmukhi'],
    ['સુનીતા', 'gujarati'],
    ['ସୁନୀତା', 'oriya'],
    ['சுனிதா', 'tamil'],
    ['సునీత', 'telugu'],
    ['ಸುನೀತಾ', 'kannada'],
    ['സുനിത', 'malayalam'],
    ['123', 'other'],
    ['Иван', 'other'],
  ])('%s is %s', (s, script) => expect(detectScript(s)).toBe(script));
});

describe('toDevanagari', () => {
  it.each([
    ['lakshmi', 'लक्ष्मी'],
    ['mohammad', 'मोहम्मद'],
    ['sanjay', 'संजय'],
    ['pavan', 'पवन'],
  ])('%s -> %s', (l, d) => expect(toDevanagari(l)).toBe(d));

  it('round-trips through toLatin for common names', () => {
    for (const n of ['sunita', 'lakshmi', 'mohammad', 'vaishnavi', 'sanjay', 'pavan', 'rahul', 'priya'])
      expect(toLatin(toDevanagari(n))).toBe(n);
  });
});
