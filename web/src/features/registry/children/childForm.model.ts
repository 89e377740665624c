import { childInput, childPatch } from '../../../../../src/registry/registry.model';
import type { FieldErrors } from '../../../forms/errors';
import { changedFields } from '../../../forms/versioned';
import type { ChildRecord } from '../types';

/**
 * What the child form holds (strings, as inputs give them) and how it becomes the API's
 * input. Validation is the server's own zod schemas (src/registry/registry.model.ts).
 */
export type ChildFormValues = {
  familyId: string;
  locationId: string;
  name: string;
  nameLocal: string;
  otherNames: string;
  sex: string;
  dob: string;
  ageYears: string;
  careStatus: string;
  schoolStatus: string;
  school: string;
  healthNotes: string;
  disability: string;
};

/** The fields an edit may change (childPatch), in the order the conflict view lists them. */
export const CHILD_EDIT_FIELDS = [
  'name',
  'nameLocal',
  'otherNames',
  'sex',
  'dob',
  'careStatus',
  'schoolStatus',
  'school',
  'healthNotes',
  'disability',
] as const;
export const CHILD_CREATE_FIELDS = ['familyId', 'locationId', ...CHILD_EDIT_FIELDS, 'ageYears'] as const;

export function emptyChild(over: Partial<ChildFormValues> = {}): ChildFormValues {
  return {
    familyId: '',
    locationId: '',
    name: '',
    nameLocal: '',
    otherNames: '',
    sex: '',
    dob: '',
    ageYears: '',
    careStatus: '',
    schoolStatus: '',
    school: '',
    healthNotes: '',
    disability: '',
    ...over,
  };
}

export function childToForm(c: ChildRecord): ChildFormValues {
  return emptyChild({
    familyId: c.familyId ?? '',
    locationId: c.villageId ?? '',
    name: c.name,
    nameLocal: c.nameLocal ?? '',
    otherNames: (c.otherNames ?? []).join(', '),
    sex: c.sex,
    dob: c.dob ?? '',
    careStatus: c.careStatus ?? '',
    schoolStatus: c.schoolStatus ?? '',
    school: c.school ?? '',
    healthNotes: c.healthNotes ?? '',
    disability: c.disability ?? '',
  });
}

const splitNames = (s: string) =>
  s
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
const opt = (s: string) => (s.trim() === '' ? undefined : s);

export function childCreatePayload(v: ChildFormValues) {
  return {
    familyId: opt(v.familyId),
    locationId: v.familyId ? undefined : opt(v.locationId),
    name: v.name,
    nameLocal: opt(v.nameLocal),
    otherNames: splitNames(v.otherNames),
    sex: opt(v.sex),
    dob: opt(v.dob),
    ageYears: num(v.ageYears),
    careStatus: opt(v.careStatus),
    schoolStatus: opt(v.schoolStatus),
    school: opt(v.school),
    healthNotes: opt(v.healthNotes),
    disability: opt(v.disability),
  };
}

/** Only what changed since the form opened; a cleared optional field is sent as null. */
export function childPatchPayload(base: ChildFormValues, v: ChildFormValues, version: number) {
  const out: Record<string, unknown> = { version };
  for (const f of changedFields(base, v, CHILD_EDIT_FIELDS)) {
    if (f === 'otherNames') out.otherNames = splitNames(v.otherNames);
    else if (f === 'name' || f === 'sex' || f === 'careStatus') out[f] = v[f];
    else out[f] = v[f].trim() === '' ? null : v[f];
  }
  return out;
}

/**
 * The service's own check (children.service.ts createChild) and the schema's place check
 * (which zod only reports once every field is valid), with their words.
 */
export function childCreateExtra(d: Record<string, unknown>): FieldErrors {
  const out: FieldErrors = {};
  if (!d.dob && d.ageYears == null) out.dob = 'give a date of birth or an estimated age';
  if (!d.familyId && !d.locationId) out.locationId = 'choose a family or a village';
  return out;
}

export const childSchemas = { create: childInput, edit: childPatch };
