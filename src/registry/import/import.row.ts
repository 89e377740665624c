import { z } from 'zod';
import { isoDate } from '../../http/iso-date';
import { CAREGIVER_TYPES, CARE_STATUSES, SCHOOL_STATUSES, SEXES, VULNERABILITY_FACTORS } from '../vocabulary';

/** The columns `samanvay import` reads (docs/IMPORT.md). Blank cells are "unknown". */
export const IMPORT_COLUMNS = [
  'family_ref',
  'district',
  'taluka',
  'village',
  'head_name',
  'head_name_local',
  'caregiver_type',
  'annual_income',
  'vulnerability_factors',
  'child_name',
  'child_name_local',
  'sex',
  'dob',
  'age',
  'care_status',
  'school_status',
] as const;
export const REQUIRED_COLUMNS = ['district', 'village', 'head_name', 'child_name', 'sex'] as const;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodTypeAny>(s: T) => z.preprocess(blank, s.optional());
const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);

export const importRow = z
  .object({
    family_ref: opt(z.string().max(60)),
    district: z.string().trim().min(1, 'is required'),
    taluka: opt(z.string().trim().max(80)),
    village: z.string().trim().min(1, 'is required').max(120),
    head_name: z.string().trim().min(1, 'is required').max(120),
    head_name_local: opt(z.string().trim().max(120)),
    caregiver_type: z.preprocess((v) => blank(lower(v)) ?? 'both_parents', z.enum(CAREGIVER_TYPES)),
    annual_income: opt(z.coerce.number().int('must be whole rupees').min(0, 'cannot be negative').max(100_000_000)),
    vulnerability_factors: z.preprocess(
      (v) =>
        typeof v === 'string' && v.trim()
          ? v
              .split(/[;|]/)
              .map((x) => x.trim().toLowerCase())
              .filter(Boolean)
          : [],
      z.array(z.enum(VULNERABILITY_FACTORS)),
    ),
    child_name: z.string().trim().min(1, 'is required').max(120),
    child_name_local: opt(z.string().trim().max(120)),
    sex: z.preprocess((v) => ({ f: 'female', m: 'male', girl: 'female', boy: 'male' })[lower(v) as string] ?? lower(v), z.enum(SEXES)),
    dob: opt(isoDate),
    age: opt(z.coerce.number().min(0, 'cannot be negative').max(25, 'must be 25 or under')),
    care_status: z.preprocess((v) => blank(lower(v)) ?? 'birth_family', z.enum(CARE_STATUSES)),
    school_status: opt(z.preprocess(lower, z.enum(SCHOOL_STATUSES))),
  })
  .refine((r) => r.dob || r.age != null, { path: ['dob'], message: 'give dob or age' });

export type ImportRow = z.infer<typeof importRow>;
