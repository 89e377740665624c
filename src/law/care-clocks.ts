/**
 * Foster-care and sponsorship monitoring clocks (issue #18), as one public function the care
 * module calls with the facts of its own records. The rules themselves are data with their
 * sources (src/cases/domain/timelines/default.json: fosterMonthlyInspection,
 * sponsorshipApplicationDecision, sponsorshipAnnualReview, sponsorshipSchoolAbsence), so a
 * state's override (CASE_TIMELINES_FILE) applies here as on cases, and every date carries its
 * citation. This module owns no table: the care module keeps the placements and inspections.
 *
 * - JJ Model Rules 2016 R.23(18), Form 35: a foster family is inspected every month.
 * - Mission Vatsalya guidelines 2022, ch. 4.1 (sponsorship): the Sponsorship and Foster Care
 *   Approval Committee decides an application within three months and reviews each sponsored
 *   child every year; sponsorship is paused when a school-going child is absent from school for
 *   more than 30 days (also JJ Model Rules 2016 R.24).
 */
import { caseTimelineConfig } from '../cases/timelines.config';
import { addDuration, endOfDayIst, istDay, resolveTimelines, type ResolvedRule, type TimelineKey } from '../cases/domain';

export type CareClockKey = Extract<
  TimelineKey,
  'fosterMonthlyInspection' | 'sponsorshipApplicationDecision' | 'sponsorshipAnnualReview' | 'sponsorshipSchoolAbsence'
>;

export interface CareClock {
  key: CareClockKey;
  /** The last IST day the thing is due on (for the school-absence rule: the last day before the pause). */
  dueOn: string;
  /** True once `today` is past `dueOn` (for the school-absence rule: the sponsorship is paused). */
  overdue: boolean;
  statutory: boolean;
  basis: string;
  citation: string;
  form: string | null;
  verification: string;
  /** 'state' when a state's override sets the interval, with whose decision it is. */
  setBy: 'default' | 'state';
  decidedBy: string | null;
}

function clock(key: CareClockKey, rule: ResolvedRule, fromDay: string, today: string): CareClock {
  const dueOn = istDay(addDuration(endOfDayIst(fromDay), rule.within));
  return {
    key,
    dueOn,
    overdue: today > dueOn,
    statutory: rule.statutory,
    basis: rule.basis,
    citation: rule.ruleSource.citation,
    form: rule.ruleSource.form ?? null,
    verification: rule.ruleSource.verification,
    setBy: rule.source,
    decidedBy: rule.decidedBy,
  };
}

/** A foster placement as the care module records it (days are IST YYYY-MM-DD). */
export interface FosterPlacementFacts {
  placedOn: string;
  /** The day of the last monthly inspection (Form 35), if any. */
  lastInspectionOn: string | null;
  /** Set when the placement ended: nothing is owed after. */
  endedOn?: string | null;
}

/** R.23(18): the next monthly inspection of the foster family, a month after the last (or the placement). */
export function fosterCareClocks(p: FosterPlacementFacts, stateCode: string | number | null, today: string): CareClock[] {
  if (p.endedOn) return [];
  const t = resolveTimelines(caseTimelineConfig(), stateCode == null ? null : String(stateCode));
  return [clock('fosterMonthlyInspection', t.fosterMonthlyInspection, p.lastInspectionOn ?? p.placedOn, today)];
}

/** A sponsorship application or sanction as the care or schemes module records it. */
export interface SponsorshipFacts {
  appliedOn: string;
  /** The approval committee's decision (sanction or refusal), if taken. */
  decidedOn: string | null;
  sanctioned: boolean;
  /** The day of the committee's last review of the sponsored child, if any. */
  lastReviewOn: string | null;
  /** Whether the child goes to school: take it from the registry (`schoolGoingFromRegistry`), not a new question. */
  schoolGoing: boolean;
  /** First day of the current unbroken absence from school, if the child is absent now. */
  absentSince: string | null;
  endedOn?: string | null;
}

/**
 * The sponsorship clocks of one child: the decision within three months of the application;
 * once sanctioned, the yearly review (from the last review, else the decision); and, for a
 * school-going child absent now, the 30 days after which the sponsorship is paused.
 */
export function sponsorshipClocks(f: SponsorshipFacts, stateCode: string | number | null, today: string): CareClock[] {
  if (f.endedOn) return [];
  const t = resolveTimelines(caseTimelineConfig(), stateCode == null ? null : String(stateCode));
  const out: CareClock[] = [];
  if (!f.decidedOn) {
    out.push(clock('sponsorshipApplicationDecision', t.sponsorshipApplicationDecision, f.appliedOn, today));
    return out;
  }
  if (!f.sanctioned) return out;
  out.push(clock('sponsorshipAnnualReview', t.sponsorshipAnnualReview, f.lastReviewOn ?? f.decidedOn, today));
  if (f.schoolGoing && f.absentSince) {
    // "more than 30 days": the 30th day after the first day absent is the last day before the pause.
    out.push(clock('sponsorshipSchoolAbsence', t.sponsorshipSchoolAbsence, f.absentSince, today));
  }
  return out;
}

/**
 * A child's circumstances come from the registry record (issue #18): a child counts as
 * school-going when the registry says enrolled. Pass the registry child's `schoolStatus`
 * (read through the registry's own functions, e.g. `getChild`).
 */
export function schoolGoingFromRegistry(schoolStatus: string | null | undefined): boolean {
  return schoolStatus === 'enrolled';
}
