import { describe, expect, it } from 'vitest';
import { duration, progressLine } from './progress';

describe('progressLine without a terminal', () => {
  it('writes a line at every tenth and, between tenths, every 30 s with the rate and the time left', () => {
    let t = 0;
    const lines: string[] = [];
    const p = progressLine('Children', { now: () => t, write: (l) => lines.push(l) });
    p(0, 1000);
    t = 10_000;
    p(20, 1000); // same tenth, 10 s later: nothing
    t = 31_000;
    p(50, 1000); // same tenth, 31 s after the last line: a line with the rate
    t = 60_000;
    p(100, 1000); // a new tenth
    t = 61_000;
    p(1000, 1000);
    expect(lines).toEqual([
      'Children: 0% (0/1000)\n',
      'Children: 5% (50/1000, 2/s, 9 min 49 s left)\n',
      'Children: 10% (100/1000, 2/s, 9 min 00 s left)\n',
      'Children: 100% (1000/1000)\n',
    ]);
  });

  it('says long durations in hours and minutes', () => {
    expect(duration(3900)).toBe('1 h 05 min');
    expect(duration(59.6)).toBe('1 min 00 s');
    expect(duration(12)).toBe('12 s');
  });
});
