/**
 * The care module's closed vocabularies, shared by the API, the database checks and the web
 * app (labels come from the module's translations under the same keys).
 */

/**
 * Kinds of institution and the provision behind each. `kind` is the organisation kind it is
 * registered as (src/users/organisation-kinds.ts); `orderBy` says whose order places a child
 * there: children in conflict with law (JJB) are kept apart from children in need of care and
 * protection (CWC) — JJ Act 2015 s.47–49 against s.50–51, s.43.
 */
export const INSTITUTION_TYPES = {
  childrens_home: { kind: 'CCI', orderBy: 'cwc', basis: 'JJ Act 2015 s.50 (Children’s Home)' },
  open_shelter: { kind: 'CCI', orderBy: 'cwc', basis: 'JJ Act 2015 s.43 (Open Shelter)' },
  observation_home: { kind: 'CCI', orderBy: 'jjb', basis: 'JJ Act 2015 s.47 (Observation Home)' },
  special_home: { kind: 'CCI', orderBy: 'jjb', basis: 'JJ Act 2015 s.48 (Special Home)' },
  place_of_safety: { kind: 'CCI', orderBy: 'jjb', basis: 'JJ Act 2015 s.49 (Place of Safety)' },
  saa: { kind: 'SAA', orderBy: 'cwc', basis: 'JJ Act 2015 s.65 (Specialised Adoption Agency)' },
  fit_facility: { kind: 'CCI', orderBy: 'cwc', basis: 'JJ Act 2015 s.51 (Fit Facility)' },
} as const;
export type InstitutionType = keyof typeof INSTITUTION_TYPES;
export const INSTITUTION_TYPE_KEYS = Object.keys(INSTITUTION_TYPES) as [InstitutionType, ...InstitutionType[]];

export const MANAGEMENTS = ['government', 'ngo'] as const;

/** What an institution specialises in (seed 002: children with disabilities, among others). */
export const SPECIALISATIONS = [
  'children_with_disabilities',
  'infants',
  'girls',
  'boys',
  'substance_use',
  'mental_health',
  'trafficking_survivors',
  'street_connected',
] as const;

/** Sanctioned capacity is counted per sex and age band; 'any' is a slot shared by all. */
export const CAPACITY_SEXES = ['female', 'male', 'any'] as const;
export const AGE_BANDS = ['0-5', '6-11', '12-15', '16-17', '18+', 'any'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * The CWC orders that place a child in an institution (src/cases/domain/vocabulary.ts
 * CWC_ORDER_TYPES; JJ Act 2015 s.37(1)(c), s.65, s.51). Orders are referenced by these codes,
 * never redefined here.
 */
export const PLACING_CWC_ORDERS = ['cci_placement', 'saa_placement', 'fit_facility'] as const;
/** Orders of a JJB for a child in conflict with law (JJ Act 2015 s.12 bail to a place of safety / observation home, s.18(1)(g) special home). */
export const JJB_ORDERS = ['observation', 'special_home', 'place_of_safety'] as const;

export const STAY_STATUSES = ['in_care', 'on_leave', 'absconded', 'left'] as const;
export type StayStatus = (typeof STAY_STATUSES)[number];

/** Why a stay ended; each maps to the registry care status the child moves to (registry.events.ts). */
export const DISCHARGE_REASONS = [
  'restored_to_family',
  'kinship_care',
  'foster_care',
  'adopted',
  'aftercare',
  'transferred',
  'aged_out',
  'absconded_not_traced',
  'died',
  'other',
] as const;
export type DischargeReason = (typeof DISCHARGE_REASONS)[number];

/** Family-based options a gatekeeping assessment must weigh before institutional care. */
export const FAMILY_OPTIONS = ['own_family', 'kinship', 'foster_care', 'sponsorship'] as const;
export const GATEKEEPING_DECISIONS = ['institution', ...FAMILY_OPTIONS] as const;

/** The ICP's order of preference for care (JJ Model Rules 2016 Form 7), most preferred first. */
export const ICP_PREFERENCES = [
  'own_family',
  'kinship',
  'in_country_adoption',
  'foster_care',
  'inter_country_adoption',
  'institution',
] as const;
/** The ICP's domains (Form 7); the same words as the case module's CARE_DOMAINS. */
export const ICP_DOMAINS = [
  'health',
  'emotional_psychological',
  'education_training',
  'leisure',
  'attachments',
  'religious_beliefs',
  'protection_from_abuse',
  'social_mainstreaming',
  'follow_up_after_restoration',
] as const;
export const REVIEW_OUTCOMES = ['continue', 'revise_plan', 'ready_for_restoration', 'ready_for_family_based_care'] as const;

/** The reintegration pathway (the Centers for Excellence' case management), in order. */
export const PATHWAY_STAGES = [
  'identified',
  'family_assessment',
  'family_preparation',
  'restoration_ordered',
  'restored',
  'follow_up',
  'closed',
  're_entered',
] as const;
export type PathwayStage = (typeof PATHWAY_STAGES)[number];

/**
 * The kind of a reintegration pathway: to whom the child is to be restored (JJ Act 2015 s.40: the
 * CWC restores a child to the parents, a guardian or a fit person). `kinship`: relatives taking the
 * child as guardians.
 */
export const PATHWAY_KINDS = ['parents', 'kinship', 'fit_person'] as const;
export type PathwayKind = (typeof PATHWAY_KINDS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const FAMILY_PLACEMENT_KINDS = ['kinship', 'foster', 'group_foster', 'sponsorship', 'aftercare'] as const;
