// A scheme in the catalogue, and the validation every catalogue goes through
// at load. Rules change by Government Resolution, so each scheme keeps a list
// of versions with validFrom/validTo and a source, and the engine judges a
// case by the version in force on the date asked about.

import { z } from 'zod';
import { DOCUMENT_TYPES, type DocumentType } from './documents';
import type { IsoDate } from './facts';
import { isoDate } from '../http/iso-date';
import { isIsoDate } from './format';
import { VERIFICATIONS, type Verification } from '../law/source';
import { ConditionSchema, RuleSchema, formatIssues, type Condition, type Rule, type Validated } from './rules';

export const SUBJECTS = ['child', 'family', 'caregiver'] as const;
/** Whom the benefit is for: each child, the household, or the caregiver (e.g. a widowed mother). */
export type Subject = (typeof SUBJECTS)[number];
export const PERIODS = ['monthly', 'yearly', 'once'] as const;
export type Period = (typeof PERIODS)[number];

export type Benefit =
  | { kind: 'cash'; amount: number; period: Period; note?: string }
  | { kind: 'in_kind'; description: string; valueInr?: number; period?: Period; note?: string };

export interface RequiredDocument {
  doc: DocumentType;
  /** Any one of these instead of `doc` will do (e.g. orphan certificate for a death certificate). */
  alternatives?: readonly DocumentType[];
  /** Only needed when this holds (e.g. caste certificate only when claiming by caste). */
  when?: Condition;
  note?: string;
}

export interface Source {
  title: string;
  url?: string;
  /** GR / notification number. */
  reference?: string;
  date: IsoDate;
  /** Short citation shown beside a verdict, e.g. "Mission Vatsalya guidelines 2022, 4.1" (issue #18). */
  citation?: string;
  /** How far the rule's text was checked (src/law/source.ts): the official document, a secondary source, or not at all. */
  verification?: Verification;
}

export interface SchemeVersion {
  validFrom: IsoDate;
  /** Last day in force; null while open-ended. */
  validTo: IsoDate | null;
  benefit: Benefit;
  rules: Rule;
  documents: ReadonlyArray<DocumentType | RequiredDocument>;
  source?: Source;
  /** What is uncertain or simplified in this version's data. */
  note?: string;
}

export interface LocalisedName {
  en: string;
  hi: string;
  mr: string;
}

export interface Scheme {
  id: string;
  name: LocalisedName;
  department: string;
  level: 'central' | 'state';
  /** LGD state code where it applies; null for all-India. */
  state: number | null;
  stateName?: string;
  subject: Subject;
  channel: { mode: 'online' | 'offline' | 'online_or_offline'; where: string; url?: string };
  sources: readonly Source[];
  versions: readonly SchemeVersion[];
}

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const money = z.number().finite().nonnegative('amounts cannot be negative');

// citation and verification are optional here only so revisions stored before issue #18 still
// load; every built-in scheme gives both (catalogue/sources.test.ts).
const SourceSchema = z.strictObject({
  title: nonEmpty,
  url: z.url().optional(),
  reference: z.string().optional(),
  date: isoDate,
  citation: z.string().trim().min(3).max(200).optional(),
  verification: z.enum(VERIFICATIONS).optional(),
});

const BenefitSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cash'), amount: money, period: z.enum(PERIODS), note: z.string().optional() }),
  z.strictObject({
    kind: z.literal('in_kind'),
    description: nonEmpty,
    valueInr: money.optional(),
    period: z.enum(PERIODS).optional(),
    note: z.string().optional(),
  }),
]);

const DocSchema = z.union([
  z.enum(DOCUMENT_TYPES),
  z.strictObject({
    doc: z.enum(DOCUMENT_TYPES),
    alternatives: z.array(z.enum(DOCUMENT_TYPES)).optional(),
    when: ConditionSchema.optional(),
    note: z.string().optional(),
  }),
]);

const VersionSchema = z
  .strictObject({
    validFrom: isoDate,
    validTo: isoDate.nullable(),
    benefit: BenefitSchema,
    rules: RuleSchema,
    documents: z.array(DocSchema),
    source: SourceSchema.optional(),
    note: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.validTo !== null && v.validTo < v.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: `validTo ${v.validTo} is before validFrom ${v.validFrom}` });
    }
  });

export const SchemeSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be lower-case words joined by hyphens'),
    name: z.strictObject({ en: nonEmpty, hi: nonEmpty, mr: nonEmpty }),
    department: nonEmpty,
    level: z.enum(['central', 'state']),
    state: z.number().int().min(1).max(99).nullable(),
    stateName: z.string().optional(),
    subject: z.enum(SUBJECTS),
    channel: z.strictObject({
      mode: z.enum(['online', 'offline', 'online_or_offline']),
      where: nonEmpty,
      url: z.url().optional(),
    }),
    sources: z.array(SourceSchema).min(1, 'a scheme needs at least one source'),
    versions: z.array(VersionSchema).min(1, 'a scheme needs at least one version'),
  })
  .superRefine((s, ctx) => {
    if (s.level === 'state' && s.state === null) {
      ctx.addIssue({ code: 'custom', path: ['state'], message: 'a state scheme needs the LGD code of its state' });
    }
    // Versions in date order without overlap, so exactly one applies on a date.
    for (let i = 1; i < s.versions.length; i++) {
      const prev = s.versions[i - 1];
      const cur = s.versions[i];
      if (prev.validTo === null || prev.validTo >= cur.validFrom) {
        ctx.addIssue({
          code: 'custom',
          path: ['versions', i, 'validFrom'],
          message: `version starting ${cur.validFrom} overlaps the previous one (${prev.validFrom} – ${prev.validTo ?? 'open'}); versions must be in date order without overlap`,
        });
      }
    }
  });

export const CatalogueSchema = z.array(SchemeSchema).superRefine((list, ctx) => {
  const seen = new Map<string, number>();
  list.forEach((s, i) => {
    const first = seen.get(s.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate scheme id "${s.id}" (also schemes[${first}])` });
    } else seen.set(s.id, i);
  });
});

/** Validates one scheme; errors read "scheme.versions[0].rules.all[1]: ...". */
export function validateScheme(input: unknown, at = 'scheme'): Validated<Scheme> {
  const r = SchemeSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data as Scheme } : { ok: false, errors: formatIssues(at, r.error.issues) };
}

/** Validates a whole catalogue; errors read "schemes[3].versions[0].rules.all[1]: ...". */
export function validateCatalogue(input: unknown): Validated<Scheme[]> {
  const r = CatalogueSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data as Scheme[] } : { ok: false, errors: formatIssues('schemes', r.error.issues) };
}

/** The version in force on `asOf`, or null. */
export function versionInForce(scheme: Scheme, asOf: IsoDate): SchemeVersion | null {
  if (!isIsoDate(asOf)) return null;
  for (const v of scheme.versions) {
    if (v.validFrom <= asOf && (v.validTo === null || asOf <= v.validTo)) return v;
  }
  return null;
}

/** A benefit as rupees per year, for sorting; in-kind without a value counts 0. */
export function annualValue(b: Benefit): number {
  const amount = b.kind === 'cash' ? b.amount : (b.valueInr ?? 0);
  const period = b.period ?? 'once';
  return period === 'monthly' ? amount * 12 : amount;
}
