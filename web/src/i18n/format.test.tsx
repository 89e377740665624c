import { describe, expect, it } from 'vitest';
import { formatterFor } from './format';
import { languageFromBrowser } from './index';

// Issue #17: "₹500,000" in Marathi but "₹5,00,000" in English; due dates with meaningless clock times.
describe('money in lakh/crore grouping in every language', () => {
  it.each(['en', 'hi', 'mr'])('%s: ₹5,00,000 and ₹1,20,00,000', (lang) => {
    const f = formatterFor(lang);
    expect(f.money(500000)).toBe('₹5,00,000');
    expect(f.money(12000000)).toBe('₹1,20,00,000');
    expect(f.money(2250)).toBe('₹2,250');
    expect(f.number(500000)).toBe('5,00,000');
    expect(f.money(null)).toBe('—');
  });
});

describe('due dates', () => {
  it('are the IST calendar day without a clock time, whatever the time zone of the instant', () => {
    const f = formatterFor('en');
    // 00:00 UTC is 5:30 AM IST: the screen showed "5:30 AM".
    expect(f.due('2026-04-02T00:00:00.000Z')).toBe('2 Apr 2026');
    // 18:30 UTC is already the next day in India.
    expect(f.due('2026-04-01T18:30:00.000Z')).toBe('2 Apr 2026');
    expect(f.due('2026-04-02T18:29:59.000Z')).toBe('2 Apr 2026');
    expect(f.due('2026-04-02')).toBe('2 Apr 2026');
    for (const lang of ['en', 'hi', 'mr']) expect(formatterFor(lang).due('2026-04-02T01:00:00.000Z')).not.toMatch(/\d:\d\d/);
  });

  it('keep the IST clock time for a limit counted in hours', () => {
    expect(formatterFor('en').due('2026-04-02T09:00:00.000Z', true)).toMatch(/2 Apr 2026.*2:30\s?(pm|PM)/);
  });
});

describe('the language before anyone chooses', () => {
  it("follows the browser's languages (a Marathi phone gets Marathi), else English", () => {
    expect(languageFromBrowser(['mr-IN', 'en-US'])).toBe('mr');
    expect(languageFromBrowser(['en-GB', 'hi'])).toBe('en');
    expect(languageFromBrowser(['ta-IN', 'hi-IN'])).toBe('hi');
    expect(languageFromBrowser(['ta-IN'])).toBe('en');
    expect(languageFromBrowser([])).toBe('en');
    expect(languageFromBrowser(undefined)).toBe('en');
  });
});
