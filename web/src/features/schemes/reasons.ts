import type { Suggestion } from './types';

/**
 * The reasons to list: the facts still to record are said once, in the "would decide it" line
 * under the list (issue #17 saw "would decide it" twice), not also as the engine's own reason.
 */
export function shownReasons(s: Pick<Suggestion, 'status' | 'reasons' | 'reasonDetails' | 'missingFacts'>): string[] {
  const decideLine = s.status === 'maybe' && s.missingFacts.length > 0;
  return s.reasons.filter((_, i) => !(decideLine && s.reasonDetails?.[i]?.code === 'missing_facts'));
}
