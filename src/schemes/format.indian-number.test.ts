import { describe, expect, it } from 'vitest';
import { completedMonthsAsYears, completedYears, formatDate, formatIndianNumber, formatInr, formatYears, parseIsoDate } from './format';

describe('Indian number format', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [72000, '72,000'],
    [100000, '1,00,000'],
    [500000, '5,00,000'],
    [1000000, '10,00,000'],
    [12345678, '1,23,45,678'],
    [-21000, '-21,000'],
    [2250.5, '2,250.50'],
  ])('%d → %s', (n, s) => expect(formatIndianNumber(n)).toBe(s));

  it('prefixes rupees', () => expect(formatInr(100000)).toBe('₹1,00,000'));
});

describe('years and dates', () => {
  it('shows "under 18" limits as whole years and fractional ages in months', () => {
    expect(formatYears(17.99)).toBe('17');
    expect(formatYears(18)).toBe('18');
    expect(formatYears(7.49)).toBe('7 years 5 months');
    expect(formatYears(3 + 1 / 12)).toBe('3 years 1 month');
  });

  it('formats and parses ISO dates strictly', () => {
    expect(formatDate('2020-03-11')).toBe('11 Mar 2020');
    expect(parseIsoDate('2021-02-29')).toBeNull();
    expect(parseIsoDate('2020-02-29')).toEqual({ y: 2020, m: 2, d: 29 });
    expect(parseIsoDate('2020-3-1')).toBeNull();
  });

  it('counts completed years the legal way, including 29 February birthdays', () => {
    const dob = { y: 2007, m: 6, d: 2 };
    expect(completedYears(dob, { y: 2025, m: 6, d: 1 })).toBe(17);
    expect(completedYears(dob, { y: 2025, m: 6, d: 2 })).toBe(18);
    const leap = { y: 2008, m: 2, d: 29 };
    expect(completedYears(leap, { y: 2026, m: 2, d: 28 })).toBe(17);
    expect(completedYears(leap, { y: 2026, m: 3, d: 1 })).toBe(18);
  });

  it('counts completed months as fractional years', () => {
    expect(completedMonthsAsYears({ y: 2020, m: 1, d: 15 }, { y: 2023, m: 1, d: 14 })).toBeCloseTo(2 + 11 / 12);
    expect(completedMonthsAsYears({ y: 2020, m: 1, d: 15 }, { y: 2023, m: 1, d: 15 })).toBe(3);
  });
});
