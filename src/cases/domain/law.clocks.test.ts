/**
 * The statutory clocks issue #18 adds to a case, each stated in the Act's words and checked on
 * each side of its limit: journey time excluded from the 24 hours (s.31(1)), the medical age
 * test completed within fifteen days of the order (s.94(2)(iii)), the escort order within fifteen
 * days of a finalised transfer (s.95(2)).
 */
import { describe, expect, it } from 'vitest';
import { deriveCase } from './derive';
import { daysAfter, hoursAfter, make, record, UNITS } from './testkit';
import { validateAction } from './validate';
import { DEFAULT_TIMELINE_CONFIG } from './timelines';
import { upToTwoYearsOn } from './time';

const config = DEFAULT_TIMELINE_CONFIG;
const dueKind = (actions: ReturnType<typeof record>, kind: string, now: string) =>
  deriveCase(actions, config, now).due.find((d) => d.kind === kind);

describe('s.31(1): produced within 24 hours, excluding the time necessary for the journey', () => {
  it('a three-hour journey moves the production clock by three hours', () => {
    const plain = record(config, [make('intake')]);
    const withJourney = record(config, [make('intake'), make('journey_recorded', { at: hoursAfter(1), minutes: 180 })]);
    const at25h = hoursAfter(25);
    expect(dueKind(plain, 'cwc_production', at25h)).toMatchObject({ dueAt: hoursAfter(24), overdue: true });
    expect(dueKind(withJourney, 'cwc_production', at25h)).toMatchObject({ dueAt: hoursAfter(27), overdue: false });
    expect(dueKind(withJourney, 'cwc_production', hoursAfter(27.5))?.overdue).toBe(true);
  });

  it('journey time is recorded only while production is owed', () => {
    const produced = record(config, [make('intake'), make('produced_before_cwc', { at: hoursAfter(2), producedAt: hoursAfter(1) })]);
    const r = validateAction(produced, make('journey_recorded', { at: hoursAfter(3) }), config, hoursAfter(3));
    expect(r).toMatchObject({ ok: false, code: 'PRODUCTION_NOT_OWED' });
  });
});

describe('s.94(2): age determination', () => {
  const produced = () => record(config, [make('intake'), make('produced_before_cwc', { at: hoursAfter(2), producedAt: hoursAfter(1) })]);

  it('a medical test ordered on 6 January is due by the end of 21 January; determining the age ends the clock', () => {
    const ordered = record(config, [...produced(), make('age_test_ordered', { at: hoursAfter(3), orderedOn: '2025-01-06' })]);
    const item = dueKind(ordered, 'age_determination', daysAfter(15));
    expect(item).toMatchObject({ dueAt: '2025-01-21T18:29:59.999Z', overdue: false, citation: 'JJ Act 2015 s.94(2)' });
    expect(dueKind(ordered, 'age_determination', daysAfter(16))?.overdue).toBe(true);
    const done = record(config, [
      ...ordered,
      make('age_determined', { at: daysAfter(10), determinedOn: '2025-01-16', basis: 'medical_test', dateOfBirth: '2010-06-01' }),
    ]);
    expect(dueKind(done, 'age_determination', daysAfter(20))).toBeUndefined();
    expect(deriveCase(done, config, daysAfter(20)).cwc.ageDetermination).toEqual({
      determinedOn: '2025-01-16',
      dateOfBirth: '2010-06-01',
      basis: 'medical_test',
    });
  });

  it('a medical test is the basis only once the Committee ordered one (documents come first)', () => {
    const r = validateAction(produced(), make('age_determined', { at: hoursAfter(3), basis: 'medical_test' }), config, hoursAfter(3));
    expect(r).toMatchObject({ ok: false, code: 'AGE_TEST_NOT_ORDERED', field: 'basis' });
    const ok = validateAction(produced(), make('age_determined', { at: hoursAfter(3), basis: 'birth_certificate' }), config, hoursAfter(3));
    expect(ok.ok).toBe(true);
  });

  it('s.38(1) "up to two years": the second birthday is the last day', () => {
    expect(upToTwoYearsOn('2023-03-10', '2025-03-10')).toBe(true);
    expect(upToTwoYearsOn('2023-03-10', '2025-03-11')).toBe(false);
  });
});

describe('s.95(2): the escort order within fifteen days of the finalised transfer', () => {
  const transferred = () =>
    record(config, [
      make('intake'),
      make('transfer_requested', { at: hoursAfter(1), unit: UNITS.dcpu }),
      make('transfer_accepted', { at: daysAfter(1), unit: UNITS.dcpuAkola, by: 'user:dcpo-akola' }),
    ]);

  it('is owed 15 days after the transfer was accepted, and no longer once given', () => {
    expect(dueKind(transferred(), 'escort_order', daysAfter(15))).toMatchObject({ dueAt: daysAfter(16), overdue: false });
    expect(dueKind(transferred(), 'escort_order', daysAfter(17))?.overdue).toBe(true);
    const given = record(config, [
      ...transferred(),
      make('escort_ordered', { at: daysAfter(3), unit: UNITS.dcpuAkola, orderedOn: '2025-01-09', toDistrictCode: '467' }),
    ]);
    expect(dueKind(given, 'escort_order', daysAfter(17))).toBeUndefined();
  });

  it('a restoration escort to the district the case is in is refused', () => {
    const opened = record(config, [make('intake')]);
    const r = validateAction(
      opened,
      make('escort_ordered', { at: hoursAfter(1), purpose: 'restoration', toDistrictCode: '468' }),
      config,
      hoursAfter(1),
    );
    expect(r).toMatchObject({ ok: false, code: 'SAME_DISTRICT' });
  });
});
