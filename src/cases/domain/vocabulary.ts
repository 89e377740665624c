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
  // Form 7 (as amended 2022) lists self-care and life-skill training as its own domain.
  'self_care_life_skills',
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

/**
 * Why a child's case is an adoption inquiry under JJ Act 2015 s.38: orphaned or abandoned (the CWC
 * declares the child legally free within 2 or 4 months of production, s.38(1)) or surrendered by the
 * parents (the declaration follows the two months they have to reconsider, s.35(3), s.38(2)).
 */
export const ADOPTION_INQUIRY_CATEGORIES = ['orphaned', 'abandoned', 'surrendered'] as const;
export type AdoptionInquiryCategory = (typeof ADOPTION_INQUIRY_CATEGORIES)[number];

export const CWC_ORDER_KINDS = ['interim', 'final'] as const;
export type CwcOrderKind = (typeof CWC_ORDER_KINDS)[number];

/**
 * JJ Model Rules 2016 forms a CWC order is issued on. Forms 30, 34 and 35 are NOT orders (the
 * foster-parent home study R.23(9), the record of a child in foster care R.23(17) and the monthly
 * inspection of foster families R.23(18)); the placement orders are listed here with their rule in
 * `CWC_ORDER_FORM_RULES` (issue #18). An adoption order is not a CWC order at all: since
 * 1 September 2022 the District Magistrate issues it (JJ Act 2015 s.61 as amended 2021); the CWC
 * only declares the child legally free for adoption (Form 25, s.38).
 */
export const CWC_ORDER_FORMS = ['form18', 'form19', 'form25', 'form32', 'form36', 'form37', 'form44', 'other'] as const;
export type CwcOrderForm = (typeof CWC_ORDER_FORMS)[number];

/** What each order form is, the rule prescribing it and the order types issued on it. */
export interface CwcOrderFormRule {
  form: Exclude<CwcOrderForm, 'other'>;
  title: string;
  /** The rule or section prescribing the form. */
  citation: string;
  orderTypes: readonly CwcOrderType[];
}

export const CWC_ORDER_FORM_RULES: readonly CwcOrderFormRule[] = [
  {
    form: 'form18',
    title: "Order of placement in a Children's Home or a Specialised Adoption Agency",
    citation: 'JJ Act 2015 s.37(1)(c); JJ Model Rules 2016 Form 18',
    orderTypes: ['cci_placement', 'saa_placement', 'fit_facility'],
  },
  {
    form: 'form19',
    title: 'Order of placement with a fit person pending inquiry',
    citation: 'JJ Act 2015 s.37(1)(d); JJ Model Rules 2016 Form 19',
    orderTypes: ['fit_person'],
  },
  {
    form: 'form25',
    title: 'Certificate declaring a child legally free for adoption',
    citation: 'JJ Act 2015 s.38; JJ Model Rules 2016 Form 25',
    orderTypes: ['lfa_declaration'],
  },
  {
    form: 'form32',
    title: 'Order of placement of a child in foster care',
    citation: 'JJ Model Rules 2016 R.23(15), Form 32 (JJ Act 2015 s.44)',
    orderTypes: ['foster_care'],
  },
  {
    form: 'form36',
    title: 'Sponsorship order',
    citation: 'JJ Model Rules 2016 R.24(5), Form 36 (JJ Act 2015 s.45)',
    orderTypes: ['sponsorship'],
  },
  {
    form: 'form37',
    title: 'Aftercare order',
    citation: 'JJ Model Rules 2016 R.25(2), Form 37 (JJ Act 2015 s.46)',
    orderTypes: ['aftercare'],
  },
  {
    form: 'form44',
    title: 'Release-cum-restoration order',
    citation: 'JJ Act 2015 s.37(1)(a); JJ Model Rules 2016 Form 44',
    orderTypes: ['restoration', 'kinship_care'],
  },
];

/** The forms an order of this type may be issued on ('other' is always allowed for a state's own form). */
export function formsForOrderType(orderType: CwcOrderType): Array<Exclude<CwcOrderForm, 'other'>> {
  return CWC_ORDER_FORM_RULES.filter((r) => r.orderTypes.includes(orderType)).map((r) => r.form);
}

/**
 * Codes the app offered before issue #18 for forms that are not orders. Migration 0640 rewrote
 * stored orders to the form their order type is issued on; kept here so the mapping is one rule.
 */
export const LEGACY_ORDER_FORMS = ['form30', 'form34', 'form35'] as const;
export function correctedOrderForm(orderType: CwcOrderType): CwcOrderForm {
  return formsForOrderType(orderType)[0] ?? 'other';
}

/**
 * The evidence of age in the order JJ Act 2015 s.94(2) gives it: (i) the school's date-of-birth
 * certificate or the matriculation (or equivalent) certificate; in their absence (ii) the birth
 * certificate of a corporation, municipal authority or panchayat; and only in the absence of both
 * (iii) an ossification or other latest medical age determination test ordered by the Committee
 * or Board, completed within fifteen days of the order.
 */
export const AGE_EVIDENCE = ['school_certificate', 'matriculation_certificate', 'birth_certificate', 'medical_test'] as const;
export type AgeEvidence = (typeof AGE_EVIDENCE)[number];
/** The medical age determination tests s.94(2)(iii) names. */
export const AGE_TESTS = ['ossification', 'other_medical'] as const;
export type AgeTest = (typeof AGE_TESTS)[number];

/** Why a CWC orders a child escorted to another district or state: a transfer (s.95) or a restoration (s.37(1)). */
export const ESCORT_PURPOSES = ['transfer', 'restoration'] as const;
export type EscortPurpose = (typeof ESCORT_PURPOSES)[number];
/**
 * Who escorts (JJ Act 2015 s.95(2)): the Special Juvenile Police Unit; where none is available, the
 * institution where the child stays or the DCPU. A girl child is accompanied by a woman officer.
 */
export const ESCORT_BY = ['sjpu', 'institution', 'dcpu'] as const;
export type EscortBy = (typeof ESCORT_BY)[number];

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
