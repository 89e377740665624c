import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEMO_PASSWORD } from '../demo/users';
import { passwordProblem } from './passwords';

describe('password policy', () => {
  it('ships a list of several thousand common passwords', () => {
    const lines = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(lines.length).toBeGreaterThan(5000);
    expect(lines).toContain('password');
  });

  it('refuses short passwords, with the rule in the reason', () => {
    expect(passwordProblem('password12')).toBe('must be at least 12 characters');
    expect(passwordProblem('Password123')).toBe('must be at least 12 characters');
    expect(passwordProblem('a'.repeat(11))).toBe('must be at least 12 characters');
  });

  it.each([
    'Password1234', // common word + digits
    'password12345',
    'P@ssw0rd2026!', // look-alike characters
    'qwertyuiop12',
    '1qaz2wsx3edc', // keyboard walk, itself in the list
    'iloveyou2026',
    'sachin@12345',
    'Samanvay2026', // the product's own name
    'superman1234',
    '123456789012', // digits only
    '2026!!!!x2026',
    'abcabcabcabc', // repetition
    'monkeymonkey',
    'zyxwvutsrqpo', // reversed alphabet
  ])('refuses %s', (pw) => {
    expect(passwordProblem(pw)).not.toBeNull();
  });

  it('refuses a password containing the username', () => {
    expect(passwordProblem('dcpo.akola-spring', { username: 'dcpo.akola' })).toBe('must not contain the username');
    expect(passwordProblem('dcpo.akola-spring', { username: 'someone.else' })).toBeNull();
  });

  it.each(['correct horse battery staple', 'river-lamp-orchid-7', 'Godavari ferry at dawn', 'मेरा नया पासवर्ड २०२६'])('accepts %s', (pw) => {
    expect(passwordProblem(pw)).toBeNull();
  });

  it('the published demo password stays usable (demo users are seeded by hash)', () => {
    expect(passwordProblem(DEMO_PASSWORD)).toBeNull();
  });
});
