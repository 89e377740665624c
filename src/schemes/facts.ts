// The facts the eligibility engine reads about a child and their family.
// Every field is optional: a field worker rarely knows everything at first
// contact, and a missing fact makes a scheme "maybe", never an error.
// Derived facts (age from date of birth, orphan status from the parents'
// status, ...) are computed in derive-facts.ts.

export const SEXES = ['female', 'male', 'transgender'] as const;
export const ORPHAN_STATUSES = ['both_parents_dead', 'one_parent_dead', 'abandoned', 'not_orphan'] as const;
export const PARENT_STATUSES = ['alive', 'dead', 'imprisoned', 'seriously_ill', 'disabled', 'divorced_separated', 'deserted'] as const;
export const DEATH_CAUSES = ['covid19', 'illness', 'accident', 'suicide', 'violence', 'other'] as const;
export const AREAS = ['rural', 'urban'] as const;
// NFSA 2013 s.3: Antyodaya Anna Yojana and priority households; NPHH is the
// state's non-priority card (Maharashtra "white" card).
export const RATION_CARD_TYPES = ['AAY', 'PHH', 'NPHH', 'none'] as const;
// Maharashtra's reservation categories: VJNT = Vimukta Jati (VJ-A) and NT =
// Nomadic Tribes (NT-B/C/D), the state's names for the DNT communities.
// EBC: economically backward class (Maharashtra's open-category EWS/EBC certificate), named in the
// state's RTE 25% disadvantaged group and in PM YASASVI.
export const CASTE_CATEGORIES = ['SC', 'ST', 'OBC', 'VJNT', 'NT', 'SBC', 'EBC', 'General'] as const;
export const CARE_STATUSES = ['birth_family', 'kinship', 'foster', 'cci', 'aftercare', 'adopted', 'missing', 'street_connected'] as const;
export const SCHOOL_MANAGEMENTS = ['government', 'aided', 'private_unaided'] as const;

export type Sex = (typeof SEXES)[number];
export type OrphanStatus = (typeof ORPHAN_STATUSES)[number];
export type ParentStatus = (typeof PARENT_STATUSES)[number];
export type DeathCause = (typeof DEATH_CAUSES)[number];
export type Area = (typeof AREAS)[number];
export type RationCardType = (typeof RATION_CARD_TYPES)[number];
export type CasteCategory = (typeof CASTE_CATEGORIES)[number];
export type CareStatus = (typeof CARE_STATUSES)[number];
export type SchoolManagement = (typeof SCHOOL_MANAGEMENTS)[number];
/** ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;

/**
 * Facts about one subject (a child with the family's facts merged in, or the
 * family alone). Dates are ISO strings; money is rupees per year.
 */
export interface Facts {
  // child
  age?: number;
  dob?: IsoDate;
  assessmentDate?: IsoDate;
  sex?: Sex;
  orphanStatus?: OrphanStatus;
  fatherStatus?: ParentStatus;
  motherStatus?: ParentStatus;
  fatherDeathDate?: IsoDate;
  fatherDeathCause?: DeathCause;
  motherDeathDate?: IsoDate;
  motherDeathCause?: DeathCause;
  guardianDeathDate?: IsoDate;
  guardianDeathCause?: DeathCause;
  singleParent?: boolean;
  disability?: boolean;
  disabilityPercent?: number;
  careStatus?: CareStatus;
  enrolledInSchool?: boolean;
  schoolClass?: number;
  schoolManagement?: SchoolManagement;
  cwcRecommendation?: boolean;
  aftercareExtensionApproved?: boolean;
  // Circumstances of a child in need of care and protection (JJ Act 2015 s.2(14); Mission
  // Vatsalya guidelines 2022, sponsorship 4.1): written down when they happened, so rules read
  // "not recorded" as no (`ifMissing: false`).
  childLabour?: boolean;
  childMarriage?: boolean;
  trafficked?: boolean;
  hivAffected?: boolean;
  missingOrRunaway?: boolean;
  pmCaresChild?: boolean;
  /** A parent works in an unclean or hazardous occupation (SC pre-matric component, MoSJE). */
  parentUncleanOccupation?: boolean;
  // family
  annualIncome?: number;
  area?: Area;
  bpl?: boolean;
  rationCardType?: RationCardType;
  seccListed?: boolean;
  casteCategory?: CasteCategory;
  stateCode?: number;
  districtCode?: number;
  motherAge?: number;
  widowedMotherAge?: number;
  breadwinnerAgeAtDeath?: number;
  breadwinnerDeathDate?: IsoDate;
  // derived (computed from the above; may also be given directly)
  ageAtFatherDeath?: number;
  ageAtMotherDeath?: number;
  ageAtGuardianDeath?: number;
  ageOnDec31?: number;
  /** Both parents dead: the cause of the later death (whose loss orphaned the child). */
  lastParentDeathCause?: DeathCause;
}

export type FactName = keyof Facts;
export type FactKind = 'number' | 'boolean' | 'date' | 'enum';

export interface FactDef {
  kind: FactKind;
  /** Short noun used in reasons: "income ₹60,000 is under ...". */
  label: string;
  unit?: 'inr' | 'years' | 'percent' | 'code';
  /** Plausible range; values outside it are treated as not recorded. */
  min?: number;
  max?: number;
  integer?: boolean;
  values?: readonly string[];
  valueLabels?: Record<string, string>;
  /** Sentences for booleans. */
  yes?: string;
  no?: string;
  /** Another fact shown beside this one, e.g. the cause beside a death date. */
  context?: FactName;
  /** Computed by deriveFacts when not given. */
  derived?: boolean;
}

const PARENT_LABELS: Record<ParentStatus, string> = {
  alive: 'alive',
  dead: 'deceased',
  imprisoned: 'in prison',
  seriously_ill: 'seriously ill',
  disabled: 'disabled',
  divorced_separated: 'divorced or separated',
  deserted: 'deserted the family',
};
const CAUSE_LABELS: Record<DeathCause, string> = {
  covid19: 'COVID-19',
  illness: 'illness',
  accident: 'accident',
  suicide: 'suicide',
  violence: 'violence',
  other: 'other cause',
};
const years = (label: string, extra: Partial<FactDef> = {}): FactDef => ({
  kind: 'number',
  label,
  unit: 'years',
  min: 0,
  max: 120,
  ...extra,
});
const parent = (who: string): FactDef => ({
  kind: 'enum',
  label: who,
  values: PARENT_STATUSES,
  valueLabels: PARENT_LABELS,
});
const flag = (label: string, yes: string, no: string): FactDef => ({ kind: 'boolean', label, yes, no });
const death = (who: string, cause: FactName): FactDef => ({ kind: 'date', label: `${who}'s death recorded`, context: cause });
const cause = (who: string): FactDef => ({
  kind: 'enum',
  label: `${who}'s cause of death`,
  values: DEATH_CAUSES,
  valueLabels: CAUSE_LABELS,
});

/** The fact registry: the only names the rule language accepts. */
export const FACTS: { readonly [K in FactName]-?: FactDef } = {
  age: years('age'),
  dob: { kind: 'date', label: 'date of birth' },
  assessmentDate: { kind: 'date', label: 'date the age was recorded' },
  sex: { kind: 'enum', label: 'sex', values: SEXES },
  orphanStatus: {
    kind: 'enum',
    label: 'orphan status',
    derived: true,
    values: ORPHAN_STATUSES,
    valueLabels: {
      both_parents_dead: 'both parents dead',
      one_parent_dead: 'one parent dead',
      abandoned: 'abandoned',
      not_orphan: 'not an orphan',
    },
  },
  fatherStatus: parent('father'),
  motherStatus: parent('mother'),
  fatherDeathDate: death('father', 'fatherDeathCause'),
  fatherDeathCause: cause('father'),
  motherDeathDate: death('mother', 'motherDeathCause'),
  motherDeathCause: cause('mother'),
  guardianDeathDate: death('legal guardian or adoptive parent', 'guardianDeathCause'),
  guardianDeathCause: cause('legal guardian or adoptive parent'),
  singleParent: {
    kind: 'boolean',
    label: 'single-parent family',
    derived: true,
    yes: 'the child lives with a single parent',
    no: 'the child does not live with a single parent',
  },
  disability: {
    kind: 'boolean',
    label: 'disability',
    yes: 'the child has a disability',
    no: 'the child has no recorded disability',
  },
  disabilityPercent: { kind: 'number', label: 'disability', unit: 'percent', min: 0, max: 100 },
  careStatus: {
    kind: 'enum',
    label: 'care status',
    values: CARE_STATUSES,
    valueLabels: {
      birth_family: 'with birth family',
      kinship: 'kinship care (with relatives)',
      foster: 'foster care',
      cci: 'in a child care institution',
      aftercare: 'aftercare',
      adopted: 'adopted',
      missing: 'missing',
      street_connected: 'street-connected',
    },
  },
  enrolledInSchool: {
    kind: 'boolean',
    label: 'school enrolment',
    yes: 'the child is enrolled in school',
    no: 'the child is not enrolled in school',
  },
  schoolClass: { kind: 'number', label: 'school class', min: 0, max: 12, integer: true },
  schoolManagement: {
    kind: 'enum',
    label: 'school type',
    values: SCHOOL_MANAGEMENTS,
    valueLabels: { government: 'government school', aided: 'aided school', private_unaided: 'private unaided school' },
  },
  cwcRecommendation: {
    kind: 'boolean',
    label: 'CWC recommendation',
    yes: 'a Child Welfare Committee recommendation/order is on file',
    no: 'no Child Welfare Committee recommendation/order is on file',
  },
  aftercareExtensionApproved: {
    kind: 'boolean',
    label: 'aftercare extension',
    yes: 'aftercare has been extended beyond 21',
    no: 'aftercare has not been extended beyond 21',
  },
  childLabour: flag('child labour', 'the child was rescued from or is in child labour', 'no child labour is recorded'),
  childMarriage: flag('child marriage', 'the child is a victim of child marriage', 'no child marriage is recorded'),
  trafficked: flag('trafficking', 'the child is a victim of trafficking', 'no trafficking is recorded'),
  hivAffected: flag('HIV/AIDS', 'the child is affected by HIV/AIDS', 'the child is not recorded as affected by HIV/AIDS'),
  missingOrRunaway: flag(
    'missing or runaway',
    'the child went missing or ran away from home',
    'the child is not recorded as missing or runaway',
  ),
  pmCaresChild: flag(
    'PM CARES for Children',
    'the child is registered under PM CARES for Children',
    'the child is not registered under PM CARES for Children',
  ),
  parentUncleanOccupation: flag(
    "parent's occupation",
    'a parent works in an unclean or hazardous occupation (manual scavenging, tanning, flaying, waste picking)',
    'no parent is recorded in an unclean or hazardous occupation',
  ),
  annualIncome: { kind: 'number', label: 'income', unit: 'inr', min: 0 },
  area: { kind: 'enum', label: 'area', values: AREAS },
  bpl: {
    kind: 'boolean',
    label: 'BPL status',
    yes: 'the family is below the poverty line (BPL)',
    no: 'the family is not below the poverty line (BPL)',
  },
  rationCardType: {
    kind: 'enum',
    label: 'ration card',
    values: RATION_CARD_TYPES,
    valueLabels: {
      AAY: 'Antyodaya (AAY)',
      PHH: 'priority household (PHH)',
      NPHH: 'non-priority',
      none: 'none',
    },
  },
  seccListed: {
    kind: 'boolean',
    label: 'SECC 2011 listing',
    yes: 'the family meets the SECC 2011 deprivation criteria',
    no: 'the family is not in the SECC 2011 deprivation list',
  },
  casteCategory: { kind: 'enum', label: 'caste category', values: CASTE_CATEGORIES },
  stateCode: { kind: 'number', label: 'state (LGD code)', unit: 'code', min: 1, max: 99, integer: true },
  districtCode: { kind: 'number', label: 'district (LGD code)', unit: 'code', min: 1, integer: true },
  motherAge: years("mother's age"),
  widowedMotherAge: years("widowed mother's age", { derived: true }),
  breadwinnerAgeAtDeath: years("deceased breadwinner's age at death"),
  breadwinnerDeathDate: { kind: 'date', label: "breadwinner's death recorded" },
  ageAtFatherDeath: years("age at father's death", { derived: true }),
  ageAtMotherDeath: years("age at mother's death", { derived: true }),
  ageAtGuardianDeath: years("age at guardian's death", { derived: true }),
  ageOnDec31: years('age on 31 December', { derived: true }),
  lastParentDeathCause: { ...cause('parent who died last'), derived: true },
};

export const FACT_NAMES = Object.keys(FACTS) as FactName[];

export function isFactName(name: unknown): name is FactName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(FACTS, name);
}

/** Human label of an enum value, falling back to the raw value. */
export function valueLabel(fact: FactName, value: unknown): string {
  const def = FACTS[fact];
  if (def.kind === 'enum' && typeof value === 'string') return def.valueLabels?.[value] ?? value;
  if (def.kind === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
