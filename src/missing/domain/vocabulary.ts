/**
 * Vocabularies of the missing and found children module, shared by the API and the web app
 * (labels come from the i18n files under the same keys).
 */
export const RECORD_KINDS = ['missing', 'found'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** pending_moderation: a public submission nobody has checked yet; open: being matched. */
export const RECORD_STATUSES = ['pending_moderation', 'open', 'matched', 'rejected', 'closed'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** Who reported a missing child (Khoya-Paaya: citizens; TrackChild: police stations). */
export const MISSING_SOURCES = ['police', 'helpline', 'parent', 'citizen', 'cwc', 'dcpu', 'ngo', 'other'] as const;
/** Who found the child (JJ Act 2015 s.31(1): police, public servants, the helpline, NGOs, any citizen). */
export const FOUND_SOURCES = ['police', 'railway_police', 'cci', 'cwc', 'helpline', 'citizen', 'dcpu', 'ngo', 'other'] as const;
export const SOURCES = [...new Set([...MISSING_SOURCES, ...FOUND_SOURCES])] as const;

/** Where a found child is now. */
export const CURRENT_CARE = ['cci', 'shelter_home', 'police', 'hospital', 'with_finder', 'with_family', 'unknown'] as const;

export const MATCH_STATUSES = ['proposed', 'confirmed', 'rejected', 'superseded'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export const RESTORATION_STATUSES = ['awaiting_case', 'case_opened', 'restored', 'closed'] as const;
export type RestorationStatus = (typeof RESTORATION_STATUSES)[number];

/** Public references (MR-…, FC-…) are random: domain/reference.ts. */

/** Ages: a missing child was under 18 when last seen (JJ Act 2015 s.2(12)); a found child's age is an estimate. */
export const MAX_AGE = { missing: 17.9, found: 21 } as const;
/** Dates older than this are refused as impossible for a child's record. */
export const MAX_YEARS_BACK = 25;
