/**
 * The rules of issue #18, each stated in words from the Act or the Model Rules and checked with a
 * child on each side of it. Fixtures are built from the rule text, not from the code.
 */
import { describe, expect, it } from 'vitest';
import { deriveCase } from './derive';
import { daysAfter, hoursAfter, make, record, T0 } from './testkit';
import { CARE_DOMAINS, CWC_ORDER_FORMS, CWC_ORDER_FORM_RULES, formsForOrderType } from './vocabulary';
import { parseCaseAction } from './actions';
import { validateAction } from './validate';
import { DEFAULT_TIMELINE_CONFIG, TIMELINE_KEYS, safeParseTimelineConfig, withStateOverride } from './timelines';
import defaultJson from './timelines/default.json' with { type: 'json' };

const config = DEFAULT_TIMELINE_CONFIG;
const opened = [make('intake')];
const produced = (adoptionInquiry?: object) =>
  record(config, [
    make('intake'),
    make('produced_before_cwc', { at: hoursAfter(2), producedAt: hoursAfter(1), ...(adoptionInquiry ? { adoptionInquiry } : {}) } as never),
  ]);
const dueOf = (actions: ReturnType<typeof produced>, now = daysAfter(1)) => deriveCase(actions, config, now).due;

describe('CWC order forms (JJ Model Rules 2016)', () => {
  it('Forms 30, 34 and 35 are foster-care records (R.23(9), R.23(17), R.23(18)), not orders: they are not offered', () => {
    for (const f of ['form30', 'form34', 'form35']) {
      expect(CWC_ORDER_FORMS).not.toContain(f);
      const r = parseCaseAction(make('cwc_order', { form: f as never }));
      expect(r.success).toBe(false);
    }
  });

  it('foster care is ordered on Form 32 (R.23(15)), sponsorship on 36 (R.24(5)), aftercare on 37 (R.25(2)), home/SAA on 18, fit person on 19', () => {
    expect(formsForOrderType('foster_care')).toEqual(['form32']);
    expect(formsForOrderType('sponsorship')).toEqual(['form36']);
    expect(formsForOrderType('aftercare')).toEqual(['form37']);
    expect(formsForOrderType('cci_placement')).toEqual(['form18']);
    expect(formsForOrderType('saa_placement')).toEqual(['form18']);
    expect(formsForOrderType('fit_person')).toEqual(['form19']);
    expect(formsForOrderType('lfa_declaration')).toEqual(['form25']);
    for (const r of CWC_ORDER_FORM_RULES) expect(r.citation).toMatch(/Form \d+/);
  });

  it('accepts a foster-care order on Form 32 and refuses it on the sponsorship form', () => {
    const ok = validateAction(
      opened,
      make('cwc_order', { at: hoursAfter(1), orderType: 'foster_care', form: 'form32' }),
      config,
      hoursAfter(1),
    );
    expect(ok.ok).toBe(true);
    const bad = validateAction(
      opened,
      make('cwc_order', { at: hoursAfter(1), orderType: 'foster_care', form: 'form36' }),
      config,
      hoursAfter(1),
    );
    expect(bad).toMatchObject({ ok: false, code: 'WRONG_ORDER_FORM', field: 'form' });
  });

  it('has no CWC adoption order: since 1 Sept 2022 the District Magistrate issues it (s.61); the CWC declares legal freedom (Form 25)', () => {
    expect(CWC_ORDER_FORM_RULES.some((r) => (r.orderTypes as readonly string[]).includes('adoption'))).toBe(false);
    expect(CWC_ORDER_FORM_RULES.find((r) => r.form === 'form25')?.orderTypes).toEqual(['lfa_declaration']);
  });
});

describe('Individual Care Plan (Form 7)', () => {
  it('has ten domains, the tenth being self-care and life-skill training', () => {
    expect(CARE_DOMAINS).toHaveLength(10);
    expect(CARE_DOMAINS).toContain('self_care_life_skills');
  });
});

describe('final order of an orphaned, abandoned or surrendered child follows s.38, not the four months of s.36', () => {
  it('a child with no adoption inquiry: final order within four months of first production (s.36(2))', () => {
    const due = dueOf(produced());
    expect(due.find((d) => d.kind === 'cwc_final_order')).toMatchObject({
      dueAt: expect.stringMatching(/^2025-05-06/),
      citation: 'JJ Act 2015 s.36(2)',
    });
    expect(due.some((d) => d.kind === 'lfa_declaration')).toBe(false);
  });

  it('an abandoned child up to two years: declared legally free within two months of production (s.38(1))', () => {
    const due = dueOf(produced({ category: 'abandoned', upToTwoYears: true }));
    expect(due.some((d) => d.kind === 'cwc_final_order')).toBe(false);
    const lfa = due.find((d) => d.kind === 'lfa_declaration');
    expect(lfa).toMatchObject({ statutory: true, citation: 'JJ Act 2015 s.38(1)' });
    expect(lfa?.dueAt.slice(0, 10)).toBe('2025-03-06');
  });

  it('an orphan above two years: within four months (s.38(1))', () => {
    const lfa = dueOf(produced({ category: 'orphaned', upToTwoYears: false })).find((d) => d.kind === 'lfa_declaration');
    expect(lfa?.dueAt.slice(0, 10)).toBe('2025-05-06');
  });

  it('a surrendered child: the parents have two months from the deed (Form 23) to reconsider (s.35(3))', () => {
    const actions = produced({ category: 'surrendered', upToTwoYears: true, surrenderedOn: '2025-01-06' });
    const due = dueOf(actions);
    expect(due.find((d) => d.kind === 'surrender_reconsideration')).toMatchObject({ citation: 'JJ Act 2015 s.35(3), s.38(2)' });
    expect(due.find((d) => d.kind === 'surrender_reconsideration')?.dueAt.slice(0, 10)).toBe('2025-03-06');
    // Declared free on the last day of the period: refused. The day after: accepted.
    const early = make('cwc_order', {
      at: daysAfter(70),
      kind: 'final',
      orderType: 'lfa_declaration',
      form: 'form25',
      orderedOn: '2025-03-06',
    });
    expect(validateAction(actions, early, config, daysAfter(70))).toMatchObject({
      ok: false,
      code: 'RECONSIDERATION_PERIOD',
      field: 'orderedOn',
    });
    const onTime = make('cwc_order', {
      at: daysAfter(70),
      kind: 'final',
      orderType: 'lfa_declaration',
      form: 'form25',
      orderedOn: '2025-03-07',
    });
    expect(validateAction(actions, onTime, config, daysAfter(70)).ok).toBe(true);
  });

  it('a surrendered child needs the day of the deed', () => {
    const r = parseCaseAction(make('produced_before_cwc', { adoptionInquiry: { category: 'surrendered', upToTwoYears: true } } as never));
    expect(r.success).toBe(false);
  });

  it('a state may not change the parents’ two months to reconsider', () => {
    const r = safeParseTimelineConfig({ ...defaultJson, states: { '27': { surrenderReconsideration: { within: { months: 1 } } } } });
    expect(r.ok).toBe(false);
  });
});

describe('post-restoration follow-up (Form 7: follow-up interactions after two and six months)', () => {
  const restored = () =>
    record(config, [
      make('intake'),
      make('produced_before_cwc', { at: hoursAfter(2), producedAt: hoursAfter(1) }),
      make('cwc_order', { at: daysAfter(1), kind: 'final', orderType: 'restoration', form: 'form44', orderedOn: '2025-01-07' }),
    ]);
  it('is due two months after the restoration order, then six months after it', () => {
    const a = restored();
    expect(
      dueOf(a, daysAfter(2))
        .find((d) => d.kind === 'post_restoration_follow_up')
        ?.dueAt.slice(0, 10),
    ).toBe('2025-03-07');
    const visited = record(config, [...a, make('follow_up_visit', { at: daysAfter(60), visitedOn: '2025-03-06' })]);
    expect(
      dueOf(visited, daysAfter(61))
        .find((d) => d.kind === 'post_restoration_follow_up')
        ?.dueAt.slice(0, 10),
    ).toBe('2025-07-07');
  });

  it('stays configurable per state', () => {
    const c = withStateOverride(config, '27', {
      postRestorationFirstFollowUp: { within: { months: 1 }, decidedBy: 'WCD Maharashtra (illustrative)' },
    });
    const item = deriveCase(restored(), c, daysAfter(2)).due.find((d) => d.kind === 'post_restoration_follow_up');
    expect(item).toMatchObject({ source: 'state', decidedBy: 'WCD Maharashtra (illustrative)' });
    expect(item?.dueAt.slice(0, 10)).toBe('2025-02-07');
  });
});

describe('every timeline carries its source as data', () => {
  it('names the citation, the instrument, the dates and how far it was checked', () => {
    for (const key of TIMELINE_KEYS) {
      const s = config.timelines[key].source;
      expect(s.citation.length, key).toBeGreaterThan(3);
      expect(['official_text', 'secondary_source', 'unverified']).toContain(s.verification);
      expect(s.appliesFrom, key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(config.timelines.escalationResponse.source.instrument).toBe('local_policy');
  });

  it('lists the statutory clocks a district official expects, with their sections', () => {
    const t = config.timelines;
    expect(t.ageDetermination).toMatchObject({ within: { days: 15 }, statutory: true });
    expect(t.ageDetermination.source.citation).toContain('s.94(2)');
    expect(t.escortOrder).toMatchObject({ within: { days: 15 } });
    expect(t.escortOrder.source).toMatchObject({ form: 'Form 45' });
    expect(t.cwcQuarterlyReport.source.citation).toContain('s.36(4)');
    expect(t.fosterMonthlyInspection.source).toMatchObject({ form: 'Form 35' });
    expect(t.sponsorshipApplicationDecision.within).toEqual({ months: 3 });
    expect(t.sponsorshipSchoolAbsence.within).toEqual({ days: 30 });
    expect(t.cwcProduction.basis).toMatch(/excluding the time necessary for the journey/);
  });

  it('refuses a timeline without a source', () => {
    const { source: _s, ...noSource } = defaultJson.timelines.sirSubmission;
    const r = safeParseTimelineConfig({ ...defaultJson, timelines: { ...defaultJson.timelines, sirSubmission: noSource } });
    expect(r.ok).toBe(false);
  });

  it('puts the citation on each due item', () => {
    const item = dueOf(record(config, [make('intake')]), T0)[0];
    expect(item).toMatchObject({
      kind: 'cwc_production',
      citation: 'JJ Act 2015 s.31(1)',
      verification: 'secondary_source',
      decidedBy: null,
    });
  });
});
