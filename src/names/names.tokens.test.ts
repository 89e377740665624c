import { describe, expect, it } from 'vitest';
import { isNickname, nameSimilarity, nameTokens, phoneticKey, searchKeys } from './index';

describe('nameTokens', () => {
  it('removes honorifics and suffixes', () => {
    expect(nameTokens('Smt. Kamlaben Patel')).toEqual(['kamla', 'patel']);
    expect(nameTokens('Shri Ram Kumar Singh')).toEqual(['ram', 'singh']);
    expect(nameTokens('Sita Devi')).toEqual(['sita']);
    expect(nameTokens('Raju Bhai')).toEqual(['raju']);
    expect(nameTokens('Devi')).toEqual(['devi']);
  });
  it('normalises spelling variants', () => {
    expect(nameTokens('Laxmi')).toEqual(nameTokens('Lakshmi'));
    expect(nameTokens('Pooja')).toEqual(nameTokens('Puja'));
    expect(nameTokens('Mohd')).toEqual(nameTokens('Muhammad'));
    expect(nameTokens('Suneeta')).toEqual(nameTokens('Sunita'));
    expect(nameTokens('Pawar')).toEqual(nameTokens('पवार'));
    expect(nameTokens('Phool')).toEqual(nameTokens('Fool'));
    expect(nameTokens('Dnyaneshwar')).toEqual(nameTokens('ज्ञानेश्वर'));
    expect(nameTokens('Vaishnavi')).toEqual(nameTokens('वैष्णवी'));
    expect(nameTokens('Mukherjee')).toEqual(nameTokens('Mukherji'));
  });
  it('reads Hr- before a vowel as the vocalic r (ऋ), spelled ri or ru by others', () => {
    expect(nameTokens('Hrishikesh')).toEqual(nameTokens('Rishikesh'));
    expect(nameTokens('Hrushikesh')).toEqual(nameTokens('Rishikesh'));
    expect(nameTokens('Hrithik')).toEqual(nameTokens('Rithik'));
    expect(nameTokens('Hruday')).toEqual(nameTokens('Hriday'));
    expect(nameTokens('ह्रिशिकेश')).toEqual(nameTokens('Rishikesh'));
    expect(phoneticKey('Hrishikesh')).toBe(phoneticKey('Rushikesh'));
    // Only at the start, before a vowel: a consonant cluster elsewhere is left alone.
    expect(nameTokens('Shrihari')).not.toEqual(nameTokens('Shriari'));
  });
});

describe('phoneticKey', () => {
  it('collides across spellings and scripts', () => {
    const k = phoneticKey('laxmi');
    expect(phoneticKey('lakshmi')).toBe(k);
    expect(phoneticKey('लक्ष्मी')).toBe(k);
    expect(phoneticKey('লক্ষ্মী')).toBe(k);
    expect(phoneticKey('லட்சுமி')).toBe(k);
    const m = phoneticKey('mohd');
    expect(phoneticKey('mohammed')).toBe(m);
    expect(phoneticKey('muhammad')).toBe(m);
    expect(phoneticKey('मोहम्मद')).toBe(m);
    expect(phoneticKey('Sunitha')).toBe(phoneticKey('सुनीता'));
    expect(phoneticKey('Shweta')).toBe(phoneticKey('Sveta'));
    expect(phoneticKey('Abhishek')).toBe(phoneticKey('Abishek'));
  });
  it('keeps different names apart', () => {
    expect(phoneticKey('sunita')).not.toBe(phoneticKey('lakshmi'));
    expect(phoneticKey('ramesh')).not.toBe(phoneticKey('suresh'));
  });
});

describe('searchKeys', () => {
  it('Laxmi finds लक्ष्मी and Lakshmi', () => {
    const q = searchKeys('Laxmi');
    for (const rec of ['लक्ष्मी पवार', 'Lakshmi Devi', 'Smt. Luxmi']) expect(searchKeys(rec).some((k) => q.includes(k))).toBe(true);
  });
  it('dedupes keys', () => {
    expect(searchKeys('Ram Ram')).toEqual([phoneticKey('ram')]);
  });
});

describe('nameSimilarity', () => {
  it('is script and spelling insensitive', () => {
    expect(nameSimilarity('सुनीता पवार', 'Sunita Pawar')).toBeGreaterThan(0.97);
    expect(nameSimilarity('Mohd Ali', 'Mohammed Ali')).toBeGreaterThan(0.97);
    expect(nameSimilarity('Dnyaneshwar', 'ज्ञानेश्वर')).toBeGreaterThan(0.97);
  });
  it('is order insensitive', () => {
    expect(nameSimilarity('Pawar Sunita', 'Sunita Pawar')).toBeGreaterThan(0.97);
    expect(nameSimilarity('Sunita', 'Sunita Pawar')).toBeGreaterThan(0.9);
  });
  it('separates different names', () => {
    expect(nameSimilarity('Ramesh Yadav', 'Priya Sharma')).toBeLessThan(0.7);
    expect(nameSimilarity('Ramesh', 'Lakshmi')).toBeLessThan(0.6);
    expect(nameSimilarity('', 'Priya')).toBe(0);
  });
});

describe('isNickname', () => {
  it.each(['Chhotu', 'Chotu', 'Munna', 'Guddu', 'Pappu', 'Babloo', 'Bittu', 'Golu', 'Sonu', 'Monu', 'Pinky', 'Munni', 'छोटू'])(
    '%s is a nickname',
    (n) => expect(isNickname(n)).toBe(true),
  );
  it.each(['Sunita', 'Mohammad', 'Lakshmi', ''])('%s is not', (n) => expect(isNickname(n)).toBe(false));
});
