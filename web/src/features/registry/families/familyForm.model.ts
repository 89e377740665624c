import { familyInput, familyPatch } from '../../../../../src/registry/registry.model';
import { changedFields } from '../../../forms/versioned';
import type { FamilyRecord } from '../types';

/** The family form's values (strings as inputs give them) and the API input they become. */
export type FamilyFormValues = {
  locationId: string;
  headName: string;
  headNameLocal: string;
  caregiverType: string;
  areaType: string;
  annualIncome: string;
  rationCard: string;
  bpl: string; // '' | 'yes' | 'no'
  occupation: string;
  migration: string;
  casteCategory: string;
  socialGroup: string;
  vulnerabilityFactors: string[];
  address: string;
  notes: string;
};

export const FAMILY_EDIT_FIELDS = [
  'headName',
  'headNameLocal',
  'caregiverType',
  'vulnerabilityFactors',
  'areaType',
  'annualIncome',
  'rationCard',
  'bpl',
  'occupation',
  'migration',
  'casteCategory',
  'socialGroup',
  'address',
  'notes',
] as const;
export const FAMILY_CREATE_FIELDS = ['locationId', ...FAMILY_EDIT_FIELDS] as const;

export function emptyFamily(over: Partial<FamilyFormValues> = {}): FamilyFormValues {
  return {
    locationId: '',
    headName: '',
    headNameLocal: '',
    caregiverType: '',
    areaType: 'rural',
    annualIncome: '',
    rationCard: '',
    bpl: '',
    occupation: '',
    migration: '',
    casteCategory: '',
    socialGroup: '',
    vulnerabilityFactors: [],
    address: '',
    notes: '',
    ...over,
  };
}

export function familyToForm(f: FamilyRecord): FamilyFormValues {
  return emptyFamily({
    locationId: f.villageId ?? '',
    headName: f.headName,
    headNameLocal: f.headNameLocal ?? '',
    caregiverType: f.caregiverType ?? '',
    areaType: f.areaType ?? 'rural',
    annualIncome: f.annualIncome == null ? '' : String(f.annualIncome),
    rationCard: f.rationCard ?? '',
    bpl: f.bpl == null ? '' : f.bpl ? 'yes' : 'no',
    occupation: f.occupation ?? '',
    migration: f.migration ?? '',
    casteCategory: f.casteCategory ?? '',
    socialGroup: f.socialGroup ?? '',
    vulnerabilityFactors: f.vulnerabilityFactors ?? [],
    address: f.address ?? '',
    notes: f.notes ?? '',
  });
}

/** '' is "not given"; an amount typed with grouping (1,20,000) is read as 120000. */
const money = (s: string) => (s.trim() === '' ? null : Number(s.replace(/[,\s₹]/g, '')));
const bpl = (s: string) => (s === '' ? null : s === 'yes');
const text = (s: string) => (s.trim() === '' ? null : s);

function convert(field: (typeof FAMILY_EDIT_FIELDS)[number], v: FamilyFormValues): unknown {
  switch (field) {
    case 'annualIncome':
      return money(v.annualIncome);
    case 'bpl':
      return bpl(v.bpl);
    case 'vulnerabilityFactors':
      return v.vulnerabilityFactors;
    case 'headName':
    case 'caregiverType':
    case 'areaType':
      return v[field]; // required: an empty one is refused, never sent as null
    default:
      return text(v[field]);
  }
}

/** Required fields are always sent (an empty one is refused with the schema's own words); optional ones only when given. */
export function familyCreatePayload(v: FamilyFormValues) {
  const out: Record<string, unknown> = { locationId: v.locationId, headName: v.headName, caregiverType: v.caregiverType };
  for (const f of FAMILY_EDIT_FIELDS) {
    const x = convert(f, v);
    if (x !== null && x !== '') out[f] = x;
  }
  return out;
}

/**
 * Changed fields only, at the version the edit started from. vulnerabilityFactors and
 * areaType are always sent: the server's familyPatch schema fills in their defaults ([]
 * and 'rural') when they are left out, which would wipe them. Sending them at the base
 * version is safe: if anyone changed the family meanwhile, the save is refused with 409.
 */
export function familyPatchPayload(base: FamilyFormValues, v: FamilyFormValues, version: number) {
  const out: Record<string, unknown> = { version, vulnerabilityFactors: v.vulnerabilityFactors, areaType: v.areaType };
  for (const f of changedFields(base, v, FAMILY_EDIT_FIELDS)) out[f] = convert(f, v);
  return out;
}

export const familySchemas = { create: familyInput, edit: familyPatch };
