/**
 * Foster-care and sponsorship monitoring clocks (issue #18), each rule in words with a child on
 * each side of it. R.23(18): a foster family is inspected every month. Mission Vatsalya 2022
 * (4.1): an application is decided within three months; a sponsored child is reviewed yearly;
 * sponsorship pauses when a school-going child is absent more than 30 days.
 */
import { describe, expect, it } from 'vitest';
import { fosterCareClocks, schoolGoingFromRegistry, sponsorshipClocks } from './care-clocks';

describe('foster care, R.23(18) Form 35', () => {
  it('the next inspection is a month after the last one, cited to R.23(18)', () => {
    const [c] = fosterCareClocks({ placedOn: '2026-01-10', lastInspectionOn: '2026-03-05' }, 27, '2026-04-05');
    expect(c).toMatchObject({ key: 'fosterMonthlyInspection', dueOn: '2026-04-05', overdue: false, form: 'Form 35' });
    expect(c.citation).toContain('R.23(18)');
    expect(fosterCareClocks({ placedOn: '2026-01-10', lastInspectionOn: '2026-03-05' }, 27, '2026-04-06')[0].overdue).toBe(true);
    expect(fosterCareClocks({ placedOn: '2026-01-10', lastInspectionOn: null, endedOn: '2026-02-01' }, 27, '2026-09-01')).toEqual([]);
  });
});

describe('sponsorship, Mission Vatsalya guidelines 2022', () => {
  const base = { appliedOn: '2026-01-15', decidedOn: null, sanctioned: false, lastReviewOn: null, schoolGoing: true, absentSince: null };

  it('an application is decided within three months', () => {
    const [c] = sponsorshipClocks(base, 27, '2026-04-15');
    expect(c).toMatchObject({ key: 'sponsorshipApplicationDecision', dueOn: '2026-04-15', overdue: false });
    expect(sponsorshipClocks(base, 27, '2026-04-16')[0].overdue).toBe(true);
  });

  it('a sanctioned child is reviewed a year after the last review, and paused after 30 days away from school', () => {
    const f = { ...base, decidedOn: '2026-02-01', sanctioned: true, lastReviewOn: '2026-02-01', absentSince: '2026-06-01' };
    const byKey = new Map(sponsorshipClocks(f, 27, '2026-07-01').map((c) => [c.key, c]));
    expect(byKey.get('sponsorshipAnnualReview')).toMatchObject({ dueOn: '2027-02-01', overdue: false });
    expect(byKey.get('sponsorshipSchoolAbsence')).toMatchObject({ dueOn: '2026-07-01', overdue: false });
    expect(sponsorshipClocks(f, 27, '2026-07-02').find((c) => c.key === 'sponsorshipSchoolAbsence')?.overdue).toBe(true);
    // A child the registry does not show as enrolled is not paused for absence.
    const notEnrolled = { ...f, schoolGoing: schoolGoingFromRegistry('not_applicable') };
    expect(sponsorshipClocks(notEnrolled, 27, '2026-07-02').map((c) => c.key)).toEqual(['sponsorshipAnnualReview']);
  });
});
