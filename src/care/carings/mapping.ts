import { z } from 'zod';
import { CARINGS_MAPPING_DATA } from './mapping.data';

/** Where a CARINGS column comes from: the facts `carings.service.ts` gathers for one hand-off. */
export const CARINGS_SOURCES = [
  'handoff.id',
  'handoff.caringsRef',
  'handoff.orderRef',
  'handoff.declaredFreeOn',
  'handoff.handedOverOn',
  'handoff.status',
  'handoff.statusOn',
  'child.name',
  'child.nameLocal',
  'child.sex',
  'child.dob',
  'child.dobEstimated',
  'child.stateCode',
  'child.districtCode',
  'child.disability',
  'child.healthNotes',
  'case.category',
  'case.surrenderedOn',
  'case.form23Ref',
  'saa.name',
  'saa.registrationNo',
] as const;
export type CaringsSource = (typeof CARINGS_SOURCES)[number];
export type CaringsFacts = Record<CaringsSource, string | number | boolean | null | undefined>;

const field = z.strictObject({
  column: z.string().regex(/^[a-z][a-z0-9_]*$/, 'is a snake_case column name'),
  caringsField: z.string().min(1),
  from: z.enum(CARINGS_SOURCES),
  transform: z.enum(['text', 'date', 'yes_no', 'sex', 'category']),
  required: z.boolean(),
  meaning: z.string().min(1),
});
export const caringsMappingSchema = z
  .strictObject({
    version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    source: z.string().min(1),
    assumptions: z.array(z.string().min(1)).min(1),
    fields: z.array(field).min(1),
  })
  .refine((m) => new Set(m.fields.map((f) => f.column)).size === m.fields.length, { message: 'a column is named twice', path: ['fields'] });
export type CaringsMapping = z.infer<typeof caringsMappingSchema>;

/** Validated once, when the module loads: a bad mapping stops the server rather than writing a wrong file. */
export const CARINGS_MAPPING: CaringsMapping = caringsMappingSchema.parse(CARINGS_MAPPING_DATA);

const SEX: Record<string, string> = { male: 'Male', female: 'Female', transgender: 'Transgender' };
const CATEGORY: Record<string, string> = { orphan: 'Orphan', abandoned: 'Abandoned', surrendered: 'Surrendered' };

function cell(transform: CaringsMapping['fields'][number]['transform'], v: CaringsFacts[CaringsSource]): string {
  if (v === null || v === undefined || v === '') return transform === 'yes_no' ? 'No' : '';
  switch (transform) {
    case 'sex':
      return SEX[String(v)] ?? '';
    case 'category':
      return CATEGORY[String(v)] ?? '';
    case 'yes_no':
      return v === false ? 'No' : 'Yes';
    default:
      return String(v);
  }
}

/** One hand-off as the CARINGS row, and the required columns left blank (the SAA completes them). */
export function caringsRow(facts: CaringsFacts, mapping: CaringsMapping = CARINGS_MAPPING) {
  const row: Record<string, string> = {};
  const missing: string[] = [];
  for (const f of mapping.fields) {
    row[f.column] = cell(f.transform, facts[f.from]);
    if (f.required && row[f.column] === '') missing.push(f.column);
  }
  return { row, missing };
}
