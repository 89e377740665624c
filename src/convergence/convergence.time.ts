import type { IsoDate } from './domain';
import { istDayOf } from '../kernel/clock';

/** The calendar day in India (IST, UTC+5:30) of an instant: due dates and meetings are Indian days. */
export function istDay(at: Date): IsoDate {
  return istDayOf(at);
}

/** A non-identifying reference for what the group discusses (JJ Act 2015 s.74: no names on agendas and notes). */
export function subjectRef(s: {
  caseNumber?: number | null;
  familyId?: string | null;
  childId?: string | null;
  issueId?: string | null;
}): string | null {
  if (s.caseNumber != null) return `C-${s.caseNumber}`;
  if (s.familyId) return `F-${s.familyId.slice(0, 8).toUpperCase()}`;
  if (s.childId) return `K-${s.childId.slice(0, 8).toUpperCase()}`;
  if (s.issueId) return `BP-${s.issueId.slice(0, 8).toUpperCase()}`;
  return null;
}
