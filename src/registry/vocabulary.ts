/**
 * The registry's controlled vocabularies. Shared by the API (validation) and the web app
 * (labels come from the i18n files under the same keys).
 */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;

export const CARE_STATUSES = [
  'birth_family',
  'kinship_care',
  'foster_care',
  'cci', // Child Care Institution (JJ Act 2015 s.2(21))
  'aftercare', // 18–21 (JJ Act 2015 s.46)
  'adopted',
  'missing',
  'street_connected',
] as const;

export const CAREGIVER_TYPES = [
  'both_parents',
  'single_mother',
  'single_father',
  'grandparent',
  'sibling',
  'relative',
  'child_headed',
  'none',
] as const;

export const VULNERABILITY_FACTORS = [
  'parent_death',
  'both_parents_dead',
  'suicide_in_family',
  'addiction',
  'domestic_violence',
  'disability_or_chronic_illness',
  'single_parent',
  'nomadic_denotified_tribe',
  'seasonal_migration',
  'begging',
  'no_documents',
  'child_labour',
  'child_marriage_risk',
  'out_of_school',
  'parent_imprisoned',
  'extreme_poverty',
] as const;

export const DOCUMENT_TYPES = [
  'birth_certificate',
  'aadhaar',
  'parent_death_certificate',
  'caste_certificate',
  'orphan_certificate',
  'income_certificate',
  'domicile',
  'ration_card',
  'bank_account',
  'disability_certificate',
] as const;

/** Documents every child should hold; the family page shows the rest as missing. */
export const EXPECTED_CHILD_DOCUMENTS = ['birth_certificate', 'aadhaar', 'bank_account'] as const;
export const EXPECTED_FAMILY_DOCUMENTS = ['ration_card', 'income_certificate', 'domicile', 'caste_certificate'] as const;

export const DOCUMENT_STATUSES = ['held', 'missing', 'applied_for', 'issued', 'not_possible'] as const;

export const SCHOOL_STATUSES = ['enrolled', 'out_of_school', 'dropped_out', 'never_enrolled', 'not_applicable'] as const;
export const AREA_TYPES = ['rural', 'urban'] as const;
export const RATION_CARDS = ['aay', 'phh', 'apl', 'none'] as const;
export const MIGRATION = ['none', 'seasonal', 'permanent', 'returned'] as const;
export const CASTE_CATEGORIES = ['sc', 'st', 'obc', 'vjnt', 'nt', 'sbc', 'general', 'unknown'] as const;
export const RELATIONSHIPS = [
  'mother',
  'father',
  'stepmother',
  'stepfather',
  'grandmother',
  'grandfather',
  'sibling',
  'aunt',
  'uncle',
  'other',
] as const;
export const DEATH_CAUSES = ['illness', 'suicide', 'accident', 'covid19', 'violence', 'unknown', 'other'] as const;
