import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, istDay, thisMonthIst, todayIst } from './clock';

/** Issue #17: one IST-day helper in the web app, the server's own arithmetic. */
describe('the web app clock', () => {
  afterEach(() => vi.useRealTimers());

  it('is the IST day, not the UTC or the browser day: 00:30 IST on 1 January is already 1 January', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-31T19:00:00Z'));
    expect(todayIst()).toBe('2027-01-01');
    expect(thisMonthIst()).toBe('2027-01');
    vi.setSystemTime(new Date('2026-12-31T18:29:59Z'));
    expect(todayIst()).toBe('2026-12-31');
    expect(istDay('2026-12-31T18:30:00Z')).toBe('2027-01-01');
    expect(istDay(Date.parse('2026-12-31T18:30:00Z'))).toBe('2027-01-01');
    expect(addDays('2027-01-01', 30)).toBe('2027-01-31');
  });

  it('has no copies: no other web source computes the IST offset or takes a UTC day as today', () => {
    const root = join(__dirname, '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !p.endsWith(join('app', 'clock.ts'))) files.push(p);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((p) => {
      const s = readFileSync(p, 'utf8');
      return /330 \* 60|19_?800_?000|5\.5 \* 3600|new Date\(\)\.toISOString\(\)\.slice\(0, 10\)|const todayIst =/.test(s);
    });
    expect(offenders.map((p) => p.slice(root.length + 1))).toEqual([]);
  });
});
