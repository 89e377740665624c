/**
 * Where a rule comes from, as data. Every timeline, order form and eligibility rule the app
 * applies carries one of these, so a district official can see the Act's section or the
 * government order behind a due date or a verdict, the dates it applies between, and whether
 * the text was checked against the official document or only against a secondary source
 * (issue #18: the gazettes themselves were not reachable when the rules were reviewed).
 */
import { z } from 'zod';
import { isoDate } from '../http/iso-date';

/** What kind of instrument the rule rests on. `local_policy` is a default the state or district may change. */
export const INSTRUMENTS = ['act', 'rules', 'guidelines', 'government_order', 'scheme_guidelines', 'local_policy'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

/**
 * How far the rule's text was checked: against the gazette or the issuing department's own
 * document, against a secondary source (a ministry summary, a news report, a portal page), or
 * not at all (a figure that conflicts with published ones and is shown as unverified).
 */
export const VERIFICATIONS = ['official_text', 'secondary_source', 'unverified'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

export const ruleSourceSchema = z
  .strictObject({
    /** Short citation shown beside a due date or a reason, e.g. "JJ Act 2015 s.38(1)". */
    citation: z.string().trim().min(3).max(200),
    instrument: z.enum(INSTRUMENTS),
    /** The prescribed form, when the rule has one, e.g. "Form 32". */
    form: z.string().trim().min(1).max(60).optional(),
    /** Government order / notification number. */
    reference: z.string().trim().min(1).max(300).optional(),
    /** Date the instrument was issued. */
    issuedOn: isoDate.optional(),
    url: z.url().optional(),
    /** First day the rule applies. */
    appliesFrom: isoDate,
    /** Last day the rule applies; null while in force. */
    appliesUntil: isoDate.nullable(),
    verification: z.enum(VERIFICATIONS),
    note: z.string().trim().min(1).max(1000).optional(),
  })
  .refine((s) => s.appliesUntil === null || s.appliesUntil >= s.appliesFrom, {
    message: 'appliesUntil is before appliesFrom',
    path: ['appliesUntil'],
  });
export type RuleSource = z.infer<typeof ruleSourceSchema>;

/** True when the source applies on the IST calendar day `day` (YYYY-MM-DD). */
export function inForceOn(source: Pick<RuleSource, 'appliesFrom' | 'appliesUntil'>, day: string): boolean {
  return source.appliesFrom <= day && (source.appliesUntil === null || day <= source.appliesUntil);
}
