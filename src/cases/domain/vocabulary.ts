/**
 * Closed vocabularies of the CNCP case record. They are shared by the action
 * schemas, the derivation and the validation so that one word means one thing
 * across the API, the database and the web app.
 */

/**
 * Governance levels a case moves through, lowest first. The Amravati–Akola
 * convergence model escalates village (VCPC) → block/taluka (TCPC) → district
 * (DCPU/CWC) → state (SCPS); ICPS/Mission Vatsalya guidelines set up child
 * protection committees at the same levels.
 */
export const LEVELS = ['village', 'block', 'district', 'state'] as const;
export type Level = (typeof LEVELS)[number];

/** Position of a level in LEVELS (village = 0). */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** The level directly above `level`, or null at the top (state). */
export function levelAbove(level: Level): Level | null {
  return LEVELS[levelRank(level) + 1] ?? null;
}

/** The level directly below `level`, or null at the bottom (village). */
export function levelBelow(level: Level): Level | null {
  const rank = levelRank(level);
  return rank > 0 ? LEVELS[rank - 1] : null;
}

/**
 * Who brought the child to notice. JJ Act 2015 s.31(1) lists who may produce a
 * CNCP (police, public servants, Childline/helpline, NGOs, social workers, the
 * child, any nurse/doctor/hospital); the village bodies (VCPC, Bal Panchayat,
 * Anganwadi, ASHA, school) are the entry points of the convergence model.
 */
export const INTAKE_SOURCES = [
  'vcpc',
  'bal_panchayat',
  'anganwadi',
  'asha',
  'school',
  'police',
  'helpline',
  'walk_in',
  'convergence_group',
  'ngo',
  'cwc_direct',
] as const;
export type IntakeSource = (typeof INTAKE_SOURCES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * Domains of the Individual Care Plan, JJ Model Rules 2016 Form 7. Assessment
 * needs, SIR findings and referrals use the same domains so that a need can be
 * matched to the service that meets it (service-gap analysis).
 */
export const CARE_DOMAINS = [
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
export type CareDomain = (typeof CARE_DOMAINS)[number];

/**
 * Social Investigation Report (Form 22) sections beyond the ICP domains: the
 * SIR also records the family and its economic situation.
 */
export const SIR_DOMAINS = [...CARE_DOMAINS, 'family_background', 'economic_status', 'living_conditions'] as const;
export type SirDomain = (typeof SIR_DOMAINS)[number];

/**
 * Care options in the ICP's order of preference (JJ Model Rules 2016 Form 7;
 * JJ Act 2015 s.3(xii) principle of institutionalisation as a last resort).
 * The array order IS the preference order: index 0 is the most preferred.
 */
export const CARE_OPTIONS = [
  'own_family',
  'kinship',
  'in_country_adoption',
  'foster_care',
  'inter_country_adoption',
  'institution',
] as const;
export type CareOption = (typeof CARE_OPTIONS)[number];

/**
 * Care options that only a CWC order can bring about: adoption needs a
 * declaration of legal freedom (s.38), foster care and institutional placement
 * are orders under s.37(1).
 */
export const CWC_ORDERED_CARE_OPTIONS: readonly CareOption[] = [
  'in_country_adoption',
  'foster_care',
  'inter_country_adoption',
  'institution',
];

/** Kinds of CWC order (JJ Act 2015 s.37(1) lists the orders a CWC may pass). */
export const CWC_ORDER_TYPES = [
  'restoration',
  'kinship_care',
  'foster_care',
  'sponsorship',
  'cci_placement',
  'saa_placement',
  'fit_facility',
  'fit_person',
  'lfa_declaration',
  'aftercare',
  'other',
] as const;
export type CwcOrderType = (typeof CWC_ORDER_TYPES)[number];

export const CWC_ORDER_KINDS = ['interim', 'final'] as const;
export type CwcOrderKind = (typeof CWC_ORDER_KINDS)[number];

/** JJ Model Rules 2016 forms a CWC order can be issued on. */
export const CWC_ORDER_FORMS = ['form44', 'form25', 'form30', 'form34', 'form35', 'other'] as const;
export type CwcOrderForm = (typeof CWC_ORDER_FORMS)[number];

export const PROVIDER_KINDS = ['department', 'ngo'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const REVIEW_OUTCOMES = ['continue', 'revise_plan', 'ready_for_closure'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const CLOSURE_REASONS = [
  'restored_to_family',
  'family_based_care',
  'aged_out',
  'transferred',
  'died',
  'duplicate',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/**
 * Closure reasons that end the case whatever work is still open: the child
 * died, the record is a duplicate, or the case left this system's scope. Open
 * referrals are cancelled with the case instead of blocking its closure.
 */
export const TERMINAL_CLOSURE_REASONS: readonly ClosureReason[] = ['died', 'duplicate', 'transferred'];
