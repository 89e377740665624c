import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignFaces, parseUnicodeRanges, scriptOf, splitScriptRuns, type FaceCoverage } from './script-runs';

// Stand-ins with the coverage of the real Fontsource subsets (their unicode.json).
const latin: FaceCoverage = {
  key: 'latin',
  scripts: ['latin', 'common'],
  ranges: parseUnicodeRanges('U+0000-00FF,U+0131,U+0152-0153,U+2000-206F,U+20AC'),
};
const latinExt: FaceCoverage = {
  key: 'latin-ext',
  scripts: ['latin'],
  ranges: parseUnicodeRanges('U+0100-02BA,U+1E00-1E9F,U+20A0-20AB,U+20AD-20C0'),
};
const deva: FaceCoverage = {
  key: 'deva',
  scripts: ['devanagari'],
  ranges: parseUnicodeRanges('U+0900-097F,U+1CD0-1CF9,U+200C-200D,U+20A8,U+20B9,U+25CC,U+A8E0-A8FF'),
};
const faces = [latin, latinExt, deva];
const runs = (s: string) => assignFaces(s, faces).map((r) => [r.face.key, r.text]);

describe('scriptOf', () => {
  it('classifies the characters our documents mix', () => {
    expect(['क', 'ि', '्', 'A', 'ā', '1', ' ', '।', '\u200D', '₹', 'ப'].map((c) => scriptOf(c.codePointAt(0)!))).toEqual([
      'devanagari',
      'devanagari',
      'devanagari',
      'latin',
      'latin',
      'common',
      'common',
      'common',
      'inherited',
      'common',
      'other',
    ]);
  });
});

describe('splitScriptRuns', () => {
  it('attaches spaces and punctuation to the surrounding script', () => {
    expect(splitScriptRuns('शिक्षण विभाग, Amravati (DCPU)')).toEqual([
      { script: 'devanagari', text: 'शिक्षण विभाग, ' },
      { script: 'latin', text: 'Amravati (DCPU)' },
    ]);
    expect(splitScriptRuns('12/03/2025')).toEqual([{ script: 'common', text: '12/03/2025' }]);
    expect(splitScriptRuns('(क्ष')).toEqual([{ script: 'devanagari', text: '(क्ष' }]);
  });
});

describe('assignFaces', () => {
  it('gives Devanagari letters the Devanagari face and digits/punctuation the Latin one', () => {
    expect(runs('पान 3 / 7')).toEqual([
      ['deva', 'पान'],
      ['latin', ' 3 / 7'],
    ]);
    expect(runs('Case AMR/12: ज्ञानेश्वरी')).toEqual([
      ['latin', 'Case AMR/12: '],
      ['deva', 'ज्ञानेश्वरी'],
    ]);
  });

  it('keeps ZWJ with the preceding virama so the eyelash ra (र्‍) is shaped in one run', () => {
    expect(runs('सार्‍या')).toEqual([['deva', 'सार्‍या']]);
  });

  it('falls back by coverage for symbols and diacritics', () => {
    expect(runs('₹2,250')).toEqual([
      ['latin-ext', '₹'],
      ['latin', '2,250'],
    ]);
    expect(runs('मासिक ₹2,250')).toEqual([
      ['deva', 'मासिक'],
      ['latin', ' '],
      ['latin-ext', '₹'],
      ['latin', '2,250'],
    ]);
    expect(runs('Bhāskar')).toEqual([
      ['latin', 'Bh'],
      ['latin-ext', 'ā'],
      ['latin', 'skar'],
    ]);
  });

  it('never loses or reorders text, and never puts a Devanagari code point in a Latin face (property)', () => {
    const alphabet = fc.constantFrom(...'कषज्ञिीर्‍ािंः AZaz09 ,.-/()—₹ā\u200D\u200C'.split(''));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
        (text) => {
          const out = assignFaces(text, faces);
          expect(out.map((r) => r.text).join('')).toBe(text);
          for (const r of out) for (const ch of r.text) if (scriptOf(ch.codePointAt(0)!) === 'devanagari') expect(r.face.key).toBe('deva');
          for (let i = 1; i < out.length; i++) expect(out[i].face).not.toBe(out[i - 1].face);
        },
      ),
    );
  });
});
