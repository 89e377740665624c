import { addMonths } from './timelines';

/**
 * Why a family-based placement ends, on the CWC's order (JJ Act 2015 s.37, s.44(6)), and what
 * the child's care status becomes in the registry. A disruption or a transfer leaves the status
 * to the next order (an admission or another placement sets it): the ending alone does not say
 * where the child lives.
 */
export const PLACEMENT_END_REASONS = ['restored_to_family', 'adopted', 'turned_18', 'disruption', 'transfer'] as const;
export type PlacementEndReason = (typeof PLACEMENT_END_REASONS)[number];

export function careStatusAfterPlacement(reason: PlacementEndReason): string | null {
  switch (reason) {
    case 'restored_to_family':
      return 'birth_family';
    case 'adopted':
      return 'adopted';
    // A care leaver of 18 may be supported until 21 (s.46): the aftercare plan follows.
    case 'turned_18':
      return 'aftercare';
    case 'disruption':
    case 'transfer':
      return null;
  }
}

/** Reasons a placement cannot end so (or null): "turned 18" only on or after the 18th birthday. */
export function placementEndProblem(
  reason: PlacementEndReason,
  endedOn: string,
  dob: string | null,
): { field: string; message: string } | null {
  if (reason === 'turned_18' && dob) {
    const eighteen = addMonths(dob, 18 * 12);
    if (endedOn < eighteen) return { field: 'endedOn', message: `the child turns 18 on ${eighteen}` };
  }
  return null;
}
