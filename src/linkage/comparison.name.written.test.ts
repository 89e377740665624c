// How other hands write a name: fused into one word, in Tamil script (no voiced stops), misread by OCR.
import { describe, expect, it } from 'vitest';
import { nameLevel } from './comparison.name.testkit';
import { ocrLetters } from '../names';
import { devoiced } from './comparison.name';

describe('a fused name', () => {
  it('meets the names it joins, in either order, with a prefix before it', () => {
    expect(nameLevel('রীতমমণ্ডল', 'Ritom Mondal urf Montu')).toBe('close variant');
    expect(nameLevel('Ritom Mondal', 'রীতমমণ্ডল')).toBe('close variant');
    expect(nameLevel('मोहम्मदसलमानमंसूरी', 'Salman Mansuri')).toBe('close variant');
    expect(nameLevel('mondalritom', 'Ritom Mondal')).toBe('close variant');
  });

  it('does not join names that are not there', () => {
    expect(nameLevel('sureshkumar', 'Ramesh Patil')).toBe('different');
    // A long given name is not the given name joined to a surname it does not contain.
    expect(nameLevel('Ramakrishnan', 'Rama Kumar')).not.toBe('close variant');
  });
});

describe('a name in Tamil script', () => {
  it('is the same name whatever voicing the Latin or another script shows', () => {
    expect(nameLevel('திவ்யா', 'Divya')).toBe('spelling/script variant');
    expect(nameLevel('கணேஷ் குமார்', 'Ganesh Kumar')).toBe('spelling/script variant');
    expect(nameLevel('தீபா', 'दीपा')).toBe('spelling/script variant');
  });

  it('leaves voicing distinct between two names not in Tamil script', () => {
    expect(devoiced('dara')).toBe(devoiced('tara'));
    expect(nameLevel('Dara', 'Tara')).not.toBe('spelling/script variant');
    expect(nameLevel('Gopal', 'Kopal')).not.toBe('spelling/script variant');
  });
});

describe('a name misread by OCR', () => {
  it('reads letter groups and, after the first letter, l/i, v/u, h/b as one', () => {
    expect(ocrLetters('slng')).toBe(ocrLetters('sing'));
    expect(ocrLetters('tanrnoy')).toBe(ocrLetters('tanmoy'));
    expect(ocrLetters('rakesb')).toBe(ocrLetters('rakesh'));
    expect(ocrLetters('harman')).not.toBe(ocrLetters('barman'));
  });

  it('is a close variant of the name it misreads, not the same name', () => {
    expect(nameLevel('Harman Slngh', 'Harman Singh')).toBe('close variant');
    expect(nameLevel('Meet Rakesb', 'Meet Rakesh')).toBe('close variant');
    expect(nameLevel('Tanrnoy Sarkar', 'Tanmoy Sarkar')).toBe('close variant');
    expect(nameLevel('Gvlshan', 'Gulshan')).toBe('close variant');
  });

  it('does not make a different first letter a misreading', () => {
    expect(nameLevel('Harman', 'Barman')).not.toBe('close variant');
  });
});
