import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { triage, ROUTE_PRECEDENCE } from './triage';
import { CALL_CATEGORIES, URGENCIES, type CallCategory } from './vocabulary';
import { TRIAGE_TABLES, triageTableFor, triageTableSchema } from '../triage.data';
import { figures, isDueSoon, median, percentile } from './response-times';

const MH = triageTableFor(27, '2026-12-01');
const NATIONAL = triageTableFor(0, '2026-12-01');

describe('triage rules (data)', () => {
  it('are valid data with a cited source, per state', () => {
    for (const t of TRIAGE_TABLES) expect(triageTableSchema.safeParse(t).success).toBe(true);
    expect(MH.state).toBe(27);
    expect(MH.source).toMatch(/Mission Vatsalya/);
    // Before any table is in force, or for a state without one, the national table.
    expect(triageTableFor(9, '2026-12-01').state).toBe(0);
  });

  it('refuse an emergency rule without a response target', () => {
    const bad = {
      ...NATIONAL,
      rules: [{ id: 'x', categories: ['rescue'], urgencies: ['emergency'], route: 'district_unit', targetMinutes: null }],
    };
    const r = triageTableSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['rules', 0, 'targetMinutes']);
  });
});

describe('triage', () => {
  it('sends a child in danger to the police through 112 within 60 minutes', () => {
    const d = triage(MH, { categories: ['rescue'], urgency: 'emergency' });
    expect(d).toMatchObject({ route: 'police_112', targetMinutes: 60, table: { state: 27, version: 'MH-2026-1' } });
  });

  it('sends a child marriage to 181 and a girl at risk to 181 as well as 112', () => {
    expect(triage(MH, { categories: ['child_marriage'], urgency: 'non_emergency' }).route).toBe('womens_181');
    const girl = triage(MH, { categories: ['abuse'], urgency: 'emergency', anyGirl: true });
    expect(girl.route).toBe('police_112');
    expect(girl.alsoNotify).toContain('womens_181');
    expect(triage(MH, { categories: ['abuse'], urgency: 'emergency', anyGirl: false }).alsoNotify).not.toContain('womens_181');
  });

  it('uses the state table: a found child at a station goes to the railway desk within 45 minutes in Maharashtra, 60 elsewhere', () => {
    expect(triage(MH, { categories: ['found_sighting'], urgency: 'emergency', atStation: true })).toMatchObject({
      route: 'railway_desk',
      targetMinutes: 45,
    });
    expect(triage(NATIONAL, { categories: ['found_sighting'], urgency: 'emergency', atStation: true }).targetMinutes).toBe(60);
    // Not at a station: the district unit, never the railway desk.
    expect(triage(MH, { categories: ['found_sighting'], urgency: 'emergency' }).route).toBe('district_unit');
    expect(triage(MH, { categories: ['found_sighting'], urgency: 'non_emergency' }).route).toBe('district_unit');
  });

  it('gives advice only, with no clock, for a request for information', () => {
    expect(triage(MH, { categories: ['information'], urgency: 'information' })).toMatchObject({
      route: 'advice_only',
      targetMinutes: null,
    });
  });

  const categoriesArb = fc.uniqueArray(fc.constantFrom(...CALL_CATEGORIES), { minLength: 1, maxLength: 5 });
  const inputArb = fc.record({ categories: categoriesArb, urgency: fc.constantFrom(...URGENCIES), anyGirl: fc.boolean() });

  it('property: every emergency about a child (not information only) has a target of at most a day', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        fc.pre(i.urgency === 'emergency' && i.categories.some((c) => c !== 'information'));
        const d = triage(MH, i);
        expect(d.targetMinutes).not.toBeNull();
        expect(d.targetMinutes!).toBeLessThanOrEqual(24 * 60);
      }),
    );
  });

  it('property: adding a category never loosens the target nor softens the route', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...CALL_CATEGORIES), (i, extra) => {
        fc.pre(!i.categories.includes(extra));
        const before = triage(MH, i);
        const after = triage(MH, { ...i, categories: [...i.categories, extra] as CallCategory[] });
        // Only when rules matched before (the fallback is not a rule).
        fc.pre(before.ruleIds.length > 0);
        if (before.targetMinutes != null) expect(after.targetMinutes!).toBeLessThanOrEqual(before.targetMinutes);
        expect(ROUTE_PRECEDENCE.indexOf(after.route)).toBeLessThanOrEqual(ROUTE_PRECEDENCE.indexOf(before.route));
      }),
    );
  });

  it('property: the decision does not depend on the order categories were ticked', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const a = triage(MH, i);
        const b = triage(MH, { ...i, categories: [...i.categories].reverse() });
        expect({ ...b, ruleIds: [...b.ruleIds].sort() }).toEqual({ ...a, ruleIds: [...a.ruleIds].sort() });
      }),
    );
  });
});

describe('response times', () => {
  const t0 = new Date('2026-12-01T04:30:00Z');
  const at = (min: number) => new Date(t0.getTime() + min * 60_000);
  it('median, 90th percentile and the share reached within target over the calls whose time is up', () => {
    const calls = [
      { receivedAt: t0, reachedAt: at(30), targetMinutes: 60, categories: ['rescue'], route: 'police_112' },
      { receivedAt: t0, reachedAt: at(90), targetMinutes: 60, categories: ['rescue'], route: 'police_112' },
      { receivedAt: t0, reachedAt: null, targetMinutes: 60, categories: ['abuse'], route: 'police_112' }, // overdue at +120
      { receivedAt: at(100), reachedAt: null, targetMinutes: 60, categories: ['abuse'], route: 'police_112' }, // still in its window
      { receivedAt: t0, reachedAt: null, targetMinutes: null, categories: ['information'], route: 'advice_only' },
    ];
    const f = figures(calls, at(120));
    expect(f).toMatchObject({ calls: 5, withTarget: 4, reached: 2, reachedWithinTarget: 1, medianMinutes: 60, p90Minutes: 90 });
    expect(f.withinTargetPercent).toBeCloseTo(33.3, 1);
  });
  it('warns within the window before the target, not after it is missed or once the child is reached', () => {
    const c = { receivedAt: t0, reachedAt: null, targetMinutes: 60 };
    expect(isDueSoon(c, at(44), 15)).toBe(false);
    expect(isDueSoon(c, at(45), 15)).toBe(true);
    expect(isDueSoon(c, at(61), 15)).toBe(false);
    expect(isDueSoon({ ...c, reachedAt: at(50) }, at(55), 15)).toBe(false);
    expect(isDueSoon({ ...c, targetMinutes: null }, at(55), 15)).toBe(false);
  });
  it('percentile and median of nothing are null', () => {
    expect(median([])).toBeNull();
    expect(percentile([], 90)).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });
});
