import type { AgeBand, DischargeReason, PathwayStage, StayStatus } from './vocabulary';
import { FAMILY_OPTIONS, PATHWAY_STAGES } from './vocabulary';
import { addDaysTo, addMonths, careTimelines } from './timelines';

/** Pure rules of the care module: no I/O, shared by the service and tests. */

export interface CapacitySlot {
  sex: 'female' | 'male' | 'any';
  ageBand: AgeBand;
  places: number;
}
export interface InspectionFinding {
  area: string;
  finding: string;
  severity: 'minor' | 'major' | 'critical';
}
export interface InspectionFollowUp {
  description: string;
  department: string;
  dueDate: string;
  convergenceActionId: string | null;
}
export interface GatekeepingOption {
  option: (typeof FAMILY_OPTIONS)[number];
  suitable: boolean;
  reason: string;
}
export interface PlanGoal {
  domain: string;
  need: string;
  intervention: string;
  responsible?: string;
}
export interface PathwayStep {
  stage: PathwayStage;
  on: string;
  note?: string | null;
}
export interface FollowUpPlanned {
  dueOn: string;
}

/** The age band a child of `age` whole years falls in (capacity is sanctioned per band). */
export function ageBandOf(age: number | null): AgeBand {
  if (age == null) return 'any';
  if (age <= 5) return '0-5';
  if (age <= 11) return '6-11';
  if (age <= 15) return '12-15';
  if (age <= 17) return '16-17';
  return '18+';
}

/** Whole years between two calendar days. */
export function yearsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

/**
 * The sanctioned slot a child counts against: the most specific one that fits (sex and band,
 * then sex with any band, any sex with the band, any/any). Null: the institution has no
 * sanctioned place for this child at all.
 */
export function slotFor(capacity: readonly CapacitySlot[], sex: string, band: AgeBand): CapacitySlot | null {
  const s = sex === 'female' || sex === 'male' ? sex : 'any';
  const tries: [string, string][] = [
    [s, band],
    [s, 'any'],
    ['any', band],
    ['any', 'any'],
  ];
  for (const [x, b] of tries) {
    const hit = capacity.find((c) => c.sex === x && c.ageBand === b);
    if (hit) return hit;
  }
  return null;
}

export const slotKey = (c: Pick<CapacitySlot, 'sex' | 'ageBand'>) => `${c.sex}|${c.ageBand}`;

/** Children in care counted against each slot of an institution (the live occupancy). */
export function occupancyBySlot(capacity: readonly CapacitySlot[], stays: readonly { sex: string; ageBand: string }[]) {
  const counts = new Map<string, number>();
  let unslotted = 0;
  for (const st of stays) {
    const slot = slotFor(capacity, st.sex, st.ageBand as AgeBand);
    if (!slot) unslotted++;
    else counts.set(slotKey(slot), (counts.get(slotKey(slot)) ?? 0) + 1);
  }
  return {
    slots: capacity.map((c) => ({ ...c, occupied: counts.get(slotKey(c)) ?? 0 })),
    unslotted,
  };
}

/** Registration under JJ Act 2015 s.41: valid, renewal due (within the warning period) or lapsed. */
export function registrationStatus(validUntil: string, today: string): 'valid' | 'renewal_due' | 'lapsed' {
  if (validUntil < today) return 'lapsed';
  return addDaysTo(today, careTimelines().registrationRenewal.warnDaysBefore) >= validUntil ? 'renewal_due' : 'valid';
}

/** Moves during a stay and the status each leads to; anything else is refused. */
const MOVES: Record<string, { from: readonly StayStatus[]; to: StayStatus }> = {
  leave: { from: ['in_care'], to: 'on_leave' },
  returned: { from: ['on_leave', 'absconded'], to: 'in_care' },
  ran_away: { from: ['in_care', 'on_leave'], to: 'absconded' },
  discharge: { from: ['in_care', 'on_leave', 'absconded'], to: 'left' },
  transfer: { from: ['in_care', 'on_leave'], to: 'left' },
};
export type StayMove = keyof typeof MOVES;
export const STAY_MOVES = Object.keys(MOVES) as [StayMove, ...StayMove[]];

export function nextStayStatus(from: StayStatus, move: StayMove): StayStatus | null {
  const m = MOVES[move];
  return m.from.includes(from) ? m.to : null;
}
export const allowedMoves = (from: StayStatus): StayMove[] => STAY_MOVES.filter((m) => MOVES[m].from.includes(from));

/** The registry care status a child moves to when a stay ends for `reason` (null: leave it as is). */
export function careStatusAfterDischarge(reason: DischargeReason): string | null {
  switch (reason) {
    case 'restored_to_family':
      return 'birth_family';
    case 'kinship_care':
      return 'kinship_care';
    case 'foster_care':
      return 'foster_care';
    case 'adopted':
      return 'adopted';
    case 'aftercare':
      return 'aftercare';
    case 'absconded_not_traced':
      return 'missing';
    default:
      return null;
  }
}

/**
 * A gatekeeping assessment's problems: every family-based option weighed, each with a reason;
 * a decision for institutional care only when none was suitable, and a diversion only to an
 * option found suitable (JJ Act 2015 s.3(xii): institutionalisation is a measure of last resort).
 */
export function gatekeepingProblems(options: readonly GatekeepingOption[], decision: string): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const seen = new Set(options.map((o) => o.option));
  for (const o of FAMILY_OPTIONS)
    if (!seen.has(o))
      out.push({ field: 'options', message: `the option "${o}" was not considered (every family-based option is weighed)` });
  if (seen.size !== options.length) out.push({ field: 'options', message: 'an option is listed twice' });
  if (decision === 'institution') {
    const ok = options.findIndex((o) => o.suitable);
    if (ok >= 0)
      out.push({
        field: `options.${ok}.suitable`,
        message: 'a family-based option was found suitable: institutional care is a last resort',
      });
  } else if (!options.some((o) => o.option === decision && o.suitable)) {
    out.push({ field: 'decision', message: 'must be an option the assessment found suitable' });
  }
  return out;
}

/** The ICP's first due date after admission and the next review after a review. */
export const icpDueAfterAdmission = (admittedOn: string) => addDaysTo(admittedOn, careTimelines().icpPreparation.withinDays);
export const nextReviewAfter = (day: string) => addMonths(day, careTimelines().icpReview.everyMonths);

/** The follow-up visits after a restoration on `restoredOn` (the configured schedule). */
export const followUpSchedule = (restoredOn: string) =>
  careTimelines().postRestorationFollowUps.atMonths.map((m) => addMonths(restoredOn, m));

/** True from 17 years 6 months (the configured age) until 18: an aftercare plan is due (s.46). */
export function aftercareDue(dob: string | null, today: string): boolean {
  if (!dob) return false;
  const flag = addMonths(dob, careTimelines().aftercareFlag.atMonths);
  return flag <= today && addMonths(dob, 18 * 12) > today;
}

/** A pathway moves forward one stage at a time, may close from follow-up, and re-entry ends it from any stage after restoration. */
export function pathwayMoveProblem(from: PathwayStage, to: PathwayStage): string | null {
  const i = PATHWAY_STAGES.indexOf(from);
  const j = PATHWAY_STAGES.indexOf(to);
  if (from === 'closed' || from === 're_entered') return `the pathway has ended (${from})`;
  if (to === 're_entered') return i >= PATHWAY_STAGES.indexOf('restored') ? null : 'only a restored child can re-enter care';
  if (j === i + 1) return null;
  return `from ${from} the next stage is ${PATHWAY_STAGES[i + 1]}`;
}
