import { describe, expect, it } from 'vitest';
import defaultJson from './timelines/default.json' with { type: 'json' };
import { deriveCase } from './derive';
import { hoursAfter, make, record } from './testkit';
import {
  DEFAULT_TIMELINE_CONFIG,
  TIMELINE_KEYS,
  TimelineConfigError,
  parseTimelineConfig,
  resolveTimelines,
  safeParseTimelineConfig,
  withStateOverride,
} from './timelines';

const withStates = (states: unknown) => ({ ...defaultJson, states });
const issuesOf = (input: unknown) => {
  const r = safeParseTimelineConfig(input);
  return r.ok ? [] : r.error.issues;
};

describe('timeline config', () => {
  it('ships valid defaults that cite their basis', () => {
    const t = DEFAULT_TIMELINE_CONFIG.timelines;
    expect(t.cwcProduction).toMatchObject({ within: { hours: 24 }, statutory: true });
    expect(t.sirSubmission).toMatchObject({ within: { days: 15 }, statutory: true });
    expect(t.cwcFinalOrder).toMatchObject({ within: { months: 4 }, statutory: true });
    expect(t.cwcProduction.basis).toContain('s.31');
    expect(t.cwcFinalOrder.basis).toContain('s.36(2)');
    // No statutory interval exists for post-restoration follow-up: it must stay a policy setting.
    expect(t.postRestorationFollowUp.statutory).toBe(false);
    expect(t.postRestorationFollowUp.basis).toMatch(/not a statutory interval/);
    for (const key of TIMELINE_KEYS) expect(t[key].basis.length).toBeGreaterThan(20);
  });

  it('applies a state override only to cases in that state', () => {
    const config = withStateOverride(DEFAULT_TIMELINE_CONFIG, '27', {
      cwcProduction: { within: { hours: 12 }, basis: 'Maharashtra SOP (illustrative): produce within 12 hours' },
      carePlanReview: { within: { months: 1 } },
      escalationResponse: { withinByLevel: { block: { days: 1 } } },
    });
    const mh = resolveTimelines(config, '27');
    expect(mh.cwcProduction).toMatchObject({ within: { hours: 12 }, source: 'state', statutory: true });
    expect(mh.carePlanReview).toMatchObject({ within: { months: 1 }, source: 'state' });
    expect(mh.carePlanReview.basis).toBe(DEFAULT_TIMELINE_CONFIG.timelines.carePlanReview.basis);
    expect(mh.escalationResponse.withinByLevel).toEqual({ block: { days: 1 }, district: { days: 2 }, state: { days: 7 } });
    expect(resolveTimelines(config, '9').cwcProduction).toMatchObject({ within: { hours: 24 }, source: 'default' });

    const inMaharashtra = record(config, [make('intake')]);
    const inUttarPradesh = record(config, [make('intake', { location: { stateCode: '9', districtCode: '140' } })]);
    const at13h = hoursAfter(13);
    expect(deriveCase(inMaharashtra, config, at13h).due[0]).toMatchObject({ kind: 'cwc_production', overdue: true, source: 'state' });
    expect(deriveCase(inUttarPradesh, config, at13h).due[0]).toMatchObject({ kind: 'cwc_production', overdue: false, source: 'default' });
  });

  it('refuses a state lengthening a statutory limit, with the provision in the message', () => {
    expect(() => withStateOverride(DEFAULT_TIMELINE_CONFIG, '27', { cwcProduction: { within: { hours: 48 } } })).toThrow(
      TimelineConfigError,
    );
    const issues = issuesOf(withStates({ '27': { sirSubmission: { within: { months: 1 } } } }));
    expect(issues).toEqual([
      {
        path: 'states.27.sirSubmission.within',
        message: expect.stringMatching(/shorten but not lengthen.*1 month is longer than 15 days \(JJ Act 2015 s\.36\(2\)\)/),
      },
    ]);
    // Different units are compared safely: 110 days always fits in 4 months, 5 months never does.
    expect(issuesOf(withStates({ '27': { cwcFinalOrder: { within: { days: 110 } } } }))).toEqual([]);
    expect(issuesOf(withStates({ '27': { cwcFinalOrder: { within: { months: 5 } } } }))).toHaveLength(1);
    // Policy timelines may be lengthened freely.
    expect(issuesOf(withStates({ '27': { referralResponse: { within: { days: 30 } } } }))).toEqual([]);
  });

  it('explains malformed configs field by field', () => {
    const issues = issuesOf(
      withStates({
        MH: {},
        '27': { sirSubmission: { within: { hours: 1, days: 2 } }, carePlanReview: { within: { months: -1 } }, foo: 1 },
      }),
    );
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath['states.MH']).toMatch(/LGD state code/);
    expect(byPath['states.27.sirSubmission.within']).toMatch(/exactly one of hours, days or months/);
    expect(byPath['states.27.carePlanReview.within.months']).toBeDefined();
    expect(byPath['states.27']).toMatch(/foo/);
  });

  it('refuses a config missing a timeline or its basis', () => {
    const { cwcProduction: _dropped, ...rest } = defaultJson.timelines;
    expect(issuesOf({ ...defaultJson, timelines: rest }).map((i) => i.path)).toContain('timelines.cwcProduction');
    const noBasis = {
      ...defaultJson,
      timelines: { ...defaultJson.timelines, transferResponse: { within: { days: 7 }, statutory: false, basis: '' } },
    };
    expect(issuesOf(noBasis)[0]).toMatchObject({ path: 'timelines.transferResponse.basis', message: expect.stringMatching(/cite/) });
    expect(() => parseTimelineConfig({})).toThrow(/Invalid timeline config/);
  });
});
